"""Metadata from messy article text: what the seeds yield, and each rule on its own."""

from __future__ import annotations

import time

import pytest

from tests.paths import SEEDS
from tui.core.metadata.extract import SENTENCE_TITLE_CHARS, extract_metadata
from tui.core.metadata.front_matter import read_front_matter

FIRST_SENTENCE = "no headline found: showing the first sentence"
NO_OUTLET = "no outlet found: showing the file name"


def meta(text: str, name: str = "file", **stated: str):
    return extract_metadata(text, name, stated or None)


# --- the five seeds, pinned -------------------------------------------------------

SEED_EXPECTED = {
    "000_02b2830ff24b6d49": {
        "title": "Russian President Vladimir Putin on Monday backed embattled Belarus' leader "
        "Alexander Lukashenko and promised a $1.5 billion loan as the Belarusian strongman "
        "vowed to strengthen ties with Moscow.",
        "outlet": "000_02b2830ff24b6d49",
        "agency": "AFP",
        "date": None,
        "byline": None,
        "url": None,
        "notes": (NO_OUTLET, FIRST_SENTENCE),
    },
    "001_904d19f1e7a1825b": {
        "title": "Putin Backs Lukashenko as Belarus Leader Vows Closer Ties",
        "outlet": "themoscowtimes.com",
        "agency": "AFP",
        "date": "2020-09-14",
        "byline": "Anna Malpas for AFP",
        "url": "https://www.themoscowtimes.com/2020/09/14/"
        "putin-backs-lukashenko-as-belarus-leader-vows-closer-ties-a71439",
        "notes": (),
    },
    "002_854cd6e9c4ecd428": {
        "title": "Belarus' authoritarian president has visited Russia in a bid to secure more "
        "loans and political support, as demonstrations against the extension of his 26-year "
        "rule entered their sixth week.",
        "outlet": "002_854cd6e9c4ecd428",
        "agency": None,
        "date": "2020-09-14",
        "byline": None,
        "url": None,
        "notes": (NO_OUTLET, FIRST_SENTENCE),
    },
    "003_ba42ae4188eed74d": {
        "title": "Belarusian president Alexander Lukashenko has received pledges of financial "
        "help and potential security assistance from Russian counterpart Vladimir Putin, as the "
        "former seeks to shore up his autocratic regime against the biggest crisis of his "
        "26-year rule.",
        "outlet": "003_ba42ae4188eed74d",
        "agency": None,
        "date": None,
        "byline": None,
        "url": None,
        "notes": (NO_OUTLET, FIRST_SENTENCE),
    },
    "004_159432c7cf2bb8a3": {
        "title": "Putin pledges 1.5 billion dollar loan to Belarus as Lukashenko visits",
        "outlet": "004_159432c7cf2bb8a3",
        "agency": None,
        "date": None,
        "byline": None,
        "url": None,
        "notes": (NO_OUTLET,),
    },
}


@pytest.mark.parametrize("stem", sorted(SEED_EXPECTED))
def test_seed_metadata(stem):
    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    got = extract_metadata(text, stem)
    expected = SEED_EXPECTED[stem]
    assert {key: getattr(got, key) for key in expected} == expected


# --- title ------------------------------------------------------------------------


def test_markdown_heading_is_the_title_without_markup():
    text = "\n\n# **Putin** Backs [Lukashenko](#)\n\nBody sentence one. Body two."
    assert meta(text).title == "Putin Backs Lukashenko"


def test_setext_heading_is_the_title():
    text = "Talks end in Sochi\n==================\n\nThe talks ended on Monday."
    assert meta(text).title == "Talks end in Sochi"


def test_headline_line_repeated_is_shown_once():
    text = "Leaders meet in Sochi\n\nLeaders meet in Sochi\n\nThe two leaders met on Monday."
    got = meta(text)
    assert got.title == "Leaders meet in Sochi"
    assert got.notes == (NO_OUTLET,)


@pytest.mark.parametrize(
    "caption",
    [
        "Belarusian President Alexander Lukashenko Photo: VCG",
        "The two leaders in Sochi (Image: Getty)",
        "Crowds in the capital. Photo by Jane Roe",
        "© Agency 2020",
    ],
)
def test_caption_first_line_is_not_the_headline(caption):
    text = f"{caption}\n\nThe leaders met on Monday in the resort town.More followed."
    got = meta(text)
    assert got.title == "The leaders met on Monday in the resort town."
    assert FIRST_SENTENCE in got.notes


