"""Which articles of a folder may be about the same event: their nearest profiles, through an index.

Comparing every pair of 10,000 articles would take 50 million cosines. Instead an
inverted index lists, for each key no more than `KEY_CAP` articles have, the
articles that have it. An article looks up its most telling keys (its `SIGNATURE`
heaviest); the articles having at least `MIN_SHARED` of them are candidates, the
`PROBED` having most are weighed by the full cosine of the two profiles, and the
`NEIGHBOURS` most similar kept. Each lookup reads at most `SIGNATURE` lists of at
most `KEY_CAP` entries, so the work grows linearly with the folder.

A key more than `KEY_CAP` articles have (a name that runs through a week of news)
proposes no pair by itself, yet still counts in the cosine of the pairs the rarer
keys propose: one event's articles share many rare details, and those find them.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from itertools import chain

from tui.core.story.profiles import Profile

SIGNATURE = 24
"""Keys each article looks up: its heaviest among those the index lists."""
KEY_CAP = 200
"""A key more articles have than this is not listed: its list would cost too much."""
MIN_SHARED = 2
"""Of an article's signature keys, how many another must have to be weighed at all."""
PROBED = 32
"""Candidates of an article weighed exactly: those sharing the most signature keys."""
NEIGHBOURS = 24
"""Most similar candidates each article keeps."""
FLOOR = 0.05
"""A cosine below this is no evidence of one event."""


class NeighbourIndex:
    """The folder's articles by signature key: each article's nearest profiles on demand."""

    __slots__ = ("_postings", "_profiles", "_signatures", "_weighed")

    def __init__(self, profiles: Sequence[Profile]) -> None:
        self._profiles = profiles
        self._weighed: dict[tuple[int, int], float] = {}
        """Cosines weighed from one side, until the other side asks for them."""
        spread = Counter(chain.from_iterable(profile.weights for profile in profiles))
        self._signatures = [
            [
                key
                for _, key in heapq.nlargest(
                    SIGNATURE,
                    (
                        (weight, key)
                        for key, weight in profile.weights.items()
                        if spread[key] <= KEY_CAP
                    ),
                )
            ]
            for profile in profiles
        ]
        postings: dict[str, list[int]] = {}
        for article, profile in enumerate(profiles):
            for key in profile.weights:
                if spread[key] <= KEY_CAP:
                    postings.setdefault(key, []).append(article)
        self._postings = postings

    def neighbours(self, article: int) -> list[tuple[int, float]]:
        """Up to `NEIGHBOURS` other articles most similar to ``article``, with their cosines.

        Most similar first; ties by index. Only cosines of at least `FLOOR` count.
        """
        postings = self._postings
        hits = Counter(chain.from_iterable(postings[key] for key in self._signatures[article]))
        hits.pop(article, None)
        probed = heapq.nlargest(
            PROBED,
            ((count, -other) for other, count in hits.items() if count >= MIN_SHARED),
        )
        weighed = [
            (similarity, -negative)
            for _, negative in probed
            if (similarity := self._similarity(article, -negative)) >= FLOOR
        ]
        best = heapq.nsmallest(NEIGHBOURS, weighed, key=lambda found: (-found[0], found[1]))
        return [(other, similarity) for similarity, other in best]

    def _similarity(self, article: int, other: int) -> float:
        """`Profile.similarity` of the two, weighed once for both sides when that is the same.

        Most neighbours are mutual. The cosine is the same sum either way round, to
        the bit, when the two profiles differ in size (the smaller one is read);
        of two of one size it is weighed from each side, as it always was.
        """
        first, second = self._profiles[article], self._profiles[other]
        if len(first.weights) == len(second.weights):
            return first.similarity(second)
        pair = (article, other) if article < other else (other, article)
        found = self._weighed.pop(pair, None)
        if found is None:
            found = self._weighed[pair] = first.similarity(second)
        return found
