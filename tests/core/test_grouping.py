"""Stories in a folder: one event's articles together, other events apart, every article once."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.paths import ROOT
from tests.stories import article_of
from tui.core.reading.articles import Article
from tui.core.reading.loading import load_paths
from tui.core.story import neighbours
from tui.core.story.grouping import (
    MERGE,
    MERGE_MOST,
    SMALL,
    STAGES,
    Grouping,
    GroupingCancelledError,
    group_stories,
    iter_grouping,
    merge_threshold,
)
from tui.core.story.progress import Progress

STORIES = ROOT / "tests" / "fixtures" / "stories"
"""Four events: a ferry strike (a), a second strike at the same port a week later (b),
a wildfire (c) and a chess tournament reported once (d); the file name's letter."""


@pytest.fixture(scope="module")
def folder() -> list[Article]:
    return load_paths([STORIES]).articles


def events(grouping: Grouping) -> list[list[str]]:
    """Each story as the event letters of its articles' file names, in story order."""
    return [
        [grouping.articles[index].path.name[:2] for index in story.articles]
        for story in grouping.stories
    ]


def test_each_event_is_one_story(folder: list[Article]) -> None:
    grouping = group_stories(folder)
    assert events(grouping) == [["a1", "a2", "a3"], ["c1", "c2", "c3"], ["b1", "b2"], ["d1"]]


def test_two_strikes_at_one_port_a_week_apart_are_two_stories(folder: list[Article]) -> None:
    """They share the port, the union, its secretary: only the dates tell them apart."""
    dated = events(group_stories(folder))
    assert ["a1", "a2", "a3"] in dated and ["b1", "b2"] in dated
    undated = [article.replace(date=None) for article in folder]
    assert ["a1", "a2", "a3", "b1", "b2"] in events(group_stories(undated))


def test_every_article_is_in_exactly_one_story(folder: list[Article]) -> None:
    grouping = group_stories(folder)
    members = sorted(index for story in grouping.stories for index in story.articles)
    assert members == list(range(len(folder)))
    for index in range(len(folder)):
        assert index in grouping.stories[grouping.story_of(index)].articles
    with pytest.raises(ValueError):
        grouping.story_of(len(folder))


def test_stories_say_their_size_dates_outlets_and_headline(folder: list[Article]) -> None:
    """Largest first; of equal size, the earlier dated first; the label is a headline."""
    strike, fire, pension, chess = group_stories(folder).stories
    assert strike.dates == ("2024-03-04", "2024-03-05")
    assert pension.dates == ("2024-03-12", "2024-03-13")
    assert fire.dates is None and chess.dates is None
    assert strike.outlets == ("Harbour Daily", "Coast Courier", "Valley Radio")
    assert "Port Aldric" in strike.label and "Kessing" in fire.label
    assert chess.label == "Sixteen-year-old Ilse Varga wins the Brenford Open"
    assert chess.articles == (chess.lead,)


def test_the_label_prefers_a_real_headline_to_a_first_sentence() -> None:
    """Two copies of one report: the one without a headline line never names the story."""
    body = (
        "Ferry crews in Port Aldric stopped work on Monday, stranding 4,200 commuters "
        "on the Vell estuary. The Seafarers' Guild said its members would stay off the "
        "boats until Aldric Lines dropped unpaid night shifts.\n"
    )
    fallback = article_of(body, "no_headline.txt")
    headed = article_of("# Aldric Lines ferry crews strike\n\n" + body, "headed.txt")
    assert fallback.notes  # metadata says it fell back to the first sentence
    for articles in ([fallback, headed], [headed, fallback]):
        (story,) = group_stories(articles).stories
        assert story.label == "Aldric Lines ferry crews strike"


def test_labels_are_safe_to_print() -> None:
    """A headline with a right-to-left override and a line break (from any source) is inert."""
    text = "Crews stopped the estuary ferries.\n"
    article = Article(Path("x.txt"), text, title="Ferry\u202e\nstrike", outlet="x", sha256="0")
    (story,) = group_stories([article]).stories
    assert story.label == "Ferry<U+202E> strike"


def test_the_order_of_the_files_does_not_change_the_stories(folder: list[Article]) -> None:
    expected = {frozenset(names) for names in map(tuple, events(group_stories(folder)))}
    shuffled = list(folder)
    random.Random(3).shuffle(shuffled)
    assert {frozenset(names) for names in map(tuple, events(group_stories(shuffled)))} == (expected)


