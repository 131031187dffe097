r"""Sentence segmentation with exact character offsets into the raw article text.

Real articles break naive splitters: sentences glued without a space
(``Moscow.Lukashenko``), abbreviations (``Mr``, ``Aug. 9``, ``U.S.``), decimals and
money (``$1.5``, ``\\$1.5``), closing quotes, ellipses inside quotes, Markdown markup,
sentences broken across a blank line, and headlines or datelines with no final period.
The splitter works on lines first (a line is a headline, a caption or part of a
paragraph), then cuts paragraphs at sentence ends. Every span is trimmed of
whitespace, so spans never start or end on it.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from tui.core.language.captions import describes_picture, is_caption
from tui.core.spans import Span

Kind = Literal["sentence", "title", "heading", "caption", "byline", "dateline"]
"""What a segment is: running text, a headline, another lone line, a caption, a byline, a date."""
SENTENCE: Kind = "sentence"
"""Kind of an ordinary sentence of running text."""
TITLE: Kind = "title"
"""Kind of a headline: a lone line without a final stop before the first sentence, or a short
first line with one."""
HEADING: Kind = "heading"
"""Kind of any other lone line without a final stop: subheading, byline, dateline, address."""
CAPTION: Kind = "caption"
"""Kind of a photo caption or credit line."""
BYLINE: Kind = "byline"
"""Kind of a lone line naming the authors (``By Anna Malpas for AFP.``), full stop or not."""
DATELINE: Kind = "dateline"
"""Kind of a lone line that only dates the article (``Published 14 March 2023, 10:32.``)."""

# A run of stops (``.``, ``?!``, ``...``) and the closers after it. Starting with a
# character class lets the regex engine skip quickly to the next candidate.
_TERMINATOR = re.compile(r"[.!?…]+[\"'”’»)\]*_]*")
_CLOSERS = "\"'”’»)]*_"
_OPENERS = "\"'“‘«([*_#>-"
_LINE = re.compile(r"[^\n]*(?:\n|\Z)")
_BLOCK_MARK = re.compile(r"\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>|\||```)")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}$")
# Abbreviations that never end a sentence (titles), and those that end one only when
# a capitalised ordinary word follows (months before a day, "No. 5").
_TITLE_WORDS = (
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj rev hon st jr sr mt ft "
    "vs etc al approx dept est inc ltd corp co"
)
_NUMBER_WORDS = "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol p pp"
_STARTER_WORDS = (
    "the a an he she it they we i this that these those but and in on at as after before "
    "there his her its their our if when while for"
)
_TITLES = frozenset(_TITLE_WORDS.split())
_BEFORE_NUMBER = frozenset(_NUMBER_WORDS.split())
_SENTENCE_STARTERS = frozenset(_STARTER_WORDS.split())
# A wrapped paragraph line is at least this long; a shorter line without a final stop
# is a headline, byline or caption on its own.
_WRAP_WIDTH = 50
_HEADLINE_WORDS = 4
_HEADLINE_MAX_WORDS = 20
"""A first line of more words than this is a lede, not a headline ending with a stop."""
_BYLINE = re.compile(
    r"[*_]*(?:[Ww]ritten\s+by|[Bb]y)\s+[*_]*\[?[A-Z][\w.'’-]*(?:[\s,&|]+(?:and|for|in|[A-Z@][\w.'’@-]*))*"
    r"\]?(?:\([^)]*\))?[*_.\s]*"
)
"""``By Anna Malpas for AFP``, ``By A. Smith and B. Jones, Reuters``: names after ``By``."""
_DATE_WORDS = frozenset(
    [
        "published",
        "updated",
        "posted",
        "last",
        "modified",
        "on",
        "at",
        "am",
        "pm",
        "a.m",
        "p.m",
        "et",
        "edt",
        "est",
        "bst",
        "gmt",
        "utc",
        "cet",
        "cest",
        "pst",
        "pdt",
        "jst",
        "kst",
        "local",
        "time",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
"""Words a date line is made of, besides numbers."""
_DATE_TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*")
_BYLINE_WORDS = 12


class Sentence(NamedTuple):
    """One segment of the text: its span and what kind of line it is."""

    span: Span
    """Offsets into the raw text, trimmed of whitespace."""
    kind: Kind
    """`SENTENCE`, `TITLE`, `HEADING` or `CAPTION`."""


def split_sentences(text: str, start: int = 0) -> list[Span]:
    """The sentence spans of ``text[start:]``, in order, never starting or ending on whitespace."""
    return [sentence.span for sentence in segment(text, start)]


def segment(text: str, start: int = 0) -> list[Sentence]:
    """Cut ``text`` from ``start`` (where its body starts) into sentences, each with its kind.

    Headlines, subheadings, datelines and captions are their own segments (readers
    compare them too), flagged so that alignment can be stricter with them. Spans
    index the whole ``text``.
    """
    sentences: list[Sentence] = []
    in_body = False
    paragraphs = _paragraphs(text, start)
    for first, end, alone in paragraphs:
        spans = _cut(text, first, end)
        for span in spans:
            kind = _kind(text, span, alone and len(spans) == 1)
            if kind == HEADING and not in_body and _is_headline(span.slice(text)):
                kind = TITLE
            elif kind == SENTENCE and not sentences and alone and len(spans) == 1:
                kind = _opening_line(span.slice(text), len(paragraphs))
            in_body = in_body or kind == SENTENCE
            sentences.append(Sentence(span, kind))
    return sentences


def first_sentence(text: str) -> str:
    """The first sentence of ``text``, cut as `segment` cuts it, or ``""``.

    Used for a title when an article has no headline: the same rules (glued stops,
    abbreviations, closing quotes) that cut the text for alignment.
    """
    for start, end, _ in _paragraphs(text):
        spans = _cut(text, start, end)
        if spans:
            return spans[0].slice(text)
    return ""


def is_heading_like(text: str, span: Span) -> bool:
    """True for a span that is a headline, subheading, dateline or caption, not prose."""
    return _kind(text, span, _stands_alone(text, span)) != SENTENCE


def _stands_alone(text: str, span: Span) -> bool:
    """True when ``span`` fills its line(s): nothing but whitespace before and after."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start : span.start].strip() and not text[span.end : line_end].strip()


