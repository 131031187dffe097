"""Publication dates as articles write them, turned into ISO ``YYYY-MM-DD``.

Only unambiguous forms are read: ISO (``2020-09-14``, ``2020/09/14``) and dates with
an English month name (``September 14, 2020``, ``14 Sept. 2020``). Numeric day/month
orders such as ``09/10/2020`` mean different days in different countries, so they
are left alone rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
"""Regex source for an English month name, full or abbreviated (``Sept.``)."""
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"

DATE = (
    rf"(?:{_WEEKDAY}(?:"
    # ISO, where a time may follow straight on: 2020-09-14T10:00
    r"(?P<iy>(?:19|20)\d\d)[-/.](?P<im>\d\d?)[-/.](?P<id>\d\d?)(?:(?=T\d)|(?!\w))"
    rf"|(?P<md>\d\d?)(?:st|nd|rd|th)?\.?\s+(?P<mm>{MONTH})\s*,?\s+(?P<my>(?:19|20)\d\d)(?!\w)"
    rf"|(?P<nm>{MONTH})\s+(?P<nd>\d\d?)(?:st|nd|rd|th)?\s*,?\s+(?P<ny>(?:19|20)\d\d)(?!\w)"
    r"))"
)
"""Regex source for one date; ``match_date`` turns a match of it into ISO."""
_GROUPS = ("iy", "im", "id", "md", "mm", "my", "nm", "nd", "ny")


@functools.cache
def _date() -> re.Pattern[str]:
    """`DATE` compiled on first use: about a millisecond, and only stated dates need it."""
    return re.compile(DATE, re.IGNORECASE)


def match_date(match: re.Match[str]) -> str | None:
    """The ISO date a match of `DATE` spells, or ``None`` when no such day exists."""
    iy, im, id_, md, mm, my, nm, nd, ny = match.group(*_GROUPS)  # one call, not nine
    if iy:
        year, month, day = int(iy), int(im), int(id_)
    elif my:
        year, month, day = int(my), _MONTHS[mm[:3].lower()], int(md)
    else:
        year, month, day = int(ny), _MONTHS[nm[:3].lower()], int(nd)
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(value: str) -> str | None:
    """The first date written in ``value``, as ISO ``YYYY-MM-DD``, or ``None``.

    Meant for values that are dates (front matter, JSON fields, HTML metadata), where
    a time or zone after the date (``2020-09-14T10:00:00Z``) is ignored.
    """
    match = _date().search(value)
    return match_date(match) if match else None
