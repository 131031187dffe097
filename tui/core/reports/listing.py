"""The ``storyreader list`` output: a table for people, JSON for scripts.

The table is plain text with columns aligned by terminal cells (CJK counts two,
combining marks none), long values cut with ``…``, and no colour. On a terminal it
fits the terminal's width, the title taking what the other columns leave (they
narrow first, and the URL, byline and hash columns go when even that is not
enough); in a pipe every title is whole. Anything a
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
    limit: int | None
    """Widest the column may get, in terminal cells (``None``: as wide as its values)."""
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
    _Column("TITLE", None),
    _Column("BYLINE", 30),
    _Column("URL", 50),
)
_PATH, _OUTLET, _SHA256, _TITLE, _BYLINE, _URL = 0, 1, 5, 6, 7, 8
_NARROWING = (
    (_URL, 20), (_BYLINE, 14), (_OUTLET, 16), (_PATH, 24), (_TITLE, 60), (_SHA256, 8),
    (_OUTLET, 10), (_PATH, 16), (_TITLE, 40), (_TITLE, 20), (_PATH, 12),
)  # fmt: skip
"""How a table narrows to fit a terminal: each step cuts one column down to a width,
in this order, until the table fits. The title is what a person scans: it keeps 60
cells while the others narrow, and gives up room last."""
_KEEP_TITLE = _NARROWING.index((_TITLE, 40))
"""The narrowing steps that leave the title 60 cells."""
_DROPPED = (_URL, _BYLINE, _SHA256)
"""Columns left out, in this order, while the table could not fit with a 60-cell
title otherwise: the title matters more, and wrapped lines read worse than a table
without them."""
_GAP = 2


def format_listing(
    articles: Sequence[Article], fmt: str, *, width: int | None = None, indent: int | None = None
) -> str:
    """The metadata of ``articles`` as a table or as JSON.

    Args:
        articles: What to list, in order.
        fmt: ``"table"`` or ``"json"``.
        width: Table only: the terminal's width, which the table fits (the title
            takes what the other columns leave). ``None`` (not a terminal): every
            title in full, the other columns cut at their usual widths.
        indent: JSON only: pretty-print with this indent (default: compact).

    Returns:
        The text to print (no trailing newline).

    Raises:
        ValueError: ``fmt`` is not one of `FORMATS`.
    """
    if fmt == "json":
        return dumps([article_record(article) for article in articles], indent=indent)
    if fmt == "table":
        return _table(articles, width)
    raise ValueError(f"unknown listing format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _table(articles: Sequence[Article], width: int | None) -> str:
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
    values = [[one_line(value) for value in row] for row in rows]
    natural = [max(_width(row[i]) for row in values) for i in range(len(_COLUMNS))]
    shown, widths = _fit_columns(natural, width)
    lines = (
        (_pad(_fit(row[i], widths[i], _COLUMNS[i]), widths[i], _COLUMNS[i]) for i in shown)
        for row in values
    )
    return "\n".join((" " * _GAP).join(line).rstrip() for line in lines)


def _fit_columns(natural: list[int], width: int | None) -> tuple[list[int], list[int]]:
    """Which columns to show and how wide each is, for a terminal ``width`` cells wide."""
    widths = [
        value if column.limit is None else min(value, column.limit)
        for value, column in zip(natural, _COLUMNS, strict=True)
    ]
    shown = list(range(len(_COLUMNS)))
    if width is None:
        return shown, widths
    for dropped in _DROPPED:
        if _total(shown, _narrowed(shown, widths, width, _NARROWING[:_KEEP_TITLE])) <= width:
            break
        shown.remove(dropped)
    return shown, _narrowed(shown, widths, width, _NARROWING)


def _narrowed(
    shown: list[int], widths: list[int], width: int, steps: Sequence[tuple[int, int]]
) -> list[int]:
    """``widths`` narrowed by ``steps``, in order, until the ``shown`` columns fit."""
    widths = widths.copy()
    for index, floor in steps:
        excess = _total(shown, widths) - width
        if excess <= 0:
            break
        if index in shown and widths[index] > floor:
            widths[index] -= min(excess, widths[index] - floor)
    return widths


def _total(shown: list[int], widths: list[int]) -> int:
    """Cells a table of the ``shown`` columns takes with these ``widths``."""
    return sum(widths[index] for index in shown) + _GAP * (len(shown) - 1)


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _width(value: str) -> int:
    return sum(_char_width(char) for char in value)


def _fit(value: str, limit: int, column: _Column) -> str:
    """``value`` cut to ``limit`` cells, with ``…`` where it was cut."""
    if _width(value) <= limit:
        return value
    kept, used = [], 0
    for char in reversed(value) if column.cut_left else value:
        width = _char_width(char)
        if used + width > limit - 1:
            break
        kept.append(char)
        used += width
    if column.cut_left:
        return "…" + "".join(reversed(kept))
    return "".join(kept) + "…"


def _pad(value: str, width: int, column: _Column) -> str:
    gap = " " * (width - _width(value))
    return gap + value if column.right else value + gap
