"""Startup: from launch to the library on screen, in a real terminal (tmux).

    python bench/startup.py [--runs 7]

Each run starts a fresh tmux server, launches the program and polls the screen
until a known text appears. `storyreader` (bundled story; waits for a headline in
the library) is measured against a bare Textual app that shows one word, runs
interleaved so both see the same machine load. Prints both medians and the ratio.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from pathlib import Path

from tuidrive import Pane

HERE = Path(__file__).resolve().parent
STORYREADER = Path(sys.executable).with_name("storyreader")
BARE = f"{sys.executable} {HERE / 'bare_app.py'}"
LIBRARY_TEXT = "themoscowtime"
"""An outlet of the bundled story: it is on screen once its library row is."""


ENV = {"PYTHONDONTWRITEBYTECODE": ""}
"""As on a user's machine: compiled bytecode is cached (this sandbox sets the variable)."""


def time_to(command: str, text: str) -> float:
    """Seconds from launch until ``text`` is on screen, in a 120x40 terminal."""
    with Pane(command, cols=120, rows=40, cwd="/tmp", env=ENV) as pane:
        return pane.wait_for(text, timeout=30, poll=0.005)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is needed: apt-get install tmux", file=sys.stderr)
        return 2
    time_to(BARE, "ready")  # warm the disk cache for both
    time_to(str(STORYREADER), LIBRARY_TEXT)
    bare, ours = [], []
    for _ in range(args.runs):
        bare.append(time_to(BARE, "ready"))
        ours.append(time_to(str(STORYREADER), LIBRARY_TEXT))
    bare_median, our_median = statistics.median(bare), statistics.median(ours)
    print(f"bare Textual app   median {bare_median:.3f} s  runs {[round(t, 3) for t in bare]}")
    print(f"storyreader        median {our_median:.3f} s  runs {[round(t, 3) for t in ours]}")
    print(f"ratio {our_median / bare_median:.2f} (goal <= 1.30)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
