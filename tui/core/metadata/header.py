"""The lines before an article's body: headline, byline, date line, wire dateline.

`read_header` walks the first lines of the text, one at a time, until one reads as
body text, noting what each earlier line states. Each test is gated by a cheap
check (a digit, a first letter, a length) before its regular expression runs, since
this runs for every article loaded.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tui.core.language.captions import is_caption
from tui.core.metadata.agencies import is_agency
from tui.core.metadata.dates import DATE, match_date
from tui.core.text.plain import plain_text, strip_controls

HEAD_CHARS = 6000
"""Characters from the body's start searched for header lines."""
HEAD_LINES = 40
SHORT_LINE = 300
"""Longest line that may be a caption or a footer line: all are short."""
HEADLINE_CHARS = 160
"""Longest line that may be a headline (a byline or a date line is shorter still)."""
_FIRST_SENTENCE_WINDOW = 600
"""Characters of a long first line kept to find its first sentence; a longer one is cut."""

_HEADING = re.compile(r"\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*")
_RULE = re.compile(r"\s{0,3}(?:=+|-+|(?:[-*_]\s*){3,})\s*")
"""A setext underline or a thematic break: markup, never a title or the body."""
_BYLINE_CHARS = 120
_BYLINE = re.compile(r"(?i:by|written by|words by|author:)\s+(?P<who>[^\W\d_].{0,99})")
_BYLINE_PARTS = re.compile(r"\s+[|•·]\s+")
_BYLINE_AGENCY = re.compile(
    r"(?:\b(?:for|from|via)\s+(?:the\s+)?|[,/(]\s*)(?P<agency>[\w.&'-]+(?:\s[\w.&'-]+){0,2})\)?$"
)
_DATE_LINE = re.compile(
    r"(?:(?P<label>date|dated|published|posted|updated|last updated|first published)"
    rf"(?:\s+on)?\s*:?\s*)?{DATE}(?P<rest>.*)",
    re.IGNORECASE,
)
_TIME_ONLY = re.compile(
    r"[\s,|–—-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:[A-Z]{2,5}|(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?[\s|]*",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_DATE_START = re.compile(
    r"\d|(?i:date|dated|published|posted|updated|last|first"
    r"|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)
"""How a date line can begin: a cheap test before the full date pattern."""
_DATE_PREFIXES = frozenset((
    "dat", "pub", "pos", "upd", "las", "fir", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
))  # fmt: skip
"""The first three letters of every word `_DATE_START` accepts, lower-cased."""
_SEPARATOR = re.compile(r"\s*[|–—:-]\s*")
_LETTER = re.compile(r"[^\W\d_]")
_TWO_SENTENCES = re.compile(r"[a-z]{2}[.!?][\"”’]?\s*[A-Z]")
"""A sentence end inside a line, spaced or glued (``end.AFP``): body text, not a headline."""
_BLOCK_MARK = re.compile(r"(?:[-*+>|]\s|\d+[.)]\s|```|!\[)")
_BLOCK_FIRST = frozenset("-*+>|`!")
"""How a `_BLOCK_MARK` can begin, besides a digit."""


@dataclass(slots=True)
class Header:
    """What the lines before the body say."""

    title: str | None = None
    """The first heading or headline-like line, as plain text."""
    byline: str | None = None
    """The author line without its ``By`` and without Markdown."""
    date: str | None = None
    """ISO date of the first date line (or ``date`` prefix) met."""
    agency: str | None = None
    """Agency of a wire dateline opening the body (``MOSCOW (Reuters) -``)."""
    body: str = ""
    """The start of the first body line, where the first sentence is."""


def read_header(text: str, start: int = 0) -> Header:
    """Walk the lines from ``start`` until the body starts, collecting what they state."""
    header = Header()
    end = min(len(text), start + HEAD_CHARS)
    position = start
    for _ in range(HEAD_LINES):
        if position >= end:
            break
        stop = text.find("\n", position, end)
        stop = end if stop < 0 else stop
        raw, position = text[position:stop], stop + 1
        stripped = raw.strip()
        if not stripped or (stripped[0] in "=-*_" and _RULE.fullmatch(raw)):
            continue
        if len(stripped) > HEADLINE_CHARS and stripped[0] != "#" and not _is_caption(stripped):
            # Too long for a headline, byline or date line: the body, perhaps after a
            # date prefix. Only its start is needed, for the first sentence.
            start_of_body = strip_controls(stripped[:_FIRST_SENTENCE_WINDOW])
            line = _take_date(start_of_body, header) or start_of_body
            _take_dateline(line, header)
            header.body = line
            break
        date, line = split_date(plain_text(stripped))
        if header.date is None:
            header.date = date
        if not line:
            continue
        if header.byline is None and line[0] in "BbWwAa" and _take_byline(line, header):
            continue
        heading = _HEADING.fullmatch(stripped) if stripped[0] == "#" else None
        if heading:
            if header.title is None:
                header.title = plain_text(heading[1]) or None
            continue
        if _is_caption(line):
            continue
        if header.title is None and (_is_headline(line) or _underlined(text, position, end)):
            header.title = line
            continue
        if header.title is not None and (
            line.casefold() == header.title.casefold() or _is_headline(line)
        ):
            continue  # the headline repeated, or a standfirst under it
        _take_dateline(line, header)
        header.body = line
        break
    return header


def _take_dateline(line: str, header: Header) -> None:
    """Note the agency of a wire dateline opening the body (``MOSCOW (Reuters) -``)."""
    dateline = _dateline().match(line) if "(" in line[:80] else None
    if dateline and is_agency(dateline["agency"].strip()):
        header.agency = dateline["agency"].strip()


@functools.cache
def _dateline() -> re.Pattern[str]:
    """``MOSCOW (Reuters) -``, compiled on first use: few texts open with one."""
    return re.compile(r"[^\W\d_][\w .,'’-]{0,60}?\((?P<agency>[^()]{2,40})\)\s*[-–—:]")


def _underlined(text: str, position: int, end: int) -> bool:
    """True when the line at ``position`` is a setext ``===`` underline."""
    stop = text.find("\n", position, end)
    following = text[position : end if stop < 0 else stop]
    return following.lstrip().startswith("=") and _RULE.fullmatch(following) is not None


def split_date(line: str) -> tuple[str | None, str]:
    """The ISO date a line opens with, and the rest of the line (empty if it was all date).

    A date counts when it fills the line (a time may follow), carries a label
    (``date 2020-09-14 ...``, ``Published: ...``) or is set off by a dash or bar; a
    sentence that merely starts with a date is left alone: ``(None, line)``.
    """
    head = line[:3]
    # Most lines are told apart from a date by their first letters, without the regex.
    # Beyond ASCII, case-insensitive matching has surprises (U+017F is an "s"): it decides.
    if head.lower() not in _DATE_PREFIXES and head.isascii() and not "0" <= head < ":":
        return None, line
    if _DATE_START.match(line) is None or _DIGIT.search(line, 0, 60) is None:
        return None, line
    return _split_date(line)


@functools.lru_cache(maxsize=1024)
def _split_date(line: str) -> tuple[str | None, str]:
    """`split_date` past its cheap tests.

    Cached: a folder of one story, or of one outlet, repeats the same few date lines,
    and parsing one costs a few microseconds.
    """
    match = _DATE_LINE.match(line)
    if match is None:
        return None, line
    rest = match["rest"]
    # An empty rest (the common case) is all date: no need to ask the patterns.
    whole = not rest or _TIME_ONLY.fullmatch(rest) is not None
    separator = _SEPARATOR.match(rest) if rest else None
    if not (whole or match["label"] or separator):
        return None, line
    date = match_date(match)
    if date is None:
        return None, line
    if whole:
        return date, ""
    return date, rest[separator.end() if separator else 0 :].strip()


def _take_date(line: str, header: Header) -> str:
    """`split_date`, keeping the first date found in ``header``."""
    date, rest = split_date(line)
    header.date = header.date or date
    return rest


def _take_byline(line: str, header: Header) -> bool:
    """Note ``line`` as the byline (and a date beside it) if it is one."""
    if len(line) > _BYLINE_CHARS or line[:1] not in "BbWwAa":
        return False
    match = _BYLINE.fullmatch(line)
    if match is None:
        return False
    named = match["who"]
    # Most bylines have no "|" part: no split needed.
    parts = _BYLINE_PARTS.split(named) if "|" in named or "•" in named or "·" in named else [named]
    who = parts[0].strip(" ,;|-–—")
    words = who.split()
    # "By Monday, the protests had grown." opens a sentence, not a byline.
    if not who[:1].isupper() or len(words) > 12 or (who[-1] in ".!?" and len(words) > 4):
        return False
    header.byline = who
    for part in parts[1:]:
        _take_date(part, header)
    return True


def byline_agency(byline: str) -> str | None:
    """``AFP`` from ``Anna Malpas for AFP`` / ``Anna Malpas, AFP`` / ``Anna Malpas (AFP)``."""
    match = _BYLINE_AGENCY.search(byline)
    if match and is_agency(match["agency"]):
        return match["agency"]
    return None


def _is_caption(line: str) -> bool:
    """True for a photo caption or credit (``... Photo: VCG``), which is never the headline."""
    return len(line) <= SHORT_LINE and is_caption(line)


def _is_headline(line: str) -> bool:
    """True when ``line`` reads as a headline rather than body text.

    A headline is short, has no final stop and holds one sentence. Captions, bylines
    and dates were taken out before this is asked.
    """
    if len(line) > HEADLINE_CHARS or "://" in line:
        return False
    first = line[:1]
    if (first in _BLOCK_FIRST or first.isdecimal()) and _BLOCK_MARK.match(line):
        return False
    words = line.split()
    if len(words) > 30 or (len(words) < 2 and line.isascii()):
        return False
    if line.rstrip("\"'”’)]")[-1:] in ".,;:":
        return False
    if ("." in line or "!" in line or "?" in line) and _TWO_SENTENCES.search(line):
        return False
    return first.isalpha() or _LETTER.search(line) is not None
