"""JSON Lines (``.jsonl``): one article per line, as news data sets ship them.

Each line is an object with a ``text`` and optionally ``title``, ``outlet`` (or
``source``, ``publisher``, ``site``; a ``{"name": ...}`` object counts), ``date``,
``url``, ``byline`` (or ``author``, ``authors``) and ``agency``. Those fields are
stated metadata and win over guesses from the text. A bad line is a problem naming
its line number and the other lines still load; a file where no line is JSON is
reported once rather than line by line.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from tui.core.reading.articles import Article
from tui.core.reading.decoding import NotTextError, decode, universal_newlines
from tui.core.reading.formats.raw import RawFile, build_article
from tui.core.reading.problems import Problem

_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "publisher", "site", "sitename", "site_name"),
    "agency": ("agency",),
    "date": ("date", "published", "published_at", "publish_date", "date_publish"),
    "url": ("url", "link"),
    "byline": ("byline", "author", "authors"),
}
"""Keys read for each stated value, first present wins."""
MAX_LINE_PROBLEMS = 5
"""Bad lines reported one by one; the rest are counted in one more problem."""
_SURROGATES = re.compile("[\ud800-\udfff]")


def read_jsonl(raw: RawFile) -> list[Article | Problem]:
    """One article per valid line, and a problem for each bad one."""
    try:
        decoded = decode(raw.data, partial=raw.truncated)
    except NotTextError as error:
        return [Problem(raw.path, str(error))]
    lines = decoded.text.split("\n")
    if raw.truncated:
        lines.pop()  # cut mid-line; the truncation is reported on its own
    notes = (decoded.note,) if decoded.note else ()
    items: list[Article | Problem] = []
    bad: list[Problem] = []
    parsed = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        record = _parse(line)
        if isinstance(record, str):
            bad.append(Problem(raw.path, f"line {number}: {record}"))
            continue
        parsed += 1
        item = _article(raw, record, line, number, decoded.encoding, notes)
        if isinstance(item, Problem):
            bad.append(item)
        else:
            items.append(item)
    if not parsed:
        return [
            Problem(raw.path, f"not JSON Lines ({bad[0].reason})" if bad else "only whitespace")
        ]
    items.extend(bad[:MAX_LINE_PROBLEMS])
    if len(bad) > MAX_LINE_PROBLEMS:
        items.append(Problem(raw.path, f"{len(bad) - MAX_LINE_PROBLEMS} more bad lines skipped"))
    return items


def _parse(line: str) -> dict[str, Any] | str:
    """The line's JSON object, or the reason it is not one."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return "not valid JSON"
    except RecursionError:
        return "nested too deeply"
    return record if isinstance(record, dict) else "not a JSON object"


def _article(
    raw: RawFile,
    record: dict[str, Any],
    line: str,
    number: int,
    encoding: str,
    notes: tuple[str, ...],
) -> Article | Problem:
    text = record.get("text")
    if not isinstance(text, str):
        return Problem(raw.path, f'line {number}: no "text" string')
    if not text.strip():
        return Problem(raw.path, f"line {number}: empty text")
    if _SURROGATES.search(text):
        # A lone \ud800 escape is valid JSON but not text: no terminal can show it.
        text = _SURROGATES.sub("\ufffd", text)
        notes = (*notes, "invalid \\u escapes shown as \ufffd")
    if "\r" in text:
        text = universal_newlines(text)
    digest = hashlib.sha256(line.encode("utf-8")).hexdigest()
    stated = {key: _field(record, names) for key, names in _FIELDS.items()}
    return build_article(
        raw, text, digest=digest, encoding=encoding, notes=notes, stated=stated, part=number
    )


def _field(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` present as text: a string, a list of them, or a ``name``."""
    for name in names:
        value = record.get(name)
        if isinstance(value, dict):
            value = value.get("name") or value.get("title")
        if isinstance(value, list):
            value = ", ".join(item for item in value if isinstance(item, str))
        if isinstance(value, str) and value.strip():
            return _SURROGATES.sub("\ufffd", value)
    return None
