"""Metadata from real, messy article text: title, outlet, agency, date, byline, url.

Each value is looked for where articles put it: front matter, then the header (the
lines before the body starts), then the footer. Only a bounded window at each end
of the text is read, so a 5 MB one-line file costs no more than a short one.

Precedence, most trusted first:

- title: stated (front matter or container) > first heading > first headline-like
  line (a headline repeated on the next line counts once) > first sentence of the
  body, trimmed > the file name.
- outlet (who *published*): stated > the URL's host > the agency > the file name.
  The host wins over a byline agency because ``Anna Malpas for AFP`` on
  ``themoscowtimes.com`` was published by the site; the agency is kept apart in
  `Metadata.agency` for grouping wire copy.
- agency (who *wrote* the copy): stated > byline (``for AFP``) > wire dateline
  (``MOSCOW (Reuters) -``) > sign-off (a last ``AFP``).
- date: stated > a date line or ``date`` prefix in the header > a date line in the
  footer > a date in the URL's path.

A fallback to the first sentence or the file name adds a note saying so, and
nothing is guessed where no pattern applies.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from tui.core.agencies import is_agency
from tui.core.dates import DATE, match_date, parse_date
from tui.core.plain import plain_text, strip_controls

HEAD_CHARS = 6000
"""Characters from the start searched for front matter and header lines."""
HEAD_LINES = 40
TAIL_CHARS = 2000
"""Characters from the end searched for a source URL, a date line and a sign-off."""
TAIL_LINES = 8
TITLE_CHARS = 100
"""A first sentence used as the title is cut to about this many characters."""

STATED_KEYS = ("title", "outlet", "agency", "date", "byline", "url")
"""Keys a caller (or front matter) may state to override the guesses."""
_ALIASES = {
    "headline": "title", "source": "outlet", "publisher": "outlet", "site": "outlet",
    "sitename": "outlet", "site_name": "outlet", "author": "byline", "authors": "byline",
    "published": "date", "link": "url",
}  # fmt: skip

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n((?:.*\n){0,60}?)---[ \t]*(?:\r?\n|\Z)")
_FRONT_LINE = re.compile(r"\s*(?:#.*|-\s.*|(?P<key>[A-Za-z][\w-]*)\s*:\s*(?P<value>.*?))\s*")

_HEADING = re.compile(r"\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*")
_RULE = re.compile(r"\s{0,3}(?:=+|-+|(?:[-*_]\s*){3,})\s*")
"""A setext underline or a thematic break: markup, never a title or the body."""
_BYLINE = re.compile(r"(?i:by|written by|words by|author:)\s+(?P<who>[^\W\d_].{0,99})")
_BYLINE_PARTS = re.compile(r"\s+[|•·]\s+")
_BYLINE_AGENCY = re.compile(
    r"(?:\b(?:for|from|via)\s+(?:the\s+)?|[,/(]\s*)(?P<agency>[\w.&'-]+(?:\s[\w.&'-]+){0,2})\)?$"
)
_CAPTION = re.compile(
    r"\b(?:photo|photograph|picture|image|video|illustration|graphic|credit|foto)s?"
    r"\s*(?:by\b|courtesy\b|:)|©",
    re.IGNORECASE,
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
_SEPARATOR = re.compile(r"\s*[|–—:-]\s*")
_DATELINE = re.compile(r"[^\W\d_][\w .,'’-]{0,60}?\((?P<agency>[^()]{2,40})\)\s*[-–—:]")
_SIGNOFF = re.compile(
    r"(?<=[.!?\"”’)\]*_])\s*[-–—/]*\s*\(?(?P<agency>[^\W\d_][\w.&-]*(?: [\w.&-]+){0,2})\)?\s*$"
)
_SIGNOFF_MARKS = " \t()[]/-–—*_"
_URL = re.compile(r"https?://[^\s<>\"'\])\x00-\x1f\x7f-\x9f]+")
_URL_LABEL = re.compile(
    r"\W*(?:original(?:ly published)?(?:\s+(?:url|link|article|source|at|on))?"
    r"|source(?:\s+(?:url|link))?|url|link|permalink)\b\W*",
    re.IGNORECASE,
)
_BARE_URL = re.compile(r"<?(https?://\S+?)>?|\[[^\]]*\]\((https?://[^)\s]+)\)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d?)[/-](\d\d?)(?:/|$|[-_])")
_HOST_PREFIX = re.compile(r"^(?:www\d*|m|mobile|amp)\.")

_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s|$)|(?<=[a-z]{2}[.!?])(?=[\"“‘]?[A-Z])")
_ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep", "col",
    "lt", "sgt", "capt", "rev", "hon", "inc", "ltd", "co", "corp", "vs", "etc", "no",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
))  # fmt: skip
"""Words whose stop does not end a sentence even before a capital (``Mr. Putin``)."""
_LAST_WORD = re.compile(r"(\w+)\W*$")
_TWO_SENTENCES = re.compile(r"[a-z]{2}[.!?][\"”’]?\s*[A-Z]")
"""A sentence end inside a line, spaced or glued (``end.AFP``): body text, not a headline."""
_BLOCK_MARK = re.compile(r"(?:[-*+>|]\s|\d+[.)]\s|```|!\[)")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the library shows about one article, and how sure it is."""

    title: str
    """Headline, else the first sentence (trimmed), else the fallback name."""
    outlet: str
    """Who published it, else the agency, else the fallback name."""
    agency: str | None = None
    """Wire agency that wrote the copy, when named."""
    date: str | None = None
    """ISO ``YYYY-MM-DD`` publication date, when stated."""
    byline: str | None = None
    """Author line without its ``By`` and without Markdown."""
    url: str | None = None
    """Where the article was originally published."""
    notes: tuple[str, ...] = ()
    """Which values are fallbacks rather than found in the text."""


