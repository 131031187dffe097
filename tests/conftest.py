"""Shared fixtures."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.paths import SEEDS
from tests.web_server import web_server  # noqa: F401 (a fixture for every test)
from tui.core.reading import loading

# Every test runs the lexical engine, with or without the semantic extra installed, so
# that its results never depend on what is installed; tests/core/test_semantic.py asks
# for the semantic signal explicitly.
os.environ["STORYREADER_ENGINE"] = "lexical"

settings.register_profile("deep", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
"""``HYPOTHESIS_PROFILE=deep pytest ...`` runs every property test 30 times longer."""


@pytest.fixture
def seeds() -> Path:
    """Folder of the bundled story."""
    return SEEDS


@pytest.fixture(autouse=True)
def _no_real_clipboard_or_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No test touches the user's clipboard or settings: no system clipboard, no tmux,
    and the settings folder a temporary one (tests of those ways patch them back)."""
    from tui.app import clipboard

    monkeypatch.setattr(clipboard, "system_copy", lambda text: False)
    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.setenv("STORYREADER_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


@pytest.fixture(autouse=True)
def _thawed_heap() -> Iterator[None]:
    """An idle app freezes the heap (`tui.app.screens.library._settle_heap`); the next test starts thawed."""
    yield
    gc.unfreeze()


@pytest.fixture
def truncated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file longer than the read limit, lowered to 1,000 bytes for the test."""
    monkeypatch.setattr(loading, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("Headline here\n\n" + "Body text. " * 200, encoding="utf-8")
    return big
