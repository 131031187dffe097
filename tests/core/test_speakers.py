"""Speakers of quotations: general attribution patterns, no names known in advance."""

from __future__ import annotations

import pytest

from tui.core.language.quotes import find_quotes
from tui.core.language.speakers import find_speaker, resolve, same_speaker
from tui.core.spans import Span


def speaker(sentence: str) -> str:
    span = Span(0, len(sentence))
    return find_speaker(sentence, span, find_quotes(sentence, span))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('"We will stay until the end," Anna Kovac said.', "Anna Kovac"),
        ("“We will stay until the end,” said Mr Kovac.", "Kovac"),
        ('"We will stay," Kovac, who leads the party, said on Monday.', "Kovac"),
        ("Prime Minister Lea Stone said: “Nothing will change for now.”", "Lea Stone"),
        ("The harbour master Jon Eide said the ships “can leave at dawn”.", "Jon Eide"),
        ('"It is over," the Interior Ministry said in a statement.', "Interior Ministry"),
        ("“It is over for all of us,” German envoy Karl von Brandt said.", "Karl von Brandt"),
        ("“We are ready for it,” she added.", "she"),
        ("She later said that the plan “was never going to work”.", "she"),
        ('The president said he was "sure it will all work out".', ""),
        ('The United States has "no plans to intervene at all".', ""),
        ("“Nothing has changed since Monday,” said Monday's paper.", ""),
        ('Kovac described the vote as "a serious lesson" that he said was learned.', "Kovac"),
        ("According to the Health Office, “the wards are full”.", "Health Office"),
        ('Speaking at the depot, she said "the repairs are going well".', "she"),
        ('Speaking at the Oslo depot, she said "the repairs are going well".', ""),
        ('Channing Tatum, asked about it, said he was "glad it is over".', "Channing Tatum"),
    ],
)
def test_speaker_named_in_the_sentence(sentence: str, expected: str) -> None:
    assert speaker(sentence) == expected


def test_pronouns_resolve_to_the_speaker_before() -> None:
    assert resolve("she", "Anna Kovac") == "Anna Kovac"
    assert resolve("she", "") == ""
    assert resolve("she", "he") == ""
    assert resolve("Kovac", "Stone") == "Kovac"


def test_same_speaker_by_surname() -> None:
    assert same_speaker("Anna Kovac", "Kovac")
    assert not same_speaker("Anna Kovac", "Anna Stone")
    assert not same_speaker("", "")
