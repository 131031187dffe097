"""Figures across a story: the same fact counted by several sources, and where they differ.

Two figures of different articles describe the same thing when they have the same
unit, values within a factor of `SPREAD`, and either

- their sentences are linked by the alignment and they agree on the value, or share
  a word of what they count or of what was done to it (``people``, ``detained``), or
- without a link between their sentences, but in articles that share some, the
  same action was done to what they count (``detain``, ``died``) and what they count
  does not conflict (``protesters`` and ``people`` do not), or they have the same
  value and count the same specific thing (``26``-``year``).

Groups grow by these pairs, strongest first, but never spread over more than
`GROUP_SPREAD` from smallest to largest value: ``774`` and ``more than 700`` may be
one count, ``7,000`` is another. A group whose values differ is flagged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from tui.core.alignment.align import Link
from tui.core.alignment.units import ArticleUnits
from tui.core.language.figures import Figure, find_figures, may_hold_figures
from tui.core.language.tokens import Token, tokenize
from tui.core.spans import Span
from tui.core.story.partition import Partition

SPREAD = 2.0
"""Largest ratio between two values that may still count the same thing."""
GROUP_SPREAD = 2.5
"""Largest ratio between the smallest and largest value of one group."""
_BUCKET_CAP = 400
"""Figures sharing an action beyond this many are compared through links only."""


@dataclass(frozen=True, slots=True)
class FigureMention:
    """A figure in one article."""

    article: int
    """Index of the article."""
    figure: Figure
    """The figure, with its sentence and span in that article."""


@dataclass(frozen=True, slots=True)
class FigureValue:
    """One value a group's sources give."""

    normal: str
    """The value in one notation (``1.5 billion dollars``)."""
    written: tuple[str, ...]
    """How sources write it (``$1.5 billion``, ``1.5 billion dollars``), first seen first."""
    articles: tuple[int, ...]
    """Articles giving this value."""


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """One fact's figure as every source that states it gives it."""

    mentions: tuple[FigureMention, ...]
    """Every mention, by article then position."""
    label: str
    """What is counted, in the words most sources use (``people detained``)."""
    unit: str
    """The unit all mentions share (`tui.core.language.figures.COUNT`, ``percent``, a currency)."""
    values: tuple[FigureValue, ...]
    """Distinct values, in order of value."""

    @property
    def articles(self) -> tuple[int, ...]:
        """Articles stating the figure, in order."""
        return tuple(sorted({mention.article for mention in self.mentions}))

    @property
    def disagree(self) -> bool:
        """True when sources give different values."""
        return len(self.values) > 1

    @property
    def name(self) -> str:
        """What the figure is called, as every view and report heads it.

        Its `label` when several sources state it, else the one source's phrase as
        its sentence words it (``withdraw 28,500 U.S. troops``).
        """
        return self.label if len(self.articles) > 1 else self.mentions[0].figure.phrase


def figure_mentions(article: int, units: ArticleUnits) -> list[FigureMention]:
    """The figures of article ``article``'s linkable sentences, in reading order.

    Each sentence's words are those its units scanned (`sentence_tokens`), not
    tokenised again.
    """
    text = units.text
    return [
        FigureMention(article, figure)
        for unit in units.linkable_units
        if may_hold_figures(text, unit.span)
        for figure in find_figures(text, unit.span, sentence_tokens(units, unit.span))
    ]


def sentence_tokens(units: ArticleUnits, sentence: Span) -> list[Token]:
    """`tokenize` of ``sentence``, from the article's scanned words where they hold it whole."""
    scanned = units.tokens
    found = None if scanned is None else scanned.span(units.text, *sentence)
    if scanned is None or found is None:
        return tokenize(units.text, *sentence)
    return scanned.tokens(*found)


def group_figures(
    mentions: Sequence[FigureMention], links: Mapping[tuple[int, int], Sequence[Link]]
) -> tuple[FigureGroup, ...]:
    """Group every article's figures by the fact they count.

    Args:
        mentions: Every figure of every article.
        links: Links per aligned pair ``(a, b)``, ``a < b``, article ``a`` on side A.

    Returns:
        Groups stated by most articles first, then in reading order; a figure no
        other source gives is a group of its own.
    """
    partition = Partition(len(mentions))
    low = [mention.figure.value for mention in mentions]
    high = [mention.figure.high for mention in mentions]
    for _, i, j in sorted(_edges(mentions, links)):
        ri, rj = partition.root(i), partition.root(j)
        if ri == rj or max(low[ri], low[rj]) > GROUP_SPREAD * min(high[ri], high[rj]):
            continue
        rj = partition.join(ri, rj)
        low[rj], high[rj] = min(low[ri], low[rj]), max(high[ri], high[rj])
    groups = [
        _group([mentions[index] for index in members]) for members in partition.groups().values()
    ]
    return tuple(
        sorted(
            groups,
            key=lambda g: (-len(g.articles), g.mentions[0].article, g.mentions[0].figure.span),
        )
    )


