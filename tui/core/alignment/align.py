"""Alignment: which sentences of article A share content with which sentences of B.

The engine never compares all pairs of sentences: an inverted index of content keys
proposes candidates, scored by a weighted overlap where words that run through the
whole story weigh little (`tui.core.alignment.units.key_weights`). The measures of
`tui.core.alignment.tiers` decide each candidate's tier; literal pairs are then
chosen one to one, loose ones a few per sentence.

An optional semantic signal (`tui.core.alignment.semantic`) reweighs the loose
candidates the index proposes and measures a headline's soft containment in a longer
sentence. Beyond those it proposes only a bounded probe: the `_PROBE_NEAREST`
sentences closest in meaning to each of an article's first `_PROBE_SHORT` headlines,
so a pair is aligned in time linear in its length with either engine.
"""

from __future__ import annotations

import gc
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import chain

from tui.core.alignment import semantic
from tui.core.alignment.diff import DiffOp, SentenceWords, word_diff
from tui.core.alignment.semantic import LEXICAL, Signal
from tui.core.alignment.tiers import (
    CANDIDATE_FLOOR,
    CONTENT_MIN,
    OPENING,
    Measures,
    Tier,
    confidence,
    contained_only,
    is_short,
    literal_tier,
    loose_tier,
    measure,
    qualifies,
    short_and_long,
)
from tui.core.alignment.units import ArticleUnits, Unit, Weights
from tui.core.language.tokens import TextTokens, diff_tokens
from tui.core.spans import Span

_POSTING_CAP = 64
"""Keys found in more sentences than this are too common to propose candidates."""
_PROBES = 12
"""A sentence looks up its rarest keys only: a pair worth linking shares one of them."""
_PER_SENTENCE_CANDIDATES = 8
"""Candidates kept per sentence, those hit by most probes, so time grows linearly."""
_PER_SENTENCE = 5
"""Loose links kept per sentence at most."""
_SHARE_OF_BEST = 0.6
"""A loose link scoring below this share of its sentence's best is dropped."""
_PROBE_SHORT = 4
"""Short sentences per article the semantic signal probes for partners (headline, deck)."""
_PROBE_NEAREST = 3
"""Sentences of the other article each probe proposes: the closest in meaning."""


@dataclass(frozen=True, slots=True)
class Link:
    """One pair of sentences, A and B, that share content.

    Links compare and hash by their two spans, tier and score: the word diff follows
    from those and the two texts, so it takes no part.
    """

    a: Span
    """The sentence in article A."""
    b: Span
    """The sentence in article B."""
    tier: Tier
    """How literally the two share content (`tui.core.alignment.tiers.TIERS`)."""
    score: float
    """How strongly the pair is linked, 0..1 (similarity for copies, overlap otherwise)."""
    confidence: float = field(compare=False)
    """How sure the link is, 0..1 (`tui.core.alignment.tiers.confidence`): 1 for copies and
    edits, the quote's share for quotes, 0.5 (a paraphrase just over the threshold) to 1."""
    _tokens: tuple[_SentenceTokens, _SentenceTokens] = field(repr=False, compare=False)
    """The tokens of the sentences of A and of B, shared by all links of one alignment."""
    _diff: tuple[DiffOp, ...] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def diff(self) -> tuple[DiffOp, ...]:
        """Word operations turning A's sentence into B's.

        Built on first access: an overview or a screen shows a few diffs out of
        thousands of links, and building them all would cost as much as aligning.
        """
        diff = self._diff
        if diff is None:
            tokens_a, tokens_b = self._tokens
            diff = word_diff(tokens_a[self.a], tokens_b[self.b])
            object.__setattr__(self, "_diff", diff)
        return diff

    def swapped(self) -> Link:
        """The same link seen from the other side: B's sentence first.

        Its diff follows from the swapped sentences, so it is built anew when asked.
        """
        return replace(self, a=self.b, b=self.a, _tokens=self._tokens[::-1])


