"""Story overview: who shares what with whom, what only one outlet says, where facts diverge.

One pass over a story's articles answers an editor's questions, each answer pointing
back at sentences (spans into `Article.text`):

- the shared-content matrix (`tui.core.story.matrix`): how much of each article every
  other carries, by tier, with the links behind each cell, and a row order that puts
  similar articles together;
- copy groups (`tui.core.story.copy_groups`): articles reprinting the same copy;
- only here: each article's sentences no other source carries;
- figures (`tui.core.story.figure_groups`): numbers grouped by the fact they count;
- quotes (`tui.core.story.quote_groups`): statements, who carries them, their wordings.

The work scales with the shared content, not with the number of article pairs:
each article is cut into units once (`tui.core.story.model.Story`), one index of
all sentences proposes the article pairs worth aligning
(`tui.core.alignment.story_index`), and only those pairs are aligned, by the same
`Story.comparison` the compare screen reads: a cell, its compare screen and its
report always agree. A folder of more than `ONE_STORY` articles is first grouped
into stories (`tui.core.story.grouping`): pairs are then aligned within each story,
and across stories only where they reuse wording (wire copy), so the work grows
with the folder, not with its square, and two stories are not joined by weak
paraphrases. The matrix still spans every article; a cell across two stories that
share no wording is empty.

`iter_overview` is the entry point for a UI worker: it yields `Progress` as it goes
and a more complete `Overview` as each part is ready (matrix first, then copy
groups, figures and quotes), so a screen can draw the matrix while the rest is still
being computed. `build_overview` runs it to the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations

from tui.core.alignment.align import Link, StoryAligner, collector_paused
from tui.core.alignment.comparison import Comparison
from tui.core.alignment.story_index import Cancelled, Candidates, candidate_pairs, reused_pairs
from tui.core.alignment.units import ArticleUnits
from tui.core.reading.articles import Article
from tui.core.spans import Span
from tui.core.story.copy_groups import CopyGroup, copy_groups, copy_pairs
from tui.core.story.figure_groups import (
    FigureGroup,
    FigureMention,
    figure_mentions,
    group_figures,
)
from tui.core.story.grouping import Grouping, iter_grouping
from tui.core.story.matrix import Cell, build_cells, similarity_order
from tui.core.story.model import Story
from tui.core.story.progress import Progress, ProgressCallback, worth_reporting
from tui.core.story.quote_groups import QuoteGroup, find_mentions, group_quotes

STAGES = ("prepare", "stories", "index", "align", "groups", "figures", "quotes")
"""The stages `Progress` reports, in order."""
ONE_STORY = 30
"""Up to this many articles, the overview reads them as one story: the index finds every
pair with links at little cost, and an article unlike the others keeps its links."""
WHOLE_STORY = 12
"""Of a larger folder, a story of up to this many articles has all its pairs aligned."""
EMBED_BATCH = 1000
"""Sentences embedded in one batch ahead of the index (`_embed_ahead`)."""


class OverviewCancelledError(Exception):
    """Raised by `build_overview` when ``cancelled`` said so before the end."""


@dataclass(frozen=True, slots=True)
class OverviewStats:
    """What the overview cost: how much the candidate index saved."""

    articles: int
    """Articles in the story."""
    pairs: int
    """Article pairs in the story: ``n * (n - 1) / 2``."""
    aligned_pairs: int
    """Pairs that had candidate sentences and were aligned."""
    weighed_sentence_pairs: int
    """Sentence pairs the index weighed exactly, their overlap's bound having reached the floor."""
    candidate_sentence_pairs: int
    """Of those, the pairs that qualify for a tier on their own: they make the aligned pairs."""
    links: int
    """Links found, each pair's counted once."""