@dataclass(slots=True)
class _Header:
    """What the lines before the body say."""

    title: str | None = None
    byline: str | None = None
    date: str | None = None
    agency: str | None = None
    body: str = ""
    """The first body line (where the first sentence is)."""


def extract_metadata(
    text: str, name: str, stated: Mapping[str, str | None] | None = None
) -> Metadata:
    """Title, outlet, agency, date, byline and url of an article, with the rules above.

    Args:
        text: The article text as decoded.
        name: What to call it when nothing in the text does (the file name's stem).
        stated: Values given outside the text (JSON Lines fields, HTML metadata), keyed
            by `STATED_KEYS`; they override front matter and guesses.

    Returns:
        The metadata, with a note for each value that is a fallback.
    """
    front, body_start = front_matter(text)
    given = {**front, **{key: strip_controls(v) for key, v in (stated or {}).items() if v}}
    given = {key: value for key, value in given.items() if value}
    header = _read_header(text, body_start)
    tail_lines = _last_lines(text[-TAIL_CHARS:])

    url = given.get("url") or _source_url(tail_lines)
    byline = given.get("byline") or header.byline
    agency = (
        given.get("agency")
        or (_byline_agency(byline) if byline else None)
        or header.agency
        or _signoff(tail_lines)
    )
    date = (
        (parse_date(given["date"]) if "date" in given else None)
        or header.date
        or _date_in_lines(tail_lines)
        or _date_in_url(url)
    )
    notes: list[str] = []
    outlet = given.get("outlet") or _host(url) or agency
    if not outlet:
        outlet = name
        notes.append("no outlet found: showing the file name")
    title = given.get("title") or header.title
    if not title:
        title = _first_sentence(header.body)
        if any(c.isalnum() for c in title):
            notes.append("no headline found: showing the first sentence")
        else:
            title = name
            notes.append("no headline found: showing the file name")
    return Metadata(title, outlet, agency, date, byline, url, tuple(notes))


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """Fields of a YAML-style front-matter block at the very start, and where the body starts.

    Only flat ``key: value`` lines are read (quotes around a value are removed); keys
    are mapped onto `STATED_KEYS` (``author`` is a byline, ``source`` an outlet).
    A block holding anything else is not front matter, but a horizontal rule.

    Returns:
        The fields found (empty when there is no block) and the offset after the block.
    """
    match = _FRONT_MATTER.match(text[:HEAD_CHARS])
    if match is None:
        return {}, 0
    fields: dict[str, str] = {}
    for line in match[1].splitlines():
        if not line.strip():
            continue
        entry = _FRONT_LINE.fullmatch(line)
        if entry is None:
            return {}, 0
        if entry["key"]:
            key = entry["key"].lower()
            key = _ALIASES.get(key, key)
            value = strip_controls(_unquote(entry["value"]))
            if key in STATED_KEYS and value and key not in fields:
                fields[key] = value
    return (fields, match.end()) if fields else ({}, 0)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _read_header(text: str, start: int) -> _Header:
    """Walk the first lines until the body starts, collecting what they state."""
    header = _Header()
    lines = text[start : start + HEAD_CHARS].split("\n", HEAD_LINES)[:HEAD_LINES]
    for index, raw in enumerate(lines):
        if not raw.strip() or _RULE.fullmatch(raw):
            continue
        line = _take_date(plain_text(raw), header)
        if not line:
            continue
        if header.byline is None and _take_byline(line, header):
            continue
        heading = _HEADING.fullmatch(raw)
        if heading:
            if header.title is None:
                header.title = plain_text(heading[1]) or None
            continue
        if _CAPTION.search(line):
            continue
        if header.title is None and _is_headline(line, lines[index + 1 : index + 2]):
            header.title = line
            continue
        if header.title is not None and (
            line.casefold() == header.title.casefold() or _is_headline(line, [])
        ):
            continue  # the headline repeated, or a standfirst under it
        dateline = _DATELINE.match(line)
        if dateline and is_agency(dateline["agency"].strip()):
            header.agency = dateline["agency"].strip()
        header.body = line
        break
    return header


