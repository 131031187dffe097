"""Problems: what the user is told when an input cannot be read.

Loading never raises past a `Problem`: a bad file becomes a message naming the file
and the reason, and every other file still opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One input that was skipped (or only partly read), and why."""

    path: Path
    """The file or folder the user gave, or found inside a folder."""
    reason: str
    """A short, plain sentence fragment: ``"empty file"``, ``"binary file (PNG image)"``."""

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
