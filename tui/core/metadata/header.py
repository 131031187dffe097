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
from tui.core.metadata.datelines import read_dateline
from tui.core.metadata.dates import DATE, match_date
from tui.core.text.plain import plain_text, strip_controls

HEAD_CHARS = 6000
"""Characters from the body's start searched for header lines."""
HEAD_LINES = 40
SHORT_LINE = 300
"""Longest line that may be a caption or a footer line: all are short."""
HEADLINE_CHARS = 160
"""Longest line that may be a headline (a byline or a date line is shorter still)."""
_KICKER_CHARS = 30
"""Longest one-word section label over a headline."""
_FIRST_SENTENCE_WINDOW = 1500
"""Characters of the first paragraph kept to find its first sentence; a longer one is cut."""

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
_SENTENCE_ENDS = frozenset(".!?…\"'”’»)")
"""What a line that ends a sentence ends with."""
_WRAP_WIDTH = 50
"""A line at least this long without a final stop may be a hard-wrapped paragraph's."""
_RUN_ON_WORDS = frozenset((
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "but", "as", "than", "that", "into",
))  # fmt: skip
"""Words a wrapped line may stop on, and a headline does not end with."""
_FIRST_HEADLINE_WORDS = 30
"""Most words a first line may have and still be the headline."""
_TWO_SENTENCE_HEADLINE_WORDS = 20
"""Most words of a first line of two sentences that is a headline, not a short paragraph."""
_TWO_SENTENCES = re.compile(r"[a-z]{2}[.!?][\"”’]?\s*[A-Z]")
"""A sentence end inside a line, spaced or glued (``end.AFP``): body text, not a standfirst."""
_GLUED_SENTENCES = re.compile(r"[a-z]{2}[.!?][\"”’]?[A-Z]")
"""Sentences glued without a space (``Moscow.Lukashenko``): scraped body text, never a headline."""
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
    """The start of the first body paragraph after its dateline, where the first sentence is."""
    body_at: int = 0
    """Offset of the first body line in the text (where later datelines are searched)."""


def read_header(text: str, start: int = 0) -> Header:
    """Walk the lines from ``start`` until the body starts, collecting what they state."""
    header = Header()
    end = min(len(text), start + HEAD_CHARS)
    position = start
    kicker = ""
    for _ in range(HEAD_LINES):
        if position >= end:
            break
        line_start = position
        stop = text.find("\n", position, end)
        stop = end if stop < 0 else stop
        raw, position = text[position:stop], stop + 1
        stripped = raw.strip()
        if not stripped or (stripped[0] in "=-*_" and _RULE.fullmatch(raw)):
            continue
        if len(stripped) > HEADLINE_CHARS and stripped[0] != "#" and not _is_caption(stripped):
            # Too long for a headline, byline or date line: the body, perhaps after a
            # date prefix and a dateline. Only its start is needed, for the first sentence.
            start_of_body = strip_controls(stripped[:_FIRST_SENTENCE_WINDOW])
            line = _take_date(start_of_body, header) or start_of_body
            _start_body(header, line, line_start, "")
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
        if header.title is None:
            dateline = read_dateline(line)
            if dateline is not None and dateline.end == len(line):
                header.agency = header.agency or dateline.agency
                continue  # a dateline on a line of its own, before the body
            if dateline is None and _is_kicker(line):
                kicker = kicker or line
                continue  # a section label over the headline: ``Opinion``, ``WORLD``
            following = _next_line(text, position, end)
            if dateline is None and (_is_first_headline(line, following) or _is_rule(following)):
                header.title = line
                continue
        elif line.casefold() == header.title.casefold() or _is_headline(line):
            continue  # the headline repeated, or a standfirst under it
        _start_body(header, line, line_start, _paragraph_rest(line, text, position, end))
        break
    if not header.body and header.title is None:
        header.body = kicker  # nothing but one word: that is the text
    return header


