"""The user's corrections to the stories (`tui.app.regrouping`), without a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app.regrouping import NEW_STORY, date_range, move, split, story_summary
from tui.core.reading.articles import Article
from tui.core.story.grouping import Grouping, StoryGroup


def _article(number: int, outlet: str, date: str | None, notes: tuple[str, ...] = ()) -> Article:
    text = f"Headline {number}\n\nSome words of article {number}.\n"
    return Article(
        path=Path(f"{number}.txt"),
        text=text,
        title=f"Headline {number}",
        outlet=outlet,
        sha256=f"{number:064}",
        date=date,
        notes=notes,
    )


ARTICLES = (
    _article(0, "Wire", "2025-06-02", ("no headline found: showing the first sentence",)),
    _article(1, "Daily", "2025-06-03"),
    _article(2, "Radio", "2025-06-02"),
    _article(3, "Wire", "2025-06-05"),
    _article(4, "Daily", None),
)


def _grouping() -> Grouping:
    first = StoryGroup((0, 1, 2), 2, "Headline 2", ("2025-06-02", "2025-06-03"), ("Wire",))
    second = StoryGroup((3, 4), 3, "Headline 3", ("2025-06-05", "2025-06-05"), ("Wire",))
    return Grouping(ARTICLES, (first, second))


def test_moving_an_article_changes_both_stories_and_their_dates() -> None:
    moved = move(_grouping(), 1, 1)
    assert [story.articles for story in moved.stories] == [(0, 2), (1, 3, 4)]
    assert moved.stories[0].dates == ("2025-06-02", "2025-06-02")
    assert moved.stories[1].dates == ("2025-06-03", "2025-06-05")
    assert moved.stories[1].outlets == ("Daily", "Wire")
    assert moved.stories[1].label == "Headline 3"  # its lead stays
    assert moved.story_of(1) == 1


def test_moving_the_lead_gives_the_story_another_label_a_real_headline_first() -> None:
    moved = move(_grouping(), 2, 1)
    assert moved.stories[0].articles == (0, 1)
    assert moved.stories[0].label == "Headline 1"  # article 0's title is its first sentence


def test_an_article_moved_into_a_new_story_stands_alone_after_its_old_one() -> None:
    moved = move(_grouping(), 0, NEW_STORY)
    assert [story.articles for story in moved.stories] == [(1, 2), (0,), (3, 4)]
    assert moved.stories[1].label == "Headline 0"


def test_a_story_left_empty_disappears() -> None:
    moved = move(move(_grouping(), 3, 0), 4, 0)
    assert [story.articles for story in moved.stories] == [(0, 1, 2, 3, 4)]


def test_moving_an_article_to_its_own_story_changes_nothing() -> None:
    grouping = _grouping()
    assert move(grouping, 1, 0) is grouping


def test_splitting_takes_the_articles_out_and_keeps_the_other_stories() -> None:
    grouping = _grouping()
    found = split(grouping, [2, 0])
    assert [story.articles for story in found.stories] == [(1,), (0, 2), (3, 4)]
    assert found.stories[2] is grouping.stories[1]
    assert found.stories[1].label == "Headline 2"


def test_splitting_off_a_whole_story_changes_nothing() -> None:
    grouping = _grouping()
    assert split(grouping, [3, 4]) is grouping


def test_splitting_across_stories_or_nothing_is_refused() -> None:
    with pytest.raises(ValueError):
        split(_grouping(), [1, 3])
    with pytest.raises(ValueError):
        split(_grouping(), [])
    with pytest.raises(ValueError):
        move(_grouping(), 1, 5)


def test_corrections_never_touch_the_articles() -> None:
    grouping = split(move(_grouping(), 1, 1), [3])
    assert grouping.articles == ARTICLES
    assert sorted(a for story in grouping.stories for a in story.articles) == [0, 1, 2, 3, 4]


def test_a_story_row_says_its_size_and_dates() -> None:
    grouping = _grouping()
    assert story_summary(grouping.stories[0]) == "3 articles · 2025-06-02 – 06-03"
    alone = split(grouping, [4]).stories[2]
    assert story_summary(alone) == "1 article · only this outlet"
    assert date_range("2024-12-30", "2025-01-02") == "2024-12-30 – 2025-01-02"
    assert date_range("2025-06-02", "2025-06-02") == "2025-06-02"
