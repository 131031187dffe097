"""Candidate sentence pairs for a whole story, found through one index of all sentences.

An overview must not align every pair of articles in full. Every sentence of every
article goes into one inverted index, once: its content keys (words, numbers) and its
shingles (pairs of adjacent keys, which make copies made of common words findable).
Each sentence then looks up its keys (all but the very common ones) and its rarest
shingles; a sentence of a later article found by two of them, or by one word that few
sentences have, is weighed, and kept when its weighted overlap reaches the floor
below which the alignment engine never links two sentences. Alignment then runs only
on the articles and sentences that have such a pair.

On the bundled story this finds every link that aligning all pairs in full finds;
on large stories it misses only pairs that share one mid-frequency word and nothing
rarer, which almost never link.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise, repeat

from tui.core.prepare import Prepared, Unit

COSINE_FLOOR = 0.12
"""Weighted overlap below which the alignment engine proposes no link (its own floor)."""
_SHINGLE_PROBES = 6
"""Rarest shingles a sentence looks up: they find copies made of common words."""
_MIN_HITS = 2
"""Probes a candidate must be found by: one shared word is chance, two are a lead..."""
_RARE = 8
"""...unless the word is in this many sentences or fewer: then it counts twice."""
KEY_CAP = 256
"""A word in more sentences than this is too common to propose candidates (the engine
stops at 64 sentences of one article); pairs sharing rarer words or phrases are found."""
SHINGLE_CAP = 2048
"""The same for shingles, set high: a wire sentence reprinted by hundreds of outlets
is found through its phrases, whose lists are as long as the copy group is large."""

Cancelled = Callable[[], bool]
"""Returns True when the caller no longer wants the result."""


@dataclass(frozen=True, slots=True)
class PairCandidates:
    """Two articles that may share content, and the sentences that may take part."""

    a: int
    """Index of the first article (the smaller index)."""
    b: int
    """Index of the second article."""
    units_a: tuple[int, ...]
    """Indices into ``a``'s prepared units that have a candidate partner in ``b``, in order."""
    units_b: tuple[int, ...]
    """The same for ``b``."""
    pairs: int
    """How many candidate sentence pairs the two articles have."""


def candidate_pairs(
    prepared: Sequence[Prepared],
    weights: Mapping[str, float],
    *,
    cancelled: Cancelled | None = None,
) -> list[PairCandidates]:
    """The article pairs worth aligning, each with the sentences worth aligning.

    Args:
        prepared: Every article of the story, prepared once.
        weights: Story-wide key weights (`tui.core.prepare.story_weights`).
        cancelled: Polled now and then; when it returns True, the search stops and
            returns what it has found so far.

    Returns:
        One entry per pair of articles with at least one candidate sentence pair,
        sorted by ``(a, b)``.
    """
    entries: list[tuple[int, int]] = []
    units: list[Unit] = []
    for article, prep in enumerate(prepared):
        if not prep.has_prose:
            continue
        for index, unit in enumerate(prep.units):
            if unit.linkable:
                entries.append((article, index))
                units.append(unit)
    # Entries are numbered in article order, so each posting list is sorted by
    # article and the entries of later articles are a tail found by bisection.
    later = [0] * len(entries)
    for entry in range(len(entries) - 1, -1, -1):
        same = entry + 1 < len(entries) and entries[entry + 1][0] == entries[entry][0]
        later[entry] = later[entry + 1] if same else entry + 1
    key_index: dict[str, list[int]] = defaultdict(list)
    shingle_index: dict[str, list[int]] = defaultdict(list)
    shingles = [_shingles(unit) for unit in units]
    for entry, unit in enumerate(units):
        for key in unit.keys:
            key_index[key].append(entry)
        for shingle in shingles[entry]:
            shingle_index[shingle].append(entry)
    default = max(weights.values(), default=1.0)
    weight = weights.get
    masses = [math.sqrt(sum(map(weight, unit.keys, repeat(default))) or 1e-9) for unit in units]
    found: dict[tuple[int, int], tuple[set[int], set[int], list[int]]] = {}
    for entry, unit in enumerate(units):
        if cancelled is not None and entry % 256 == 0 and cancelled():
            break
        article, index = entries[entry]
        floor = COSINE_FLOOR * masses[entry]
        keys = unit.keys
        for other in _probe(unit, shingles[entry], key_index, shingle_index, later[entry]):
            shared = keys & units[other].keys
            if sum(map(weight, shared, repeat(default))) < floor * masses[other]:
                continue
            other_article, other_index = entries[other]
            slot = found.get((article, other_article))
            if slot is None:
                slot = found[article, other_article] = (set(), set(), [0])
            slot[0].add(index)
            slot[1].add(other_index)
            slot[2][0] += 1
    return [
        PairCandidates(a, b, tuple(sorted(units_a)), tuple(sorted(units_b)), count[0])
        for (a, b), (units_a, units_b, count) in sorted(found.items())
    ]


