r"""Words and numbers with offsets, and the keys that make two wordings comparable.

A token keeps its exact place in the raw text (for word-level differences) and a
key for comparison: a light stem that merges inflections and British/American
spellings (``criticised``/``criticized``, ``toward``/``towards``), month
abbreviations spelled out (``Aug.``/``August``), and numbers reduced to their value
(``$1.5 billion``, ``\\$1.5bn`` and ``1.5 billion dollars`` share ``#1.5e+09``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tui.core.spans import Span

_TOKEN = re.compile(
    r"(?P<number>(?:\\?[$€£¥])?\d+(?:[.,]\d+)*"
    r"(?:\s?(?:trillion|billion|million|thousand|bn|mn|m|k)\b)?(?:\s?%)?)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
)
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
_CURRENCIES = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
_MONTHS = {
    "jan": "january",
    "feb": "february",
    "mar": "march",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
}
_STOP = """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves may might must shall upon us one ones mr mrs ms dr said says say
    saying told according"""
STOP_WORDS = frozenset(_STOP.split())
"""General English function words, titles and reporting verbs: no evidence of shared content."""


class Token(NamedTuple):
    """One word or number of the text."""

    span: Span
    """Where it is in the raw text."""
    key: str
    """What it is compared by: a stem, or ``#value`` for a number."""
    value: float | None
    """The number's value (scale words applied), ``None`` for a word."""


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words and numbers of ``text[start:end]``, with offsets into ``text``."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        if match.lastgroup == "number":
            value = parse_number(match.group())
            key = f"#{value:g}" if value is not None else match.group()
            tokens.append(Token(Span(match.start(), match.end()), key, value))
        else:
            tokens.append(Token(Span(match.start(), match.end()), stem(match.group()), None))
    return tokens


def currency_keys(text: str, tokens: list[Token]) -> set[str]:
    """Currency words implied by symbols on numbers (``$1.5`` also says ``dollar``)."""
    return {
        _CURRENCIES[char]
        for token in tokens
        if token.value is not None
        for char in text[token.span.start : token.span.start + 2]
        if char in _CURRENCIES
    }


def parse_number(raw: str) -> float | None:
    """The value of a number as written: ``7,000`` → 7000, ``$1.5 billion`` → 1.5e9."""
    body = raw.lstrip("\\$€£¥").rstrip("% ")
    scale = 1.0
    match = re.search(r"[a-z]+$", body)
    if match:
        scale = _SCALES[match.group()]
        body = body[: match.start()].rstrip()
    groups = body.split(",")
    if len(groups) > 1 and all(len(group) == 3 for group in groups[1:]):
        body = "".join(groups)
    elif len(groups) == 2 and "." not in body:
        body = ".".join(groups)
    else:
        body = groups[0]
    try:
        return float(body) * scale
    except ValueError:
        return None


def stem(word: str) -> str:
    """A light English stem: enough to merge inflections and spelling variants.

    Not a full Porter stemmer: it only has to map two wordings of one fact to the
    same key, and a wrong merge of two rare words costs little.
    """
    word = word.lower().replace("’", "'")
    if word.endswith(("'s", "s'")):
        word = word[:-2] if word.endswith("'s") else word[:-1]
    if word in _MONTHS:
        return _MONTHS[word]
    if len(word) <= 3:
        return word
    word = _strip_suffix(word)
    word = re.sub(r"is(e|ed|es|ing|ation)?$", lambda m: "iz" + (m.group(1) or ""), word)
    if len(word) > 5 and word.endswith("our"):
        word = word[:-3] + "or"
    if len(word) > 5 and word.endswith("tre"):
        word = word[:-3] + "ter"
    return word.rstrip("e") if len(word) > 4 else word


def _strip_suffix(word: str) -> str:
    """Drop one inflectional suffix (plural, past, gerund, adverb), undoubling consonants."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ingly", "edly", "ing", "ed", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            root = word[: -len(suffix)]
            if suffix == "ed" and root.endswith("e") and len(root) > 3:
                return root
            if len(root) > 3 and root[-1] == root[-2] and root[-1] not in "lsz":
                return root[:-1]
            return root
    return word
