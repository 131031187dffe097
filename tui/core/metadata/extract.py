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

import functools
import re
from collections.abc import Callable, Mapping
from typing import NamedTuple

from tui.core.metadata import footer
from tui.core.metadata.dates import parse_date
from tui.core.metadata.header import HEAD_CHARS, byline_agency, first_sentence, read_header
from tui.core.text.plain import strip_controls

STATED_KEYS = ("title", "outlet", "agency", "date", "byline", "url")
"""Keys a caller (or front matter) may state to override the guesses."""
_ALIASES = {
    "headline": "title", "source": "outlet", "publisher": "outlet", "site": "outlet",
    "sitename": "outlet", "site_name": "outlet", "author": "byline", "authors": "byline",
    "published": "date", "link": "url",
}  # fmt: skip

_FRONT_MATTER = r"\A\ufeff?---[ \t]*\r?\n((?:.*\n){0,60}?)---[ \t]*(?:\r?\n|\Z)"
_FRONT_LINE = r"\s*(?:#.*|-\s.*|(?P<key>[A-Za-z][\w-]*)\s*:\s*(?P<value>.*?))\s*"
_ALNUM = re.compile(r"[^\W_]")


class Metadata(NamedTuple):
    """What the library shows about one article, and how sure it is.

    A named tuple rather than a dataclass: one is built per article, and the module
    is imported at startup, where building a dataclass costs about a millisecond.
    """

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


def extract_metadata(
    text: str, name: str | Callable[[], str], stated: Mapping[str, str | None] | None = None
) -> Metadata:
    """Title, outlet, agency, date, byline and url of an article, with the rules above.

    Args:
        text: The article text as decoded.
        name: What to call it when nothing in the text does (the file name's stem), or
            a function giving it, called only then (most articles never need it).
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
    header = read_header(text, body_start)
    tail_lines = footer.last_lines(text)

    url = given.get("url") or footer.source_url(tail_lines)
    byline = given.get("byline") or header.byline
    agency = (
        given.get("agency")
        or (byline_agency(byline) if byline else None)
        or header.agency
        or footer.signoff(tail_lines)
    )
    date = (
        (parse_date(given["date"]) if "date" in given else None)
        or header.date
        or footer.date_line(tail_lines)
        or footer.date_in_url(url)
    )
    notes: list[str] = []
    outlet = given.get("outlet") or footer.host(url) or agency
    if not outlet:
        outlet = name = name if isinstance(name, str) else name()
        notes.append("no outlet found: showing the file name")
    title = given.get("title") or header.title
    if not title:
        title = first_sentence(header.body)
        if _ALNUM.search(title):
            notes.append("no headline found: showing the first sentence")
        else:
            title = name if isinstance(name, str) else name()
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
    if not text.startswith(("---", "\ufeff---")):  # the block's first line; no slice needed
        return {}, 0
    match = _pattern(_FRONT_MATTER).match(text[:HEAD_CHARS])
    if match is None:
        return {}, 0
    fields: dict[str, str] = {}
    for line in match[1].splitlines():
        if not line.strip():
            continue
        entry = _pattern(_FRONT_LINE).fullmatch(line)
        if entry is None:
            return {}, 0
        if entry["key"]:
            key = entry["key"].lower()
            key = _ALIASES.get(key, key)
            value = strip_controls(_unquote(entry["value"]))
            if key in STATED_KEYS and value and key not in fields:
                fields[key] = value
    return (fields, match.end()) if fields else ({}, 0)


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    """Front-matter patterns, compiled on first use: few articles have a block."""
    return re.compile(source)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
