"""``storyreader overview``, run in-process: the JSON shape, the text report, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.paths import HANDMADE, SEEDS
from tui.cli import main
from tui.core.alignment.tiers import TIERS
from tui.core.reading.loading import load_paths
from tui.core.reports.listing import format_listing
from tui.core.story.model import ALIGN_LIMIT


def run_json(capsys, *paths: Path) -> dict:
    assert main(["overview", *map(str, paths), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return json.loads(out)


def test_json_shape_of_the_bundled_story(capsys):
    data = run_json(capsys, SEEDS)
    assert set(data) == {
        "articles", "alignment", "order", "matrix", "pairs", "copy_groups", "figures",
        "quotes", "stats", "engine", "engine_note",
    }  # fmt: skip
    assert data["engine"] == "lexical"
    assert data["alignment"] == {"complete": True, "limit": ALIGN_LIMIT}
    assert len(data["articles"]) == 5
    first = data["articles"][0]
    record = json.loads(format_listing([load_paths([SEEDS]).articles[0]], "json"))[0]
    assert set(first) == {"index", "label", "aligned", "sentences", "only_here", *record}
    assert first["aligned"] == [first["body"], first["chars"]]
    assert {key: first[key] for key in record} == record
    assert first["label"] == "000_02b2830ff24b6d49" and first["agency"] == "AFP"
    assert sorted(data["order"]) == list(range(5))
    assert data["matrix"][0][0] is None
    cell = data["matrix"][0][1]
    assert cell == {
        "carried": 16,
        "total": 16,
        "share": 1.0,
        "percent": 100,
        "by_tier": dict.fromkeys(TIERS, 0) | {"copy": 16},
    }
    assert data["stats"]["articles"] == 5 and data["stats"]["pairs"] == 10


def test_json_points_at_the_text(capsys):
    data = run_json(capsys, SEEDS)
    texts = [Path(a["path"]).read_text(encoding="utf-8") for a in data["articles"]]
    pair = data["pairs"][0]
    assert set(pair) == {"a", "b", "links"} and pair["a"] < pair["b"]
    link = pair["links"][0]
    assert set(link) == {"a", "b", "tier", "score"}
    assert texts[pair["a"]][slice(*link["a"])].strip() == texts[pair["a"]][slice(*link["a"])]
    for group in data["figures"]:
        assert set(group) == {"label", "unit", "articles", "disagree", "values", "mentions"}
        for mention in group["mentions"]:
            written = texts[mention["article"]][slice(*mention["span"])]
            assert " ".join(written.replace("\\$", "$").split()) == mention["text"]
    for group in data["quotes"]:
        assert set(group) == {"speaker", "articles", "variants", "mentions"}
        for mention in group["mentions"]:
            quoted = texts[mention["article"]][slice(*mention["span"])]
            assert " ".join(quoted.split()) == mention["text"]


def test_json_groups_of_the_bundled_story(capsys):
    data = run_json(capsys, SEEDS)
    (group,) = data["copy_groups"]
    assert group["name"] == "AFP" and group["named_by"] == "agency"
    assert group["members"] == [{"article": 0, "role": "credits"}, {"article": 1, "role": "lead"}]
    detained = next(g for g in data["figures"] if any(m["text"] == "774" for m in g["mentions"]))
    assert detained["disagree"] is True
    assert [v["normal"] for v in detained["values"]] == ["500", "700", "774"]
    statement = next(g for g in data["quotes"] if "usurper" in g["variants"][0]["text"])
    assert statement["articles"] == [1, 2, 3] and len(statement["variants"]) == 3


def test_text_report_of_the_handmade_story(capsys):
    assert main(["overview", str(HANDMADE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Story overview: 4 articles")
    assert "NWA" in out and "Valley Courier" in out and "Riverside Blog" in out
    assert "NWA (named by agency): NWA [lead], Valley Courier [copy]" in out
    assert "! residents evacuated: more than 3,000 (NWA, Valley Courier) / about 3,500" in out
    assert "Ingrid Kessler (NWA, Daily Ledger)" in out
    assert "  Riverside Blog: 3 of 4 sentences" in out
    header = next(line for line in out.splitlines() if "only here" in line)
    assert header.split()[:2] == ["NWA", "Daily"]


def test_defaults_to_the_bundled_story(capsys):
    assert main(["overview"]) == 0
    assert "AFP (named by agency)" in capsys.readouterr().out


def test_problems_go_to_stderr_and_nothing_readable_exits_1(capsys, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["overview", str(tmp_path / "empty.txt"), "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"storyreader: {tmp_path / 'empty.txt'}: empty file",
        "storyreader: no articles to give an overview of",
    ]


def test_partly_read_files_take_part_and_their_problem_is_not_called_skipped(capsys, truncated):
    big = truncated
    assert main(["overview", str(big), str(HANDMADE), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)["articles"]) == 5
    assert err.startswith(f"storyreader: {big}: truncated: only the first ")
    assert "skipped" not in err


def test_a_closed_pipe_ends_the_report_quietly():
    """``storyreader overview | head``: no BrokenPipeError traceback, exit code 141."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first byte
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tui", "overview", str(HANDMADE)],
            stdout=write,
            stderr=subprocess.PIPE,
            check=False,
        )
    finally:
        os.close(write)
    assert done.returncode == 141
    assert b"Traceback" not in done.stderr
