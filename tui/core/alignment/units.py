"""Sentence units: an article's text cut into comparable sentences, once.

A story aligns many pairs; segmenting, tokenising and finding the quotes of each
article once (not once per pair) keeps that linear in the number of articles.
Story-wide word weights need every article of the story, so `key_weights` works on
the units of all of them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain, repeat

from tui.core.language.quotes import find_quotes
from tui.core.language.sentences import SENTENCE, TITLE, Kind, Sentence, segment
from tui.core.language.tokens import (
    CURRENCY_KEYS,
    STOP_KEYS,
    TextTokens,
    clause_keys,
    content_keys,
    keys,
)
from tui.core.spans import Span

_FIGURE_MIN = 100
_YEARS = (1900, 2100)
MIN_KEYS = 2
"""A sentence needs this many content words to take part in a link (not ``AFP``)."""


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quoted passage inside a sentence."""

    span: Span
    """The quoted words, without the quote marks."""
    keys: frozenset[str]
    """Its content keys."""
    words: int
    """How many words it has: a two-word scare quote is not a statement."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence, ready to compare."""

    span: Span
    """Where it is in the text."""
    text: str
    """The sentence as written: what a semantic signal reads."""
    kind: Kind
    """The segment kind from `tui.core.language.sentences`."""
    keys: frozenset[str]
    """Content keys: stems of words that are not stop words, numbers, currencies."""
    norm: str
    """All keys in order, space-separated: the sentence with style differences removed."""
    quotes: tuple[Quotation, ...]
    """Direct quotations in it."""
    clauses: tuple[frozenset[str], ...]
    """Content keys of each clause: a long sentence often shares only one of its claims."""
    figures: frozenset[str]
    """Keys of its specific figures (``$1.5 billion``, ``7,000``), not days or small counts."""
    words: frozenset[str]
    """Its content keys without numbers and currencies: what it says besides its figures."""

    @property
    def linkable(self) -> bool:
        """Running text or a headline with content words: what may take part in a link."""
        return self.kind in (SENTENCE, TITLE) and len(self.keys) >= MIN_KEYS


@dataclass(frozen=True, slots=True)
class ArticleUnits:
    """An article's text cut into comparable sentences."""

    text: str
    """The raw text every span indexes into."""
    units: tuple[Unit, ...]
    """Its sentences from the start of its body, in order."""
    tokens: TextTokens | None = field(default=None, compare=False, repr=False)
    """The words of the part its units were cut from, scanned once: what word diffs read
    (``None``: each sentence is tokenised when diffed)."""

    @property
    def has_prose(self) -> bool:
        """True when it has at least one real sentence: a bare list of words is no article."""
        return any(unit.kind == SENTENCE for unit in self.units)

    @property
    def linkable_units(self) -> tuple[Unit, ...]:
        """The units that may take part in a link, in order; none without prose.

        Every share is counted over these: the compare header, the pick list and the
        overview's matrix all divide by their number.
        """
        return tuple(unit for unit in self.units if unit.linkable) if self.has_prose else ()


def cut_units(text: str, body: int = 0, end: int | None = None) -> ArticleUnits:
    """Segment, tokenise and find the quotes of ``text`` from ``body``; never raises.

    With ``end``, only ``text[:end]`` is cut (a long article's beginning), as if the
    text stopped there; the spans still index ``text``.
    """
    part = text if end is None or end >= len(text) else text[:end]
    tokens = TextTokens(part, body)
    currency = any(symbol in part for symbol in _CURRENCY_SYMBOLS)
    units = tuple(_unit(part, sentence, tokens, currency) for sentence in segment(part, body))
    return ArticleUnits(text, units, tokens)


def key_weights(articles: Iterable[ArticleUnits]) -> dict[str, float]:
    """Inverse sentence frequency of every content key across a story's articles.

    Words that run through the whole story (the protagonists' names, the place)
    appear in many sentences of every article and weigh little; a detail that two
    sentences share and few others mention weighs most.
    """
    units = [unit for article in articles for unit in article.units]
    frequency = Counter(chain.from_iterable(unit.keys for unit in units))
    total = len(units)
    return {key: math.log((total + 1) / (count + 0.5)) for key, count in frequency.items()}


