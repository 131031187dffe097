"""Benchmark huge inputs: ``compare`` and ``overview`` on two 50 MB files, bounded on purpose.

    python bench/huge.py [--megabytes 50] [--repeat 3]

Two files of ``--megabytes`` MB each (just under loading's 50 MB read limit by
default), made of many retellings of one long story (`corpus.synthetic`, a new seed
for each 4 MB part), are written to a temporary folder. Each measurement is a fresh
process (`bench/child.py`), JSON to a file:

- ``floor``: a child that reads both files and splits them into words with one C
  regular expression: reading and tokenising the same bytes;
- ``compare``: ``storyreader compare A B --format json``;
- ``overview``: ``storyreader overview A B --format json``;

each with the engine as installed, and again with ``STORYREADER_ENGINE=lexical``.

Medians of ``--repeat`` runs: wall and CPU time with their ratio to the floor of the
same run, and peak RSS with its ratio to the input's size. Goals (issue 14): both
finish within about 30 s with peak RSS under about 20x the input, and say they
aligned the files in part (``alignment.complete`` is false).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from child import LEXICAL, Run, median_run, storyreader
from corpus import MB, long_story, synthetic
from headless_compare import FLOOR

PART = 4 * MB


def huge(size: int, seed: int) -> str:
    """About ``size`` characters: 4 MB retellings of one story, each with its own edits."""
    sentences = long_story(PART, seed=0)
    parts, length = [], 0
    while length < size:
        parts.append(synthetic(sentences, PART, seed=seed + len(parts)))
        length += len(parts[-1]) + 2
    return "\n\n".join(parts)[:size]


def line(name: str, took: Run, floor: Run, input_mb: float) -> str:
    return (
        f"  {name:<20} {took.wall:6.2f} s wall ({took.wall / floor.wall:5.1f}x floor), "
        f"{took.cpu:6.2f} s CPU ({took.cpu / floor.cpu:5.1f}x), "
        f"{took.rss_mb:6.0f} MB peak RSS ({took.rss_mb / input_mb:4.1f}x the input)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=50, help="size of each file, MB")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="storyreader-huge-") as name:
        folder = Path(name)
        a, b = folder / "a.txt", folder / "b.txt"
        # Just under the read limit, so the files are read whole and only the bound applies.
        size = args.megabytes * MB - 64 * 1024
        a.write_text(huge(size, seed=10), encoding="utf-8")
        b.write_text(huge(size, seed=40), encoding="utf-8")
        input_mb = (a.stat().st_size + b.stat().st_size) / MB
        print(f"two files of {a.stat().st_size / MB:.1f} MB, medians of {args.repeat} runs")
        out = folder / "out.json"
        floor = median_run([sys.executable, "-c", FLOOR, str(a), str(b)], args.repeat)
        print(line("floor", floor, floor, input_mb))
        for command, env in itertools.product(("compare", "overview"), ({}, LEXICAL)):
            argv = storyreader(command, a, b, "--format", "json")
            took = median_run(argv, args.repeat, out, env)
            report = json.loads(out.read_text(encoding="utf-8"))
            complete = report["alignment"]["complete"]
            links = (
                len(report["links"])
                if command == "compare"
                else sum(len(pair["links"]) for pair in report["pairs"])
            )
            said = "complete" if complete else "aligned in part, and says so"
            name = f"{command}{' (lexical)' if env else ''}"
            print(line(name, took, floor, input_mb) + f"; {links:,} links, {said}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
