"""The encoding of text that is not UTF-8: a guess, from the bytes and the alphabets.

charset-normalizer does the guess (it knows the Cyrillic, Greek, Chinese, Japanese
and Korean codecs and their byte patterns far better than any rule of ours), with
two checks of its answer:

- Among the single-byte codecs for Latin scripts it is weak: Polish in ISO-8859-2
  decodes without error in ISO-8859-4 and -10 too, and it may pick those
  (``spotkaŗ`` for ``spotkał``). So when its answer is such a codec, every Latin
  codec that decodes the bytes is scored by how well the letters beyond ASCII fit
  one European alphabet (`ALPHABETS`), and the best fit wins; a tie goes to the
  more common codec (`LATIN_CODECS` order).
- On a few accented letters it may answer a Cyrillic codec (``Cafщ`` for ``Café``).
  An answer whose words mix scripts (`script_purity`) is mojibake, and the Latin
  codecs are scored instead.

The caller says the result is a guess.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections import Counter

LATIN_CODECS = (
    "cp1252", "cp1250", "iso8859-2", "cp1257", "cp1254", "cp1258", "iso8859-15",
    "iso8859-16", "iso8859-13", "iso8859-4", "iso8859-3", "iso8859-9", "iso8859-10",
    "iso8859-14",
)  # fmt: skip
"""Single-byte codecs of Latin scripts, most common first (Windows before ISO). Mac and
DOS codecs are scored too, but only when charset-normalizer names one."""
_OTHER_LATIN = frozenset(("mac-roman", "mac-latin2", "cp850", "cp437", "latin-1"))
_FIT = 0.5
"""Least `alphabet_fit` of a Latin guess; below it, the bytes are no language's text."""
ALPHABETS = {
    "German": "äöüß", "French": "àâæçéèêëîïôœùûüÿ", "Spanish": "áéíñóúü",
    "Portuguese": "áâãàçéêíóôõú", "Italian": "àèéìíîòóùú", "Catalan": "àçèéíïòóúü",
    "Dutch": "éëïóöü", "Icelandic": "áðéíóúýþæö", "Danish": "æøåé", "Swedish": "åäöé",
    "Polish": "ąćęłńóśźż",
    "Czech": "áčďéěíňóřšťúůýž", "Slovak": "áäčďéíĺľňóôŕšťúýž", "Hungarian": "áéíóöőúüű",
    "Croatian": "čćđšž", "Slovene": "čšž", "Romanian": "ăâîșşțţ", "Turkish": "çğıöşüâî",
    "Lithuanian": "ąčęėįšųūž", "Latvian": "āčēģīķļņšūž", "Estonian": "äõöšüž",
    "Albanian": "çë", "Maltese": "ċġħż",
}  # fmt: skip
"""The letters beyond ASCII each European language writes (lower case)."""
_TYPOGRAPHY = frozenset("“”„‘’‚«»‹›–—…•·°§©®™€£¥¢¿¡ªº\u00a0\u00ad×÷")
"""Characters beyond ASCII that any language's text may hold, besides its letters."""
_SAMPLE = 65536
"""Bytes of a file scored for its alphabet: enough letters to tell languages apart."""
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*")
"""A word (letters only) with a letter beyond ASCII in it."""
_PURE = 0.9
"""Share of such words written in one script for a guess to be text, not mojibake."""
_ONE_SCRIPT = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK", "FULLWIDTH": "CJK"}
"""Scripts written together in one word (Japanese mixes kanji and kana)."""


def guess(data: bytes, partial: bool = False) -> str | None:
    """Python's name for the codec ``data`` is most likely written in, or ``None``.

    Args:
        data: Bytes that are not UTF-8 (nor UTF-16: that is told apart before).
        partial: The bytes were cut short: the last character may be incomplete.
    """
    best = _detect(data)
    if best in _UNICODE:
        return None
    sample, cut = data[:_SAMPLE], partial or len(data) > _SAMPLE
    if best is not None and best not in LATIN_CODECS and best not in _OTHER_LATIN:
        text = _decoded(sample, best, cut)
        if text is not None and script_purity(text) >= _PURE:
            return best
        best = None  # mojibake: the Latin codecs are scored instead
    return _best_latin(sample, best, cut)


_UNICODE = frozenset(("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "ascii"))


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best codec for ``data``, by Python's canonical name."""
    # Deferred: 40 ms to import, and only files that are not UTF-8 need it.
    from charset_normalizer import from_bytes

    _quiet()
    match = from_bytes(data).best()
    return codecs.lookup(match.encoding).name if match is not None else None


@functools.cache
def _quiet() -> None:
    """charset-normalizer logs its reasoning at DEBUG; nothing of it is for the user."""
    import logging

    logging.getLogger("charset_normalizer").setLevel(logging.WARNING)


def _best_latin(sample: bytes, detected: str | None, partial: bool) -> str | None:
    """The Latin codec whose decoding of ``sample`` best fits one alphabet, if any decodes it."""
    scores: dict[str, float] = {}
    for codec in dict.fromkeys((*LATIN_CODECS, *([detected] if detected else []))):
        text = _decoded(sample, codec, partial)
        if text is not None:
            scores[codec] = alphabet_fit(text)
    best = max(scores.values(), default=0.0)
    if best < _FIT:
        return None
    return next((codec for codec, score in scores.items() if score == best), None)


def _decoded(data: bytes, codec: str, partial: bool) -> str | None:
    try:
        return codecs.getincrementaldecoder(codec)().decode(data, final=not partial)
    except UnicodeDecodeError:
        return None


def alphabet_fit(text: str) -> float:
    """How well the characters beyond ASCII in ``text`` fit one alphabet, from 0 to 1.

    The share of them that are letters of the best-fitting alphabet, typography
    (curly quotes, dashes) left out. A capital after a small letter (``CafÈ``) fits no
    alphabet, and a control character (C1, from a byte no text codec of the
    language uses) counts against it twice.
    """
    found: Counter[str] = Counter()
    against = 0
    for match in _NON_ASCII.finditer(text):
        char = match.group()
        if char in _TYPOGRAPHY:
            continue
        if "\x80" <= char <= "\x9f":
            against += 2
        elif char.isupper() and text[match.start() - 1 : match.start()].islower():
            against += 1
        else:
            found[char.lower()] += 1
    total = sum(found.values()) + against
    if not total:
        return 1.0
    fit = max(sum(found[letter] for letter in letters) for letters in ALPHABETS.values())
    return max(0.0, (fit - against) / total)


def script_purity(text: str) -> float:
    """The share of words with letters beyond ASCII whose letters are all of one script.

    ``Café`` is Latin, ``Путин`` Cyrillic, ``会談した`` Japanese; ``Cafщ`` (cp1252 read
    as a Cyrillic codec) mixes two, as mojibake does.
    """
    words = _WORD.findall(text)
    if not words:
        return 1.0
    mixed = sum(1 for word in words if len({_script(char) for char in word}) > 1)
    return 1 - mixed / len(words)


@functools.lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """The script of a letter, by the first word of its Unicode name (``LATIN``)."""
    import unicodedata

    script = unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
    return _ONE_SCRIPT.get(script, script)
