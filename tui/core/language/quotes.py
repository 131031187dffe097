"""Direct quotations inside a sentence.

Outlets quote a speaker in straight or curly, double or single quotes, and a quote
may open in one sentence and close in the next. Apostrophes (``Lukashenko’s``,
``don't``) look like single closing quotes, so a single quote counts only when it
stands at a word edge.
"""

from __future__ import annotations

import re

from tui.core.spans import Span

_MARKS = re.compile("[\"'“”‘’«»„]")
_PAIRS = {"“": "”", "«": "»", "„": "“"}
_SINGLE_PAIRS = {"‘": "’"}


def find_quotes(text: str, span: Span) -> list[Span]:
    """The quoted passages inside ``span`` of ``text``, without their quote marks.

    A quote left open at the end of the sentence runs to its end; a closing mark
    with no opening one closes a quote that began in an earlier sentence.
    """
    quotes: list[Span] = []
    opener = ""
    begin = span.start
    for mark in _MARKS.finditer(text, span.start, span.end):
        index = mark.start()
        char = text[index]
        if opener:
            if _closes(text, index, opener, span):
                quotes.append(Span(begin, index))
                opener = ""
        elif _opens(text, index, span):
            opener, begin = char, index + 1
        elif not quotes and index - span.start > 1 and _closes_earlier(text, index, span):
            quotes.append(Span(span.start, index))
    if opener:
        quotes.append(Span(begin, span.end))
    return [_strip(text, quote) for quote in quotes if _has_words(text, quote)]


def _opens(text: str, index: int, span: Span) -> bool:
    """True when ``text[index]`` opens a quotation."""
    char = text[index]
    if char in _PAIRS or char in _SINGLE_PAIRS:
        return True
    if char not in "\"'":
        return False
    before = text[index - 1] if index > span.start else " "
    after = text[index + 1] if index + 1 < span.end else " "
    if char == "'" and before.isalnum():
        return False
    return not after.isspace() and (before.isspace() or before in '([{—–-:*_"“‘')


def _closes_earlier(text: str, index: int, span: Span) -> bool:
    """True when ``text[index]``, opening nothing, closes a quote begun in an earlier sentence.

    A curly closer always can; a straight double quote can when it hugs the word
    or stop before it (``... our Summit."``), as a closing mark does, and not a
    number (``12"`` is inches).
    """
    char = text[index]
    if char in "”»":
        return True
    before = text[index - 1]
    after = text[index + 1] if index + 1 < span.end else " "
    hugs = before.isalpha() or before in ".!?,;…"
    return char == '"' and hugs and not after.isalnum()


def _closes(text: str, index: int, opener: str, span: Span) -> bool:
    """True when ``text[index]`` closes the quotation opened by ``opener``."""
    char = text[index]
    if opener in _PAIRS:
        return char == _PAIRS[opener]
    if opener in _SINGLE_PAIRS or opener == "'":
        if char not in "'’":
            return False
        after = text[index + 1] if index + 1 < span.end else " "
        return not after.isalnum()
    return char == '"'


def _has_words(text: str, quote: Span) -> bool:
    """True when the quote holds at least one letter or digit."""
    return any(char.isalnum() for char in quote.slice(text))


def _strip(text: str, quote: Span) -> Span:
    """Trim whitespace and punctuation hugging the inside of the quote marks."""
    start, end = quote
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return Span(start, end)