class StoryAligner:
    """Links pairs of one story's articles, all with the story's word weights.

    A story aligns many pairs: the weights' default, each sentence's weight and
    each article's token cache are shared by all of them, and a pair with a few
    sentences on one side needs no index.
    """

    __slots__ = ("_masses", "_signal", "_targets", "_tokens", "_weigh")

    def __init__(self, weights: Mapping[str, float], signal: Signal | bool | None = True) -> None:
        """Weigh with ``weights``, with a semantic signal when one is given or wanted.

        Args:
            weights: The story's key weights.
            signal: A semantic signal; ``False`` or ``None`` for none; ``True`` (the
                default) for the process's own when it is installed and wanted
                (`tui.core.alignment.semantic.signal`).
        """
        self._weigh = Weights(weights)
        self._masses: dict[int, tuple[Unit, float]] = {}
        """Weight of each sentence's keys by ``id``; the unit is kept so its id stays unique."""
        self._tokens: dict[str, _SentenceTokens] = {}
        self._targets: dict[int, _Target] = {}
        """Each B side looked up so far, by ``id`` of its `ArticleUnits` (kept in it)."""
        self._signal: Signal | None = semantic.signal() if signal is True else (signal or None)

    @property
    def engine(self) -> str:
        """Which engine links: ``lexical``, or ``semantic`` with the model's name."""
        if self._signal is None:
            return LEXICAL
        return f"{semantic.SEMANTIC} ({self._signal.name})"

    @property
    def engine_note(self) -> str | None:
        """Why the engine is not the one asked for (the extra is missing), else ``None``."""
        return semantic.engine_note(self._signal)

    def prepare(self, articles: Iterable[ArticleUnits]) -> None:
        """Embed the linkable sentences of ``articles`` in one batch, ahead of their pairs.

        The story overview's index weighs thousands of their sentence pairs: one batch
        costs less than one per pair, and each text's vector is the same.
        """
        if self._signal is not None:
            self._signal.prepare([unit for found in articles for unit in found.linkable_units])

    def align(self, pa: ArticleUnits, pb: ArticleUnits) -> list[Link]:
        """Link the sentences of ``pa`` to those of ``pb``, sorted by position in A then B.

        Text without a single sentence (one word, a line without punctuation, binary
        junk) is no article and links to nothing.
        """
        if not (pa.has_prose and pb.has_prose):
            return []
        if self._signal is not None:
            self._signal.prepare(pa.linkable_units)
            self._signal.prepare(pb.linkable_units)
        candidates = self._candidates(pa, pb)
        if not candidates:
            return []
        chosen = _choose(candidates, (_opening_end(pa), _opening_end(pb)))
        tokens = (self._tokens_of(pa), self._tokens_of(pb))
        links = []
        for (i, j), (tier, score) in chosen.items():
            score = round(min(score, 1.0), 3)
            span_a, span_b = pa.units[i].span, pb.units[j].span
            links.append(Link(span_a, span_b, tier, score, confidence(tier, score), tokens))
        links.sort(key=lambda link: (link.a.start, link.b.start))
        return links

    def weight(self, keys: Iterable[str]) -> float:
        """Total story weight of ``keys`` (a key without one counts as the rarest); never 0."""
        return self._weigh(keys)

    def key_weight(self, key: str) -> float:
        """The story weight of one key."""
        return self._weigh.key(key)

    def may_link(self, ua: Unit, ub: Unit) -> bool:
        """True when two sentences qualify for a tier on their own, before pairs compete.

        Only such pairs can be linked: the overview's index asks this of each pair it
        finds, so that articles whose shared sentences could never link are not
        aligned at all. The pair is measured as `align` measures it.
        """
        cosine = self._cosine(ua, ub)
        if cosine < CANDIDATE_FLOOR:
            return False
        return qualifies(self._measure(0, ua, 0, ub, cosine))

    def _mass(self, unit: Unit) -> float:
        found = self._masses.get(id(unit))
        if found is None:
            found = self._masses[id(unit)] = (unit, self._weigh(unit.keys))
        return found[1]

    def _target(self, units: ArticleUnits) -> _Target:
        found = self._targets.get(id(units))
        if found is None:
            masses = [self._mass(unit) for unit in units.units]
            found = self._targets[id(units)] = _Target(units, masses)
        return found

    def _tokens_of(self, units: ArticleUnits) -> _SentenceTokens:
        found = self._tokens.get(units.text)
        if found is None:
            found = self._tokens[units.text] = _SentenceTokens(units.text, units.tokens)
        return found

    def _measure(
        self,
        i: int,
        ua: Unit,
        j: int,
        ub: Unit,
        cosine: float,
        mass: float | None = None,
        shared: frozenset[str] | None = None,
    ) -> Measures:
        """The pair's measures, with the semantic signal's say when it is on.

        ``mass`` (the overlap's denominator) and ``shared`` (the keys both have) when
        the caller computed them already.
        """
        if mass is None:
            mass = math.sqrt(self._mass(ua) * self._mass(ub))
        cand = measure(i, ua, j, ub, cosine, self._weigh, mass, shared)
        signal = self._signal
        if signal is not None and cand.content >= CONTENT_MIN and not literal_tier(cand):
            sides = short_and_long(ua, ub)
            soft = signal.contain(*sides, self._weigh.key) if sides else 0.0
            cand = cand._replace(semantic=signal.lift(ua, ub), soft=soft)
        return cand

    def _candidates(self, pa: ArticleUnits, pb: ArticleUnits) -> list[Measures]:
        """Pairs sharing enough weighted content to qualify for a tier, found through an index.

        Each sentence of A looks up only its rarest keys and keeps the sentences of B
        that most of them hit, so the work grows with the length of the articles, not
        with the number of sentence pairs. Most pairs found that way qualify for no
        tier; they are dropped at once.
        """
        weigh = self._weigh
        sqrt = math.sqrt
        target = self._target(pb)
        units_b, mass_b, sets_b = pb.units, target.masses, target.keys
        weight = weigh.key
        candidates = []
        for i, ua in enumerate(pa.units):
            if not ua.linkable:
                continue
            keys = ua.keys
            found = target.sharing(keys, weigh)
            mass_a = self._mass(ua)
            for j in found:
                shared = keys & sets_b[j]
                mass = sqrt(mass_a * mass_b[j])
                # `Weights.__call__` written out: most pairs found end here.
                cosine = (sum(map(weight, shared)) or 1e-9) / mass
                if cosine < CANDIDATE_FLOOR:
                    continue
                ub = units_b[j]
                cand = self._measure(i, ua, j, ub, cosine, mass, shared)
                if qualifies(cand):
                    candidates.append(cand)
        if self._signal is not None and candidates:
            # Only for articles that share a pair of their own: the story index
            # (`may_link`) then proposes the same article pairs whichever way they link.
            candidates.extend(self._probed(pa, pb, {(c.i, c.j) for c in candidates}))
        return candidates

    def _probed(
        self, pa: ArticleUnits, pb: ArticleUnits, found: set[tuple[int, int]]
    ) -> Iterator[Measures]:
        """Pairs of a short sentence and its nearest in meaning that the index did not propose.

        A headline restated in other words may share too few rare words for the
        index; the semantic signal proposes the `_PROBE_NEAREST` sentences of the other
        article closest to each of the first `_PROBE_SHORT` short sentences of either
        side (the headline and deck come first), so the extra work stays bounded.
        """
        signal = self._signal
        assert signal is not None
        for flip, (one, other) in enumerate(((pa, pb), (pb, pa))):
            linkable = [k for k, unit in enumerate(other.units) if unit.linkable]
            targets = [other.units[k] for k in linkable]
            shorts = [k for k, unit in enumerate(one.units) if unit.linkable and is_short(unit)]
            shorts = shorts[:_PROBE_SHORT]
            closest = signal.nearest([one.units[k] for k in shorts], targets, _PROBE_NEAREST)
            for k, nearest in zip(shorts, closest, strict=True):
                for n in nearest:
                    i, j = (linkable[n], k) if flip else (k, linkable[n])
                    if (i, j) in found:
                        continue
                    found.add((i, j))
                    ua, ub = pa.units[i], pb.units[j]
                    cand = self._measure(i, ua, j, ub, self._cosine(ua, ub))
                    if qualifies(cand):
                        yield cand

    def _cosine(self, ua: Unit, ub: Unit) -> float:
        """Weighted overlap of two sentences' keys, as `_candidates` computes it."""
        return self._weigh(ua.keys & ub.keys) / math.sqrt(self._mass(ua) * self._mass(ub))


