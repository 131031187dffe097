"""How two sentences are related: the tiers, the measures they are decided on, the thresholds.

Every link says how literally its two sentences share content (`TIERS`, most to
least literal): ``copy`` (the same sentence up to style or a word or two), ``edit``
(the same sentence with clauses or several words changed), ``quote`` (the same
direct quotation, possibly translated differently) and ``paraphrase`` (the same
specific statement in other words).

A pair of sentences is measured once (`measure`): its weighted word overlap (with
and without its figures), how much of the shorter sentence the longer one contains,
its best clause overlap, its character similarity, its shared quotation and whether
it shares a figure. `literal_tier` and `loose_tier` turn the measures into a tier,
and `confidence` says how sure a link of that tier and score is.

A short quotation (fewer than `STATEMENT_WORDS` words) counts only beside a
statement or when both sentences quote the very same phrase of `QUOTE_SAME_WORDS`
words or more (``"very good news"``); a quoted term of two words (``"union state"``)
names something and is no quote of anyone. Two quotations sharing less than `QUOTE`
of their words are still one quote when both sentences name the same speaker
(`named_alike`), from `QUOTE_SAME_SPEAKER` up: a statement translated twice. The
same words given to two people (`named_apart`) are two statements, no quote.

The constants below the tiers' own were chosen on the bundled story and the
development story by ``bench/tune.py``, which anyone can run again. The second round
(issue 18) kept them but for `QUOTE_CONTEXT` (0.15 to 0.1: a quoted phrase needs less
sentence context; one more dev-story quote, precision unchanged on both stories) and
added `SOFT_FACTOR` for the semantic signal's soft containment. The third added
`QUOTE_SAME_SPEAKER` with `SAME_SPEAKER_KEYS` (one more dev-story quote with either
engine, precision up, the seeds unchanged; 0.15 to 0.35 give the same links, 0.4 loses
it). The fourth added `OPENING`: a headline carried by several sentences of the other
article's opening links to each, not only to the one carrying it best (paraphrase
recall up with the lexical engine on both stories and with the semantic one on the
development story, precision up but for the semantic engine's seeds, 0.855 to 0.832).
``bench/tune.py``'s objective, which counts precision as much as recall, prefers 4 by
a hair (semantic 2.048 against 2.043); 4 leaves the development story's semantic
paraphrase at 0.395 @ 0.572, under the issue's 0.40, and 12 costs the lexical engine
seeds precision, so 8.

Recall of the quotes the development story still misses needs meaning the engines do
not have: two translations of one statement (``will be discarded to ensure the
transparency`` / ``will shut down ... to prove the vow``), or a headline's four quoted
words against a differently worded quote.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Literal, NamedTuple

from rapidfuzz import fuzz

from tui.core.alignment.units import Quotation, Unit, Weights
from tui.core.language.sentences import TITLE
from tui.core.language.speakers import find_speaker
from tui.core.language.tokens import stem
from tui.core.spans import Span

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
QUOTE_SAME_SPEAKER = 0.3
"""The share that makes two quotations one when both sentences name the same speaker:
one statement translated twice shares fewer words (``has done its job`` / ``has
completed its mission``, both said by Kim)."""
SAME_SPEAKER_KEYS = 2
"""Content words two quotations of one speaker must share for that: one rare word in
common (``know``) is no sign of one statement."""
QUOTE_WEIGHT = 2.0
"""Weight the shared words of two quotations need: more than one common name."""
QUOTE_CONTEXT = 0.1
"""Sentence overlap a short quotation (a quoted term) needs to count."""
STATEMENT_WORDS = 4
"""Words a quotation needs to be a statement rather than a quoted term."""
QUOTE_SAME_WORDS = 3
"""Words two quotations shorter than a statement need to count, when they are the same words."""
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
CONTENT_MIN = 0.04
"""Overlap without figures a paraphrase needs: a shared figure or name alone is no evidence."""
CONTAIN_FACTOR = 0.7
"""How much the shorter sentence's containment in the longer counts against the overlap."""
SHORT_KEYS = 10
"""Content words from which a sentence is no longer short (a headline has six to eight)."""
HEADLINES_ONLY = True
"""Containment counts only for a headline against a longer sentence."""
LONG_RATIO = 1.5
"""How many times the short sentence's content words the long one needs for containment."""
SOFT_FACTOR = 0.7
"""How much soft containment (the semantic signal's) counts against the overlap."""
OPENING = 8
"""Linkable sentences an article opens with (headline, deck, lede paragraphs): a headline
contained in a sentence of the other article's opening links to each such sentence
(`tui.core.alignment.align`), not only to the one that contains it best."""
CONFIDENT = 0.45
"""Paraphrase score from which a link is as sure as a quote (confidence 1)."""
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
    """Best weighted overlap of one clause of each (0 when it cannot count: `measure`)."""
    ratio: float
    """Character similarity of the normalised sentences, 0..1."""
    quote: float
    """Share of the shorter shared quotation the other carries (0 without quotes)."""
    number: bool
    """True when both state the same specific figure."""
    content: float = 0.0
    """`overlap` without the figures: what the two share besides numbers and currencies."""
    contain: float = 0.0
    """Share of a short sentence's weight (figures aside) a much longer one carries, else 0."""
    semantic: float = 0.0
    """What the semantic signal adds to the paraphrase score (0 for the lexical engine)."""
    soft: float = 0.0
    """Soft containment of the shorter sentence in the longer, by word meaning (semantic only)."""
    one_speaker: bool = False
    """True when both name the same speaker (asked only of quotations sharing too little
    for a quote otherwise, from `QUOTE_SAME_SPEAKER` up)."""

    @property
    def figure_carried(self) -> bool:
        """True when a shared figure weighs more in the overlap than all other shared words."""
        return self.number and self.overlap - self.content > self.content