def _take_date(line: str, header: _Header) -> str:
    """``line`` without a leading date, noting the date; empty when it was only a date.

    A date counts when it fills the line (a time may follow), carries a label
    (``date 2020-09-14 ...``, ``Published: ...``) or is set off by a dash or bar; a
    sentence that merely starts with a date is left alone.
    """
    if not any(c.isdigit() for c in line[:60]):
        return line
    match = _DATE_LINE.match(line)
    if match is None:
        return line
    rest = match["rest"]
    whole = _TIME_ONLY.fullmatch(rest) is not None
    if not (whole or match["label"] or _SEPARATOR.match(rest)):
        return line
    date = match_date(match)
    if date is None:
        return line
    header.date = header.date or date
    if whole:
        return ""
    separator = _SEPARATOR.match(rest)
    return rest[separator.end() if separator else 0 :].strip()


def _take_byline(line: str, header: _Header) -> bool:
    """Note ``line`` as the byline (and a date beside it) if it is one."""
    match = _BYLINE.fullmatch(line)
    if match is None:
        return False
    parts = _BYLINE_PARTS.split(match["who"])
    who = parts[0].strip(" ,;|-–—")
    words = who.split()
    # "By Monday, the protests had grown." opens a sentence, not a byline.
    if not who[:1].isupper() or len(words) > 12 or (who[-1] in ".!?" and len(words) > 4):
        return False
    header.byline = who
    for part in parts[1:]:
        _take_date(part, header)
    return True


def _byline_agency(byline: str) -> str | None:
    """``AFP`` from ``Anna Malpas for AFP`` / ``Anna Malpas, AFP`` / ``Anna Malpas (AFP)``."""
    match = _BYLINE_AGENCY.search(byline)
    if match and is_agency(match["agency"]):
        return match["agency"]
    return None


