"""Web addresses among the names a user gives: told from paths without loading the web client.

Imported at startup (the command line and the app sort names into paths and
addresses), so it holds nothing but string work; fetching is `tui.core.reading.url`.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

FETCHED = "fetched from the web"
"""The note an article fetched from an address carries (its `Article.url` is that address)."""
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_NAME = re.compile(r"[^\w.-]+")


def is_url(name: str) -> bool:
    """True when ``name`` is written as an address (``scheme://...``), not a path."""
    return bool(_SCHEME.match(name))


def url_path(url: str) -> Path:
    """A path that names a fetched page like a saved one: ``host/last-part``.

    Nothing is at that path; it gives the library a file name to show and to fall
    back on for a label (``example.com/council-budget``).
    """
    parts = urlsplit(url)
    host = _NAME.sub("_", parts.hostname or "page")
    last = unquote(parts.path.rstrip("/").rpartition("/")[2])
    return Path(host) / (_NAME.sub("_", last)[:80] or "index")
