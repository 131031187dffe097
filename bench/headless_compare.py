"""Benchmark ``storyreader compare A B --format json`` as a user runs it, against a floor.

    python bench/headless_compare.py [--sizes 100000 1000000 4000000] [--repeat 3] [--root DIR]

For each size, two articles of at most that many characters telling one long story
(`corpus.long_story` and `corpus.synthetic`: invented words, most sentences kept in
both, many edited) are written to a temporary folder. Each measurement is a fresh
process (`bench/child.py`: wall time, CPU time, peak RSS), its JSON going to a file,
as in ``storyreader compare A B --format json > out.json``:

- ``floor``: a child that reads both files and splits them into words with one C
  regular expression (``re.findall``): what any tool must do at least;
- ``compare``: the command itself, compact JSON (not a terminal), with the engine
  as installed (the semantic signal on when its extra is there);
- ``lexical``: the same with ``STORYREADER_ENGINE=lexical``;
- ``full``: the lexical command with the alignment bound lifted (``ALIGN_LIMIT``),
  for sizes above it: what aligning every sentence would cost.

- ``before``: with ``--root DIR``, the installed and the lexical command of another
  checkout's ``tui`` (an older commit's), on the same files, and whether its JSON is
  the same byte for byte; its runs alternate with this checkout's, so that a shared
  machine's drifting load weighs on both alike.

Medians of ``--repeat`` runs, and each one's ratio to the floor measured in the
same run. Goals (issue 17): 1 MB a side under 1 s, 4 MB under 5 s and 400 MB.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from child import LEXICAL, Run, at_root, median_of, median_run, run, storyreader
from corpus import MB, long_story, synthetic

FLOOR = """
import re, sys
words = 0
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as handle:
        words += len(re.findall(r"\\w+", handle.read()))
print(words)
"""
"""Read the files and split them into words: the least a comparison costs."""
UNBOUNDED = """
import sys
from tui.core.story import model
model.ALIGN_LIMIT = 10**12
from tui.cli import main
sys.exit(main(sys.argv[1:]))
"""
"""``storyreader`` with the alignment bound lifted."""


def pair(size: int) -> tuple[str, str]:
    """Two articles of at most ``size`` characters each, cut at a paragraph's end."""
    sentences = long_story(size, seed=0)
    return tuple(_cut(synthetic(sentences, size, seed), size) for seed in (1, 2))  # type: ignore[return-value]


def _cut(text: str, size: int) -> str:
    if len(text) <= size:
        return text
    end = text.rfind("\n", 0, size)
    return text[: end if end > 0 else size]


def line(name: str, took: Run, floor: Run) -> str:
    return (
        f"  {name:<15} {took.wall:6.2f} s wall ({took.wall / floor.wall:5.1f}x floor), "
        f"{took.cpu:6.2f} s CPU ({took.cpu / floor.cpu:5.1f}x), {took.rss_mb:6.0f} MB peak RSS"
    )


def measure(size: int, folder: Path, repeat: int, root: Path | None) -> None:
    from tui.core.story.model import ALIGN_LIMIT

    a, b = folder / f"a-{size}.txt", folder / f"b-{size}.txt"
    for path, text in zip((a, b), pair(size), strict=True):
        path.write_text(text, encoding="utf-8")
    out, before_out = folder / "out.json", folder / "before.json"
    argv = storyreader("compare", a, b, "--format", "json")
    floor = median_run([sys.executable, "-c", FLOOR, str(a), str(b)], repeat)
    lines = []
    for name, extra in (("compare", {}), ("lexical", LEXICAL)):
        if root is None:
            lines.append(line(name, median_run(argv, repeat, out, extra), floor))
        else:
            now, before = _interleaved(argv, repeat, extra, root, out, before_out)
            same = out.read_bytes() == before_out.read_bytes()
            lines += [
                line(name, now, floor),
                line(f"before {name}", before, floor)
                + f"; now {now.wall / before.wall:.2f}x its wall time, "
                + f"{now.cpu / before.cpu:.2f}x its CPU; JSON {'the same' if same else 'DIFFERS'}",
            ]
        if name == "compare":
            report = json.loads(out.read_text(encoding="utf-8"))
    bounded = not report["alignment"]["complete"]
    chars = max(report["a"]["chars"], report["b"]["chars"])
    print(
        f"{chars / MB:.2f} MB a side, {len(report['links']):,} links"
        + (f" (aligned in part: the first {ALIGN_LIMIT:,} characters)" if bounded else "")
    )
    print(line("floor", floor, floor))
    print("\n".join(lines))
    if bounded:
        argv = [sys.executable, "-c", UNBOUNDED, "compare", str(a), str(b), "--format", "json"]
        full = median_run(argv, repeat, out, LEXICAL)
        links = len(json.loads(out.read_text(encoding="utf-8"))["links"])
        print(line("full", full, floor) + f", {links:,} links")


def _interleaved(
    argv: list[str], repeat: int, extra: dict[str, str], root: Path, out: Path, before_out: Path
) -> tuple[Run, Run]:
    """Medians of this checkout's and ``root``'s runs, taken in turns.

    On a shared machine the load drifts over a minute: alternating the two puts
    the same drift on both sides of their ratio.
    """
    env, cwd = at_root(root)
    now, before = [], []
    for _ in range(repeat):
        now.append(run(argv, out, extra))
        before.append(run(argv, before_out, {**extra, **env}, cwd))
    return median_of(now), median_of(before)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, MB, 4 * MB])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    parser.add_argument("--root", type=Path, help="also time the tui package of checkout DIR")
    args = parser.parse_args(argv)
    print(f"storyreader compare A B --format json, medians of {args.repeat} runs")
    with tempfile.TemporaryDirectory(prefix="storyreader-bench-") as folder:
        for size in args.sizes:
            measure(size, Path(folder), args.repeat, args.root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
