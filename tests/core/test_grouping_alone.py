"""An article the clustering leaves alone joins the story it plainly belongs to, and only then."""

from __future__ import annotations

from tests.paths import STORIES_FOLDER, UI_FOLDER
from tui.core.reading.loading import load_paths
from tui.core.story.grouping import _attached, group_stories


def test_a_folder_of_one_event_is_one_story() -> None:
    """Seven reports of one wildfire: the short one that restates the event in its own
    words (and states no date) is not a story of its own."""
    grouping = group_stories(load_paths([UI_FOLDER]).articles)
    assert len(grouping.stories) == 1


def test_a_folder_of_three_events_keeps_its_story_of_one() -> None:
    """The frost story, reported once, stays alone beside the dam and the tram stories."""
    grouping = group_stories(load_paths([STORIES_FOLDER]).articles)
    sizes = sorted(len(story.articles) for story in grouping.stories)
    assert sizes == [1, 5, 5]


def test_a_lone_item_joins_only_a_story_it_is_nearly_as_like_as_its_own_members() -> None:
    cohesive = {(0, 1): 0.5, (0, 2): 0.5, (1, 2): 0.5}
    near = {**cohesive, (0, 3): 0.45, (1, 3): 0.4, (2, 3): 0.35}
    assert _attached([[0, 1, 2], [3]], near) == [[0, 1, 2, 3]]
    far = {**cohesive, (0, 3): 0.4, (1, 3): 0.1}  # one close pair, the rest unlike or unknown
    assert _attached([[0, 1, 2], [3]], far) == [[0, 1, 2], [3]]


def test_two_stories_are_never_joined_by_the_attaching_step() -> None:
    pairs = {(0, 1): 0.5, (2, 3): 0.5, (0, 2): 0.45, (1, 3): 0.45, (0, 3): 0.45, (1, 2): 0.45}
    assert _attached([[0, 1], [2, 3]], pairs) == [[0, 1], [2, 3]]
