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

from tui.core.agencies import is_agency
from tui.core.dates import DATE, match_date, parse_date
from tui.core.plain import plain_text, strip_controls

HEAD_CHARS = 6000
"""Characters from the start searched for front matter and header lines."""
HEAD_LINES = 40
TAIL_CHARS = 1000
"""Characters from the end searched for a source URL, a date line and a sign-off."""
TAIL_LINES = 8
_DATE_LINE_CHARS = 80
"""Longest footer line read as a date line (``Published: Monday, 14 September 2020 10:45 GMT``)."""
_SHORT = 300
"""Longest line searched for a caption credit, a source URL or a footer date: all are short."""
TITLE_CHARS = 100
_FIRST_SENTENCE_WINDOW = 600
"""Characters of a long first line kept to find its first sentence; a longer one is cut."""
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
_BYLINE_CHARS = 120
_BYLINE = re.compile(r"(?i:by|written by|words by|author:)\s+(?P<who>[^\W\d_].{0,99})")
_BYLINE_PARTS = re.compile(r"\s+[|•·]\s+")
_BYLINE_AGENCY = re.compile(
    r"(?:\b(?:for|from|via)\s+(?:the\s+)?|[,/(]\s*)(?P<agency>[\w.&'-]+(?:\s[\w.&'-]+){0,2})\)?$"
)
_CAPTION_WORDS = ("photo", "picture", "image", "video", "illustration", "graphic", "credit", "foto")
_CAPTION = re.compile(rf"\b(?:{'|'.join(_CAPTION_WORDS)})(?:graph)?s?\s*(?:by\b|courtesy\b|:)")
"""A credit in lower-cased text: ``photo: x``, ``images by x``, ``picture courtesy of x``."""
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
_SEPARATOR = re.compile(r"\s*[|–—:-]\s*")
_DATELINE = re.compile(r"[^\W\d_][\w .,'’-]{0,60}?\((?P<agency>[^()]{2,40})\)\s*[-–—:]")
_SIGNOFF_MARKS = " \t()[]/-–—*_"
"""Marks around a sign-off: ``(AFP)``, ``— AP``, ``/Reuters/``, ``**AFP**``."""
_SENTENCE_STOPS = '.!?"”’'
_URL = re.compile(r"https?://[^\s<>\"'\])\x00-\x1f\x7f-\x9f]+")
_URL_LABEL = re.compile(
    r"\W*(?:original(?:ly published)?(?:\s+(?:url|link|article|source|at|on))?"
    r"|source(?:\s+(?:url|link))?|url|link|permalink)\b\W*",
    re.IGNORECASE,
)
_BARE_URL = re.compile(r"<?(https?://\S+?)>?|\[[^\]]*\]\((https?://[^)\s]+)\)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d?)[/-](\d\d?)(?:/|$|[-_])")
_HOST = re.compile(r"https?://(?:[^/?#@]*@)?([^/?#:@\[\]]+)", re.IGNORECASE)
"""The host of a web address, without credentials or port."""
_HOST_PREFIX = re.compile(r"^(?:www\d*|m|mobile|amp)\.")

_STOP = re.compile(r"[.!?…]+[\"”’')\]]*")
"""A sentence stop with the closing quotes and brackets that belong to it."""
_ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep", "col",
    "lt", "sgt", "capt", "rev", "hon", "inc", "ltd", "co", "corp", "vs", "etc", "no",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
))  # fmt: skip
"""Words whose stop does not end a sentence even before a capital (``Mr. Putin``)."""
_LETTER = re.compile(r"[^\W\d_]")
_ALNUM = re.compile(r"[^\W_]")
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
    given, body_start = front_matter(text)
    if stated:
        for key, value in stated.items():
            clean = strip_controls(value) if value else ""
            if clean:
                given[key] = clean
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
        if _ALNUM.search(title):
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
    end = min(len(text), start + HEAD_CHARS)
    position = start
    for _ in range(HEAD_LINES):
        if position >= end:
            break
        stop = text.find("\n", position, end)
        stop = end if stop < 0 else stop
        raw, position = text[position:stop], stop + 1
        first = raw.lstrip()[:1]
        if not first or (first in "=-*_" and _RULE.fullmatch(raw)):
            continue
        if len(raw) > _SHORT:
            # Too long for a headline, byline or date line: the body, perhaps after a
            # date prefix. Only its start is needed, for the first sentence.
            line = strip_controls(raw[:_FIRST_SENTENCE_WINDOW])
            line = _take_date(line, header) or line
            _take_dateline(line, header)
            header.body = line
            break
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


def _take_dateline(line: str, header: _Header) -> None:
    """Note the agency of a wire dateline opening the body (``MOSCOW (Reuters) -``)."""
    dateline = _DATELINE.match(line) if "(" in line[:80] else None
    if dateline and is_agency(dateline["agency"].strip()):
        header.agency = dateline["agency"].strip()


def _underlined(text: str, position: int, end: int) -> bool:
    """True when the line at ``position`` is a setext ``===`` underline."""
    stop = text.find("\n", position, end)
    following = text[position : end if stop < 0 else stop]
    return following.lstrip().startswith("=") and _RULE.fullmatch(following) is not None


