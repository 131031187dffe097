r"""Figures: the numbers a story states, with what each one counts.

A figure is a number as written (``more than 500``, ``\$1.5 billion``, ``1.5 billion
dollars``, ``three``, ``tens of thousands``), its value and unit (a currency, a
percentage, or a plain count), the hedge in front of it (``more than``, ``about``),
and what it counts: the words after it (``protesters``, ``loan``), or before it when
nothing follows (``a government loan of $1.5 billion``), and the action done to what
it counts (``were arrested``, ``police detain``). Dates, years, ordinals and numbers
in web addresses are not figures.

Everything here is general English: no word list names anything of one story.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tui.core.language.tokens import STOP_WORDS, Token, stem, tokenize
from tui.core.spans import Span
from tui.core.text.safe import ESCAPE_SEQUENCE

COUNT = ""
"""`Figure.unit` of a plain count."""
PERCENT = "percent"
"""`Figure.unit` of a percentage."""

_CURRENCY_SYMBOLS = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
_CURRENCY_WORDS = {
    "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro",
    "pound": "pound", "pounds": "pound", "yen": "yen", "rouble": "rouble", "roubles": "rouble",
    "ruble": "rouble", "rubles": "rouble", "yuan": "yuan", "rupee": "rupee", "rupees": "rupee",
    "franc": "franc", "francs": "franc",
}  # fmt: skip
_CARDINALS = {
    "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0,
    "nine": 9.0, "ten": 10.0, "eleven": 11.0, "twelve": 12.0, "thirteen": 13.0,
    "fourteen": 14.0, "fifteen": 15.0, "sixteen": 16.0, "seventeen": 17.0, "eighteen": 18.0,
    "nineteen": 19.0, "twenty": 20.0, "thirty": 30.0, "forty": 40.0, "fifty": 50.0,
    "sixty": 60.0, "seventy": 70.0, "eighty": 80.0, "ninety": 90.0,
}  # fmt: skip
"""Number words; ``one`` is left out, being a pronoun as often as a number."""
_SCALE_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_VAGUE = {"dozens": 24.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
"""Plural scale words: an order of magnitude, from the value given to ten times it."""
_MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
})  # fmt: skip
_QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
    "an estimated", "estimated", "nearly", "almost", "about", "around", "some", "over",
    "under", "roughly", "approximately", "close to", "just over", "just under",
)  # fmt: skip
_PREPOSITIONS = frozenset({"over", "under", "about", "around", "some", "close to", "up to"})
"""Hedges that may as well start a phrase of their own (`_action_before`)."""
_DETERMINERS = frozenset(
    {"a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that"}
)
_AUXILIARIES = frozenset({
    "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "reportedly",
    "reported", "allegedly", "also",
})  # fmt: skip
_GENERIC = frozenset({"people", "person", "persons", "individuals", "others", "times"})
"""Count nouns that say little about what is counted."""
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–\"“”]|\s-\s")
_URLISH = re.compile(r"://|www\.|/\w")
_DATE_CHUNK = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
_YEARS = (1900, 2100)
_CLOCK = re.compile(r"\s?(?:[ap]\.m\.?|[ap]m\b|o['’]clock\b)", re.IGNORECASE)
"""What follows a number that is a time of day."""
_YEAR_BEFORE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d[-–]\Z")
"""A year and a dash right before a number: it ends a span of years (``1950-53``)."""
_ESCAPE_START = re.compile("[\x1b\x90\x98\x9b\x9d\x9e\x9f]")
"""What every terminal escape sequence starts with (`ESCAPE_SEQUENCE`)."""


@dataclass(frozen=True, slots=True)
class Figure:
    """One number in one sentence, with what it counts."""

    sentence: Span
    """The sentence it is in."""
    span: Span
    """The figure as written, hedge and unit words included."""
    text: str
    """``text`` of `span` on one line (``more than 500``, ``1.5 billion dollars``)."""
    value: float
    """Its value (the low end for ``hundreds`` and the like)."""
    high: float
    """The high end: `value` itself, or ten times it for ``hundreds`` and the like."""
    unit: str
    """`COUNT`, `PERCENT` or a currency (``dollar``, ``euro``)."""
    qualifier: str
    """The hedge in front of it, lower case (``more than``, ``about``), or ``""``."""
    thing: str
    """What it counts, as written (``protesters``, ``government loan``), or ``""``."""
    action: str
    """What is done to what it counts, as written (``arrested``, ``detain``), or ``""``."""
    phrase: str
    """The figure with what it counts and what is done to it, as the sentence words it
    (``detain more than 500 protesters``, ``28,500 U.S. troops``), on one line."""
    thing_keys: frozenset[str]
    """Stems of `thing`."""
    action_key: str
    """Stem of `action`, or ``""``."""

    @property
    def counts(self) -> str:
        """What it counts, in a few words: `thing` then `action` (``people arrested``)."""
        return " ".join(part for part in (self.thing, self.action) if part)

    @property
    def specific_keys(self) -> frozenset[str]:
        """`thing_keys` without generic count nouns (``people``)."""
        return self.thing_keys - _GENERIC_KEYS

    @property
    def normal(self) -> str:
        """The value in one notation, so that ``$1.5 billion`` and ``1.5 billion dollars`` agree."""
        if self.high > self.value:
            return self.text.lower()
        number = _format(self.value)
        if self.unit == PERCENT:
            return f"{number}%"
        if self.unit:
            return f"{number} {self.unit}s" if self.value != 1 else f"{number} {self.unit}"
        return number


def may_hold_figures(text: str, sentence: Span) -> bool:
    """False when ``sentence`` has no digit and no number word, so holds no figure.

    A quick test before `find_figures`, which tokenises the sentence: most
    sentences of a story state no number at all.
    """
    start, end = sentence
    piece = text[start:end]
    if not piece.isascii() and _FOLDS_TO_ASCII.search(piece):  # the pattern's own rules
        return _may_hold().search(text, start, end) is not None
    if _DIGIT.search(piece):
        return True
    # The same test by runs of word characters (each number word is one run, and
    # ``lower`` folds case as the pattern does but for the four letters above); a run
    # that continues a word before the sentence is not at a word boundary.
    runs = _WORD_RUN.findall(piece.lower())
    if runs and start > 0 and _WORD_CHAR.match(text, start - 1) and _WORD_CHAR.match(piece):
        runs = runs[1:]
    return not _NUMBER_WORDS.isdisjoint(runs)


_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
"""The letters beyond ASCII that match an ASCII letter when case is ignored (İ ı ſ K)."""
_DIGIT = re.compile(r"\d")
_WORD_RUN = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
_NUMBER_WORDS = frozenset({*_CARDINALS, *_VAGUE, "tens"})
"""The words `_may_hold` looks for."""


@functools.cache
def _may_hold() -> re.Pattern[str]:
    """A digit, or a word a figure may start with (every word `_number_at` reads)."""
    words = "|".join(sorted(_NUMBER_WORDS))
    return re.compile(rf"\d|\b(?:{words})\b", re.IGNORECASE)


def find_figures(text: str, sentence: Span, tokens: list[Token] | None = None) -> list[Figure]:
    """The figures in ``sentence`` of ``text``, in reading order.

    What a terminal escape sequence carries (``ESC [ 10 ; 52 H``, ``ESC ] 0 ; ...``)
    is no part of the text: its numbers are not figures. ``tokens``: the sentence's
    `tokenize` when at hand already.
    """
    if tokens is None:
        tokens = tokenize(text, *sentence)
    tokens = _outside_escapes(text, sentence, tokens)
    figures: list[Figure] = []
    index = 0
    while index < len(tokens):
        found = _number_at(text, tokens, index)
        if found is None:
            index += 1
            continue
        first, last, value, high, unit = found
        if _is_date_or_code(text, tokens, first, last, value, unit, high) or _is_reference(
            tokens, first, value
        ):
            index = last + 1
            continue
        figures.append(_figure(text, sentence, tokens, first, last, value, high, unit))
        index = last + 1
    return figures


def _is_reference(tokens: list[Token], first: int, value: float) -> bool:
    """True for ``the two countries``: a set the story has named, not a count it reports.

    Only a number word up to ten after ``the``, ``these``, ``those``, ``our`` or
    ``their``: ``the 500 protesters`` is still a count.
    """
    return (
        tokens[first].value is None
        and value <= _REFERENCE_MOST
        and _word(tokens, first - 1) in _REFERRING
    )


_REFERENCE_MOST = 10.0
_REFERRING = frozenset({"the", "these", "those", "our", "their"})


def _outside_escapes(text: str, sentence: Span, tokens: list[Token]) -> list[Token]:
    """``tokens`` without those inside a terminal escape sequence of the sentence."""
    if not _ESCAPE_START.search(text, *sentence):
        return tokens  # almost every sentence
    inside = [match.span() for match in ESCAPE_SEQUENCE.finditer(text, *sentence)]
    return [token for token in tokens if not any(s <= token.start < e for s, e in inside)]


def _number_at(
    text: str, tokens: list[Token], index: int
) -> tuple[int, int, float, float, str] | None:
    """The number starting at token ``index``: first and last token, value, high end, unit."""
    token = tokens[index]
    if token.value is not None:
        raw = text[token.start : token.end]
        last = index
        unit = next((name for symbol, name in _CURRENCY_SYMBOLS.items() if symbol in raw), COUNT)
        if raw.rstrip().endswith("%"):
            unit = PERCENT
        following = _word(tokens, index + 1)
        if unit == COUNT and following in _CURRENCY_WORDS and _adjacent(text, tokens, index):
            unit, last = _CURRENCY_WORDS[following], index + 1
        elif following == "percent" or (following == "per" and _word(tokens, index + 2) == "cent"):
            unit, last = PERCENT, index + (1 if following == "percent" else 2)
        return index, last, token.value, token.value, unit
    word = token.word
    if word in _CARDINALS:
        value, last = _CARDINALS[word], index
        scale = _word(tokens, index + 1)
        if scale in _SCALE_WORDS:
            value, last = value * _SCALE_WORDS[scale], index + 1
        return index, last, value, value, COUNT
    if word == "tens" and _word(tokens, index + 1) == "of" and _word(tokens, index + 2) in _VAGUE:
        low = 10 * _VAGUE[_word(tokens, index + 2)]
        return index, index + 2, low, 10 * low - 1, COUNT
    if word in _VAGUE:
        low, last = _VAGUE[word], index
        if _word(tokens, index + 1) == "of" and _word(tokens, index + 2) in _VAGUE:
            low, last = low * _VAGUE[_word(tokens, index + 2)], index + 2
        return index, last, low, 10 * low - 1, COUNT
    return None


def _is_date_or_code(
    text: str, tokens: list[Token], first: int, last: int, value: float, unit: str, high: float
) -> bool:
    """True for a day of a month, a year, a time, an ordinal, or digits in a code or address.

    A time of day (``7 p.m.``, ``9 o'clock``) and the end of a span of years
    (``1950-53``) are neither counts nor amounts.
    """
    token = tokens[first]
    if token.value is None:
        return False  # a number word
    raw = text[token.start : token.end]
    if _word(tokens, first - 1) in _MONTHS or _word(tokens, last + 1) in _MONTHS:
        return True
    if _CLOCK.match(text, tokens[last].end) or _YEAR_BEFORE.search(
        text, max(token.start - 5, 0), token.start
    ):
        return True
    plain = unit == COUNT and high == value and raw.isdigit()
    if plain and len(raw) == 4 and _YEARS[0] <= value <= _YEARS[1]:
        return True
    before = text[token.start - 1] if token.start else " "
    after = text[token.end] if token.end < len(text) else " "
    if (
        before.isalpha()
        or after.isalpha()
        or (after == ":" and text[token.end + 1 : token.end + 2].isdigit())
        or (before == ":" and text[token.start - 2 : token.start - 1].isdigit())
    ):
        return True
    start, end = token.start, token.end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    chunk = text[start:end]
    return bool(_URLISH.search(chunk) or _DATE_CHUNK.search(chunk))


def _figure(
    text: str,
    sentence: Span,
    tokens: list[Token],
    first: int,
    last: int,
    value: float,
    high: float,
    unit: str,
) -> Figure:
    """Build the figure of tokens ``first..last``: hedge, what it counts, the action."""
    start = _qualifier(text, tokens, first)
    thing, after = _thing_after(text, tokens, last)
    if not thing:
        thing, after = _thing_before_of(text, tokens, start), last
    action_index = _action_after(text, tokens, after)
    if action_index is None and (not thing or thing[0] > last):
        action_index = _action_before(text, tokens, start, first)
    action = tokens[action_index].word if action_index is not None else ""
    span = Span(tokens[start].start, tokens[last].end)
    edges = [span.start, span.end]
    thing_text = ""
    if thing:
        thing_end = tokens[thing[-1]].end
        if len(tokens[thing[-1]].word) == 1 and text[thing_end : thing_end + 1] == ".":
            thing_end += 1  # the point that closes initials (``U.S.``)
        thing_text = _flat(text[tokens[thing[0]].start : thing_end])
        edges += [tokens[thing[0]].start, thing_end]
    if action_index is not None:
        edges += [tokens[action_index].start, tokens[action_index].end]
    return Figure(
        sentence=sentence,
        span=span,
        text=_flat(span.slice(text)),
        value=value,
        high=high,
        unit=unit,
        qualifier=" ".join(token.word for token in tokens[start:first]),
        thing=thing_text,
        action=action,
        phrase=_flat(text[min(edges) : max(edges)]),
        thing_keys=frozenset(tokens[i].key for i in thing if tokens[i].word not in STOP_WORDS),
        action_key=stem(action) if action else "",
    )


def _qualifier(text: str, tokens: list[Token], first: int) -> int:
    """The token where the hedge right before token ``first`` starts (``first`` if none)."""
    for phrase in _QUALIFIERS:
        words = phrase.split()
        start = first - len(words)
        if (
            start >= 0
            and [_word(tokens, i) for i in range(start, first)] == words
            and not _broken(text, tokens, start, first)
        ):
            return start
    return first


def _thing_after(text: str, tokens: list[Token], last: int) -> tuple[tuple[int, ...], int]:
    """Up to two content words after the number (``of`` and one more may follow)."""
    chosen: list[int] = []
    words = 0
    index = last + 1
    while index < len(tokens) and words < 2 and not _broken(text, tokens, index - 1, index):
        word = tokens[index].word
        if tokens[index].value is not None or word in STOP_WORDS or _is_verbal(word):
            break
        end = _initials_end(text, tokens, index)
        if not word.endswith("ly"):
            chosen.extend(range(index, end + 1))
            words += 1
        index = end + 1
    end = chosen[-1] if chosen else last
    if _word(tokens, end + 1) == "of" and not _broken(text, tokens, end, end + 1):
        target = end + 2
        if _word(tokens, target) in _DETERMINERS:
            target += 1
        word = _word(tokens, target)
        if word and word not in STOP_WORDS and not _broken(text, tokens, end + 1, target):
            chosen.append(target)
    return tuple(chosen), chosen[-1] if chosen else last


def _initials_end(text: str, tokens: list[Token], index: int) -> int:
    """The last token of initials starting at ``index`` (``U.S.``: one word), else ``index``."""
    while (
        index + 1 < len(tokens)
        and len(tokens[index].word) == len(tokens[index + 1].word) == 1
        and text[tokens[index].end : tokens[index + 1].start] == "."
    ):
        index += 1
    return index


def _thing_before_of(text: str, tokens: list[Token], start: int) -> tuple[int, ...]:
    """``a government loan of $1.5 billion``: up to two content words before ``of``."""
    if _word(tokens, start - 1) != "of" or _broken(text, tokens, start - 1, start):
        return ()
    chosen: list[int] = []
    index = start - 2
    while index >= 0 and len(chosen) < 2 and not _broken(text, tokens, index, index + 1):
        word = tokens[index].word
        if tokens[index].value is not None or word in STOP_WORDS or word in _DETERMINERS:
            break
        chosen.insert(0, index)
        index -= 1
    return tuple(chosen)


def _action_after(text: str, tokens: list[Token], after: int) -> int | None:
    """A verb after what is counted: ``people flooded``, ``were arrested``, ``have died``."""
    index = after + 1
    while index < len(tokens) and not _broken(text, tokens, index - 1, index):
        word = tokens[index].word
        if _is_verbal(word):
            return index
        if word not in _AUXILIARIES:
            return None
        index += 1
    return None


def _action_before(text: str, tokens: list[Token], start: int, first: int) -> int | None:
    """The word right before the figure when it acts on it: ``police detain more than 500``.

    ``start`` is where the figure's hedge begins, ``first`` its number. A hedge that
    is also a preposition (``over``, ``about``) may start a phrase of its own: the
    word before it (``lowered by three metres over two days``) acts on the figure only
    when it is a past tense or participle.
    """
    index = start - 1
    prepositional = " ".join(token.word for token in tokens[start:first]) in _PREPOSITIONS
    while index >= 0 and tokens[index].word in _DETERMINERS:
        index -= 1
    if index < 0 or _broken(text, tokens, index, start):
        return None
    word = tokens[index].word
    if tokens[index].value is not None or word in STOP_WORDS:
        return None
    if text[tokens[index].start].isupper():
        return None  # a name or the first word of the sentence, not an action
    if prepositional and not _is_verbal(word):
        return None
    return index


def _is_verbal(word: str) -> bool:
    """A past tense or participle (``detained``, ``died``, ``flooded``): ends in ``-ed``."""
    return len(word) > 3 and word.endswith("ed")


def _broken(text: str, tokens: list[Token], left: int, right: int) -> bool:
    """True when punctuation between tokens ``left`` and ``right`` ends a clause."""
    if left < 0 or right >= len(tokens):
        return True
    return bool(_CLAUSE_BREAK.search(text, tokens[left].end, tokens[right].start))


def _adjacent(text: str, tokens: list[Token], index: int) -> bool:
    """True when only spaces separate token ``index`` from the next."""
    return not text[tokens[index].end : tokens[index + 1].start].strip()


def _word(tokens: list[Token], index: int) -> str:
    """The lower-case word at ``index``, or ``""`` (for a number, or out of range)."""
    if 0 <= index < len(tokens) and tokens[index].value is None:
        return tokens[index].word
    return ""


def _flat(fragment: str) -> str:
    r"""Whitespace collapsed and markup escapes dropped: ``\$1.5`` reads ``$1.5``."""
    return " ".join(fragment.replace("\\$", "$").split())


def _format(value: float) -> str:
    """``1.5 billion``, ``9.5 million``, ``150,000``, ``0.5``."""
    for name, scale in (("billion", 1e9), ("million", 1e6)):
        if value >= scale and round(value / scale, 3) * scale == value:
            return f"{value / scale:g} {name}"
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:g}"


_GENERIC_KEYS = frozenset(stem(word) for word in _GENERIC)
