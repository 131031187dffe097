r"""Words and numbers with offsets, and the keys that make two wordings comparable.

A token keeps its exact place in the raw text (for word-level differences) and a
key for comparison: a light stem that merges inflections and British/American
spellings (``criticised``/``criticized``, ``toward``/``towards``), month
abbreviations spelled out (``Aug.``/``August``), and numbers reduced to their value
(``$1.5 billion``, ``\\$1.5bn`` and ``1.5 billion dollars`` share ``#1.5e+09``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter, not_
from typing import NamedTuple

_NUMBER = (
    r"(?P<number>(?:\\?[$€£¥])?\d+(?:[.,]\d+)*"
    r"(?:\s?(?:trillion|billion|million|thousand|bn|mn|m|k)\b)?(?:\s?%)?)"
)
_WORD = r"(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
# Words first: they are most tokens, and no word can start where a number does.
_TOKEN = re.compile(f"{_WORD}|{_NUMBER}")
# The same for `content_words`, which needs each token's kind but no offsets: leading
# whitespace is matched outside the groups, so the regex engine takes a space and the
# token after it in one step instead of first failing at the space.
_KEYS = re.compile(rf"\s*(?:{_WORD}|{_NUMBER})")
# The punctuation that ends a clause (a comma not inside a number).
_CLAUSE_STOP = r"[;:()\[\]—–]|,(?!\d)|\s-\s"
_CONJUNCTIONS = frozenset(
    ["and", "but", "while", "although", "though", "whereas", "because", "after", "since"]
)
_ENDS_IN_S = frozenset(
    ["news", "series", "species", "politics", "economics", "physics", "always", "perhaps"]
)
"""Words whose final ``s`` is no plural: ``news`` is not ``new``."""
_POSSESSIVE = re.compile(r"['’]s?$")
"""A possessive ending, which a word's meaning does without."""
_ISE = re.compile(r"is(e|ed|es|ing|ation)?$")
"""British ``-ise`` spellings, turned into ``-ize``."""
_ISE_ENDINGS = ("is", "ise", "ised", "ises", "ising", "isation")
"""The endings `_ISE` can match: a word with none of them needs no substitution."""
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
CURRENCY_KEYS = frozenset(map(str, _CURRENCIES.values()))
"""The keys a currency symbol adds: they belong to the figure, not to the words around it."""
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
    saying told"""
STOP_WORDS = frozenset(_STOP.split())
"""General English function words, titles and reporting verbs: no evidence of shared content."""


class Token(NamedTuple):
    """One word or number of the text."""

    start: int
    """Offset of its first character in the raw text."""
    end: int
    """Offset one past its last character."""
    key: str
    """What it is compared by: a stem, or ``#value`` for a number."""
    value: float | None
    """The number's value (scale words applied), ``None`` for a word."""
    word: str
    """What a diff compares: the word in lower case, or the number's key."""


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words and numbers of ``text[start:end]``, with offsets into ``text``."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        start, end = match.span()
        raw = match.group()
        if match.lastgroup == "number":
            key = number_key(raw)
            tokens.append(Token(start, end, key, parse_number(raw), key))
        else:
            tokens.append(Token(start, end, stem(raw), None, raw.lower().replace("’", "'")))
    return tokens


class _Reading(NamedTuple):
    """What a word or number as written reads as: the same for every occurrence."""

    key: str
    word: str
    value: float | None


class _Readings(dict[str, _Reading]):
    """Each distinct word or number as written, read once per process (a bounded memo)."""

    def __missing__(self, raw: str) -> _Reading:
        if len(self) >= _READINGS_LIMIT:
            self.clear()
        # A number starts with a digit, a currency or its escape; a word never does.
        first = raw[0]
        if first.isdecimal() or first in _NUMBER_STARTS:
            key = number_key(raw)
            found = _new(_Reading, (key, key, parse_number(raw)))
        else:
            lower = raw.lower()
            word = lower.replace("’", "'") if "’" in lower else lower
            if lower in _CONJUNCTIONS:
                _CONJUNCTION_SPELLINGS.add(raw)
            found = _new(_Reading, (stem(raw), word, None))
        self[raw] = found
        return found


