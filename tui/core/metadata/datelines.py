"""Datelines: the place (and often the agency) that opens a news paragraph.

``WASHINGTON —``, ``WEST PALM BEACH, Fla. —``, ``SEOUL, South Korea —``,
``MOSCOW, Sept. 14 (Reuters) -``, ``Washington (CNN) —``. A dateline says where the
copy was filed; it is never a headline, and a first sentence read for a title starts
after it. The name in brackets is the agency that wrote the copy (`agency`, not the
outlet that published it). Wire copy puts its dateline on the first paragraph, but a
page that adds its own standfirst or caption pushes it down a few paragraphs, so
`agency_in_paragraphs` looks there too.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from tui.core.metadata.agencies import is_agency
from tui.core.metadata.dates import MONTH

_CAPS = r"[A-Z][A-Z.'’&-]*[A-Z.]"
"""A word of a place in capitals: ``WASHINGTON``, ``ST.``, ``D.C.``, ``O'HARE``."""
_CAPITALISED = r"[A-Z][A-Za-z.'’-]+"
"""A word of a region or place in ordinary case: ``Fla.``, ``Korea``, ``Washington``."""
_DAY = rf"(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})(?:,?\s+(?:19|20)\d\d)?"
_SOURCE = (
    rf"(?:(?P<caps>{_CAPS}(?:[ ]{_CAPS}){{0,4}})|(?P<place>{_CAPITALISED}(?:[ ]{_CAPITALISED}){{0,2}}))"
    rf"(?P<region>,[ ]?(?!{_DAY})(?:{_CAPS}|{_CAPITALISED})(?:[ ](?:{_CAPS}|{_CAPITALISED})){{0,2}})?"
    rf"(?P<day>,?[ ]{_DAY})?"
    r"(?:[ ]?\((?P<agency>[^()\n]{2,40})\))?"
    r"[ ]*(?P<mark>--?|[–—―]|:)?[ ]*"
)
_DASHES = frozenset(("-", "--", "–", "—", "―"))
_GATE_CHARS = 120
"""A dateline fits in this many characters; a longer line is only tested when its start
has a capital, and a bracket or a dash within them."""
_ALONE_CHARS = 60
"""Longest dateline on a line of its own, which needs no dash (``WEST PALM BEACH, Fla.``)."""
PARAGRAPHS = 8
"""Paragraphs of the body searched for a dateline naming an agency."""
PARAGRAPH_CHARS = 4000
"""Characters of the body searched for them."""


class Dateline(NamedTuple):
    """A dateline that opens a line: where the rest of the line starts, and the agency."""

    end: int
    """Offset in the line where the text after the dateline starts."""
    agency: str | None
    """The wire agency in brackets (``Reuters``), when it names one."""


@functools.cache
def _pattern() -> re.Pattern[str]:
    """The dateline pattern, compiled on first use (about a millisecond)."""
    return re.compile(_SOURCE)


def read_dateline(line: str) -> Dateline | None:
    """The dateline opening ``line`` (stripped text), or ``None`` when it has none.

    A place in capitals counts when a dash follows it, or an agency in brackets, or
    when it fills the line with a region, a day or a dash (a dateline on a line of its
    own). A place in ordinary case counts only with a known agency in brackets
    (``Washington (CNN)``), since any sentence may start with capitalised words.
    """
    head = line[:_GATE_CHARS]
    # Capitals for a place in capitals, a bracket for an agency: most lines have neither.
    if not head[:1].isupper() or not (head[1:2].isupper() or "(" in head):
        return None
    if len(line) > _ALONE_CHARS and not any(mark in head for mark in "(-–—―"):
        return None
    match = _pattern().match(line)
    if match is None:
        return None
    agency = match["agency"]
    named = agency.strip() if agency and is_agency(agency.strip()) else None
    mark = match["mark"]
    rest = line[match.end() :]
    if match["caps"] is not None:
        if agency and not named:
            return None  # capitals before a bracketed phrase: ``NATO (the alliance)``
        if mark == ":" and not named:
            return None  # ``WATCH: ...``: a label, not a place
        if not rest:
            return (
                Dateline(len(line), named)
                if mark or named or match["region"] or match["day"]
                else None
            )
        starts_sentence = rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘"
        if (mark in _DASHES or named) and starts_sentence:
            return Dateline(match.end(), named)
        return None
    if named and (not rest or rest[0].isupper() or rest[0] in "\"'“‘"):
        return Dateline(match.end(), named)
    return None


def agency_in_paragraphs(text: str, start: int) -> str | None:
    """The agency of the first dateline naming one among the paragraphs from ``start``.

    Reads `PARAGRAPHS` paragraphs within `PARAGRAPH_CHARS`; each is tested only when
    its start could hold a dateline with an agency (a bracket).
    """
    end = min(len(text), start + PARAGRAPH_CHARS)
    position, seen = start, 0
    while position < end and seen < PARAGRAPHS:
        stop = text.find("\n", position, end)
        stop = end if stop < 0 else stop
        line = text[position:stop].strip()
        position = stop + 1
        if not line:
            continue
        seen += 1
        if "(" in line[:_GATE_CHARS]:
            dateline = read_dateline(line)
            if dateline is not None and dateline.agency:
                return dateline.agency
    return None
