"""The HTML report in a real browser, as the person it was sent to opens it.

The seed pair (the AFP wire story and the Moscow Times copy of it) is the page
looked at: its screenshots, and the page printed to PDF, are written under
``.pytest_cache/storyreader-html/`` (the test prints the paths).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.browser.pages import ARTEFACTS, Visit
from tests.paths import SEEDS
from tests.stories import compared
from tui.core.alignment.comparison import Comparison
from tui.core.reading.loading import load_paths
from tui.core.reports.html import comparison_html, overview_html, sentence_id
from tui.core.story.model import Story
from tui.core.story.overview import build_overview

Open = Callable[..., Visit]

HOSTILE = (
    "Officials said <script>window.pwned = 1; alert(1)</script> 500 people were moved on Tuesday.\n\n"
    'A caption <img src=x onerror="window.pwned = 2"> and <iframe src="https://example.com/">.\n\n'
    "Escape \x1b[2J and bidi \u202edesrever\u202c with &lt;b&gt; ends the article here.\n"
)


@pytest.fixture(scope="module")
def seed_story() -> Story:
    return Story(load_paths([SEEDS]).articles)


@pytest.fixture(scope="module")
def seed_pair(seed_story: Story) -> Comparison:
    names = [article.path.name[:3] for article in seed_story.articles]
    return seed_story.comparison(names.index("000"), names.index("001"))


@pytest.fixture
def seed_page(seed_pair: Comparison, seed_story: Story, tmp_path: Path) -> Path:
    path = tmp_path / "compare-000-001.html"
    path.write_text(comparison_html(seed_pair, len(seed_story)), encoding="utf-8")
    return path


def far_link(comparison: Comparison) -> tuple[str, str]:
    """The ids of the last pair in A's order: its B sentence is far down its pane."""
    link = max(comparison.links, key=lambda link: (link.a.start, link.b.start))
    return sentence_id("a", link.a), sentence_id("b", link.b)


def test_the_seed_pair_loads_without_an_error_or_a_request(seed_page: Path, visit: Open) -> None:
    seen = visit(seed_page, 1400, 900)
    assert seen.errors == []
    assert seen.requests == [seen.url]
    assert seen.page.locator("a.s").count() > 30
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTEFACTS / "compare-000-001.png"
    seen.page.screenshot(path=str(shot))
    print(f"\nscreenshot of the seed pair: {shot}")
    assert shot.stat().st_size > 50_000  # a blank or unstyled page compresses far below this


def test_a_click_brings_the_partner_level_with_the_sentence(
    seed_pair: Comparison, seed_page: Path, visit: Open
) -> None:
    seen = visit(seed_page)
    left, right = far_link(seed_pair)
    assert not seen.in_view(f"#{right}", "#pane-b")
    seen.page.locator(f"#{left}").click()
    assert seen.in_view(f"#{right}", "#pane-b")
    assert seen.in_view(f"#{left}", "#pane-a")
    assert abs(seen.box(f"#{right}")["y"] - seen.box(f"#{left}")["y"]) < 30
    selected = seen.page.locator(".sel")
    assert {selected.nth(i).get_attribute("data-s") for i in range(selected.count())} == {
        left,
        right,
    }
    assert seen.errors == []


def test_clicking_again_steps_to_the_sentences_next_partner(
    seed_pair: Comparison, seed_page: Path, visit: Open
) -> None:
    seen = visit(seed_page)
    first = seed_pair.links[0].a
    partners = (seen.page.get_attribute(f"#a{first.start}", "data-p") or "").split()
    assert len(partners) >= 2
    sentence = seen.page.locator(f"#a{first.start}")
    sentence.click()
    assert seen.page.locator(f"#{partners[0]}.sel").count() == 1
    sentence.click()
    assert seen.page.locator(f"#{partners[0]}.sel").count() == 0
    assert seen.page.locator(f"#{partners[1]}.sel").count() == 1
    assert seen.in_view(f"#{partners[1]}", "#pane-b")


