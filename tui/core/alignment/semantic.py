"""The optional semantic signal: sentence meaning beyond shared words, from static word vectors.

Word overlap cannot see that "promised a loan" and "pledges of financial help" say
the same thing. With the ``semantic`` extra installed (``pip install
'storyreader[semantic]'``), the engine also weighs each loose candidate pair by the
cosine of the two sentences' mean-pooled WordLlama vectors (MIT; 256 dimensions,
16 MB of float16 token vectors inside the ``wordllama`` wheel, so nothing is
downloaded at run time). The signal moves a paraphrase's score up when the
meanings agree and down when they do not; it proposes no pairs of its own.

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
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

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

_PACKAGE = "wordllama"
_TOKENIZER = Path("tokenizers") / "l2_supercat_tokenizer_config.json"
_TABLE = Path("weights") / "l2_supercat_256.safetensors"
_CACHE_LIMIT = 200_000
"""Sentence vectors kept per process before the cache starts over."""


class Signal(Protocol):
    """What the aligner asks of a semantic signal."""

    name: str
    """Shown with the engine's name: which model ran."""

    def prepare(self, units: Sequence[Unit]) -> None:
        """Embed ``units`` in one batch, ahead of the `lift` calls that need them."""

    def lift(self, ua: Unit, ub: Unit) -> float:
        """What to add to the paraphrase score of ``ua`` and ``ub`` (negative: less alike)."""


class WordVectors:
    """Mean-pooled WordLlama token vectors, cosine between sentences, cached per sentence."""

    name = "wordllama l2_supercat 256-d"

    def __init__(self, tokenizer: Any, table: Any) -> None:
        """Wrap a loaded ``tokenizers.Tokenizer`` and its ``(vocabulary, 256)`` vector table."""
        self._tokenizer = tokenizer
        self._table = table
        self._vectors: dict[str, Any] = {}
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> Any:
        """Unit-length sentence vectors of ``texts`` (mean of their token vectors), one a row.

        The mean is WordLlama's own (`WordLlamaInference.embed` without padding gives
        the same vectors, as a test checks when the package is there).
        """
        import numpy as np

        table = self._table
        encoded = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
        vectors = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
        for row, encoding in enumerate(encoded):
            if encoding.ids:
                ids = np.clip(np.asarray(encoding.ids), 0, table.shape[0] - 1)
                vectors[row] = table[ids].mean(axis=0)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1.0, norms)

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

    def lift(self, ua: Unit, ub: Unit) -> float:
        """``WEIGHT * (cosine - ZERO)``: up when the meanings agree, down when they differ."""
        return WEIGHT * (self.similarity(ua, ub) - ZERO)


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
