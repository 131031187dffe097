r"""Words and numbers with offsets, and the keys that make two wordings comparable.

A token keeps its exact place in the raw text (for word-level differences) and a
key for comparison: a light stem that merges inflections and British/American
spellings (``criticised``/``criticized``, ``toward``/``towards``), month
abbreviations spelled out (``Aug.``/``August``), and numbers reduced to their value
(``$1.5 billion``, ``\\$1.5bn`` and ``1.5 billion dollars`` share ``#1.5e+09``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, compress, count, pairwise, repeat
from operator import itemgetter
from typing import NamedTuple

_NUMBER = (
    r"(?P<number>(?:\\?[$€£¥])?\d+(?:[.,]\d+)*"
    r"(?:\s?(?:trillion|billion|million|thousand|bn|mn|m|k)\b)?(?:\s?%)?)"
)
_WORD = r"(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
# Words first: they are most tokens, and no word can start where a number does.
_TOKEN = re.compile(f"{_WORD}|{_NUMBER}")
# The same for `findall`, which needs no offsets: leading whitespace is matched outside
# the groups, so the regex engine takes a space and the token after it in one step
# instead of first failing at the space.
_KEYS = re.compile(rf"\s*(?:{_WORD}|{_NUMBER})")
# That, plus the punctuation that ends a clause (a comma not inside a number).
_CLAUSE_STOP = r"[;:()\[\]—–]|,(?!\d)|\s-\s"
_STREAM = re.compile(rf"\s*(?:{_WORD}|{_NUMBER}|(?P<stop>{_CLAUSE_STOP}))")
# The clause stops alone: no stop overlaps a word or number, so they are found apart.
_STOPS = re.compile(_CLAUSE_STOP)
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


class DiffToken(NamedTuple):
    """One word or number as a word diff reads it: where it is, and what it compares as."""

    start: int
    """Offset of its first character in the raw text."""
    end: int
    """Offset one past its last character."""
    word: str
    """The word in lower case, or the number's key (``#1.5e+09``)."""
    value: float | None
    """The number's value, ``None`` for a word."""


def diff_tokens(text: str, start: int, end: int) -> list[DiffToken]:
    """The words and numbers of ``text[start:end]`` for a word diff, with offsets into ``text``.

    `tokenize` without the stems a diff never reads, and over a slice: a search that
    starts inside a long text costs more per call than the slice. Diffs are built for
    every link of a report, so this is on the path of ``compare --format json``.
    """
    tokens: list[DiffToken] = []
    append = tokens.append
    for match in _TOKEN.finditer(text[start:end]):
        raw = match.group()
        first = start + match.start()
        if match.lastgroup == "number":
            key = number_key(raw)
            append(DiffToken(first, first + len(raw), key, parse_number(raw)))
        else:
            word = raw.lower()
            if "’" in word:
                word = word.replace("’", "'")
            append(DiffToken(first, first + len(raw), word, None))
    return tokens


class _Reading(NamedTuple):
    """What a word or number as written reads as: the same for every occurrence."""

    key: str
    word: str
    value: float | None
    conjunction: bool
    """True for a word that starts a clause (`clause_keys`)."""


class _Readings(dict[str, _Reading]):
    """Each distinct word or number as written, read once per process (a bounded memo)."""

    def __missing__(self, raw: str) -> _Reading:
        if len(self) >= _READINGS_LIMIT:
            self.clear()
        # A number starts with a digit, a currency or its escape; a word never does.
        first = raw[0]
        if first.isdecimal() or first in _NUMBER_STARTS:
            key = number_key(raw)
            found = _new(_Reading, (key, key, parse_number(raw), False))
        else:
            lower = raw.lower()
            word = lower.replace("’", "'") if "’" in lower else lower
            found = _new(_Reading, (stem(raw), word, None, lower in _CONJUNCTIONS))
        self[raw] = found
        return found


_NUMBER_STARTS = "\\$€£¥"
_new = tuple.__new__
"""Builds a named tuple in C (its own ``__new__`` is Python): once per new spelling."""
_READINGS_LIMIT = 200_000
"""Distinct spellings `_READINGS` keeps before it starts over."""
_READINGS = _Readings()
_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end
_AFTER_FIRST = r"(?:[.,]\d+)*(?:\s?(?:trillion|billion|million|thousand|bn|mn|m|k)\b)?(?:\s?%)?"
_SCAN = re.compile(
    rf"[\w\\$€£¥](?:(?<=[^\W\d_])[^\W\d_]*(?:['’][^\W\d_]+)*|(?<=\d)\d*{_AFTER_FIRST}"
    rf"|(?<=[$€£¥])\d+{_AFTER_FIRST}|(?<=\\)[$€£¥]\d+{_AFTER_FIRST})"
)
"""`_TOKEN`'s matches, found faster: starting with one character class lets the regex
engine skip to the next place a token may start, where the lookbehinds then decide
as `_TOKEN`'s word or number would (a test holds the two together)."""


