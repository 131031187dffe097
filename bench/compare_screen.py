"""Compare screen: from the key press that opens compare to both panes painted, in tmux.

    python bench/compare_screen.py [--runs 7] [--big-runs 3]

For the seed pair 000/001, then two synthetic ~1 MB articles (`bench/compare.py`'s
1 MB pair, which `bench/corpus.py` builds from seed sentences), each run starts
`storyreader A B` in a fresh tmux server and measures, in the same run:

- reader: read A for `READING` seconds, then `j` moves the library to B; until a
  word of B's text is on screen;
- compare: mark A (`k`, space), `j`, read for `READING` seconds, then `c`; until
  the pair counter (``pair 1/``) is painted, which happens once both panes are drawn;

Both keys come after the same pause, as a reader's would. On a virtual machine
the first key after an idle pause costs some 20 ms more than one pressed while
the process is busy (the CPU wakes, caches are cold): timing one key after a
pause and the other without one would count that against the first.
- help (seed pair, back in the library): `?` until the help screen is drawn, the
  cost of pushing a small screen, for scale;
- compare, cold (seed pair, separate starts): `c` pressed at once, before the app
  has used its first idle second to import the compare screen;
- for the 1 MB pair also the loading state (``Finding shared sentences``) and,
  while the alignment runs, `?`: until the help panel is on screen (input is
  not frozen if this stays short).

Prints medians and the compare / reader ratio (goal: seed pair under 1.5x; 1 MB
shows its loading state within 100 ms and completes without freezing input).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus import MB, long_story, seed_files, synthetic
from tuidrive import Pane

STORYREADER = Path(sys.executable).with_name("storyreader")
SEEDS = seed_files()
READING = 2.0
"""Seconds of reading before `j` and before `c`: a user reads before moving on, and the
app uses its first idle second to import the compare screen (as it would)."""


def marker(text: str, avoid: str) -> str:
    """A word near the top of ``text`` that ``avoid`` lacks: proof the text is drawn."""
    for word in re.findall(r"[A-Za-z]{7,}", text[200:2000]):
        if word not in avoid:
            return word
    raise ValueError("no marker word")


def since(pane: Pane, keys: Callable[[], None], text: str, timeout: float = 60) -> float:
    """Seconds from pressing ``keys`` until ``text`` is on screen."""
    start = time.perf_counter()
    keys()
    deadline = start + timeout
    while time.perf_counter() < deadline:
        if text in pane.screen():
            return time.perf_counter() - start
        time.sleep(0.005)
    raise TimeoutError(f"{text!r} not on screen:\n{pane.screen()}")


def one_run(a: Path, b: Path, big: bool) -> dict[str, float]:
    """Time the reader and the compare screen once, in a fresh 160x50 terminal."""
    text_a = a.read_text(encoding="utf-8")
    text_b = b.read_text(encoding="utf-8")
    word_b = marker(text_b, text_a[:4000])
    times: dict[str, float] = {}
    with Pane(f"{STORYREADER} {a} {b}", cols=160, rows=50, cwd="/tmp") as pane:
        pane.wait_for("2 articles", timeout=60)
        pane.wait_for(marker(text_a, ""), timeout=60)
        time.sleep(READING)
        times["reader"] = since(pane, lambda: pane.keys("j", pause=0), word_b)
        pane.keys("k", "Space", "j")
        time.sleep(READING)
        if big:
            opened = time.perf_counter()
            times["loading"] = since(pane, lambda: pane.keys("c", pause=0), "Finding shared")
            times["help while aligning"] = since(pane, lambda: pane.keys("?", pause=0), "Keys")
            pane.keys("Escape", pause=0)
            since(pane, lambda: None, "pair 1/", timeout=120)
            times["compare"] = time.perf_counter() - opened
        else:
            times["compare"] = since(pane, lambda: pane.keys("c", pause=0), "pair 1/")
            pane.keys("Escape", pause=0.5)
            times["help (a bare push)"] = since(pane, lambda: pane.keys("?", pause=0), "Keys")
    return times


def cold_run(a: Path, b: Path) -> float:
    """The compare key pressed as soon as the library is up, before the app's idle warm-up."""
    with Pane(f"{STORYREADER} {a} {b}", cols=160, rows=50, cwd="/tmp") as pane:
        pane.wait_for("2 articles", timeout=60)
        pane.keys("k", "Space", "j", pause=0.05)
        return since(pane, lambda: pane.keys("c", pause=0), "pair 1/")


def report(name: str, runs: list[dict[str, float]]) -> None:
    """Print the median of every measure and the compare / reader ratio."""
    medians = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    print(f"{name} ({len(runs)} runs):")
    for key, value in medians.items():
        print(f"  {key:<20} median {value * 1000:8.0f} ms")
    print(f"  compare / reader     {medians['compare'] / medians['reader']:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--big-runs", type=int, default=3)
    args = parser.parse_args()
    report("seed pair 000/001", [one_run(SEEDS[0], SEEDS[1], False) for _ in range(args.runs)])
    cold = statistics.median(cold_run(SEEDS[0], SEEDS[1]) for _ in range(args.runs))
    print(f"  compare, cold        median {cold * 1000:8.0f} ms  (pressed within 0.2 s of startup)")
    if not args.big_runs:
        return 0
    sentences = long_story(MB, seed=0)
    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder, "a.md"), Path(folder, "b.md")
        a.write_text(synthetic(sentences, MB, seed=1), encoding="utf-8")
        b.write_text(synthetic(sentences, MB, seed=2), encoding="utf-8")
        report("1 MB pair", [one_run(a, b, True) for _ in range(args.big_runs)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