def restrict(prepared: Prepared, units: Sequence[int]) -> Prepared:
    """``prepared`` with only the given units, so that alignment looks at nothing else.

    Spans still index the full text. When the chosen units hold no running prose
    (a headline alone), the whole article is kept: the engine ignores articles
    without prose.
    """
    chosen = Prepared(prepared.text, tuple(prepared.units[index] for index in units))
    return chosen if chosen.has_prose else prepared


def pair_weights(weights: Mapping[str, float], *articles: Prepared) -> dict[str, float]:
    """The story weights of just the keys ``articles`` use.

    The engine takes any mapping; a small one keeps each of many small alignments
    from touching the whole story's vocabulary. Every key of a prepared article has a
    story weight (`tui.core.prepare.story_weights` counts them all); a key without
    one gets the highest weight, as the engine would give it.
    """
    chosen: dict[str, float] = {}
    missing: list[str] = []
    for prepared in articles:
        for unit in prepared.units:
            for found in (unit.keys, *(quotation.keys for quotation in unit.quotes)):
                for key in found:
                    if key not in chosen:
                        weight = weights.get(key)
                        if weight is None:
                            missing.append(key)
                        else:
                            chosen[key] = weight
    if missing:
        default = max(weights.values(), default=1.0)
        chosen.update(dict.fromkeys(missing, default))
    return chosen


def _shingles(unit: Unit) -> frozenset[str]:
    """Adjacent key pairs of the sentence: a copied phrase shares them all."""
    words = unit.norm.split()
    return frozenset(f"{first} {second}" for first, second in pairwise(words))


def _probe(
    unit: Unit,
    shingles: frozenset[str],
    key_index: Mapping[str, list[int]],
    shingle_index: Mapping[str, list[int]],
    first: int,
) -> set[int]:
    """Entries from ``first`` sharing two of the sentence's keys or rarest shingles, or a rare one.

    Every key under `KEY_CAP` is looked up: the engine, per pair, looks up the rarest
    keys *the other article has*, which may be common ones story-wide.
    """
    postings = _rarest(unit.keys, key_index, first, KEY_CAP, len(unit.keys))
    postings += _rarest(shingles, shingle_index, first, SHINGLE_CAP, _SHINGLE_PROBES)
    hits: Counter[int] = Counter()
    for posting in postings:
        tail = posting[bisect_left(posting, first) :]
        hits.update(tail)
        if len(posting) <= _RARE:
            hits.update(tail)  # a word few sentences share is a lead on its own
    if len(postings) < _MIN_HITS * 2:
        return set(hits)  # a short sentence: one shared word may be all it has
    return {entry for entry, count in hits.items() if count >= _MIN_HITS}


def _rarest(
    found: frozenset[str], index: Mapping[str, list[int]], first: int, cap: int, count: int
) -> list[list[int]]:
    """The posting lists of the ``count`` rarest of ``found`` that reach entry ``first``."""
    postings = [posting for posting in map(index.__getitem__, found) if posting[-1] >= first]
    postings = [posting for posting in postings if len(posting) <= cap]
    if len(postings) > count:
        postings.sort(key=len)
        del postings[count:]
    return postings
