"""Metadata from real, messy article text: title, outlet, agency, date, byline, url.

Each value is looked for where articles put it: front matter, then the header (the
lines before the body starts), then the first paragraphs, then the footer. Only a
bounded window at each end of the text is read, so a 5 MB one-line file costs no
more than a short one.

Precedence, most trusted first:

- title: stated (front matter or container) > first heading > the first short line,
  whatever its final punctuation (a headline repeated on the next line counts once;
  a dateline never counts) > the whole first sentence of the body, after its dateline
  > the file name.
- outlet (who *published*): stated > the URL's host > the file name; a byline that
  only repeats it is no byline. An agency is never the outlet: ``Anna Malpas for AFP`` on ``themoscowtimes.com`` was published
  by the site, and AFP copy on a site that does not say its name is that site's.
- agency (who *wrote* the copy): stated > byline (``for AFP``, or only ``Reuters``,
  which is then no byline) > wire dateline in the
  first paragraphs (``MOSCOW (Reuters) -``) > a credit line (``Copyright 2020 The
  Associated Press``) > sign-off (a last ``AFP``).
- date: stated > a date line or ``date`` prefix in the header > a date line in the
  footer > a date in the URL's path.

A fallback to the first sentence or the file name adds a note saying so, and
nothing is guessed where no pattern applies. Values are never shortened here:
cutting to a width is for the screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import NamedTuple

from tui.core.language.sentences import first_sentence
from tui.core.metadata import footer
from tui.core.metadata.agencies import WIRE_AGENCIES
from tui.core.metadata.datelines import agency_in_paragraphs
from tui.core.metadata.dates import parse_date
from tui.core.metadata.front_matter import read_front_matter
from tui.core.metadata.header import byline_agency, read_header
from tui.core.metadata.outlets import normal_outlet
from tui.core.text.plain import plain_text, strip_controls

NO_OUTLET = "no outlet found: showing the file name"
"""The note of an article whose outlet is its file name's fallback."""
NO_HEADLINE = "no headline found"
"""How the note of an article without a headline begins (its title is a fallback)."""
SENTENCE_TITLE = f"{NO_HEADLINE}: showing the first sentence"
"""The note of an article whose title is its first sentence."""
FILE_NAME_TITLE = f"{NO_HEADLINE}: showing the file name"
"""The note of an article whose title is its file name."""
SENTENCE_TITLE_CHARS = 1000
"""A first "sentence" longer than this has no sentence end: it is cut at a word, with ``…``."""
_ALNUM = re.compile(r"[^\W_]")


class Metadata(NamedTuple):
    """What the library shows about one article, and how sure it is.

    A named tuple rather than a dataclass: one is built per article, and the module
    is imported at startup, where building a dataclass costs about a millisecond.
    """

    title: str
    """Headline, else the whole first sentence, else the fallback name."""
    outlet: str
    """Who published it, else the fallback name."""
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
    body: int = 0
    """Offset where the body starts: after a front-matter block, else 0."""


def extract_metadata(
    text: str, name: str | Callable[[], str], stated: Mapping[str, str | None] | None = None
) -> Metadata:
    """Title, outlet, agency, date, byline and url of an article, with the rules above.

    Args:
        text: The article text as decoded.
        name: What to call it when nothing in the text does (the file name's stem), or
            a function giving it, called only then (most articles never need it).
        stated: Values given outside the text (JSON Lines fields, HTML metadata), keyed
            by `STATED_KEYS` of `tui.core.metadata.front_matter`; they override
            front matter and guesses.

    Returns:
        The metadata, with a note for each value that is a fallback.
    """
    front = read_front_matter(text)
    given, body_start = dict(front.fields), front.end
    if stated:
        for key, value in stated.items():
            clean = strip_controls(value) if value else ""
            if clean:
                given[key] = clean
    header = read_header(text, body_start)
    tail_lines = footer.last_lines(text)

    url = given.get("url") or footer.source_url(tail_lines)
    byline = given.get("byline") or header.byline
    wire = byline if byline and byline.casefold() in WIRE_AGENCIES else None
    if wire:
        byline = None  # ``By Reuters``: an agency wrote it, and no one is named
    agency = (
        given.get("agency")
        or wire
        or (byline_agency(byline) if byline else None)
        or header.agency
        or agency_in_paragraphs(text, header.body_at)
        or footer.credit(tail_lines)
        or footer.signoff(tail_lines)
    )
    date = (
        (parse_date(given["date"]) if "date" in given else None)
        or header.date
        or footer.date_line(tail_lines)
        or footer.date_in_url(url)
    )
    notes: list[str] = []
    outlet = normal_outlet(given["outlet"]) if "outlet" in given else footer.host(url)
    if byline and outlet and byline.casefold() == outlet.casefold():
        byline = None  # the publisher named as the author: no one is named
    if not outlet:
        outlet = name = name if isinstance(name, str) else name()
        notes.append(NO_OUTLET)
    title = given.get("title") or header.title
    if not title:
        title = _bounded(plain_text(first_sentence(header.body)))
        if _ALNUM.search(title):
            notes.append(SENTENCE_TITLE)
        else:
            title = name if isinstance(name, str) else name()
            notes.append(FILE_NAME_TITLE)
    return Metadata(title, outlet, agency, date, byline, url, tuple(notes), body_start)


def _bounded(sentence: str) -> str:
    """``sentence``, or its start cut at a word with ``…`` when it never ends (no stop at all)."""
    if len(sentence) <= SENTENCE_TITLE_CHARS:
        return sentence
    cut = sentence[: SENTENCE_TITLE_CHARS + 1].rsplit(" ", 1)[0]
    if len(cut) < SENTENCE_TITLE_CHARS // 2:
        cut = sentence[:SENTENCE_TITLE_CHARS]
    return cut.rstrip(" ,;:-–—") + "…"