def _choose(
    candidates: Sequence[Measures], opening: tuple[int, int]
) -> dict[tuple[int, int], tuple[Tier, float]]:
    """The linked pairs and their tier and score: literal pairs one-to-one, then loose ones.

    A paraphrase between two sentences that both have their literal counterpart
    already is dropped, unless a figure ties them. One that rests on containment
    must be the best loose pair of one of its sentences, and competes for its
    sentences' few loose links, unless both sentences open their articles (units
    before ``opening``'s index in A and in B, `_opening_end`): a headline sums up the
    other article's opening, and each sentence there that carries it is a link.
    """
    chosen: dict[tuple[int, int], tuple[Tier, float]] = {}
    partners_a: set[int] = set()
    partners_b: set[int] = set()
    for cand in sorted(candidates, key=lambda c: -c.ratio):
        tier = literal_tier(cand)
        if tier and cand.i not in partners_a and cand.j not in partners_b:
            chosen[cand.i, cand.j] = (tier, cand.ratio)
            partners_a.add(cand.i)
            partners_b.add(cand.j)
    loose: list[tuple[float, int, int, Tier]] = []
    contained: set[tuple[int, int]] = set()
    for cand in candidates:
        if (cand.i, cand.j) in chosen:
            continue
        tier, score = loose_tier(cand)
        if not tier:
            continue
        if tier == "paraphrase":
            matched_a, matched_b = cand.i in partners_a, cand.j in partners_b
            if matched_a and matched_b and not cand.number:
                continue
            if contained_only(cand):
                contained.add((cand.i, cand.j))
        loose.append((score, cand.i, cand.j, tier))
    end_a, end_b = opening
    opened = {(i, j) for i, j in contained if i < end_a and j < end_b}
    summed = [link for link in loose if (link[1], link[2]) in opened]
    loose = [link for link in loose if (link[1], link[2]) not in opened]
    contained -= opened
    if contained:
        loose = _best_of_row_or_column(loose, contained)
    for score, i, j, tier in chain(_cap(loose), summed):
        chosen[i, j] = (tier, score)
    return chosen