def test_first_sentence_is_cut_at_a_glued_boundary():
    text = (
        "Putin backed the plan and promised a $1.5 billion loan to Moscow.Lukashenko thanked him."
    )
    assert meta(text).title == "Putin backed the plan and promised a $1.5 billion loan to Moscow."


def test_first_sentence_skips_abbreviations():
    text = (
        "Mr. Putin said on Aug. 9 that U.S. troops stayed. The next sentence goes on for "
        "long enough that the line reads as a paragraph of the body and not as a headline, "
        "which it could not be."
    )
    assert meta(text).title == "Mr. Putin said on Aug. 9 that U.S. troops stayed."


def test_long_first_sentence_is_kept_whole():
    sentence = " ".join(["word"] * 80) + "."
    got = meta(f"{sentence} The second sentence.")
    assert got.title == sentence
    assert FIRST_SENTENCE in got.notes


def test_text_without_any_sentence_end_is_cut_at_a_word():
    title = meta(" ".join(["word"] * 400)).title
    assert title.endswith("…")
    assert len(title) <= SENTENCE_TITLE_CHARS + 1
    assert title[:-1].split() == ["word"] * len(title[:-1].split())


def test_body_subheading_after_the_first_paragraph_is_not_the_title():
    lede = (
        "The talks lasted four hours and ended late on Monday, after both delegations had "
        "refused twice to leave the room before the other, and officials said more were due."
    )
    assert meta(f"{lede}\n\nRussian support now important\n").title == lede


def test_title_falls_back_to_the_file_name_when_there_is_no_sentence():
    got = meta("***\n\n---\n", name="notes")
    assert got.title == "notes"
    assert "no headline found: showing the file name" in got.notes


def test_cjk_headline_is_a_title():
    text = "普京承诺向白俄罗斯提供贷款\n\n俄罗斯总统普京周一表示，俄方将提供贷款。"
    assert meta(text).title == "普京承诺向白俄罗斯提供贷款"


def test_control_characters_never_reach_the_title():
    text = "\x1b[31mRed\x1b[0m headline\x07 here\n\nBody sentence."
    assert meta(text).title == "Red headline here"


def test_title_work_is_bounded_on_a_huge_single_line():
    text = "word " * 1_000_000  # 5 MB, one line, no full stop
    start = time.perf_counter()
    got = meta(text)
    assert time.perf_counter() - start < 0.5
    assert len(got.title) <= SENTENCE_TITLE_CHARS + 1


# --- date -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "September 14, 2020",
        "14 September 2020",
        "2020-09-14",
        "Sept. 14, 2020",
        "Monday, 14 Sep 2020 10:45 GMT",
        "Published: September 14, 2020",
        "**September 14, 2020**",
        "Updated 2020/09/14 at 10:45 am",
    ],
)
def test_date_line(line):
    text = f"Headline of the story\n\n{line}\n\nThe talks ended on Monday."
    got = meta(text)
    assert got.date == "2020-09-14"
    assert got.title == "Headline of the story"


def test_date_prefix_glued_to_the_first_sentence():
    got = meta(" date 2020-09-14 The president visited Russia on Monday.\n\nMore text.")
    assert got.date == "2020-09-14"
    assert got.title == "The president visited Russia on Monday."


def test_sentence_that_starts_with_a_date_is_not_a_date_line():
    assert meta("May 5, 2020 was the day the talks began in earnest.").date is None


def test_impossible_date_is_no_date():
    assert meta("Headline here\n\nFebruary 30, 2020\n\nBody.").date is None


def test_date_line_in_the_footer():
    text = "Headline here\n\nBody text of the article.\n\nPublished 14 September 2020"
    assert meta(text).date == "2020-09-14"


def test_date_from_the_url_path_as_last_resort():
    text = "Headline here\n\nBody.\n\nSource: https://example.com/2019/03/07/story"
    assert meta(text).date == "2019-03-07"


# --- byline and agency --------------------------------------------------------------


