"""Progress of a headless command on stderr: one line, redrawn in place, on a terminal only.

Reading and aligning two huge files takes seconds; a command that prints nothing
meanwhile looks hung. On a terminal, stderr shows what is being done and for how
long (redrawn twice a second by a timer thread, so a long step without progress
events of its own still shows time passing), and the line is erased before the
report is printed. In a pipe or a log file nothing is written: progress there
would only be noise between the problems a script reads.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from types import TracebackType
from typing import Self, TextIO

from tui.core.text.safe import inert_line

_TICK = 0.5
"""Seconds between redraws of the elapsed time."""
_ERASE = "\r\x1b[2K"
"""Carriage return, then erase the line (written only to a terminal)."""


class Progress:
    """A context manager that shows the current step of a command on stderr.

    ``with Progress() as progress: progress.step("aligning")`` shows
    ``storyreader: aligning… 3 s`` until the next step or the end of the block.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._shown = _isatty(self._stream)
        self._step = ""
        self._started = time.monotonic()
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._timer: threading.Thread | None = None

    def __enter__(self) -> Self:
        if self._shown:
            self._timer = threading.Thread(target=self._tick, name="progress", daemon=True)
            self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.clear()

    def step(self, text: str) -> None:
        """Show ``text`` as what is being done now (made inert: it may hold a file name)."""
        with self._lock:
            self._step = inert_line(text)
            self._started = time.monotonic()
        self._draw()

    def say(self, line: str) -> None:
        """Print ``line`` (already safe) on stderr above the progress line."""
        with self._lock:
            if self._shown and self._step:
                self._write(_ERASE)
            self._write_line(line)
        self._draw()

    def clear(self) -> None:
        """Stop the timer and erase the line, so that what follows starts on a clean line."""
        self._done.set()
        if self._timer is not None:
            self._timer.join()
            self._timer = None
        if self._shown and self._step:
            with self._lock:
                self._write(_ERASE)
                self._step = ""

    def _tick(self) -> None:
        while not self._done.wait(_TICK):
            self._draw()

    def _draw(self) -> None:
        if not self._shown:
            return
        with self._lock:
            if not self._step or self._done.is_set():
                return
            seconds = time.monotonic() - self._started
            elapsed = f" {seconds:.0f} s" if seconds >= 1 else ""
            self._write(f"{_ERASE}storyreader: {self._step}…{elapsed}")

    def _write_line(self, line: str) -> None:
        with contextlib.suppress(OSError, ValueError):  # stderr closed: nothing left to tell
            print(line, file=self._stream, flush=True)

    def _write(self, text: str) -> None:
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):  # the terminal went away: progress is not worth a crash
            self._shown = False


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
