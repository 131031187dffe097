"""Article: one source's text as read from disk, with the metadata the library shows."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

_CORRECTIONS = r"[—–―|•·/&.!?-](?:(?<=\s[—–―|•·/&-])-?(?=\s)|(?<=[a-z][.!?])(?=[A-Z][a-z]))"
"""Where whitespace-separated tokens and a reader's words differ: a dash or bar standing
alone (no word), a sentence glued to the next (``Moscow.Lukashenko``: two). One pattern
that starts with a rare character, so the regex engine skips between candidates."""
_CJK = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
"""Kana and Chinese characters: written without spaces, each counted as a word."""
_CJK_WINDOW = 4000
"""Characters looked at for Chinese or Japanese text: such a text shows it at once."""


def count_words(text: str) -> int:
    """The number of words in ``text`` as a reader counts them.

    ``don't``, ``co-op``, ``1.5`` and ``F.B.I.`` are one word each, a dash standing
    alone is none, and ``Moscow.Lukashenko`` (scraped text glues sentences) is two.
    Chinese and Japanese count a word per character, as their readers count length.
    Counted from the whitespace split, which is about five times faster than
    matching every word with a regular expression.
    """
    count = len(text.split())
    for match in _pattern(_CORRECTIONS).finditer(text):
        count += 1 if match.group()[0] in ".!?" else -1
    cjk = _pattern(_CJK)
    if not text.isascii() and cjk.search(text, 0, _CJK_WINDOW):
        spaced = cjk.sub(" ", text)
        count = sum(1 for token in spaced.split() if any(c.isalnum() for c in token))
        count += len(text) - len(cjk.sub("", text))
    return count


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    """``source`` compiled on first count: the module is imported at startup."""
    return re.compile(source)


@dataclass(frozen=True, slots=True)
class Article:
    """One article. `text` is exactly what was decoded; every offset indexes into it."""

    path: Path
    """The file it came from."""
    text: str
    """The decoded text, unchanged (no stripping, no normalisation)."""
    title: str
    """Headline, or the clearest fallback (first sentence, then file name)."""
    outlet: str
    """Who published it: front matter, URL host, byline agency, sign-off, else the file name."""
    sha256: str
    """Hex SHA-256 of the bytes this article was decoded from (for JSON Lines: its line)."""
    date: str | None = None
    """Publication date as ISO ``YYYY-MM-DD`` when the text states one."""
    byline: str | None = None
    """Author line as written, markup removed (``"Anna Malpas for AFP"``)."""
    url: str | None = None
    """Original address when the text gives one."""
    encoding: str = "utf-8"
    """Codec the bytes were decoded with."""
    part: int | None = None
    """Line number inside a multi-article file (JSON Lines), else ``None``."""
    notes: tuple[str, ...] = field(default=())
    """Things the user should know about how it was read (``"decoded as cp1252"``)."""
    agency: str | None = None
    """Wire agency that produced the copy (``"AFP"``), when the byline, a dateline or a
    sign-off names one. ``outlet`` is who published it, which may differ."""
    body: int = 0
    """Offset where the body starts: after a front-matter block, else 0. Decided once,
    here: segmentation, alignment and the reader all start from it."""
    _words: int | None = field(default=None, init=False, repr=False, compare=False)
    """Cache for `words`: counting is linear in the text, and lists ask for it on every redraw."""

    @property
    def name(self) -> str:
        """Short unique label: the file name, plus ``:line`` for one article of many."""
        return self.path.name if self.part is None else f"{self.path.name}:{self.part}"

    @property
    def chars(self) -> int:
        """Length of the text in characters."""
        return len(self.text)

    @property
    def words(self) -> int:
        """Number of words, as a reader would count them (counted once, on first use)."""
        if self._words is None:
            # Frozen dataclass: the cache is the one field written after construction.
            object.__setattr__(self, "_words", count_words(self.text))
        return self._words  # type: ignore[return-value]
