"""The story index: which article pairs of a story are worth aligning, found through one index.

An overview must not align every pair of articles. One sweep over the
story, from its last article to its first, looks each sentence up in an index of
the articles after it and then adds it: a counter over the posting lists of its
content keys, each key's entries repeated as often as its weight rounded up, bounds
from above the weighted overlap with every sentence sharing a key. Only sentences
whose bound reaches the engine's floor are weighed exactly, and a pair is kept only
when it qualifies for a tier on its own (`tui.core.alignment.align.StoryAligner.may_link`).
Only the article pairs that have such a pair are aligned (in full, exactly as the
compare screen aligns them), so articles that merely share a few words cost
nothing more.

Keys found in more than `KEY_CAP` sentences (the story's protagonists) are left out
of the index, which keeps its lists short; what they add to an overlap is bounded
by the smaller of the two sentences' weight in such keys. A sentence made mostly of
them (a wire sentence reprinted by hundreds of outlets) is also looked up by its
rarest shingles, pairs of adjacent words, which copies share.

A pair of articles can only have links when one of its sentence pairs qualifies,
so while no key passes `KEY_CAP` the index proposes every pair that has links.

A folder of many stories is searched story by story (``members``), and across
stories only for reused wording (`reused_pairs`): a copied or edited sentence,
found by phrases that two stories share, never a weak paraphrase.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, groupby, pairwise

from tui.core.alignment.align import StoryAligner
from tui.core.alignment.tiers import CANDIDATE_FLOOR, EDIT, Measures, literal_tier, similarity
from tui.core.alignment.units import ArticleUnits, Unit
from tui.core.language.tokens import STOP_KEYS

KEY_CAP = 256
"""A key in more sentences than this is not indexed; its share of an overlap is bounded."""
SHINGLE_CAP = 2048
"""The same for shingles, set high: a wire sentence reprinted by hundreds of outlets
is found through its phrases, whose lists are as long as the copy group is large."""
REUSE_CAP = 64
"""Across stories, a phrase in more sentences than this is common wording, not reuse."""
_SHINGLE_PROBES = 6
"""Rarest shingles a sentence looks up..."""
_SHINGLE_HITS = 2
"""...of which a sentence sharing no indexed key must share this many."""
_QUANTUM = 2.0
"""Weight one repetition in a posting list stands for: a key of weight ``w`` appears
``ceil(w / _QUANTUM)`` times, so counts bound weights from above."""
_SLACK = 1e-9
"""Added to every bound, so that rounding never drops a pair right at the floor."""

Cancelled = Callable[[], bool]
"""Returns True when the caller no longer wants the result."""


@dataclass(frozen=True, slots=True)
class PairCandidates:
    """Two articles that share content, and the sentences that take part."""

    a: int
    """Index of the first article (the smaller index)."""
    b: int
    """Index of the second article."""
    units_a: tuple[int, ...]
    """Indices into ``a``'s units that may link to a sentence of ``b``, in order."""
    units_b: tuple[int, ...]
    """The same for ``b``."""
    pairs: int
    """How many sentence pairs of the two articles qualify for a tier."""


@dataclass(frozen=True, slots=True)
class Candidates:
    """What the index found, and how much it weighed to find it."""

    pairs: list[PairCandidates]
    """One entry per pair of articles with a qualifying sentence pair, sorted by ``(a, b)``."""
    weighed: int
    """Sentence pairs weighed exactly: those whose bound reached the floor."""


def candidate_pairs(
    articles: Sequence[ArticleUnits],
    aligner: StoryAligner,
    *,
    members: Sequence[int] | None = None,
    cancelled: Cancelled | None = None,
) -> Candidates:
    """The article pairs worth aligning, each with the sentences worth aligning.

    Args:
        articles: The units of every article of the story.
        aligner: The story's aligner: it weighs the keys and decides which sentence
            pairs qualify.
        members: The articles to search among (indices into ``articles``), when only
            the pairs of some are wanted; by default all.
        cancelled: Polled now and then; when it returns True, the search stops and
            returns what it has found so far.
    """
    found: _Found = {}
    chosen = sorted(members) if members is not None else range(len(articles))
    weighed = _search(articles, chosen, aligner, found, cancelled or (lambda: False))
    return _result(found, weighed)


def reused_pairs(
    articles: Sequence[ArticleUnits],
    groups: Sequence[Sequence[int]],
    aligner: StoryAligner,
    *,
    cancelled: Cancelled | None = None,
) -> Candidates:
    """The article pairs of different stories that share wording, with those sentences.

    Two stories rarely share a sentence; when they do, it is wire copy or a
    reprinted paragraph, and an overview of both must show it. A weak paraphrase or
    a common quotation across stories is no such evidence, so only a sentence pair
    whose wording is shared (a ``copy`` or an ``edit``) counts. Pairs are found by
    their rarest shingles of content words (a shared ``of the`` is no reuse) that
    two stories have, each sentence looked up once among all: the work grows with
    the folder, whatever its stories.

    Args:
        articles: The units of every article of the folder.
        groups: The stories, as article indices (each article in one).
        aligner: The folder's aligner: it weighs the keys.
        cancelled: As for `candidate_pairs`.
    """
    found: _Found = {}
    weighed = _reused_across(articles, groups, aligner, found, cancelled or (lambda: False))
    return _result(found, weighed)


