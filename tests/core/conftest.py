"""Fixtures for the core tests: the bundled seed texts, read as the scorer reads them."""

from __future__ import annotations

import pytest

from tests.paths import SEEDS


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """Each seed's text by its three-digit prefix (``"000"``), decoded as UTF-8."""
    return {path.name[:3]: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
