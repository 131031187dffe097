"""Find in what the reader shows."""

from __future__ import annotations

from tui.core.text.document import render_markdown
from tui.core.text.find import find_all


def test_finds_every_match_case_insensitively_as_source_spans() -> None:
    text = "Putin met **Lukashenko**.\n\nLater, putin left."
    spans = find_all(render_markdown(text), "PUTIN")
    assert [text[s.start : s.end] for s in spans] == ["Putin", "putin"]


def test_finds_what_is_displayed_not_the_markup() -> None:
    text = "a loan of \\$1.5 billion"
    (span,) = find_all(render_markdown(text), "$1.5")
    assert text[span.start : span.end] == "$1.5"


def test_blank_query_finds_nothing() -> None:
    assert find_all(render_markdown("some text"), "  ") == []


def test_match_across_inline_markup() -> None:
    text = "the **elder** brother"
    (span,) = find_all(render_markdown(text), "elder brother")
    assert text[span.start : span.end] == "elder** brother"
