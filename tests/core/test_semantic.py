"""The semantic signal: run only where the ``semantic`` extra is installed.

That is a condition, not a skipped check: the lexical engine is tested everywhere
(``test_quality.py``, ``test_gold.py``), and these tests run wherever the extra is.
"""

from __future__ import annotations

import functools
import subprocess
import sys
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.core.test_gold import score_seeds
from tests.paths import ROOT
from tests.stories import compared
from tui.core.alignment import align, semantic
from tui.core.alignment.align import Link, StoryAligner
from tui.core.alignment.units import Unit, cut_units
from tui.core.language.sentences import TITLE

pytestmark = pytest.mark.skipif(
    not semantic.installed(), reason=f"semantic extra not installed ({semantic.INSTALL_HINT})"
)


@pytest.fixture
def semantic_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(semantic.ENGINE_VARIABLE, semantic.SEMANTIC)


def test_loader_gives_wordllamas_own_vectors() -> None:
    """Our direct read of the wheel's files embeds as `WordLlamaInference.embed` does."""
    import numpy as np
    from wordllama.inference import WordLlamaInference

    folder = semantic.package_folder()
    assert folder is not None
    signal = semantic.load(folder)
    texts = ["Putin pledges a loan to Belarus.", "North Korea suspends nuclear tests", "a"]
    theirs = WordLlamaInference(signal._table, semantic.load(folder)._tokenizer).embed(texts)
    theirs /= np.linalg.norm(theirs, axis=1, keepdims=True)
    assert np.allclose(signal.embed(texts), theirs, atol=1e-5)


_PIECES = [
    "Putin", "pledges", "a", "loan", " ", "  ", "\n", "\t", "\u00a0", "▁", "<s>", "</s>",
    "<unk>", "<", "naïve", "日本語", "😀", "'", "’", ".", "ing", "un", "1,500",
]  # fmt: skip
"""Words, and what the tokenizer reads apart: spaces of every kind, its own space mark,
its special tokens, characters it has no token for."""


@functools.cache
def _loaded() -> semantic.WordVectors:
    """The model read once for this module's property test (its examples share it)."""
    folder = semantic.package_folder()
    assert folder is not None
    return semantic.load(folder)


@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join), max_size=6))
def test_word_by_word_ids_are_the_tokenizers_own(texts: list[str]) -> None:
    """Each text's token ids, read word by word through the per-process memo of words,
    are the tokenizer's ids for the whole text: the vectors are the same."""
    signal = _loaded()
    whole = signal._tokenizer.encode_batch_fast(texts, add_special_tokens=False)
    assert signal._token_ids(texts) == [encoding.ids for encoding in whole]
    assert signal._token_ids(texts) == [encoding.ids for encoding in whole]  # memo read


