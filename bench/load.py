"""Benchmark loading: big generated folders against a bare ``Path.read_text`` loop.

    python bench/load.py [--sizes 1000 10000] [--repeat 5] [--keep DIR] [--root DIR]
                         [--baseline DIR]

For each size, a folder of that many articles of about 5 KB is generated
deterministically by `bench/corpus.py` (headline, byline, date line, paragraphs,
sometimes a source URL or an agency sign-off; 100 files per sub-folder). Every
measurement runs in a fresh subprocess, so peak RSS belongs to that run alone, after
one untimed pass has warmed the page cache for all of them alike:

- ``bare``: walk with ``rglob`` and keep the ``read_text`` of every file: the floor;
- ``load``: ``load_paths``, fully loaded (decode, metadata, digest of every file);
- ``app``: ``find_files`` then ``load_files`` over all of them, the app's path;
- ``stream``: ``iter_load`` up to its first article;
- ``first``: ``find_files`` then ``load_files`` up to its first article (what the
  app's first row waits for, before Textual draws it);
- ``list``: what ``storyreader list --format json`` does: ``load_paths``, then the
  listing of every article (its word count included);
- ``texts``: ``load_paths``, then every article's text asked for once, as grouping a
  folder into stories does (texts of text files are read again from disk on use,
  `tui.core.reading.on_disk`).

Medians of ``--repeat`` runs are printed with the ratio of ``load`` and ``app`` to
``bare``, in wall time and in CPU time (steadier when other work shares the
machine). Goals: fully loaded within 3x the bare loop, first article well under
1 s at 10,000 files, peak RSS under 250 MB at 50,000 (``--sizes 10000 50000``; the
bare loop holds every text, so it peaks higher). ``--root`` measures the ``tui``
package of another checkout (say, an older commit's) with the same folders, and
``--baseline`` measures one beside this one, in the same run.
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
from pathlib import Path
from typing import Any

from corpus import generate_folder

ROOT = Path(__file__).resolve().parent.parent
MODES = ("bare", "load", "app", "stream", "first", "list", "texts")
BASELINE_MODES = ("load", "app", "list", "texts")
"""The modes measured again with ``--baseline``'s checkout."""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child(mode: str, folder: Path, root: Path) -> dict[str, float]:
    """Run one measurement in this process: wall and CPU seconds, peak RSS in MB."""
    sys.path.insert(0, str(root))
    start, cpu = time.perf_counter(), _cpu()
    if mode == "bare":
        # Kept, as a loader keeps them: the texts' memory is part of the cost.
        texts = [path.read_text(encoding="utf-8") for path in folder.rglob("*.txt")]
        count = len(texts)
        seconds = time.perf_counter() - start
        imported = 0.0
    else:
        from tui.core.reading import loading

        imported = time.perf_counter() - start
        start, cpu = time.perf_counter(), _cpu()
        count = _run(loading, mode, folder)
        seconds = time.perf_counter() - start
    cpu = _cpu() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    return {"seconds": seconds, "cpu": cpu, "import": imported, "rss_mb": peak_mb, "count": count}


def _run(loading: Any, mode: str, folder: Path) -> int:
    """Articles read by ``mode`` (one for the modes that stop at the first)."""
    if mode == "load":
        return len(loading.load_paths([folder]).articles)
    if mode == "list":
        from tui.core.reports.listing import format_listing

        articles = loading.load_paths([folder]).articles
        return len(format_listing(articles, "json")) and len(articles)
    if mode == "texts":
        articles = loading.load_paths([folder]).articles
        return sum(1 for article in articles if article.text)
    if mode == "stream":
        return int(next(loading.iter_load([folder])).path.is_file())
    if hasattr(loading, "find_files"):
        found = loading.find_files([folder])
        results = loading.load_files(found.files, folders=found.folders)
    else:  # a checkout from before find_files (--root): the same path, without folders
        files = loading.find_files([folder]).files
        results = loading.load_files(files)
    if mode == "first":
        return next(len(result.articles) for _, result in results if result.articles)
    articles = [article for _, result in results for article in result.articles]  # kept, as the app
    return len(articles)


def measure(mode: str, folder: Path, root: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(folder), "--root", str(root)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def run(
    sizes: list[int], repeat: int, keep: Path | None, root: Path, baseline: Path | None
) -> None:
    print(f"tui from {root}; median of {repeat} runs, each in its own process")
    if baseline is not None:
        print(f"rows marked 'base': tui from {baseline}, interleaved with the others")
    header = f"{'files':>7}  {'mode':<11}{'wall s':>9}{'cpu s':>9}{'import s':>10}{'peak RSS':>11}"
    print(header)
    # Each row's name and the checkout it imports; the baseline's rows after ours.
    rows = [(mode, root) for mode in MODES]
    if baseline is not None:
        rows += [(f"{mode} base", baseline) for mode in BASELINE_MODES]
    for size in sizes:
        with tempfile.TemporaryDirectory(dir=keep) as temp:
            folder = Path(temp) / f"articles-{size}"
            generate_folder(folder, size)
            measure("bare", folder, root)  # warm the page cache for every mode alike
            runs: dict[str, list[dict[str, float]]] = {row: [] for row, _ in rows}
            for _ in range(repeat):  # interleaved, so a busy moment hits every mode alike
                for row, checkout in rows:
                    runs[row].append(measure(row.split()[0], folder, checkout))
            medians = {
                row: {key: statistics.median(r[key] for r in got) for key in got[0]}
                for row, got in runs.items()
            }
            for row, m in medians.items():
                print(
                    f"{size:>7}  {row:<11}{m['seconds']:>9.3f}{m['cpu']:>9.3f}{m['import']:>10.3f}"
                    f"{m['rss_mb']:>8.0f} MB"
                )
            bare = medians["bare"]
            for row in [row for row, _ in rows if row.split()[0] in ("load", "app", "list")]:
                wall = medians[row]["seconds"] / bare["seconds"]
                cpu = medians[row]["cpu"] / bare["cpu"]
                print(
                    f"{size:>7}  {row} / bare = {wall:.2f}x wall, {cpu:.2f}x cpu"
                    + ("" if row.startswith("list") else " (goal: within 3x)")
                )
            first = medians["first"]["seconds"] * 1000
            print(f"{size:>7}  first article on the app's path: {first:.1f} ms (goal: under 1 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="make the generated folders under DIR")
    parser.add_argument("--root", type=Path, default=ROOT, help="import tui from DIR")
    parser.add_argument(
        "--baseline", type=Path, help="also measure the tui of DIR (say, main's) in the same run"
    )
    parser.add_argument("--child", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]), args.root.resolve())))
    else:
        baseline = args.baseline.resolve() if args.baseline else None
        run(args.sizes, args.repeat, args.keep, args.root.resolve(), baseline)


if __name__ == "__main__":
    main()
