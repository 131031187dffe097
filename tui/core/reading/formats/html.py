"""Saved web pages (``.html``, ``.htm``): the article body and its metadata.

Finding the article inside a page full of menus, adverts and comments is a solved
problem, so trafilatura does it (with htmldate for the date) rather than hand-written
parsing. It is imported on the first page met, which keeps startup fast for folders
of plain text. Nothing here touches the network: trafilatura only gets the page's
text, never a URL to fetch.

The article's text is what trafilatura extracted (plain text, one block per line);
offsets index into that. Its metadata (title, site name, author, date, canonical
URL) is stated to `build_article`, so it wins over guesses made from the text.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

from tui.core.reading.articles import Article
from tui.core.reading.decoding import NotTextError, decode
from tui.core.reading.formats.raw import RawFile, build_article
from tui.core.reading.problems import Problem

if TYPE_CHECKING:
    from trafilatura.settings import Document as _Document

_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE
)
_DECLARATION_WINDOW = 4096
"""Bytes searched for a ``<meta charset>``; HTML requires it within the first 1024."""
_NOTE = "article text extracted from the web page"


def read_html(raw: RawFile) -> list[Article | Problem]:
    """The page's main article, or a problem saying why there is none."""
    declared = _CHARSET.search(raw.data[:_DECLARATION_WINDOW])
    try:
        decoded = decode(
            raw.data,
            declared=declared[1].decode("ascii") if declared else None,
            partial=raw.truncated,
        )
    except NotTextError as error:
        return [Problem(raw.path, str(error))]
    if not decoded.text.strip():
        return [Problem(raw.path, "only whitespace")]
    document = _extract(decoded.text)
    if document is None or not (document.text or "").strip():
        return [Problem(raw.path, "no article text found in the page")]
    stated = {
        "title": document.title,
        "outlet": document.sitename,
        "byline": document.author,
        "date": document.date,
        "url": document.url,
    }
    notes = (_NOTE, decoded.note) if decoded.note else (_NOTE,)
    digest = hashlib.sha256(raw.data).hexdigest()
    text = document.text or ""  # not empty: checked above
    article = build_article(
        raw, text, digest=digest, encoding=decoded.encoding, notes=notes, stated=stated
    )
    return [article]


def _extract(page: str) -> _Document | None:
    """Trafilatura's main-content extraction with metadata, or ``None`` when it finds none.

    Dates come from the page's markup only (``extensive_search`` off): a date guessed
    from the running text is too often a wrong one.
    """
    # Deferred: about 0.2 s to import, and only pages need it.
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_formatting=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return document if isinstance(document, Document) else None
