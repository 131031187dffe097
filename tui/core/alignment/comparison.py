"""The comparison of two articles, as every view and report reads it.

`compare_units` aligns two articles' units with a story's aligner and keeps what
the views need: the links, each side's sentences no link touches, and a typed
`Summary` of how much each side shares, by tier. The compare screen, the pick
list, the overview's matrix and the reports all read these numbers, so they agree.
The compare screen then filters tiers, steps through pairs, swaps sides and finds
the link under a click without aligning again.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from tui.core.alignment.align import Link, StoryAligner
from tui.core.alignment.tiers import TIERS, Tier, rank
from tui.core.alignment.units import ArticleUnits
from tui.core.reading.articles import Article
from tui.core.spans import Span

Side = Literal["a", "b"]
"""``"a"`` or ``"b"``: one side of a comparison."""


@dataclass(frozen=True, slots=True)
class TierShare:
    """What one tier's links cover on one side."""

    sentences: int
    """Sentences whose most literal link is of this tier."""
    chars: int
    """Characters those sentences cover."""


@dataclass(frozen=True, slots=True)
class SideSummary:
    """How much of one article the other carries.

    In the overview's matrix this is a cell: what the column article carries of the
    row article.
    """

    sentences: int
    """Its linkable sentences (prose and headlines with content words): the denominator."""
    shared: int
    """Of those, the sentences in at least one link."""
    chars: int
    """Characters of its text."""
    shared_chars: int
    """Characters of the shared sentences (each counted once)."""
    by_tier: tuple[TierShare, ...]
    """Per tier, in `TIERS` order; each sentence counted once, at its most literal tier."""

    @property
    def share(self) -> float:
        """``shared / sentences``; 0 for an article without linkable sentences."""
        return self.shared / self.sentences if self.sentences else 0.0

    @property
    def percent(self) -> int:
        """`share` as a rounded percentage, the number a person reads."""
        return round(100 * self.share)

    def tier(self, tier: Tier) -> TierShare:
        """What ``tier`` covers."""
        return self.by_tier[rank(tier)]


@dataclass(frozen=True, slots=True)
class Summary:
    """Both sides of a comparison."""

    a: SideSummary
    """What B carries of A."""
    b: SideSummary
    """What A carries of B."""

    def side(self, side: Side) -> SideSummary:
        """The summary of ``side``."""
        return self.a if side == "a" else self.b


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two articles, the links between their sentences, and what only one side has."""

    a: Article
    """The left (first) article."""
    b: Article
    """The right (second) article."""
    links: tuple[Link, ...]
    """Every link, sorted by position in A then in B."""
    only_a: tuple[Span, ...]
    """Linkable sentences of A that take part in no link."""
    only_b: tuple[Span, ...]
    """Linkable sentences of B that take part in no link."""
    summary: Summary
    """How much each side shares, by tier."""
    engine: str = "lexical"
    """Which engine linked them (`StoryAligner.engine`): ``lexical`` or ``semantic (...)``."""
    engine_note: str | None = None
    """Why the engine is not the one asked for (the semantic extra missing), else ``None``."""

    def swapped(self) -> Comparison:
        """The same comparison seen from the other side (B on the left)."""
        links = sorted(
            (link.swapped() for link in self.links), key=lambda link: (link.a.start, link.b.start)
        )
        return Comparison(
            a=self.b,
            b=self.a,
            links=tuple(links),
            only_a=self.only_b,
            only_b=self.only_a,
            summary=Summary(self.summary.b, self.summary.a),
            engine=self.engine,
            engine_note=self.engine_note,
        )


def compare_units(
    a: Article, units_a: ArticleUnits, b: Article, units_b: ArticleUnits, aligner: StoryAligner
) -> Comparison:
    """Align two articles' units and keep what the views need."""
    links = tuple(aligner.align(units_a, units_b))
    linkable_a = [unit.span for unit in units_a.linkable_units]
    linkable_b = [unit.span for unit in units_b.linkable_units]
    linked_a = {link.a for link in links}
    linked_b = {link.b for link in links}
    return Comparison(
        a=a,
        b=b,
        links=links,
        only_a=tuple(span for span in linkable_a if span not in linked_a),
        only_b=tuple(span for span in linkable_b if span not in linked_b),
        summary=Summary(
            side_summary(
                len(units_a.text), len(linkable_a), [(link.a, link.tier) for link in links]
            ),
            side_summary(
                len(units_b.text), len(linkable_b), [(link.b, link.tier) for link in links]
            ),
        ),
        engine=aligner.engine,
        engine_note=aligner.engine_note,
    )


def side_summary(chars: int, sentences: int, linked: Sequence[tuple[Span, Tier]]) -> SideSummary:
    """One side's summary from its linked spans and their tiers."""
    tier_of: dict[Span, int] = {}
    for span, tier in linked:
        tier_of[span] = min(tier_of.get(span, len(TIERS)), rank(tier))
    by_tier = tuple(
        TierShare(
            sum(1 for found in tier_of.values() if found == number),
            covered([span for span, found in tier_of.items() if found == number]),
        )
        for number in range(len(TIERS))
    )
    return SideSummary(sentences, len(tier_of), chars, covered(list(tier_of)), by_tier)


def covered(spans: Sequence[Span]) -> int:
    """Characters covered by the union of ``spans``."""
    total = 0
    reach = 0
    for start, end in sorted(spans):
        start = max(start, reach)
        if end > start:
            total += end - start
            reach = end
    return total


def empty_side(units: ArticleUnits) -> SideSummary:
    """The summary of an article another one shares nothing with."""
    zero = TierShare(0, 0)
    return SideSummary(len(units.linkable_units), 0, len(units.text), 0, (zero,) * len(TIERS))


def visible(links: Sequence[Link], tiers: Collection[Tier]) -> list[Link]:
    """The links of the tiers switched on, in order."""
    return [link for link in links if link.tier in tiers]


def link_at(
    links: Sequence[Link], side: Side, offset: int, prefer: int | None = None
) -> int | None:
    """Index of a link whose span on ``side`` holds ``offset``.

    When several do (one sentence linked twice), the one after ``prefer`` wins, so
    clicking the same sentence again cycles through its links.
    """
    hits = [
        index
        for index, link in enumerate(links)
        if (span := link.a if side == "a" else link.b).start <= offset < span.end
    ]
    if not hits:
        return None
    if prefer is not None and prefer in hits:
        return hits[(hits.index(prefer) + 1) % len(hits)]
    return hits[0]


def next_link(links: Sequence[Link], current: int | None, step: int) -> int | None:
    """The link ``step`` places after ``current`` (wrapping), or the first/last one."""
    if not links:
        return None
    if current is None:
        return 0 if step > 0 else len(links) - 1
    return (current + step) % len(links)


def pair_text(comparison: Comparison, link: Link) -> str:
    """The two sentences of a pair, each under its outlet, for the clipboard."""
    return (
        f"{comparison.a.outlet} ({comparison.a.name}):\n{link.a.slice(comparison.a.text)}\n\n"
        f"{comparison.b.outlet} ({comparison.b.name}):\n{link.b.slice(comparison.b.text)}\n"
        f"[{link.tier}, score {link.score:.2f}]"
    )
