"""JSON Lines (``.jsonl``, ``.ndjson``): one article per line, as news data sets ship them.

Each line is one record: its text and metadata are read as `records` says (common
field names, lists of paragraphs, the field the user names). A bad line is a problem
naming its line number and the other lines still load; a file where no line is JSON
is reported once rather than line by line.
"""

from __future__ import annotations

import hashlib
from typing import Any

from tui.core.reading.articles import Article
from tui.core.reading.decoding import NotTextError, decode
from tui.core.reading.formats.raw import RawFile
from tui.core.reading.formats.records import BadJsonError, collect, parse_json, record_articles
from tui.core.reading.problems import Problem


def read_jsonl(raw: RawFile) -> list[Article | Problem]:
    """One article per valid line, and a problem for each bad one, in line order."""
    try:
        decoded = decode(raw.data, partial=raw.truncated)
    except NotTextError as error:
        return [Problem(raw.path, str(error))]
    lines = decoded.text.split("\n")
    cut = lines.pop() if raw.truncated else ""  # cut mid-line by the read limit
    records: list[tuple[str, Any, str, int | None]] = []
    bad: list[tuple[int, Problem]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record, end = parse_json(line)
        except BadJsonError as error:
            bad.append((number, Problem(raw.path, f"line {number}: {error}")))
            continue
        if line[end:].strip():
            bad.append((number, Problem(raw.path, f"line {number}: not valid JSON")))
            continue
        digest = hashlib.sha256(line.encode("utf-8")).hexdigest()
        records.append((f"line {number}", record, digest, number))
    if not records:
        if cut.strip() and not bad:
            # One line longer than the read limit: the truncation note would be missing,
            # since it comes with the articles read, and there are none.
            return [Problem(raw.path, f"line {len(lines) + 1}: cut by the read limit, not read")]
        if not bad:
            return [Problem(raw.path, "only whitespace")]
        return [Problem(raw.path, f"not JSON Lines ({bad[0][1].reason})")]
    notes = (decoded.note,) if decoded.note else ()
    items = record_articles(raw, records, encoding=decoded.encoding, notes=notes)
    return collect(raw, records, items, bad, "line")
