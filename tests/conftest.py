"""Shared fixtures."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import SEEDS


@pytest.fixture
def seeds() -> Path:
    """Folder of the bundled story."""
    return SEEDS


@pytest.fixture(autouse=True)
def _thawed_heap() -> Iterator[None]:
    """An idle app freezes the heap (`LibraryScreen._warmed`); the next test starts thawed."""
    yield
    gc.unfreeze()