def _opening_end(units: ArticleUnits) -> int:
    """Index of the unit after an article's first `OPENING` linkable ones: its opening.

    Counted in linkable units, so that a page's bylines, date lines and captions
    do not use up the opening.
    """
    seen = 0
    for k, unit in enumerate(units.units):
        if seen == OPENING:
            return k
        seen += unit.linkable
    return len(units.units)


def _best_of_row_or_column(
    links: list[tuple[float, int, int, Tier]], contained: set[tuple[int, int]]
) -> list[tuple[float, int, int, Tier]]:
    """``links`` without the containment-only ones that are best neither for A's nor B's side."""
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for score, i, j, _ in links:
        best_a[i] = max(best_a.get(i, 0.0), score)
        best_b[j] = max(best_b.get(j, 0.0), score)
    return [
        link
        for link in links
        if (link[1], link[2]) not in contained
        or link[0] >= best_a[link[1]]
        or link[0] >= best_b[link[2]]
    ]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while an alignment builds its objects.

    Two long articles make hundreds of thousands of small objects (sentences, key
    sets, index entries) that all live until the alignment ends and form no cycles.
    Meanwhile CPython's collector would walk every live object again each few tens
    of thousands of allocations, a cost that grows faster than the articles do (a
    fifth of the time for two 2 MB articles); reference counting frees the objects
    anyway. The story overview pauses it the same way while it computes. The state
    before is restored, so nested or concurrent alignments never leave the
    collector off.

    On the way out the objects made meanwhile join the oldest generation at once
    (`gc.freeze` then `gc.unfreeze`, each a splice of lists): they are the pair's
    or the story's results, which live on, and the first collection after a
    pause would otherwise walk them all.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def _every_sharing(
    keys: frozenset[str], units: Sequence[Unit], linkable: Sequence[int], weigh: Weights
) -> list[int]:
    """`_KeyIndex.lookup` for an article of a few sentences, without building the index.

    With no more linkable sentences than `_PER_SENTENCE_CANDIDATES` (so no key is
    too common either) and no more shared keys than `_PROBES`, the lookup returns
    every sentence sharing a key, most shared keys first, ties in the order the
    index would first hit them: by their rarest shared key, then by position.
    """
    hits = [(j, shared) for j in linkable if (shared := keys & units[j].keys)]
    if len(hits) < 2:
        return [j for j, _ in hits]
    ranked = sorted(
        (-len(shared), min((-weigh.key(key), key) for key in shared), j) for j, shared in hits
    )
    return [j for _, _, j in ranked]


class _Target:
    """An article as the B side of its pairs: what every A sentence's lookup reads.

    An overview aligns an article with many others; its linkable sentences, their
    weights and its key index depend on it alone, so they are found once.
    """

    __slots__ = ("_every_key", "_index", "keys", "linkable", "masses", "units")

    def __init__(self, units: ArticleUnits, masses: list[float]) -> None:
        self.units = units
        """The article's units (kept, so the ``id`` it is found by stays its own)."""
        self.masses = masses
        """The story weight of each sentence's keys."""
        self.keys = [unit.keys for unit in units.units]
        """Each sentence's content keys, by its index."""
        self.linkable = [j for j, unit in enumerate(units.units) if unit.linkable]
        """The indices of its linkable sentences."""
        self._index: _KeyIndex | None = None
        small = len(self.linkable) <= _PER_SENTENCE_CANDIDATES
        self._every_key = (
            frozenset().union(*(self.keys[j] for j in self.linkable)) if small else None
        )
        """Every key of a small article's linkable sentences; ``None`` for an indexed one."""

    def sharing(self, keys: frozenset[str], weigh: Weights) -> list[int]:
        """The sentences a sentence of ``keys`` is measured against, most promising first.

        A small article is searched whole unless the sentence shares more than
        `_PROBES` keys with it: then only the rarest probe, through the index.
        """
        every = self._every_key
        if self._index is None and (every is None or len(keys & every) > _PROBES):
            self._index = _KeyIndex(self.units.units, weigh)
        if self._index is None:
            return _every_sharing(keys, self.units.units, self.linkable, weigh)
        return self._index.lookup(keys)