def measure(
    i: int,
    ua: Unit,
    j: int,
    ub: Unit,
    overlap: float,
    weigh: Weights,
    mass: float,
    shared_keys: frozenset[str] | None = None,
) -> Measures:
    """Everything the tiers are decided on for sentences ``i`` and ``j`` of ``overlap``.

    ``mass`` is ``sqrt(weigh(ua.keys) * weigh(ub.keys))``, the overlap's denominator;
    ``shared_keys`` is ``ua.keys & ub.keys`` when the caller has it already.
    """
    ratio = similarity(ua, ub)
    literal = ratio >= EDIT and overlap >= EDIT_OVERLAP
    shared = ua.words & ub.words
    content = weigh(shared) / mass if shared else 0.0
    number = not ua.figures.isdisjoint(ub.figures)
    if number and not literal and not attributed_alike(ua, ub):
        overlap, number = content, False  # the same amount in different mouths
    quote = quote_score(ua, ub, weigh, overlap)
    if quote >= QUOTE_SAME_SPEAKER and named_apart(ua, ub):
        quote = 0.0  # the same words in two people's mouths: two statements
    one_speaker = (
        QUOTE_SAME_SPEAKER <= quote < QUOTE
        and _quotes_share(ua, ub, SAME_SPEAKER_KEYS)
        and named_alike(ua, ub)
    )
    contain = containment(ua, ub, shared, weigh)
    # The clause overlap counts at half its value, and only for a paraphrase: it
    # decides nothing when the wording, a quotation, too little content or a larger
    # overlap settles the pair (a clause pair's overlap is at most 1).
    settled = (
        literal
        or quote >= QUOTE
        or one_speaker
        or content < CONTENT_MIN
        or max(overlap, CONTAIN_FACTOR * contain) > CLAUSE_FACTOR * _CLAUSE_MOST
    )
    if settled:
        clause = 0.0
    else:
        keys = ua.keys & ub.keys if shared_keys is None else shared_keys
        clause = clause_score(ua.clauses, ub.clauses, weigh, keys)
    return Measures(
        i, j, overlap, clause, ratio, quote, number, content, contain, one_speaker=one_speaker
    )


_CLAUSE_MOST = 1 + 1e-9
"""A clause score's bound, with room for a sum's last bits."""


def attributed_alike(ua: Unit, ub: Unit) -> bool:
    """True unless the two sentences put their statement in different mouths.

    A shared figure is evidence of one statement only when both tell it alike:
    ``She later said Lukashenko should be liable for Moscow's $1.5 billion loan`` is
    not ``Putin promised a $1.5 billion loan``. A speaker given only by a pronoun is
    someone named earlier, so never the other sentence's; a named speaker must be
    named in the other sentence too.
    """
    speaker_a, speaker_b = speaker(ua), speaker(ub)
    return not (speaker_a or speaker_b) or _each_names_the_other(speaker_a, ua, speaker_b, ub)


def _each_names_the_other(speaker_a: str, ua: Unit, speaker_b: str, ub: Unit) -> bool:
    """True when neither speaker is a pronoun and each sentence names the other's speaker."""
    if speaker_a.islower() or speaker_b.islower():
        return False
    return _named_in(speaker_a, ub) and _named_in(speaker_b, ua)


def _quotes_share(ua: Unit, ub: Unit, count: int) -> bool:
    """True when a quotation of each sentence shares ``count`` content words or more."""
    return any(len(qa.keys & qb.keys) >= count for qa in ua.quotes for qb in ub.quotes)


def named_alike(ua: Unit, ub: Unit) -> bool:
    """True when both sentences name their speaker, and each names the other's.

    ``"The nuclear test site has done its job," Mr. Kim said`` and ``..., Kim said,
    adding "the northern nuclear test site has completed its mission."``: one
    speaker. A pronoun (``he said``) or no speaker at all is not enough.
    """
    speaker_a, speaker_b = speaker(ua), speaker(ub)
    return bool(speaker_a and speaker_b) and _each_names_the_other(speaker_a, ua, speaker_b, ub)