@dataclass(frozen=True, slots=True)
class Overview:
    """Everything the overview screen shows. Articles are referred to by index.

    Parts not computed yet are ``None`` (`copy_groups`, `figures`, `quotes`);
    `complete` says when all are there.
    """

    story: Story = field(repr=False)
    """The story it sums up; its comparisons are the ones the matrix counts."""
    cells: tuple[tuple[Cell | None, ...], ...]
    """``cells[a][b]``: what article ``b`` carries of article ``a``; ``None`` on the diagonal."""
    order: tuple[int, ...]
    """Article indices ordered by similarity, so that groups sit together."""
    only_here: tuple[tuple[Span, ...], ...]
    """Per article, the linkable sentences no other article carries, in order."""
    totals: tuple[int, ...]
    """Per article, its linkable sentences (a matrix row's denominator)."""
    pair_links: Mapping[tuple[int, int], tuple[Link, ...]] = field(repr=False)
    """Links of each aligned pair ``(a, b)`` with ``a < b``, article ``a`` on side A.
    Use `links` for any order."""
    stats: OverviewStats
    """Counts of the work done."""
    copy_groups: tuple[CopyGroup, ...] | None = None
    """Articles reprinting the same copy, largest group first."""
    figures: tuple[FigureGroup, ...] | None = None
    """Figures grouped by what they count, most widely stated first."""
    quotes: tuple[QuoteGroup, ...] | None = None
    """Quoted statements, most widely carried first."""
    stories: tuple[tuple[int, ...], ...] = ()
    """The stories the articles form (`tui.core.story.grouping`), each article in one;
    one story for up to `ONE_STORY` articles. Pairs of one story are aligned when they
    share content, pairs of two only when they share wording, so a cell across two
    stories is empty unless wire copy joins them; every aligned pair's cell is its
    comparison."""

    @property
    def articles(self) -> tuple[Article, ...]:
        """The story's articles, referred to by index."""
        return self.story.articles

    @property
    def complete(self) -> bool:
        """True once every part is computed."""
        return None not in (self.copy_groups, self.figures, self.quotes)

    def cell(self, a: int, b: int) -> Cell | None:
        """What article ``b`` carries of article ``a`` (``None`` when ``a == b``)."""
        return self.cells[a][b]

    def links(self, a: int, b: int) -> tuple[Link, ...]:
        """The links between articles ``a`` and ``b``, article ``a`` on side A."""
        return self.comparison(a, b).links

    def comparison(self, a: int, b: int) -> Comparison:
        """Articles ``a`` and ``b`` compared: the story's one comparison of the pair.

        Raises:
            ValueError: When ``a == b``.
        """
        return self.story.comparison(a, b)


def build_overview(
    story: Story,
    progress: ProgressCallback | None = None,
    cancelled: Cancelled | None = None,
) -> Overview:
    """The complete overview of ``articles``.

    Args:
        story: The story.
        progress: Called with ``(stage, done, total)`` as the work advances.
        cancelled: Polled between steps; returning True stops the work.

    Raises:
        OverviewCancelledError: When ``cancelled`` returned True before the end.
    """
    result: Overview | None = None
    for step in iter_overview(story, cancelled=cancelled):
        if isinstance(step, Progress):
            if progress is not None:
                progress(step.stage, step.done, step.total)
        else:
            result = step
    if result is None or not result.complete:
        raise OverviewCancelledError
    return result


def iter_overview(
    story: Story, *, cancelled: Cancelled | None = None
) -> Iterator[Progress | Overview]:
    """Compute the overview step by step, for a worker thread.

    Yields `Progress` as it goes, and an `Overview` each time a part is ready: first
    with the matrix, order and only-here sentences, then with copy groups, figures
    and quotes added one by one. The last `Overview` is `complete`. When
    ``cancelled`` returns True the iteration stops early.

    The cyclic garbage collector is paused while a step is computed and runs
    between steps: the story's sentences, keys and links live until the end and
    form no cycles, yet the collector would walk them all again and again, a cost
    that grows faster than the story (a sixth of the time for 200 articles).
    """
    steps = _steps(story, cancelled or (lambda: False))
    while True:
        with collector_paused():
            step = next(steps, None)
        if step is None:
            return
        yield step


