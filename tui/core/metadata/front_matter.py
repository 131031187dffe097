"""A YAML-style front-matter block at the top of a file: stated metadata, and where the body starts.

Where the body starts is decided here once, when the article is read; every engine
(segmentation, alignment, the reader) starts from `FrontMatter.end`, so a block's
``title:`` line is never a sentence, never linked and never shown as text.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from tui.core.text.plain import strip_controls

HEAD_CHARS = 6000
"""Characters from the start a block may take (60 lines at most)."""
STATED_KEYS = ("title", "outlet", "agency", "date", "byline", "url")
"""Keys a file or a container format may state, overriding guesses from the text."""
ALIASES = {
    "headline": "title", "source": "outlet", "publisher": "outlet", "site": "outlet",
    "sitename": "outlet", "site_name": "outlet", "author": "byline", "authors": "byline",
    "published": "date", "link": "url",
}  # fmt: skip
"""Other names for the `STATED_KEYS`."""

_BLOCK = r"\A\ufeff?---[ \t]*\n((?:.*\n){0,60}?)---[ \t]*(?:\n|\Z)"
_LINE = r"\s*(?:#.*|-\s.*|(?P<key>[A-Za-z][\w-]*)\s*:\s*(?P<value>.*?))\s*"


class FrontMatter(NamedTuple):
    """What a front-matter block states, and the offset after it."""

    fields: dict[str, str]
    """Values by `STATED_KEYS` name; empty when there is no block."""
    end: int
    """Where the body starts: after the block, else 0."""


NONE = FrontMatter({}, 0)
"""No front matter: nothing stated, the body starts at once."""


def read_front_matter(text: str) -> FrontMatter:
    """The fields of a front-matter block at the very start of ``text``.

    Only flat ``key: value`` lines are read (quotes around a value are removed);
    keys are mapped onto `STATED_KEYS` (``author`` is a byline, ``source`` an
    outlet). A block holding anything else, or no known key, is not front matter
    but a horizontal rule, and the body starts at 0.
    """
    if not text.startswith(("---", "\ufeff---")):  # the block's first line; no slice needed
        return NONE
    match = _pattern(_BLOCK).match(text[:HEAD_CHARS])
    if match is None:
        return NONE
    fields: dict[str, str] = {}
    for line in match[1].splitlines():
        if not line.strip():
            continue
        entry = _pattern(_LINE).fullmatch(line)
        if entry is None:
            return NONE
        if entry["key"]:
            key = entry["key"].lower()
            key = ALIASES.get(key, key)
            value = strip_controls(_unquote(entry["value"]))
            if key in STATED_KEYS and value and key not in fields:
                fields[key] = value
    return FrontMatter(fields, match.end()) if fields else NONE


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    """Front-matter patterns, compiled on first use: few articles have a block."""
    return re.compile(source)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
