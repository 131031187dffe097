"""JSON files (``.json``): one article object, an array of them, or a response wrapping one.

Saved articles come as one object per file (a research data set, a scraper's output),
as an array of objects, or inside an API response (``{"status": "ok", "articles":
[...]}``: the first key in `WRAPPERS`, else the first list of objects). Each object
is read as `records` says. An item of an array is named by its number (``item 3``)
in problems and in the library; a bad item is one problem and the rest still load.
An array cut by the read limit keeps the items before the cut.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from tui.core.reading.articles import Article
from tui.core.reading.decoding import NotTextError, decode
from tui.core.reading.formats.raw import RawFile
from tui.core.reading.formats.records import (
    TEXT_FIELDS,
    BadJsonError,
    collect,
    normal,
    parse_json,
    record_articles,
    skip_space,
)
from tui.core.reading.problems import Problem

WRAPPERS = ("articles", "data", "items", "results", "records", "documents", "docs", "stories")
"""Keys under which an API response or an export keeps its list of articles."""
_CUT = "cut by the read limit, not read"

Records = list[tuple[str, Any, str, int | None]]
"""Records as `record_articles` takes them: label, value, digest, item number."""


def read_json(raw: RawFile) -> list[Article | Problem]:
    """The articles of a JSON file, and a problem for each item that is not one."""
    try:
        decoded = decode(raw.data, partial=raw.truncated)
    except NotTextError as error:
        return [Problem(raw.path, str(error))]
    text = decoded.text
    if not text.strip():
        return [Problem(raw.path, "only whitespace")]
    start = skip_space(text, 0)
    bad: list[tuple[int, Problem]] = []
    if text.startswith("[", start):
        records = _array_items(raw, text, start + 1, bad)
    else:
        try:
            value, end = parse_json(text, start)
        except BadJsonError as error:
            return [Problem(raw.path, _CUT if raw.truncated and error.end is None else str(error))]
        if text[end:].strip():
            return [Problem(raw.path, "not valid JSON (more after the first value)")]
        records = _object_items(raw, value)
    if not records and not bad:
        return [Problem(raw.path, "no articles (an empty list)")]
    notes = (decoded.note,) if decoded.note else ()
    items = record_articles(raw, records, encoding=decoded.encoding, notes=notes)
    return collect(raw, records, items, bad, "item")


def _array_items(raw: RawFile, text: str, position: int, bad: list[tuple[int, Problem]]) -> Records:
    """The items of a top-level array, each with the digest of its own text.

    Read one by one, so that an item holding a number too long to read is one
    problem, and an array cut by the read limit keeps the items before the cut.
    Problems go to ``bad``, by item number.
    """
    records: Records = []
    number = 0
    while True:
        position = skip_space(text, position)
        if position >= len(text):
            reason = f"item {number + 1}: {_CUT}" if raw.truncated else "not valid JSON (no ])"
            bad.append((number + 1, Problem(raw.path, reason)))
            return records
        if text[position] == "]":
            if text[position + 1 :].strip():
                bad.append((number + 1, Problem(raw.path, "not valid JSON (more after the ])")))
            return records
        number += 1
        try:
            value, end = parse_json(text, position)
        except BadJsonError as error:
            if error.end is None:  # where the item ends is unknown: nothing after it is read
                reason = _CUT if raw.truncated else str(error)
                bad.append((number, Problem(raw.path, f"item {number}: {reason}")))
                return records
            bad.append((number, Problem(raw.path, f"item {number}: {error}")))
            value, end = None, error.end
        else:
            digest = hashlib.sha256(text[position:end].encode("utf-8")).hexdigest()
            records.append((f"item {number}", value, digest, number))
        position = skip_space(text, end)
        if text.startswith(",", position):
            position += 1
        elif not text.startswith("]", position) and position < len(text):
            bad.append((number + 1, Problem(raw.path, f"item {number + 1}: not valid JSON")))
            return records


def _object_items(raw: RawFile, value: Any) -> Records:
    """One article object (the whole file's digest), or the list an API response wraps."""
    listed = _wrapped(value) if isinstance(value, Mapping) else None
    if listed is None:
        return [("", value, hashlib.sha256(raw.data).hexdigest(), None)]
    return [(f"item {n}", item, _digest(item), n) for n, item in enumerate(listed, 1)]


def _wrapped(value: Mapping[str, Any]) -> list[Any] | None:
    """The list of article objects an object holds instead of being one, or ``None``."""
    keys = {normal(key): key for key in value if isinstance(key, str)}
    if any(name in keys for name in TEXT_FIELDS):
        return None
    lists = [
        (key, item)
        for key, item in value.items()
        if isinstance(item, list) and item and all(isinstance(i, Mapping) for i in item)
    ]
    for name in WRAPPERS:
        for key, item in lists:
            if normal(str(key)) == name:
                return item
    return lists[0][1] if lists else None


def _digest(item: Any) -> str:
    """A digest of an item inside a wrapper: of its JSON, written one canonical way."""
    canonical = json.dumps(item, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()
