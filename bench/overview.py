"""Benchmark the story overview: the bundled story, then generated stories of 50 and 200.

    python bench/overview.py [--repeat 3] [--sizes 50 200]

(1) ``build_overview`` on the bundled story. (2) Generated stories of 50 and 200
articles of about 5 KB each, built deterministically from the seed sentences (see
`story`), median time of ``build_overview``, the time per article, and the growth
from 50 to 200 articles (the goal: at most 5x for 4x the articles, and 200 articles
under 10 s). (3) The baseline, measured in the same run on the 50-article story:
every pair aligned in full with ``align_prepared`` (articles prepared once, story
weights computed once), which is what the overview would cost without its sentence
index. It runs once: it is slow.

The generated story has the shape of a running news story: each day has its wire
reports and its facts. An article may reprint a run of one of its day's wire
reports (lightly edited), restates a few of its day's facts in its own words, and
fills the rest with its own material: seed sentences rewritten with invented words,
so the vocabulary grows with the story as a real archive's does. Sharing is dense
within a day and sparse across days; the script prints how many article pairs the
index proposed, so the density is on the record.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from tui.core.alignment.align import align_prepared
from tui.core.alignment.units import prepare, story_weights
from tui.core.language.sentences import SENTENCE, segment
from tui.core.reading.articles import Article
from tui.core.reading.loading import load_paths
from tui.core.story.overview import Overview, build_overview

KB = 1000
ARTICLE_SIZE = 5 * KB
ARTICLES_PER_DAY = 10
WIRES_PER_DAY = 2
FACTS_PER_DAY = 8
WIRE_SHARE = 0.7
"""Share of words each wire report rewrites in its seed sentences (its own wording)."""
FACT_SHARE = 0.6
"""The same for the facts of a day, which its articles restate."""
OWN_SHARE = 0.8
"""The same for an article's own material: new facts on a frame mixed from two seed sentences."""
RECAP = 0.5
"""Chance that an article also restates one of the day before's facts (a running story)."""
_SYLLABLES = [
    "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "po",
    "ga", "ze", "an", "or", "bu", "fe", "hi", "ju", "ke", "la",
]  # fmt: skip
_WORD = re.compile(r"[A-Za-z]{4,}|\d[\d,.]*")


def median_seconds(call: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """Median wall time and median CPU time of ``call`` over ``repeat`` runs, and its result.

    CPU time is printed beside wall time because a shared machine's other work
    inflates wall time; the growth ratio is given for both.
    """
    wall, cpu = [], []
    result: object = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = call()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu), result


def seed_pool() -> list[str]:
    """Every prose sentence of the bundled story with eight words or more, on one line."""
    pool = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for sentence in segment(text):
            body = " ".join(sentence.span.slice(text).split())
            if sentence.kind == SENTENCE and len(body.split()) >= 8:
                pool.append(body)
    return pool


def invent(rng: random.Random) -> str:
    """A made-up word (one of millions): the vocabulary grows as the story does."""
    return "".join(rng.choices(_SYLLABLES, k=rng.randint(4, 5)))


def edit(sentence: str, rng: random.Random, edits: int) -> str:
    """``edits`` small changes: a word dropped, two swapped, a number or a word replaced."""
    words = sentence.split()
    for _ in range(edits):
        k = rng.randrange(len(words))
        roll = rng.random()
        if roll < 0.25 and len(words) > 6:
            del words[k]
        elif roll < 0.45 and k + 1 < len(words):
            words[k], words[k + 1] = words[k + 1], words[k]
        elif roll < 0.6:
            words[k] = str(rng.randint(2, 99_999))
        else:
            words[k] = invent(rng)
    return _stop(" ".join(words))


def rewrite(sentence: str, rng: random.Random, share: float) -> str:
    """The sentence with ``share`` of its longer words and numbers replaced: a new fact."""
    return _stop(
        _WORD.sub(
            lambda m: _replace(m.group(), rng) if rng.random() < share else m.group(), sentence
        )
    )


def frames(pool: Sequence[str], count: int, rng: random.Random) -> list[str]:
    """``count`` new sentence frames, each mixed from two seed sentences used once."""
    chosen = rng.sample(pool, 2 * count)
    return [mix(first, second) for first, second in zip(chosen[::2], chosen[1::2], strict=True)]


