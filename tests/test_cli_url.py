"""Web addresses on the command line: fetched wherever a path is taken, told when they fail.

Every address is the local test server's (`tests/web_server.py`).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.paths import SEEDS
from tui.cli import main


def test_list_reads_an_address_beside_a_file_in_the_order_given(capsys, web_server):
    first = SEEDS / "000_02b2830ff24b6d49.txt"
    assert main(["list", f"{web_server}/moved", str(first), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    records = json.loads(out)
    assert records[0]["title"] == "Council agrees flood budget"
    assert records[0]["url"] == f"{web_server}/story"  # where the redirect landed
    assert Path(records[1]["path"]).name == first.name
    assert err == ""


def test_an_address_that_fails_is_one_line_and_the_rest_still_lists(capsys, web_server):
    assert main(["list", f"{web_server}/gone", str(SEEDS), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 5
    assert err == f"storyreader: {web_server}/gone: not found (HTTP 404)\n"


def test_compare_takes_an_address_for_a_side(capsys, web_server):
    assert main(["compare", f"{web_server}/story", f"{web_server}/latin", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["a"]["url"] == f"{web_server}/story"
    assert report["links"], "the two pages share their sentences"


def test_compare_says_why_an_address_cannot_be_compared(capsys, web_server):
    assert main(["compare", f"{web_server}/picture", str(SEEDS / "000_02b2830ff24b6d49.txt")]) == 2
    assert capsys.readouterr().err == (
        f"storyreader: cannot compare {web_server}/picture: not a web page (image/png)\n"
    )


def test_overview_and_stories_take_addresses(capsys, web_server):
    pages = [f"{web_server}/story", f"{web_server}/latin"]
    assert main(["overview", *pages, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["stats"]["articles"] == 2
    assert main(["stories", *pages, "--format", "json"]) == 0
    assert capsys.readouterr().err == ""


def test_the_app_does_not_call_an_address_missing(capsys):
    # Refused for want of a terminal (pytest's stdout is none), not as "not found".
    assert main(["https://example.org/news/story"]) == 2
    assert "not found" not in capsys.readouterr().err