def test_byline_link_markup_is_removed_and_the_agency_found():
    got = meta("Headline here\n\nBy [Anna Malpas for AFP](#)\n\nBody text.")
    assert got.byline == "Anna Malpas for AFP"
    assert got.agency == "AFP"
    assert got.outlet == "file"  # the agency wrote it; who published it is not said


@pytest.mark.parametrize(
    ("line", "byline", "agency"),
    [
        ("By Jane Doe, Reuters", "Jane Doe, Reuters", "Reuters"),
        ("By Jane Doe (AP)", "Jane Doe (AP)", "AP"),
        ("BY JANE DOE", "JANE DOE", None),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe", None),
        ("By Jane Doe | September 14, 2020", "Jane Doe", None),
    ],
)
def test_byline_forms(line, byline, agency):
    got = meta(f"Headline here\n\n{line}\n\nBody text.")
    assert (got.byline, got.agency) == (byline, agency)


def test_byline_beside_a_date_gives_the_date():
    assert meta("Headline here\n\nBy Jane Doe | September 14, 2020\n\nBody.").date == "2020-09-14"


def test_sentence_starting_with_by_is_not_a_byline():
    got = meta("By Monday, the protests had spread across the whole country and beyond.")
    assert got.byline is None


def test_wire_dateline_names_the_agency():
    got = meta("MOSCOW (Reuters) - Talks ended on Monday without a deal.")
    assert got.agency == "Reuters"
    assert got.outlet == "file"
    assert got.title == "Talks ended on Monday without a deal."


@pytest.mark.parametrize(
    ("ending", "agency"),
    [
        ("in recent weeks.AFP", "AFP"),
        ("in recent weeks.\n\nAFP", "AFP"),
        ("in recent weeks.\n\n(Reuters)", "Reuters"),
        ("in recent weeks. — AP", "AP"),
        ("in recent weeks.\n\nXinhua", "Xinhua"),
        ("in the U.S.", None),
        ("in recent weeks.\n\nENDS", None),
        ("said the UN", None),
    ],
)
def test_sign_off(ending, agency):
    assert meta(f"Leaders talk\n\nThey have spoken often {ending}").agency == agency


# --- url and outlet -----------------------------------------------------------------


def test_original_url_footer_names_the_outlet_by_host():
    text = "Headline here\n\nBody.\n\nOriginal url:\n\n<https://www.example.com/news/1>"
    got = meta(text)
    assert got.url == "https://www.example.com/news/1"
    assert got.outlet == "example.com"


def test_host_is_the_outlet_and_the_byline_agency_stays_the_agency():
    text = "Headline here\n\nBy Jane Doe for AFP\n\nBody.\n\nSource: https://m.example.org/x"
    got = meta(text)
    assert (got.outlet, got.agency) == ("example.org", "AFP")


def test_bare_url_as_the_last_line():
    assert meta("Headline here\n\nBody.\n\nhttps://news.example.net/a").outlet == "news.example.net"


def test_url_inside_the_body_is_not_the_source():
    text = "Headline here\n\nSee https://other.example.com/x for more.\n\nThe end of it."
    got = meta(text)
    assert got.url is None
    assert got.outlet == "file"


def test_outlet_falls_back_to_the_file_name_with_a_note():
    got = meta("Headline here\n\nBody.", name="003_story")
    assert got.outlet == "003_story"
    assert NO_OUTLET in got.notes


# --- front matter and stated values ---------------------------------------------------


def test_front_matter_overrides_every_guess():
    text = (
        "---\ntitle: 'Stated Title'\nsource: Example Daily\ndate: 2021-03-04T10:00:00Z\n"
        "url: https://www.example.com/a\nauthor: Jane Doe\nagency: AP\n---\n\n"
        "# Guessed Title\n\nBy John Smith for Reuters\n\nBody. Original url: https://x.org/b\n"
    )
    got = meta(text)
    assert (got.title, got.outlet, got.date, got.url, got.byline, got.agency) == (
        "Stated Title",
        "Example Daily",
        "2021-03-04",
        "https://www.example.com/a",
        "Jane Doe",
        "AP",
    )
    assert got.notes == ()


def test_front_matter_block_and_body_offset():
    text = "---\ntitle: A\n---\nBody"
    fields, start = read_front_matter(text)
    assert fields == {"title": "A"}
    assert text[start:] == "Body"


