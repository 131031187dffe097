"""One answer per question: the story model behind compare, overview, pick and the CLI."""

from __future__ import annotations

import json
from itertools import combinations, permutations
from pathlib import Path

import pytest

from tests.paths import SEEDS
from tests.stories import article_of, story_of
from tui.cli import main
from tui.core.alignment import units
from tui.core.alignment.comparison import Comparison
from tui.core.reading.loading import load_paths
from tui.core.story.model import Story, compared_alone
from tui.core.story.overview import build_overview

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def fingerprint(
    comparison: Comparison,
) -> list[tuple[tuple[int, int], tuple[int, int], str, float]]:
    return [(tuple(link.a), tuple(link.b), link.tier, link.score) for link in comparison.links]


def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def seeds() -> Story:
    return Story(load_paths([SEEDS]).articles)


def test_the_overview_counts_the_links_the_story_compares(seeds: Story) -> None:
    """Every cell is its pair's comparison: same links, same shares, both ways round."""
    overview = build_overview(seeds)
    for a, b in permutations(range(len(seeds)), 2):
        comparison = seeds.comparison(a, b)
        assert overview.cell(a, b) == comparison.summary.a
        assert overview.cell(b, a) == comparison.summary.b
        assert fingerprint(overview.comparison(a, b)) == fingerprint(comparison)
        pair = overview.pair_links.get((min(a, b), max(a, b)), ())
        assert len(pair) == len(comparison.links)


def test_the_headline_share_is_the_matrix_share() -> None:
    """Seeds 000 and 001: the compare header once said 89% where the matrix said 100%."""
    story = Story(load_paths(SEED_FILES[:2]).articles)
    summary = story.comparison(0, 1).summary.a
    cell = build_overview(story).cell(0, 1)
    assert (summary.shared, summary.sentences, summary.percent) == (16, 16, 100)
    assert cell == summary


def test_cli_compare_in_a_story_is_the_overview_pair(capsys: pytest.CaptureFixture[str]) -> None:
    overview = cli_json(capsys, "overview", str(SEEDS), "--format", "json")
    names = [Path(article["path"]).name for article in overview["articles"]]
    pairs = {(pair["a"], pair["b"]): pair["links"] for pair in overview["pairs"]}
    for a, b in combinations(range(len(names)), 2):
        report = cli_json(
            capsys,
            "compare",
            str(SEEDS / names[a]),
            str(SEEDS / names[b]),
            "--story",
            str(SEEDS),
            "--format",
            "json",
        )
        assert report["story_articles"] == len(names)
        found = [
            {key: link[key] for key in ("a", "b", "tier", "score")} for link in report["links"]
        ]
        assert found == pairs.get((a, b), [])
        assert report["summary"]["a"]["shared"] == overview["matrix"][a][b]["carried"]
        assert report["summary"]["a"]["sentences"] == overview["matrix"][a][b]["total"]


def test_cli_compare_alone_is_an_overview_of_two(capsys: pytest.CaptureFixture[str]) -> None:
    first, second = (str(path) for path in SEED_FILES[2:4])
    report = cli_json(capsys, "compare", first, second, "--format", "json")
    overview = cli_json(capsys, "overview", first, second, "--format", "json")
    (pair,) = overview["pairs"]
    assert report["story_articles"] == 2
    assert [{key: link[key] for key in pair["links"][0]} for link in report["links"]] == pair[
        "links"
    ]


def test_a_story_of_five_weighs_words_differently_from_a_pair_alone(seeds: Story) -> None:
    """Why the story is explicit: one name in every article weighs less among five."""
    alone = Story([seeds.articles[0], seeds.articles[3]])
    assert fingerprint(alone.comparison(0, 1)) != fingerprint(seeds.comparison(0, 3))


def test_each_text_is_segmented_once_per_story(monkeypatch: pytest.MonkeyPatch) -> None:
    cut: list[int] = []
    segment = units.segment

    def counted(text: str, start: int = 0):  # type: ignore[no-untyped-def]
        cut.append(len(text))
        return segment(text, start)

    monkeypatch.setattr(units, "segment", counted)
    story = Story(load_paths([SEEDS]).articles)
    build_overview(story)
    for a, b in permutations(range(len(story)), 2):
        story.comparison(a, b)
    assert len(cut) == len(story)


def test_cli_commands_segment_each_text_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cut: list[int] = []
    segment = units.segment
    monkeypatch.setattr(
        units, "segment", lambda text, start=0: cut.append(1) or segment(text, start)
    )
    for fmt in ("json", "text", "markdown"):
        cut.clear()
        assert main(["compare", str(SEED_FILES[0]), str(SEED_FILES[1]), "--format", fmt]) == 0
        assert len(cut) == 2, fmt
    cut.clear()
    assert main(["overview", str(SEEDS), "--format", "json"]) == 0
    assert len(cut) == len(SEED_FILES)
    capsys.readouterr()


def test_another_process_computes_the_same_comparison(seeds: Story) -> None:
    """What the app's child process returns for a long pair is the story's answer."""
    weights, alone = compared_alone(seeds.articles, 1, 4, None)
    assert weights == seeds.weights
    assert fingerprint(alone) == fingerprint(seeds.comparison(1, 4))
    _, pair_only = compared_alone([seeds.articles[1], seeds.articles[4]], 0, 1, seeds.weights)
    assert fingerprint(pair_only) == fingerprint(seeds.comparison(1, 4))
    assert pair_only.summary == seeds.comparison(1, 4).summary


HEADER = "---\ntitle: Ferries halted\noutlet: Harbour Daily\ndate: 2021-02-03\n---\n"


def test_front_matter_is_never_a_sentence() -> None:
    """Two files with the same YAML header share no link on it, in compare and overview."""
    a = HEADER + "Ferries stopped running to the islands after the harbour froze.\n"
    b = HEADER + "A new library opened downtown with a reading room for two hundred.\n"
    story = story_of(a, b)
    assert story.articles[0].body == len(HEADER)
    assert story.articles[0].title == "Ferries halted"
    assert all(unit.span.start >= len(HEADER) for unit in story.units(0).units)
    assert story.comparison(0, 1).links == ()
    assert build_overview(story).pair_links == {}


def test_a_rule_that_is_not_front_matter_leaves_the_body_whole() -> None:
    text = "---\nThis line is prose, not a key.\n---\nHeadline here\n\nThe harbour froze overnight."
    article = article_of(text)
    assert article.body == 0