def _is_headline(line: str, following: list[str]) -> bool:
    """True when ``line`` reads as a headline rather than body text.

    A headline is short, has no final stop and holds one sentence; a line underlined
    with ``===`` is one whatever its length. Captions, bylines and dates were taken
    out before this is asked.
    """
    if following and following[0].strip().startswith("=") and _RULE.fullmatch(following[0]):
        return True
    if len(line) > 160 or _BLOCK_MARK.match(line) or "://" in line:
        return False
    words = line.split()
    if len(words) > 30 or (len(words) < 2 and line.isascii()):
        return False
    if line.rstrip("\"'”’)]")[-1:] in ".,;:" or _TWO_SENTENCES.search(line):
        return False
    return any(c.isalpha() for c in line)


def _first_sentence(line: str) -> str:
    """The first sentence of ``line``, cut to about `TITLE_CHARS` at a word boundary."""
    for match in _SENTENCE_END.finditer(line):
        end = match.end()
        if match.group().startswith(".") and _is_abbreviation(line, match.start(), end):
            continue
        line = line[:end]
        break
    line = line.strip()
    if len(line) <= TITLE_CHARS:
        return line
    cut = line[: TITLE_CHARS + 1].rsplit(" ", 1)[0]
    if len(cut) < TITLE_CHARS // 2:
        cut = line[:TITLE_CHARS]
    return cut.rstrip(" ,;:-–—") + "…"


def _is_abbreviation(line: str, dot: int, end: int) -> bool:
    """True when the stop at ``dot`` ends an abbreviation (``Mr.``, ``U.S.``, ``Aug. 9``)."""
    following = line[end : end + 2].strip()
    if following[:1].islower() or following[:1].isdigit():
        return True
    word = _LAST_WORD.search(line[:dot])
    return word is not None and (len(word[1]) == 1 or word[1].lower() in _ABBREVIATIONS)


def _last_lines(tail: str) -> list[str]:
    """The last non-blank lines of the text, in order."""
    lines = [line.strip() for line in tail.split("\n")]
    return [line for line in lines if line][-TAIL_LINES:]


def _source_url(lines: list[str]) -> str | None:
    """The URL a footer gives as the original (``Original url: <https://...>``).

    A URL counts when its line or the line before carries a label (``Original url``,
    ``Source``, ``Link``), or when it stands alone as the very last line.
    """
    found = None
    labelled = False
    for index, line in enumerate(lines):
        label = _URL_LABEL.match(line)
        url = _URL.search(line)
        alone = index == len(lines) - 1 and _BARE_URL.fullmatch(line)
        if url and (labelled or label or alone):
            found = url.group().rstrip(".,;:")
        labelled = bool(label) and url is None and label.end() == len(line)
    return found


def _host(url: str | None) -> str | None:
    """``themoscowtimes.com`` from ``https://www.themoscowtimes.com/...``."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    return _HOST_PREFIX.sub("", host) if host else None


def _date_in_url(url: str | None) -> str | None:
    match = _URL_DATE.search(url) if url else None
    return parse_date("-".join(match.groups())) if match else None


def _date_in_lines(lines: list[str]) -> str | None:
    """A date that fills one of the footer lines (``Published September 14, 2020``)."""
    header = _Header()
    for line in lines:
        _take_date(plain_text(line), header)
    return header.date


def _signoff(lines: list[str]) -> str | None:
    """An agency signing off the text: a last line ``AFP``, or ``...weeks.AFP`` glued on."""
    if not lines:
        return None
    last = plain_text(lines[-1])
    alone = last.strip(_SIGNOFF_MARKS)
    if is_agency(alone):
        return alone
    match = _SIGNOFF.search(last[-80:])
    if match and is_agency(match["agency"]):
        return match["agency"]
    return None