def _steps(story: Story, stop: Cancelled) -> Iterator[Progress | Overview]:
    """`iter_overview` itself, run one step at a time with the collector paused."""
    count = len(story)
    for index in range(count):
        story.units(index)
        if worth_reporting(index + 1, count):
            yield Progress("prepare", index + 1, count)
        if stop():
            return
    units = [story.units(index) for index in range(count)]
    aligner = story.aligner
    stories: tuple[tuple[int, ...], ...] = (tuple(range(count)),)
    yield Progress("stories", 0, 1)
    if count > ONE_STORY:
        grouping = None
        for step in iter_grouping(story.articles, units=units, cancelled=stop):
            if isinstance(step, Grouping):
                grouping = step
        if grouping is None:
            return
        stories = tuple(group.articles for group in grouping.stories)
    yield Progress("stories", 1, 1)
    yield Progress("index", 0, 1)
    candidates, weighed, qualifying = _pairs_to_align(units, aligner, stories, stop)
    if stop():
        return
    yield Progress("index", 1, 1)
    pair_links: dict[tuple[int, int], tuple[Link, ...]] = {}
    for done, (a, b) in enumerate(candidates, 1):
        links = story.comparison(a, b).links
        if links:
            pair_links[a, b] = links
        if worth_reporting(done, len(candidates)):
            yield Progress("align", done, len(candidates))
        if stop():
            return
    spans = [tuple(unit.span for unit in found.linkable_units) for found in units]
    cells = build_cells(story, pair_links)
    overview = Overview(
        story=story,
        cells=cells,
        order=similarity_order(cells),
        only_here=_only_here(spans, pair_links),
        totals=tuple(len(found) for found in spans),
        pair_links=pair_links,
        stats=OverviewStats(
            articles=count,
            pairs=count * (count - 1) // 2,
            aligned_pairs=len(candidates),
            weighed_sentence_pairs=weighed,
            candidate_sentence_pairs=qualifying,
            links=sum(map(len, pair_links.values())),
        ),
        stories=stories,
    )
    yield overview
    yield Progress("groups", 0, 1)
    positions = [{span: place for place, span in enumerate(found)} for found in spans]
    groups = copy_groups(story.articles, copy_pairs(pair_links, positions))
    yield Progress("groups", 1, 1)
    overview = replace(overview, copy_groups=groups)
    yield overview
    if stop():
        return
    mentions: list[FigureMention] = []
    for index, article in enumerate(units):
        mentions.extend(figure_mentions(index, article))
        if worth_reporting(index + 1, count):
            yield Progress("figures", index + 1, count)
        if stop():
            return
    overview = replace(overview, figures=group_figures(mentions, pair_links))
    yield overview
    quotes = []
    for index, article in enumerate(units):
        if article.has_prose:
            quotes.extend(find_mentions(index, article))
        if worth_reporting(index + 1, count):
            yield Progress("quotes", index + 1, count)
        if stop():
            return
    yield replace(overview, quotes=group_quotes(quotes, pair_links, story.weights))


def _pairs_to_align(
    units: Sequence[ArticleUnits],
    aligner: StoryAligner,
    stories: Sequence[Sequence[int]],
    stop: Cancelled,
) -> tuple[list[tuple[int, int]], int, int]:
    """The article pairs ``(a, b)``, ``a < b``, to align; sentence pairs weighed and qualifying.

    One story: the pairs the story index proposes, every pair with links. Several:
    within each story, every pair when it is small (`WHOLE_STORY`: nearly all its
    pairs share something) or the pairs its own index proposes; across stories, the
    pairs that reuse wording (`reused_pairs`), never a weak paraphrase.
    """
    if len(stories) == 1:
        _embed_ahead(units, range(len(units)), aligner)
        search = candidate_pairs(units, aligner, cancelled=stop)
        return [(p.a, p.b) for p in search.pairs], search.weighed, _qualifying(search)
    chosen: set[tuple[int, int]] = set()
    weighed = qualifying = 0
    for members in stories:
        if len(members) <= WHOLE_STORY:
            prose = sorted(article for article in members if units[article].has_prose)
            chosen.update(combinations(prose, 2))
            continue
        _embed_ahead(units, members, aligner)
        search = candidate_pairs(units, aligner, members=members, cancelled=stop)
        chosen.update((p.a, p.b) for p in search.pairs)
        weighed += search.weighed
        qualifying += _qualifying(search)
    reused = reused_pairs(units, stories, aligner, cancelled=stop)
    chosen.update((p.a, p.b) for p in reused.pairs)
    return sorted(chosen), weighed + reused.weighed, qualifying + _qualifying(reused)


def _embed_ahead(
    units: Sequence[ArticleUnits], members: Iterable[int], aligner: StoryAligner
) -> None:
    """Embed the sentences of ``members`` in batches of about `EMBED_BATCH`, before the index.

    The index weighs sentence pairs with the semantic signal, which would otherwise
    embed them two at a time (a fifth of a 30-article overview). Bounded batches
    keep the tokeniser's memory small; a small story's pairs, aligned without the
    index, embed each article as they need it.
    """
    batch: list[ArticleUnits] = []
    size = 0
    for article in members:
        batch.append(units[article])
        size += len(units[article].units)
        if size >= EMBED_BATCH:
            aligner.prepare(batch)
            batch, size = [], 0
    aligner.prepare(batch)


def _qualifying(search: Candidates) -> int:
    return sum(found.pairs for found in search.pairs)


def _only_here(
    spans: Sequence[Sequence[Span]], pair_links: Mapping[tuple[int, int], Sequence[Link]]
) -> tuple[tuple[Span, ...], ...]:
    """Per article, the linkable sentences that take part in no link at all."""
    carried: list[set[Span]] = [set() for _ in spans]
    for (a, b), links in pair_links.items():
        for link in links:
            carried[a].add(link.a)
            carried[b].add(link.b)
    return tuple(
        tuple(span for span in found if span not in carried[index])
        for index, found in enumerate(spans)
    )
