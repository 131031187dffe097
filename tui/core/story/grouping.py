"""Stories in a folder: articles grouped by the event they report.

A downloads folder or a week of wire copy holds many stories. Grouping finds them
in three steps, each linear in the number of articles:

1. each article's profile: its content keys weighed by use and rarity
   (`tui.core.story.profiles`);
2. its nearest articles, found through an index of each profile's heaviest keys
   (`tui.core.story.neighbours`); a pair's similarity is the cosine of the two
   profiles, lowered when both articles are dated and the dates are more than
   `SAME_DAYS` apart (halved for every `HALVING_DAYS` beyond): coverage of one
   event comes within a day or two, and two North Korea stories a week apart are
   two stories;
3. average-linkage clustering on those pairs: the two groups whose articles are
   most similar on average merge first, until no two groups average
   `merge_threshold` (more in a larger folder, where topics blur). Pairs the
   index did not propose count as sharing nothing once few of two groups' pairs
   are known (`COVERAGE`), so one article that happens to resemble two events does
   not chain them together, while a large event, most of whose pairs the index
   leaves out, still holds together;
4. an article left alone joins the story it is most like when it is nearly as
   like that story as the story's articles are like each other (`ATTACH`): in a
   small folder of one event, the event's own words are in every article and so
   weigh little, and a short report that restates the event in other words falls
   just below `merge_threshold` of a story it plainly belongs to.

The sentence links of the alignment engine are no better evidence of one event
than the words: on the development folder, the articles of the two North Korea
stories share as large a part of their sentences (weak paraphrases, mostly) as the
articles of one story do. So grouping weighs words, and costs a fraction of
aligning.

Articles are taken in a canonical order (by content hash, then name), so the
grouping does not depend on the order the files were listed in. A group can be read
as a story of its own (`Grouping.story`): its words weighed among its articles, as
`storyreader overview` on its files alone would.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tui.core.alignment.story_index import Cancelled
from tui.core.alignment.units import ArticleUnits
from tui.core.metadata.extract import NO_HEADLINE
from tui.core.reading.articles import Article
from tui.core.story.model import Story
from tui.core.story.neighbours import NeighbourIndex
from tui.core.story.profiles import article_terms, profiles
from tui.core.story.progress import Progress, ProgressCallback, worth_reporting
from tui.core.text.safe import one_line

STAGES = ("terms", "neighbours", "stories")
"""The stages `Progress` reports, in order."""
MERGE = 0.23
"""Average similarity two groups need to merge into one story, in a folder of up to
`SMALL` articles; larger folders ask more (`merge_threshold`)."""
SMALL = 30
"""Up to this many articles, `MERGE` applies as it is."""
MERGE_GROWTH = 0.02
"""How much more similarity a merge needs each time the folder grows ``e``-fold past `SMALL`."""
MERGE_MOST = 0.28
"""The most similarity a merge ever needs."""
COVERAGE = 0.4
"""Share of two clusters' pairs their similarity is averaged over at least (`_clusters`)."""
ATTACH = 0.6
"""Share of a story's own cohesion (the average similarity of its articles' pairs) an
article left alone needs, on average over the story's articles, to join it. Two
stories of one topic stay apart: on the development folder, the two North Korea
stories are less than half as like each other as their articles are within each."""
SAME_DAYS = 2
"""Dates this many days apart are no evidence against one event."""
HALVING_DAYS = 2.0
"""Beyond `SAME_DAYS`, every this many days apart halve a pair's similarity."""
LEAD_SHARE = 0.5
"""A story's label is the headline of its most central article, or of one at least
this close to it in centrality whose headline is a real one, not a fallback."""


class GroupingCancelledError(Exception):
    """Raised by `group_stories` when ``cancelled`` said so before the end."""


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """One story of the folder: the articles reporting one event."""

    articles: tuple[int, ...]
    """Indices of its articles in `Grouping.articles`, in that order."""
    lead: int
    """The article that stands for the story (one of `articles`): the one most like
    the others, or nearly so with a real headline. Its headline is the label."""
    label: str
    """A one-line name a person recognises: the lead's headline, made safe to show."""
    dates: tuple[str, str] | None
    """The first and last date its articles state (ISO), ``None`` when none does."""
    outlets: tuple[str, ...]
    """Who published its articles, each once, in the order of `articles`."""


@dataclass(frozen=True, slots=True)
class Grouping:
    """A folder's articles and the stories they form: every article in exactly one."""

    articles: tuple[Article, ...]
    """The articles, in the order given."""
    stories: tuple[StoryGroup, ...]
    """Largest story first; equal sizes by first date (undated last), then first article."""

    def story_of(self, article: int) -> int:
        """The index in `stories` of the story article ``article`` belongs to.

        Raises:
            ValueError: When ``article`` is not an index of `articles`.
        """
        for index, story in enumerate(self.stories):
            if article in story.articles:
                return index
        raise ValueError(f"no article {article}")

    def story(self, index: int) -> Story:
        """Story ``index`` as a story of its own: its articles alone, in their order."""
        return Story([self.articles[article] for article in self.stories[index].articles])


