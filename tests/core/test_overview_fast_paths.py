"""The overview's speed paths give the answers of the general computations they replace.

A big folder's overview is made fast by shortcuts: its JSON report encodes each
distinct matrix cell once, the search across stories skips sentences that cannot
join another story, the semantic signal embeds a batch of texts at once. A report
byte changed, a reprint missed or a vector moved in its last bit would change what
``storyreader overview`` prints, so each is checked against the plain way.
"""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.paths import ROOT, STORIES_FOLDER
from tests.stories import article_of
from tui.core.alignment import semantic
from tui.core.alignment.align import StoryAligner
from tui.core.alignment.story_index import reused_pairs
from tui.core.alignment.tiers import Measures, literal_tier, similarity
from tui.core.alignment.units import ArticleUnits, cut_units, key_weights
from tui.core.language.figures import find_figures, may_hold_figures
from tui.core.language.speakers import find_speaker, resolve
from tui.core.language.tokens import tokenize
from tui.core.reading.articles import Article
from tui.core.reading.loading import load_paths
from tui.core.reports.overview import format_overview, overview_dict
from tui.core.reports.records import dumps
from tui.core.spans import Span
from tui.core.story import model
from tui.core.story.figure_groups import FigureMention, figure_mentions, sentence_tokens
from tui.core.story.model import Story
from tui.core.story.neighbours import NeighbourIndex
from tui.core.story.overview import build_overview
from tui.core.story.profiles import article_terms, profiles
from tui.core.story.quote_groups import MIN_WORDS, find_mentions


def test_the_compact_report_is_the_plain_encoding_of_the_overview() -> None:
    """The JSON printed is ``dumps`` of the whole overview, byte for byte.

    One file name carries a bidi override and a C1 control, which the report escapes.
    """
    articles = list(load_paths([STORIES_FOLDER]).articles)
    articles.append(
        article_of(
            "Tram vote postponed\n\nThe council postponed the tram vote to March, "
            "a spokeswoman said on Tuesday, after the route plan drew 900 objections.",
            "tram\u202evote\x85.txt",
        )
    )
    overview = build_overview(Story(articles))
    printed = format_overview(overview, "json")
    assert printed == dumps(overview_dict(overview))
    assert "\\u202e" in printed and "\\u0085" in printed and "\u202e" not in printed
    rows = overview_dict(overview)["matrix"]
    assert len(rows) == len(articles) and any(cell and cell["carried"] for cell in rows[0])


STORY_A = (
    "Ferry crews in Port Aldric stopped work on Monday, stranding about 4,200 commuters. "
    "The Seafarers' Guild said its members would stay off the boats until Aldric Lines "
    "dropped a plan to add unpaid night shifts. Talks are set to resume on Thursday at the "
    "harbour master's office, a guild official said. Aldric Lines declined to comment."
)
STORY_A_REPRINT = (
    "Ferry crews in Port Aldric stopped work on Monday, stranding about 4,200 commuters. "
    "The Seafarers Guild said members would stay off the boats until Aldric Lines dropped "
    "its plan to add unpaid night shifts. Commuters queued for buses along the coast road."
)
STORY_B = (
    "Wildfire crews in the Kessing Valley worked through the night near Tarrow, where "
    "three farms were evacuated. Ferry crews in Port Aldric stopped work on Monday, "
    "stranding about 4,200 commuters. Fire chief Oskar Lind said the blaze was ten per "
    "cent contained by Tuesday morning."
)
STORY_B_OTHER = (
    "Fire chief Oskar Lind said the Kessing Valley blaze was ten per cent contained. "
    "The Seafarers' Guild said its members would stay off the boats until Aldric Lines "
    "dropped a plan to add unpaid night shifts. Three farms near Tarrow were evacuated."
)
STORY_C = (
    "The orchard valley lost most of its cherry blossom to a late frost on Sunday night, "
    "growers said. Ferry crews in Port Aldric stopped work on Monday, stranding 4,200 "
    "commuters, and the guild said its members would stay off the boats. Aldric Lines "
    "declined to comment."
)