def mix(first: str, second: str) -> str:
    """The first half of one sentence and the second half of another: a new frame.

    When that would leave a quotation open or closed alone, the first sentence is
    kept whole: real text has its quote marks in pairs.
    """
    head, tail = first.split(), second.split()
    mixed = " ".join(head[: len(head) // 2] + tail[len(tail) // 2 :])
    paired = mixed.count('"') % 2 == 0 and mixed.count("“") == mixed.count("”")
    return mixed if paired else first


def _replace(word: str, rng: random.Random) -> str:
    """An invented word for a word, another number for a number."""
    return f"{rng.randint(2, 99_999):,}" if word[0].isdigit() else invent(rng)


def _stop(sentence: str) -> str:
    return sentence if sentence.endswith((".", '"', "”", "?", "!")) else sentence + "."


def story(count: int, seed: int = 0, pool: Sequence[str] | None = None) -> list[Article]:
    """A generated story of ``count`` articles of about 5 KB (see the module docstring)."""
    rng = random.Random(seed)
    pool = list(pool or seed_pool())
    days = max(1, count // ARTICLES_PER_DAY)
    wires = [
        [[rewrite(s, rng, WIRE_SHARE) for s in frames(pool, 25, rng)] for _ in range(WIRES_PER_DAY)]
        for _ in range(days)
    ]
    facts = [
        [rewrite(s, rng, FACT_SHARE) for s in frames(pool, FACTS_PER_DAY, rng)] for _ in range(days)
    ]
    articles = []
    for index in range(count):
        day = index * days // count
        parts: list[str] = []
        agency = None
        if rng.random() < 0.6:
            wire = rng.randrange(WIRES_PER_DAY)
            report = wires[day][wire]
            length = rng.randint(len(report) // 3, len(report) * 2 // 3)
            start = rng.randrange(len(report) - length + 1)
            parts += [
                edit(s, rng, 1) if rng.random() < 0.3 else s for s in report[start : start + length]
            ]
            agency = f"WIRE{day}{'AB'[wire]}" if rng.random() < 0.5 else None
        told = rng.sample(facts[day], 3)
        if day and rng.random() < RECAP:
            told.append(rng.choice(facts[day - 1]))
        for fact in told:
            parts.insert(rng.randrange(len(parts) + 1), edit(fact, rng, rng.randint(2, 4)))
        own = iter(frames(pool, len(pool) // 2, rng))
        while sum(map(len, parts)) < ARTICLE_SIZE:
            parts.insert(rng.randrange(len(parts) + 1), rewrite(next(own), rng, OWN_SHARE))
        text = "\n\n".join(parts) + ("\n\n" + agency if agency else "") + "\n"
        articles.append(
            Article(
                path=Path(f"generated/{index:03}.txt"),
                text=text,
                title=parts[0][:60],
                outlet=f"outlet{index:03}",
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                date=f"2031-{1 + day // 28:02}-{1 + day % 28:02}",
                agency=agency,
            )
        )
    return articles


def all_pairs(articles: Sequence[Article]) -> int:
    """The baseline: every pair aligned in full, articles prepared and weighed once."""
    prepared = [prepare(article.text) for article in articles]
    weights = story_weights(prepared)
    return sum(len(align_prepared(a, b, weights)) for a, b in combinations(prepared, 2))


def describe(overview: Overview) -> str:
    stats = overview.stats
    return (
        f"{stats.aligned_pairs}/{stats.pairs} pairs aligned "
        f"({100 * stats.aligned_pairs / max(stats.pairs, 1):.0f}%), "
        f"{stats.candidate_sentence_pairs} candidate sentence pairs, {stats.links} links, "
        f"{len(overview.copy_groups or ())} copy groups, {len(overview.figures or ())} figures, "
        f"{len(overview.quotes or ())} quotes"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    parser.add_argument("--sizes", type=int, nargs=2, default=[50, 200], metavar="N")
    args = parser.parse_args(argv)

    seeds = load_paths([ROOT / "seeds"]).articles
    build_overview(seeds)  # warm-up: imports, regex compilation
    seconds, cpu, result = median_seconds(lambda: build_overview(seeds), args.repeat * 3)
    print(
        f"bundled story, {len(seeds)} articles: median {seconds * 1000:.1f} ms "
        f"(CPU {cpu * 1000:.1f} ms)"
    )
    print(f"  {describe(result)}")  # type: ignore[arg-type]

    pool = seed_pool()
    timings, cpu_timings = {}, {}
    for size in args.sizes:
        articles = story(size, seed=size, pool=pool)
        kb = sum(len(a.text) for a in articles) / len(articles) / KB
        seconds, cpu, result = median_seconds(lambda a=articles: build_overview(a), args.repeat)
        timings[size], cpu_timings[size] = seconds, cpu
        print(
            f"generated story, {size} articles of {kb:.1f} KB: median {seconds:.2f} s "
            f"(CPU {cpu:.2f} s), {seconds / size * 1000:.1f} ms per article"
        )
        print(f"  {describe(result)}")  # type: ignore[arg-type]
    small, large = args.sizes
    growth = timings[large] / timings[small]
    cpu_growth = cpu_timings[large] / cpu_timings[small]
    print(
        f"growth {small} -> {large} articles ({large / small:.0f}x): {growth:.2f}x time, "
        f"{cpu_growth:.2f}x CPU time (goal: at most 5x; {large} under 10 s: "
        f"{'yes' if timings[large] < 10 else 'no'})"
    )

    articles = story(small, seed=small, pool=pool)
    baseline, baseline_cpu, links = median_seconds(lambda: all_pairs(articles), 1)
    print(
        f"baseline, every pair of the {small}-article story aligned in full: {baseline:.2f} s "
        f"(CPU {baseline_cpu:.2f} s, {links} links); the overview is "
        f"{baseline / timings[small]:.1f}x faster ({baseline_cpu / cpu_timings[small]:.1f}x in CPU)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
