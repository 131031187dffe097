"""What a saved web page's own metadata means: a title without its site, a byline of people.

A page's ``<title>`` carries the site's name and often a date (``Berlin confronts its
colonial past | DW | 10.06.2013``), and its author field is often the publisher
(``SPIEGEL ONLINE; Hamburg; Germany``, ``Frankfurter Allgemeine Zeitung GmbH; Benjamin
Fischer``). The library shows the headline and the people who wrote it, so:

- `page_title`: leading and trailing parts of the title that name the site (its
  ``og:site_name``, or its host: ``La Stampa`` on ``lastampa.it``) or are a date are
  dropped; a part that names nothing known stays (``Brexit - what happens next``).
- `page_headline`: the page's first-level heading when its title confirms it, since
  the ``<h1>`` is the headline a reader sees and the ``<title>`` is written for tabs
  and search engines (``Coronavirus: New York ramps up mass burials amid outbreak``
  over the heading ``New York ramps up mass burials amid virus outbreak``).
- `page_byline`: a "by" label is dropped (``View all posts by``, ``Von``); when a
  part names the site or a company (``GmbH``, ``Ltd``), the publisher is not a
  byline: only the parts that read as people's names stay, if any.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.core.metadata.dates import parse_date

_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|•|::|»|›|/|~)\s+")
"""What a title's parts are joined by: spaced bars, dashes, dots and arrows."""
_NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_KEY = re.compile(r"[\W_]+")
_HOST = re.compile(r"(?:https?://)?(?:[^/?#@]*@)?(?:www\d*\.|m\.)?([^/?#:@\[\]\s]+)", re.IGNORECASE)
_SECOND_LEVEL = frozenset(("co", "com", "org", "net", "gov", "ac", "edu", "ne", "or"))
"""Labels that sit under a country's domain (``bbc.co.uk``): the site's name is before."""
_BY_LABEL = re.compile(
    r"(?i:view all posts by|posted by|written by|by|von|vom|autor(?:in)?\s*:|author\s*:)\s+"
    r"|(?:责任编辑|作者|編輯|记者|記者)\s*[:：]\s*"
)
_COMPANY = re.compile(
    r"\b(?:GmbH|AG|Ltd|Inc|LLC|Corp|S\.?A|Verlag|Publishing|Media\s+Group|ONLINE|Online)\b\.?"
)
_PERSON_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_PARTICLES = frozenset(("von", "van", "de", "da", "der", "den", "del", "di", "du", "le", "la", "al", "bin", "ibn", "zu"))  # fmt: skip
_MARKS = " \t·•|,-–—"
"""What a byline's parts are left with from the markup around them (``Reuters ·``)."""
_WORD = re.compile(r"\w+")
_CONFIRMED = 0.5
"""How much of a heading's words the page's title must hold for it to be the headline."""
_SOLE = 0.25
"""The same for a page's only heading."""
_MIN_KEY = 2
_SHARE = 0.6
"""How much of a site's name a part that starts it must hold to name it."""


def site_keys(sitename: str | None, url: str | None) -> frozenset[str]:
    """The forms of the site's name to look for: its name, its parts, its host and label."""
    keys: set[str] = set()
    if sitename:
        keys.add(_key(sitename))
        keys.update(_key(part) for part in _SEPARATOR.split(sitename))
    host = _HOST.match(url) if url else None
    if host:
        name = host[1].lower()
        keys.add(_key(name))
        labels = name.split(".")
        if len(labels) >= 2:
            main = labels[-3] if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else labels[-2]
            keys.add(_key(main))
    return frozenset(key for key in keys if len(key) >= _MIN_KEY)


def page_title(title: str, keys: frozenset[str]) -> str:
    """``title`` without the parts at either end that name the site or are a date."""
    parts = _SEPARATOR.split(title)
    seps = _SEPARATOR.findall(title)
    while len(parts) > 1 and (names_site(parts[-1], keys) or _is_date(parts[-1])):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and names_site(parts[0], keys):
        parts.pop(0)
        seps.pop(0)
    kept = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        kept += sep + part
    return kept.strip()


def page_headline(title: str, headings: Sequence[str], keys: frozenset[str]) -> str:
    """The heading ``title`` (itself without the site) confirms best, else ``title``.

    A heading is confirmed when at least half its words are in the title, or a
    quarter when it is the page's only heading (the article's own, reworded for
    search engines): a site's logo set as an ``<h1>`` shares none, or only the
    site's name, and of two confirmed the one sharing more of the title wins. A
    heading that is the title with more words (a section or a kicker: ``Politics |
    ...``) is not taken either, as the title is then the cleaner of the two.
    Thresholds measured on trafilatura's 851 annotated pages
    (``bench/reading_quality.py --pages``).
    """
    title_words = _words(title)
    shown = [heading for heading in headings if heading]
    floor = _SOLE if len(shown) == 1 else _CONFIRMED
    best, best_key = title, (0, 0.0)
    for heading in shown:
        heading = page_title(heading, keys)
        words = _words(heading)
        if not words or names_site(heading, keys):
            continue
        if len(heading) > len(title) and _folded(title) in _folded(heading):
            continue
        shared = len(words & title_words)
        key = (shared, shared / len(words))
        if key[1] >= floor and key > best_key:
            best, best_key = heading, key
    return best


def shares_a_word(one: str, other: str) -> bool:
    """True when the two texts have a word in common, whatever its case."""
    return not _words(one).isdisjoint(_words(other))


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _words(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(text)}


def split_title(title: str) -> list[str]:
    """The parts of a page title between its separators (``Title | Site``: two)."""
    return _SEPARATOR.split(title)


def page_byline(author: str, keys: frozenset[str]) -> str | None:
    """The people ``author`` names, or ``None`` when it only names the publisher."""
    author = _BY_LABEL.sub("", author.strip(), count=1).strip()
    parts = [part.strip(_MARKS) for part in author.split(";") if part.strip(_MARKS)]
    if not any(names_site(part, keys) or _COMPANY.search(part) for part in parts):
        return ", ".join(parts) or None
    people = [
        part
        for part in parts
        if not names_site(part, keys) and not _COMPANY.search(part) and _is_person(part)
    ]
    return ", ".join(people) or None


def _key(name: str) -> str:
    """``name`` as site names are compared: case-folded letters and digits only."""
    return _KEY.sub("", name.casefold())


def names_site(part: str, keys: frozenset[str]) -> bool:
    """True when ``part`` is the site's name, or the one starts the other and is most of it.

    ``Evangelisches Jugendwerk (ejw)`` names ``Evangelisches Jugendwerk``; ``Berlin``
    does not name ``Berliner Zeitung``.
    """
    key = _key(part)
    if not key:
        return False
    if key in keys:
        return True
    for known in keys:
        short, long = sorted((key, known), key=len)
        if len(short) >= 4 and long.startswith(short) and len(short) >= _SHARE * len(long):
            return True
    return False


def _is_date(part: str) -> bool:
    return _NUMERIC_DATE.fullmatch(part.strip()) is not None or (
        len(part) <= 40 and parse_date(part) is not None
    )


def _is_person(part: str) -> bool:
    """True for a name as people write theirs: two to five words, capitalised, no digits."""
    words = part.split()
    if not 2 <= len(words) <= 5 or any(char.isdigit() for char in part):
        return False
    return all(
        (word[0].isupper() and _PERSON_WORD.fullmatch(word)) or word.lower() in _PARTICLES
        for word in words
    )
