"""The text extracted from a saved page: lines of site furniture out, warnings in.

Trafilatura keeps the article's blocks, one per line, and now and then a line of
the site's furniture with them: ``Read more: ...``, ``Advertisement``, ``Our
Standards: The Thomson Reuters Trust Principles.``, a row of share buttons. Those
lines are dropped, and each block becomes a paragraph of its own (`article_text`): a
page's text is what was extracted, not the file, so offsets still index the
article's text exactly.

A page may also hold no article at all: a gallery or a video page gives a caption
of 24 words, an unrendered template gives ``{{nrco....}}``. It still loads, but
`warnings` says so, and the user sees it.
"""

from __future__ import annotations

import re

FEW_WORDS = 60
"""Fewer words of article text than this: the page may not hold the article."""
_FURNITURE_CHARS = 250
"""Longest line that may be site furniture."""
_LABELLED = re.compile(
    r"(?i:read more|read also|see also|also read|more on this(?: story)?|related(?: articles?|"
    r" stories| coverage| content)?|recommended(?: for you)?|most (?:read|popular|viewed)|"
    r"sponsored(?: content)?|our standards|editor'?s picks?|trending(?: now)?|"
    r"watch|listen|subscribe|sign up|follow us|share this(?: article)?|continue reading|"
    r"click here|advertisement)"
    r"\s*(?:[:|›»>]|[–—-](?=\s))\s*.*"
)
"""A label of the site's furniture, then what it points at (``Read more: ...``)."""
_ALONE = re.compile(
    r"(?i:advertisement|advertising|anzeige|sponsored|continue reading|read more|"
    r"show more|load more|share|tweet|email|print|comments?|facebook|twitter|whatsapp|"
    r"linkedin|reddit|telegram|copy link|back to top)"
    r"(?:\s*[|·•,]?\s*(?i:share|tweet|email|print|comments?|facebook|twitter|whatsapp|"
    r"linkedin|reddit|telegram|copy link))*\s*[.!:]?"
)
"""A line that is only furniture: an advertisement label, a row of share buttons."""
_PRINCIPLES = re.compile(r"(?i:trust principles)")
_TEMPLATE = re.compile(
    r"\{\{[^{}\n]{1,80}\}\}|\{%[^%\n]{1,80}%\}|<%[^%\n]{1,80}%>|\$\{[^{}\n]{1,80}\}"
)
"""Markup of a template the page was never rendered from: ``{{ title }}``, ``{% if %}``."""
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
"""Kana, Chinese characters and Hangul: written without spaces, about two to a word."""


def article_text(text: str) -> str:
    """The extracted ``text`` as the article's paragraphs, without the site's furniture.

    Trafilatura gives one block per line; a blank line between blocks makes each the
    paragraph it is on the page (the reader, as Markdown does, runs lines of one
    paragraph together).
    """
    blocks = (line.strip() for line in text.split("\n"))
    return "\n\n".join(block for block in blocks if block and not _is_furniture(block))


def _is_furniture(line: str) -> bool:
    if not line or len(line) > _FURNITURE_CHARS:
        return False
    if _ALONE.fullmatch(line) or _LABELLED.fullmatch(line):
        return True
    return _PRINCIPLES.search(line) is not None and len(line) < 100


def warnings(text: str) -> tuple[str, ...]:
    """What the user must know about the extracted text: too little of it, a template."""
    found = []
    template = _TEMPLATE.search(text)
    if template is not None:
        found.append(
            f"the page holds template markup ({template.group()[:30]}): "
            "it may be an unrendered page, not an article"
        )
    cjk = len(_CJK.findall(text))
    words = len(_WORD.findall(_CJK.sub(" ", text) if cjk else text)) + cjk // 2
    if words < FEW_WORDS:
        found.append(
            f"only {words} words of article text: the page may not hold the article "
            "(a gallery, a video, a paywall)"
        )
    return tuple(found)
