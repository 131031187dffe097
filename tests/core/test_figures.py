"""Figures in a sentence: value, unit, hedge, what is counted and what was done to it."""

from __future__ import annotations

import pytest

from tui.core.language.figures import COUNT, PERCENT, find_figures
from tui.core.spans import Span


def figures(sentence: str) -> list[tuple[str, float, str, str, str, str]]:
    found = find_figures(sentence, Span(0, len(sentence)))
    return [(f.text, f.value, f.unit, f.qualifier, f.thing, f.action) for f in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Police detain more than 500 protesters in the capital.",
            [("more than 500", 500, COUNT, "more than", "protesters", "detain")],
        ),
        (
            "The ministry said 774 people were arrested on Sunday.",
            [("774", 774, COUNT, "", "people", "arrested")],
        ),
        (
            "She promised a $1.5 billion loan.",
            [("$1.5 billion", 1.5e9, "dollar", "", "loan", "promised")],
        ),
        (
            "They agreed a credit line of 1.5 billion dollars to the neighbour.",
            [("1.5 billion dollars", 1.5e9, "dollar", "", "credit line", "")],
        ),
        (
            r"He was liable for the \$2bn debt.",
            [("$2bn", 2e9, "dollar", "", "debt", "")],
        ),
        (
            "At least three people have died and hundreds were injured.",
            [
                ("At least three", 3, COUNT, "at least", "people", "died"),
                ("hundreds", 100, COUNT, "", "", "injured"),
            ],
        ),
        (
            "Rallies drew tens of thousands on Sunday.",
            [("tens of thousands", 10_000, COUNT, "", "", "drew")],
        ),
        (
            "He won more than 80 per cent of the vote.",
            [("more than 80 per cent", 80, PERCENT, "more than", "vote", "won")],
        ),
        (
            "A fund of €40 million (about 47%) was set up.",
            [
                ("€40 million", 4e7, "euro", "", "fund", ""),
                ("about 47%", 47, PERCENT, "about", "", ""),
            ],
        ),
        (
            "The old dam holds back about 40 million cubic metres.",
            [("about 40 million", 4e7, COUNT, "about", "cubic metres", "")],
        ),
        (
            "The 66-year-old leader took part.",
            [("66", 66, COUNT, "", "year-old", "")],
        ),
    ],
)
def test_figures_in_a_sentence(sentence: str, expected: list[tuple]) -> None:
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The vote took place on Aug. 9 and the results came on 10 August.",
        "It was first proposed in 2019.",
        "Published 2020-09-14 at 10:30 by staff.",
        "Read more at https://example.com/2020/09/14/story-a71439 today.",
        "The 9th convoy and the G7 summit met.",
        "One of them left, one-to-one talks followed.",
        "The statement came at about 7 p.m. and again at 9pm.",
        "Buses left at 9 o'clock.",
        "It ended the 1950-53 war and the 2017–18 season.",
        "The two countries signed it; these three leaders and our two nations agreed.",
    ],
)
def test_dates_years_codes_and_addresses_are_not_figures(sentence: str) -> None:
    assert figures(sentence) == []


def test_a_count_after_the_is_still_a_count() -> None:
    """Only a number word names a known set after ``the``: digits still count."""
    assert [f[0] for f in figures("The 500 protesters and the 12 ministers left.")] == ["500", "12"]


@pytest.mark.parametrize(
    ("sentence", "thing", "phrase"),
    [
        (
            "Seoul asked the U.S. to withdraw 28,500 U.S. troops from the peninsula.",
            "U.S. troops",
            "withdraw 28,500 U.S. troops",
        ),
        ("He could kill millions of people.", "people", "kill millions of people"),
        (
            "Police detain more than 500 protesters.",
            "protesters",
            "detain more than 500 protesters",
        ),
        ("It fired a 21-gun salute.", "gun salute", "fired a 21-gun salute"),
        ("They agreed a loan of $1.5 billion.", "loan", "loan of $1.5 billion"),
        ("Some 40 people were detained.", "people", "Some 40 people were detained"),
    ],
)
def test_a_figures_phrase_is_its_sentences_words(sentence: str, thing: str, phrase: str) -> None:
    """What one source alone states reads as it says it, initials whole."""
    (figure,) = find_figures(sentence, Span(0, len(sentence)))
    assert (figure.thing, figure.phrase) == (thing, phrase)


def test_span_covers_hedge_and_unit_words() -> None:
    text = "Before. Officials said nearly 7,000 people were detained."
    (figure,) = find_figures(text, Span(8, len(text)))
    assert figure.span.slice(text) == "nearly 7,000"
    assert figure.sentence == Span(8, len(text))
    assert figure.normal == "7,000"


def test_normal_notation_makes_notations_agree() -> None:
    (a,) = find_figures("A $1.5 billion loan.", Span(0, 20))
    text = "A loan of 1.5 billion dollars."
    (b,) = find_figures(text, Span(0, len(text)))
    assert a.normal == b.normal == "1.5 billion dollars"


def test_generic_count_nouns_are_not_specific() -> None:
    text = "Some 40 people and 12 soldiers left."
    people, soldiers = find_figures(text, Span(0, len(text)))
    assert people.specific_keys == frozenset()
    assert soldiers.specific_keys == soldiers.thing_keys != frozenset()
