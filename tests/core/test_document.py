"""The Markdown rendering model: what the reader shows, and where each character came from."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from tui.core.spans import Span
from tui.core.text.document import render_markdown


def shown(text: str) -> list[str]:
    return [block.text for block in render_markdown(text).blocks]


def test_markup_is_hidden_and_escapes_are_resolved() -> None:
    text = "## **'Elder brother'**\n\nA \\$1.5 billion [loan](#) &amp; *more*.\n"
    assert shown(text) == ["'Elder brother'", "A $1.5 billion loan & more."]


def test_each_displayed_character_points_at_the_source_character() -> None:
    text = "# Head\n\nA \\$1.5 billion [loan](http://x.example/a) for **Minsk**.\n"
    for block in render_markdown(text).blocks:
        for char, offset in zip(block.text, block.offsets, strict=True):
            assert text[offset] == char


def test_escaped_dollar_maps_to_the_dollar_not_the_backslash() -> None:
    text = "loan of \\$1.5 billion"
    block = render_markdown(text).blocks[0]
    dollar = block.text.index("$")
    assert block.offsets[dollar] == text.index("$")


def test_a_span_across_two_paragraphs_shows_in_both() -> None:
    text = "his win in Aug. 9\n\npresidential polls prompted protests."
    span = Span(text.index("his"), len(text))
    document = render_markdown(text)
    assert document.blocks_overlapping(span) == [0, 1]
    assert document.displayed(span) == "his win in Aug. 9 presidential polls prompted protests."


def test_rich_markup_is_text() -> None:
    assert shown("[bold]x[/] and [link=http://a]y[/link]") == [
        "[bold]x[/] and [link=http://a]y[/link]"
    ]


def test_control_characters_are_shown_inert() -> None:
    text = "red \x1b[31malert\x07 done"
    block = render_markdown(text).blocks[0]
    assert "\x1b" not in block.text and "\x07" not in block.text
    assert block.text == "red ^[[31malert^G done"
    assert block.offsets[block.text.index("^[")] == text.index("\x1b")


def test_front_matter_is_not_shown() -> None:
    text = "---\ntitle: A\noutlet: B\n---\nBody text.\n"
    assert shown(text) == ["Body text."]


def test_lists_quotes_and_headings_keep_their_kind() -> None:
    document = render_markdown("# H\n\n- one\n- two\n\n> said\n\n1. first\n")
    kinds = [(block.kind, block.prefix, block.text) for block in document.blocks]
    assert kinds == [
        ("h1", "", "H"),
        ("item", "• ", "one"),
        ("item", "• ", "two"),
        ("quote", "", "said"),
        ("item", "1. ", "first"),
    ]


def test_crlf_text_maps_to_the_right_characters() -> None:
    text = "# Title\r\n\r\nFirst line\r\nsecond line.\r\n"
    block = render_markdown(text).blocks[1]
    assert block.text == "First line second line."
    assert text[block.offsets[block.text.index("second")]] == "s"


def test_a_code_span_across_lines_maps_its_line_breaks() -> None:
    # The parser shows a code span's line break as a space; it maps to the break,
    # and a soft break at the very end of the text stays inside the text.
    text = "`\r1` \r1"
    (block,) = render_markdown(text).blocks
    assert block.text == " 1 1"
    assert [text[offset] for offset in block.offsets] == ["\r", "1", "\r", "1"]


@example("`\r1` \r1")
@given(st.text(alphabet=st.sampled_from("ab *_`[]()#>-\\\n\t!&;$1.\x1b\r"), max_size=200))
def test_any_text_renders_with_offsets_inside_and_in_order(text: str) -> None:
    for block in render_markdown(text).blocks:
        assert all(0 <= offset < len(text) for offset in block.offsets)
        assert list(block.offsets) == sorted(block.offsets)
        assert len(block.offsets) == len(block.text)


@given(st.text(max_size=300))
def test_any_unicode_renders(text: str) -> None:
    for block in render_markdown(text).blocks:
        assert all(0 <= offset < len(text) for offset in block.offsets)