def group_stories(
    articles: Sequence[Article],
    progress: ProgressCallback | None = None,
    cancelled: Cancelled | None = None,
) -> Grouping:
    """The stories of ``articles``.

    Args:
        articles: The folder's articles.
        progress: Called with ``(stage, done, total)`` as the work advances.
        cancelled: Polled between steps; returning True stops the work.

    Raises:
        GroupingCancelledError: When ``cancelled`` returned True before the end.
    """
    for step in iter_grouping(articles, cancelled=cancelled):
        if isinstance(step, Grouping):
            return step
        if progress is not None:
            progress(step.stage, step.done, step.total)
    raise GroupingCancelledError


def iter_grouping(
    articles: Sequence[Article],
    *,
    units: Sequence[ArticleUnits] | None = None,
    cancelled: Cancelled | None = None,
) -> Iterator[Progress | Grouping]:
    """Group ``articles`` step by step, for a worker thread.

    Yields `Progress` as it goes and the `Grouping` last; when ``cancelled`` returns
    True the iteration stops early, without a `Grouping`. ``units``, each article's
    units when cut already (the overview's), spare a second scan of every text
    (`article_terms`); the grouping is the same.
    """
    stop = cancelled or (lambda: False)
    count = len(articles)
    order = sorted(range(count), key=lambda index: _canonical(articles[index]))
    terms = []
    for done, index in enumerate(order, 1):
        terms.append(article_terms(articles[index], None if units is None else units[index]))
        if worth_reporting(done, count):
            yield Progress("terms", done, count)
            if stop():
                return
    found = profiles(terms, stop)
    if stop():
        return
    nearest = NeighbourIndex(found)
    days = [_day(articles[article].date) for article in order]
    pairs: dict[tuple[int, int], float] = {}
    for article in range(count):
        for other, similarity in nearest.neighbours(article):
            similarity *= _date_factor(days[article], days[other])
            pairs[min(article, other), max(article, other)] = similarity
        if worth_reporting(article + 1, count):
            yield Progress("neighbours", article + 1, count)
            if stop():
                return
    yield Progress("stories", 0, 1)
    clusters = _attached(_clusters(count, pairs, merge_threshold(count)), pairs)
    central = _central_of(_centrality(count, clusters, pairs), order)
    stories = [
        _story(articles, sorted(order[member] for member in cluster), central)
        for cluster in clusters
    ]
    stories.sort(key=_story_order)
    yield Progress("stories", 1, 1)
    yield Grouping(tuple(articles), tuple(stories))


def merge_threshold(count: int) -> float:
    """The average similarity two groups of a folder of ``count`` articles need to merge.

    In a small folder a story's own words and the words it shares with another
    story of the same topic (``north``, ``korea``, ``kim``) differ in rarity: the
    topic's are in many of the folder's articles. In a large folder of many topics
    both are rare, so two stories of one topic look more alike; measured on the
    mixed folder and rewritten copies of it (bench/stories.py), the similarity that
    separates them grows with the log of the folder's size.
    """
    grown = MERGE + MERGE_GROWTH * math.log(max(count, SMALL) / SMALL)
    return min(grown, MERGE_MOST)


def _clusters(count: int, pairs: dict[tuple[int, int], float], merge: float) -> list[list[int]]:
    """Average-linkage clusters of ``count`` items joined by ``pairs``.

    The closest two clusters merge first, until none is ``merge`` close. Two clusters'
    similarity is the sum of their known pairs' over their number of pairs, or over
    `COVERAGE` of all their pairs when fewer are known: the index keeps a few dozen
    neighbours per article, so in a large event most pairs are unknown yet similar,
    while a group joined to another by one or two pairs stays apart. Ties go to the
    lowest items, so the result never depends on the order of a dict.
    """
    members: dict[int, list[int]] = {item: [item] for item in range(count)}
    near: dict[int, dict[int, tuple[float, int]]] = {item: {} for item in range(count)}
    heap: list[tuple[float, int, int]] = []
    for (a, b), similarity in pairs.items():
        if similarity >= merge:
            heap.append((-similarity, a, b))
        near[a][b] = near[b][a] = (similarity, 1)
    heapq.heapify(heap)
    new = count
    while heap:
        _, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue  # stale: one side has merged since this entry was pushed
        first, second = members.pop(a), members.pop(b)
        near_a, near_b = near.pop(a), near.pop(b)
        merged = near[new] = {}
        for other in (near_a.keys() | near_b.keys()) - {a, b}:
            total_a, known_a = near_a.get(other, (0.0, 0))
            total_b, known_b = near_b.get(other, (0.0, 0))
            del near[other][a if known_a else b]
            if known_a and known_b:
                del near[other][b]
            link = merged[other] = near[other][new] = (total_a + total_b, known_a + known_b)
            similarity = _linkage(link, len(first) + len(second), len(members[other]))
            if similarity >= merge:
                heapq.heappush(heap, (-similarity, min(other, new), max(other, new)))
        members[new] = first + second
        new += 1
    return list(members.values())


