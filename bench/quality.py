"""How well and how fast each engine links: scores per tier, compare times, the model's cost.

    python bench/quality.py [--repeat 7] [--dev PATH]

(1) Recall per gold tier and precision over all links, on the bundled story
(``tests/eval/gold_seeds.json``) and the development story (``../shared/eval/dev_story``,
read from there, never copied; skipped when absent), for the lexical engine and, when
the ``semantic`` extra is installed, the semantic one. Pairs are compared as
``storyreader compare A B`` compares them: a story of the two files, scored with the
shared scorer's matching rule (``tests/eval/score.py``). (2) Median compare time (wall
and CPU) of the seed pair 000/001 and of generated pairs of 100 KB and 1 MB articles
(new texts in every run, so the semantic engine embeds them anew) with each engine,
and the ratio to the lexical engine in the same run. (3) The model's load time and the
resident memory it adds, measured in a fresh process.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from corpus import KB, MB, long_story, synthetic

from tui.core.alignment import semantic
from tui.core.reading.loading import load_paths
from tui.core.story.model import Story

SEEDS = (ROOT / "tests" / "eval" / "gold_seeds.json", ROOT / "seeds")
DEV = ROOT.parent / "shared" / "eval" / "dev_story"
TIERS = ("copy", "edit", "quote", "paraphrase")


class Score(NamedTuple):
    """One engine's result on one gold file."""

    recall: dict[str, float]
    """Per gold tier: the share of its links some predicted link matches."""
    precision: float
    """Predicted links matching some gold link, over all predicted links."""
    links: int
    """Predicted links."""

    def line(self) -> str:
        """The scores on one line."""
        tiers = "  ".join(f"{tier} {self.recall[tier]:.3f}" for tier in TIERS)
        return f"{tiers}  precision {self.precision:.3f} ({self.links} links)"


