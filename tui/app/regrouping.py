"""The user's corrections to a folder's stories, and how the app describes a story.

`tui.core.story.grouping` finds the stories; a person may know better. Moving an
article to another story, or splitting articles off into a story of their own,
gives a new `Grouping` (the articles stay as they are: nothing is written to any
file). Stories keep their places, so the library does not jump: a new story comes
right after the one it left, and a story left empty disappears. No Textual here:
the corrections are tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from tui.core.reading.articles import Article
from tui.core.story.grouping import Grouping, StoryGroup, guessed_title, story_group

NEW_STORY = -1
"""The target of `move` that means "a new story of its own"."""


def move(grouping: Grouping, article: int, target: int) -> Grouping:
    """``grouping`` with ``article`` moved into story ``target`` (or `NEW_STORY`).

    Moving an article into its own story changes nothing.

    Raises:
        ValueError: When ``article`` or ``target`` is not in ``grouping``.
    """
    source = grouping.story_of(article)
    if target == NEW_STORY:
        return split(grouping, [article])
    if not 0 <= target < len(grouping.stories):
        raise ValueError(f"no story {target}")
    if target == source:
        return grouping
    members = [list(story.articles) for story in grouping.stories]
    members[source].remove(article)
    members[target] = sorted([*members[target], article])
    leads = [story.lead for story in grouping.stories]
    return _rebuilt(grouping, members, leads)


def split(grouping: Grouping, articles: Collection[int]) -> Grouping:
    """``grouping`` with ``articles`` (all of one story) taken into a new story.

    The new story comes right after the one they left, led by the old lead if it
    left; splitting off a whole story changes nothing.

    Raises:
        ValueError: When ``articles`` is empty, is not all of one story, or names an
            article not in ``grouping``.
    """
    leaving = sorted(set(articles))
    if not leaving:
        raise ValueError("nothing to split off")
    source = grouping.story_of(leaving[0])
    if any(grouping.story_of(article) != source for article in leaving):
        raise ValueError("the articles split off must be of one story")
    staying = [a for a in grouping.stories[source].articles if a not in leaving]
    if not staying:
        return grouping
    members = [list(story.articles) for story in grouping.stories]
    leads = [story.lead for story in grouping.stories]
    lead = grouping.stories[source].lead
    members[source] = staying
    members.insert(source + 1, leaving)
    leads.insert(source + 1, lead if lead in leaving else leaving[0])
    return _rebuilt(grouping, members, leads)


def _rebuilt(grouping: Grouping, members: Sequence[list[int]], leads: Sequence[int]) -> Grouping:
    """A grouping of ``members``, empty stories left out; unchanged stories kept as they were."""
    old = {story.articles: story for story in grouping.stories}
    stories = []
    for articles, lead in zip(members, leads, strict=True):
        if not articles:
            continue
        kept = old.get(tuple(articles))
        stories.append(kept or _group(grouping.articles, articles, lead))
    return Grouping(grouping.articles, tuple(stories))


def _group(articles: Sequence[Article], members: Sequence[int], lead: int) -> StoryGroup:
    """The story of ``members``, led by ``lead`` while it stays.

    Else by its first article with a real headline (a fallback title, the first
    sentence or the file name, makes a poor label), else by its first article.
    """
    if lead not in members:
        real = [member for member in members if not guessed_title(articles[member])]
        lead = (real or list(members))[0]
    return story_group(articles, members, lead)


def story_summary(story: StoryGroup) -> str:
    """What a story row says beside the label: its size and its dates.

    ``5 articles · 2024-03-11 – 03-14``; a story of one article says so:
    ``1 article · only this outlet · 2024-03-12``.
    """
    count = len(story.articles)
    parts = [f"{count:,} articles" if count != 1 else "1 article · only this outlet"]
    if story.dates is not None:
        parts.append(date_range(*story.dates))
    return " · ".join(parts)


def date_range(first: str, last: str) -> str:
    """``2024-03-11``, ``2024-03-11 – 03-14`` within a year, else both dates in full."""
    if first == last:
        return first
    if first[:4] == last[:4] and len(last) == 10:
        return f"{first} – {last[5:]}"
    return f"{first} – {last}"
