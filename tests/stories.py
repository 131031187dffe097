"""Articles and stories made from text in memory, read as files are (no Textual here).

The core tests build their inputs with these, so that they run the same path as
the product: an `Article` with its metadata and body start, a `Story` of them, and
the story's one comparison of a pair.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from tui.core.alignment.align import Link
from tui.core.alignment.comparison import Comparison
from tui.core.reading.articles import Article
from tui.core.reading.formats.raw import RawFile, build_article
from tui.core.reading.loading import LoadResult, load_files
from tui.core.story.model import Story


def article_of(text: str, name: str = "article.txt", **stated: str | None) -> Article:
    """An article of ``text`` as if read from a UTF-8 file called ``name``.

    ``stated`` values (``title``, ``outlet``...) override what the text says, as a
    container format's fields do.
    """
    data = text.encode("utf-8")
    raw = RawFile(Path(name), data, len(data))
    digest = hashlib.sha256(data).hexdigest()
    return build_article(raw, text, digest=digest, encoding="utf-8", stated=stated or None)


def story_of(*texts: str) -> Story:
    """A story of ``texts``, named ``0.txt``, ``1.txt``, ..."""
    return Story([article_of(text, f"{index}.txt") for index, text in enumerate(texts)])


def compared(a: str, b: str, context: Sequence[str] = ()) -> Comparison:
    """The comparison of texts ``a`` and ``b``, in a story with ``context`` (default: alone)."""
    return story_of(a, b, *context).comparison(0, 1)


def links_between(a: str, b: str, context: Sequence[str] = ()) -> list[Link]:
    """The links of `compared`."""
    return list(compared(a, b, context).links)


def read_one(path: Path) -> LoadResult:
    """The articles or problems of one file, as loading reads it."""
    ((_, result),) = load_files([path])
    return result
