"""Quotes across a story: each statement, the outlets carrying it, and its wordings.

A quotation takes part when it is a statement (`MIN_WORDS` words or more), not a
quoted term (``"union state"``). Two quotations are the same statement when the
alignment links their sentences and their words overlap enough, weighted by rarity:
translations of one statement share its rarer words (``usurper``, ``dialogue``)
even when the rest differs. One word in common is enough only in one speaker's
mouth (``committed to all its obligations`` / ``Russia remains committed to all our
agreements``, both Putin's): otherwise ``a problem for the world`` and ``had a
problem with him`` would be one statement. Statements group transitively, so three
translations form one group even if only two pairs of them look alike.

Within a group, mentions whose wording is (almost) the same form one variant: the
variants side by side show how outlets rendered the statement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from tui.core.alignment.align import Link
from tui.core.alignment.tiers import speaker
from tui.core.alignment.units import ArticleUnits, Quotation, Weights
from tui.core.language.speakers import resolve, same_speaker
from tui.core.language.tokens import keys
from tui.core.spans import Span
from tui.core.story.partition import Partition

MIN_WORDS = 4
"""Words a quotation needs to be a statement rather than a quoted term."""
MATCH = 0.25
"""Share of the smaller quotation's weight the other must carry (their sentences linked)."""
MIN_SHARED_WEIGHT = 2.0
"""The shared words must weigh more than one common name."""
MIN_SHARED_KEYS = 2
"""Content words two quotations share to be one statement, unless one speaker says both."""
SAME_WORDING = 90
"""`rapidfuzz.fuzz.ratio` of the key sequences from which two mentions are one variant."""


@dataclass(frozen=True, slots=True)
class QuoteMention:
    """One quotation in one article."""

    article: int
    """Index of the article."""
    span: Span
    """The quoted words, without quote marks."""
    sentence: Span
    """The sentence it is in."""
    text: str
    """The quoted words on one line."""
    speaker: str
    """Who says it, ``""`` when no one is named (see `tui.core.language.speakers`)."""
    speaker_in_sentence: bool
    """True when the sentence itself names the speaker, False when it was carried over
    from the sentence before (``she added``, or a quote that continues)."""
    keys: frozenset[str]
    """Content keys of the quoted words."""


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """One wording of a statement and who carries it."""

    text: str
    """The wording, from its first mention."""
    articles: tuple[int, ...]
    """Articles carrying this wording, in order."""


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """One statement as the story's articles quote it."""

    mentions: tuple[QuoteMention, ...]
    """Every mention, by article then position."""
    variants: tuple[QuoteVariant, ...]
    """Distinct wordings, the most carried first."""
    speaker: str
    """The speaker most mentions name (the fullest form of the name), or ``""``."""

    @property
    def articles(self) -> tuple[int, ...]:
        """Articles carrying the statement, in order."""
        return tuple(sorted({mention.article for mention in self.mentions}))


def find_mentions(article: int, prepared: ArticleUnits) -> list[QuoteMention]:
    """The statements quoted in one article, each with its speaker."""
    text = prepared.text
    statements = [
        [quote for quote in unit.quotes if quote.words >= MIN_WORDS] if unit.linkable else []
        for unit in prepared.units
    ]
    speakers = _Speakers(prepared, statements)
    mentions: list[QuoteMention] = []
    for index, unit in enumerate(prepared.units):
        if not statements[index]:
            continue
        speaker = speakers.speaker(index)
        named = speakers.named(index)
        in_sentence = bool(named) and resolve(named, "") == named  # a name, not a pronoun
        for quote in statements[index]:
            mentions.append(
                QuoteMention(
                    article,
                    quote.span,
                    unit.span,
                    " ".join(quote.span.slice(text).split()),
                    speaker,
                    in_sentence,
                    quote.keys,
                )
            )
    return mentions


