"""The per-article work alignment needs, done once per text.

An overview of N articles compares every pair; segmenting, tokenising and finding
quotes once per article (not once per pair) keeps that linear in N. Story-wide word
weights need every article of the story, so they are computed separately by
`story_weights` from the prepared articles.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from tui.core.quotes import find_quotes
from tui.core.sentences import SENTENCE, TITLE, Sentence, segment
from tui.core.spans import Span
from tui.core.tokens import STOP_WORDS, Token, currency_keys, tokenize

_CLAUSE_MARK = re.compile(r"[,;:()\[\]—–]|\s-\s")
_CONJUNCTION_WORDS = "and but while although though whereas because after since"
_CONJUNCTIONS = frozenset(_CONJUNCTION_WORDS.split())
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
    kind: str
    """The segment kind from `tui.core.sentences`."""
    tokens: tuple[Token, ...]
    """Every word and number, for the word-level diff."""
    keys: frozenset[str]
    """Content keys: stems of words that are not stop words, numbers, currencies."""
    norm: str
    """All keys in order, space-separated: the sentence with style differences removed."""
    quotes: tuple[Quotation, ...]
    """Direct quotations in it."""
    clauses: tuple[frozenset[str], ...]
    """Content keys of each clause: a long sentence often shares only one of its claims."""

    @property
    def linkable(self) -> bool:
        """Prose and headlines take part in links; subheadings, captions, bylines do not."""
        return self.kind in (SENTENCE, TITLE) and len(self.keys) >= MIN_KEYS


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article's text cut into comparable sentences."""

    text: str
    """The raw text every span indexes into."""
    units: tuple[Unit, ...]
    """Its sentences, in order."""


def prepare(text: str) -> Prepared:
    """Segment, tokenise and find the quotes of ``text``; never raises on odd input."""
    return Prepared(text, tuple(_unit(text, sentence) for sentence in segment(text)))


def story_weights(articles: Iterable[Prepared]) -> dict[str, float]:
    """Inverse sentence frequency of every content key across the story's articles.

    Words that run through the whole story (the protagonists' names, the place)
    appear in many sentences of every article and weigh little; a detail that two
    sentences share and few others mention weighs most.
    """
    frequency: Counter[str] = Counter()
    total = 0
    for article in articles:
        for unit in article.units:
            total += 1
            frequency.update(unit.keys)
    return {key: math.log((total + 1) / (count + 0.5)) for key, count in frequency.items()}


def content_keys(text: str, tokens: list[Token]) -> frozenset[str]:
    """The keys of ``tokens`` that carry content: no stop words, plus implied currencies."""
    keys = {
        token.key
        for token in tokens
        if token.value is not None or token.span.slice(text).lower() not in STOP_WORDS
    }
    return frozenset(keys | currency_keys(text, tokens))


def _unit(text: str, sentence: Sentence) -> Unit:
    """Prepare one sentence."""
    tokens = tokenize(text, sentence.span.start, sentence.span.end)
    quotes = []
    for span in find_quotes(text, sentence.span):
        inside = tokenize(text, span.start, span.end)
        quotes.append(Quotation(span, content_keys(text, inside), len(inside)))
    return Unit(
        span=sentence.span,
        kind=sentence.kind,
        tokens=tuple(tokens),
        keys=content_keys(text, tokens),
        norm=" ".join(token.key for token in tokens),
        quotes=tuple(quotes),
        clauses=tuple(_clauses(text, tokens)),
    )


def _clauses(text: str, tokens: list[Token]) -> list[frozenset[str]]:
    """Split a sentence's tokens at clause punctuation and conjunctions."""
    clauses: list[frozenset[str]] = []
    current: list[Token] = []
    previous_end = tokens[0].span.start if tokens else 0
    for token in tokens:
        gap = text[previous_end : token.span.start]
        word = token.span.slice(text).lower()
        if current and (_CLAUSE_MARK.search(gap) or word in _CONJUNCTIONS):
            clauses.append(content_keys(text, current))
            current = []
        current.append(token)
        previous_end = token.span.end
    if current:
        clauses.append(content_keys(text, current))
    return [clause for clause in clauses if clause]
