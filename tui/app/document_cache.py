"""Rendered documents kept for the articles read most recently, shared by all panes."""

from __future__ import annotations

import threading
from collections import OrderedDict

from tui.core.text.document import Document, render_markdown

_KEEP = 64
"""Documents kept; enough for a story's articles, bounded for a big folder."""


class DocumentCache:
    """An LRU cache of `render_markdown` results, safe to use from worker threads.

    Panes ask `get` first and draw at once on a hit; on a miss they render in a
    worker, so a long article never blocks the interface.
    """

    def __init__(self, keep: int = _KEEP) -> None:
        self._keep = keep
        self._items: OrderedDict[str, Document] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> Document | None:
        """The document of ``text`` if it was rendered recently."""
        with self._lock:
            document = self._items.get(text)
            if document is not None:
                self._items.move_to_end(text)
            return document

    def render(self, text: str) -> Document:
        """The document of ``text``, rendered now unless it is cached."""
        document = self.get(text)
        if document is None:
            document = render_markdown(text)
            with self._lock:
                self._items[text] = document
                while len(self._items) > self._keep:
                    self._items.popitem(last=False)
        return document


documents = DocumentCache()
"""The app's one cache."""
