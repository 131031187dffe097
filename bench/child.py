"""Run a command as a fresh child process: its wall time, CPU time and peak RSS.

The headless benchmarks time ``storyreader`` as a user runs it, in a new process
each time (imports, reading, the report and its printing all count). ``os.wait4``
gives the child's own resource usage, so the peak RSS belongs to that run alone.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent


class Run(NamedTuple):
    """One child's costs."""

    wall: float
    """Seconds from start to exit."""
    cpu: float
    """User and system CPU seconds of the child: steadier than wall time on a shared machine."""
    rss_mb: float
    """Peak resident memory, MB."""


def run(
    argv: Sequence[str],
    stdout: Path | None = None,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
) -> Run:
    """Run ``argv`` in ``cwd`` with stdout to ``stdout`` (or the null device), stderr kept.

    ``env`` adds to the environment (``STORYREADER_ENGINE=lexical``; ``PYTHONPATH``
    with a ``cwd`` outside this checkout runs another checkout's ``tui``: `at_root`).

    Raises:
        RuntimeError: When the child exits with an error.
    """
    with open(stdout or os.devnull, "wb") as out:
        start = time.perf_counter()
        child = subprocess.Popen(
            list(argv),
            stdout=out,
            stdin=subprocess.DEVNULL,
            cwd=cwd,
            env={**os.environ, **(env or {})},
        )
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited with {child.returncode}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


LEXICAL = {"STORYREADER_ENGINE": "lexical"}
"""The environment that turns the optional semantic signal off (the lexical engine)."""


def storyreader(*args: str | Path) -> list[str]:
    """The command line that runs this checkout's ``storyreader`` with ``args``."""
    return [sys.executable, "-m", "tui", *map(str, args)]


def median_run(
    argv: Sequence[str],
    repeat: int,
    stdout: Path | None = None,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
) -> Run:
    """Medians of ``repeat`` runs of ``argv``, each field on its own."""
    return median_of([run(argv, stdout, env, cwd) for _ in range(repeat)])


def median_of(runs: Sequence[Run]) -> Run:
    """The median of each field of ``runs`` on its own."""
    return Run(*(statistics.median(values) for values in zip(*runs, strict=True)))


def at_root(root: Path, env: dict[str, str] | None = None) -> tuple[dict[str, str], Path]:
    """The environment and folder that make ``python -m tui`` import ``root``'s ``tui``.

    The folder is the system's temporary folder: ``-m`` puts the working folder
    first on the path, so it must hold no ``tui`` of its own.
    """
    import tempfile

    return {**(env or {}), "PYTHONPATH": str(root)}, Path(tempfile.gettempdir())
