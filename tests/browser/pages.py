"""What the browser tests share: where Chromium is, and a page opened on a report file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page

from tests.paths import ROOT

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium (``apt-get install -y chromium``)."""
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTEFACTS = ROOT / ".pytest_cache" / "storyreader-html"
"""Where the screenshots and the printed page are kept for a person to look at."""


@dataclass
class Visit:
    """A page opened on a report file, with everything it tried or complained about."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    """Every URL the page asked for (only its own file is let through to be loaded)."""
    errors: list[str] = field(default_factory=list)
    """Console errors (CSP violations among them) and uncaught exceptions."""
    dialogs: list[str] = field(default_factory=list)

    def box(self, selector: str) -> dict[str, float]:
        """Where the element's first piece is, in viewport pixels."""
        found = self.page.locator(selector).first.bounding_box()
        assert found is not None, f"{selector} is not shown"
        return dict(found)

    def in_view(self, selector: str, pane: str | None = None) -> bool:
        """True when the element's first line is on screen, and inside ``pane`` if given."""
        size = self.page.viewport_size
        assert size is not None
        top, bottom = 0.0, float(size["height"])
        if pane is not None:
            frame = self.box(pane)
            top, bottom = max(top, frame["y"]), min(bottom, frame["y"] + frame["height"])
        element = self.box(selector)
        line = min(element["height"], 20.0)
        return top - 1 <= element["y"] and element["y"] + line <= bottom + 1
