"""What an article is about, as weighted terms: the evidence story grouping compares.

Two articles about one event share its specific words (the names of its people
and places, its figures, the words of its facts), however differently they are
worded; articles about different events share the general vocabulary of news. So
an article's profile is its content keys (`tui.core.language.tokens`: stems of the
words that are not stop words, and specific figures such as ``#1.5e+09``), each
weighed by how often the article uses it (damped: the tenth mention adds little)
and by its rarity across the folder (inverse document frequency). The headline
says what the event is, so its keys weigh `TITLE_WEIGHT` times more. Names and
figures need no weight of their own: an event's names are its rarest words.

Rarity is smoothed as if the folder sat in a larger collection (`BACKGROUND`
articles that lack the key): in a folder of five articles of one story, the key
every article has (``lukashenko``) must still count as the rare word it is, not as
a common one. A key only one article has cannot join it to another, so profiles
keep only the keys two or more articles share; the article's length still counts
in full through the norm.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import mul

from tui.core.alignment.units import ArticleUnits
from tui.core.language.tokens import STOP_KEYS, keys
from tui.core.metadata.extract import FILE_NAME_TITLE
from tui.core.reading.articles import Article

TITLE_WEIGHT = 3.0
"""How much more a headline key weighs than the same key in the body."""
BACKGROUND = 30
"""Articles of an imagined wider collection that lack every key (the rarity's prior)."""
_ADDRESS = re.compile(r"\S+://\S*|www\.\S+|\S+@\S+\.\w+")
"""Web and mail addresses: ``https``, ``www`` and a site's name join its articles, not
an event's."""
_ADDRESS_MARKS = ("://", "www.", "@")
"""What every match of `_ADDRESS` holds."""
_FIGURE_MIN = 100
_YEARS = (1900, 2100)


@dataclass(frozen=True, slots=True)
class Profile:
    """One article's shared keys, weighed and scaled to unit length."""

    weights: dict[str, float]
    """Each key two or more articles share, and its weight; all of the article's keys,
    shared or not, make the norm the weights are divided by."""

    def similarity(self, other: Profile) -> float:
        """Cosine of the two profiles: 1 for the same words in the same proportions."""
        mine, theirs = self.weights, other.weights
        if len(mine) > len(theirs):
            mine, theirs = theirs, mine
        shared = mine.keys() & theirs.keys()
        # map, not a generator: the products are taken in C, three times as fast.
        products: Iterator[float] = map(
            mul, map(mine.__getitem__, shared), map(theirs.__getitem__, shared)
        )
        return sum(products)


def article_terms(article: Article, units: ArticleUnits | None = None) -> dict[str, float]:
    """Each content key of the article and its local weight, before rarity.

    A key's weight grows with the log of its count in the body (``1 + ln n``); a
    headline key weighs `TITLE_WEIGHT` times that (a key only the headline has
    counts once). A title that is only the file name counts for nothing, and nor
    do web and mail addresses.

    ``units``, the article as `tui.core.story.model.Story.units` cut it, lends the
    body's keys from the words it scanned then, instead of a second scan of the text.
    """
    counts = Counter(body_keys(article, units))
    local = {key: 1 + math.log(count) for key, count in counts.items() if _term(key)}
    if FILE_NAME_TITLE in article.notes:
        return local  # a file name (``c0a9aa0fba.txt``) says nothing of the event
    for key in set(filter(None, map(_term, keys(article.title)))):
        local[key] = local.get(key, 1.0) * TITLE_WEIGHT
    return local


def body_keys(article: Article, units: ArticleUnits | None = None) -> Iterator[str]:
    """The keys of the article's body without its web and mail addresses, in order.

    The keys of the body with each address blanked out, read piece by piece
    between the addresses: from ``units``' tokens where a piece's own tokens are a
    slice of them (`TextTokens.span`), else from the piece's text.
    """
    text = article.text if units is None else units.text
    tokens = None if units is None else units.tokens
    start = article.body
    # Every address holds one of these: most bodies need no search for them.
    if any(text.find(mark, start) >= 0 for mark in _ADDRESS_MARKS):
        pieces = []
        for match in _ADDRESS.finditer(text, start):
            pieces.append((start, match.start()))
            start = match.end()
        pieces.append((start, len(text)))
    else:
        pieces = [(start, len(text))]
    for first, end in pieces:
        if tokens is None or (found := tokens.span(text, first, end)) is None:
            yield from keys(text[first:end])
        else:
            yield from tokens.keys[found[0] : found[1]]


def profiles(
    terms: Sequence[dict[str, float]], cancelled: Callable[[], bool] | None = None
) -> list[Profile]:
    """The profiles of a folder's articles, from their `article_terms`.

    Args:
        terms: Each article's keys and local weights.
        cancelled: Polled every few hundred articles; when it returns True the rest
            get empty profiles (the caller throws the result away).
    """
    frequency = Counter(chain.from_iterable(terms))
    total = len(terms) + BACKGROUND
    rarity = {key: math.log(total / (count + 1)) for key, count in frequency.items()}
    shared = {key for key, count in frequency.items() if count > 1}
    found: list[Profile] = []
    for index, local in enumerate(terms):
        if cancelled is not None and index % 256 == 0 and cancelled():
            found.extend(Profile({}) for _ in range(len(terms) - index))
            break
        # Products and sums taken in C, in the order of the keys, as a loop would.
        weights = list(map(mul, local.values(), map(rarity.__getitem__, local)))
        norm = math.sqrt(sum(map(mul, weights, weights))) or 1.0
        found.append(
            Profile(
                {
                    key: weight / norm
                    for key, weight in zip(local, weights, strict=True)
                    if key in shared
                }
            )
        )
    return found


@lru_cache(maxsize=65536)
def _term(key: str) -> str | None:
    """``key`` when it tells events apart: a content word, or a specific figure."""
    if key in STOP_KEYS:
        return None
    if key[0] != "#":
        return key if len(key) > 1 else None
    try:
        value = float(key[1:])
    except ValueError:
        return None
    specific = not value.is_integer() or (
        value >= _FIGURE_MIN and not _YEARS[0] <= value <= _YEARS[1]
    )
    return key if specific else None