class _KeyIndex:
    """The linkable sentences of one article by content key, keys ranked rarest first.

    Keys found in more than `_POSTING_CAP` sentences are too common to propose
    candidates and are left out. Ranking the keys once, by weight (ties by the key,
    so that results never depend on the order of a set), turns the choice of a
    sentence's probes into sorting a few integers.
    """

    __slots__ = ("_postings", "_rank")

    def __init__(self, units: Sequence[Unit], weigh: Weights) -> None:
        postings: dict[str, list[int]] = defaultdict(list)
        for j, unit in enumerate(units):
            if unit.linkable:
                for key in unit.keys:
                    postings[key].append(j)
        usable = sorted(key for key, found in postings.items() if len(found) <= _POSTING_CAP)
        usable.sort(key=weigh.key, reverse=True)  # stable: equal weights stay in key order
        # Ranks count from 1, so that a key without one (``None``) and no other is
        # dropped by ``filter(None, ...)`` in C; the postings list starts with a blank.
        self._rank = {key: rank for rank, key in enumerate(usable, 1)}
        self._postings: list[list[int]] = [[], *(postings[key] for key in usable)]

    def lookup(self, keys: frozenset[str]) -> list[int]:
        """Sentences sharing the rarest of ``keys``: those most of `_PROBES` probes hit."""
        ranks = sorted(filter(None, map(self._rank.get, keys)))[:_PROBES]
        hits = Counter(chain.from_iterable(map(self._postings.__getitem__, ranks)))
        # most_common(n) without its heap loop in Python: the same order, ties first-hit first.
        return sorted(hits, key=hits.__getitem__, reverse=True)[:_PER_SENTENCE_CANDIDATES]


class _SentenceTokens(dict[Span, SentenceWords]):
    """The words of an article's sentences, each taken once, when a diff needs it.

    Sliced from the article's tokens (`ArticleUnits.tokens`), or tokenised on its own
    when those do not hold the sentence whole.
    """

    __slots__ = ("_text", "_tokens")

    def __init__(self, text: str, tokens: TextTokens | None = None) -> None:
        super().__init__()
        self._text = text
        self._tokens = tokens

    def __reduce__(self) -> tuple[type[_SentenceTokens], tuple[str]]:
        """Pickled as its text alone, without the article's token columns.

        A long pair is aligned in another process (`tui.app.offload`): the columns
        are several times the text's size, and the few diffs a screen shows are
        tokenised where they are read, with the same result.
        """
        return (_SentenceTokens, (self._text,))

    def __missing__(self, span: Span) -> SentenceWords:
        tokens = self._tokens
        found = None if tokens is None else tokens.span(self._text, *span)
        if tokens is not None and found is not None:
            words = SentenceWords.of(tokens, *found)
        else:
            words = SentenceWords(diff_tokens(self._text, *span))
        self[span] = words
        return words


def _cap(links: Sequence[tuple[float, int, int, Tier]]) -> list[tuple[float, int, int, Tier]]:
    """Keep each sentence's strongest loose links: a few, and none far below its best."""
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for score, i, j, _ in links:
        best_a[i] = max(best_a.get(i, 0.0), score)
        best_b[j] = max(best_b.get(j, 0.0), score)
    count_a: dict[int, int] = defaultdict(int)
    count_b: dict[int, int] = defaultdict(int)
    kept = []
    for link in sorted(links, reverse=True):
        score, i, j, _ = link
        if score < _SHARE_OF_BEST * max(best_a[i], best_b[j]):
            continue
        if count_a[i] >= _PER_SENTENCE or count_b[j] >= _PER_SENTENCE:
            continue
        count_a[i] += 1
        count_b[j] += 1
        kept.append(link)
    return kept
