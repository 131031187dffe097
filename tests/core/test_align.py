"""Alignment: tiers on real seed pairs, one-to-many links, diffs, bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.stories import links_between, story_of
from tui.core.alignment.align import Link, StoryAligner
from tui.core.alignment.tiers import TIERS
from tui.core.alignment.units import ArticleUnits, cut_units, key_weights
from tui.core.language.sentences import SENTENCE


def find(links: list[Link], text_a: str, a: str, text_b: str, b: str) -> Link:
    """The link between the sentences of A and B that start with ``a`` and ``b``."""
    for link in links:
        if link.a.slice(text_a).startswith(a) and link.b.slice(text_b).startswith(b):
            return link
    raise AssertionError(f"no link {a!r} ~ {b!r}")


@pytest.fixture(scope="module")
def links_000_001(seed_texts: dict[str, str]) -> list[Link]:
    return links_between(seed_texts["000"], seed_texts["001"])


def test_identical_and_near_identical_sentences_are_copies(
    links_000_001: list[Link], seed_texts: dict[str, str]
) -> None:
    a, b = seed_texts["000"], seed_texts["001"]
    for start_a, start_b in [
        ("Putin appeared to endorse", "Putin appeared to endorse"),
        ("As they spoke, Lukashenko leaned toward", "As they spoke, Lukashenko leaned towards"),
        ("The Belarusian leader was making", "The Belarusian leader was making"),
        ("Russian President Vladimir Putin on Monday", "President Vladimir Putin on Monday"),
    ]:
        assert find(links_000_001, a, start_a, b, start_b).tier == "copy"


def test_translated_quote_is_a_quote(seed_texts: dict[str, str]) -> None:
    a, b = seed_texts["003"], seed_texts["004"]
    link = find(links_between(a, b), a, "“We agreed that Russia", b, "“We have agreed that Russia")
    assert link.tier == "quote"


def test_same_fact_in_other_words_is_a_paraphrase(seed_texts: dict[str, str]) -> None:
    a, b = seed_texts["002"], seed_texts["004"]
    link = find(links_between(a, b), a, "Lukashenko’s talks with", b, "On Sunday, up to 150,000")
    assert link.tier == "paraphrase"


def test_one_sentence_takes_part_in_several_links(seed_texts: dict[str, str]) -> None:
    a, b = seed_texts["000"], seed_texts["004"]
    loan = "Putin also offered economic support"
    partners = [link for link in links_between(a, b) if link.a.slice(a).startswith(loan)]
    assert len(partners) >= 3
    assert len({link.b for link in partners}) == len(partners)


def test_links_are_sorted_tiered_and_scored(links_000_001: list[Link]) -> None:
    assert links_000_001 == sorted(links_000_001, key=lambda link: (link.a.start, link.b.start))
    assert all(link.tier in TIERS and 0 <= link.score <= 1 for link in links_000_001)


def test_subheadings_captions_and_bylines_are_not_linked(
    links_000_001: list[Link], seed_texts: dict[str, str]
) -> None:
    b = seed_texts["001"]
    linked = {link.b.slice(b) for link in links_000_001}
    assert not any(text.startswith(("##", "By ", "**")) for text in linked)


def test_diff_marks_changed_words_and_numbers() -> None:
    a = "Police detained more than 500 protesters in Minsk on Sunday, the ministry said."
    b = "Police detained more than 774 protesters in Minsk on Sunday, the ministry said."
    (link,) = links_between(a, b)
    assert link.tier == "copy"
    changed = [op for op in link.diff if op.op != "equal"]
    assert [(op.op, op.a.slice(a), op.b.slice(b), op.numeric) for op in changed] == [
        ("replace", "500", "774", True)
    ]


def test_diff_has_offsets_on_both_sides_for_inserts_and_deletes() -> None:
    a = "The Belarusian leader was making his first foreign trip since his win in August."
    b = "The Belarusian leader was making his first foreign trip since his disputed win in August."
    (link,) = links_between(a, b)
    (insert,) = [op for op in link.diff if op.op != "equal"]
    assert insert.op == "insert"
    assert insert.b.slice(b) == "disputed"
    assert len(insert.a) == 0
    assert a[insert.a.start :].startswith("win")
    assert not insert.numeric


def test_money_is_compared_by_value() -> None:
    a = "Putin said Russia would extend Belarus a government loan of $1.5 billion on Monday."
    b = "Putin said Russia would extend Belarus a government loan of 1.5 billion dollars on Monday."
    (link,) = links_between(a, b)
    assert link.tier == "copy"
    assert not any(op.numeric for op in link.diff)


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "   \n\n",
        "word",
        "no sentence punctuation here at all",
        "\x00\x89PNG\r\n\x1a\n\xff\xfe",
        "!?.",
    ],
)
def test_bad_input_gives_no_links(junk: str, seed_texts: dict[str, str]) -> None:
    assert links_between(junk, seed_texts["000"]) == []
    assert links_between(seed_texts["000"], junk) == []
    assert links_between(junk, junk) == []


def test_story_weights_keep_the_copies_of_a_pair_alone(seed_texts: dict[str, str]) -> None:
    """Weighing words across five articles instead of two moves scores, not copies."""
    names = sorted(seed_texts)
    story = story_of(*(seed_texts[name] for name in names))
    in_story = story.comparison(names.index("000"), names.index("001")).links
    alone = links_between(seed_texts["000"], seed_texts["001"])
    assert {(link.a, link.b) for link in in_story if link.tier == "copy"} == {
        (link.a, link.b) for link in alone if link.tier == "copy"
    }
    assert {link.tier for link in in_story} >= {"copy", "paraphrase"}


@settings(max_examples=60, deadline=None)
@given(st.text(), st.text())
def test_any_text_aligns_without_error_and_inside_bounds(a: str, b: str) -> None:
    for link in links_between(a, b) + links_between(a + " " + b, b + ". " + a):
        assert 0 <= link.a.start < link.a.end
        assert 0 <= link.b.start < link.b.end
        for op in link.diff:
            assert op.op in ("equal", "insert", "delete", "replace")


def fingerprint(links: list[Link], text: str) -> list[tuple[str, str, str, float]]:
    """Links by the text of their B sentence, so that B's offsets do not matter."""
    return [(str(link.a), link.b.slice(text), link.tier, link.score) for link in links]


