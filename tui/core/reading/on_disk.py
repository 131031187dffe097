"""Texts left on disk: an article's text read again from its file when it is asked for.

Holding every text of a folder of 50,000 articles costs more memory than all the rest
of the load, and storyreader only reads: an article from a text file keeps its
metadata, its length and the digest of its bytes, and reads its text again on use.
The bytes read again must have the digest the load saw, and decode to as many
characters, so the text is the very string every offset was taken in. A file that
changed or went away since gives `changed_notice` instead: as long as the text was,
so every offset stays in range, and saying so instead of showing other words at
those offsets. The last `KEPT` texts asked for are kept, so that a screen or a
report asking again and again reads the file once.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection
from pathlib import Path

from tui.core.reading.formats.raw import MAX_BYTES, read_raw
from tui.core.reading.problems import Problem

KEPT = 64
"""Texts kept after they were read again: those of a story being compared, and more.
Never more than the load held before it left texts on disk."""
CHANGED_REASON = "changed or went away after it was read; open it again to read it"
"""What the list of problems says of such a file."""
CHANGED = f"[storyreader: this file {CHANGED_REASON}]"
"""What a text that cannot be read again as it was says instead."""

Decoder = Callable[[bytes, bool], str]
"""Bytes to the text, as the format's reader decoded them; the flag: they were cut short."""

_kept: OrderedDict[tuple[Path, str], str] = OrderedDict()
_changed: dict[tuple[Path, str], None] = {}
"""Files (and the digest they were loaded with) found changed or gone when read again, in
the order found: a set that keeps it. The same file loaded again as it is now is not one."""
_lock = threading.Lock()
"""The kept texts and the changed files are shared by the interface and its workers."""


class OnDisk:
    """A `tui.core.reading.articles.TextSource`: the file is read again and decoded as at first.

    One is shared by every whole file of a format; a file read only up to a limit
    has its own, with that limit.
    """

    __slots__ = ("_decode", "_limit")

    def __init__(self, decode: Decoder, limit: int = MAX_BYTES) -> None:
        self._decode = decode
        self._limit = limit

    def read(self, path: Path, digest: str, chars: int) -> str:
        """The text of ``path`` as loaded (its bytes had ``digest``), or `changed_notice`."""
        key = (path, digest)
        with _lock:
            text = _kept.get(key)
            if text is not None:
                _kept.move_to_end(key)
                return text
        text = self._read_again(path, digest, chars)
        with _lock:
            if text is not None:
                _kept[key] = text
            else:
                _changed[key] = None
                text = _kept[key] = changed_notice(chars)
            while len(_kept) > KEPT:
                _kept.popitem(last=False)
        return text

    def _read_again(self, path: Path, digest: str, chars: int) -> str | None:
        """The text as loaded, or ``None`` when the file no longer holds it."""
        try:
            raw = read_raw(path, self._limit)
        except (OSError, ValueError):
            return None
        if not isinstance(raw, Problem) and hashlib.sha256(raw.data).hexdigest() == digest:
            try:
                text = self._decode(raw.data, raw.truncated)
            except ValueError:  # the same bytes decoded before: this is not expected
                return None
            if len(text) == chars:
                return text
        return None


def changed_files(loaded: Collection[tuple[Path, str]] | None = None) -> list[Problem]:
    """Files whose texts were asked for after they changed or went away.

    With ``loaded``, only those ``(path, digest)`` (an app's current articles). The
    load's problems are known when it ends; these only once a text is asked for,
    so a list of problems asks for them each time it is shown.
    """
    with _lock:
        found = [path for path, digest in _changed if loaded is None or (path, digest) in loaded]
    return [Problem(path, CHANGED_REASON) for path in found]


def changed_notice(chars: int) -> str:
    """`CHANGED`, cut or padded with spaces to ``chars`` characters."""
    return CHANGED[:chars].ljust(chars)
