"""The optional semantic signal: sentence meaning beyond shared words, from static word vectors.

Word overlap cannot see that "promised a loan" and "pledges of financial help" say
the same thing. With the ``semantic`` extra installed (``pip install
'storyreader[semantic]'``), the engine reads WordLlama's token vectors (MIT; 256
dimensions, 16 MB of float16 vectors inside the ``wordllama`` wheel, so nothing is
downloaded at run time) in three ways:

- the cosine of the two sentences' mean-pooled vectors moves each loose candidate's
  paraphrase score up when the meanings agree and down when they do not (`lift`);
- soft containment (`WordVectors.contain`) measures how much of a headline a far
  longer sentence carries in meaning, not only in words: each content word of the
  headline counts with its story weight times its best word cosine in the other
  sentence (1 for the same word), kept when it is the best of its row or column,
  as the lexical containment is (`tui.core.alignment.tiers.contained_only`);
- `nearest` lets the aligner probe, for the first few headlines of each article,
  the sentences closest in meaning that the word index did not propose.

Chosen and measured on the bundled story and the development story with
``bench/tune.py`` (the sentence cosine's `WEIGHT` and `ZERO`, `WORD_FLOOR`, and
`tui.core.alignment.tiers.SOFT_FACTOR`): soft containment adds little over the
lexical containment with these vectors (pair ranking by it alone gains about two
points of average precision on both stories over exact containment), because static
vectors of inflected words are poor (``halts``/``stop`` 0.18 where ``halt``/``stop``
is 0.61) and unrelated words of a story score alike (``Monday``/``Tuesday`` 0.60).

The two files are read directly with ``tokenizers`` and ``safetensors``: importing
``wordllama`` would configure the root logger and import pydantic and requests, and
``WordLlama.load()`` looks for its tokenizer in the wrong folder and then tries the
network. Locating the package with `importlib.util.find_spec` does not import it.

The model loads on first use (a second compare reuses it: one per process), never at
import. ``STORYREADER_ENGINE=lexical`` turns the signal off; without the extra the
engine is lexical and says so (`engine_note`).
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Callable, Sequence
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from tui.core.language.sentences import TITLE
from tui.core.language.tokens import content_words

if TYPE_CHECKING:
    from tui.core.alignment.units import Unit

LEXICAL = "lexical"
"""The engine's name without the semantic signal."""
SEMANTIC = "semantic"
"""The engine's name with it."""
ENGINE_VARIABLE = "STORYREADER_ENGINE"
"""Environment variable choosing the engine: ``lexical`` or ``semantic`` (the default)."""
INSTALL_HINT = "pip install 'storyreader[semantic]'"
"""What to run for the semantic signal."""

WEIGHT = 0.6
"""How much the sentence cosine moves a paraphrase's score, per unit of cosine."""
ZERO = 0.6
"""The sentence cosine that moves it neither way (chosen on the tuning stories)."""
WORD_FLOOR = 0.25
"""Cosine of two different words below which soft containment counts them unrelated
(unrelated words of a story score 0 to 0.2; ``stop``/``halt`` 0.61)."""

_PACKAGE = "wordllama"
_TOKENIZER = Path("tokenizers") / "l2_supercat_tokenizer_config.json"
_TABLE = Path("weights") / "l2_supercat_256.safetensors"
_CACHE_LIMIT = 200_000
"""Sentence vectors, word vectors or sentences' word bags kept per process before that
cache starts over."""


class Signal(Protocol):
    """What the aligner asks of a semantic signal."""

    name: str
    """Shown with the engine's name: which model ran."""

    def prepare(self, units: Sequence[Unit]) -> None:
        """Embed ``units`` in one batch, ahead of the `lift` calls that need them."""

    def lift(self, ua: Unit, ub: Unit) -> float:
        """What to add to the paraphrase score of ``ua`` and ``ub`` (negative: less alike)."""

    def contain(self, short: Unit, long: Unit, weight: Callable[[str], float]) -> float:
        """How much of ``short``'s content words ``long`` carries, in meaning, 0..1."""

    def nearest(self, units: Sequence[Unit], others: Sequence[Unit], count: int) -> list[list[int]]:
        """For each of ``units``, indices into ``others`` of the ``count`` closest in meaning."""


