"""A full headless session leaves every file's bytes and mtime exactly as they were."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.injection import build_corpus, missing
from tests.paths import ROOT, SEEDS
from tests.stories import read_one
from tui.cli import main
from tui.core.reading.loading import (
    find_files,
    iter_load,
    load_files,
    load_paths,
)
from tui.core.reports.listing import format_listing

OLD = 1_000_000_000  # 2001-09-09: any write would move the mtime away from it


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def test_loading_listing_and_comparing_write_nothing(tmp_path, capsys):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(ROOT / "tests" / "fixtures" / "loading", tmp_path / "fixtures")
    for folder in ("folder", "headlines", "datasets"):  # side files, pages, JSON, legacy codecs
        shutil.copytree(ROOT / "tests" / "fixtures" / folder, tmp_path / folder)
    odd = tmp_path / "odd"
    odd.mkdir()
    (odd / "cp1252.txt").write_bytes("Café – “quoted”\n\nBody.".encode("cp1252"))
    (odd / "utf16.md").write_text("\ufeffHeadline\n\nBody.", encoding="utf-16-le")
    (odd / "empty.txt").write_bytes(b"")
    (odd / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    for path in tmp_path.rglob("*"):
        os.utime(path, ns=(OLD * 10**9, OLD * 10**9))
    before = snapshot(tmp_path)

    result = load_paths([tmp_path])
    assert result.articles
    list(iter_load([tmp_path]))
    found = find_files([tmp_path])
    files = found.files
    for path in files:
        read_one(path)
    found = find_files([tmp_path])
    assert list(load_files(found.files, folders=found.folders))
    format_listing(result.articles, "json")
    format_listing(result.articles, "table")
    assert main(["list", str(tmp_path), "--format", "json"]) == 0
    assert main(["list", str(tmp_path)]) == 0
    first, second = sorted((tmp_path / "seeds").iterdir())[:2]
    assert main(["compare", str(first), str(second), "--format", "json"]) == 0
    capsys.readouterr()

    assert snapshot(tmp_path) == before


def test_every_command_on_the_injection_corpus_writes_nothing(tmp_path, capsys):
    files = build_corpus(tmp_path / "story")
    folder = files["plain"].parent
    for path in tmp_path.rglob("*"):
        os.utime(path, ns=(OLD * 10**9, OLD * 10**9))
    before = snapshot(tmp_path)

    for fmt in ("table", "json"):
        main(["list", str(folder), "--format", fmt])
    for fmt in ("json", "text"):
        main(["overview", str(folder), "--format", fmt])
    for side in ("text", "front", "jsonl", "html", "undecodable", "name-osc52", "binary"):
        for fmt in ("json", "text", "markdown"):
            main(["compare", str(files[side]), str(files["plain"]), "--format", fmt])
    main(["compare", str(missing(folder)), str(files["plain"])])
    capsys.readouterr()

    assert snapshot(tmp_path) == before
