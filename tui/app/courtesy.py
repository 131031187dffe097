"""Courtesy: the interface's worker threads step aside while it answers a key.

Python runs one thread at a time, handing the interpreter over every few
milliseconds: while a thread loads ten thousand files, groups them into stories or
builds an overview, the help panel's 25 ms of work took 60 to 100 ms, the worker
taking every other turn. The app holds the workers back from each key press (and
click or scroll) until the screen has been painted after it; the workers ask at
every step they already poll for cancellation, which costs them nothing when no key
waits. A worker never waits longer than `LONGEST_WAIT`, then opens the gate itself, so
held keys (scrolling with ``j`` held down) slow the work but never stop it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

LONGEST_WAIT = 0.25
"""Seconds a worker waits at most for the interface, each time it asks."""


class Courtesy:
    """One gate: open while the interface is idle, closed while it answers input."""

    def __init__(self) -> None:
        self._open = threading.Event()
        self._open.set()

    def hold(self) -> None:
        """The interface has input to answer: workers wait at their next step."""
        self._open.clear()

    def release(self) -> None:
        """The interface has painted its answer: workers go on."""
        self._open.set()

    def wait(self) -> None:
        """Called by worker threads between steps: at once unless the interface is busy."""
        if not self._open.is_set() and not self._open.wait(LONGEST_WAIT):
            self._open.set()  # an answer that never painted holds no one back again

    def polite(self, cancelled: Callable[[], bool]) -> Callable[[], bool]:
        """``cancelled`` that first waits for the interface: for the core's cancellation polls."""

        def ask() -> bool:
            self.wait()
            return cancelled()

        return ask


courtesy = Courtesy()
"""The app's one gate (the interface has one thread to keep free)."""
