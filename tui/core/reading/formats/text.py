"""Plain text and Markdown (``.txt``, ``.md``, ``.markdown``): one file, one article."""

from __future__ import annotations

import hashlib

from tui.core.reading.articles import Article
from tui.core.reading.decoding import NotTextError, decode
from tui.core.reading.formats.raw import RawFile, build_article
from tui.core.reading.problems import Problem


def read_text(raw: RawFile) -> list[Article | Problem]:
    """The file as one article, its text exactly as decoded."""
    try:
        decoded = decode(raw.data, partial=raw.truncated)
    except NotTextError as error:
        return [Problem(raw.path, str(error))]
    if not decoded.text:
        return [Problem(raw.path, "empty file")]
    if decoded.text.isspace():
        return [Problem(raw.path, "only whitespace")]
    notes = (decoded.note,) if decoded.note else ()
    digest = hashlib.sha256(raw.data).hexdigest()
    article = build_article(
        raw,
        decoded.text,
        digest=digest,
        encoding=decoded.encoding,
        notes=notes,
        controls=decoded.controls,
    )
    return [article]