class _Speakers:
    """Who speaks in each sentence of an article, read only where a statement asks.

    A sentence's speaker is the one it names (`find_speaker`), unless it carries
    over the speaker of the sentence before: when it names a pronoun (`resolve`),
    or when it has a statement, names no one and opens with a quote mark while the
    sentence before had a statement with a speaker (the quote goes on). Most
    sentences carry nothing over, so only the sentences with statements and the
    runs they carry over from are read: a fifth of an article's sentences.
    """

    __slots__ = ("_named", "_prepared", "_speakers", "_statements")

    def __init__(self, prepared: ArticleUnits, statements: Sequence[Sequence[Quotation]]) -> None:
        self._prepared = prepared
        self._statements = statements
        self._named: dict[int, str] = {}
        self._speakers: dict[int, str] = {-1: ""}

    def named(self, index: int) -> str:
        """What sentence ``index`` itself names: a name, a pronoun or ``""``."""
        found = self._named.get(index)
        if found is None:
            # The aligner's quote rules have read most of these sentences already.
            found = self._named[index] = speaker(self._prepared.units[index])
        return found

    def speaker(self, index: int) -> str:
        """The speaker of sentence ``index``: back through the run it carries over from."""
        pending = []
        place = index
        while place not in self._speakers:
            pending.append(place)
            if not self._carries_over(place):
                break
            place -= 1
        for place in reversed(pending):
            self._speakers[place] = self._resolved(place)
        return self._speakers[index]

    def _carries_over(self, index: int) -> bool:
        named = self.named(index)
        if resolve(named, "") != named:
            return True  # a pronoun
        return (
            not named
            and bool(self._statements[index])
            and _opens_with_quote(self._prepared.text, self._prepared.units[index].span)
        )

    def _resolved(self, index: int) -> str:
        """Sentence ``index``'s speaker; the one before's is known when it counts."""
        named = self.named(index)
        if not self._carries_over(index):
            return named
        previous = self._speakers[index - 1]
        speaker = resolve(named, previous)
        quoted_before = index > 0 and bool(self._statements[index - 1]) and bool(previous)
        if not speaker and self._statements[index] and quoted_before:
            return previous  # a quote that goes on where the last one stopped
        return speaker


def group_quotes(
    mentions: Sequence[QuoteMention],
    links: Mapping[tuple[int, int], Sequence[Link]],
    weights: Mapping[str, float],
) -> tuple[QuoteGroup, ...]:
    """Group the mentions of all articles into statements.

    Args:
        mentions: Every article's mentions (`find_mentions`).
        links: Links per aligned pair ``(a, b)``, ``a < b``, article ``a`` on side A.
        weights: Story-wide key weights.
    """
    by_sentence: dict[tuple[int, Span], list[int]] = {}
    for index, mention in enumerate(mentions):
        by_sentence.setdefault((mention.article, mention.sentence), []).append(index)
    partition = Partition(len(mentions))
    weigh = Weights(weights)

    for (a, b), pair in links.items():
        for link in pair:
            for i in by_sentence.get((a, link.a), ()):
                for j in by_sentence.get((b, link.b), ()):
                    one, other = mentions[i], mentions[j]
                    common = one.keys & other.keys
                    shared = weigh(common)
                    smaller = min(weigh(one.keys), weigh(other.keys))
                    if (
                        shared >= MIN_SHARED_WEIGHT
                        and shared >= MATCH * smaller
                        and (
                            len(common) >= MIN_SHARED_KEYS
                            or same_speaker(one.speaker, other.speaker)
                        )
                    ):
                        partition.join(i, j)
    groups = [_group([mentions[i] for i in members]) for members in partition.groups().values()]
    return tuple(
        sorted(
            groups,
            key=lambda group: (
                -len(group.articles),
                group.mentions[0].article,
                group.mentions[0].span,
            ),
        )
    )


def _group(mentions: list[QuoteMention]) -> QuoteGroup:
    """A group from its mentions: their wordings and their speaker."""
    mentions.sort(key=lambda mention: (mention.article, mention.span))
    variants: list[tuple[str, str, list[int]]] = []
    for mention in mentions:
        wording = " ".join(keys(mention.text))
        for seen, _, carriers in variants:
            if fuzz.ratio(seen, wording) >= SAME_WORDING:
                if mention.article not in carriers:
                    carriers.append(mention.article)
                break
        else:
            variants.append((wording, mention.text, [mention.article]))
    ordered = sorted(variants, key=lambda variant: -len(variant[2]))
    return QuoteGroup(
        tuple(mentions),
        tuple(QuoteVariant(text, tuple(carriers)) for _, text, carriers in ordered),
        _speaker(mentions),
    )


def _speaker(mentions: Sequence[QuoteMention]) -> str:
    """The name most mentions give (named in the sentence counts double), in its fullest form."""
    votes: Counter[str] = Counter()
    for mention in mentions:
        if mention.speaker:
            votes[mention.speaker.split()[-1]] += 2 if mention.speaker_in_sentence else 1
    if not votes:
        return ""
    surname = max(votes, key=lambda name: (votes[name], -_first(mentions, name)))
    forms = [m.speaker for m in mentions if m.speaker and same_speaker(m.speaker, surname)]
    return max(forms, key=lambda form: (len(form.split()), -forms.index(form)))


def _first(mentions: Sequence[QuoteMention], surname: str) -> int:
    return next(i for i, m in enumerate(mentions) if m.speaker.endswith(surname))


def _opens_with_quote(text: str, span: Span) -> bool:
    """True when the sentence starts with a quote mark."""
    return text[span.start : span.start + 1] in "\"“'‘«„"
