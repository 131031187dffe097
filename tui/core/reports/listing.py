"""The ``storyreader list`` output: a table for people, JSON for scripts.

The table is plain text with columns aligned by terminal cells (CJK counts two,
combining marks none), long values cut with ``…``, and no colour. Anything a
terminal would act on (ESC, other controls, bidi overrides), which can only come
from a file name since metadata values are cleaned when read, is shown in caret or
``<U+XXXX>`` notation instead. The JSON escapes the same characters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from tui.core.reading.articles import Article
from tui.core.reports.records import article_record, dumps, path_text
from tui.core.text.safe import one_line

FORMATS = ("table", "json")


class _Column(NamedTuple):
    heading: str
    limit: int
    """Widest the column may get, in terminal cells."""
    right: bool = False
    """Right-aligned (numbers)."""
    cut_left: bool = False
    """Cut on the left, to keep the end (a path's file name)."""


_COLUMNS = (
    _Column("PATH", 48, cut_left=True),
    _Column("OUTLET", 24),
    _Column("DATE", 10),
    _Column("WORDS", 7, right=True),
    _Column("CHARS", 9, right=True),
    _Column("SHA256", 12),
    _Column("TITLE", 60),
    _Column("BYLINE", 30),
    _Column("URL", 50),
)


def format_listing(articles: Sequence[Article], fmt: str) -> str:
    """The metadata of ``articles`` as a table or as JSON.

    Args:
        articles: What to list, in order.
        fmt: ``"table"`` or ``"json"``.

    Returns:
        The text to print (no trailing newline).

    Raises:
        ValueError: ``fmt`` is not one of `FORMATS`.
    """
    if fmt == "json":
        return _json(articles)
    if fmt == "table":
        return _table(articles)
    raise ValueError(f"unknown listing format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _json(articles: Sequence[Article]) -> str:
    return dumps([article_record(article) for article in articles])


def _table(articles: Sequence[Article]) -> str:
    rows = [[column.heading for column in _COLUMNS]]
    for article in articles:
        path = path_text(article.path)
        rows.append(
            [
                path if article.part is None else f"{path}:{article.part}",
                article.outlet,
                article.date or "-",
                str(article.words),
                str(article.chars),
                article.sha256[:12],
                article.title,
                article.byline or "-",
                article.url or "-",
            ]
        )
    cells = [[_fit(one_line(value), column) for value, column in zip(row, _COLUMNS, strict=True)]
             for row in rows]  # fmt: skip
    widths = [max(_width(row[i]) for row in cells) for i in range(len(_COLUMNS))]
    lines = (map(_pad, row, widths, _COLUMNS) for row in cells)
    return "\n".join("  ".join(line).rstrip() for line in lines)


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _width(value: str) -> int:
    return sum(_char_width(char) for char in value)


def _fit(value: str, column: _Column) -> str:
    """``value`` cut to the column's limit, with ``…`` where it was cut."""
    if _width(value) <= column.limit:
        return value
    kept, used = [], 0
    for char in reversed(value) if column.cut_left else value:
        width = _char_width(char)
        if used + width > column.limit - 1:
            break
        kept.append(char)
        used += width
    if column.cut_left:
        return "…" + "".join(reversed(kept))
    return "".join(kept) + "…"


def _pad(value: str, width: int, column: _Column) -> str:
    gap = " " * (width - _width(value))
    return gap + value if column.right else value + gap