def _kind(text: str, span: Span, alone: bool) -> Kind:
    """Classify one span: caption, heading (a lone line without a final stop), or sentence."""
    body = span.slice(text)
    if is_caption(body) or _is_credit(body) or (alone and describes_picture(body)):
        return CAPTION
    if alone and _is_byline(body):
        return BYLINE
    if alone and _is_date_line(body):
        return DATELINE
    if alone and (body.startswith("#") or not _ends_sentence(body)):
        return HEADING
    return SENTENCE


def _is_byline(body: str) -> bool:
    """A short line that only names its authors after ``By``; a sentence has a verb first."""
    return len(body.split()) <= _BYLINE_WORDS and _BYLINE.fullmatch(body) is not None


def _is_date_line(body: str) -> bool:
    """A short line of date and time words and numbers only, with a number among them."""
    tokens = _DATE_TOKEN.findall(body.lower())
    if not tokens or len(tokens) > _BYLINE_WORDS or not any(t[0].isdigit() for t in tokens):
        return False
    return all(token[0].isdigit() or token.rstrip(".") in _DATE_WORDS for token in tokens)


def _opening_line(body: str, paragraphs: int) -> Kind:
    """The kind of an article's first line when it is one whole sentence.

    Many outlets end the headline with a stop (``North Korea to suspend tests.``): a
    short first line standing alone, with more paragraphs after it, is the headline
    all the same, and the lone lines after it are still its deck.
    """
    short = len(body.split()) <= _HEADLINE_MAX_WORDS
    return TITLE if paragraphs > 1 and short and _is_headline(body) else SENTENCE


def _is_headline(body: str) -> bool:
    """A headline has words to say: not a byline, a date or a web address."""
    words = [word for word in body.lstrip("#* ").split() if word.isalpha()]
    return len(words) >= _HEADLINE_WORDS and words[0] != "By" and "://" not in body


def _is_credit(body: str) -> bool:
    """A short line that is only bold or italic text, like ``**Kremlin.ru**``."""
    inner = body.strip("*_")
    return len(inner) < len(body) and len(inner.split()) <= 4 and "*" not in inner


def _ends_sentence(body: str) -> bool:
    """True when ``body`` ends with a full stop, question or exclamation mark."""
    return body.rstrip(_CLOSERS).endswith((".", "!", "?", "…"))


