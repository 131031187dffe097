"""A comparison of two articles as the compare screen navigates it.

`compare` aligns two articles once; the screen then filters tiers, steps through
pairs, swaps sides and finds the link under a click without aligning again. The
summary is `tui.core.reports.comparison.summarise`, so the screen and ``storyreader compare``
always print the same numbers.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from tui.core.alignment.align import Link, align
from tui.core.language.sentences import split_sentences
from tui.core.reading.articles import Article
from tui.core.reports.comparison import summarise
from tui.core.spans import Span


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
    """Sentences of A that take part in no link."""
    only_b: tuple[Span, ...]
    """Sentences of B that take part in no link."""
    summary: dict[str, Any]
    """Per side: sentences and characters shared, by tier (see `summarise`)."""


def _unlinked(text: str, linked: Collection[Span]) -> tuple[Span, ...]:
    """Sentences of ``text`` that overlap none of the ``linked`` spans.

    The linked spans are merged into disjoint runs once, so each sentence is checked
    by bisection: a megabyte article with thousands of links takes milliseconds.
    """
    runs: list[list[int]] = []
    for span in sorted(linked):
        if runs and span.start <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], span.end)
        else:
            runs.append([span.start, span.end])
    ends = [end for _, end in runs]
    unlinked = []
    for sentence in split_sentences(text):
        position = bisect_right(ends, sentence.start)
        if position == len(runs) or runs[position][0] >= sentence.end:
            unlinked.append(sentence)
    return tuple(unlinked)


def compare(a: Article, b: Article) -> Comparison:
    """Align ``a`` with ``b`` (as ``storyreader compare`` does) and keep what the screen needs."""
    links = tuple(align(a.text, b.text))
    return Comparison(
        a=a,
        b=b,
        links=links,
        only_a=_unlinked(a.text, [link.a for link in links]),
        only_b=_unlinked(b.text, [link.b for link in links]),
        summary=summarise(a.text, b.text, links),
    )


def swapped(comparison: Comparison) -> Comparison:
    """The same comparison seen from the other side (B on the left)."""
    links = sorted(
        (link.swapped() for link in comparison.links),
        key=lambda link: (link.a.start, link.b.start),
    )
    return Comparison(
        a=comparison.b,
        b=comparison.a,
        links=tuple(links),
        only_a=comparison.only_b,
        only_b=comparison.only_a,
        summary={"a": comparison.summary["b"], "b": comparison.summary["a"]},
    )


def visible(links: Sequence[Link], tiers: Collection[str]) -> list[Link]:
    """The links of the tiers switched on, in order."""
    return [link for link in links if link.tier in tiers]


def link_at(links: Sequence[Link], side: str, offset: int, prefer: int | None = None) -> int | None:
    """Index of a link whose span on ``side`` (``"a"`` or ``"b"``) holds ``offset``.

    When several do (one sentence linked twice), the one after ``prefer`` wins, so
    clicking the same sentence again cycles through its links.
    """
    hits = [
        index
        for index, link in enumerate(links)
        if (span := getattr(link, side)).start <= offset < span.end
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
