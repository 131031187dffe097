"""The fixture folders read right: every headline, outlet, date, byline and agency, every problem.

``tests/fixtures/expected.json`` says what each article of ``folder/`` (a story folder
of four outlets in every format, used by the app's snapshots too), ``headlines/``
(how outlets set headlines, datelines and credits in plain text) and ``datasets/``
(JSON and JSON Lines as data sets ship them) must read as.
"""

from __future__ import annotations

import json

import pytest

from tests.paths import ROOT
from tui.core.reading.loading import find_files, load_files, load_paths

FIXTURES = ROOT / "tests" / "fixtures"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
FOLDERS = ("folder", "headlines", "datasets")
FIELDS = ("title", "outlet", "date", "byline", "agency")


def key(article) -> str:
    name = article.path.relative_to(FIXTURES).as_posix()
    return name if article.part is None else f"{name}:{article.part}"


@pytest.fixture(scope="module")
def loaded():
    return load_paths([FIXTURES / folder for folder in FOLDERS])


def test_every_article_and_only_those_are_read(loaded):
    assert sorted(key(a) for a in loaded.articles) == sorted(EXPECTED["articles"])


@pytest.mark.parametrize("name", sorted(EXPECTED["articles"]))
def test_each_article_reads_as_expected(loaded, name):
    (article,) = [a for a in loaded.articles if key(a) == name]
    assert {field: getattr(article, field) for field in FIELDS} == EXPECTED["articles"][name]


def test_every_problem_is_reported_once(loaded):
    found: dict[str, list[str]] = {}
    for problem in loaded.problems:
        found.setdefault(problem.path.relative_to(FIXTURES).as_posix(), []).append(problem.reason)
    assert found == EXPECTED["problems"]


def test_the_app_path_reads_the_same(loaded):
    found = find_files([FIXTURES / folder for folder in FOLDERS])
    results = load_files(found.files, folders=found.folders, session=found.session)
    assert [a for _, result in results for a in result.articles] == loaded.articles


def test_the_story_folder_is_what_the_snapshots_need():
    articles = load_paths([FIXTURES / "folder"]).articles
    outlets = {a.outlet for a in articles}
    suffixes = {a.path.suffix for a in articles}
    assert 8 <= len(articles) <= 12
    assert len(outlets) >= 4
    assert suffixes == {".txt", ".md", ".json", ".html"}
    assert any(a.encoding != "utf-8" for a in articles)
    assert max(len(a.title) for a in articles) > 100  # a long headline, for cutting on screen