def test_the_rarer_shared_word_wins_a_tie_however_short_the_other_article() -> None:
    """Two sentences of B are equally similar to A's: the one sharing ``Vardo`` is the copy.

    With a few sentences, B is searched without an index; padded with unrelated
    sentences, through it. Both must pick the same partner, as the index orders it.
    """
    a = cut_units("Minsk pilots warned ferries about drifting ice near Vardo.")
    pair = (
        "Minsk pilots warned ferries about drifting ice near Zqzqz. "
        "Qzqzq pilots warned ferries about drifting ice near Vardo."
    )
    padding = " ".join(f"Orchard {n} ripened under kalo{n} skies early." for n in range(9))
    context = cut_units("Minsk crews met. Minsk boats wait. Minsk closed.")
    for b in (cut_units(pair), cut_units(f"{pair} {padding}")):
        links = StoryAligner(key_weights([a, b, context])).align(a, b)
        copy = next(link for link in links if link.tier == "copy")
        assert copy.b.slice(b.text).startswith("Qzqzq")


_WORDS = st.sampled_from(["harbour", "ferry", "winter", "island", "council", "storm", "bridge"])
_SENTENCE = st.lists(_WORDS, min_size=3, max_size=16).map(lambda w: " ".join(w).capitalize() + ".")
_TEXT = st.lists(_SENTENCE, min_size=1, max_size=5).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(_TEXT, _TEXT)
def test_unrelated_sentences_in_b_change_no_link(a: str, b: str) -> None:
    """Few words, many ties: B alone is searched directly, B padded through its index."""
    padding = " ".join(f"Orchard {n} ripened under kalo{n} skies early." for n in range(9))
    pa, pb, padded = cut_units(a), cut_units(b), cut_units(f"{b} {padding}")
    weights = key_weights([pa, padded])
    aligner = StoryAligner(weights)
    alone = aligner.align(pa, pb)
    assert fingerprint(alone, b) == fingerprint(aligner.align(pa, padded), padded.text)


def test_may_link_says_whether_two_sentences_alone_are_linked(seed_texts: dict[str, str]) -> None:
    prepared = {name: cut_units(text) for name, text in seed_texts.items()}
    aligner = StoryAligner(key_weights(prepared.values()))
    verdicts = []
    for first, second in [(prepared["000"], prepared["004"]), (prepared["002"], prepared["003"])]:
        for ua in first.units:
            for ub in second.units:
                if ua.kind == SENTENCE == ub.kind and ua.linkable and ub.linkable:
                    one_a, one_b = ArticleUnits(first.text, (ua,)), ArticleUnits(second.text, (ub,))
                    verdicts.append((aligner.may_link(ua, ub), bool(aligner.align(one_a, one_b))))
    assert sum(may for may, _ in verdicts) > 10
    assert all(may == linked for may, linked in verdicts)


def test_a_swapped_link_reads_from_the_other_side() -> None:
    a = "Police detained 500 people in Minsk on Sunday."
    b = "Police detained 774 people in Minsk on Sunday."
    (link,) = links_between(a, b)
    mirror = link.swapped()
    assert (mirror.a, mirror.b, mirror.tier, mirror.score) == (
        link.b,
        link.a,
        link.tier,
        link.score,
    )
    assert mirror.swapped() == link
    changed = [op for op in mirror.diff if op.op != "equal"]
    assert [(op.a.slice(b), op.b.slice(a)) for op in changed] == [("774", "500")]


def test_a_word_of_only_e_letters_aligns() -> None:
    """``Eeeee`` (a cry, a stretched letter) has a key of its own; it once stemmed to nothing."""
    text = "Officials said Eeeee was the only word the crowd shouted at the parade today."
    links = links_between(text, text)
    assert [link.tier for link in links] == ["copy"]
