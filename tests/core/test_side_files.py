"""Side files: outlets, dates and addresses the user states beside articles that do not say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.reading.loading import find_files, iter_load, load_files, load_paths
from tui.core.reading.problems import Problem
from tui.core.reading.session import Options

BODY = "The council met on Monday and agreed the budget after a long debate.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def folder_of(tmp_path: Path, *names: str) -> Path:
    for name in names:
        write(tmp_path / name, f"Budget agreed after long debate\n\n{BODY}")
    return tmp_path


def outlets(result) -> dict[str, str]:
    return {a.path.relative_to(a.path.parents[1]).as_posix(): a.outlet for a in result.articles}


def test_a_csv_beside_the_articles_names_outlet_date_and_address(tmp_path):
    folder = folder_of(tmp_path / "story", "2_L.txt", "2_M.txt", "wire-1.txt", "wire-2.txt")
    write(
        folder / "storyreader.csv",
        "file,outlet,date,url\n"
        "2_L.txt,The New York Times,2018-04-20,https://www.nytimes.com/2018/04/20/kim.html\n"
        '2_M.txt,USA Today,"April 21, 2018",\n'
        "wire-*.txt,Reuters,,\n",
    )
    result = load_paths([folder])
    assert result.problems == []
    by_name = {a.path.name: a for a in result.articles}
    assert [*by_name] == ["2_L.txt", "2_M.txt", "wire-1.txt", "wire-2.txt"]  # not itself
    nyt = by_name["2_L.txt"]
    assert (nyt.outlet, nyt.date, nyt.url) == (
        "The New York Times",
        "2018-04-20",
        "https://www.nytimes.com/2018/04/20/kim.html",
    )
    assert nyt.notes == ()  # the fallback note is gone with the fallback
    assert (by_name["2_M.txt"].outlet, by_name["2_M.txt"].date) == ("USA Today", "2018-04-21")
    assert {by_name[n].outlet for n in ("wire-1.txt", "wire-2.txt")} == {"Reuters"}


def test_a_labels_file_passed_as_an_option_applies_to_every_file(tmp_path):
    folder = folder_of(tmp_path / "mixed", "a1.txt", "b2.txt", "c3.txt")
    labels = write(
        tmp_path / "mixed.labels.json",
        json.dumps(
            {"a1.txt": {"story": 1, "outlet": "Fox News"}, "b2.txt": {"outlet": "HuffPost"}}
        ),
    )
    result = load_paths([folder], Options(meta=labels))
    assert outlets(result) == {
        "mixed/a1.txt": "Fox News",
        "mixed/b2.txt": "HuffPost",
        "mixed/c3.txt": "c3",
    }


def test_later_rows_nearer_files_and_the_named_file_win(tmp_path):
    folder = folder_of(tmp_path / "top", "a.txt", "sub/b.txt", "sub/c.txt", "sub/d.txt")
    write(folder / "storyreader.csv", "file,outlet\n*.txt,Everyone\na.txt,First A\na.txt,Last A\n")
    write(folder / "sub" / "storyreader.json", json.dumps([{"file": "b.txt", "outlet": "Near B"}]))
    named = write(tmp_path / "mine.csv", "file,outlet\ntop/sub/c.txt,Named C\n")  # from its folder
    result = load_paths([folder], Options(meta=named))
    assert {a.path.name: a.outlet for a in result.articles} == {
        "a.txt": "Last A",
        "b.txt": "Near B",
        "c.txt": "Named C",
        "d.txt": "Everyone",
    }


def test_the_side_file_stated_wins_over_what_the_file_states(tmp_path):
    write(tmp_path / "a.md", f"---\noutlet: example daily\ndate: 2020-01-01\n---\n\n{BODY}")
    write(tmp_path / "storyreader.csv", "file;outlet\na.md;Example Daily\n")  # ; as many locales
    (article,) = load_paths([tmp_path]).articles
    assert (article.outlet, article.date) == ("Example Daily", "2020-01-01")


def test_a_file_named_directly_uses_the_side_file_beside_it(tmp_path):
    path = folder_of(tmp_path, "a.txt") / "a.txt"
    write(tmp_path / "storyreader.csv", "file,outlet\na.txt,Beside\n")
    assert [a.outlet for a in load_paths([path]).articles] == ["Beside"]
    assert [a.outlet for a in load_paths([tmp_path / "storyreader.csv", path]).articles] == [
        "Beside"
    ]


def test_the_app_path_reads_what_load_paths_reads(tmp_path):
    folder = folder_of(tmp_path, "a.txt", "b.txt")
    write(folder / "storyreader.csv", "file,outlet\nb.txt,Bee\n")
    found = find_files([folder])
    loaded = [
        a
        for _, r in load_files(found.files, folders=found.folders, session=found.session)
        for a in r.articles
    ]
    assert [a.outlet for a in loaded] == ["a", "Bee"]
    assert [a for a in iter_load([folder]) if not isinstance(a, Problem)] == load_paths(
        [folder]
    ).articles


@pytest.mark.parametrize(
    ("name", "text", "reasons"),
    [
        (
            "storyreader.csv",
            "outlet,date\nX,2020\n",
            ['side file has no "file" column in its first row'],
        ),
        (
            "storyreader.csv",
            "file,outlet\n,Nobody\n",
            ["side file line 2: no file name or pattern"],
        ),
        ("storyreader.json", "{not json", ["side file is not valid JSON"]),
        ("storyreader.json", "42", ["side file holds neither an object nor a list"]),
    ],
)
def test_a_bad_side_file_is_a_problem_and_the_articles_still_load(tmp_path, name, text, reasons):
    folder = folder_of(tmp_path, "a.txt")
    side = write(folder / name, text)
    result = load_paths([folder])
    assert [a.outlet for a in result.articles] == ["a"]
    assert result.problems == [Problem(side, reason) for reason in reasons]


def test_a_named_side_file_that_cannot_be_read_is_one_problem(tmp_path):
    folder = folder_of(tmp_path, "a.txt")
    result = load_paths([folder], Options(meta=tmp_path / "missing.csv"))
    assert [p.reason for p in result.problems] == [
        "side file cannot be read (no such file or directory)"
    ]
    assert len(result.articles) == 1
