"""Benchmark story grouping: quality on the development folder, time and memory at scale.

    python bench/stories.py [--repeat 3] [--sizes 1000 10000]

(1) B-cubed precision, recall and F1 of ``group_stories`` on the development folder:
``../shared/eval/mixed_folder`` (20 articles, 4 events, the truth in
``mixed_folder.labels.json``), ``../shared/seeds`` (one event) and
``../shared/eval/dev_story/docs`` (five articles of NewsWCL50's event 2, byte for byte
the five files of the mixed folder's story 2, so the same story), read where they
are, never copied: 30 articles, 5 stories. Also every sub-folder made of some of the
five stories (31 of them), since a folder of one story must stay one; and the mixed
folder repeated as rewritten copies (`rewritten_folder`: each copy four new stories,
two of them sharing a topic's words as the two North Korea stories do) at 100 and
400 articles, where topics blur.

(2) Generated folders of many stories (`mixed_stories` in ``bench/corpus.py``, with
their truth): B-cubed on each, and the median time and the peak memory of grouping
1,000 and 10,000 articles, each size in a child process of its own so that its peak
RSS is its own. The baseline, in the same child: the floor of any grouping, reading
every article's keys once (`article_terms`). The growth from the small size to the
large one is printed beside the growth of the article count (linear: the same).
The goal: F1 at least 0.97 on the development folder; 10,000 articles in under
60 s and 2 GB.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from itertools import combinations, pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from corpus import mixed_stories, rewritten_folder

from tui.core.reading.articles import Article
from tui.core.reading.loading import load_paths
from tui.core.story.grouping import Grouping, group_stories
from tui.core.story.profiles import article_terms

SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"


def bcubed(found: Sequence[int], truth: Sequence[object]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering ``found`` against ``truth``.

    Per article: the share of its found story that truly belongs with it (precision)
    and the share of its true story found with it (recall), averaged over articles.
    """
    both = Counter(zip(found, truth, strict=True))
    sizes_found, sizes_true = Counter(found), Counter(truth)
    count = len(found)
    precision = sum(n * n / sizes_found[f] for (f, _), n in both.items()) / count
    recall = sum(n * n / sizes_true[t] for (_, t), n in both.items()) / count
    return precision, recall, 2 * precision * recall / (precision + recall)


def story_numbers(grouping: Grouping) -> list[int]:
    """The story of each article, as a number."""
    found = [0] * len(grouping.articles)
    for number, story in enumerate(grouping.stories):
        for article in story.articles:
            found[article] = number
    return found


def development_folder() -> tuple[list[Article], list[str]] | None:
    """The 30 articles and their true story, or ``None`` when ../shared is not there."""
    labels_path = EVAL / "mixed_folder.labels.json"
    if not labels_path.is_file():
        return None
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    mixed = load_paths([EVAL / "mixed_folder"]).articles
    seeds = load_paths([SHARED / "seeds"]).articles
    dev = load_paths([EVAL / "dev_story" / "docs"]).articles
    truth = [f"mixed {labels[article.path.name]['story']}" for article in mixed]
    truth += ["seeds"] * len(seeds) + ["mixed 2"] * len(dev)
    return [*mixed, *seeds, *dev], truth


