"""Article: one source's text as read from disk, with the metadata the library shows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


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
    """Who published it: front matter, byline agency, URL host, sign-off, else the file name."""
    sha256: str
    """Hex digest of the bytes this article was decoded from."""
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
        """Number of words, as a reader would count them."""
        return sum(1 for _ in _WORD.finditer(self.text))
