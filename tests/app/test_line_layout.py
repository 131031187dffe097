"""Word wrapping by terminal cells."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.app.widgets.line_layout import layout, wrap
from tui.core.text.document import render_markdown

WORDS = st.text(alphabet=st.sampled_from("ab cd  e\nxyz’“—éЖ\t\xa0"), max_size=80)
WIDE = st.text(alphabet=st.sampled_from("ab c 北京 👩\u0301é \n"), max_size=80)
WIDTHS = st.integers(min_value=1, max_value=14)


def general(text: str, width: int) -> list[tuple[int, int]]:
    """`wrap` forced off its one-cell fast path by a last paragraph of a wide character."""
    return wrap(text + "\n北", width)[:-1]


@given(WORDS, WIDTHS)
def test_the_one_cell_fast_path_wraps_as_the_general_path(text: str, width: int) -> None:
    assert wrap(text, width) == general(text, width)


@given(WIDE, WIDTHS)
def test_lines_fit_and_cover_every_character_once(text: str, width: int) -> None:
    lines = wrap(text, width)
    covered = [index for start, end in lines for index in range(start, end)]
    assert covered == [index for index, char in enumerate(text) if char != "\n"]
    for start, end in lines:
        shown = text[start:end].rstrip(" ")
        assert cell_len(shown) <= width or len(shown) == 1  # a lone wide char may overflow


def test_a_long_word_is_cut_and_its_spaces_stay_with_its_end() -> None:
    assert wrap("abcdefg   hi", 4) == [(0, 4), (4, 10), (10, 12)]


def test_layouts_are_kept_per_document_and_width() -> None:
    document = render_markdown("Some words to wrap across lines.\n\nAnd a second paragraph.")
    assert layout(document, 10) is layout(document, 10)
    assert layout(document, 12) is not layout(document, 10)
