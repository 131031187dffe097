"""Sentence segmentation: hard cases from a fixture file, kinds, and invariants."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.language.sentences import (
    BYLINE,
    CAPTION,
    HEADING,
    SENTENCE,
    TITLE,
    is_heading_like,
    segment,
    split_sentences,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "sentences.txt"


def read_cases(path: Path) -> list[tuple[str, str, list[str]]]:
    """``(title, text, expected sentences)`` from the fixture file; ``\\n`` is a line break."""
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("//")
    ]
    cases = []
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        title = lines[index]
        assert lines[index + 1] == "."
        end_input = lines.index(".", index + 2)
        end_expected = lines.index(".", end_input + 1)
        text = "\n".join(lines[index + 2 : end_input]).replace("\\n", "\n")
        expected = [line.replace("\\n", "\n") for line in lines[end_input + 1 : end_expected]]
        cases.append((title, text, expected))
        index = end_expected + 1
    return cases


CASES = read_cases(FIXTURE)


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert [span.slice(text) for span in split_sentences(text)] == expected


@pytest.mark.parametrize("text", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_spans_are_trimmed_ordered_and_inside(text: str) -> None:
    assert_well_formed(text)


def test_kinds_of_lines() -> None:
    text = (
        "# Putin Backs Lukashenko as Leader Vows Closer Ties\n\nBy [Anna Malpas](#)\n\n"
        "Lukashenko Photo: VCG\n\nThe talks lasted four hours.\n\n## **'Elder brother'**\n\n"
        "He thanked Putin. **Kremlin.ru**"
    )
    kinds = [(s.span.slice(text), s.kind) for s in segment(text)]
    assert kinds == [
        ("# Putin Backs Lukashenko as Leader Vows Closer Ties", TITLE),
        ("By [Anna Malpas](#)", BYLINE),
        ("Lukashenko Photo: VCG", CAPTION),
        ("The talks lasted four hours.", SENTENCE),
        ("## **'Elder brother'**", HEADING),
        ("He thanked Putin.", SENTENCE),
        ("**Kremlin.ru**", CAPTION),
    ]
    spans = split_sentences(text)
    assert [is_heading_like(text, span) for span in spans] == [
        True,
        True,
        True,
        False,
        True,
        False,
        True,
    ]


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Protesters in Minsk Photo: AFP", True),
        ("PHOTOS BY AP", True),
        ("Image credit: Kremlin.ru", True),
        ("Illustrations  by the author", True),
        ("İMAGE: VCG", True),
        ("He worked as a photographer by trade.", False),
        ("The telephoto lens: a new model.", False),
        ("Discredit by association is common.", False),
    ],
)
def test_photo_credits_are_captions_in_any_case(line: str, caption: bool) -> None:
    (sentence,) = segment(line)
    assert (sentence.kind == CAPTION) is caption


def test_a_line_telling_what_a_picture_shows_is_a_caption() -> None:
    """On a line of its own it is the caption under a photo; inside a paragraph, prose."""
    caption = "A photograph released by the port authority shows the new crane at the pier."
    other = "In this file photo taken in May, workers repair the harbour wall."
    text = f"Storm closes harbour\n\n{caption}\n\n{other}\n\nThe storm closed the port. {caption}"
    kinds = [(s.span.slice(text), s.kind) for s in segment(text)][1:]
    assert kinds == [
        (caption, CAPTION),
        (other, CAPTION),
        ("The storm closed the port.", SENTENCE),
        (caption, SENTENCE),
    ]
    (video,) = segment("A video posted online shows police moving the crowd.")
    assert video.kind == SENTENCE  # a video is told of, not hung on the page


def test_seed_headline_is_its_own_sentence(seeds: Path) -> None:
    text = (seeds / "004_159432c7cf2bb8a3.txt").read_text(encoding="utf-8")
    first, second = segment(text)[:2]
    assert first.span.slice(text) == second.span.slice(text)
    assert first.kind == second.kind == TITLE


def test_a_headline_ending_with_a_stop_is_a_headline_and_so_is_its_deck() -> None:
    """Outlets that end headlines with a period: the first line and the deck both link."""
    text = (
        "Harbour council to delay the ferry tender after storm.\n\n"
        "Council pauses ferry tender\n\n"
        "The harbour council voted on Tuesday to delay the ferry tender by three months.\n\n"
        "Repairs will take the summer.\n\nMore pier news"
    )
    kinds = [s.kind for s in segment(text)]
    assert kinds == [TITLE, TITLE, SENTENCE, SENTENCE, HEADING]


@pytest.mark.parametrize(
    "text",
    [
        (
            "The harbour council voted on Tuesday to delay the ferry tender by three months, "
            "after storm damage to the pier that officials said was worse than feared.\n\nMore."
        ),
        "Only one line here, and it ends with a stop.",
    ],
)
def test_a_long_first_line_or_a_lone_one_stays_a_sentence(text: str) -> None:
    assert segment(text)[0].kind == SENTENCE


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "word", "...", "\x00\x01\xff\ufffd", "!!!?"])
def test_degenerate_input(text: str) -> None:
    assert_well_formed(text)


@given(st.text())
def test_any_text_gives_well_formed_spans(text: str) -> None:
    assert_well_formed(text)


@given(st.text(alphabet=st.sampled_from(list("ab .!?\"'“”‘’\n#*$\\1,"))))
def test_punctuation_soup_gives_well_formed_spans(text: str) -> None:
    assert_well_formed(text)


def assert_well_formed(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        assert not text[span.start].isspace()
        assert not text[span.end - 1].isspace()
        previous_end = span.end