def named_apart(ua: Unit, ub: Unit) -> bool:
    """True when both sentences name their speaker, and the two are different people.

    ``"The connection was very good," Mr. Youn said`` and ``"This is very good news,"
    Trump tweeted`` are two statements, however alike their words. A pronoun or no
    speaker on either side says nothing either way.
    """
    speaker_a, speaker_b = speaker(ua), speaker(ub)
    if not (speaker_a and speaker_b) or speaker_a.islower() or speaker_b.islower():
        return False
    if not set(speaker_a.split()).isdisjoint(speaker_b.split()):
        return False  # one person named in two ways: ``Kim Jong Un`` and ``Mr. Kim``
    return not _each_names_the_other(speaker_a, ua, speaker_b, ub)


def speaker(unit: Unit) -> str:
    """Who the sentence says is speaking (`tui.core.language.speakers`), or ``""``."""
    shift = unit.span.start
    return _speaker(
        unit.text, tuple((q.span.start - shift, q.span.end - shift) for q in unit.quotes)
    )


@lru_cache(maxsize=8192)
def _speaker(text: str, quotes: tuple[tuple[int, int], ...]) -> str:
    """`speaker` of a sentence and its quotations' places in it, found once.

    A story's aligner asks it of the same sentence for each pair it is measured in.
    """
    return find_speaker(text, Span(0, len(text)), [Span(*quote) for quote in quotes])


def _named_in(name: str, unit: Unit) -> bool:
    """True when ``name`` is empty or its last word is one of the sentence's keys."""
    return not name or stem(name.split()[-1]) in unit.keys


def containment(ua: Unit, ub: Unit, shared: frozenset[str], weigh: Weights) -> float:
    """How much of the shorter sentence's weight the longer carries, when one is far longer.

    A headline of seven words against a lede of forty that says the same and more:
    their overlap is diluted by the lede's extra words, but the headline is almost
    all in the lede. Directional, so it is only taken for such short-to-long pairs.
    """
    sides = short_and_long(ua, ub)
    if not shared or sides is None:
        return 0.0
    return weigh(shared) / weigh(sides[0].words)


def short_and_long(ua: Unit, ub: Unit) -> tuple[Unit, Unit] | None:
    """The short sentence and the far longer one, when containment is taken; else ``None``."""
    short, long = (ua, ub) if len(ua.words) <= len(ub.words) else (ub, ua)
    if not is_short(short) or len(long.words) < LONG_RATIO * len(short.words):
        return None
    return short, long


def is_short(unit: Unit) -> bool:
    """True for a sentence whose containment in a longer one counts: a headline, by default."""
    return len(unit.words) <= SHORT_KEYS and (unit.kind == TITLE or not HEADLINES_ONLY)


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
    """``quote`` or ``paraphrase`` with its score, or ``(None, 0)``.

    A paraphrase needs shared words besides its figures (`CONTENT_MIN`): two
    sentences that only name the same amount are often about different things
    (a loan promised, and a loan someone else condemns).
    """
    if measures.quote >= (QUOTE_SAME_SPEAKER if measures.one_speaker else QUOTE):
        return "quote", measures.quote
    if measures.content < CONTENT_MIN:
        return None, 0.0
    score = paraphrase_score(measures)
    if score >= PARAPHRASE:
        return "paraphrase", score
    return None, 0.0


def paraphrase_score(measures: Measures) -> float:
    """The paraphrase score: the strongest lexical evidence, a shared figure's bonus, semantics."""
    score = max(
        measures.overlap,
        CLAUSE_FACTOR * measures.clause,
        CONTAIN_FACTOR * measures.contain,
        SOFT_FACTOR * measures.soft,
    )
    return score + (NUMBER_BONUS if measures.number else 0.0) + measures.semantic


def contained_only(measures: Measures) -> bool:
    """True when containment (exact or soft) alone lifts the pair over the paraphrase threshold."""
    lexical = max(measures.overlap, CLAUSE_FACTOR * measures.clause)
    bonus = (NUMBER_BONUS if measures.number else 0.0) + measures.semantic
    return lexical + bonus < PARAPHRASE <= paraphrase_score(measures)


def confidence(tier: Tier, score: float) -> float:
    """How sure a link is, 0..1: what the matrix and the compare screen can show or filter on.

    Copies and edits share their wording and quotes their quotation, so their
    tier is as sure as their score; a paraphrase rises from 0.5 at the threshold
    (on the tuning stories, about half of the links there are right) to 1 at
    `CONFIDENT`, where they are as precise as quotes.
    """
    if tier != "paraphrase":
        return 1.0 if tier in LITERAL_TIERS else min(score, 1.0)
    above = min(max((score - PARAPHRASE) / (CONFIDENT - PARAPHRASE), 0.0), 1.0)
    return round(0.5 + 0.5 * above, 3)


