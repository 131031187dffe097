"""``--meta`` and ``--text-field``: the reading options of every command and of the app."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import settle
from tui.app.app import StoryReaderApp
from tui.cli import main
from tui.core.reading.session import Options

TEXT = "Budget agreed after a long debate\n\nThe council met on Monday and agreed the budget.\n"


def story(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "story"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(TEXT, encoding="utf-8")
    side = tmp_path / "outlets.csv"
    side.write_text("file,outlet,date\na.txt,Example Daily,2021-05-04\nb.txt,The Wire\n")
    return folder, side


def test_every_command_takes_a_side_file(tmp_path, capsys):
    folder, side = story(tmp_path)
    assert main(["list", str(folder), "--meta", str(side), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [(r["outlet"], r["date"]) for r in records] == [
        ("Example Daily", "2021-05-04"),
        ("The Wire", None),
    ]
    assert main(["overview", str(folder), "--meta", str(side), "--format", "json"]) == 0
    labels = [a["label"] for a in json.loads(capsys.readouterr().out)["articles"]]
    assert labels == ["Example Daily", "The Wire"]
    a, b = folder / "a.txt", folder / "b.txt"
    assert main(["compare", str(a), str(b), "--meta", str(side), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["a"]["outlet"], report["b"]["outlet"]) == ("Example Daily", "The Wire")


def test_list_reads_the_named_text_field(tmp_path, capsys):
    path = tmp_path / "data.jsonl"
    path.write_text(json.dumps({"headline": "Named field", "words": "The text is here."}) + "\n")
    assert main(["list", str(path), "--format", "json"]) == 1
    assert "no article text (keys: headline, words)" in capsys.readouterr().err
    assert main(["list", str(path), "--text-field", "words", "--format", "json"]) == 0
    assert [r["title"] for r in json.loads(capsys.readouterr().out)] == ["Named field"]


async def test_the_app_reads_with_the_options(tmp_path):
    folder, side = story(tmp_path)
    app = StoryReaderApp([folder], options=Options(meta=side))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert [a.outlet for a in app.state.articles] == ["Example Daily", "The Wire"]
