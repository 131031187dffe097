"""The lines after an article's body: the source URL, a footer date, an agency sign-off.

Only the last `TAIL_LINES` non-blank lines within `TAIL_CHARS` of the end are read.
"""

from __future__ import annotations

import functools
import re

from tui.core.metadata.agencies import WIRE_AGENCIES, is_agency
from tui.core.metadata.dates import parse_date
from tui.core.metadata.header import SHORT_LINE, split_date
from tui.core.text.plain import plain_text

TAIL_CHARS = 1000
"""Characters from the end searched for a source URL, a date line and a sign-off."""
TAIL_LINES = 8
_DATE_LINE_CHARS = 80
"""Longest footer line read as a date line (``Published: Monday, 14 September 2020 10:45``)."""
_DIGIT = re.compile(r"\d")
_SIGNOFF_MARKS = " \t()[]/-–—*_"
"""Marks around a sign-off: ``(AFP)``, ``— AP``, ``/Reuters/``, ``**AFP**``."""
_SENTENCE_STOPS = '.!?"”’'
_NAME = r"[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}"
"""A name of up to four capitalised words: who a credit names."""
_CREDIT_SOURCE = (
    rf"(?i:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*)?(?i:the\s+)?(?P<owner>{_NAME})"
    r"|(?i:with\s+files\s+from|sources?|with|via|(?:additional\s+)?reporting\s+by"
    r"|(?:this\s+(?:story|article)\s+was\s+)?(?:provided|supplied|distributed)\s+by)\s*:?\s*"
    rf"(?i:the\s+)?(?P<source>{_NAME})"
    rf"|(?i:the\s+)?(?P<contributor>{_NAME})\s+(?i:contributed)\b"
)
_CREDIT_CHARS = 200
"""Longest footer line read as a wire credit (``Copyright 2020 The Associated Press.``)."""
_URL = re.compile(r"https?://[^\s<>\"'\])\x00-\x1f\x7f-\x9f]+")
_URL_LABEL = re.compile(
    r"\W*(?:original(?:ly published)?(?:\s+(?:url|link|article|source|at|on))?"
    r"|source(?:\s+(?:url|link))?|url|link|permalink)\b\W*",
    re.IGNORECASE,
)
_LABEL_LETTERS = frozenset("OoSsUuLlPp")
_BARE_URL = re.compile(r"<?(https?://\S+?)>?|\[[^\]]*\]\((https?://[^)\s]+)\)")
_HOST = re.compile(r"https?://(?:[^/?#@]*@)?([^/?#:@\[\]]+)", re.IGNORECASE)
"""The host of a web address, without credentials or port."""
_HOST_PREFIX = re.compile(r"^(?:www\d*|m|mobile|amp)\.")


def last_lines(text: str) -> list[str]:
    """The last non-blank lines of ``text``, stripped, in order."""
    lines = text[-TAIL_CHARS:].split("\n")[-TAIL_LINES * 4 :]
    return [stripped for line in lines if (stripped := line.strip())][-TAIL_LINES:]


def source_url(lines: list[str]) -> str | None:
    """The URL a footer gives as the original (``Original url: <https://...>``).

    A URL counts when its line or the line before carries a label (``Original url``,
    ``Source``, ``Link``), or when it stands alone as the very last line.
    """
    found = None
    labelled = False
    for index, line in enumerate(lines):
        if len(line) > SHORT_LINE:
            labelled = False
            continue
        # A label starts with a mark or one of these letters: no regex for other lines.
        labelled_start = not line[0].isalnum() or line[0] in _LABEL_LETTERS
        label = _URL_LABEL.match(line) if labelled_start else None
        url = _URL.search(line) if "://" in line else None
        alone = url and index == len(lines) - 1 and _BARE_URL.fullmatch(line)
        if url and (labelled or label or alone):
            found = url.group().rstrip(".,;:")
        labelled = label is not None and url is None and label.end() == len(line)
    return found


def host(url: str | None) -> str | None:
    """``themoscowtimes.com`` from ``https://www.themoscowtimes.com/...``."""
    match = _HOST.match(url) if url else None
    return _HOST_PREFIX.sub("", match[1].lower()) if match else None


def date_in_url(url: str | None) -> str | None:
    """The date a URL's path spells (``/2020/09/14/``), as ISO, or ``None``."""
    match = _url_date().search(url) if url else None
    return parse_date("-".join(match.groups())) if match else None


@functools.cache
def _url_date() -> re.Pattern[str]:
    """``/2020/09/14/``, compiled on first use: only articles with no other date need it."""
    return re.compile(r"/((?:19|20)\d\d)[/-](\d\d?)[/-](\d\d?)(?:/|$|[-_])")


def date_line(lines: list[str]) -> str | None:
    """A date that fills one of the footer lines (``Published September 14, 2020``)."""
    for line in lines:
        if len(line) <= _DATE_LINE_CHARS and _DIGIT.search(line, 0, 60):
            date, _ = split_date(plain_text(line))
            if date:
                return date
    return None


@functools.cache
def _credit() -> re.Pattern[str]:
    """Credit lines, compiled on first use: only articles with no other agency need them."""
    return re.compile(_CREDIT_SOURCE)


def credit(lines: list[str]) -> str | None:
    """A known wire agency credited in the footer, as written (``The Associated Press``).

    ``Copyright 2020 The Associated Press``, ``© AFP 2020``, ``Source: Reuters``,
    ``With files from The Canadian Press``, ``Reuters contributed to this report``.
    Only known wire services count: a credit may name any outlet or photographer.
    """
    for line in reversed(lines):
        if len(line) > _CREDIT_CHARS:
            continue
        for match in _credit().finditer(plain_text(line)):
            named = match["owner"] or match["source"] or match["contributor"]
            for words in range(len(named.split()), 0, -1):  # ``Reuters Jane Doe``: ``Reuters``
                candidate = " ".join(named.split()[:words]).rstrip(".,;:")
                if candidate.casefold() in WIRE_AGENCIES:
                    return candidate
    return None


def signoff(lines: list[str]) -> str | None:
    """An agency signing off the text: a last line ``AFP``, or ``...weeks.AFP`` glued on."""
    if not lines:
        return None
    last = lines[-1][-80:]
    # What follows the last sentence stop, or the whole line when it has none.
    stop = max(map(last.rfind, _SENTENCE_STOPS))
    candidate = last[stop + 1 :].strip(_SIGNOFF_MARKS)
    if stop < 0 and len(last) < len(lines[-1]):
        return None  # a long last line without a stop in its end: no sign-off
    return candidate if candidate and is_agency(candidate) else None
