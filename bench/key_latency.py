"""Key latency while the app works: how long a key waits during each long job, in tmux.

    python bench/key_latency.py [--probes 7] [--jobs idle compare overview loading]
                                [--program PATH]

Each job starts ``storyreader`` in a fresh 160x50 tmux server, starts the long work,
and while it runs presses ``?`` and waits for the help panel (``Keys``), then
``escape`` and waits for it to go, again and again (the probe). The latency of a
probe is the time from the key to the panel on screen, polled every 5 ms:

- idle (the baseline, measured in the same run): the bundled story, nothing running;
- compare: opening a pair of two ~1 MB articles (`bench/corpus.py`'s pair): while
  ``Finding shared sentences`` is on screen (the alignment runs in a child process;
  the documents are rendered and laid out in threads);
- overview: the overview of a 200-article generated story (`running_story`), while its
  progress bar is on screen (the overview is computed in a thread);
- loading: a folder of 10,000 generated files (`generate_folder`), while the title
  says ``loading``.

``--program`` runs another build the same way (a checkout's ``python -m tui``, to
compare before and after). Only probes that started and ended while the job was
still running count; once
the job is done, the same probe on the same screen is the job's own idle baseline.
Prints, per job, the median and the worst probe while it ran, the idle median after
it, and the ratio of the two. Goal: under 100 ms during every job.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus import MB, generate_folder, long_story, running_story, seed_files, synthetic
from tuidrive import Pane

STORYREADER = str(Path(sys.executable).with_name("storyreader"))
"""The program probed unless ``--program`` names another."""
ENV = {"PYTHONDONTWRITEBYTECODE": ""}
POLL = 0.005


def shown(pane: Pane, text: str, timeout: float = 10.0) -> float:
    """Seconds until ``text`` is on screen."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in pane.screen():
            return time.perf_counter() - start
        time.sleep(POLL)
    raise TimeoutError(f"{text!r} not on screen:\n{pane.screen()}")


def gone(pane: Pane, text: str, timeout: float = 10.0) -> None:
    """Wait until ``text`` is no longer on screen."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text not in pane.screen():
            return
        time.sleep(POLL)
    raise TimeoutError(f"{text!r} still on screen")


def probe(pane: Pane) -> float:
    """One ``?``: seconds until the help panel shows; then it is closed again."""
    start = time.perf_counter()
    pane.keys("?", pause=0)
    shown(pane, "Keys")
    latency = time.perf_counter() - start  # the tmux client's send counts, idle alike
    pane.keys("Escape", pause=0)
    gone(pane, "Keys")
    return latency


Probes = tuple[list[float], list[float]]
"""Latencies while the job ran, and on the same screen once it was done."""


def probes_while(pane: Pane, busy: Callable[[str], bool], count: int) -> Probes:
    """Probe until ``count`` probes fell wholly inside the job, then as many idle.

    The job runs while ``busy`` holds for the screen; once it is done, ``count`` more
    probes on the same screen are the job's idle baseline.
    """
    found: list[float] = []
    while len(found) < count:
        if not busy(pane.screen()):
            break
        latency = probe(pane)
        if busy(pane.screen()):
            found.append(latency)
        time.sleep(0.05)
    deadline = time.perf_counter() + 300
    while busy(pane.screen()) and time.perf_counter() < deadline:
        time.sleep(0.1)
    time.sleep(1.5)  # past what the end of the job leaves to do
    return found, [probe(pane) for _ in range(count)]


def idle(program: str, count: int) -> Probes:
    with Pane(program, cols=160, rows=50, cwd="/tmp", env=ENV) as pane:
        shown(pane, "5 articles", 30)
        time.sleep(2.5)  # past the idle warm-up
        times = [probe(pane) for _ in range(count)]
        return times, times


def compare(program: str, folder: Path, count: int) -> Probes:
    sentences = long_story(MB, seed=0)
    a, b = folder / "a.md", folder / "b.md"
    a.write_text(synthetic(sentences, MB, seed=1), encoding="utf-8")
    b.write_text(synthetic(sentences, MB, seed=2), encoding="utf-8")
    with Pane(f"{program} {a} {b}", cols=160, rows=50, cwd="/tmp", env=ENV) as pane:
        shown(pane, "2 articles", 60)
        time.sleep(2.5)
        pane.keys("Space", "j", "c", pause=0.05)
        shown(pane, "Finding shared", 30)
        return probes_while(pane, lambda screen: "Finding shared" in screen, count)


def overview(program: str, folder: Path, count: int) -> Probes:
    story = folder / "story"
    story.mkdir()
    for article in running_story(200, seed=0):
        (story / article.path.name).write_text(article.text, encoding="utf-8")
    with Pane(f"{program} {story}", cols=160, rows=50, cwd="/tmp", env=ENV) as pane:
        shown(pane, "200 articles", 60)
        time.sleep(2.5)
        pane.keys("o", pause=0)
        shown(pane, "overview", 30)
        return probes_while(pane, lambda screen: "pairs" not in screen.splitlines()[0], count)


def loading(program: str, folder: Path, count: int) -> Probes:
    files = folder / "files"
    generate_folder(files, 10_000)
    with Pane(f"{program} {files}", cols=160, rows=50, cwd="/tmp", env=ENV) as pane:
        shown(pane, "loading", 60)
        return probes_while(pane, lambda screen: "loading" in screen.splitlines()[0], count)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probes", type=int, default=7)
    parser.add_argument("--program", default=STORYREADER)
    parser.add_argument("--jobs", nargs="+", default=["idle", "compare", "overview", "loading"])
    args = parser.parse_args()
    seed_files()  # the bundled story must be there
    jobs: dict[str, Callable[[str, Path, int], Probes]] = {
        "compare": compare,
        "overview": overview,
        "loading": loading,
    }
    with tempfile.TemporaryDirectory() as scratch:
        for job in args.jobs:
            folder = Path(scratch, job)
            folder.mkdir()
            if job == "idle":
                busy, quiet = idle(args.program, args.probes)
            else:
                busy, quiet = jobs[job](args.program, folder, args.probes)
            if not busy:
                print(f"{job:<9} no probe fitted inside the job (it ended too soon)")
                continue
            median, rest = statistics.median(busy), statistics.median(quiet)
            print(
                f"{job:<9} {len(busy)} probes  median {median * 1000:5.0f} ms  "
                f"worst {max(busy) * 1000:5.0f} ms   idle after {rest * 1000:5.0f} ms  "
                f"ratio {median / rest:.2f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