class _Keys(dict[str, str]):
    """Each token or clause stop as written to its key (``""`` for a stop): a bounded memo.

    What `keys` and `clause_keys` read through C's ``map``, so that a token costs a
    dictionary lookup unless its spelling is new.
    """

    def __missing__(self, raw: str) -> str:
        if len(self) >= _READINGS_LIMIT:
            self.clear()
        first = raw[0]
        stop = first in _STOP_STARTS or first.isspace()
        found = self[raw] = "" if stop else _READINGS[raw].key
        return found


_NUMBER_STARTS = "\\$€£¥"
_new = tuple.__new__
"""Builds a named tuple in C (its own ``__new__`` is Python): once per new spelling."""
_READINGS_LIMIT = 200_000
"""Distinct spellings `_READINGS` keeps before it starts over."""
_READINGS = _Readings()
_KEY_OF = _Keys()
_CONJUNCTION_SPELLINGS: set[str] = set()
"""Every spelling of a conjunction read so far (``And``, ``and``): a clause starts there."""
_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end
_AFTER_FIRST = r"(?:[.,]\d+)*(?:\s?(?:trillion|billion|million|thousand|bn|mn|m|k)\b)?(?:\s?%)?"
_SCAN = re.compile(
    rf"[\w\\$€£¥](?:(?<=[^\W\d_])[^\W\d_]*(?:['’][^\W\d_]+)*|(?<=\d)\d*{_AFTER_FIRST}"
    rf"|(?<=[$€£¥])\d+{_AFTER_FIRST}|(?<=\\)[$€£¥]\d+{_AFTER_FIRST})"
)
"""`_TOKEN`'s matches, found faster: starting with one character class lets the regex
engine skip to the next place a token may start, where the lookbehinds then decide
as `_TOKEN`'s word or number would (a test holds the two together)."""
_PIECES = re.compile(rf"{_SCAN.pattern}|{_CLAUSE_STOP}")
"""`_SCAN`'s tokens and the clause stops between them, in one pass: no stop overlaps a
token or starts where one may, so the tokens are `_SCAN`'s."""
_STOP_STARTS = ";:()[]—–,"
"""The characters a clause stop starts with, besides whitespace; no token starts with one."""