class Weights:
    """Sums of key weights; a key no weight was given for counts as the rarest."""

    __slots__ = ("key",)

    def __init__(self, weights: Mapping[str, float]) -> None:
        self.key: Callable[[str], float] = _WeightOf(weights).__getitem__
        """The weight of one key: a dictionary's own lookup, which C's ``map`` and
        ``sort`` call without a Python frame."""

    def __call__(self, found: Iterable[str]) -> float:
        """Total weight of ``found``, never zero so that ratios stay defined."""
        return sum(map(self.key, found)) or 1e-9


class _WeightOf(dict[str, float]):
    """The story's weights; a key without one weighs as the rarest."""

    __slots__ = ("_default",)

    def __init__(self, weights: Mapping[str, float]) -> None:
        super().__init__(weights)
        self._default = max(weights.values(), default=1.0)

    def __missing__(self, key: str) -> float:
        return self._default


def _unit(text: str, sentence: Sentence, tokens: TextTokens, currency: bool) -> Unit:
    """Prepare one sentence, from the text's tokens where they hold its words.

    ``currency`` is False when the text has no currency symbol, so no sentence adds
    its key. The key sets are built exactly as `content_keys` and the clauses of
    `clause_keys` build them (the same keys in the same order): a sum over a set
    follows its order, and scores must not move in their last bit.
    """
    body = sentence.span.slice(text)
    quotes = []
    for span in find_quotes(text, sentence.span):
        quoted = span.slice(text)
        inside = tokens.span(text, *span)
        quoted_keys = keys(quoted) if inside is None else tokens.keys[inside[0] : inside[1]]
        quotes.append(Quotation(span, content_keys(quoted, quoted_keys), len(quoted_keys)))
    own = tokens.span(text, *sentence.span)
    body_keys, parts = clause_keys(body) if own is None else tokens.clause_keys(*own)
    content = content_keys(body, body_keys) if currency else frozenset(set(body_keys) - STOP_KEYS)
    clauses = map(frozenset.difference, map(frozenset, parts), repeat(STOP_KEYS))
    norm = " ".join(body_keys)
    return Unit(
        span=sentence.span,
        text=body,
        kind=sentence.kind,
        keys=content,
        norm=norm,
        quotes=tuple(quotes),
        clauses=tuple(filter(None, clauses)),
        # Only a number's key has "#": a sentence without one has no figure.
        figures=frozenset(filter(_FIGURE_KEYS.__getitem__, content)) if "#" in norm else _NONE,
        words=frozenset(filter(_WORD_KEYS.__getitem__, content)),
    )


class _KeyTest(dict[str, bool]):
    """A test of a key, answered once per key (a bounded memo): C filters read it per sentence."""

    __slots__ = ("_test",)

    def __init__(self, test: Callable[[str], bool]) -> None:
        super().__init__()
        self._test = test

    def __missing__(self, key: str) -> bool:
        if len(self) >= _KEY_TESTS_LIMIT:
            self.clear()
        found = self[key] = self._test(key)
        return found


_KEY_TESTS_LIMIT = 200_000
_FIGURE_KEYS = _KeyTest(lambda key: key[:1] == "#" and _is_figure(key))
"""Keys of specific figures (`Unit.figures`)."""
_WORD_KEYS = _KeyTest(lambda key: key[:1] != "#" and key not in CURRENCY_KEYS)
"""Keys of words, not numbers or currencies (`Unit.words`)."""
_CURRENCY_SYMBOLS = "$€£¥"
_NONE: frozenset[str] = frozenset()


def _is_figure(key: str) -> bool:
    """True for the key of a number specific enough to identify a fact.

    Large amounts and fractions qualify; years, days of the month and small
    counts recur across unrelated statements and do not.
    """
    try:
        value = float(key[1:])
    except ValueError:
        return False
    if not value.is_integer():
        return True
    return value >= _FIGURE_MIN and not _YEARS[0] <= value <= _YEARS[1]
