"""The one safe-character rule: what is shown inert, what is escaped, what is kept."""

from __future__ import annotations

import json

import pytest

from tests.injection import PAYLOADS, RAW
from tui.core.language.figures import find_figures
from tui.core.reports.records import dumps
from tui.core.spans import Span
from tui.core.text.safe import ESCAPE_SEQUENCE, inert_line, make_inert, one_line


@pytest.mark.parametrize("kind", list(PAYLOADS))
def test_every_payload_is_shown_inert_and_escaped_recoverably(kind):
    payload = PAYLOADS[kind]
    assert RAW.search(payload)  # the payload really is dangerous
    for shown in (make_inert(payload), one_line(payload), inert_line(payload)):
        assert not RAW.search(shown)
    encoded = dumps({"text": payload})
    assert not RAW.search(encoded)
    assert json.loads(encoded)["text"] == payload


def test_zero_width_characters_are_kept_and_separators_are_not():
    """Joiners are part of how emoji and Persian are written; separators break lines."""
    family, persian = "👩\u200d👩\u200d👧", "می\u200cخواهم"
    assert make_inert(family) == family
    assert make_inert(persian) == persian
    assert make_inert("a\u2028b\u2029c") == "a<U+2028>b<U+2029>c"
    assert "\\u2028" in dumps("a\u2028b")


def test_a_message_line_shows_tabs_and_line_feeds_in_caret_notation():
    assert inert_line("evil\tname\n.txt") == "evil^Iname^J.txt"
    assert make_inert("two\nlines") == "two\nlines"  # a report keeps its line breaks


def test_escape_sequences_are_found_whole():
    text = "a \x1b[10;52H b \x1b]0;T 52\x07 c \x9b31m d \x1bP1$qm\x1b\\ e \x1b]8;;http://x\x1b\\ f"
    found = [match.group() for match in ESCAPE_SEQUENCE.finditer(text)]
    assert found == [
        "\x1b[10;52H", "\x1b]0;T 52\x07", "\x9b31m", "\x1bP1$qm\x1b\\", "\x1b]8;;http://x\x1b\\",
    ]  # fmt: skip


def test_numbers_inside_escape_sequences_are_not_figures():
    text = (
        "Police detained 500 protesters \x1b]0;PWNED\x07\x1b[2J\x1b[10;52H in Minsk, and "
        "\x1b]52;c;aGk=\x07 \x9b31m 12 more were hurt."
    )
    figures = find_figures(text, Span(0, len(text)))
    assert [figure.text for figure in figures] == ["500", "12"]
