r"""One-line plain text from a line of Markdown, safe to show in a list or a table cell.

Titles and bylines come out of article text that may carry Markdown (``**bold**``,
``[link](#)``, ``\$``) and, in hostile or broken files, control characters and ANSI
escape sequences. Metadata values pass through `plain_text` so that none of that
reaches a terminal or a table column.
"""

from __future__ import annotations

import re

_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?")
"""ANSI CSI and OSC sequences, then any other ESC with the character after it."""
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_SPACES = re.compile(r"\s+")

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"`+([^`\n]*)`+")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$<>|~])")


def strip_controls(value: str) -> str:
    """``value`` on one line: escape sequences dropped, controls and runs of space made one space."""
    value = _ESCAPES.sub("", value)
    value = _CONTROLS.sub(" ", value)
    return _SPACES.sub(" ", value).strip()


def plain_text(line: str) -> str:
    r"""``line`` without Markdown markup, escape sequences or control characters.

    Images vanish, links keep their text, emphasis and code marks go, backslash
    escapes resolve (``\$1.5`` reads ``$1.5``).
    """
    line = strip_controls(line)
    if not any(mark in line for mark in "[]*_`\\<"):
        return line  # the common case: nothing to undo
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    line = _EMPHASIS.sub(r"\2", line)
    line = _CODE.sub(r"\1", line)
    line = _ESCAPED.sub(r"\1", line)
    return _SPACES.sub(" ", line).strip()