def _attached(clusters: list[list[int]], pairs: dict[tuple[int, int], float]) -> list[list[int]]:
    """``clusters`` with each item left alone joined to the cluster it fits (`ATTACH`).

    Every decision is made against the clusters as they were, so the order the
    lone items are taken in does not matter; ties go to the lowest cluster.
    """
    cluster_of = {item: number for number, cluster in enumerate(clusters) for item in cluster}
    inside = [[0.0, 0] for _ in clusters]
    towards: dict[int, dict[int, list[float]]] = {}
    for (a, b), similarity in pairs.items():
        first, second = cluster_of[a], cluster_of[b]
        if first == second:
            inside[first][0] += similarity
            inside[first][1] += 1
            continue
        for item, other in ((a, second), (b, first)):
            if len(clusters[cluster_of[item]]) == 1 and len(clusters[other]) > 1:
                link = towards.setdefault(item, {}).setdefault(other, [0.0, 0])
                link[0] += similarity
                link[1] += 1
    joining: dict[int, int] = {}
    for item, links in towards.items():
        best, number = max(
            (_linkage((total, int(known)), 1, len(clusters[other])), -other)
            for other, (total, known) in links.items()
        )
        size = len(clusters[-number])
        total, known = inside[-number]
        cohesion = total / max(known, COVERAGE * size * (size - 1) / 2)
        if best >= ATTACH * cohesion:
            joining[item] = -number
    for item, number in joining.items():
        clusters[number].append(item)
    return [cluster for cluster in clusters if len(cluster) > 1 or cluster[0] not in joining]


def _linkage(link: tuple[float, int], size: int, other: int) -> float:
    """Similarity of two clusters of ``size`` and ``other`` items with known pairs ``link``."""
    total, known = link
    return total / max(known, COVERAGE * size * other)


def _centrality(
    count: int, clusters: Sequence[Sequence[int]], pairs: dict[tuple[int, int], float]
) -> list[float]:
    """Per item, its summed similarity to the other members of its cluster (pairs known)."""
    cluster_of = [0] * count
    for number, cluster in enumerate(clusters):
        for item in cluster:
            cluster_of[item] = number
    central = [0.0] * count
    for (a, b), similarity in pairs.items():
        if cluster_of[a] == cluster_of[b]:
            central[a] += similarity
            central[b] += similarity
    return central


def _central_of(central: Sequence[float], order: Sequence[int]) -> dict[int, float]:
    """`_centrality` by article index instead of canonical position."""
    return {article: central[position] for position, article in enumerate(order)}


def _story(
    articles: Sequence[Article], members: list[int], central: dict[int, float]
) -> StoryGroup:
    """The story of ``members`` (indices into ``articles``, in order)."""
    best = max(central[article] for article in members)
    near = [article for article in members if central[article] >= LEAD_SHARE * best]
    lead = min(
        near, key=lambda article: (guessed_title(articles[article]), -central[article], article)
    )
    return story_group(articles, members, lead)


def story_group(articles: Sequence[Article], members: Sequence[int], lead: int) -> StoryGroup:
    """The story of ``members`` (indices into ``articles``, in order), led by ``lead``.

    Its label, dates and outlets follow from them: the grouping and the user's
    corrections (`tui.app.regrouping`) build stories the same way.
    """
    dates = sorted(date for article in members if (date := articles[article].date))
    return StoryGroup(
        articles=tuple(members),
        lead=lead,
        label=one_line(articles[lead].title),
        dates=(dates[0], dates[-1]) if dates else None,
        outlets=tuple(dict.fromkeys(articles[article].outlet for article in members)),
    )


def guessed_title(article: Article) -> bool:
    """True when the article's title is a fallback (its first sentence or file name).

    Metadata says so in a note (`tui.core.metadata.extract`); a real headline makes
    a better label.
    """
    return any(note.startswith(NO_HEADLINE) for note in article.notes)


def _story_order(story: StoryGroup) -> tuple[int, bool, str, int]:
    return (
        -len(story.articles),
        story.dates is None,
        story.dates[0] if story.dates else "",
        story.articles[0],
    )


def _canonical(article: Article) -> tuple[str, str, int]:
    return (article.sha256, article.name, article.part or 0)


def _day(date: str | None) -> int | None:
    """The day number of an ISO date, ``None`` when there is none."""
    if date is None:
        return None
    try:
        return dt.date.fromisoformat(date).toordinal()
    except ValueError:
        return None


def _date_factor(first: int | None, second: int | None) -> float:
    """What the dates of two articles leave of their similarity: 1 when in doubt."""
    if first is None or second is None:
        return 1.0
    gap = abs(first - second) - SAME_DAYS
    return 1.0 if gap <= 0 else 0.5 ** (gap / HALVING_DAYS)
