"""Where the bundled story lives, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[2]
"""The `tui` package folder."""


def bundled_story() -> Path:
    """The folder of the bundled story.

    A wheel carries it inside the package (``tui/seeds``); an editable install or a
    source checkout reads the repository's top-level ``seeds/``.
    """
    inside = _PACKAGE / "seeds"
    return inside if inside.is_dir() else _PACKAGE.parent / "seeds"
