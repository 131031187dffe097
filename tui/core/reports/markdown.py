r"""Plain text written into Markdown so that it renders as exactly that text.

A report's lines start with its own markup (``# ``, ``- **A**: ``, ``> **A** ``), so
the text after it never starts a block: only inline constructs can misread it.
Those are escaped, and nothing else: ``$1.5 billion`` stays as it is (``\$`` would
show a backslash in some renderers and is noise in all), a snake_case word keeps
its underscores. Changed words are wrapped in ``**`` or ``~~`` only where the
delimiters will be read as such (CommonMark's flanking rules); elsewhere the words
are left plain rather than show stray asterisks.
"""

from __future__ import annotations

import re
import unicodedata

_INLINE = re.compile(
    r"\\(?=[!-/:-@\[-`{-~]|$)"  # a backslash that would escape what follows
    r"|[*`\[~]"  # emphasis, code, links and images, strikethrough
    r"|<(?=[A-Za-z/!?])"  # an autolink or HTML tag
    r"|(?<![^\W_])_|_(?![^\W_])"  # an underscore not inside a word
    r"|&(?=#?\w+;)"  # an entity or character reference
)
_TRAILING_HASHES = re.compile(r"(\s)(#+)\s*$")
_BACKTICKS = re.compile(r"`+")


def escape_inline(text: str) -> str:
    """``text`` escaped for the middle of a Markdown line: it renders as itself."""
    return _INLINE.sub(lambda match: "\\" + match.group(), text)


def escape_heading(text: str) -> str:
    """`escape_inline`, and a run of ``#`` at the end, which a heading would drop."""
    return _TRAILING_HASHES.sub(
        lambda match: match.group(1) + "\\" + match.group(2), escape_inline(text)
    )


def code(text: str) -> str:
    """``text`` as a code span, fenced by more backticks than it holds in a row."""
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def emphasis(run: str, delimiter: str, before: str, after: str) -> str:
    """``run`` (escaped already) wrapped in ``delimiter`` when Markdown will read it so.

    Args:
        run: The words to mark; spaces around them stay outside the marks.
        delimiter: ``**`` (strong) or ``~~`` (strikethrough).
        before: The character printed just before ``run`` (a space at the start).
        after: The character printed just after it (a space at the end).
    """
    inner = run.strip()
    if not inner:
        return run
    lead = run[: len(run) - len(run.lstrip())]
    tail = run[len(run.rstrip()) :]
    before = lead[-1:] or before
    after = tail[:1] or after
    if _opens(before, inner[0]) and _closes(inner[-1], after):
        return f"{lead}{delimiter}{inner}{delimiter}{tail}"
    return run


def _opens(before: str, first: str) -> bool:
    """A delimiter between ``before`` and ``first`` is left-flanking (it can open)."""
    return not _punctuation(first) or _space(before) or _punctuation(before)


def _closes(last: str, after: str) -> bool:
    """A delimiter between ``last`` and ``after`` is right-flanking (it can close)."""
    return not _punctuation(last) or _space(after) or _punctuation(after)


def _space(char: str) -> bool:
    return char.isspace()


def _punctuation(char: str) -> bool:
    """Punctuation as CommonMark counts it: ASCII punctuation, Unicode P* and S*."""
    return unicodedata.category(char)[0] in "PS"
