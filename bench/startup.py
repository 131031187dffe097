"""Startup: from launch to the library, then the first article's text, on screen (tmux).

    python bench/startup.py [--runs 7]

Each run starts a fresh tmux server, launches the program and polls the screen
until a known text appears. `storyreader` (bundled story) is timed to its library
row (an outlet) and to the first article's text in the reader (a word of its body
that no row or header shows), against a bare Textual app that shows one word, runs
interleaved so both see the same machine load. Prints the medians and the ratios
(goals: library row within 1.3x the bare app, article text within 1.2x).
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
ARTICLE_TEXT = "Sochi"
"""A word of the first article's body (AFP's), in no row and no header: on screen once
the reader shows the article's text."""


ENV = {"PYTHONDONTWRITEBYTECODE": ""}
"""As on a user's machine: compiled bytecode is cached (this sandbox sets the variable)."""


def time_to(command: str, *texts: str) -> list[float]:
    """Seconds from launch until each of ``texts`` is on screen, in a 120x40 terminal."""
    with Pane(command, cols=120, rows=40, cwd="/tmp", env=ENV) as pane:
        return [pane.wait_for(text, timeout=30, poll=0.005) for text in texts]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is needed: apt-get install tmux", file=sys.stderr)
        return 2
    time_to(BARE, "ready")  # warm the disk cache for both
    time_to(str(STORYREADER), LIBRARY_TEXT, ARTICLE_TEXT)
    bare, rows, texts = [], [], []
    for _ in range(args.runs):
        bare += time_to(BARE, "ready")
        row, text = time_to(str(STORYREADER), LIBRARY_TEXT, ARTICLE_TEXT)
        rows.append(row)
        texts.append(text)
    floor = statistics.median(bare)
    for name, times, goal in (
        ("bare Textual app", bare, None),
        ("library row", rows, 1.3),
        ("article text", texts, 1.2),
    ):
        median = statistics.median(times)
        ratio = f"  ratio {median / floor:.2f} (goal <= {goal:.2f})" if goal else ""
        print(f"{name:<17} median {median:.3f} s{ratio}  runs {[round(t, 3) for t in times]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