def _paragraphs(text: str, begin: int = 0) -> list[tuple[int, int, bool]]:
    """Group lines into paragraphs: ``(start, end, single_line)`` with ends trimmed.

    A line joins the next when it does not end a sentence and the next line reads
    as its continuation: it starts in lower case (a sentence broken across a blank
    line), or the line is as long as a wrapped paragraph line and no blank line or
    block marker (heading, list item) separates them.
    """
    lines: list[tuple[int, int]] = []
    for match in _LINE.finditer(text, begin):
        if match.start() == len(text) and lines:
            break
        start, end = _trim(text, match.start(), match.end())
        lines.append((start, end))
    groups: list[tuple[int, int, bool]] = []
    previous: tuple[int, int] | None = None
    for start, end in lines:
        if start == end:
            continue
        if groups and previous is not None and _continues(text, previous, (start, end)):
            groups[-1] = (groups[-1][0], end, False)
        else:
            groups.append((start, end, True))
        previous = (start, end)
    return groups


def _continues(text: str, previous: tuple[int, int], line: tuple[int, int]) -> bool:
    """True when ``line`` carries on the sentence that ``previous`` left open."""
    before = text[previous[0] : previous[1]]
    if _ends_sentence(before) and not _ends_in_abbreviation(before):
        return False
    if _BLOCK_MARK.match(text, line[0]) or before.startswith("#"):
        return False
    first = _first_letter(text, line[0], line[1])
    if first.islower() or first.isdigit():
        return True
    blank_line = text.count("\n", previous[1], line[0]) > 1
    return not blank_line and len(before) >= _WRAP_WIDTH and not before.endswith(":")


def _ends_in_abbreviation(before: str) -> bool:
    """True when the last word of ``before`` is a title or dotted abbreviation."""
    word = before.rsplit(None, 1)[-1].rstrip(".").lower()
    return word in _TITLES or word in _BEFORE_NUMBER


def _first_letter(text: str, start: int, end: int) -> str:
    """The first character after any opening quotes and markup, or ``""``."""
    index = start
    while index < end and (text[index] in _OPENERS or text[index] == "\\"):
        index += 1
    return text[index] if index < end else ""


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` until it neither starts nor ends on whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cut(text: str, start: int, end: int) -> list[Span]:
    """Cut one paragraph ``text[start:end]`` at its sentence ends."""
    spans: list[Span] = []
    begin = start
    for match in _TERMINATOR.finditer(text, start, end):
        stop = match.end()
        if stop >= end or not _is_boundary(text, match.start(), stop, end):
            continue
        s, e = _trim(text, begin, stop)
        if s < e:
            spans.append(Span(s, e))
        begin = stop
    s, e = _trim(text, begin, end)
    if s < e:
        spans.append(Span(s, e))
    return spans


def _is_boundary(text: str, dot: int, stop: int, end: int) -> bool:
    """Decide whether the terminator at ``text[dot:stop]`` ends a sentence."""
    glued = not text[stop].isspace()
    after = stop
    while after < end and text[after].isspace():
        after += 1
    first = _first_letter(text, after, end)
    if not first or first.islower():
        return False
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot]
    bare = word.lstrip(_OPENERS + "\\$€£").lower()
    if text[dot:stop].rstrip(_CLOSERS) == ".":
        if bare in _TITLES or (len(bare) == 1 and bare.isalpha()):
            return False
        if bare in _BEFORE_NUMBER and first.isdigit():
            return False
        if _ACRONYM.search(text[word_start : dot + 1]):
            return not glued and _next_word(text, after, end).lower() in _SENTENCE_STARTERS
    return not glued or _glued_boundary(text, word, dot, stop)


def _glued_boundary(text: str, word: str, dot: int, stop: int) -> bool:
    """A stop with no space after it ends a sentence only before a capitalised word.

    ``Moscow.Lukashenko`` and ``"constructive."He`` are cut; ``1.5``, ``U.S.``,
    ``Kremlin.ru`` and web addresses are not.
    """
    if "://" in word or word.lower().startswith("www.") or "@" in word:
        return False
    letter = stop
    while letter < len(text) and text[letter] in _OPENERS:
        letter += 1
    if letter >= len(text) or not text[letter].isupper():
        return False
    before = text[dot - 1] if dot > 0 else ""
    if before.isupper() and (dot < 2 or not text[dot - 2].isalpha()):
        return False
    return before.isalpha() or before.isdigit() or before in _CLOSERS or stop > dot + 1


def _next_word(text: str, start: int, end: int) -> str:
    """The word starting at ``start``, without opening quotes or markup."""
    index = start
    while index < end and text[index] in _OPENERS:
        index += 1
    stop = index
    while stop < end and text[stop].isalpha():
        stop += 1
    return text[index:stop]
