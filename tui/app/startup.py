"""Startup and first-open tuning: what is deferred, preloaded and settled, and when.

Measured choices (DEVELOPERS.md, "Startup and first opens"):

- `tui.cli` pauses the cyclic collector from the Textual import to the first frame;
  `first_frame_drawn` turns it back on (importing Textual and drawing the first
  frame allocate a great deal and free almost nothing).
- A second after loading, the library imports the next screens in a thread
  (`next_screens`), then `load_styles` parses their stylesheets (Textual would
  re-parse every stylesheet at their first push), then `settle_heap` runs one full
  collection and freezes what is left, so later collections walk only new objects
  instead of stalling a paint to rescan the story.
"""

from __future__ import annotations

import gc
import inspect
from pathlib import Path

from textual.app import App
from textual.screen import Screen

WARM_UP_AFTER = 1.0
"""Seconds after loading before the next screens are imported in the background."""
SETTLE_AFTER = 0.2
"""Seconds between parsing the next screens' styles and settling the heap."""


def first_frame_drawn() -> None:
    """The first frame is on screen: the collector, paused for startup, runs again."""
    gc.enable()


def next_screens() -> tuple[type[Screen], ...]:
    """Import the screens a reader opens next, with the engine they drive.

    Call it in a thread: it takes tens of milliseconds the interface need not wait.
    """
    from tui.app.screens.compare import CompareScreen
    from tui.app.screens.help import HelpScreen
    from tui.app.screens.pick import PickSourceScreen

    return CompareScreen, HelpScreen, PickSourceScreen


def load_styles(app: App[object], *screens: type[Screen]) -> None:
    """Parse the stylesheets of ``screens`` now, while the user reads.

    Textual reads a screen's `CSS_PATH` when the screen is first pushed, and
    re-parses every stylesheet of the app to do it: some 25 ms that the first
    compare would otherwise spend before it paints.
    """
    paths = [
        str((Path(inspect.getfile(screen)).parent / str(screen.CSS_PATH)).resolve())
        for screen in screens
        if screen.CSS_PATH  # ours name one file each
    ]
    missing = [path for path in paths if not app.stylesheet.has_source(path, "")]
    for path in missing:
        app.stylesheet.read(path)
    if missing:
        app.stylesheet.reparse()
        app.stylesheet.update(app)


def settle_heap() -> None:
    """One full collection, then freeze what is left: the loaded story lives until exit."""
    gc.collect()
    gc.freeze()


def keep_built() -> None:
    """What a long job just built lives on (a document, its layout, a comparison): freeze it.

    A megabyte article's document, its layout and a pair's comparison are millions of
    objects the cyclic collector would walk again at every full collection: 50 to
    150 ms each, several a second while more is built, any one of them holding the
    interpreter from the interface (a key waited 400 ms while a megabyte pair
    opened). Frozen, collections walk only what is newer. No full collection first:
    it would cost the very pause this avoids; the few cycles of garbage frozen with
    the heap are the price.
    """
    gc.freeze()