def test_every_reprint_across_stories_is_found() -> None:
    """Across three stories, the search finds exactly the sentence pairs that share wording.

    The plain way pairs every sentence of a story with every sentence of the others
    and keeps the copies and edits: the search, which looks up only sentences with
    rare phrases two stories share, must find the same pairs.
    """
    texts = [STORY_A, STORY_A_REPRINT, STORY_B, STORY_B_OTHER, STORY_C]
    groups = [[0, 1], [2, 3], [4]]
    prepared = [cut_units(text) for text in texts]
    aligner = StoryAligner(key_weights(prepared), signal=None)
    story = {article: number for number, group in enumerate(groups) for article in group}
    expected = set()
    for a, b in combinations(range(len(texts)), 2):
        if story[a] == story[b]:
            continue
        for i, ua in enumerate(prepared[a].units):
            for j, ub in enumerate(prepared[b].units):
                if not (ua.linkable and ub.linkable):
                    continue
                shared = aligner.weight(ua.keys & ub.keys)
                overlap = shared / (aligner.weight(ua.keys) * aligner.weight(ub.keys)) ** 0.5
                measures = Measures(0, 0, overlap, 0.0, similarity(ua, ub), 0.0, False)
                if literal_tier(measures):
                    expected.add((a, i, b, j))
    found = reused_pairs(prepared, groups, aligner)
    got = {
        (pair.a, i, pair.b, j)
        for pair in found.pairs
        for i in pair.units_a
        for j in pair.units_b
        if (pair.a, i, pair.b, j) in expected
    }
    assert len(expected) >= 4  # the fixture reprints across all three stories
    assert got == expected
    assert sum(pair.pairs for pair in found.pairs) == len(expected)


@pytest.mark.skipif(
    not semantic.installed(), reason=f"semantic extra not installed ({semantic.INSTALL_HINT})"
)
def test_a_batch_embeds_each_text_as_its_own_mean_of_tokens() -> None:
    """Every row of a batch is the normalised mean of its tokens' vectors, to the last bit.

    Texts of no token, one token (most words) and many, in one batch and one by one.
    """
    import numpy as np

    folder = semantic.package_folder()
    assert folder is not None
    signal = semantic.load(folder)
    texts = [
        "",
        "Ferry",
        "commuters",
        "a",
        STORY_A,
        "Fire chief Oskar Lind said the blaze was ten per cent contained.",
        "Tarrow",
        "  two  spaces ",
        "Über 4.200 Pendler",
    ]

    def mean_of_tokens(text: str) -> np.ndarray:
        table = signal._table
        ids = signal._tokenizer.encode(text, add_special_tokens=False).ids
        if not ids:
            return np.zeros(table.shape[1], dtype=np.float32)
        return table[np.clip(np.asarray(ids), 0, table.shape[0] - 1)].mean(axis=0)

    means = np.stack([mean_of_tokens(text) for text in texts])
    norms = np.linalg.norm(means, axis=1, keepdims=True)
    expected = means / np.where(norms == 0, 1.0, norms)
    assert np.array_equal(signal.embed(texts), expected)
    for text, row in zip(texts, expected, strict=True):
        assert np.array_equal(signal.embed([text])[0], row)


SPOKEN = (
    'Harbour master Ines Varga said on Monday that "the ferries will sail again by Friday '
    'at the latest." She added that "the guild has been told as much in writing." '
    '"We have no quarrel with the crews themselves," she said later. The ferries stayed '
    'in port. "Nobody wants another week of this on the coast road," said Tomas Brandt, a '
    'commuter. "It costs us two hours a day, every day." He said the buses were full. '
    '"They should have talked in March," they said. Officials said "the timetable will be '
    'published on the harbour website soon." "Crews will be paid for the night shifts," '
    "according to Aldric Lines."
)


def mentions_read_in_order(prepared: ArticleUnits) -> list[tuple[Span, str, bool]]:
    """The speakers of an article's statements, every sentence read from the first."""
    found = []
    previous, previous_quoted = "", False
    for unit in prepared.units:
        named = find_speaker(prepared.text, unit.span, [quote.span for quote in unit.quotes])
        speaker = resolve(named, previous)
        in_sentence = bool(named) and named == speaker
        statements = [q for q in unit.quotes if q.words >= MIN_WORDS] if unit.linkable else []
        opens = prepared.text[unit.span.start] in "\"“'‘«„"
        if statements and not speaker and previous_quoted and opens:
            speaker = previous
        found += [(quote.span, speaker, in_sentence) for quote in statements]
        previous, previous_quoted = speaker, bool(statements) and bool(speaker)
    return found


@pytest.mark.parametrize(
    "text",
    [
        SPOKEN,
        STORY_A,
        *(
            path.read_text(encoding="utf-8")
            for path in sorted((ROOT / "tests" / "fixtures").rglob("*.md"))
        ),
    ],
)
def test_speakers_read_where_statements_ask_are_those_read_in_order(text: str) -> None:
    """Pronouns and quotes that go on take the speaker before, however far back it was named."""
    prepared = cut_units(text)
    expected = mentions_read_in_order(prepared)
    mentions = find_mentions(0, prepared)
    assert [(m.span, m.speaker, m.speaker_in_sentence) for m in mentions] == expected
    if text is SPOKEN:
        speakers = [speaker for _, speaker, _ in expected]
        assert speakers[:3] == ["Ines Varga"] * 3 and speakers[3:5] == ["Tomas Brandt"] * 2


