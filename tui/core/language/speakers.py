"""Who says a quotation: the speaker a sentence names beside a reporting verb.

English news attributes a quote in a few fixed shapes, and these rules follow them
without knowing any name: ``Putin said``, ``Mr Putin said``, ``said Mr Putin``,
``Tikhanovskaya, who has taken shelter in Lithuania, said``, ``according to the
ministry``. A name is a run of capitalised words (with particles such as ``von``);
titles in front of it are dropped (``Mr``, ``President``). A pronoun (``she
added``) stands for the speaker the sentence before named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from tui.core.spans import Span

_WORD = re.compile(r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_VERBS = frozenset({
    "said", "says", "say", "added", "adds", "told", "tells", "stated", "declared",
    "warned", "warns", "wrote", "writes", "noted", "insisted", "insists", "explained",
    "announced", "replied", "stressed", "argued", "asked", "urged", "continued", "tweeted",
    "claimed", "recalled", "acknowledged", "admitted", "conceded", "emphasised", "emphasized",
    "remarked", "responded", "commented", "posted", "called",
})  # fmt: skip
"""Reporting verbs: the verb next to a speaker's name (not ``states``, ``notes``: nouns too)."""
_INVERTED = frozenset({"said", "says", "added", "wrote", "asked", "continued", "replied"})
"""Verbs that may come before the name (``said Mr Putin``)."""
_PRONOUNS = frozenset({"he", "she", "they"})
_SKIPPABLE = frozenset({"also", "later", "then", "again", "earlier", "once", "previously"})
"""Words between a speaker and the verb (``she later said``), besides ``-ly`` adverbs."""
_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "president",
    "vice", "prime", "minister", "chancellor", "senator", "sen", "rep", "representative",
    "gov", "governor", "general", "gen", "colonel", "col", "pope", "king", "queen", "prince",
    "princess", "lord", "lady", "judge", "justice", "mayor", "ambassador", "secretary",
    "chairman", "chairwoman", "spokesman", "spokeswoman", "spokesperson", "envoy", "chief",
    "leader", "commander", "officer", "director", "deputy", "foreign", "defence", "defense",
})  # fmt: skip
"""Titles and roles that may stand in front of a name; they are not the name."""
_PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "da", "di", "du", "la", "le", "al", "bin", "ibn"}
)
_NOT_NAMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "the", "a", "an", "in", "on", "at", "this", "that", "it", "but",
    "and", "i", "we", "you", "he", "she", "they", "his", "her", "their", "its", "as",
    "yesterday", "today", "tomorrow", "tonight", "last", "earlier",
})  # fmt: skip
"""Capitalised words that start a sentence or name a day: never a speaker."""
_ATTRIBUTING = _VERBS | {"according"}
"""The words without which a sentence names no speaker."""
_MAX_NAME_WORDS = 3
_PARENTHETICAL_COMMAS = 3


class _Word(NamedTuple):
    start: int
    end: int
    text: str


def find_speaker(text: str, sentence: Span, quotes: Sequence[Span]) -> str:
    """The speaker ``sentence`` names for its quotations, ``"he"``-like pronoun, or ``""``.

    Args:
        text: The article text.
        sentence: The sentence to read.
        quotes: Quoted passages inside it; their words are never the speaker.

    Returns:
        The name without titles (``"Putin"``, ``"Svetlana Tikhanovskaya"``), a lower-case
        pronoun when the sentence only says ``she``, or ``""``.
    """
    if _ATTRIBUTING.isdisjoint(map(str.lower, _WORD.findall(text, sentence.start, sentence.end))):
        return ""  # no reporting verb and no "according": most sentences, settled cheaply
    words = [
        _Word(match.start(), match.end(), match.group())
        for match in _WORD.finditer(text, sentence.start, sentence.end)
        if not any(quote.start <= match.start() < quote.end for quote in quotes)
    ]
    for index, word in enumerate(words):
        lower = word.text.lower()
        if lower == "according" and _word(words, index + 1).lower() == "to":
            name = _run_after(text, words, index + 2)
            if name:
                return name
        if lower not in _VERBS or not word.text.islower():
            continue  # a capitalised "States" is part of a name
        name = _run_before(text, words, index)
        if name:
            return name
        if lower in _INVERTED:
            name = _run_after(text, words, index + 1)
            if name:
                return name
    return ""


def resolve(speaker: str, previous: str) -> str:
    """``speaker``, or the speaker named before when ``speaker`` is a pronoun."""
    if speaker in _PRONOUNS:
        return previous if previous not in _PRONOUNS else ""
    return speaker


def same_speaker(a: str, b: str) -> bool:
    """True when two names are one person: equal, or one is the other's surname."""
    return bool(a and b) and (a == b or a.split()[-1] == b.split()[-1])


