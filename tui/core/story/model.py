"""The story model: articles read together, each cut into units once, one comparison per pair.

Every question about a pair of articles has one answer, here: the compare screen,
the pick list, the overview's matrix and every report ask `Story.comparison`, so
they show the same links, scores and shares. Words are weighed across the whole
story (a name in every article weighs little), so a pair's links depend on the
story it is read in: ``storyreader compare A B`` reads a story of two, and
``--story`` names the others.

A story is safe to share between threads: each article is cut once and each pair
aligned once (at worst twice at the same moment; both give the same result).

Long work is bounded: the alignment reads at most `ALIGN_LIMIT` characters of an
article's body (`aligned_span`), cut at a line break. A news article is a few
thousand characters; a book-length file is read, listed and shown in full, but
only its beginning is aligned, and every report says so.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence

from tui.core.alignment.align import StoryAligner, collector_paused
from tui.core.alignment.comparison import Comparison, compare_units
from tui.core.alignment.units import ArticleUnits, cut_units, key_weights
from tui.core.reading.articles import Article
from tui.core.spans import Span

ALIGN_LIMIT = 1_000_000
"""Characters of an article's body the alignment reads at most (some 150,000 words).

Aligning a pair takes a few seconds per million characters a side, the overview
longer; above this, time and memory would grow past what a reader waits for (two
50 MB files took minutes and gigabytes), so the rest goes unaligned.
"""


def aligned_span(article: Article, text: str | None = None) -> Span:
    """The part of ``article`` its sentences are cut from and aligned: the body, bounded.

    All of the body up to `ALIGN_LIMIT` characters; a longer body is cut at its last
    line break before the limit (or sentence end, if the second half of the
    allowance has no line break), so no sentence is cut in two, and the span ends
    where the text before the cut does. ``text``: the article's text when read
    already (a text file's is read again on every use).
    """
    text, start = article.text if text is None else text, article.body
    end = start + ALIGN_LIMIT
    if len(text) <= end:
        return Span(start, len(text))
    half = start + ALIGN_LIMIT // 2
    cut = text.rfind("\n", half, end)
    if cut < 0:
        stop = text.rfind(". ", half, end)
        cut = end if stop < 0 else stop + 1
    while cut > half and text[cut - 1].isspace():
        cut -= 1
    return Span(start, cut)


class Story:
    """The articles of one story and everything the engine knows about them."""

    def __init__(
        self, articles: Sequence[Article], *, weights: Mapping[str, float] | None = None
    ) -> None:
        """Read ``articles`` as one story.

        Args:
            articles: The story's articles, in the order the views list them.
            weights: The story's key weights when already computed (by another
                process, for a long story); by default they are computed from the
                articles when first needed.
        """
        self.articles: tuple[Article, ...] = tuple(articles)
        """The articles, referred to everywhere by their index in this tuple."""
        self._units: list[ArticleUnits | None] = [None] * len(self.articles)
        self._aligned: list[Span | None] = [None] * len(self.articles)
        self._weights = dict(weights) if weights is not None else None
        self._aligner: StoryAligner | None = None
        self._comparisons: dict[tuple[int, int], Comparison] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.articles)

    def units(self, index: int) -> ArticleUnits:
        """Article ``index`` cut into units, its `aligned_span` only (cut once)."""
        found = self._units[index]
        if found is None:
            article = self.articles[index]
            text = article.text
            span = self._aligned[index] = aligned_span(article, text)
            with collector_paused():  # a long article: its beginning only
                found = cut_units(text, article.body, span.end)
            self._units[index] = found
        return found

    def aligned(self, index: int) -> Span:
        """`aligned_span` of article ``index``, as its units were cut (the text is not read again)."""
        found = self._aligned[index]
        if found is None:
            self.units(index)
            found = self._aligned[index]
            assert found is not None
        return found

    @property
    def weighed(self) -> bool:
        """True once the story's words are weighed (`weights` then costs nothing)."""
        return self._weights is not None

    def adopt_weights(self, weights: Mapping[str, float]) -> None:
        """Take the story's weights as computed elsewhere (by `compared_alone`)."""
        if self._weights is None:
            self._weights = dict(weights)

    @property
    def weights(self) -> Mapping[str, float]:
        """Inverse sentence frequency of every content key across the story."""
        if self._weights is None:
            with collector_paused():
                weights = key_weights(self.units(index) for index in range(len(self.articles)))
            self._weights = weights
        return self._weights

    @property
    def aligner(self) -> StoryAligner:
        """The aligner every pair of this story is aligned with."""
        if self._aligner is None:
            aligner = StoryAligner(self.weights)
            with self._lock:
                if self._aligner is None:
                    self._aligner = aligner
        assert self._aligner is not None
        return self._aligner

    def comparison(self, a: int, b: int) -> Comparison:
        """Articles ``a`` (left) and ``b`` (right) compared: the one answer for the pair.

        Aligned once per pair; the other order is the same comparison swapped.

        Raises:
            ValueError: When ``a == b``.
        """
        if a == b:
            raise ValueError("an article is not compared with itself")
        found = self._comparisons.get((a, b))
        if found is not None:
            return found
        reverse = self._comparisons.get((b, a))
        if reverse is not None:
            found = reverse.swapped()
        else:
            aligner = self.aligner
            with collector_paused():
                found = compare_units(
                    self.articles[a], self.units(a), self.articles[b], self.units(b), aligner
                )
        self._comparisons[a, b] = found
        return found

    def adopt(self, a: int, b: int, comparison: Comparison) -> None:
        """Keep ``comparison`` of ``a`` and ``b``, made elsewhere by `compared_alone`."""
        self._comparisons.setdefault((a, b), comparison)

    def compared(self, a: int, b: int) -> Comparison | None:
        """The comparison of ``a`` and ``b`` if it was made already, else ``None``."""
        found = self._comparisons.get((a, b))
        if found is None and (reverse := self._comparisons.get((b, a))) is not None:
            found = self._comparisons[a, b] = reverse.swapped()
        return found

    def index(self, article: Article) -> int:
        """The index of ``article`` in this story.

        Raises:
            ValueError: When it is not one of the story's articles.
        """
        for index, candidate in enumerate(self.articles):
            if candidate is article:
                return index
        raise ValueError(f"{article.name} is not in this story")


def compared_alone(
    articles: Sequence[Article], a: int, b: int, weights: Mapping[str, float] | None
) -> tuple[dict[str, float], Comparison]:
    """The story's weights and its comparison of ``a`` and ``b``, made from scratch.

    For another process (a long pair keeps the interface's interpreter free): with
    the story's ``weights`` given, only the two articles are cut, and the comparison
    is the one `Story.comparison` gives, since a pair's links depend on nothing but
    its two articles and the weights.
    """
    story = Story(articles, weights=weights)
    return dict(story.weights), story.comparison(a, b)
