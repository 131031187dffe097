"""Saved web pages (``.html``, ``.htm``): the article body and its metadata.

Finding the article inside a page full of menus, adverts and comments is a solved
problem, so trafilatura does it (with htmldate for the date) rather than hand-written
parsing. It is imported on the first page met, which keeps startup fast for folders
of plain text. Nothing here touches the network: trafilatura only gets the page's
text, never a URL to fetch.

The article's text is what trafilatura extracted (plain text, a paragraph per block),
without the lines of site furniture (`page_text`); offsets index into that. Its
metadata (title, site name, author, date, canonical URL) is stated to
`build_article`, so it wins over guesses made from the text, once the title has lost
the site's name (or given way to the page's own heading) and the byline the publisher
(`tui.core.metadata.pages`). A page with too little text, or unrendered template
markup, loads with a warning, in its notes and as a problem.

Trafilatura's options were chosen by measuring them on the 851 annotated pages of
its own evaluation set (``bench/reading_quality.py --pages``): the default balance
of precision and recall keeps the most of the wanted text and the least of the
rest; dates from the markup only, preferring the original publication date, are
right most often (``original_date`` 0.83 against 0.75 without; a search of the
running text adds wrong dates).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from typing import TYPE_CHECKING

from tui.core.metadata.pages import (
    page_byline,
    page_headline,
    page_title,
    shares_a_word,
    site_keys,
    split_title,
)
from tui.core.reading.articles import Article
from tui.core.reading.decoding import NotTextError, decode
from tui.core.reading.formats.page_text import article_text, warnings
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
_HEADINGS = 5
"""First-level headings looked at for the headline: the article's is among the first."""
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def read_html(raw: RawFile, charset: str | None = None) -> list[Article | Problem]:
    """The page's main article, or a problem saying why there is none.

    ``charset`` is the one a web server stated for the page (its ``Content-Type``):
    it wins over the page's own ``<meta charset>``, as in a browser.
    """
    declared = _CHARSET.search(raw.data[:_DECLARATION_WINDOW])
    if charset is None and declared:
        charset = declared[1].decode("ascii")
    try:
        decoded = decode(
            raw.data,
            declared=charset,
            partial=raw.truncated,
        )
    except NotTextError as error:
        return [Problem(raw.path, str(error))]
    if not decoded.text.strip():
        return [Problem(raw.path, "only whitespace")]
    page = decoded.text
    document, headings, head = _extract(_xml_safe(page) if "&#" in page else page)
    text = article_text(document.text or "") if document is not None else ""
    if document is None or not text:
        return [Problem(raw.path, "no article text found in the page")]
    keys = site_keys(document.sitename, document.url or document.hostname)
    stated = {
        "title": page_headline(page_title(_whole_title(head, document.title), keys), headings, keys)
        if document.title
        else None,
        "outlet": document.sitename,
        "byline": page_byline(document.author, keys) if document.author else None,
        "date": document.date,
        "url": document.url,
    }
    warned = warnings(text)
    notes = (_NOTE, decoded.note, *warned) if decoded.note else (_NOTE, *warned)
    digest = hashlib.sha256(raw.data).hexdigest()
    article = build_article(
        raw, text, digest=digest, encoding=decoded.encoding, notes=notes, stated=stated
    )
    return [article, *(Problem(raw.path, warning) for warning in warned)]


def _whole_title(head: str, title: str) -> str:
    """The page's whole ``<title>`` (``head``) when trafilatura's title is part of it or alien.

    With no headline element, trafilatura takes the first part of ``<title>``
    (``Metro Daily`` of ``Metro Daily | Council agrees budget``, ``Brexit`` of
    ``Brexit - what happens next``); `page_title` knows which part is the site's. A
    title of one word that ``<title>`` lacks is some element's, a section's or a
    menu's (``Allgemein``, ``Hauptmenü``), and the page's own title is the better.
    """
    if len(title.split()) == 1 and len(head.split()) >= 3 and not shares_a_word(title, head):
        return head
    return head if head and head != title and title in split_title(head) else title


def _xml_safe(page: str) -> str:
    """``page`` with character references to characters XML forbids made U+FFFD.

    ``&#1;``, ``&#27;`` or ``&#xFFFF;`` make the parser give up on the whole page,
    which then has "no article text"; U+FFFD in their place keeps the article.
    """
    return _CHARACTER_REFERENCE.sub(_safe_reference, page)


def _safe_reference(match: re.Match[str]) -> str:
    code = int(match[1], 16) if match[1] else int(match[2])
    allowed = (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )
    return match.group() if allowed else "&#xFFFD;"


def _extract(page: str) -> tuple[_Document | None, list[str], str]:
    """Trafilatura's main-content extraction with metadata, the ``<h1>`` texts and ``<title>``.

    The document is ``None`` when trafilatura finds no article. Dates come from the
    page's markup only (``extensive_search`` off): a date guessed from the running text
    is too often a wrong one. The page is parsed once, for both.
    """
    # Deferred: about 0.2 s to import, and only pages need it.
    import trafilatura
    from trafilatura.settings import Document
    from trafilatura.utils import load_html

    tree = load_html(page)
    if tree is None:
        return None, [], ""
    head = tree.find(".//head/title")
    title = " ".join(head.text_content().split()) if head is not None else ""
    headings = [
        " ".join(heading.text_content().split())
        for heading in itertools.islice(tree.iter("h1"), _HEADINGS)
    ]
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_formatting=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return (document if isinstance(document, Document) else None), headings, title