def _run_before(text: str, words: Sequence[_Word], verb: int) -> str:
    """The name ending right before the verb, past adverbs and a ``, who ...,`` aside."""
    index = verb - 1
    while index >= 0 and _skippable(words[index].text) and not _gap(text, words, index, verb):
        index -= 1
    if index < 0:
        return ""
    if words[index].text.lower() in _PRONOUNS and not _gap(text, words, index, index + 1):
        return _pronoun(text, words, index)
    between = text[words[index].end : words[index + 1].start] if index + 1 < len(words) else ""
    if "," not in between:
        return _name_ending_at(text, words, index)
    # An aside between commas: look for the name before one of the earlier commas.
    commas = 0
    for position in range(index, -1, -1):
        gap = text[words[position].end : words[position + 1].start]
        if "," in gap and position < index:
            commas += 1
            name = _name_ending_at(text, words, position)
            if name:
                return name
            if commas >= _PARENTHETICAL_COMMAS:
                break
        if any(mark in gap for mark in '.;:"“”'):
            break
    return ""


def _pronoun(text: str, words: Sequence[_Word], index: int) -> str:
    """What a pronoun speaker stands for, as far as its own sentence tells.

    With no name before it, it is left for the sentence before to resolve
    (``"...," she said``). When the sentence opens with a name, the pronoun refers
    to that subject (``Lukashenko described ... that he said``); after any other
    name it is ambiguous, and no one is named.
    """
    pronoun = words[index].text.lower()
    opening = 1 if _participle_opens(words) else 0
    if not any(_capitalised(word.text, particle=False) for word in words[opening:index]):
        return pronoun
    if opening:
        return ""
    end = 0
    while end < index and _capitalised(words[end].text, particle=end > 0):
        if end and _gap(text, words, end - 1, end):
            break
        end += 1
    return _clean([word.text for word in words[:end]]) if end else ""


def _participle_opens(words: Sequence[_Word]) -> bool:
    """True when the sentence opens with a participle, not a name (``Speaking at the depot``).

    Its capital is the sentence's: a word ending in ``-ing`` followed by a word in
    lower case is a phrase, while a name goes on in capitals (``Channing Tatum``).
    """
    if len(words) < 2:
        return False
    first, second = words[0].text, words[1].text
    return len(first) > 5 and first.lower().endswith("ing") and second[0].islower()


def _run_after(text: str, words: Sequence[_Word], index: int) -> str:
    """The name starting at ``index`` (``said Mr Putin``, ``to the ministry``), titles dropped."""
    if _word(words, index).lower() == "the":
        index += 1
    end = index
    while end < len(words) and _capitalised(words[end].text, particle=end > index):
        if end > index and _gap(text, words, end - 1, end):
            break
        end += 1
    while end > index and words[end - 1].text.lower() in _PARTICLES:
        end -= 1
    return _clean([word.text for word in words[index:end]])


def _name_ending_at(text: str, words: Sequence[_Word], last: int) -> str:
    """The run of capitalised words ending at ``last``, titles dropped."""
    if not _capitalised(words[last].text, particle=False):
        return ""
    start = last
    while start > 0 and _capitalised(words[start - 1].text, particle=True):
        if _gap(text, words, start - 1, start):
            break
        start -= 1
    while words[start].text.lower() in _PARTICLES:
        start += 1
    return _clean([word.text for word in words[start : last + 1]])


def _clean(run: list[str]) -> str:
    """The name in a run: what follows its last title or role, without sentence-start words."""
    titles = [i for i, word in enumerate(run) if word.lower().rstrip(".") in _TITLES]
    if titles:
        run = run[titles[-1] + 1 :]
    while run and run[0].lower() in _NOT_NAMES:
        run = run[1:]
    if not run or run[-1].lower() in _NOT_NAMES:
        return ""
    return " ".join(run[-_MAX_NAME_WORDS:])


def _capitalised(word: str, *, particle: bool) -> bool:
    """A word that can be part of a name (a particle only inside one)."""
    lower = word.lower()
    if particle and lower in _PARTICLES:
        return True
    return word[0].isupper() and _POSSESSIVE.sub("", lower) not in _NOT_NAMES


def _skippable(word: str) -> bool:
    """An adverb between a speaker and the verb (``later``, ``quickly``)."""
    lower = word.lower()
    return lower in _SKIPPABLE or (lower.endswith("ly") and len(lower) > 4)


def _gap(text: str, words: Sequence[_Word], left: int, right: int) -> bool:
    """True when anything but spaces separates two words."""
    return bool(text[words[left].end : words[right].start].strip())


def _word(words: Sequence[_Word], index: int) -> str:
    return words[index].text if 0 <= index < len(words) else ""