class TextTokens:
    """The words and numbers of a text, found in one pass, as columns.

    An article is cut into thousands of sentences, and most of its sentences are
    then diffed word by word: one scan of the whole text, read through a memo of
    each spelling, gives every sentence its keys, clauses and diff words as slices
    of these lists, instead of a regular expression and a Python object per token
    and per stage. A slice is the fragment's own tokens unless a token runs across
    the fragment's edge (`span`), which the caller then reads on its own.
    """

    __slots__ = ("_breaks", "_end", "_start", "ends", "keys", "numbers", "starts", "words")

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        """Scan ``text[start:end]`` (offsets stay those of ``text``)."""
        end = len(text) if end is None else end
        self._start, self._end = start, end
        matches = list(_SCAN.finditer(text, start, end))
        self.starts: list[int] = list(map(_START, matches))
        """Offset of each token's first character."""
        self.ends: list[int] = list(map(_END, matches))
        """Offset one past each token's last character."""
        readings = list(map(_READINGS.__getitem__, map(_GROUP, matches)))
        del matches
        # One transposition in C instead of a pass per field.
        keys, words, numbers, conjunctions = zip(*readings) if readings else ((), (), (), ())
        self.keys: tuple[str, ...] = keys
        """Each token's comparison key (`keys`)."""
        self.words: tuple[str, ...] = words
        """What a word diff compares (`DiffToken.word`)."""
        self.numbers: tuple[float | None, ...] = numbers
        """Each number's value, ``None`` for a word."""
        # A clause starts after a stop (stops never overlap tokens, so a stop's
        # place is the index of the token after it) and at a conjunction.
        stops = map(_END, _STOPS.finditer(text, start, end))
        breaks = set(map(bisect_left, repeat(self.starts), stops))
        breaks.update(compress(count(), conjunctions))
        self._breaks = sorted(breaks)

    def span(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The indices ``lo, hi`` of the tokens of ``text[start:end]``, if a slice holds them.

        ``None`` when the fragment is not read alike on its own: a token runs across
        one of its edges, or its last token ends where a word character follows
        (a scale word such as ``m`` reads otherwise at the end of a fragment), or
        it lies outside the scanned part.
        """
        if start < self._start or end > self._end:
            return None
        starts, ends = self.starts, self.ends
        lo = bisect_left(starts, start)
        if lo and ends[lo - 1] > start:
            return None
        hi = bisect_left(starts, end, lo)
        if hi > lo:
            last = ends[hi - 1]
            if last > end or (last == end < len(text) and _WORD_CHAR.match(text, end)):
                return None
        return lo, hi

    def tokens(self, lo: int, hi: int) -> list[Token]:
        """The tokens ``lo:hi`` as `Token` objects: what `tokenize` gives of their fragment."""
        columns = zip(
            self.starts[lo:hi],
            self.ends[lo:hi],
            self.keys[lo:hi],
            self.numbers[lo:hi],
            self.words[lo:hi],
            strict=True,
        )
        return list(map(Token._make, columns))

    def clause_keys(self, lo: int, hi: int) -> tuple[Sequence[str], list[Sequence[str]]]:
        """`clause_keys` of the fragment whose tokens are ``lo:hi`` (as tuples)."""
        found = self.keys[lo:hi]
        breaks = self._breaks
        first = bisect_right(breaks, lo)
        last = bisect_left(breaks, hi, first)
        if first == last:
            return found, [found]
        cuts = [0, *(cut - lo for cut in breaks[first:last]), hi - lo]
        return found, [found[a:b] for a, b in pairwise(cuts)]


_WORD_CHAR = re.compile(r"\w")


def keys(fragment: str) -> list[str]:
    """The comparison keys of ``fragment``'s words and numbers, in order.

    One C scan and the memo of each spelling's reading (`_READINGS`): a story reads
    the keys of every article and quotation, most of them spelt before.
    """
    return list(map(_KEY_OF, map(_READINGS.__getitem__, _SCAN.findall(fragment))))


_KEY_OF = itemgetter(0)


def clause_keys(fragment: str) -> tuple[list[str], list[list[str]]]:
    """The keys of ``fragment`` in order, and the same cut into clauses.

    The fast path for whole articles, in one pass of one regular expression: no
    offsets, and each distinct word is stemmed once. Clauses end at a comma,
    semicolon, colon, dash or bracket, and before a coordinating conjunction.
    """
    clause: list[str] = []
    clauses = [clause]
    for word, number, stop in _STREAM.findall(fragment):
        if stop:
            if clause:
                clause = []
                clauses.append(clause)
            continue
        key = number_key(number) if number else stem(word)
        # The key test first: it is cheaper than lowering every word.
        if clause and key in _CONJUNCTION_KEYS and word.lower() in _CONJUNCTIONS:
            clause = []
            clauses.append(clause)
        clause.append(key)
    return list(chain.from_iterable(clauses)), clauses


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
_CONJUNCTION_KEYS = frozenset(map(stem, _CONJUNCTIONS))
"""`_CONJUNCTIONS` as keys: a word whose key is not among them is no conjunction."""
