"""Loading: walking paths, reading bytes, decoding, and every kind of bad input."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT, SEEDS
from tests.stories import read_one
from tui.core.reading import loading
from tui.core.reading.articles import Article, count_words
from tui.core.reading.formats import raw
from tui.core.reading.loading import (
    find_files,
    iter_load,
    load_files,
    load_paths,
)
from tui.core.reading.problems import Problem

STORY = ROOT / "tests" / "fixtures" / "loading" / "story"


def reasons(result) -> dict[str, str]:
    return {p.path.name: p.reason for p in result.problems}


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --- the seeds ---------------------------------------------------------------------


def test_seeds_load_in_sorted_order_with_text_unchanged():
    result = load_paths([SEEDS])
    assert result.problems == []
    assert [a.path.name for a in result.articles] == sorted(p.name for p in SEEDS.iterdir())
    for article in result.articles:
        data = article.path.read_bytes()
        assert article.text == data.decode("utf-8")
        assert article.sha256 == hashlib.sha256(data).hexdigest()
        assert article.encoding == "utf-8"
        assert article.part is None


@pytest.mark.parametrize("text", ["Headline here\r\n\r\n  Body\ttext.  \r\n\n\n", "A\rB\r\rC.\r\n"])
def test_text_is_what_open_reads_line_breaks_universal(tmp_path, text):
    path = write(tmp_path / "crlf.txt", text)
    article = load_paths([path]).articles[0]
    with path.open(encoding=article.encoding) as handle:
        assert article.text == handle.read()
    assert "\r" not in article.text
    assert article.text.replace("\n", "") == text.replace("\r", "").replace("\n", "")


def test_byte_order_mark_is_an_encoding_mark_not_text(tmp_path):
    article = load_paths([write(tmp_path / "bom.txt", "\ufeffHeadline\n\nBody.")]).articles[0]
    assert article.text == "Headline\n\nBody."
    assert article.encoding == "utf-8-sig"


# --- walking -----------------------------------------------------------------------


def test_folder_walk_is_recursive_sorted_and_skips_hidden_and_unsupported():
    result = load_paths([STORY])
    assert [a.path.relative_to(STORY).as_posix() for a in result.articles] == [
        "front_matter.md",
        "nested/dateline.txt",
        "nested/markup.markdown",
    ]
    assert reasons(result) == {"readme.rst": "skipped: not an article (README file)"}


def test_fixture_metadata():
    by_name = {a.path.name: a for a in load_paths([STORY]).articles}
    stated = by_name["front_matter.md"]
    assert (stated.title, stated.outlet, stated.date, stated.byline) == (
        "Stated Title Wins",
        "Example Daily",
        "2021-03-04",
        "Jane Doe",
    )
    dateline = by_name["dateline.txt"]
    assert (dateline.title, dateline.agency, dateline.outlet) == (
        "Talks end without a deal",
        "Reuters",
        "dateline",  # the agency wrote it; who published it is not said
    )


def test_markup_lookalikes_stay_literal():
    article = read_one(STORY / "nested" / "markup.markdown").articles[0]
    assert article.text.startswith("[bold]Not bold[/] and [link=https://example.com]")
    assert article.title == "[bold]Not bold[/] and [link=https://example.com]not a link[/link]"


def test_hidden_file_named_directly_is_read():
    result = load_paths([STORY / ".hidden" / "secret.txt"])
    assert len(result.articles) == 1


def test_uppercase_extension_is_supported(tmp_path):
    write(tmp_path / "STORY.TXT", "Headline here\n\nBody.")
    assert len(load_paths([tmp_path]).articles) == 1


def test_same_file_named_twice_is_read_once():
    result = load_paths([SEEDS, SEEDS / "000_02b2830ff24b6d49.txt"])
    assert len(result.articles) == 5


def test_missing_path():
    result = load_paths([Path("/no/such/place.txt")])
    assert result.articles == []
    assert [str(p) for p in result.problems] == ["/no/such/place.txt: not found"]


def test_unsupported_file_named_directly(tmp_path):
    path = write(tmp_path / "report.pdf", b"%PDF-1.7")
    assert reasons(load_paths([path])) == {"report.pdf": "not a supported format (.pdf)"}


def test_file_without_extension(tmp_path):
    write(tmp_path / "notes", "text")
    assert reasons(load_paths([tmp_path]))["notes"] == "not a supported format"


def test_folder_with_nothing_readable(tmp_path):
    write(tmp_path / "a.png", b"\x89PNG\r\n\x1a\n")
    write(tmp_path / "b.txt", b"")
    result = load_paths([tmp_path])
    assert result.articles == []
    assert reasons(result) == {
        "a.png": "not a supported format (.png)",
        "b.txt": "empty file",
        tmp_path.name: "folder has no readable articles",
    }


def test_empty_folder(tmp_path):
    assert reasons(load_paths([tmp_path])) == {tmp_path.name: "folder has no readable articles"}


def test_symlink_loop_is_reported_once_and_the_rest_loads(tmp_path):
    write(tmp_path / "a" / "story.txt", "Headline here\n\nBody.")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self").symlink_to(tmp_path / "self")
    result = load_paths([tmp_path])
    assert [a.path.name for a in result.articles] == ["story.txt"]
    assert reasons(result) == {"loop": "symlink loop", "self": "symlink loop"}


def test_symlinked_folder_elsewhere_is_followed(tmp_path):
    write(tmp_path / "real" / "story.txt", "Headline here\n\nBody.")
    (tmp_path / "top").mkdir()
    (tmp_path / "top" / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    assert [a.path.as_posix() for a in load_paths([tmp_path / "top"]).articles] == [
        (tmp_path / "top" / "link" / "story.txt").as_posix()
    ]


def test_broken_symlink(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    assert reasons(load_paths([tmp_path]))["gone.txt"] == "broken symlink"


def test_named_pipe_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    assert reasons(load_paths([tmp_path / "pipe.txt"])) == {"pipe.txt": "not a regular file"}
    assert reasons(load_paths([tmp_path]))["pipe.txt"] == "not a regular file"


def test_permission_denied_reported(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", "Headline\n\nBody.")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(loading.os, "open", refuse)
    assert reasons(load_paths([path])) == {"locked.txt": "permission denied"}


def refuse_for(monkeypatch, *paths: Path) -> None:
    """Make opening or listing ``paths`` fail as a file without read permission does.

    Root reads everything, so a real ``chmod 0`` proves nothing where tests run as
    root (as here, and perhaps in CI): the refusal is made at the system call.
    """
    refused = {os.fspath(path) for path in paths}
    real_open, real_scandir = os.open, os.scandir

    def check(path) -> None:
        if os.fspath(path) in refused:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))

    def open_(path, *args, **kwargs):
        check(path)
        return real_open(path, *args, **kwargs)

    def scandir(path="."):
        check(path)
        return real_scandir(path)

    monkeypatch.setattr(loading.os, "open", open_)
    monkeypatch.setattr(loading.os, "scandir", scandir)


def test_permission_denied_names_the_file_and_the_rest_still_load(tmp_path, monkeypatch):
    write(tmp_path / "ok.txt", "Headline here\n\nBody.")
    locked = write(tmp_path / "locked.txt", "Headline\n\nBody.")
    closed = tmp_path / "closed"
    write(closed / "inside.txt", "Headline\n\nBody.")
    refuse_for(monkeypatch, locked, closed)
    result = load_paths([tmp_path])
    assert [a.path.name for a in result.articles] == ["ok.txt"]
    assert result.problems == [
        Problem(closed, "permission denied"),
        Problem(locked, "permission denied"),
    ]
    assert str(result.problems[1]) == f"{locked}: permission denied"


def test_permission_denied_by_the_app_path_too(tmp_path, monkeypatch):
    write(tmp_path / "ok.txt", "Headline here\n\nBody.")
    locked = write(tmp_path / "locked.txt", "Headline\n\nBody.")
    refuse_for(monkeypatch, locked)
    found = find_files([tmp_path])
    loaded = dict(load_files(found.files, folders=found.folders))
    assert loaded[locked].problems == [Problem(locked, "permission denied")]
    assert [a.path.name for a in loaded[tmp_path / "ok.txt"].articles] == ["ok.txt"]
    assert read_one(locked).problems == [Problem(locked, "permission denied")]


def test_deep_folders_do_not_overflow(tmp_path):
    folder = tmp_path
    for _ in range(120):
        folder = folder / "d"
    write(folder / "deep.txt", "Headline here\n\nBody.")
    assert [a.path.name for a in load_paths([tmp_path]).articles] == ["deep.txt"]


# --- bad content -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n  ", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (JPEG image)"),
        (b"PK\x03\x04\x14\x00\x00\x00", "binary file (ZIP archive)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "binary file (PDF document)"),
        (b"text\x00with\x00nul\x00bytes\x00\x01\x02", "binary file"),
    ],
)
def test_bad_content_is_a_problem(tmp_path, data, reason):
    path = write(tmp_path / "bad.txt", data)
    result = load_paths([path])
    assert result.articles == []
    assert [p.reason for p in result.problems] == [reason]


def test_control_characters_and_ansi_are_kept_and_noted(tmp_path):
    text = "Headline here\n\n\x1b[31mred\x1b[0m text\x07 and a bell.\n"
    article = load_paths([write(tmp_path / "ansi.txt", text)]).articles[0]
    assert article.text == text
    assert "contains control characters" in article.notes


# --- encodings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding", "note"),
    [
        ("Café crème\n".encode(), "utf-8", None),
        ("\ufeffCafé crème\n".encode(), "utf-8-sig", None),
        ("\ufeffCafé crème\n".encode("utf-16-le"), "utf-16", "decoded as utf-16 (not UTF-8)"),
        ("\ufeffCafé crème\n".encode("utf-16-be"), "utf-16", "decoded as utf-16 (not UTF-8)"),
        ("\ufeffCafé crème\n".encode("utf-32-le"), "utf-32", "decoded as utf-32 (not UTF-8)"),
        (
            "Café crème – “quoted”\n".encode("cp1252"),
            "cp1252",
            "decoded as cp1252, a guess (not UTF-8)",
        ),
        (b"Caf\xe9 \x81cr\xe8me\n", "latin-1", "decoded as latin-1, a guess (not UTF-8)"),
    ],
)
def test_encodings(tmp_path, data, encoding, note):
    path = write(tmp_path / "enc.txt", data)
    article = load_paths([path]).articles[0]
    assert article.encoding == encoding
    with path.open(encoding=article.encoding) as handle:
        assert handle.read() == article.text  # the offsets contract: E reads the text back
    assert article.text.rstrip("\n").lstrip("\ufeff").startswith("Caf")
    assert "Café" in article.text or "Caf\xe9" in article.text
    assert (note in article.notes) if note else not any("decoded" in n for n in article.notes)
    assert article.sha256 == hashlib.sha256(data).hexdigest()


def test_mostly_utf8_with_a_stray_byte_stays_utf8(tmp_path):
    data = "Crème brûlée à la carte, naïve café.".encode() + b" \x92 end."
    article = load_paths([write(tmp_path / "mixed.txt", data)]).articles[0]
    assert article.encoding == "utf-8"
    assert "Crème brûlée" in article.text
    assert "1 invalid UTF-8 byte shown as \ufffd" in article.notes


# --- size limit --------------------------------------------------------------------


def test_file_over_the_limit_is_truncated_and_said_so(tmp_path, monkeypatch):
    monkeypatch.setattr(loading, "MAX_BYTES", 1000)
    text = "Headline here\n\n" + "é" * 2000  # 2-byte characters: the cut falls mid-character
    path = write(tmp_path / "big.txt", text)
    result = load_paths([path])
    article = result.articles[0]
    assert len(article.text.encode()) <= 1000
    assert text.startswith(article.text)
    assert article.encoding == "utf-8"
    assert any(note.startswith("truncated: only the first") for note in article.notes)
    assert [p.reason for p in result.problems] == [article.notes[0]]


def test_one_huge_line_loads_whole(tmp_path):
    text = "word " * 1_000_000
    article = load_paths([write(tmp_path / "line.txt", text)]).articles[0]
    assert article.chars == len(text)
    assert article.words == 1_000_000


# --- the streaming API -------------------------------------------------------------


def test_iter_load_yields_the_first_article_before_reading_the_rest(tmp_path, monkeypatch):
    for index in range(loading.BATCH * 3):
        write(tmp_path / f"{index:03d}.txt", f"Headline {index}\n\nBody.")
    reads = []
    original = loading._read_bytes
    monkeypatch.setattr(loading, "_read_bytes", lambda p: reads.append(p) or original(p))
    first = next(iter_load([tmp_path]))
    assert isinstance(first, Article)
    assert first.path.name == "000.txt"
    assert len(reads) == loading.BATCH


def test_load_files_matches_load_file_one_by_one():
    found = find_files([STORY, SEEDS])
    files = found.files
    batched = list(loading.load_files(files))
    assert [path for path, _ in batched] == files
    assert [result for _, result in batched] == [read_one(path) for path in files]


def test_discover_then_load_file_matches_load_paths():
    found = find_files([STORY, Path("/no/such")])
    files, problems = found.files, found.problems
    assert [f.name for f in files] == ["front_matter.md", "dateline.txt", "markup.markdown"]
    assert {(p.path.name, p.reason) for p in problems} == {
        ("readme.rst", "skipped: not an article (README file)"),
        ("such", "not found"),
    }
    articles = [a for f in files for a in read_one(f).articles]
    assert articles == load_paths([STORY]).articles


def test_load_file_on_a_bad_file_returns_a_problem(tmp_path):
    result = read_one(tmp_path / "missing.md")
    assert result.articles == []
    assert result.problems == [Problem(tmp_path / "missing.md", "not found")]


def test_discover_reports_a_folder_without_candidates(tmp_path):
    write(tmp_path / "image.png", b"\x89PNG")
    found = find_files([tmp_path])
    files, problems = found.files, found.problems
    assert files == []
    assert [p.reason for p in problems] == [
        "not a supported format (.png)",
        "folder has no readable articles",
    ]


def test_a_real_file_over_50_mb_is_cut_at_the_limit(tmp_path):
    line = "Body text of a very large article, repeated to pass the limit.\n"
    size = loading.MAX_BYTES + len(line) * 1000
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as stream:
        stream.write("Huge article\n\n")
        stream.write(line * (size // len(line)))
    result = load_paths([path])
    (article,) = result.articles
    assert len(article.text) == loading.MAX_BYTES
    assert article.title == "Huge article"
    assert article.notes[0] == "truncated: only the first 50.0 MB of 50.1 MB read"
    assert [p.reason for p in result.problems] == [article.notes[0]]


def test_thousands_of_files_load_in_walk_order(tmp_path):
    for index in range(2000):
        write(tmp_path / f"{index // 100:02d}" / f"{index:04d}.md", f"# Story {index}\n\nBody.")
    result = load_paths([tmp_path])
    assert result.problems == []
    assert [a.title for a in result.articles] == [f"Story {i}" for i in range(2000)]


def test_odd_file_names_give_printable_fallbacks(tmp_path):
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xffname.txt"), "wb") as stream:
        stream.write(b"A short line\n\nBody.")
    write(tmp_path / "evil\x1b[2Jname.txt", "A short line\n\nBody.")
    outlets = sorted(a.outlet for a in load_paths([tmp_path]).articles)
    assert outlets == ["bad\ufffdname", "evil^[[2Jname"]
    for outlet in outlets:
        outlet.encode("utf-8")


# --- the app's path: find_files, then one load_files over all of them ---------------


def app_path(paths: list[Path]) -> tuple[list[Article], list[Problem]]:
    """What the app collects: the walk's problems, then each file's, in order."""
    found = find_files(paths)
    articles, problems = [], list(found.problems)
    for _, result in load_files(found.files, folders=found.folders):
        articles.extend(result.articles)
        problems.extend(result.problems)
    return articles, problems


def test_a_folder_whose_files_all_fail_is_reported_after_its_last_file(tmp_path):
    bad, good = tmp_path / "bad", tmp_path / "good"
    write(bad / "empty.txt", b"")
    write(bad / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(good / "story.txt", "Headline here\n\nBody.")
    found = find_files([bad, good])
    loaded = list(load_files(found.files, folders=found.folders))
    assert [path.name for path, _ in loaded] == ["empty.txt", "image.txt", "story.txt"]
    assert loaded[1][1].problems == [
        Problem(bad / "image.txt", "binary file (PNG image)"),
        Problem(bad, "folder has no readable articles"),
    ]
    assert loaded[2][1].problems == []


@pytest.mark.parametrize(
    "layout",
    ["all fail", "one good", "no candidates", "same folder twice", "file and missing", "nested"],
)
def test_the_app_path_reports_what_iter_load_reports(tmp_path, layout):
    write(tmp_path / "a" / "empty.txt", b"")
    write(tmp_path / "a" / "blank.md", b"  \n")
    write(tmp_path / "b" / "good.txt", "Headline here\n\nBody.")
    write(tmp_path / "b" / "bad.txt", b"\x00\x01\x02\x03" * 10)
    write(tmp_path / "c" / "image.png", b"\x89PNG")
    write(tmp_path / "d" / "inner" / "gone.txt", b"")
    write(tmp_path / "d" / "ok.md", "# Title\n\nBody.")
    paths = {
        "all fail": [tmp_path / "a"],
        "one good": [tmp_path / "a", tmp_path / "b"],
        "no candidates": [tmp_path / "c", tmp_path / "a"],
        "same folder twice": [tmp_path / "b", tmp_path / "b", tmp_path / "a"],
        "file and missing": [tmp_path / "b" / "good.txt", tmp_path / "nope", tmp_path / "a"],
        "nested": [tmp_path / "d", tmp_path / "d" / "inner", tmp_path],
    }[layout]
    streamed = load_paths(paths)
    articles, problems = app_path(paths)
    assert articles == streamed.articles
    # The walk's problems come first on the app's path; otherwise the same, in order.
    assert sorted(problems, key=str) == sorted(streamed.problems, key=str)


def test_find_files_names_the_span_of_each_folder():
    found = find_files([STORY, Path("/no/such")])
    assert found.folders == [(STORY, 0, 3)]
    assert found.problems[-1] == Problem(Path("/no/such"), "not found")


def test_one_generator_can_serve_the_first_screen_then_a_worker(tmp_path):
    for index in range(loading.BATCH + 5):
        write(tmp_path / f"{index:03d}.txt", f"Headline {index}\n\nBody.")
    found = find_files([tmp_path])
    items = load_files(found.files, folders=found.folders)
    first = [next(items) for _ in range(3)]
    rest = list(items)
    titles = [a.title for _, r in first + rest for a in r.articles]
    assert titles == [f"Headline {i}" for i in range(loading.BATCH + 5)]


def test_a_batch_ends_at_its_byte_budget(tmp_path, monkeypatch):
    for index in range(10):
        write(tmp_path / f"{index}.txt", "Headline\n\n" + "word " * 200)  # 1,010 bytes
    monkeypatch.setattr(loading, "BATCH_BYTES", 2500)
    reads = []
    original = loading._read_bytes
    monkeypatch.setattr(loading, "_read_bytes", lambda p: reads.append(p) or original(p))
    found = find_files([tmp_path])
    files = found.files
    items = loading.load_files(files)
    next(items)
    assert len(reads) == 3  # the third file passes 2,500 bytes; parsing starts there
    assert len(list(items)) == 9


def test_a_file_larger_than_its_size_said_is_read_whole(tmp_path, monkeypatch):
    # /proc files say 0 bytes, and a file may grow between fstat and read.
    text = "Headline here\n\n" + "Body text. " * 500
    path = write(tmp_path / "grown.txt", text)
    real_fstat = os.fstat

    def fstat(descriptor):
        info = list(real_fstat(descriptor))
        info[6] = 0  # st_size
        return os.stat_result(info)

    monkeypatch.setattr(raw, "_CHUNK", 1000)
    monkeypatch.setattr(loading.os, "fstat", fstat)
    result = read_one(path)
    assert result.articles[0].text == text
    assert result.problems == []
    monkeypatch.setattr(loading, "MAX_BYTES", 2500)
    (article,) = read_one(path).articles
    assert article.text == text[:2500]
    assert article.notes[0].startswith("truncated")


def test_a_folder_named_like_an_article_is_not_read(tmp_path):
    folder = tmp_path / "looks.txt"
    folder.mkdir()
    assert read_one(folder).problems == [Problem(folder, "is a folder")]


def test_page_and_json_readers_are_imported_only_when_needed():
    code = (
        "import sys, tui.core.reading.loading\n"
        "print([m for m in ('tui.core.reading.formats.html', 'tui.core.reading.formats.jsonl', 'trafilatura')"
        " if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --- what is not an article, and paths that refuse every question --------------------


@pytest.mark.parametrize(
    "name",
    [
        "README.md",
        "readme.txt",
        "README_en.md",
        "LICENSE.txt",
        "LICENSE-MIT.md",
        "CHANGELOG.md",
        "CONTRIBUTING.md",
        "AUTHORS.txt",
        "requirements.txt",
        "package.json",
        "mixed_folder.README.md",
    ],
)
def test_repository_files_beside_the_articles_are_skipped_with_a_note(tmp_path, name):
    write(tmp_path / "story.txt", "Headline here\n\nBody text of the story.")
    write(tmp_path / name, "# Notes\n\nThese files were downloaded on Monday.")
    result = load_paths([tmp_path])
    assert [a.path.name for a in result.articles] == ["story.txt"]
    ((path, reason),) = [(p.path.name, p.reason) for p in result.problems]
    assert path == name
    assert reason.startswith("skipped: not an article (")
    found = find_files([tmp_path])
    assert [p.name for p in found.files] == ["story.txt"]
    assert [p.path.name for p in found.problems] == [name]


def test_a_read_me_named_on_the_command_line_is_skipped_too(tmp_path):
    # ``storyreader list folder/*`` names it as directly as the articles.
    readme = write(tmp_path / "README.md", "# About this folder\n\nArticles saved in May.")
    assert reasons(load_paths([readme])) == {"README.md": "skipped: not an article (README file)"}


@pytest.mark.parametrize("name", ["license-plate-scandal.txt", "history-of-minsk.md", "news.txt"])
def test_articles_whose_names_merely_start_alike_are_read(tmp_path, name):
    path = write(tmp_path / name, "Headline here\n\nBody text of the story.")
    assert [a.path.name for a in load_paths([path]).articles] == [name]


def test_a_doubled_extension_is_not_part_of_the_label(tmp_path):
    article = load_paths([write(tmp_path / "4_L.txt.txt", "Body text, no outlet.")]).articles[0]
    assert article.outlet == "4_L"
    assert article.name == "4_L.txt.txt"


def refuse_search(monkeypatch, folder: Path) -> None:
    """Make every question about a path inside ``folder`` fail, as a folder without search
    (``x``) permission does for anyone but root: stat, open and listing alike."""
    inside = os.fspath(folder) + os.sep
    real_stat, real_open, real_lstat = os.stat, os.open, os.lstat

    def check(path) -> None:
        if isinstance(path, (str, os.PathLike)) and os.fspath(path).startswith(inside):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))

    def stat_(path, *args, **kwargs):
        check(path)
        return real_stat(path, *args, **kwargs)

    def lstat_(path, *args, **kwargs):
        check(path)
        return real_lstat(path, *args, **kwargs)

    def open_(path, *args, **kwargs):
        check(path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_)
    monkeypatch.setattr(os, "lstat", lstat_)
    monkeypatch.setattr(os, "open", open_)


def test_a_file_in_a_folder_without_search_permission_is_a_problem_not_a_crash(
    tmp_path, monkeypatch
):
    closed = tmp_path / "noexec"
    inside = write(closed / "inside.txt", "Headline\n\nBody.")
    good = write(tmp_path / "good.txt", "Headline here\n\nBody text.")
    refuse_search(monkeypatch, closed)
    for load in (load_paths, lambda paths: _as_result(iter_load(paths))):
        result = load([inside, closed / "sub", good])
        assert [a.path.name for a in result.articles] == ["good.txt"]
        assert result.problems == [
            Problem(inside, "permission denied"),
            Problem(closed / "sub", "permission denied"),
        ]
    found = find_files([inside, good])
    assert found.files == [good]
    assert found.problems == [Problem(inside, "permission denied")]


def _as_result(items) -> loading.LoadResult:
    result = loading.LoadResult()
    for item in items:
        result.add(item)
    return result


def test_an_entry_whose_type_cannot_be_asked_is_a_problem(tmp_path, monkeypatch):
    write(tmp_path / "good.txt", "Headline here\n\nBody text.")
    write(tmp_path / "odd.txt", "Headline here\n\nBody text.")
    real_scandir = os.scandir

    class Entry:
        def __init__(self, entry):
            self._entry = entry
            self.name = entry.name

        def is_symlink(self):
            if self.name == "odd.txt":
                raise PermissionError(errno.EACCES, "Permission denied")
            return self._entry.is_symlink()

        def __getattr__(self, attribute):
            return getattr(self._entry, attribute)

    class Listing:
        def __init__(self, path):
            self._scan = real_scandir(path)

        def __enter__(self):
            return (Entry(entry) for entry in self._scan)

        def __exit__(self, *exc):
            self._scan.close()

    monkeypatch.setattr(loading.os, "scandir", Listing)
    result = load_paths([tmp_path])
    assert [a.path.name for a in result.articles] == ["good.txt"]
    assert reasons(result) == {"odd.txt": "permission denied"}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Putin — who said it — won't stay", 6),
        ("The F.B.I. paid $1.5 billion to a co-op.", 8),
        ("It ended in Moscow.Lukashenko thanked him.", 7),
        ("Talks | Europe - Live", 3),
        ("市議会は予算案を可決した。", 12),
        ("러시아 대통령은 월요일", 3),
        ("", 0),
    ],
)
def test_words_are_counted_as_a_reader_counts_them(text, words):
    assert count_words(text) == words
