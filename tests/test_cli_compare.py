"""``storyreader compare``, run in-process: formats, JSON layout, bounds, errors, progress."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.paths import SEEDS
from tui.cli import main
from tui.core.story import model

A = SEEDS / "000_02b2830ff24b6d49.txt"
B = SEEDS / "001_904d19f1e7a1825b.txt"


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as stderr is when a person runs a command."""

    def isatty(self) -> bool:
        return True


def test_json_in_a_pipe_is_compact_and_indent_pretty_prints(capsys):
    assert main(["compare", str(A), str(B), "--format", "json"]) == 0
    compact = capsys.readouterr().out
    assert compact.count("\n") == 1  # one line: the C encoder's output
    assert main(["compare", str(A), str(B), "--format", "json", "--indent", "2"]) == 0
    pretty = capsys.readouterr().out
    assert pretty.startswith('{\n  "a": {')
    assert json.loads(pretty) == json.loads(compact)
    assert main(["compare", str(A), str(B), "--format", "json", "--indent", "0"]) == 0
    assert capsys.readouterr().out == compact


def test_the_formats_agree_on_the_links(capsys):
    assert main(["compare", str(A), str(B), "--format", "json"]) == 0
    links = json.loads(capsys.readouterr().out)["links"]
    assert main(["compare", str(A), str(B)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("A: 000_02b2830ff24b6d49 — ")  # AFP copy; its outlet is not said
    assert f"\n{len(links)}. " in text and f"\n{len(links) + 1}. " not in text
    assert main(["compare", str(A), str(B), "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("# 000_02b2830ff24b6d49 vs themoscowtimes.com\n")
    assert markdown.count("\n## ") == len(links)


def test_a_side_that_cannot_be_read_is_named_inert_and_exits_2(capsys, tmp_path):
    evil = tmp_path / "evil\x1b]0;PWNED\x07\n.txt"
    assert main(["compare", str(A), str(evil)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    name = str(tmp_path) + "/evil^[]0;PWNED^G^J.txt"
    assert err == f"storyreader: cannot compare {name}: not found\n"


def test_a_side_read_in_part_is_compared_and_its_problem_told(capsys, truncated):
    assert main(["compare", str(truncated), str(A), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["a"]["path"] == str(truncated)
    assert err.startswith(f"storyreader: {truncated}: truncated: only the first ")


def long_article(paragraphs: int, seed: str) -> str:
    """An article of many distinct paragraphs, each a sentence the other side shares."""
    return "".join(
        f"Officials in district {seed}{n} counted {n * 37 + 11} ballots on day {n} of "
        f"the recount, and observers from the {seed} mission signed the protocol {n}.\n\n"
        for n in range(paragraphs)
    )


@pytest.fixture
def long_pair(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """Two articles longer than the alignment reads, with the limit lowered for the test."""
    monkeypatch.setattr(model, "ALIGN_LIMIT", 2000)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(long_article(60, "north"), encoding="utf-8")
    b.write_text(long_article(60, "north"), encoding="utf-8")
    return a, b


def test_a_long_pair_is_aligned_in_part_and_every_format_says_so(capsys, long_pair):
    a, b = long_pair
    assert main(["compare", str(a), str(b), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    alignment = data["alignment"]
    assert alignment["complete"] is False and alignment["limit"] == 2000
    text = a.read_text(encoding="utf-8")
    start, end = alignment["a"]
    assert start == 0 and 1000 <= end <= 2000
    assert text[end - 1 : end + 1] == ".\n"  # cut at a line break
    assert data["links"] and all(link["a"][1] <= end for link in data["links"])
    assert data["summary"]["a"]["chars"] == len(text)  # the article is still all there
    assert main(["compare", str(a), str(b)]) == 0
    report = capsys.readouterr().out
    assert f"A is long: only its first {end:,} of {len(text):,} characters were aligned" in report
    assert main(["compare", str(a), str(b), "--format", "markdown"]) == 0
    assert "A is long: only its first" in capsys.readouterr().out


def test_a_long_story_overview_says_it_was_aligned_in_part(capsys, long_pair):
    a, b = long_pair
    assert main(["overview", str(a), str(b), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["alignment"] == {"complete": False, "limit": 2000}
    assert all(article["aligned"][1] <= 2000 for article in data["articles"])
    assert main(["overview", str(a), str(b)]) == 0
    assert "a is long: only its first" in capsys.readouterr().out


def test_progress_shows_on_a_terminal_and_is_erased(capsys, monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["compare", str(A), str(B), "--format", "json"]) == 0
    shown = terminal.getvalue()
    assert "storyreader: reading A…" in shown and "storyreader: aligning…" in shown
    assert shown.endswith("\r\x1b[2K")  # the line is gone before the report
    assert json.loads(capsys.readouterr().out)["links"]


def test_progress_stays_out_of_a_pipe(capsys):
    assert main(["overview", str(SEEDS), "--format", "json"]) == 0
    assert capsys.readouterr().err == ""


def test_the_report_says_which_engine_ran(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.core.alignment import semantic

    pair = [str(path) for path in sorted(SEEDS.glob("*.txt"))[:2]]
    for engine, expected in (
        (semantic.LEXICAL, "Engine: lexical"),
        (semantic.SEMANTIC, "Engine: semantic"),
    ):
        monkeypatch.setenv(semantic.ENGINE_VARIABLE, engine)
        assert main(["compare", *pair]) == 0
        assert expected in capsys.readouterr().out
