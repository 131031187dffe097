"""Rendered documents kept for the articles read most recently, shared by all panes."""

from __future__ import annotations

import threading
from collections import OrderedDict

from tui.app.plain_document import plain_document
from tui.core.text.document import Document, render_markdown

_KEEP = 64
"""Documents kept; enough for a story's articles, bounded for a big folder."""
RENDER_ELSEWHERE = 200_000
"""Texts longer than this (characters) are rendered in a child process (`tui.app.offload`):
a thread would share the interpreter with the interface, and keys would wait."""


class DocumentCache:
    """An LRU cache of `render_markdown` results, safe to use from worker threads.

    Panes ask `get` first and draw at once on a hit; on a miss they render in a
    worker, so a long article never blocks the interface.
    """

    def __init__(self, keep: int = _KEEP) -> None:
        self._keep = keep
        self._items: OrderedDict[str, Document] = OrderedDict()
        self._lock = threading.Lock()
        self._rendering: dict[str, threading.Event] = {}
        """Long texts being rendered, each with the event set when it is done: a second
        pane asking for one (the library's reader, then a compare pane) waits for it
        rather than starting the same work in a second child process."""

    def get(self, text: str) -> Document | None:
        """The document of ``text`` if it was rendered recently."""
        with self._lock:
            document = self._items.get(text)
            if document is not None:
                self._items.move_to_end(text)
            return document

    def at_once(self, text: str) -> Document | None:
        """The document of ``text`` if it is cached or needs no parser (`plain_document`).

        Cheap enough for the interface's thread: the first article shows in the
        first frame, without waiting for the Markdown parser to be imported.
        """
        document = self.get(text)
        if document is None:
            plain = plain_document(text)
            if plain is not None:
                document = self._keep_document(text, plain)
        return document

    def render(self, text: str) -> Document:
        """The document of ``text``, rendered now unless it is cached.

        A long text is rendered in a child process: call this from a thread worker.

        Raises:
            OffloadCancelledError: The calling worker was cancelled meanwhile.
        """
        document = self.get(text)
        if document is not None:
            return document
        if len(text) <= RENDER_ELSEWHERE:
            return self._keep_document(text, render_markdown(text))
        while True:
            with self._lock:
                document = self._items.get(text)
                started = self._rendering.get(text)
                if document is None and started is None:
                    done = self._rendering[text] = threading.Event()
            if document is not None:
                return document
            if started is not None:
                _wait(started)  # then look again: done, or given up when its pane moved on
                continue
            try:
                from tui.app.offload import run_in_process

                return self._keep_document(text, run_in_process(render_markdown, text))
            finally:
                with self._lock:
                    del self._rendering[text]
                done.set()

    def _keep_document(self, text: str, document: Document) -> Document:
        with self._lock:
            self._items[text] = document
            while len(self._items) > self._keep:
                self._items.popitem(last=False)
        return document


def _wait(event: threading.Event) -> None:
    """Wait for ``event``, giving up if the calling worker is cancelled meanwhile.

    Raises:
        OffloadCancelledError: The calling worker was cancelled.
    """
    from textual.worker import NoActiveWorker, get_current_worker

    from tui.app.offload import OffloadCancelledError

    try:
        worker = get_current_worker()
    except NoActiveWorker:
        worker = None
    while not event.wait(0.05):
        if worker is not None and worker.is_cancelled:
            raise OffloadCancelledError


documents = DocumentCache()
"""The app's one cache."""
