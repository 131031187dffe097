"""Loading big folders in the app, in a real terminal (tmux): first row, fully loaded, RSS.

    python bench/load_screen.py [--sizes 1000 10000] [--repeat 5]

The folders are `bench/load.py`'s (about 5 KB per article, 100 per sub-folder). Each
run starts ``storyreader FOLDER`` in a fresh 120x40 tmux server and measures:

- first row: until the first article's headline is on screen;
- fully loaded: until the title bar says ``N articles``;
- peak RSS of the app's process (``VmHWM``);

all from launch, so they include starting Python and Textual (about half a
second), beside the bare ``Path.read_text`` loop over the same files (`bench/load.py`'s
``bare`` mode, in a subprocess) in the same run; ``after start`` subtracts the time the
app takes to show a one-file folder. Medians of ``--repeat`` runs. Goals: first rows
under 1 s at 10,000; loading within 3x the bare loop (the in-process measure of that is
`bench/load.py`); peak RSS under 300 MB at 10,000.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from load import ROOT, article, generate, measure
from tuidrive import Pane

STORYREADER = Path(sys.executable).with_name("storyreader")
ENV = {"PYTHONDONTWRITEBYTECODE": ""}
"""As on a user's machine: compiled bytecode is cached."""


def app_pid(pane: Pane) -> int:
    """The app's process: the child of the shell tmux runs in the pane."""
    shell = pane._tmux("list-panes", "-t", "main", "-F", "#{pane_pid}").split()[0]
    children = subprocess.run(
        ["pgrep", "-P", shell], capture_output=True, text=True, check=True
    ).stdout
    return int(children.split()[0])


def peak_rss_mb(pid: int) -> float:
    """``VmHWM`` of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise ValueError("no VmHWM")


def one_run(folder: Path, count: int) -> dict[str, float]:
    """First row, fully loaded and peak RSS of the app on ``folder``."""
    first_headline = article(random.Random(count), 0).split("\n", 1)[0][:16]
    with Pane(f"{STORYREADER} {folder}", cols=120, rows=40, cwd="/tmp", env=ENV) as pane:
        first = pane.wait_for(first_headline, timeout=60, poll=0.005)
        # Polled less often: each poll starts a tmux client, which takes the CPU
        # the app is loading with (a 50 ms step on a wait of seconds).
        loaded = pane.wait_for(f"{count:,} articles", timeout=300, poll=0.05)
        rss = peak_rss_mb(app_pid(pane))
        pane.keys("q")
    return {"first row": first, "fully loaded": loaded, "rss": rss}


def startup(scratch: Path) -> float:
    """Median seconds to show a folder of one article: what every run pays first."""
    folder = scratch / "one"
    generate(folder, 1)
    headline = article(random.Random(1), 0).split("\n", 1)[0][:16]
    times = []
    for _ in range(3):
        with Pane(f"{STORYREADER} {folder}", cols=120, rows=40, cwd="/tmp", env=ENV) as pane:
            times.append(pane.wait_for(headline, timeout=60, poll=0.005))
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        start = startup(Path(scratch))
        print(f"app start (a one-article folder): median {start:.3f} s")
        for count in args.sizes:
            folder = Path(scratch, str(count))
            generate(folder, count)
            measure("bare", folder, ROOT)  # warm the page cache
            bare, runs = [], []
            for _ in range(args.repeat):
                bare.append(measure("bare", folder, ROOT)["seconds"])
                runs.append(one_run(folder, count))
                time.sleep(0.2)
            first = statistics.median(run["first row"] for run in runs)
            loaded = statistics.median(run["fully loaded"] for run in runs)
            rss = statistics.median(run["rss"] for run in runs)
            floor = statistics.median(bare)
            print(f"{count:,} articles ({args.repeat} runs):")
            print(f"  bare read loop      median {floor:6.3f} s")
            print(f"  first row on screen median {first:6.3f} s  (goal < 1 s at 10,000)")
            print(
                f"  fully loaded        median {loaded:6.3f} s  "
                f"(after start {loaded - start:.3f} s: {(loaded - start) / floor:.1f}x the bare loop)"
            )
            print(f"  peak RSS            median {rss:6.0f} MB (goal < 300 MB at 10,000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