def test_the_core_loads_no_model_at_import() -> None:
    code = (
        "import sys, tui.core, tui.core.alignment.align, tui.core.story.model; "
        "print(sorted({'numpy', 'tokenizers', 'safetensors', 'wordllama'} & set(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]", out.stderr


def test_semantic_engine_names_itself_and_loads_once(semantic_engine: None) -> None:
    first, second = StoryAligner({}), StoryAligner({})
    assert first.engine.startswith(semantic.SEMANTIC) and "wordllama" in first.engine
    assert first.engine_note is None
    assert first._signal is second._signal  # one model per process
    assert not semantic.needs_loading()


def test_meaning_moves_a_paraphrase(semantic_engine: None) -> None:
    signal = semantic.signal()
    assert signal is not None
    close = signal.embed(
        ["The council delayed the ferry tender.", "The council postponed the ferry contract."]
    )
    far = signal.embed(
        ["The council delayed the ferry tender.", "Kelp prices rose sharply in June."]
    )
    assert float(close[0] @ close[1]) > float(far[0] @ far[1])


def test_seed_targets_with_the_semantic_signal(semantic_engine: None) -> None:
    """Issue 18's floors: a headline linking into the other article's opening costs the
    seeds some precision (0.832) for development-story recall."""
    recall, precision = score_seeds()
    assert recall["copy"] == 1.0
    assert recall["quote"] >= 0.95
    assert recall["paraphrase"] >= 0.55
    assert precision >= 0.82


def unit_of(text: str, index: int = 0) -> Unit:
    """Sentence ``index`` of ``text``, cut as an article is."""
    return cut_units(text).units[index]


def test_soft_containment_counts_words_said_otherwise(semantic_engine: None) -> None:
    """A headline's words found as they are count fully, synonyms partly, strangers not."""
    signal = semantic.signal()
    assert signal is not None
    head = unit_of("Council to halt ferry deal\n\nMore follows.")
    same = unit_of("The council voted to halt the ferry deal on Tuesday, officials said.")
    other = unit_of("The council voted to stop the ferry deal on Tuesday, officials said.")
    strange = unit_of("The council voted to paint the ferry deal on Tuesday, officials said.")
    weight = {"council": 1.0, "halt": 3.0, "ferry": 1.0, "deal": 2.0}.__getitem__
    assert signal.contain(head, same, weight) == pytest.approx(1.0)
    exact = 4.0 / 7.0  # council, ferry and deal are there; halt is not
    assert signal.contain(head, strange, weight) == pytest.approx(exact, abs=0.05)
    assert signal.contain(head, other, weight) > signal.contain(head, strange, weight) + 0.1


def test_a_headline_in_title_case_is_read_as_prose(semantic_engine: None) -> None:
    signal = semantic.signal()
    assert signal is not None
    weight = {"council": 1.0, "halt": 3.0, "ferry": 1.0, "deal": 2.0}.__getitem__
    lede = unit_of("The council voted to stop the ferry deal on Tuesday, officials said.")
    upper = unit_of("Council To Halt Ferry Deal\n\nMore follows.")
    lower = unit_of("Council to halt ferry deal\n\nMore follows.")
    assert upper.kind == lower.kind == TITLE
    assert signal.contain(upper, lede, weight) == pytest.approx(signal.contain(lower, lede, weight))


def test_nearest_finds_the_sentence_that_means_the_same(semantic_engine: None) -> None:
    signal = semantic.signal()
    assert signal is not None
    article = cut_units(
        "Kelp prices rose sharply in June. The council stopped the ferry contract. "
        "Fishermen painted their boats blue."
    )
    head = unit_of("Council halts ferry deal\n\nMore follows.")
    (closest,) = signal.nearest([head], article.units, 2)
    assert closest[0] == 1 and len(closest) == 2


PROBE_HEAD = "Council halt on ferry deal\n\nKelp farmers met the harbour master on Monday."
PROBE_LEDE = (
    "Kelp farmers met the harbour master on Monday.\n\n"
    "The council voted to stop the ferry contract until the pier repairs end."
)
PROBE_CONTEXT = [
    "The council met the ferry crew.",
    "The ferry council spoke.",
    "Council and ferry news.",
    "A ferry for the council.",
    "The council ferry sails.",
]


def probe_link(links: tuple[Link, ...]) -> Link | None:
    for link in links:
        if link.a.slice(PROBE_HEAD).startswith("Council halt"):
            return link
    return None


def test_a_headline_said_otherwise_is_found_by_the_probe(
    semantic_engine: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The headline shares only the story's common words with its restatement: the word
    index does not propose the pair, the probe of the headline's nearest sentences does."""
    link = probe_link(compared(PROBE_HEAD, PROBE_LEDE, PROBE_CONTEXT).links)
    assert link is not None and link.tier == "paraphrase"
    assert link.b.slice(PROBE_LEDE).startswith("The council voted")
    monkeypatch.setattr(align, "_PROBE_SHORT", 0)
    assert probe_link(compared(PROBE_HEAD, PROBE_LEDE, PROBE_CONTEXT).links) is None
    monkeypatch.setenv(semantic.ENGINE_VARIABLE, semantic.LEXICAL)
    assert probe_link(compared(PROBE_HEAD, PROBE_LEDE, PROBE_CONTEXT).links) is None


def test_word_vectors_are_embedded_once_per_process(semantic_engine: None) -> None:
    signal = semantic.signal()
    assert signal is not None
    weight = {"council": 1.0, "halt": 3.0, "ferry": 1.0, "deal": 2.0}.get
    head = unit_of("Council to halt ferry deal\n\nMore follows.")
    lede = unit_of("The council voted to stop the ferry deal on Tuesday, officials said.")
    signal.contain(head, lede, lambda key: weight(key, 1.0))
    calls: list[int] = []
    embed = signal.embed

    def counted(texts: Sequence[str]) -> object:
        calls.append(len(texts))
        return embed(texts)

    signal.embed = counted  # type: ignore[method-assign]
    try:
        again = unit_of("The harbour council voted to stop the ferry deal, officials said.")
        signal.contain(head, again, lambda key: weight(key, 1.0))
    finally:
        del signal.embed
    assert calls == [1]  # only "harbour" is new
