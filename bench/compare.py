"""Benchmark the alignment engine: seed pairs against the naive baseline, then scale.

    python bench/compare.py [--repeat 5]

(1) Every pair of the bundled seeds in-process, median time of ``align`` beside the
naive baseline (`bench/naive.py`). (2) Two synthetic articles of about 1 MB each,
then 2 MB each, telling one long story: its sentences are the seed sentences with
their words and figures drawn from a seeded invented vocabulary, so that nearly
every sentence is distinct and rare words stay rare at any size. Each article keeps
most sentences of the story and edits many of them. The 2 MB / 1 MB ratio shows how
the engine scales (all pairs of sentences would make it about 4x); the links found
at each size show that both runs do the same work per sentence. Each time is also
given in CPU seconds and in units of a fixed pure-Python job run just before it in
the same process, both steadier than wall time on a busy machine.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from naive import naive_align

from tui.core.alignment.align import align
from tui.core.language.sentences import split_sentences

MB = 1_000_000
SYLLABLES = [consonant + vowel for consonant in "bdfgklmnprstvz" for vowel in "aeiou"]
KEEP = 0.75
"""Share of the story's sentences each article tells."""
_REPLACED = re.compile(r"[A-Za-z]{4,}|\d+(?:[.,]\d+)*")


def median_seconds(call: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``call`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def reference_job(text: str) -> int:
    """A fixed pure-Python job on ``text``: the yardstick times are divided by."""
    counts = Counter(word.lower() for word in text.split())
    return sum(len(word) * count for word, count in counts.items())


def vocabulary(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct invented words, two or three syllables long, in random order."""
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 3))))
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered


def story(pool: list[str], size: int, seed: int) -> list[str]:
    """Enough distinct sentences for two articles of ``size`` characters.

    Each is a seed sentence whose words of four letters or more are replaced by
    invented ones and whose figures change. The invented words follow Zipf's law (a
    word's frequency falls with its rank) in a vocabulary that grows with the story,
    as in real text: a few words run through the whole story, most are rare.
    """
    rng = random.Random(seed)
    count = round(size / statistics.mean(map(len, pool)) / KEEP * 1.2)
    words = vocabulary(3 * count, rng)

    def replace(match: re.Match[str]) -> str:
        old = match.group()
        if old[0].isdigit():
            return str(rng.randint(2, 99_999))
        new = words[int(len(words) ** rng.random()) - 1]
        return new.capitalize() if old[0].isupper() else new

    return [_REPLACED.sub(replace, rng.choice(pool)) for _ in range(count)]


def edit(words: list[str], rng: random.Random) -> list[str]:
    """One to four word edits: a deletion, a swap, a new figure or an invented word."""
    for _ in range(rng.randint(1, 4)):
        k = rng.randrange(len(words))
        roll = rng.random()
        if roll < 0.3 and len(words) > 3:
            del words[k]
        elif roll < 0.5 and k + 1 < len(words):
            words[k], words[k + 1] = words[k + 1], words[k]
        elif roll < 0.7:
            words[k] = str(rng.randint(2, 99_999))
        else:
            words[k] = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))
    return words


def synthetic(sentences: list[str], size: int, seed: int) -> str:
    """One article of about ``size`` characters telling ``sentences`` in order.

    It skips a quarter of them, keeps a fifth of the rest word for word and edits
    the others; paragraphs hold four sentences on average.
    """
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    for sentence in sentences:
        if length >= size:
            break
        if rng.random() > KEEP:
            continue
        words = sentence.split()
        if rng.random() > 0.2:
            words = edit(words, rng)
        parts.append(" ".join(words) + ("\n\n" if rng.random() < 0.25 else " "))
        length += len(parts[-1])
    return "".join(parts)


def seed_pairs(seeds: list[str], repeat: int) -> None:
    """Time every pair of seeds with the engine and with the naive baseline."""
    pairs = list(itertools.combinations(seeds, 2))
    align(*pairs[0])  # warm-up: imports, regex compilation
    engine = [median_seconds(lambda p=p: align(*p), repeat) for p in pairs]
    naive = [median_seconds(lambda p=p: naive_align(*p), repeat) for p in pairs]
    print(f"seed pairs: {len(pairs)}, {repeat} runs each")
    for name, times in (("align", engine), ("naive", naive)):
        median, worst = statistics.median(times) * 1000, max(times) * 1000
        print(f"  {name}  median {median:7.2f} ms  max {worst:7.2f} ms")
    print(f"  align / naive: {statistics.median(engine) / statistics.median(naive):.1f}x")


def align_with_diffs(a: str, b: str) -> int:
    """Align and read every link's word diff, as the JSON report does; the ops in all."""
    return sum(len(link.diff) for link in align(a, b))


class Timing(NamedTuple):
    """Medians over several runs of one measurement."""

    wall: float
    """Wall seconds."""
    cpu: float
    """CPU seconds of this process: steadier when other work shares the machine."""
    units: float
    """Wall time over that of `reference_job` run just before, run by run."""


def measure(call: Callable[[], object], reference: str, repeat: int) -> Timing:
    """Time ``call`` ``repeat`` times, each run right after the reference job on ``reference``."""
    walls, cpus, units = [], [], []
    for _ in range(repeat):
        unit = median_seconds(lambda: reference_job(reference), 1)
        wall, cpu = time.perf_counter(), time.process_time()
        call()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        units.append(walls[-1] / unit)
    return Timing(*map(statistics.median, (walls, cpus, units)))


def scale(pool: list[str], repeat: int) -> None:
    """Time 1 MB and 2 MB pairs of synthetic articles; print times, ratios and links."""
    timings: dict[int, Timing] = {}
    links: dict[int, int] = {}
    seed_text = " ".join(pool)
    reference = (seed_text * (MB // len(seed_text) + 1))[:MB]
    for size in (MB, 2 * MB):
        sentences = story(pool, size, seed=0)
        a, b = synthetic(sentences, size, seed=1), synthetic(sentences, size, seed=2)
        links[size] = len(align(a, b))
        timings[size] = took = measure(lambda a=a, b=b: align(a, b), reference, repeat)
        full = measure(lambda a=a, b=b: align_with_diffs(a, b), reference, repeat)
        print(
            f"synthetic {len(a) / MB:.2f} MB vs {len(b) / MB:.2f} MB, {links[size]} links:\n"
            f"  align            median {took.wall:5.2f} s wall, {took.cpu:5.2f} s CPU, "
            f"{took.units:5.1f} units\n"
            f"  with every diff  median {full.wall:5.2f} s wall, {full.cpu:5.2f} s CPU, "
            f"{full.units:5.1f} units"
        )
    one, two = timings[MB], timings[2 * MB]
    print(
        f"  2 MB / 1 MB: wall {two.wall / one.wall:.2f}x, CPU {two.cpu / one.cpu:.2f}x, "
        f"units {two.units / one.units:.2f}x; links {links[2 * MB] / links[MB]:.2f}x"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement")
    args = parser.parse_args(argv)

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    seed_pairs(seeds, args.repeat)
    pool = [span.slice(text) for text in seeds for span in split_sentences(text)]
    scale(pool, max(3, args.repeat // 2 + 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
