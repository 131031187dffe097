"""``storyreader list``, run in-process: output shapes, exit codes, problems on stderr."""

from __future__ import annotations

import json
from pathlib import Path

from tests.paths import SEEDS
from tui.cli import main


def test_list_json_of_the_seeds(capsys):
    assert main(["list", str(SEEDS), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    records = json.loads(out)
    assert [Path(r["path"]).name for r in records] == sorted(p.name for p in SEEDS.iterdir())
    assert records[1]["outlet"] == "themoscowtimes.com"
    assert records[1]["date"] == "2020-09-14"
    assert err == ""


def test_list_defaults_to_the_bundled_story_as_a_table(capsys):
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("PATH")
    assert len(lines) == 1 + 5


def test_a_file_changed_while_the_command_runs_is_named_on_stderr(capsys, tmp_path, monkeypatch):
    import tui.cli

    kept, changed = tmp_path / "kept.txt", tmp_path / "changed.txt"
    kept.write_text("Port reopens after storm\n\nShips sailed again on Friday.\n", encoding="utf-8")
    changed.write_text("Ferry fares to rise\n\nFares rise by a tenth in May.\n", encoding="utf-8")
    read = tui.cli._Session.read

    def read_then_change(self, paths):  # the file changes once it has been read
        articles = read(self, paths)
        changed.write_text("Ferry fares frozen\n\nNo rise this year.\n", encoding="utf-8")
        return articles

    monkeypatch.setattr(tui.cli._Session, "read", read_then_change)
    assert main(["list", str(tmp_path), "--format", "json"]) == 0  # words: texts read again
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 2
    assert err.splitlines() == [
        f"storyreader: {changed}: changed or went away after it was read; open it again to read it"
    ]


def test_problems_go_to_stderr_and_the_rest_still_lists(capsys, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    code = main(["list", str(SEEDS / "004_159432c7cf2bb8a3.txt"), str(tmp_path / "empty.txt"),
                 "/no/such/file.txt", "--format", "json"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0
    assert len(json.loads(out)) == 1
    assert err.splitlines() == [
        f"storyreader: {tmp_path / 'empty.txt'}: empty file",
        "storyreader: /no/such/file.txt: not found",
    ]


def test_partly_read_files_are_listed_and_their_problem_not_called_skipped(
    capsys, tmp_path, truncated
):
    big = truncated
    lines = tmp_path / "news.jsonl"
    lines.write_text('{"text": "First story."}\nnot json\n{"text": "Third story."}\n')
    code = main(["list", str(big), str(lines), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0
    assert [(Path(r["path"]).name, r["part"]) for r in json.loads(out)] == [
        ("big.txt", None),
        ("news.jsonl", 1),
        ("news.jsonl", 3),
    ]
    truncated, bad_line = err.splitlines()
    assert truncated.startswith(f"storyreader: {big}: truncated: only the first ")
    assert bad_line == f"storyreader: {lines}: line 2: not valid JSON"
    assert "skipped" not in err


def test_nothing_readable_exits_1(capsys, tmp_path):
    assert main(["list", str(tmp_path), "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out) == []
    assert "folder has no readable articles" in err


def test_a_command_on_local_files_does_not_import_the_web_client():
    """urllib and http.client take some 25 ms to import: only addresses need them."""
    import subprocess
    import sys

    script = (
        "import contextlib, io, sys\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['list', {str(SEEDS)!r}])\n"
        "print('http.client' in sys.modules, 'urllib.request' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "False"]
