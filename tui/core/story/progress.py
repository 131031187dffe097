"""Progress of long story-wide work (the overview, grouping a folder into stories), for a UI.

Each long job is a generator that yields `Progress` between its steps, so a worker
can show it and stop the job (by no longer asking for steps) at any of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

UPDATES = 100
"""Progress events per stage at most, however many steps it has."""

ProgressCallback = Callable[[str, int, int], None]
"""Called with ``(stage, done, total)``."""


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a job has come."""

    stage: str
    """One of the job's stages (the overview's `STAGES`, grouping's `STAGES`)."""
    done: int
    """Steps of the stage done."""
    total: int
    """Steps the stage has."""


def worth_reporting(done: int, total: int) -> bool:
    """True for the steps worth a progress event: about `UPDATES` per stage, and the last."""
    return done == total or done % max(1, total // UPDATES) == 0
