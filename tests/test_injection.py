"""Every headless command, in every format, on the injection corpus: nothing comes out raw.

stdout and stderr are both checked; the JSON must still decode to the original text
(escaped, not deleted), so that offsets index the files as they are.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.injection import EVERY, PAYLOADS, build_corpus, missing, raw_found
from tui.cli import main
from tui.core.reading.loading import load_paths


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_corpus(tmp_path_factory.mktemp("corpus") / "story")


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    assert raw_found(out) == [], f"stdout of {argv}"
    assert raw_found(err) == [], f"stderr of {argv}"
    return code, out, err


def test_the_corpus_reaches_the_reports(corpus):
    """The payloads survive reading: otherwise every test below would pass for nothing."""
    articles = load_paths([corpus["text"].parent]).articles
    texts = {(article.path.name, article.part): article.text for article in articles}
    assert "\x1b]0;PWNED\x07" in texts["text.md", None]
    assert "\u202e" in texts["text.md", None]
    assert "\x1b" in texts["news.jsonl", 1]
    assert any("\x1b" in name for name, _ in texts)


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_list(capsys, corpus, fmt):
    folder = corpus["plain"].parent
    code, out, err = run(capsys, "list", folder, missing(folder), "--format", fmt)
    assert code == 0
    assert "binary" in err and "empty" in err and "missing" in err  # the problem lines
    assert "^[" in err
    if fmt == "json":
        records = json.loads(out)
        assert any("\x1b" in record["path"] for record in records)  # recoverable
    else:
        assert "^[" in out


@pytest.mark.parametrize("fmt", ["json", "text", "markdown"])
@pytest.mark.parametrize(
    "side", ["text", "front", "jsonl", "html", "undecodable", *(f"name-{k}" for k in PAYLOADS)]
)
def test_compare(capsys, corpus, side, fmt):
    code, out, err = run(capsys, "compare", corpus[side], corpus["plain"], "--format", fmt)
    assert code == 0
    assert err == ""
    if fmt == "json":
        data = json.loads(out)
        assert data["links"], "the poisoned side still shares its sentences"
    elif side == "text":
        shown = out.replace("\\", "")  # Markdown escapes the "[" of "^["
        assert "^[]0;PWNED^G" in shown and "<U+202E>" in shown


def test_compare_json_keeps_the_text_recoverable(capsys, corpus):
    _, out, _ = run(capsys, "compare", corpus["text"], corpus["plain"], "--format", "json")
    data = json.loads(out)
    text = corpus["text"].read_text(encoding=data["a"]["encoding"])
    poisoned = [text[slice(*link["a"])] for link in data["links"]]
    assert any(EVERY in sentence for sentence in poisoned)
    name = corpus["name-osc-title"]
    _, out, _ = run(capsys, "compare", name, corpus["plain"], "--format", "json")
    assert json.loads(out)["a"]["path"] == str(name)  # ESC and BEL escaped, not dropped


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_overview(capsys, corpus, fmt):
    folder = corpus["plain"].parent
    code, out, err = run(capsys, "overview", folder, "--format", fmt)
    assert code == 0
    assert "binary" in err and "^[" in err
    if fmt == "json":
        data = json.loads(out)
        values = {mention["value"] for group in data["figures"] for mention in group["mentions"]}
        assert 500 in values
        assert not values & {0, 2, 3, 10, 31, 52, 1000}  # numbers of the escape sequences


def test_a_missing_side_is_named_inert(capsys, corpus):
    folder = corpus["plain"].parent
    code, out, err = run(capsys, "compare", missing(folder), corpus["plain"])
    assert code == 2 and out == ""
    assert err.startswith("storyreader: cannot compare ") and "^[]0;PWNED^G" in err


def test_the_app_names_a_missing_path_inert(capsys, corpus):
    code, _, err = run(capsys, missing(corpus["plain"].parent))
    assert code == 2 and "^[]0;PWNED^G" in err


@pytest.mark.parametrize(
    "command",
    [["list"], ["overview"], ["compare", "undecodable", "plain"]],
    ids=["list", "overview", "compare"],
)
def test_real_streams_take_undecodable_names_and_show_nothing_raw(corpus, command):
    """Through the real stdout and stderr (UTF-8, strict), as a shell runs the command."""
    folder = corpus["plain"].parent
    argv = [str(corpus[c]) for c in command[1:]] or [str(folder)]
    done = subprocess.run(
        [sys.executable, "-m", "tui", command[0], *argv],
        capture_output=True,
        timeout=120,
        check=False,
    )
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert done.returncode == 0, err
    assert "Traceback" not in err
    assert raw_found(out) == [] and raw_found(err) == []
    assert "bad-\ufffd" in out