def keys(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The comparison keys of the words and numbers of ``text[start:end]``, in order.

    Read as the fragment on its own (a scale word at its end, ``5 m``, is one), with
    one C scan and a memo of each spelling's key.
    """
    found = _SCAN.findall(text, start, len(text) if end is None else end)
    return list(map(_KEY_OF.__getitem__, found))


def clause_keys(
    text: str, start: int = 0, end: int | None = None
) -> tuple[list[str], list[list[str]]]:
    """The keys of ``text[start:end]`` in order, and the same cut into clauses.

    Clauses end at a comma, semicolon, colon, dash or bracket, and before a
    coordinating conjunction. One C scan finds the tokens and the stops; a sentence
    with neither a stop nor a conjunction is one clause without a loop over its words.
    """
    pieces = _PIECES.findall(text, start, len(text) if end is None else end)
    found = list(map(_KEY_OF.__getitem__, pieces))
    plain = _CONJUNCTION_SPELLINGS.isdisjoint(pieces)
    if plain and "" not in found:
        return found, [found]
    # Where clauses end and the next begins: a stop ends one and is no part of either,
    # a conjunction starts the next. Found in C; a clause left empty is empty, as a
    # stop right after another leaves it.
    stops = compress(count(), map(not_, found))
    cuts = [(at, at + 1) for at in stops]
    if not plain:
        cuts += [
            (at, at) for at in compress(count(), map(_CONJUNCTION_SPELLINGS.__contains__, pieces))
        ]
        cuts.sort()
    clauses = []
    begin = 0
    for stop, after in cuts:
        clauses.append(found[begin:stop])
        begin = after
    clauses.append(found[begin:])
    return list(filter(None, found)), clauses


class Words(NamedTuple):
    """The words and numbers of a fragment as a word diff reads them, as columns."""

    starts: tuple[int, ...]
    """Offset of each token's first character in the raw text."""
    ends: tuple[int, ...]
    """Offset one past each token's last character."""
    words: tuple[str, ...]
    """What a diff compares: the word in lower case, or the number's key (``#1.5e+09``)."""
    numbers: tuple[float | None, ...]
    """Each number's value, ``None`` for a word."""


def diff_words(text: str, start: int, end: int) -> Words:
    """The tokens of ``text[start:end]`` for a word diff, with offsets into ``text``.

    Read as the fragment on its own, in one C scan through the memo of each
    spelling's reading: diffs are built for every link of a report, so this is on
    the path of ``compare --format json``.
    """
    matches = list(_SCAN.finditer(text, start, end))
    if not matches:
        return Words((), (), (), ())
    readings = list(map(_READINGS.__getitem__, map(_GROUP, matches)))
    return Words(
        tuple(map(_START, matches)),
        tuple(map(_END, matches)),
        tuple(map(_WORD_OF, readings)),
        tuple(map(_VALUE_OF, readings)),
    )


_WORD_OF, _VALUE_OF = itemgetter(1), itemgetter(2)


def content_keys(fragment: str, found_keys: Sequence[str] | None = None) -> frozenset[str]:
    """The keys that carry content: no stop words, plus currencies that symbols imply.

    Pass ``found_keys`` when `keys` of the fragment are already at hand.
    """
    found = set(keys(fragment) if found_keys is None else found_keys) - STOP_KEYS
    for symbol, word in _CURRENCIES.items():
        if symbol in fragment:
            found.add(word)
    return frozenset(found)


def content_words(fragment: str) -> dict[str, str]:
    """Each content word's key in ``fragment`` with the word as first written there.

    What a reader of word meanings needs: the words themselves (a stem such as
    ``guarant`` means nothing to a word-vector table), one per key, without stop
    words, numbers and currencies, in order.
    """
    found: dict[str, str] = {}
    for word, _ in _KEYS.findall(fragment):
        if word:
            key = stem(word)
            if key not in STOP_KEYS and key not in CURRENCY_KEYS:
                found.setdefault(key, _POSSESSIVE.sub("", word))
    return found


@lru_cache(maxsize=65536)
def number_key(raw: str) -> str:
    """``#value`` for a number as written, so ``$1.5bn`` and ``1.5 billion`` compare equal."""
    value = parse_number(raw)
    return raw if value is None else f"#{value:g}"


@lru_cache(maxsize=65536)
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


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stem: enough to merge inflections and spelling variants.

    Not a full Porter stemmer: it only has to map two wordings of one fact to the
    same key, and a wrong merge of two rare words costs little.
    """
    word = word.lower().replace("’", "'")
    if word[-1] not in _CHANGING_ENDS:  # most words: no rule below would change them
        return _MONTHS.get(word, word)
    if word.endswith(("'s", "s'")):
        word = word[:-2] if word.endswith("'s") else word[:-1]
    if word in _MONTHS:
        return _MONTHS[word]
    if word in _ENDS_IN_S:
        return word
    if len(word) <= 3:
        return word
    word = _strip_suffix(word)
    if word.endswith(_ISE_ENDINGS):
        word = _ISE.sub(r"iz\1", word)
    if len(word) > 5 and word.endswith("our"):
        word = word[:-3] + "or"
    if len(word) > 5 and word.endswith("tre"):
        word = word[:-3] + "ter"
    # A word of nothing but e's (``Eeeee``) keeps them: a key is never empty.
    return (word.rstrip("e") or word) if len(word) > 4 else word


_CHANGING_ENDS = "s'ygdnre"
"""The last letters some rule of `stem` acts on (a possessive, a suffix, ``-ise``,
``-our``, ``-tre``, a final ``e``); a word ending otherwise is its own stem."""


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


STOP_KEYS = frozenset(stem(word) for word in STOP_WORDS)
"""`STOP_WORDS` as keys."""
