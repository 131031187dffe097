"""``storyreader --no-config`` and addresses: what the command line hands the app."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

import tui.app.app
import tui.cli
from tests.paths import SEEDS
from tui.cli import main


class _Recorded:
    """Stands for the app: records what it was given, runs nothing."""

    given: ClassVar[dict[str, Any]] = {}
    return_code = 0

    def __init__(self, paths: list[object], **given: Any) -> None:
        _Recorded.given = {"paths": paths, **given}

    def run(self) -> None:
        pass


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> type[_Recorded]:
    monkeypatch.setattr(tui.cli, "_isatty", lambda stream: True)
    monkeypatch.setattr(tui.app.app, "StoryReaderApp", _Recorded)
    return _Recorded


def test_no_config_hands_the_app_no_settings_file(recorded: type[_Recorded]) -> None:
    assert main(["--no-config", str(SEEDS)]) == 0
    assert recorded.given["settings"].path is None
    assert main([str(SEEDS)]) == 0
    assert recorded.given["settings"].path is not None


def test_addresses_go_to_the_app_as_addresses_and_no_bundled_story(
    recorded: type[_Recorded],
) -> None:
    assert main(["https://example.org/news/story"]) == 0
    assert recorded.given["paths"] == []
    assert recorded.given["urls"] == ["https://example.org/news/story"]
