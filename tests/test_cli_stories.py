"""``storyreader stories``, run in-process: the JSON shape, the text report, progress, exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.paths import ROOT, SEEDS
from tui.cli import main

STORIES = ROOT / "tests" / "fixtures" / "stories"
"""Four events (file names: a, b, c, d); see tests/core/test_grouping.py."""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[str, str]:
    assert main(["stories", *argv]) == 0
    return capsys.readouterr()


def test_json_shape_and_every_article_once(capsys: pytest.CaptureFixture[str]) -> None:
    out, err = run(capsys, str(STORIES), "--format", "json")
    assert err == ""
    data = json.loads(out)
    assert set(data) == {"articles", "stories"}
    names = [Path(article["path"]).name for article in data["articles"]]
    assert [article["index"] for article in data["articles"]] == list(range(len(names)))
    assert set(data["articles"][0]) == {"index", "path", "part", "title", "outlet", "date"}
    stories = data["stories"]
    assert [story["id"] for story in stories] == list(range(len(stories)))
    assert sorted(i for story in stories for i in story["articles"]) == list(range(len(names)))
    assert [[names[i][:2] for i in story["articles"]] for story in stories] == [
        ["a1", "a2", "a3"],
        ["c1", "c2", "c3"],
        ["b1", "b2"],
        ["d1"],
    ]
    strike = stories[0]
    assert set(strike) == {"id", "label", "articles", "dates", "outlets"}
    assert strike["dates"] == ["2024-03-04", "2024-03-05"]
    assert strike["outlets"] == ["Harbour Daily", "Coast Courier", "Valley Radio"]
    assert stories[1]["dates"] == [None, None]
    assert stories[3]["label"] == "Sixteen-year-old Ilse Varga wins the Brenford Open"


def test_text_report(capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = run(capsys, str(STORIES))
    assert out.startswith("9 articles, 4 stories\n")
    assert (
        "   3 articles, 2024-03-04 to 2024-03-05; Harbour Daily, Coast Courier, Valley Radio" in out
    )
    assert "   1 article; Chess Weekly" in out
    assert "Chess Weekly: Sixteen-year-old Ilse Varga wins the Brenford Open (" in out


def test_the_text_report_counts_one_article_in_the_singular(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out, _ = run(capsys, str(min(SEEDS.glob("*.txt"))))
    assert out.startswith("1 article, 1 story\n")


def test_one_story_folder_is_one_story(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, str(SEEDS), "--format", "json")[0])
    assert [story["articles"] for story in data["stories"]] == [[0, 1, 2, 3, 4]]


def test_progress_goes_to_a_terminal_only(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["stories", str(STORIES), "--format", "json"]) == 0
    shown = terminal.getvalue()
    assert "storyreader: grouping 9 articles: stories 1/1" in shown
    assert shown.endswith("\r\x1b[2K")  # the line is gone before the report
    json.loads(capsys.readouterr().out)  # stdout holds the report alone


def test_json_is_compact_in_a_pipe_unless_indented(capsys: pytest.CaptureFixture[str]) -> None:
    compact, _ = run(capsys, str(STORIES), "--format", "json")
    assert compact.count("\n") == 1
    pretty, _ = run(capsys, str(STORIES), "--format", "json", "--indent", "2")
    assert pretty.startswith('{\n  "articles": [') and json.loads(pretty) == json.loads(compact)


def test_nothing_to_group(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", str(tmp_path)]) == 1
    assert "no articles to group" in capsys.readouterr().err