ADDRESSED = (
    "Port Aldric ferry strike ends\n\n"
    "Ferry crews in Port Aldric went back to work on Tuesday after 3 days, the guild "
    "said (see https://guild.example/strike-2024 for the deal). Fares rise 5 per cent, "
    "or about 4.5 million in a year; details at www.aldriclines.example/fares. "
    "Write to press@aldric.example, or 12www.example.org for the timetable. "
    "The harbour office (office@harbour.example-ext) opens at 8. Contact "
    "ines.varga@harbour.example% for the 1,200 berth permits.\n"
)


def terms_in_order(article: Article, units: ArticleUnits | None) -> list[tuple[str, float]]:
    return list(article_terms(article, units).items())


@pytest.mark.parametrize(
    "text", [ADDRESSED, STORY_A, "mail@only.example", "https://x.example/ 7 million\n", ""]
)
def test_the_grouping_reads_the_units_keys_as_a_fresh_scan_of_the_text(text: str) -> None:
    """A profile from the units' tokens is a fresh scan's, key for key, in the same order.

    Addresses are blanked out of the body, and a token by an address's edge (``12`` before
    ``www``) reads as it does in the blanked text.
    """
    article = article_of(text)
    units = Story([article]).units(0)
    expected = terms_in_order(article, None)
    assert terms_in_order(article, units) == expected
    if text is ADDRESSED:
        keys = dict(expected)
        assert "#1200" in keys and "#4.5e+06" in keys and "ferry" in keys
        assert not {"https", "www", "guild.example", "press", "aldriclines", "org"} & keys.keys()


def test_a_long_body_is_read_past_where_its_units_end(monkeypatch: pytest.MonkeyPatch) -> None:
    """Units cut from a long body's beginning lend its keys there; the rest is scanned."""
    monkeypatch.setattr(model, "ALIGN_LIMIT", 200)
    article = article_of(ADDRESSED * 3)
    units = Story([article]).units(0)
    assert len(units.text) > units.units[-1].span.end + 200
    assert terms_in_order(article, units) == terms_in_order(article, None)


@given(
    st.lists(
        st.sampled_from(
            [
                " ",
                "\n",
                ". ",
                ",",
                "5",
                " million",
                "%",
                "ferry",
                "Aldric's",
                "www.x.example",
                "a@b.example",
                "https://c.example/d",
                "-",
                "€3",
                "Café",
                "«",
                "12",
                "bn",
                "’s",
            ]
        ),
        max_size=40,
    )
)
def test_every_text_reads_alike_from_units_and_from_scratch(pieces: list[str]) -> None:
    article = article_of("Headline here\n\n" + "".join(pieces))
    units = Story([article]).units(0)
    assert terms_in_order(article, units) == terms_in_order(article, None)


def test_each_neighbour_weighed_once_is_the_cosine_weighed_from_its_side(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A mutual pair's cosine is weighed once; every article's neighbours stay the same."""
    folder = load_paths([STORIES_FOLDER]).articles
    found = profiles([article_terms(article) for article in folder])
    quick = NeighbourIndex(found)
    fast = [quick.neighbours(article) for article in range(len(folder))]
    monkeypatch.setattr(
        NeighbourIndex,
        "_similarity",
        lambda index, article, other: found[article].similarity(found[other]),
    )
    plain = NeighbourIndex(found)
    assert fast == [plain.neighbours(article) for article in range(len(folder))]
    assert sum(map(len, fast)) >= len(folder)  # the fixture's articles have neighbours


FIGURED = (
    "About 4,200 commuters were stranded; fares rise 5 per cent, or $1.5bn a year.\n"
    "Three hundred people marched, police said. Hundreds of boats stayed in port. "
    "The guild wants 12m euros. Crews got 7 m\u00e9tres of rope. \x1b[10;52H 900 pages. "
    "Tens of thousands watched the 1,200-berth harbour."
)


@pytest.mark.parametrize(
    "text",
    [
        FIGURED,
        STORY_A,
        STORY_B,
        *(path.read_text(encoding="utf-8") for path in sorted(STORIES_FOLDER.glob("*.txt"))),
    ],
)
def test_figures_read_from_the_units_words_are_those_of_a_fresh_tokenisation(text: str) -> None:
    """Every sentence's tokens as the units scanned them are `tokenize`'s, and so its figures."""
    units = cut_units(text)
    for unit in units.units:
        assert sentence_tokens(units, unit.span) == tokenize(text, *unit.span)
    fresh = [
        FigureMention(0, figure)
        for unit in units.linkable_units
        if may_hold_figures(text, unit.span)
        for figure in find_figures(text, unit.span)
    ]
    assert figure_mentions(0, units) == fresh
    if text is FIGURED:
        assert {mention.figure.value for mention in fresh} >= {4200, 1.5e9, 300, 1.2e7, 900}
