"""Make text safe to show in a terminal: control characters become visible, inert marks.

Article text can carry ANSI escape sequences, carriage returns, bell characters or
bidirectional overrides. Sent raw, they would move the cursor, recolour the screen
or reorder the panes. Like ``less``, we show them instead: ``ESC`` as ``^[``, other
C0 controls in caret notation, C1 and bidi controls as ``<U+XXXX>``.
"""

from __future__ import annotations

import re

TAB_WIDTH = 4
"""Columns a tab character expands to."""

_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\t{_BIDI_CONTROLS}]")


def inert_char(char: str) -> str:
    """The visible stand-in for one character (the character itself when it is safe)."""
    code = ord(char)
    if char == "\t":
        return " " * TAB_WIDTH
    if code < 0x20 or code == 0x7F:
        return "^" + chr(code ^ 0x40)
    if 0x80 <= code <= 0x9F or char in _BIDI_CONTROLS:
        return f"<U+{code:04X}>"
    return char


def has_unsafe(text: str) -> bool:
    """True when ``text`` holds a character that must not reach the terminal raw."""
    return _UNSAFE.search(text) is not None


def make_inert(text: str) -> str:
    """``text`` with every unsafe character replaced by its visible stand-in.

    Line breaks are kept; use this for one-line labels after collapsing whitespace.
    """
    if not has_unsafe(text):
        return text
    return _UNSAFE.sub(lambda match: inert_char(match.group()), text)


def one_line(text: str) -> str:
    """``text`` as a safe single-line label: whitespace runs collapsed, controls made inert."""
    return make_inert(" ".join(text.split()))
