"""Where the tests' inputs live: the bundled story and the hand-made fixtures.

No Textual import here: the core and CLI tests use these paths too.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The checkout."""
SEEDS = ROOT / "seeds"
"""The bundled story, as checked out."""
HANDMADE = ROOT / "tests" / "fixtures" / "overview"
"""A small story with a known overview (copy groups, figures, quotes)."""
UI_FOLDER = ROOT / "tests" / "fixtures" / "ui_folder"
"""A folder of seven real-looking articles on one wildfire: a wire story, its reprints
and rewrites, long headlines, disagreeing figures, one file without an outlet."""
STORIES_FOLDER = ROOT / "tests" / "fixtures" / "stories_folder"
"""A folder of eleven invented articles on three stories: a dam's seepage (five
outlets), a city's tram vote (five), and a frost in an orchard valley (one article)."""