def _start_body(header: Header, line: str, line_start: int, rest: str) -> None:
    """Note where the body starts and its first paragraph, after any dateline (and its agency).

    Args:
        header: Where to note them.
        line: The first body line, as plain text.
        line_start: Its offset in the text.
        rest: The rest of its paragraph when it is wrapped over more lines.
    """
    header.body_at = line_start
    dateline = read_dateline(line)
    if dateline is not None:
        header.agency = header.agency or dateline.agency
        line = line[dateline.end :]
    header.body = f"{line} {rest}" if rest else line


def _next_line(text: str, position: int, end: int) -> str:
    """The raw line that starts at ``position``."""
    stop = text.find("\n", position, end)
    return text[position : end if stop < 0 else stop]


def _paragraph_rest(line: str, text: str, position: int, end: int) -> str:
    """The rest of ``line``'s paragraph when it is wrapped over more lines, on one line.

    Hard-wrapped text (a line break every 70 characters) puts the first sentence over
    several lines: a line without a final stop goes on when it is as long as wrapped
    lines are, or when the next line goes on in lower case. A paragraph ends at a
    blank line.
    """
    following = _next_line(text, position, end)
    if line[-1:] in _SENTENCE_ENDS or not following.strip():
        return ""
    if len(line) < _WRAP_WIDTH and not _goes_on(line, following):
        return ""
    limit = min(end, position + _FIRST_SENTENCE_WINDOW)
    stop = text.find("\n\n", position, limit)
    return plain_text(text[position : limit if stop < 0 else stop])


def _goes_on(line: str, following: str) -> bool:
    """True when ``line`` runs on into ``following`` (the next raw line): a wrapped sentence.

    It does when the next line carries on in lower case, or when ``line`` stops on a
    comma, a hyphen or a word no sentence or headline ends on (``in``, ``the``).
    """
    following = following.lstrip(" \t")
    if not following.strip():
        return False
    if following[:1].islower() or line[-1:] in ",-":
        return True
    return line.rsplit(" ", 1)[-1].lower() in _RUN_ON_WORDS


def _is_rule(line: str) -> bool:
    """True when ``line`` is a setext ``===`` underline (the line above it is a heading)."""
    return line.lstrip().startswith("=") and _RULE.fullmatch(line) is not None


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


def _is_kicker(line: str) -> bool:
    """True for a one-word section label above a headline (``Opinion``, ``WORLD``)."""
    return (
        len(line) <= _KICKER_CHARS and line.isascii() and " " not in line and line[-1:] not in ".!?"
    )


def _is_first_headline(line: str, following: str) -> bool:
    """True when ``line``, the first line of text, is the headline.

    The first short line is the headline whatever its final punctuation: outlets end
    headlines with a stop or write two sentences in them. It is not when it runs on
    into the next line (a wrapped paragraph), holds a list or quote mark, a web
    address, sentences glued without a space (scraped body text) or reads as a short
    paragraph of sentences.
    """
    first = line[:1]
    if len(line) > HEADLINE_CHARS or "://" in line:
        return False
    if not first.isalpha() and not _LETTER.search(line):
        return False
    if (first in _BLOCK_FIRST or first.isdecimal()) and _BLOCK_MARK.match(line):
        return False
    words = len(line.split())
    if words > _FIRST_HEADLINE_WORDS or (words < 2 and line.isascii()):
        return False
    stops = "." in line or "!" in line or "?" in line  # most headlines have none
    if stops and (
        _GLUED_SENTENCES.search(line)
        or (words > _TWO_SENTENCE_HEADLINE_WORDS and _TWO_SENTENCES.search(line))
    ):
        return False
    return line[-1:] in _SENTENCE_ENDS or not _goes_on(line, following)


def _is_headline(line: str) -> bool:
    """True when ``line``, under a headline, is a standfirst rather than body text.

    A standfirst is short, has no final stop and holds one sentence. Captions,
    bylines and dates were taken out before this is asked.
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