class WordVectors:
    """WordLlama token vectors read as sentence and word meanings, cached once per process.

    A sentence's vector is the mean of its tokens' (cached per sentence); a word's
    the same for the word alone (cached per word, so a story's vocabulary is
    embedded once however many pairs ask).
    """

    name = "wordllama l2_supercat 256-d"

    def __init__(self, tokenizer: Any, table: Any) -> None:
        """Wrap a loaded ``tokenizers.Tokenizer`` and its ``(vocabulary, 256)`` vector table."""
        self._tokenizer = tokenizer
        self._table = table
        self._vectors: dict[str, Any] = {}
        self._words: dict[str, Any] = {}
        self._bags: dict[tuple[str, bool], tuple[tuple[str, ...], Any]] = {}
        self._pieces: dict[str, list[int]] = {}
        """Token ids of each word as `_words_of` cuts it (and of texts encoded whole)."""
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> Any:
        """Unit-length sentence vectors of ``texts`` (mean of their token vectors), one a row.

        The mean is WordLlama's own (`WordLlamaInference.embed` without padding gives
        the same vectors, as a test checks when the package is there).
        """
        import numpy as np

        table = self._table
        encoded = self._token_ids(texts)
        vectors = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
        # A story's words come by the thousand, most of one token: those rows are
        # the token's vector, taken at once; a longer row is summed as ``mean`` sums
        # it, then all are divided by their counts, so the vectors are ``mean``'s.
        lengths = np.fromiter(map(len, encoded), np.intp, len(texts))
        ids = np.fromiter(chain.from_iterable(encoded), np.intp, lengths.sum())
        ids = np.clip(ids, 0, table.shape[0] - 1)
        ends = np.cumsum(lengths)
        single = np.flatnonzero(lengths == 1)
        vectors[single] = table[ids[ends[single] - 1]]
        longer = np.flatnonzero(lengths > 1)
        for row in longer.tolist():
            vectors[row] = table[ids[ends[row] - lengths[row] : ends[row]]].sum(axis=0)
        vectors[longer] /= lengths[longer, None]
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1.0, norms)

    def _token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """The tokenizer's ids of each of ``texts``, each distinct word encoded once per process.

        The tokenizer reads a text as one run, spaces made ``▁`` and one ``▁`` put first,
        and no token of its vocabulary has a ``▁`` after another character: no token
        crosses into the next word, so a text's ids are its words' ids in turn (a word
        with the spaces before it, as `_words_of` cuts it). A text this does not hold
        for (a ``▁`` or a special token written in it, a space at its end) is encoded
        whole. Sentences are unique, their words are not: a megabyte pair has a tenth
        as many distinct words as words, and encoding was most of the signal's time.
        """
        known = self._pieces
        cut = [_words_of(text) for text in texts]
        needed = dict.fromkeys(chain.from_iterable(filter(None, cut)))
        needed.update((text, None) for text, pieces in zip(texts, cut, strict=True) if not pieces)
        found = {piece: ids for piece in needed if (ids := known.get(piece)) is not None}
        missing = [piece for piece in needed if piece not in found]
        if missing:
            # The ids alone: without the offsets ``encode_batch`` also computes, half the time.
            encoded = self._tokenizer.encode_batch_fast(missing, add_special_tokens=False)
            fresh = dict(zip(missing, (encoding.ids for encoding in encoded), strict=True))
            found.update(fresh)
            with self._lock:
                if len(known) + len(fresh) > _CACHE_LIMIT:
                    known.clear()
                known.update(fresh)
        return [
            list(chain.from_iterable(map(found.__getitem__, pieces))) if pieces else found[text]
            for text, pieces in zip(texts, cut, strict=True)
        ]

    def prepare(self, units: Sequence[Unit]) -> None:
        """Embed the sentences of ``units`` not seen yet, in one batch."""
        missing = list(dict.fromkeys(u.text for u in units if u.text not in self._vectors))
        if not missing:
            return
        vectors = self.embed(missing)
        with self._lock:
            if len(self._vectors) + len(missing) > _CACHE_LIMIT:
                self._vectors.clear()
            self._vectors.update(zip(missing, vectors, strict=True))

    def similarity(self, ua: Unit, ub: Unit) -> float:
        """Cosine of the two sentences' vectors."""
        vectors = self._vectors
        if ua.text not in vectors or ub.text not in vectors:
            self.prepare((ua, ub))
            vectors = self._vectors
        return float(vectors[ua.text] @ vectors[ub.text])

    def nearest(self, units: Sequence[Unit], others: Sequence[Unit], count: int) -> list[list[int]]:
        """For each of ``units``, indices into ``others`` of the ``count`` closest sentences.

        One matrix product over the sentence vectors (`prepare` has embedded the
        articles already), closest first.
        """
        import numpy as np

        if not units or not others or count <= 0:
            return [[] for _ in units]
        self.prepare((*units, *others))
        vectors = self._vectors
        cosines = (
            np.stack([vectors[u.text] for u in units])
            @ np.stack([vectors[other.text] for other in others]).T
        )
        count = min(count, len(others))
        top = np.argpartition(-cosines, count - 1, axis=1)[:, :count]
        return [[int(k) for k in row[np.argsort(-cosines[n, row])]] for n, row in enumerate(top)]

    def lift(self, ua: Unit, ub: Unit) -> float:
        """``WEIGHT * (cosine - ZERO)``: up when the meanings agree, down when they differ."""
        return WEIGHT * (self.similarity(ua, ub) - ZERO)

    def contain(self, short: Unit, long: Unit, weight: Callable[[str], float]) -> float:
        """Soft containment of ``short`` in ``long``: its words' weight ``long`` carries, 0..1.

        Each content word of ``short`` counts with its story ``weight`` times its best
        match in ``long``: 1 for the same word (key), else its best word cosine
        above `WORD_FLOOR`, rescaled to 0..1 (``halt``/``stop`` count, most pairs
        of unrelated words, whose cosines stay below it, do not).
        """
        keys_s, vectors_s = self._bag(short)
        keys_l, vectors_l = self._bag(long)
        if not keys_s or not keys_l:
            return 0.0
        best = (vectors_s @ vectors_l.T).max(axis=1)
        exact = frozenset(keys_l)
        total = carried = 0.0
        for key, cosine in zip(keys_s, best.tolist(), strict=True):
            value = weight(key)
            total += value
            if key in exact:
                carried += value
            elif cosine > WORD_FLOOR:
                carried += value * (cosine - WORD_FLOOR) / (1.0 - WORD_FLOOR)
        return carried / total if total else 0.0

    def _bag(self, unit: Unit) -> tuple[tuple[str, ...], Any]:
        """The content words' keys of ``unit`` and their word vectors, one a row.

        A headline's words are read in lower case: its capitals are the headline's
        style (``Halts``), and the vector table knows the word as prose writes it.
        """
        headline = unit.kind == TITLE
        found = self._bags.get((unit.text, headline))
        if found is None:
            words = content_words(unit.text)
            surface = [word.lower() if headline else word for word in words.values()]
            found = (tuple(words), self._word_vectors(surface))
            with self._lock:
                if len(self._bags) >= _CACHE_LIMIT:
                    self._bags.clear()
                self._bags[unit.text, headline] = found
        return found

    def _word_vectors(self, words: Sequence[str]) -> Any:
        """Unit vectors of ``words``, one a row, each word embedded once per process."""
        import numpy as np

        if not words:
            return np.zeros((0, self._table.shape[1]), dtype=np.float32)
        known = self._words
        rows = {word: found for word in words if (found := known.get(word)) is not None}
        missing = [word for word in dict.fromkeys(words) if word not in rows]
        if missing:
            fresh = dict(zip(missing, self.embed(missing), strict=True))
            rows.update(fresh)
            with self._lock:
                if len(known) + len(fresh) > _CACHE_LIMIT:
                    known.clear()
                known.update(fresh)
        return np.stack([rows[word] for word in words])