def quality() -> None:
    found = development_folder()
    if found is None:
        print(f"development folder: {EVAL} is not there; skipped")
        return
    articles, truth = found
    grouping = group_stories(articles)
    precision, recall, f1 = bcubed(story_numbers(grouping), truth)
    print(
        f"development folder, {len(articles)} articles of {len(set(truth))} stories: "
        f"{len(grouping.stories)} found, B-cubed precision {precision:.3f}, recall "
        f"{recall:.3f}, F1 {f1:.3f} (goal: at least 0.97)"
    )
    stories = sorted(set(truth))
    scores = []
    for size in range(1, len(stories) + 1):
        for chosen in combinations(stories, size):
            keep = [index for index, story in enumerate(truth) if story in chosen]
            part = group_stories([articles[index] for index in keep])
            scores.append(bcubed(story_numbers(part), [truth[index] for index in keep])[2])
    print(
        f"  every sub-folder of whole stories ({len(scores)}): mean F1 "
        f"{statistics.mean(scores):.3f}, lowest {min(scores):.3f}"
    )
    for story in grouping.stories:
        print(f"  {len(story.articles):>2} {story.label}")
    labels = json.loads((EVAL / "mixed_folder.labels.json").read_text(encoding="utf-8"))
    sources = sorted((EVAL / "mixed_folder").glob("*.txt"))
    for size in (100, 400):
        with tempfile.TemporaryDirectory() as folder:  # kept: texts are read from the files
            rewritten_folder(sources, size, Path(folder), seed=size)
            copies = load_paths([Path(folder)]).articles
            found = group_stories(copies)
        truth = [f"{a.path.parent.name} {labels[a.path.name]['story']}" for a in copies]
        precision, recall, f1 = bcubed(story_numbers(found), truth)
        print(
            f"rewritten copies of the mixed folder, {size} articles of {len(set(truth))} "
            f"stories: {len(found.stories)} found, B-cubed precision {precision:.3f}, "
            f"recall {recall:.3f}, F1 {f1:.3f}"
        )


def child(size: int, repeat: int) -> None:
    """Time and memory of grouping ``size`` generated articles: one JSON line on stdout."""
    corpus = mixed_stories(size, seed=size)
    generated = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    floors, times, cpus = [], [], []
    grouping = None
    for _ in range(repeat):
        start = time.perf_counter()
        for article in corpus.articles:
            article_terms(article)
        floors.append(time.perf_counter() - start)
        start, start_cpu = time.perf_counter(), time.process_time()
        grouping = group_stories(corpus.articles)
        times.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    assert grouping is not None
    precision, recall, f1 = bcubed(story_numbers(grouping), corpus.stories)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "size": size,
                "events": len(set(corpus.stories)),
                "stories": len(grouping.stories),
                "kb": sum(len(a.text) for a in corpus.articles) / size / 1000,
                "seconds": statistics.median(times),
                "cpu": statistics.median(cpus),
                "floor": statistics.median(floors),
                "rss_mb": peak / 1024,
                "corpus_mb": generated / 1024,
                "bcubed": [precision, recall, f1],
            }
        )
    )


def scale(sizes: Sequence[int], repeat: int) -> None:
    results = []
    for size in sizes:
        command = [sys.executable, __file__, "--child", str(size), "--repeat", str(repeat)]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        found = json.loads(out.splitlines()[-1])
        results.append(found)
        precision, recall, f1 = found["bcubed"]
        print(
            f"generated folder, {size} articles of {found['kb']:.1f} KB, {found['events']} "
            f"events: median {found['seconds']:.2f} s (CPU {found['cpu']:.2f} s), "
            f"{found['seconds'] / found['floor']:.1f}x the floor of reading every article's "
            f"keys ({found['floor']:.2f} s); peak RSS {found['rss_mb']:.0f} MB "
            f"({found['corpus_mb']:.0f} MB with the corpus alone)"
        )
        print(
            f"  {found['stories']} stories found; B-cubed precision {precision:.3f}, "
            f"recall {recall:.3f}, F1 {f1:.3f}"
        )
    for small, large in pairwise(results):
        articles = large["size"] / small["size"]
        print(
            f"growth {small['size']} -> {large['size']} articles ({articles:.0f}x): "
            f"{large['seconds'] / small['seconds']:.2f}x time, "
            f"{large['cpu'] / small['cpu']:.2f}x CPU time, "
            f"{large['floor'] / small['floor']:.2f}x the floor"
        )
    last = results[-1]
    print(
        f"{last['size']} articles under 60 s: {'yes' if last['seconds'] < 60 else 'no'}; "
        f"under 2 GB: {'yes' if last['rss_mb'] < 2048 else 'no'}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], metavar="N")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.repeat)
        return 0
    quality()
    scale(args.sizes, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