def _edges(
    mentions: Sequence[FigureMention], links: Mapping[tuple[int, int], Sequence[Link]]
) -> Iterator[tuple[int, int, int]]:
    """Pairs of mentions that may count the same thing: ``(strength, i, j)``, 0 strongest."""
    by_sentence: dict[tuple[int, Span], list[int]] = {}
    for index, mention in enumerate(mentions):
        by_sentence.setdefault((mention.article, mention.figure.sentence), []).append(index)
    linked: set[tuple[int, int]] = set()
    for (a, b), pair in links.items():
        for link in pair:
            for i in by_sentence.get((a, link.a), ()):
                for j in by_sentence.get((b, link.b), ()):
                    linked.add((i, j))
                    strength = _linked_strength(mentions[i].figure, mentions[j].figure)
                    if strength is not None:
                        yield strength, i, j
    buckets: dict[tuple[str, str], list[int]] = {}
    for index, mention in enumerate(mentions):
        figure = mention.figure
        if figure.action_key:
            buckets.setdefault((figure.unit, "!" + figure.action_key), []).append(index)
        for key in figure.specific_keys:
            buckets.setdefault((figure.unit, key), []).append(index)
    # Without a link, only sources that share some sentence tell one story: two
    # months, or five locations, in unrelated articles of a folder are no one fact.
    related = {pair for pair, found in links.items() if found}
    for (_, key), indices in buckets.items():
        if len(indices) > _BUCKET_CAP:
            continue
        for i, j in combinations(indices, 2):
            a, b = mentions[i].article, mentions[j].article
            if a == b or (i, j) in linked or (min(a, b), max(a, b)) not in related:
                continue
            fi, fj = mentions[i].figure, mentions[j].figure
            if not _close(fi, fj) or not _compatible(fi, fj):
                continue
            if key.startswith("!") or _same_value(fi, fj):
                yield 2, i, j


def _linked_strength(f: Figure, g: Figure) -> int | None:
    """How strongly two figures of linked sentences count the same thing, or None."""
    if f.unit != g.unit or not _close(f, g):
        return None
    if _same_value(f, g):
        return 0
    shared = ((f.thing_keys | {f.action_key}) & (g.thing_keys | {g.action_key})) - {""}
    # Linked sentences may word the action differently (arrested, detained): only
    # what they count must not conflict.
    return 1 if shared and _things_agree(f, g) else None


def _close(f: Figure, g: Figure) -> bool:
    """Same unit, and values within `SPREAD` of each other (ranges for ``hundreds``)."""
    if f.unit != g.unit:
        return False
    top, bottom = max(f.value, g.value), min(f.high, g.high)
    return top <= SPREAD * bottom if bottom > 0 else top == bottom


def _same_value(f: Figure, g: Figure) -> bool:
    return f.unit == g.unit and f.value == g.value and f.high == g.high


def _compatible(f: Figure, g: Figure) -> bool:
    """Neither what they count nor what was done to it conflicts."""
    if f.action_key and g.action_key and f.action_key != g.action_key:
        return not f.specific_keys.isdisjoint(g.specific_keys)
    return _things_agree(f, g)


def _things_agree(f: Figure, g: Figure) -> bool:
    """What they count does not conflict: one says nothing specific, or they share a word."""
    a, b = f.specific_keys, g.specific_keys
    return not a or not b or not a.isdisjoint(b)


def _group(mentions: list[FigureMention]) -> FigureGroup:
    """A group from its mentions: label, unit and distinct values."""
    mentions.sort(key=lambda mention: (mention.article, mention.figure.span))
    figures = [mention.figure for mention in mentions]
    values: dict[tuple[float, float], tuple[str, list[str], list[int]]] = {}
    for mention in mentions:
        figure = mention.figure
        _, written, articles = values.setdefault(
            (figure.value, figure.high), (figure.normal, [], [])
        )
        if figure.text not in written:
            written.append(figure.text)
        if mention.article not in articles:
            articles.append(mention.article)
    return FigureGroup(
        tuple(mentions),
        _label(figures),
        figures[0].unit,
        tuple(
            FigureValue(normal, tuple(written), tuple(articles))
            for _, (normal, written, articles) in sorted(values.items())
        ),
    )


def _label(figures: Sequence[Figure]) -> str:
    """The thing most figures count, then the action done to it by at least half of them."""
    things = Counter(figure.thing for figure in figures if figure.thing)
    specific = Counter(figure.thing for figure in figures if figure.thing and figure.specific_keys)
    thing = _most_common(specific or things) if things else ""
    actions = Counter(figure.action_key for figure in figures if figure.action_key)
    action = ""
    if actions and 2 * max(actions.values()) >= len(figures):
        key = _most_common(actions)
        forms = [f.action for f in figures if f.action_key == key]
        action = next((form for form in forms if form.endswith("ed")), forms[0])
    return " ".join(part for part in (thing, action) if part)


def _most_common(counts: Counter[str]) -> str:
    """The most frequent entry; ties go to the first seen."""
    best = max(counts.values())
    return next(item for item, count in counts.items() if count == best)