def test_n_steps_through_the_pairs(seed_pair: Comparison, seed_page: Path, visit: Open) -> None:
    seen = visit(seed_page)
    seen.page.keyboard.press("N")  # back from the start: the last pair
    last = seed_pair.links[-1]
    assert seen.in_view(f"#{sentence_id('a', last.a)}", "#pane-a")
    assert seen.in_view(f"#{sentence_id('b', last.b)}", "#pane-b")
    seen.page.keyboard.press("n")  # and on again to the first
    first = seed_pair.links[0]
    assert seen.page.locator(f"#{sentence_id('b', first.b)}.sel").count() == 1


def test_on_a_narrow_screen_the_texts_stack_and_the_page_scrolls(
    seed_pair: Comparison, seed_page: Path, visit: Open
) -> None:
    seen = visit(seed_page, 420, 800)
    pane_a, pane_b = seen.box("#pane-a"), seen.box("#pane-b")
    assert pane_b["y"] >= pane_a["y"] + pane_a["height"]
    assert pane_a["width"] <= 420
    left, right = far_link(seed_pair)
    seen.page.locator(f"#{left}").click()
    assert seen.in_view(f"#{right}")
    assert seen.errors == []


def test_without_javascript_a_sentence_still_leads_to_its_partner(
    seed_pair: Comparison, seed_page: Path, visit: Open
) -> None:
    seen = visit(seed_page, javascript=False)
    left, right = far_link(seed_pair)
    assert not seen.in_view(f"#{right}", "#pane-b")
    seen.page.locator(f"#{left}").click()
    assert seen.page.url.endswith(f"#{right}")
    assert seen.in_view(f"#{right}", "#pane-b")
    assert seen.errors == []


def test_printed_each_text_is_whole(seed_page: Path, visit: Open) -> None:
    seen = visit(seed_page)
    seen.page.emulate_media(media="print")
    clipped = seen.page.locator(".pane").evaluate_all(
        "panes => panes.map(p => p.scrollHeight - p.clientHeight)"
    )
    assert clipped == [0, 0]
    printed = ARTEFACTS / "compare-000-001.pdf"
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    seen.page.pdf(path=str(printed), print_background=True)
    print(f"\nthe seed pair printed: {printed}")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", printed.read_bytes()))
    assert pages >= 3  # both texts in full, then the pairs


def test_article_text_cannot_run_or_fetch_anything(tmp_path: Path, visit: Open) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(comparison_html(compared(HOSTILE, HOSTILE)), encoding="utf-8")
    seen = visit(path)
    assert seen.errors == [] and seen.dialogs == []
    assert seen.requests == [seen.url]
    assert seen.page.evaluate("window.pwned") is None
    assert seen.page.evaluate("document.scripts.length") == 1
    assert seen.page.locator("img, iframe").count() == 0
    text = seen.page.locator("#pane-a").inner_text()
    assert "<script>window.pwned = 1; alert(1)</script>" in text
    assert "<U+202E>desrever<U+202C>" in text


def test_the_overview_loads_and_shows_the_matrix(
    seed_story: Story, tmp_path: Path, visit: Open
) -> None:
    path = tmp_path / "overview.html"
    path.write_text(overview_html(build_overview(seed_story)), encoding="utf-8")
    seen = visit(path, 1400, 1000)
    assert seen.errors == [] and seen.requests == [seen.url]
    cells = seen.page.locator("table.matrix tbody td").count()
    assert cells == len(seed_story) * (len(seed_story) + 1)
    assert seen.in_view("table.matrix")
    folded = "[...document.querySelectorAll('details')].filter(d => !d.open).length"
    assert seen.page.evaluate(folded) > 0
    seen.page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert seen.page.evaluate(folded) == 0  # paper shows every figure's mentions
    shot = ARTEFACTS / "overview-seeds.png"
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    seen.page.screenshot(path=str(shot), full_page=True)
    print(f"\nscreenshot of the seed overview: {shot}")