def test_rule_lines_around_prose_are_not_front_matter():
    text = "---\nThis is prose, not YAML.\n---\nHeadline here\n\nBody."
    assert read_front_matter(text) == ({}, 0)


def test_stated_values_override_front_matter():
    text = "---\ntitle: From front matter\n---\nBody."
    assert meta(text, title="Stated", outlet="Wire").title == "Stated"


def test_unparseable_stated_date_falls_back_to_the_text():
    got = meta("Headline here\n\nSeptember 14, 2020\n\nBody.", date="sometime")
    assert got.date == "2020-09-14"


# --- headlines and datelines, as outlets write them -----------------------------------


@pytest.mark.parametrize(
    "headline",
    [
        "Trump Signals Openness to a New Deal to Constrain Iran.",
        "Kim's talk is cheap. His actions are what count.",
        "Beware of the pledge -- the talk is cheap, it's the actions that count!",
        "Is the loan a lifeline for Minsk?",
    ],
)
def test_first_short_line_is_the_headline_whatever_its_punctuation(headline):
    text = f"{headline}\n\nThe talks lasted four hours and ended late on Monday in the resort."
    got = meta(text)
    assert got.title == headline
    assert FIRST_SENTENCE not in got.notes


LEDE = (
    "President Ortiz sent the foreign minister, Ana Reyes, to Caracas in recent weeks to "
    "prepare a summit meeting between Mr. Ortiz and the Venezuelan leader, two officials "
    "briefed on the trip said on Tuesday. The visit had not been announced."
)


@pytest.mark.parametrize(
    "dateline",
    ["WEST PALM BEACH, Fla. — ", "WASHINGTON ― ", "SEOUL, South Korea — ", "ST. LOUIS -- "],
)
def test_a_dateline_is_never_the_headline_and_the_whole_first_sentence_is(dateline):
    got = meta(f"{dateline}{LEDE}\n\nMore of the body follows here.")
    assert got.title == LEDE.split(" The visit")[0]
    assert got.notes == (NO_OUTLET, FIRST_SENTENCE)


def test_a_dateline_alone_on_its_line_is_not_the_headline():
    got = meta(f"WEST PALM BEACH, Fla.\n\n{LEDE}")
    assert got.title == LEDE.split(" The visit")[0]


def test_wire_dateline_in_the_third_paragraph_names_the_agency_not_the_outlet():
    text = (
        "Oil prices slide as talks stall\n\n"
        "Traders were braced for a volatile week.\n\n"
        "A tanker waits off the coast of Fujairah on Monday.\n\n"
        "LONDON, March 3 (Reuters) - Oil prices fell on Monday as talks between producers "
        "stalled for a second week.\n\nMore text."
    )
    got = meta(text)
    assert (got.title, got.agency, got.outlet) == (
        "Oil prices slide as talks stall",
        "Reuters",
        "file",
    )


@pytest.mark.parametrize(
    ("footer", "agency"),
    [
        ("Copyright 2021 The Associated Press. All rights reserved.", "Associated Press"),
        ("© AFP 2021", "AFP"),
        ("Source: Reuters", "Reuters"),
        ("With files from The Canadian Press", "Canadian Press"),
        ("Reuters contributed to this report.", "Reuters"),
        ("Copyright 2021 Example Daily", None),
        ("Source: the city council", None),
    ],
)
def test_wire_credit_in_the_footer_names_the_agency(footer, agency):
    got = meta(f"Headline of the story\n\nThe council met on Monday.\n\n{footer}")
    assert got.agency == agency
    assert got.outlet == "file"


def test_a_section_label_over_the_headline_is_skipped():
    assert meta("Opinion\n\nThe loan is a lifeline\n\nBody text here.").title == (
        "The loan is a lifeline"
    )


def test_hard_wrapped_lede_gives_its_whole_first_sentence():
    text = (
        "The two presidents met for four hours on Monday at the residence in\n"
        "Sochi, and agreed a loan of $1.5 billion, officials said. Nothing\n"
        "else was agreed.\n"
    )
    got = meta(text)
    assert got.title == (
        "The two presidents met for four hours on Monday at the residence in Sochi, and "
        "agreed a loan of $1.5 billion, officials said."
    )
