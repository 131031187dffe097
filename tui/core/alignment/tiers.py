"""How two sentences are related: the tiers, the measures they are decided on, the thresholds.

Every link says how literally its two sentences share content (`TIERS`, most to
least literal): ``copy`` (the same sentence up to style or a word or two), ``edit``
(the same sentence with clauses or several words changed), ``quote`` (the same
direct quotation, possibly translated differently) and ``paraphrase`` (the same
specific statement in other words).

A pair of sentences is measured once (`measure`): its weighted word overlap, its
best clause overlap, its character similarity, its shared quotation and whether it
shares a figure. `literal_tier` and `loose_tier` turn the measures into a tier.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal, NamedTuple

from rapidfuzz import fuzz

from tui.core.alignment.units import Unit, Weights

Tier = Literal["copy", "edit", "quote", "paraphrase"]
"""How literally two linked sentences share content."""
TIERS: tuple[Tier, ...] = ("copy", "edit", "quote", "paraphrase")
"""Link tiers, most to least literal."""
LITERAL_TIERS: tuple[Tier, ...] = ("copy", "edit")
"""The tiers where the wording itself is shared."""

COPY = 0.86
"""Normalised character similarity from which a pair is the same sentence."""
EDIT = 0.62
"""Similarity from which a pair is one sentence edited (with enough shared content)."""
EDIT_OVERLAP = 0.45
"""Weighted overlap an edit needs besides its similarity."""
QUOTE = 0.45
"""Share of the shorter quotation's weight found in the other quotation."""
QUOTE_WEIGHT = 2.0
"""Weight the shared words of two quotations need: more than one common name."""
QUOTE_CONTEXT = 0.15
"""Sentence overlap a short quotation (a quoted term) needs to count."""
STATEMENT_WORDS = 4
"""Words a quotation needs to be a statement rather than a quoted term."""
PARAPHRASE = 0.25
"""Weighted overlap (cosine) from which two sentences state the same thing."""
CLAUSE_FACTOR = 0.5
"""How much a clause's overlap counts against the whole sentences'."""
CLAUSE_KEY = 2.0
"""Weight the rarest shared word of two clauses needs."""
CLAUSE_SHARED = 2
"""Words two clauses must share."""
NUMBER_BONUS = 0.12
"""Added to a paraphrase's score when the two sentences share a specific figure."""
CANDIDATE_FLOOR = 0.12
"""Weighted overlap (cosine) below which two sentences are never linked."""


class Measures(NamedTuple):
    """Sentence ``i`` of A and ``j`` of B, with what the tiers are decided on.

    A named tuple: there are tens of thousands, and a tuple is quicker to build than
    a frozen dataclass.
    """

    i: int
    """Index of A's unit."""
    j: int
    """Index of B's unit."""
    overlap: float
    """Weighted overlap (cosine) of the two sentences' content keys."""
    clause: float
    """Best weighted overlap of one clause of each (0 when the wording settles it)."""
    ratio: float
    """Character similarity of the normalised sentences, 0..1."""
    quote: float
    """Share of the shorter shared quotation the other carries (0 without quotes)."""
    number: bool
    """True when both state the same specific figure."""


def measure(i: int, ua: Unit, j: int, ub: Unit, overlap: float, weigh: Weights) -> Measures:
    """Everything the tiers are decided on for sentences ``i`` and ``j`` of ``overlap``."""
    ratio = similarity(ua, ub)
    literal = ratio >= EDIT and overlap >= EDIT_OVERLAP
    return Measures(
        i,
        j,
        overlap,
        0.0 if literal else clause_score(ua.clauses, ub.clauses, weigh),
        ratio,
        quote_score(ua, ub, weigh, overlap),
        not ua.figures.isdisjoint(ub.figures),
    )


def similarity(ua: Unit, ub: Unit) -> float:
    """Character similarity of two sentences with style differences removed, 0..1."""
    return fuzz.ratio(ua.norm, ub.norm) / 100


def literal_tier(measures: Measures) -> Tier | None:
    """``copy`` or ``edit`` when the wording itself is shared, else ``None``."""
    if measures.ratio >= COPY:
        return "copy"
    if measures.ratio >= EDIT and measures.overlap >= EDIT_OVERLAP:
        return "edit"
    return None


def loose_tier(measures: Measures) -> tuple[Tier | None, float]:
    """``quote`` or ``paraphrase`` with its score, or ``(None, 0)``."""
    if measures.quote >= QUOTE:
        return "quote", measures.quote
    score = max(measures.overlap, CLAUSE_FACTOR * measures.clause)
    score += NUMBER_BONUS if measures.number else 0.0
    if score >= PARAPHRASE:
        return "paraphrase", score
    return None, 0.0


def qualifies(measures: Measures) -> bool:
    """True when the pair makes a tier on its own, before pairs compete."""
    return literal_tier(measures) is not None or loose_tier(measures)[0] is not None


def clause_score(
    clauses_a: Sequence[frozenset[str]], clauses_b: Sequence[frozenset[str]], weigh: Weights
) -> float:
    """The best weighted overlap between one clause of each sentence.

    Two long sentences often share one claim among several; the clause pair that
    states it overlaps far more than the whole sentences do. A shared name alone
    is not enough: the clauses must share a detail that weighs.
    """
    best = 0.0
    for ca in clauses_a:
        for cb in clauses_b:
            shared = ca & cb
            if len(shared) < CLAUSE_SHARED or max(map(weigh.key, shared)) < CLAUSE_KEY:
                continue
            best = max(best, weigh(shared) / math.sqrt(weigh(ca) * weigh(cb)))
    return best


def quote_score(ua: Unit, ub: Unit, weigh: Weights, context: float) -> float:
    """How much of the shorter of two quotations the other one carries (0 without quotes).

    At least one of the two must be a statement, not a quoted term (``"union
    state"``), and the shared words must weigh enough to be more than a name.
    """
    best = 0.0
    for qa in ua.quotes:
        for qb in ub.quotes:
            if max(qa.words, qb.words) < STATEMENT_WORDS:
                continue
            if min(qa.words, qb.words) < STATEMENT_WORDS and context < QUOTE_CONTEXT:
                continue
            shared = qa.keys & qb.keys
            weight = weigh(shared)
            if not shared or weight < QUOTE_WEIGHT:
                continue
            smaller = min(weigh(qa.keys), weigh(qb.keys))
            best = max(best, weight / smaller)
    return best


def rank(tier: Tier) -> int:
    """0 for the most literal tier, 3 for the least."""
    return TIERS.index(tier)
