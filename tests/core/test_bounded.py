"""Long articles: the alignment reads a bounded beginning, cut where a sentence ends."""

from __future__ import annotations

import pytest

from tests.stories import article_of, story_of
from tui.core.story import model
from tui.core.story.model import aligned_span

PARAGRAPH = "Officials in the district counted {n} ballots on day {n} of the recount.\n\n"


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(model, "ALIGN_LIMIT", 1000)
    return 1000


def test_a_short_article_is_aligned_whole_from_its_body():
    article = article_of("---\ntitle: T\n---\n\nFirst sentence here. Second one.\n")
    assert aligned_span(article) == (article.body, len(article.text))


def test_a_long_article_is_cut_at_its_last_line_break_before_the_limit(small_limit):
    text = "".join(PARAGRAPH.format(n=n) for n in range(100))
    span = aligned_span(article_of(text))
    assert span.start == 0 and small_limit // 2 <= span.end <= small_limit
    assert text[span.end - 1 : span.end + 2] == ".\n\n"


def test_without_line_breaks_it_is_cut_after_a_sentence(small_limit):
    text = " ".join(PARAGRAPH.format(n=n).strip() for n in range(100))
    span = aligned_span(article_of(text))
    assert span.end <= small_limit and text[span.end - 1] == "." and text[span.end] == " "


def test_the_story_cuts_and_aligns_the_beginning_only(small_limit):
    text = "".join(PARAGRAPH.format(n=n) for n in range(100))
    story = story_of(text, text)
    end = aligned_span(story.articles[0]).end
    assert story.units(0).text == text  # spans still index the whole text
    assert max(unit.span.end for unit in story.units(0).units) <= end
    comparison = story.comparison(0, 1)
    assert comparison.links and all(link.a.end <= end for link in comparison.links)
    assert comparison.summary.a.chars == len(text)
