"""Every highlight covers exactly the linked text, as the reader renders it."""

from __future__ import annotations

import pytest
from rich.segment import Segment

from tests.app.test_compare_keys import PAIR_000_001, PAIR_002_003, open_compare
from tests.helpers import make_app
from tui.app.widgets.document_view import DocumentView
from tui.app.widgets.highlights import Highlight


def highlighted_text(view: DocumentView, style: str) -> str:
    """The characters drawn with ``style``'s background, line by line, spaces collapsed."""
    target = view._style(style).bgcolor
    pieces = []
    for y in range(view.line_count):
        strip = view.render_line(y)
        pieces.append(
            "".join(
                segment.text
                for segment in strip
                if isinstance(segment, Segment)
                and segment.style
                and segment.style.bgcolor == target
            )
        )
    return " ".join(" ".join(pieces).split())


@pytest.mark.parametrize("pair", [PAIR_000_001, PAIR_002_003], ids=["000-001", "002-003"])
async def test_each_link_highlights_exactly_its_rendered_text(pair) -> None:  # type: ignore[no-untyped-def]
    app = make_app(pair, compare=True)
    async with app.run_test(size=(160, 400)) as pilot:
        screen = await open_compare(pilot)
        assert screen.links
        for reader in (screen.left, screen.right):
            reader.view.set_highlights([], layer="pair")  # only the highlight under test
        for link in screen.links:
            for reader, span in ((screen.left, link.a), (screen.right, link.b)):
                view = reader.view
                view.set_highlights([Highlight(span, "find-current")])
                expected = " ".join(view.document.displayed(span).split())
                assert highlighted_text(view, "find-current") == expected
                source = span.slice(reader.article.text)
                # Rendered, not raw: escapes resolved and Markdown markup hidden.
                assert "\\$" not in expected and "**" not in expected
                if "\\$" in source:
                    assert "$" in expected