_Found = dict[tuple[int, int], tuple[set[int], set[int], list[int]]]
"""Per article pair ``(a, b)``, ``a < b``: its sentences taking part, and how many pairs."""


def _search(
    articles: Sequence[ArticleUnits],
    members: Sequence[int],
    aligner: StoryAligner,
    found: _Found,
    stop: Cancelled,
) -> int:
    """Add to ``found`` the qualifying sentence pairs among ``members``; the pairs weighed."""
    entries: list[tuple[int, int]] = []
    units: list[Unit] = []
    for article in members:
        prep = articles[article]
        if prep.has_prose:
            for index, unit in enumerate(prep.units):
                if unit.linkable:
                    entries.append((article, index))
                    units.append(unit)
    search = _Index(units, aligner)
    weighed = 0
    looked_up = 0
    blocks = [list(block) for _, block in groupby(range(len(units)), lambda e: entries[e][0])]
    for block in reversed(blocks):
        for entry in block:
            if looked_up % 256 == 0 and stop():
                return weighed
            looked_up += 1
            article, position = entries[entry]
            unit = units[entry]
            for other in search.lookup(entry):
                weighed += 1
                if aligner.may_link(unit, units[other]):
                    other_article, other_position = entries[other]
                    _add(found, article, position, other_article, other_position)
        search.add(block)
    return weighed


def _reused_across(
    articles: Sequence[ArticleUnits],
    groups: Sequence[Sequence[int]],
    aligner: StoryAligner,
    found: _Found,
    stop: Cancelled,
) -> int:
    """`reused_pairs` itself: add the pairs to ``found``, return how many were weighed."""
    story = {article: number for number, group in enumerate(groups) for article in group}
    entries: list[tuple[int, int]] = []
    units: list[Unit] = []
    for article, prep in enumerate(articles):
        if prep.has_prose:
            for index, unit in enumerate(prep.units):
                if unit.linkable:
                    entries.append((article, index))
                    units.append(unit)
    shingles = [_content_shingles(unit) for unit in units]
    counts = Counter(chain.from_iterable(shingles))
    by_story: dict[int, set[str]] = {}
    for (article, _), own in zip(entries, shingles, strict=True):
        by_story.setdefault(story[article], set()).update(own)
    # Only a phrase found in two stories can join them, and a reused one is rare.
    spread = Counter(chain.from_iterable(by_story.values()))
    usable = {
        shingle for shingle, seen in spread.items() if seen > 1 and counts[shingle] <= REUSE_CAP
    }
    probes = [
        _rarest([shingle for shingle in own if shingle in usable], counts) for own in shingles
    ]
    # Two sentences share at most as many probes as either has: one with fewer than
    # `_SHINGLE_HITS` can join no other, so it is neither indexed nor looked up.
    looked_up = [entry for entry, own in enumerate(probes) if len(own) >= _SHINGLE_HITS]
    # From the last sentence to the first, each looked up among those after it only.
    postings: dict[str, list[int]] = {}
    weighed = 0
    for done, entry in enumerate(reversed(looked_up)):
        if done % 256 == 0 and stop():
            return weighed
        article, position = entries[entry]
        own = probes[entry]
        hits = Counter(_postings(postings, own))
        for other, shared in hits.items():
            other_article, other_position = entries[other]
            if other_article == article or shared < _SHINGLE_HITS:
                continue
            if story[other_article] == story[article]:
                continue  # a pair of one story is the story's own business
            weighed += 1
            if _reworded(units[entry], units[other], aligner):
                _add(found, article, position, other_article, other_position)
        for shingle in own:
            posting = postings.get(shingle)
            if posting is None:
                postings[shingle] = [entry]
            else:
                posting.append(entry)
    return weighed


def _rarest(shingles: list[str], counts: Mapping[str, int]) -> list[str]:
    """The `_SHINGLE_PROBES` rarest of ``shingles``, ties in their order."""
    if len(shingles) <= _SHINGLE_PROBES:
        return shingles
    return sorted(shingles, key=counts.__getitem__)[:_SHINGLE_PROBES]


def _reworded(first: Unit, second: Unit, aligner: StoryAligner) -> bool:
    """True when two sentences share their wording: a ``copy`` or an ``edit`` of one another."""
    ratio = similarity(first, second)
    if ratio < EDIT:
        return False  # neither a copy nor an edit, whatever the overlap
    shared = aligner.weight(first.keys & second.keys)
    overlap = shared / math.sqrt(aligner.weight(first.keys) * aligner.weight(second.keys))
    return literal_tier(Measures(0, 0, overlap, 0.0, ratio, 0.0, False)) is not None


