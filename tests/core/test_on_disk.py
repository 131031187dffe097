"""Texts left on disk: a folder's texts are not all held, and each reads back as it was loaded."""

from __future__ import annotations

import gc
import json
import pickle
import tracemalloc
from pathlib import Path

import pytest

from tui.core.reading import loading
from tui.core.reading.loading import load_paths
from tui.core.reading.on_disk import CHANGED, CHANGED_REASON, KEPT, changed_files
from tui.core.reading.problems import Problem
from tui.core.reports.listing import format_listing

HEADLINE = "Harbour pilots end strike after pay deal with port authority"
PARAGRAPH = (
    "The pilots who guide container ships into the harbour returned to work on Tuesday "
    "after their union accepted a pay offer of 4.5 per cent, ending a stoppage that had "
    "left 23 vessels waiting at anchor. “We never wanted to stop the port,” said the "
    "union's secretary, Maria Lindqvist. "
)


def article_text(number: int) -> str:
    """A realistic article of about 8 KB, different for each ``number``."""
    body = "\n\n".join(f"{PARAGRAPH}Update {number}.{line}." for line in range(20))
    return f"{HEADLINE} ({number})\n\nBy Staff Reporter\n\n{body}\n"


def write_folder(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{number:04d}.txt" for number in range(count)]
    for number, path in enumerate(paths):
        path.write_text(article_text(number), encoding="utf-8")
    return paths


def test_a_loaded_folder_holds_far_less_than_its_texts(tmp_path: Path) -> None:
    write_folder(tmp_path, 300)
    texts = sum(len(article_text(number)) for number in range(300))
    load_paths([tmp_path])  # once before measuring: what the first load imports is not held
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        articles = load_paths([tmp_path]).articles
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(articles) == 300
    assert held < texts / 4, f"{held:,} bytes held for {texts:,} characters of text"


def test_every_text_reads_back_as_open_reads_the_file(tmp_path: Path) -> None:
    paths = write_folder(tmp_path, KEPT + 20)  # more than are kept: most are read again
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"Ferry service resumes\r\n\r\nBoats sail again,\r said the operator.\r\n")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(
        "Café owners protest rent rise\n\nThe café’s owner spoke.\n".encode("cp1252")
    )
    articles = load_paths([tmp_path]).articles
    assert [a.path for a in articles] == sorted([*paths, crlf, legacy])
    for _ in range(2):  # once from the files, once more: the same every time
        for article in articles:
            with article.path.open(encoding=article.encoding) as handle:
                assert article.text == handle.read()
            assert article.chars == len(article.text)
            assert article.text[article.body :].strip()


def test_word_counts_and_listing_are_those_of_the_text(tmp_path: Path) -> None:
    write_folder(tmp_path, 5)
    articles = load_paths([tmp_path]).articles
    assert [a.words for a in articles] == [len(article_text(n).split()) for n in range(5)]
    listed = json.loads(format_listing(articles, "json"))
    assert [(row["words"], row["chars"]) for row in listed] == [
        (len(article_text(n).split()), len(article_text(n))) for n in range(5)
    ]


def test_a_file_changed_after_loading_says_so_at_the_same_length(tmp_path: Path) -> None:
    path = write_folder(tmp_path, 1)[0]
    article = load_paths([tmp_path]).articles[0]
    path.write_text(article_text(1), encoding="utf-8")  # the same length, other words
    text = article.text
    assert len(text) == article.chars
    assert text.startswith(CHANGED)
    assert not text[len(CHANGED) :].strip()
    assert path.read_text(encoding="utf-8") == article_text(1)  # the file left as it is


def test_a_changed_file_is_a_problem_once_its_text_is_asked_for(tmp_path: Path) -> None:
    path = write_folder(tmp_path, 1)[0]
    article = load_paths([tmp_path]).articles[0]
    loaded = {(article.path, article.sha256)}
    path.write_text(article_text(2), encoding="utf-8")
    assert changed_files(loaded) == []  # nothing read again yet: nothing known
    assert article.text.startswith(CHANGED)
    assert changed_files(loaded) == [Problem(path, CHANGED_REASON)]
    again = load_paths([tmp_path]).articles[0]  # loaded as it is now: no problem
    assert again.text == article_text(2)
    assert changed_files({(again.path, again.sha256)}) == []


def test_a_file_deleted_or_shortened_after_loading_never_gives_a_shorter_text(
    tmp_path: Path,
) -> None:
    first, second = write_folder(tmp_path, 2)
    articles = load_paths([tmp_path]).articles
    first.unlink()
    second.write_text("Short.", encoding="utf-8")
    for article in articles:
        assert article.text.startswith(CHANGED)
        assert len(article.text) == article.chars


def test_a_text_once_read_stays_the_text_that_was_loaded(tmp_path: Path) -> None:
    path = write_folder(tmp_path, 1)[0]
    article = load_paths([tmp_path]).articles[0]
    loaded = article.text
    path.write_text("Something else entirely.\n", encoding="utf-8")
    assert article.text == loaded == article_text(0)


def test_a_truncated_file_reads_back_cut_where_it_was_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "MAX_BYTES", 1000)
    path = write_folder(tmp_path, 1)[0]
    article = load_paths([path]).articles[0]
    monkeypatch.undo()  # read again with the usual limit: still the first 1,000 bytes
    assert article.text == article_text(0).encode()[:1000].decode()
    assert any(note.startswith("truncated") for note in article.notes)


def test_a_pickled_article_carries_its_text(tmp_path: Path) -> None:
    """What a child process is sent: it need not read the file (which may be gone)."""
    path = write_folder(tmp_path, 1)[0]
    article = load_paths([path]).articles[0]
    data = pickle.dumps(article)
    path.unlink()
    copy = pickle.loads(data)
    assert copy.text == article_text(0)
    assert (copy.title, copy.outlet, copy.sha256, copy.body) == (
        article.title,
        article.outlet,
        article.sha256,
        article.body,
    )


def test_articles_loaded_twice_are_equal_and_a_changed_copy_is_not(tmp_path: Path) -> None:
    write_folder(tmp_path, 2)
    first, second = load_paths([tmp_path]).articles, load_paths([tmp_path]).articles
    assert first == second
    assert len({*first, *second}) == 2
    moved = first[0].replace(outlet="Harbour Gazette")
    assert moved != first[0]
    assert moved.outlet == "Harbour Gazette"
    assert moved.text == first[0].text
    with pytest.raises(AttributeError):
        first[0].outlet = "x"  # type: ignore[misc]
