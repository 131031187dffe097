"""Plain text and Markdown (``.txt``, ``.md``, ``.markdown``): one file, one article.

The text is not kept: it is what decoding the file's bytes gives, so the article
reads it again from the file on use (`tui.core.reading.on_disk`).
"""

from __future__ import annotations

import hashlib

from tui.core.reading.articles import Article
from tui.core.reading.decoding import NotTextError, decode
from tui.core.reading.formats.raw import RawFile, build_article
from tui.core.reading.on_disk import OnDisk
from tui.core.reading.problems import Problem


def _decoded(data: bytes, partial: bool) -> str:
    """The text of a text file's bytes, as `read_text` decodes them."""
    return decode(data, partial=partial).text


_WHOLE = OnDisk(_decoded)
"""Where the text of every text file read whole is read again."""


def _source(raw: RawFile) -> OnDisk:
    """Where the text is read again: the whole file, or as many bytes as were read."""
    return OnDisk(_decoded, len(raw.data)) if raw.truncated else _WHOLE


def read_text(raw: RawFile, *, on_disk: bool = True) -> list[Article | Problem]:
    """The file as one article, its text exactly as decoded.

    Args:
        raw: The file's bytes.
        on_disk: The bytes are the file at ``raw.path``, to be read again on use;
            when False (a page fetched from the web) the article keeps its text.
    """
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
        source=_source(raw) if on_disk else None,
    )
    return [article]