def _words_of(text: str) -> list[str] | None:
    """``text`` cut where the tokenizer's tokens may begin a word, for `WordVectors._token_ids`.

    Each piece is a word with the spaces before it but one (the tokenizer puts that
    ``▁`` first itself); ``None`` when the text must be encoded whole: empty, ending
    in a space, holding a ``▁`` or what may be a special token (``<s>``, read before
    any space is).
    """
    if not text or text[-1] == " " or "▁" in text or "<" in text:
        return None
    words = text.split(" ")
    if "" not in words:
        return words
    pieces = []
    spaces = ""
    for word in words:
        if word:
            pieces.append(spaces + word)
            spaces = ""
        else:
            spaces += " "
    return pieces


def package_folder() -> Path | None:
    """Where the ``wordllama`` package's files are, without importing it; ``None`` if absent."""
    try:
        spec = importlib.util.find_spec(_PACKAGE)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def installed() -> bool:
    """True when the extra's packages are all there (nothing is imported to find out)."""
    folder = package_folder()
    if folder is None or not (folder / _TOKENIZER).is_file() or not (folder / _TABLE).is_file():
        return False
    return all(importlib.util.find_spec(name) for name in ("numpy", "tokenizers", "safetensors"))


def load(folder: Path) -> WordVectors:
    """Read the tokenizer and the vector table from the package's folder."""
    import numpy as np
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(folder / _TOKENIZER))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    (table,) = load_file(str(folder / _TABLE)).values()
    return WordVectors(tokenizer, np.ascontiguousarray(table, dtype=np.float32))


_loaded: WordVectors | None = None
_load_lock = threading.Lock()


def wanted() -> bool:
    """True unless ``STORYREADER_ENGINE=lexical`` asks for the lexical engine."""
    return os.environ.get(ENGINE_VARIABLE, SEMANTIC).strip().lower() != LEXICAL


def needs_loading() -> bool:
    """True when the next aligner will first load the model (a view can say it is loading)."""
    return _loaded is None and wanted() and installed()


def signal() -> WordVectors | None:
    """The process's semantic signal, loaded on first call; ``None`` when off or absent."""
    global _loaded
    if not wanted():
        return None
    if _loaded is None:
        with _load_lock:
            if _loaded is None:
                folder = package_folder()
                if folder is None or not installed():
                    return None
                try:
                    _loaded = load(folder)
                except (OSError, ValueError, ImportError):
                    return None
    return _loaded


def engine_note(active: Signal | None) -> str | None:
    """What to tell the reader about the engine that ran, or ``None`` when nothing is amiss."""
    if active is not None or not wanted():
        return None
    return f"semantic signal not installed ({INSTALL_HINT}): lexical engine only"