def test_a_story_opens_as_a_story_of_its_own(folder: list[Article]) -> None:
    grouping = group_stories(folder)
    story = grouping.story(1)
    assert story.articles == tuple(folder[index] for index in grouping.stories[1].articles)
    assert story.comparison(0, 1).links  # two reports of the wildfire share sentences


def test_nothing_and_junk_are_stories_of_their_own() -> None:
    assert group_stories([]).stories == ()
    junk = [
        Article(path=Path(name), text=text, title="", outlet="x", sha256=name)
        for name, text in (("empty.txt", ""), ("word.txt", "word"), ("bin.txt", "\x00\x01\x02"))
    ]
    grouping = group_stories(junk)
    assert sorted(story.articles for story in grouping.stories) == [(0,), (1,), (2,)]


def test_progress_reaches_every_stage_and_cancelling_stops(folder: list[Article]) -> None:
    seen: dict[str, tuple[int, int]] = {}
    group_stories(folder, progress=lambda stage, done, total: seen.update({stage: (done, total)}))
    assert list(seen) == list(STAGES)
    assert all(done == total for done, total in seen.values())
    with pytest.raises(GroupingCancelledError):
        group_stories(folder, cancelled=lambda: True)
    steps = list(iter_grouping(folder, cancelled=lambda: True))
    assert steps and all(isinstance(step, Progress) for step in steps)


def test_each_article_weighs_a_bounded_number_of_others(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never all pairs: the cosines computed grow with the folder, not with its square."""
    weighed = 0
    similarity = neighbours.Profile.similarity

    def counted(self: neighbours.Profile, other: neighbours.Profile) -> float:
        nonlocal weighed
        weighed += 1
        return similarity(self, other)

    monkeypatch.setattr(neighbours.Profile, "similarity", counted)
    rng = random.Random(5)
    letters = "bcdfghjklmnpqrstvwxz"
    vocabularies = [
        [f"{letters[story]}{letters[n // 20]}a{letters[n % 20]}o" for n in range(60)]
        for story in range(3)
    ]
    articles = [
        article_of(
            " ".join(" ".join(rng.sample(vocabularies[index % 3], 10)) + "." for _ in range(8))
            + "\n",
            f"{index}.txt",
        )
        for index in range(300)
    ]
    grouping = group_stories(articles)
    assert weighed <= neighbours.PROBED * len(articles)
    assert sorted({index % 3 for index in story.articles} for story in grouping.stories) == [
        {0},
        {1},
        {2},
    ]


def test_a_larger_folder_asks_more_of_a_merge() -> None:
    """Topics blur as a folder grows (see `merge_threshold`); the bar rises, then stops."""
    assert merge_threshold(5) == merge_threshold(SMALL) == MERGE
    assert MERGE < merge_threshold(100) < merge_threshold(200) < MERGE_MOST
    assert merge_threshold(10_000) == MERGE_MOST


def test_file_names_standing_in_for_headlines_join_nothing() -> None:
    """Hash-like names share fragments (``aa``, ``fba``); they say nothing of the event."""
    texts = [
        "Ferry boats in Port Aldric stayed moored on Monday.\n",
        "Wildfire smoke grounded planes over the Kessing Valley overnight.\n",
    ]
    names = ["c0aa0fba0dd7.txt", "c0aa0fba0ee7.txt"]
    articles = [
        Article(Path(name), text, title=name[:-4], outlet="x", sha256=name,
                notes=("no headline found: showing the file name",))
        for name, text in zip(names, texts, strict=True)
    ]  # fmt: skip
    assert len(group_stories(articles).stories) == 2


def test_a_shared_site_address_joins_nothing() -> None:
    """Two unrelated short reports saved from one site, each with the site's addresses."""
    links = (
        "\n\nMore at https://www.harbourdaily.example/news/latest and "
        "<https://www.harbourdaily.example/news/2024/{}.html>, or mail desk@harbourdaily.example\n"
    )
    texts = [
        ("Ferries", "Ferry boats stayed moored."),
        ("Smoke", "Wildfire smoke grounded planes."),
    ]
    articles = [
        article_of(body + links.format(n), f"{n}.txt", title=title)
        for n, (title, body) in enumerate(texts)
    ]
    assert len(group_stories(articles).stories) == 2