def _take_date(line: str, header: _Header) -> str:
    """``line`` without a leading date, noting the date; empty when it was only a date.

    A date counts when it fills the line (a time may follow), carries a label
    (``date 2020-09-14 ...``, ``Published: ...``) or is set off by a dash or bar; a
    sentence that merely starts with a date is left alone.
    """
    if _DIGIT.search(line, 0, 60) is None:
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
    if len(line) > _BYLINE_CHARS or line[:1] not in "BbWwAa":
        return False
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


def _is_caption(line: str) -> bool:
    """True for a photo caption or credit (``... Photo: VCG``), which is never the headline."""
    if len(line) > _SHORT:
        return False
    if "©" in line:
        return True
    lower = line.lower()
    # The regex costs ten times the substring tests, so it runs only when one hits.
    return any(word in lower for word in _CAPTION_WORDS) and _CAPTION.search(lower) is not None


def _is_headline(line: str) -> bool:
    """True when ``line`` reads as a headline rather than body text.

    A headline is short, has no final stop and holds one sentence. Captions, bylines
    and dates were taken out before this is asked.
    """
    if len(line) > 160 or _BLOCK_MARK.match(line) or "://" in line:
        return False
    words = line.split()
    if len(words) > 30 or (len(words) < 2 and line.isascii()):
        return False
    if line.rstrip("\"'”’)]")[-1:] in ".,;:":
        return False
    if ("." in line or "!" in line or "?" in line) and _TWO_SENTENCES.search(line):
        return False
    return _LETTER.search(line) is not None


def _first_sentence(line: str) -> str:
    """The first sentence of ``line`` as plain text, cut to about `TITLE_CHARS` at a word."""
    for stop in _STOP.finditer(line):
        if _ends_sentence(line, stop):
            line = line[: stop.end()]
            break
    line = plain_text(line)
    if len(line) <= TITLE_CHARS:
        return line
    cut = line[: TITLE_CHARS + 1].rsplit(" ", 1)[0]
    if len(cut) < TITLE_CHARS // 2:
        cut = line[:TITLE_CHARS]
    return cut.rstrip(" ,;:-–—") + "…"


def _ends_sentence(line: str, stop: re.Match[str]) -> bool:
    """True when ``stop`` ends a sentence.

    It does before a space or the end of the line, unless it closes an abbreviation
    (``Mr.``, ``U.S.``, ``Aug. 9``); and glued to a capital after a lower-case word
    (``Moscow.Lukashenko``), the way some pages lose their spaces.
    """
    after = line[stop.end() : stop.end() + 2]
    if not after or after[0].isspace():
        return not (stop.group()[0] == "." and _is_abbreviation(line, stop.start(), after))
    before = line[max(stop.start() - 2, 0) : stop.start()]
    opener = after[1:] if after[0] in '"“‘' else after
    return len(before) == 2 and before.isalpha() and before.islower() and opener[:1].isupper()


def _is_abbreviation(line: str, dot: int, after: str) -> bool:
    """True when the stop at ``dot`` closes an abbreviation rather than a sentence."""
    following = after.strip()
    if following[:1].islower() or following[:1].isdigit():
        return True
    word = _LAST_WORD.search(line, max(dot - 20, 0), dot)
    return word is not None and (len(word[1]) == 1 or word[1].lower() in _ABBREVIATIONS)


def _last_lines(tail: str) -> list[str]:
    """The last non-blank lines of the text, in order."""
    lines = [line.strip() for line in tail.split("\n")[-TAIL_LINES * 4 :]]
    return [line for line in lines if line][-TAIL_LINES:]


def _source_url(lines: list[str]) -> str | None:
    """The URL a footer gives as the original (``Original url: <https://...>``).

    A URL counts when its line or the line before carries a label (``Original url``,
    ``Source``, ``Link``), or when it stands alone as the very last line.
    """
    found = None
    labelled = False
    for index, line in enumerate(lines):
        if len(line) > _SHORT:
            labelled = False
            continue
        label = _URL_LABEL.match(line)
        url = _URL.search(line) if "://" in line else None
        alone = index == len(lines) - 1 and _BARE_URL.fullmatch(line)
        if url and (labelled or label or alone):
            found = url.group().rstrip(".,;:")
        labelled = bool(label) and url is None and label.end() == len(line)
    return found


def _host(url: str | None) -> str | None:
    """``themoscowtimes.com`` from ``https://www.themoscowtimes.com/...``."""
    match = _HOST.match(url) if url else None
    return _HOST_PREFIX.sub("", match[1].lower()) if match else None


def _date_in_url(url: str | None) -> str | None:
    match = _URL_DATE.search(url) if url else None
    return parse_date("-".join(match.groups())) if match else None


def _date_in_lines(lines: list[str]) -> str | None:
    """A date that fills one of the footer lines (``Published September 14, 2020``)."""
    header = _Header()
    for line in lines:
        if len(line) <= _DATE_LINE_CHARS and _DIGIT.search(line, 0, 60):
            _take_date(plain_text(line), header)
    return header.date


def _signoff(lines: list[str]) -> str | None:
    """An agency signing off the text: a last line ``AFP``, or ``...weeks.AFP`` glued on."""
    if not lines:
        return None
    last = lines[-1][-80:]
    # What follows the last sentence stop, or the whole line when it has none.
    stop = max(last.rfind(char) for char in _SENTENCE_STOPS)
    candidate = last[stop + 1 :].strip(_SIGNOFF_MARKS)
    if stop < 0 and len(last) < len(lines[-1]):
        return None  # a long last line without a stop in its end: no sign-off
    return candidate if candidate and is_agency(candidate) else None