def qualifies(measures: Measures) -> bool:
    """True when the pair makes a tier on its own, before pairs compete."""
    return literal_tier(measures) is not None or loose_tier(measures)[0] is not None


def clause_score(
    clauses_a: Sequence[frozenset[str]],
    clauses_b: Sequence[frozenset[str]],
    weigh: Weights,
    shared_keys: frozenset[str] | None = None,
) -> float:
    """The best weighted overlap between one clause of each sentence.

    Two long sentences often share one claim among several; the clause pair that
    states it overlaps far more than the whole sentences do. A shared name alone
    is not enough: the clauses must share a detail that weighs.

    ``shared_keys``, the keys the two sentences share (every clause's keys are among
    its sentence's), lets most pairs be settled without pairing their clauses: what
    two clauses share is among them.
    """
    if shared_keys is not None:
        if len(shared_keys) < CLAUSE_SHARED:
            return 0.0
        # What two clauses share weighs enough only with one of these among it: a
        # clause without one, or without two shared keys, pairs with no clause.
        key = weigh.key
        heavy = {shared for shared in shared_keys if key(shared) >= CLAUSE_KEY}
        if not heavy:
            return 0.0
        pairs_a = [
            (ca, inside)
            for ca in clauses_a
            if len(inside := ca & shared_keys) >= CLAUSE_SHARED and not inside.isdisjoint(heavy)
        ]
        pairs_b = [
            (cb, inside)
            for cb in clauses_b
            if len(inside := cb & shared_keys) >= CLAUSE_SHARED and not inside.isdisjoint(heavy)
        ]
        return _best_clause_pair(pairs_a, pairs_b, weigh, heavy.isdisjoint)
    pairs_a = [(ca, ca) for ca in clauses_a if len(ca) >= CLAUSE_SHARED]
    pairs_b = [(cb, cb) for cb in clauses_b if len(cb) >= CLAUSE_SHARED]
    return _best_clause_pair(
        pairs_a, pairs_b, weigh, lambda shared: max(map(weigh.key, shared)) < CLAUSE_KEY
    )


def _best_clause_pair(
    pairs_a: Sequence[tuple[frozenset[str], frozenset[str]]],
    pairs_b: Sequence[tuple[frozenset[str], frozenset[str]]],
    weigh: Weights,
    light: Callable[[frozenset[str]], bool],
) -> float:
    """The best clause overlap of `clause_score`, over each side's (clause, its candidates).

    ``light`` tells a shared set of keys that weighs too little (no key of
    `CLAUSE_KEY`'s weight among it).
    """
    best = 0.0
    weights_b: dict[int, float] = {}
    for ca, in_a in pairs_a:
        weight_a = 0.0
        for k, (cb, in_b) in enumerate(pairs_b):
            shared = in_a & in_b
            if len(shared) < CLAUSE_SHARED or light(shared):
                continue
            weight_a = weight_a or weigh(ca)
            weight_b = weights_b.get(k)
            if weight_b is None:
                weight_b = weights_b[k] = weigh(cb)
            # Weighed as ``ca & cb`` itself: a sum in another set order could differ in
            # its last bit, and scores must not move.
            best = max(best, weigh(ca & cb) / math.sqrt(weight_a * weight_b))
    return best


def quote_score(ua: Unit, ub: Unit, weigh: Weights, context: float) -> float:
    """How much of the shorter of two quotations the other one carries (0 without quotes).

    At least one of the two must be a statement, not a quoted term (``"union
    state"``), and the shared words must weigh enough to be more than a name.
    """
    best = 0.0
    for qa in ua.quotes:
        for qb in ub.quotes:
            if min(qa.words, qb.words) < STATEMENT_WORDS and context < QUOTE_CONTEXT:
                continue
            if max(qa.words, qb.words) < STATEMENT_WORDS and not _same_words(qa, qb):
                continue
            shared = qa.keys & qb.keys
            weight = weigh(shared)
            if not shared or weight < QUOTE_WEIGHT:
                continue
            smaller = min(weigh(qa.keys), weigh(qb.keys))
            best = max(best, weight / smaller)
    return best


def _same_words(qa: Quotation, qb: Quotation) -> bool:
    """True when two short quotations are the same phrase (``"very good news"`` twice).

    A phrase of a few words quoted word for word on both sides is what someone said;
    a quoted term of two words (``"union state"``) is only a name for something.
    """
    return qa.words == qb.words >= QUOTE_SAME_WORDS and qa.keys == qb.keys


def rank(tier: Tier) -> int:
    """0 for the most literal tier, 3 for the least."""
    return TIERS.index(tier)