def _add(found: _Found, article: int, position: int, other: int, other_position: int) -> None:
    """Note that sentence ``position`` of ``article`` may link to ``other_position`` of ``other``."""
    slot = found.get((article, other))
    if slot is None:
        slot = found[article, other] = (set(), set(), [0])
    slot[0].add(position)
    slot[1].add(other_position)
    slot[2][0] += 1


class _Index:
    """The sentences added so far, by key (weighted) and, for some, by shingle."""

    __slots__ = (
        "_keys",
        "_masses",
        "_postings",
        "_quanta",
        "_shingle_counts",
        "_shingle_postings",
        "_shingles",
        "_unindexed",
    )

    def __init__(self, units: Sequence[Unit], aligner: StoryAligner) -> None:
        counts = Counter(chain.from_iterable(unit.keys for unit in units))
        weight = aligner.key_weight
        self._quanta = {
            key: math.ceil(weight(key) / _QUANTUM)
            for key, count in counts.items()
            if count <= KEY_CAP
        }
        self._keys = [[key for key in unit.keys if key in self._quanta] for unit in units]
        self._masses = [math.sqrt(aligner.weight(unit.keys)) for unit in units]
        rest = [unit.keys.difference(self._quanta) for unit in units]
        self._unindexed = [aligner.weight(keys) / _QUANTUM if keys else 0.0 for keys in rest]
        """Per sentence, the weight of its keys left out of the index, in quanta."""
        self._postings: dict[str, list[int]] = {}
        # A pair sharing no indexed key reaches the floor only if both sentences
        # weigh that much in unindexed keys; only those need shingles.
        lightest = min(self._masses, default=0.0)
        self._shingles: dict[int, list[str]] = {
            entry: _shingles(unit)
            for entry, unit in enumerate(units)
            if self._unindexed[entry] * _QUANTUM + _SLACK
            >= CANDIDATE_FLOOR * lightest * self._masses[entry]
        }
        self._shingle_counts = Counter(chain.from_iterable(self._shingles.values()))
        self._shingle_postings: dict[str, list[int]] = {}

    def lookup(self, entry: int) -> list[int]:
        """Sentences added so far whose weighted overlap with ``entry`` may reach the floor."""
        hits = Counter(_postings(self._postings, self._keys[entry]))
        # Counted in quanta: a pair passes when its bound reaches ``need`` times the
        # other sentence's mass.
        need = (CANDIDATE_FLOOR * self._masses[entry] - _SLACK) / _QUANTUM
        masses = self._masses
        unindexed = self._unindexed
        mine = unindexed[entry]
        if not mine:
            return [other for other, bound in hits.items() if bound >= need * masses[other]]
        # ``bound + min(mine, theirs)``, without a call per pair.
        found = [
            other
            for other, bound in hits.items()
            if bound + mine >= need * masses[other]
            and bound + unindexed[other] >= need * masses[other]
        ]
        shingles = self._shingles.get(entry)
        if shingles:
            counts = self._shingle_counts
            usable = [shingle for shingle in shingles if counts[shingle] <= SHINGLE_CAP]
            rarest = sorted(usable, key=counts.__getitem__)[:_SHINGLE_PROBES]
            shared = Counter(_postings(self._shingle_postings, rarest))
            found.extend(
                other
                for other, count in shared.items()
                if count >= _SHINGLE_HITS
                and other not in hits
                and min(mine, unindexed[other]) >= need * masses[other]
            )
        return found

    def add(self, entries: Sequence[int]) -> None:
        """Index ``entries``: each key's list gets the entry as often as the key's quantum."""
        postings = self._postings
        for entry in entries:
            for key in self._keys[entry]:
                chunk = [entry] * self._quanta[key]
                posting = postings.get(key)
                if posting is None:
                    postings[key] = chunk
                else:
                    posting += chunk
            for shingle in self._shingles.get(entry, ()):
                if self._shingle_counts[shingle] <= SHINGLE_CAP:
                    self._shingle_postings.setdefault(shingle, []).append(entry)


def _result(found: _Found, weighed: int) -> Candidates:
    return Candidates(
        [
            PairCandidates(a, b, tuple(sorted(units_a)), tuple(sorted(units_b)), count[0])
            for (a, b), (units_a, units_b, count) in sorted(found.items())
        ],
        weighed,
    )


def _postings(index: dict[str, list[int]], keys: Sequence[str]) -> Iterator[int]:
    """The entries of every posting list of ``keys`` in ``index``, one after the other."""
    return chain.from_iterable(filter(None, map(index.get, keys)))


def _content_shingles(unit: Unit) -> list[str]:
    """Adjacent content keys of the sentence, each pair once: rarer than `_shingles`."""
    words = [word for word in unit.norm.split() if word not in STOP_KEYS]
    return list(dict.fromkeys(map(" ".join, pairwise(words))))


def _shingles(unit: Unit) -> list[str]:
    """Adjacent key pairs of the sentence, each once: a copied phrase shares them all."""
    words = unit.norm.split()
    return list(dict.fromkeys(f"{first} {second}" for first, second in pairwise(words)))
