"""The overview's pieces without a terminal: cell kinds, matrix geometry, fitted excerpts."""

from __future__ import annotations

from rich.cells import cell_len

from tui.app.screens.overview_lists import centred, cut_end, cut_start, excerpt
from tui.app.share_kinds import cell_kind, dominant_tier
from tui.app.widgets.matrix_layout import first_column, matrix_geometry
from tui.core.alignment.comparison import SideSummary, TierShare
from tui.core.spans import Span

SEED_LABELS = ["AFP", "themoscowtimes.com", "002", "003", "004"]


def cell(
    shared: int, total: int, copy: int = 0, quote: int = 0, paraphrase: int = 0
) -> SideSummary:
    tiers = (TierShare(copy, 0), TierShare(0, 0), TierShare(quote, 0), TierShare(paraphrase, 0))
    return SideSummary(total, shared, 1000, 0, tiers)


def test_a_third_of_a_row_copied_word_for_word_is_copying() -> None:
    assert dominant_tier(cell(9, 12, copy=3, paraphrase=6)) == "copy"
    assert dominant_tier(cell(9, 12, copy=2, paraphrase=7)) == "paraphrase"
    assert dominant_tier(cell(4, 12, quote=2, paraphrase=2)) == "quote"
    assert dominant_tier(cell(0, 12)) is None


def test_weak_links_count_for_their_score_not_in_full() -> None:
    """8 of 11 sentences loosely paraphrased (scores 0.25 to 0.45) read 73%, but weigh
    far less than 8 sentences copied."""
    loose = cell(8, 11, paraphrase=8)
    scores = [0.25, 0.3, 0.3, 0.35, 0.4, 0.4, 0.45, 0.45]
    kind = cell_kind(loose, [(Span(10 * n, 10 * n + 9), score) for n, score in enumerate(scores)])
    assert kind is not None and kind.tier == "paraphrase"
    assert loose.percent == 73 and round(kind.strength, 2) == round(sum(scores) / 11, 2)
    copied = cell_kind(cell(8, 11, copy=8), [(Span(10 * n, 10 * n + 9), 0.98) for n in range(8)])
    assert copied is not None and copied.strength > 2 * kind.strength
    assert (kind.low, kind.high) == (0.25, 0.45)


def test_a_sentence_in_two_links_counts_once_at_its_best_score() -> None:
    found = cell_kind(cell(1, 2, copy=1), [(Span(0, 9), 0.4), (Span(0, 9), 0.9)])
    assert found is not None and found.strength == 0.45


def test_every_column_shows_when_the_width_allows_and_none_is_hidden() -> None:
    for width in (160, 120, 100, 80):
        geometry = matrix_geometry(width, SEED_LABELS)
        assert geometry.columns == 5, width
        assert geometry.label + 5 * geometry.cell + 6 <= width
    assert matrix_geometry(40, SEED_LABELS).as_list  # a list, rather than a column missing


def test_columns_are_as_wide_as_their_labels_need() -> None:
    assert matrix_geometry(160, ["AFP", "AP", "BBC"]).cell == 6
    assert matrix_geometry(160, SEED_LABELS).cell == 15  # "themoscowtimes" and a space


def test_the_first_column_follows_the_cursor_and_never_hides_room() -> None:
    assert first_column(0, 1, 5, 5) == 0
    assert first_column(0, 7, 4, 10) == 4
    assert first_column(6, 2, 4, 10) == 2
    assert first_column(6, 7, 8, 10) == 2  # a wider view shows earlier columns again


def test_cuts_fit_their_width_and_say_so() -> None:
    text = "The Belarusian leader visited Russia a day after the latest demonstration"
    for width in range(2, 40):
        assert cell_len(cut_end(text, width)) <= width
        assert cell_len(cut_start(text, width)) <= width
    assert cut_end(text, 30).endswith("…") and cut_start(text, 30).startswith("…")


def test_cuts_keep_whole_words_where_one_ends_near() -> None:
    """``…nternational inspectors`` reads as a misspelling: the cut moves to a space."""
    text = "under the eyes of international inspectors having full access to all sites"
    for width in range(16, 40):
        start, end = cut_start(text, width), cut_end(text, width)
        assert text.endswith(start[1:]) and start[1:].split(" ")[0] in text.split(" "), start
        assert text.startswith(end[:-1]) and end[:-1].split(" ")[-1] in text.split(" "), end


def test_an_excerpt_is_centred_on_its_figure() -> None:
    before = "The Belarusian leader visited Russia a day after the latest demonstration "
    before += "against his rule saw police detain more than "
    left, focus, right = centred(before, "500", " protesters in Minsk on Sunday night.", 50)
    shown = left + focus + right
    assert focus == "500" and cell_len(shown) <= 50
    assert shown.startswith("…") and shown.index("500") > 15


def test_an_excerpt_reads_plain_text_of_the_source() -> None:
    text = "Police said **more than 500** people, a \\$1.5 figure, were held."
    start = text.index("500")
    shown = excerpt(text, Span(0, len(text)), Span(start, start + 3), 80)
    assert shown.plain == "Police said more than 500 people, a $1.5 figure, were held."
    assert [shown.plain[s.start : s.end] for s in shown.spans] == ["500"]
