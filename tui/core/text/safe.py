r"""The one rule for characters a terminal would act on instead of showing.

Article text and file names come from strangers. Sent raw, a character of this set
moves the cursor, recolours or clears the screen, sets the window title, writes
the clipboard (ESC sequences, 8-bit C1 controls) or reorders what is shown (bidi
embeddings, overrides and isolates). Every channel text leaves by applies this one
set (`UNSAFE`): the screen and the text reports show each such character inert
(``less``-style: ``^[`` for ESC, other C0 in caret notation, the rest as
``<U+XXXX>``); JSON escapes it (``\u001b``, ``\u202e``) so that the original text
stays recoverable and offsets still index it.

What is in the set:

- C0 controls but tab and line feed (carriage returns are gone by then: reading
  turns every line break into a line feed), and DEL;
- C1 controls, U+0080 to U+009F (a terminal may read U+009B as CSI);
- bidi controls: the Arabic letter mark, the left-to-right and right-to-left marks,
  embeddings and overrides U+202A to U+202E, isolates U+2066 to U+2069;
- the line and paragraph separators U+2028 and U+2029, which some terminals and
  every JavaScript parser take as line breaks: one line of a table must stay one.

Zero-width characters (U+200B space, U+200C non-joiner, U+200D joiner, U+2060 word
joiner, U+FEFF) are kept, on every channel: they steer no terminal and reorder
nothing, and the joiners are part of how Persian, Indic scripts and emoji are written
(shown as ``<U+200D>``, a family emoji or a Persian word would fall apart in every
report). The separators are the other way round: rare in real text, and a line
break to the reader that is not one to ``wc -l``, ``grep`` or a table.

Where text leaves the program:

- the screen and the text, table and Markdown reports: `make_inert` (`one_line`
  for labels and cells);
- one-line messages on stderr (a file name in a problem line): `inert_line`, which
  also shows a line feed or tab in a name as ``^J`` / ``^I``, so a message stays one
  line and says exactly what the name holds;
- JSON: `escape_json`.

`ESCAPE_SEQUENCE` finds whole terminal escape sequences, so that what they carry
(``ESC [ 10 ; 52 H``) is not read as the article's words or figures.
"""

from __future__ import annotations

import re

TAB_WIDTH = 4
"""Columns a tab character expands to on screen."""

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Bidirectional marks, embeddings, overrides and isolates."""
SEPARATORS = "\u2028\u2029"
"""Unicode line and paragraph separators."""
UNSAFE = f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}{SEPARATORS}]"
"""Regex character class of every character no channel may pass raw (see the module)."""

ESCAPE_SEQUENCE = re.compile(
    "(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI: colours, cursor moves, clearing
    "|(?:\x1b\\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)?"  # OSC: title, clipboard, link
    "|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\\\|\x9c)?"  # DCS, SOS, PM, APC
    "|\x1b[ -/]*[0-~]?"  # any other escape
)
"""A terminal escape sequence, 7-bit (``ESC [``) or 8-bit (U+009B), up to its terminator."""

_UNSAFE = re.compile(UNSAFE)
_SHOWN = re.compile(f"[\t{UNSAFE[1:-1]}]")
"""What the screen replaces: the unsafe characters, and tabs (expanded to spaces)."""
_SHOWN_IN_LINE = re.compile(f"[\t\n{UNSAFE[1:-1]}]")
"""What a one-line message replaces: the unsafe characters, tabs and line feeds."""


def has_unsafe(text: str) -> bool:
    """True when ``text`` holds a character that must not reach a terminal raw."""
    return _UNSAFE.search(text) is not None


def inert_char(char: str) -> str:
    """The visible stand-in for one character (the character itself when it is safe)."""
    code = ord(char)
    if char == "\t":
        return " " * TAB_WIDTH
    if code < 0x20 or code == 0x7F:
        return "^" + chr(code ^ 0x40)
    if 0x80 <= code <= 0x9F or char in BIDI_CONTROLS or char in SEPARATORS:
        return f"<U+{code:04X}>"
    return char


def make_inert(text: str) -> str:
    """``text`` with every unsafe character (and tab) replaced by its visible stand-in.

    Line feeds are kept; use `one_line` for labels.
    """
    if _SHOWN.search(text) is None:
        return text
    return _SHOWN.sub(lambda match: inert_char(match.group()), text)


def inert_line(text: str) -> str:
    """``text`` as one line that keeps every character visible (for file names in messages).

    Like `make_inert`, but a tab and a line feed are shown in caret notation too
    (``^I``, ``^J``) rather than expanded or kept: a name must not split a message.
    """
    if _SHOWN_IN_LINE.search(text) is None:
        return text
    return _SHOWN_IN_LINE.sub(lambda match: _caret(match.group()), text)


def _caret(char: str) -> str:
    """A tab or line feed in caret notation, any other character as `inert_char` shows it."""
    return "^" + chr(ord(char) ^ 0x40) if char in "\t\n" else inert_char(char)


def one_line(text: str) -> str:
    """``text`` as a safe single-line label: whitespace runs collapsed, controls made inert."""
    return make_inert(" ".join(text.split()))


def escape_json(encoded: str) -> str:
    r"""JSON text (from ``json.dumps(..., ensure_ascii=False)``) with `UNSAFE` escaped.

    ``json.dumps`` already escapes C0 controls; DEL, C1, bidi controls and the
    separators it leaves raw, and a terminal would still act on them. They become
    ``\uXXXX`` escapes, which decode back to the same text.
    """
    if _UNSAFE.search(encoded) is None:
        return encoded
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)
