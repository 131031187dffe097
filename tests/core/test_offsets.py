"""The offsets contract: spans index ``open(path, encoding=E).read()``, whatever the line breaks.

A script must be able to check every link without storyreader: read the file with
the encoding the JSON reports (universal newlines, as Python reads text) and slice.
Windows (CRLF), old Mac (CR) and mixed line breaks give the same links as LF.
"""

from __future__ import annotations

import codecs
import itertools
import json
from pathlib import Path

import pytest

from tests.paths import SEEDS
from tui.cli import main

SEED_FILES = sorted(SEEDS.glob("*.txt"))
BREAKS = {
    "crlf": ("\r\n",),
    "cr": ("\r",),
    # Never a lone CR before a LF: across an empty line the two would read as one break.
    "mixed": ("\r\n", "\r", "\r\n", "\n"),
}


def with_breaks(text: str, breaks: tuple[str, ...]) -> str:
    lines = text.split("\n")
    cycle = itertools.cycle(breaks)
    return "".join(line + next(cycle) for line in lines[:-1]) + lines[-1]


def compare_json(capsys: pytest.CaptureFixture[str], a: Path, b: Path) -> dict:
    assert main(["compare", str(a), str(b), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """The seeds as they are, and rewritten with each kind of line break, byte for byte."""
    folder = tmp_path_factory.mktemp("newlines")
    found = {"lf": SEED_FILES}
    for name, breaks in BREAKS.items():
        (folder / name).mkdir()
        found[name] = []
        for seed in SEED_FILES:
            copy = folder / name / seed.name
            copy.write_bytes(with_breaks(seed.read_text(encoding="utf-8"), breaks).encode())
            found[name].append(copy)
    return found


def test_the_copies_really_have_other_line_breaks(copies):
    first = copies["crlf"][0].read_bytes()
    assert b"\r\n" in first
    assert b"\n" not in copies["cr"][0].read_bytes()
    mixed = copies["mixed"][0].read_bytes()
    assert b"\r\n" in mixed and b"\r" in mixed.replace(b"\r\n", b"")


@pytest.mark.parametrize("kind", list(BREAKS))
@pytest.mark.parametrize("pair", list(itertools.combinations(range(len(SEED_FILES)), 2)))
def test_line_breaks_give_byte_identical_links(capsys, copies, kind, pair):
    first, second = pair
    original = compare_json(capsys, copies["lf"][first], copies["lf"][second])
    copied = compare_json(capsys, copies[kind][first], copies[kind][second])
    assert original["links"]
    assert json.dumps(copied["links"]) == json.dumps(original["links"])
    assert copied["summary"] == original["summary"]
    for side, index in (("a", first), ("b", second)):
        record = copied[side]
        text = open(record["path"], encoding=record["encoding"]).read()  # noqa: SIM115
        lf_text = SEED_FILES[index].read_text(encoding="utf-8")
        for link in copied["links"]:
            sentence = text[slice(*link[side])]
            assert sentence == lf_text[slice(*link[side])]
            assert sentence.strip() == sentence and sentence


@pytest.mark.parametrize(
    ("encoding", "codec"),
    [("utf-8-sig", "utf-8"), ("utf-16", "utf-16"), ("utf-16", "utf-16-be")],
    ids=["utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_the_reported_encoding_reads_the_text_the_offsets_index(capsys, tmp_path, encoding, codec):
    seed = SEED_FILES[1].read_text(encoding="utf-8")
    copy = tmp_path / SEED_FILES[1].name
    data = with_breaks(seed, ("\r\n",)).encode(codec)
    bom = {"utf-8": codecs.BOM_UTF8, "utf-16": b"", "utf-16-be": codecs.BOM_UTF16_BE}[codec]
    copy.write_bytes(bom + data)
    data = compare_json(capsys, SEED_FILES[0], copy)
    assert data["b"]["encoding"] == encoding
    text = open(copy, encoding=data["b"]["encoding"]).read()  # noqa: SIM115
    assert text == seed
    original = compare_json(capsys, SEED_FILES[0], SEED_FILES[1])
    assert json.dumps(data["links"]) == json.dumps(original["links"])
