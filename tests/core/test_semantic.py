"""The semantic signal: run only where the ``semantic`` extra is installed.

That is a condition, not a skipped check: the lexical engine is tested everywhere
(``test_quality.py``, ``test_gold.py``), and these tests run wherever the extra is.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.core.test_gold import score_seeds
from tests.paths import ROOT
from tui.core.alignment import semantic
from tui.core.alignment.align import StoryAligner

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
    recall, precision = score_seeds()
    assert recall["copy"] == 1.0
    assert recall["quote"] >= 0.95
    assert recall["paraphrase"] >= 0.53
    assert precision >= 0.84