def scorer() -> ModuleType:
    """The shared scorer (a byte-for-byte copy in tests/eval), for its matching rule."""
    spec = importlib.util.spec_from_file_location("gold_score", ROOT / "tests/eval/score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextmanager
def engine(name: str) -> Iterator[None]:
    """Run the block with the engine ``name`` (``lexical`` or ``semantic``)."""
    before = os.environ.get(semantic.ENGINE_VARIABLE)
    os.environ[semantic.ENGINE_VARIABLE] = name
    try:
        yield
    finally:
        if before is None:
            del os.environ[semantic.ENGINE_VARIABLE]
        else:
            os.environ[semantic.ENGINE_VARIABLE] = before


def score(gold_path: Path, docs: Path) -> Score:
    """Score the engine in force on every pair of a gold file, in-process."""
    rule = scorer()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    found = dict.fromkeys(TIERS, 0)
    total = dict.fromkeys(TIERS, 0)
    predicted = good = 0
    for pair in gold["pairs"]:
        story = Story(load_paths([docs / pair["a"], docs / pair["b"]]).articles)
        links = [{"a": list(link.a), "b": list(link.b)} for link in story.comparison(0, 1).links]
        for gold_link in pair["links"]:
            total[gold_link["tier"]] += 1
            found[gold_link["tier"]] += any(rule.matches(p, gold_link) for p in links)
        predicted += len(links)
        good += sum(any(rule.matches(p, g) for g in pair["links"]) for p in links)
    recall = {tier: found[tier] / total[tier] if total[tier] else 1.0 for tier in TIERS}
    return Score(recall, good / predicted if predicted else 0.0, predicted)


def gold_sets(dev: Path) -> dict[str, tuple[Path, Path]]:
    """The gold files to score on: the seeds always, the development story when present."""
    sets = {"seeds": SEEDS}
    if (dev / "gold.json").is_file():
        sets["dev story"] = (dev / "gold.json", dev / "docs")
    return sets


def engines() -> list[str]:
    """The engines this machine can run."""
    return [semantic.LEXICAL, semantic.SEMANTIC] if semantic.installed() else [semantic.LEXICAL]


def median_seconds(calls: Sequence[Callable[[], object]]) -> tuple[float, float]:
    """Median wall and CPU seconds over ``calls``, each run once."""
    walls, cpus = [], []
    for call in calls:
        wall, cpu = time.perf_counter(), time.process_time()
        call()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def compare_texts(a: str, b: str) -> int:
    """Compare two texts as ``storyreader compare`` does (a story of two, fresh weights)."""
    from corpus import links_between

    return len(links_between(a, b))


def generated_pairs(size: int, repeat: int) -> list[tuple[str, str]]:
    """``repeat`` distinct pairs of generated articles of ``size`` characters, one per run.

    Distinct texts so that the semantic engine embeds every sentence anew in each run,
    as a first compare does (its word vectors stay cached: one table per process).
    """
    pairs = []
    for run in range(repeat):
        story = long_story(size, seed=7 + run)
        pairs.append((synthetic(story, size, seed=1), synthetic(story, size, seed=2)))
    return pairs


def timings(repeat: int) -> None:
    """Median compare time of the seed pair and of generated pairs, per engine, same run."""
    seed_a, seed_b = (
        (ROOT / "seeds" / name).read_text(encoding="utf-8")
        for name in ("000_02b2830ff24b6d49.txt", "001_904d19f1e7a1825b.txt")
    )
    cases = {
        "seed pair 000/001": [(seed_a, seed_b)] * repeat,
        "two 100 KB articles": generated_pairs(100 * KB, repeat),
        "two 1 MB articles": generated_pairs(MB, max(3, repeat // 2)),
    }
    print(f"\ncompare time, median of {repeat} (1 MB: {max(3, repeat // 2)}); wall / CPU seconds")
    print("  (the model is loaded first; the generated pairs are new texts in every run)")
    for case, pairs in cases.items():
        medians = {}
        for name in engines():
            with engine(name):
                compare_texts(seed_a, seed_b)  # warm-up: imports, the model, regex caches
                medians[name] = median_seconds(
                    [lambda a=a, b=b: compare_texts(a, b) for a, b in pairs]
                )
        wall_base, cpu_base = medians[semantic.LEXICAL]
        cells = "  ".join(
            f"{name} {wall * 1000:7.1f} / {cpu * 1000:7.1f} ms "
            f"({wall / wall_base:.2f}x / {cpu / cpu_base:.2f}x)"
            for name, (wall, cpu) in medians.items()
        )
        print(f"  {case:<21}{cells}")


_LOAD_PROBE = """
import resource, time
from pathlib import Path
from tui.core.alignment import semantic

def peak_kb():
    # The process's own peak: ru_maxrss keeps the parent's peak across fork and exec.
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

before = peak_kb()
start = time.perf_counter()
signal = semantic.signal()
seconds = time.perf_counter() - start
print(seconds, (peak_kb() - before) / 1024, signal is not None)
"""


def model_cost(repeat: int) -> None:
    """Load time and added peak RSS of the model, each in a fresh process."""
    if not semantic.installed():
        print("\nsemantic extra not installed: no model to load")
        return
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", _LOAD_PROBE],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, semantic.ENGINE_VARIABLE: semantic.SEMANTIC},
        ).stdout.split()
        runs.append((float(out[0]), float(out[1])))
    seconds = statistics.median(run[0] for run in runs)
    megabytes = statistics.median(run[1] for run in runs)
    print(f"\nmodel load, median of {repeat} fresh processes: {seconds * 1000:.0f} ms, ", end="")
    print(f"+{megabytes:.0f} MB peak RSS")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--dev", type=Path, default=DEV, help="the development story's folder")
    args = parser.parse_args(argv)
    print(f"engines: {', '.join(engines())}")
    for set_name, (gold, docs) in gold_sets(args.dev).items():
        for name in engines():
            with engine(name):
                print(f"{set_name:<10} {name:<9} {score(gold, docs).line()}")
    timings(args.repeat)
    model_cost(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
