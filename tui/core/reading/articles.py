"""Article: one source's text as read from disk, with the metadata the library shows."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, Protocol

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


class TextSource(Protocol):
    """Where an article's text is read again when it is not kept in memory."""

    def read(self, path: Path, digest: str, chars: int) -> str:
        """The text of ``path`` as loaded: its bytes had ``digest``, its text ``chars`` characters."""
        ...


_ARGUMENTS = (
    "path", "text", "title", "outlet", "sha256", "date", "byline", "url",
    "encoding", "part", "notes", "agency", "body", "chars",
)  # fmt: skip
"""`Article`'s arguments, in order."""
_STORED = tuple(f"_{name}" if name in ("text", "chars") else name for name in _ARGUMENTS)
"""The slot each of `_ARGUMENTS` is kept in."""


class Article:
    """One article. `text` is exactly what was decoded; every offset indexes into it.

    Read-only, and small: a folder of 50,000 articles holds 50,000 of them, so the
    fields live in slots and an article read from a text file keeps no text at all
    (`TextSource`: the file is read again on use, `tui.core.reading.on_disk`). Two
    articles are equal when every field and the text are.
    """

    __slots__ = (
        "_chars", "_text", "_words", "agency", "body", "byline", "date", "encoding",
        "notes", "outlet", "part", "path", "sha256", "title", "url",
    )  # fmt: skip

    path: Path
    """The file it came from."""
    title: str
    """Headline, or the clearest fallback (first sentence, then file name)."""
    outlet: str
    """Who published it: front matter, URL host, byline agency, sign-off, else the file name."""
    sha256: str
    """Hex SHA-256 of the bytes this article was decoded from (for JSON Lines: its line)."""
    date: str | None
    """Publication date as ISO ``YYYY-MM-DD`` when the text states one."""
    byline: str | None
    """Author line as written, markup removed (``"Anna Malpas for AFP"``)."""
    url: str | None
    """Original address when the text gives one."""
    encoding: str
    """Codec the bytes were decoded with."""
    part: int | None
    """Line number inside a multi-article file (JSON Lines), else ``None``."""
    notes: tuple[str, ...]
    """Things the user should know about how it was read (``"decoded as cp1252"``)."""
    agency: str | None
    """Wire agency that produced the copy (``"AFP"``), when the byline, a dateline or a
    sign-off names one. ``outlet`` is who published it, which may differ."""
    body: int
    """Offset where the body starts: after a front-matter block, else 0. Decided once,
    here: segmentation, alignment and the reader all start from it."""
    _text: str | TextSource
    _chars: int
    _words: int | None
    """Cache for `words`: counting is linear in the text, and lists ask for it on every redraw."""

    def __init__(
        self,
        path: Path,
        text: str | TextSource,
        title: str,
        outlet: str,
        sha256: str,
        date: str | None = None,
        byline: str | None = None,
        url: str | None = None,
        encoding: str = "utf-8",
        part: int | None = None,
        notes: tuple[str, ...] = (),
        agency: str | None = None,
        body: int = 0,
        *,
        chars: int | None = None,
    ) -> None:
        """An article of ``text``, or of the text ``text`` reads again (then ``chars`` is its length)."""
        if chars is None:
            if not isinstance(text, str):
                raise TypeError("an article whose text stays on disk needs its length (chars)")
            chars = len(text)
        fields = (path, text, title, outlet, sha256, date, byline, url, encoding, part, notes)
        for name, value in zip(_STORED, (*fields, agency, body, chars), strict=True):
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_words", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"an Article is read-only: {name} cannot be set")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"an Article is read-only: {name} cannot be deleted")

    def __repr__(self) -> str:
        return f"Article(path={self.path!r}, title={self.title!r}, outlet={self.outlet!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Article):
            return NotImplemented
        mine, theirs = self._fields(), other._fields()
        same = mine[0] == theirs[0] and mine[2:] == theirs[2:]
        return same and (mine[1] is theirs[1] or self.text == other.text)

    def __hash__(self) -> int:
        return hash((self.path, self.part, self.sha256))

    def __reduce__(self) -> tuple[type[Article], tuple[object, ...]]:
        """Pickled with its text (for a child process), whether or not it keeps it."""
        fields = self._fields()
        return Article, (fields[0], self.text, *fields[2:-1])

    def _fields(self) -> tuple[object, ...]:
        """The constructor's arguments, `_ARGUMENTS` (the text as kept or as its source)."""
        return tuple(object.__getattribute__(self, name) for name in _STORED)

    def replace(self, **changes: Any) -> Article:
        """A copy with ``changes`` made (the constructor's argument names)."""
        fields: dict[str, Any] = dict(zip(_ARGUMENTS, self._fields(), strict=True))
        if "text" in changes:
            fields["chars"] = None  # the new text's, unless given
        return Article(**(fields | changes))

    @property
    def text(self) -> str:
        """The decoded text, unchanged (no stripping, no normalisation).

        Kept, or read again from the file (`TextSource`): the same string either way.
        """
        text = self._text
        return text if isinstance(text, str) else text.read(self.path, self.sha256, self._chars)

    @property
    def name(self) -> str:
        """Short unique label: the file name, plus ``:line`` for one article of many."""
        return self.path.name if self.part is None else f"{self.path.name}:{self.part}"

    @property
    def chars(self) -> int:
        """Length of the text in characters (known without reading it)."""
        return self._chars

    @property
    def words(self) -> int:
        """Number of words, as a reader would count them (counted once, on first use)."""
        if self._words is None:
            # Read-only: the cache is the one slot written after construction.
            object.__setattr__(self, "_words", count_words(self.text))
        return self._words  # type: ignore[return-value]
