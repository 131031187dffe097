"""Direct quotations inside a sentence: marks, quotes across sentences, apostrophes."""

from __future__ import annotations

import pytest

from tui.core.language.quotes import find_quotes
from tui.core.language.sentences import segment


def quoted(text: str) -> list[list[str]]:
    """The quoted passages of each sentence of ``text``."""
    return [
        [span.slice(text) for span in find_quotes(text, sentence.span)]
        for sentence in segment(text)
    ]


@pytest.mark.parametrize("close", ['"', "”"])
def test_a_quote_across_two_sentences_is_found_in_both(close: str) -> None:
    """The mayor's two sentences: open in the first, closed in the second, either mark."""
    opener = "“" if close == "”" else '"'
    text = f"{opener}The pier will reopen in May. We owe the fishermen that.{close} She left."
    assert quoted(text) == [
        ["The pier will reopen in May"],
        ["We owe the fishermen that"],
        [],
    ]


def test_a_partial_quote_and_a_quote_in_a_quote() -> None:
    text = (
        'The mayor called the plan "a fair deal for everyone" on Tuesday. '
        "\"He said 'never again' to me,\" the skipper recalled."
    )
    assert quoted(text) == [["a fair deal for everyone"], ["He said 'never again' to me"]]


@pytest.mark.parametrize(
    "text",
    [
        "The Fishermen's Union and the Workers' Party met on Tuesday.",
        "The skippers' boats stayed in port, the council's staff said.",
    ],
)
def test_apostrophes_are_no_quotes(text: str) -> None:
    assert quoted(text) == [[]]


def test_a_straight_mark_inside_a_word_run_opens_nothing() -> None:
    text = 'The pier is 12" higher now, engineers said.'
    assert quoted(text) == [[]]
