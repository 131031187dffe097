"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import SEEDS


@pytest.fixture
def seeds() -> Path:
    """Folder of the bundled story."""
    return SEEDS
