"""The first frame's plain document is exactly the one the Markdown parser would make."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.paths import SEEDS, UI_FOLDER
from tui.app.plain_document import plain_document
from tui.core.text.document import Document, render_markdown

WORDS = st.sampled_from(
    [
        "Putin",
        "said",
        "on",
        "Monday",
        "4,000",
        "$1.5",
        "billion",
        "(AFP)",
        "it's",
        "“quoted”",
        "-",
        "+",
        "1.",
        "2)",
        "---",
        "*",
        "#",
        "==",
        "x_y",
        "\t",
        "    ",
        "é",
        "北京",
    ]
)
LINES = st.lists(WORDS, max_size=12).map(" ".join)
TEXTS = st.lists(st.one_of(LINES, st.just("")), max_size=12).map("\n".join)


def shown(document: Document) -> list[tuple[str, str, tuple[int, ...]]]:
    return [(block.kind, block.text, block.offsets) for block in document.blocks]


@given(TEXTS)
def test_a_plain_document_is_the_parsers_document(text: str) -> None:
    plain = plain_document(text)
    if plain is not None:
        assert shown(plain) == shown(render_markdown(text))


def test_plain_articles_get_one_and_markdown_ones_wait_for_the_parser() -> None:
    afp = (SEEDS / "000_02b2830ff24b6d49.txt").read_text(encoding="utf-8")
    assert plain_document(afp) is not None  # the first article of the bundled story
    moscow = (SEEDS / "001_904d19f1e7a1825b.txt").read_text(encoding="utf-8")
    assert plain_document(moscow) is None  # a # heading and links
    front = (UI_FOLDER / "northwire-wildfire.md").read_text(encoding="utf-8")
    assert plain_document(front) is None  # front matter
    assert plain_document("Title \x1b[31mred\n\nBody.") is None  # a terminal would act on it
