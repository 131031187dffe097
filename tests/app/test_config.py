"""The settings file: read back what was saved, report what cannot be used, never lose a user's file."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import platformdirs
import pytest

import tui.app.config
from tui.app.config import (
    CONFIG_DIR_ENV,
    FILE_NAME,
    MAX_BYTES,
    SORT_ORDERS,
    TIER_NAMES,
    Settings,
    SettingsFile,
    config_dir,
)
from tui.app.widgets.article_list import SORTS
from tui.core.alignment.tiers import TIERS

CHOSEN = Settings(
    theme="nord",
    last_folder=Path("/home/reader/news/belarus"),
    sort="date",
    hidden_tiers=frozenset({"paraphrase", "quote"}),
    show_library=False,
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The settings folder, pointed at a temporary one as a user would with the variable."""
    where = tmp_path / "config"
    monkeypatch.setenv(CONFIG_DIR_ENV, str(where))
    return where


def test_the_variable_names_the_folder(folder: Path) -> None:
    assert SettingsFile.default().path == folder / FILE_NAME


def test_without_the_variable_the_platforms_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CONFIG_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    expected = Path(platformdirs.user_config_dir("storyreader", appauthor=False))
    assert config_dir() == expected
    assert config_dir({CONFIG_DIR_ENV: ""}) == expected
    if os.name == "posix" and "darwin" not in os.uname().sysname.lower():
        assert expected == tmp_path / "xdg" / "storyreader"


def test_a_first_run_has_the_defaults_and_nothing_to_report(folder: Path) -> None:
    loaded = SettingsFile.default().load()
    assert loaded.settings == Settings()
    assert loaded.problems == ()
    assert not folder.exists()  # reading creates nothing


def test_what_was_saved_is_read_back(folder: Path) -> None:
    assert SettingsFile.default().save(CHOSEN) is None
    assert sorted(p.name for p in folder.iterdir()) == [FILE_NAME]  # no temporary file left
    assert SettingsFile.default().load().settings == CHOSEN
    assert SettingsFile.default().save(Settings()) is None
    assert SettingsFile.default().load().settings == Settings()


def test_the_file_is_documented_toml_a_person_can_edit(folder: Path) -> None:
    SettingsFile.default().save(CHOSEN)
    text = (folder / FILE_NAME).read_text(encoding="utf-8")
    assert text.startswith("# storyreader settings")
    assert "file, date, outlet, length" in text and "copy, edit, quote, paraphrase" in text
    assert tomllib.loads(text) == {
        "theme": "nord",
        "last_folder": "/home/reader/news/belarus",
        "sort": "date",
        "hidden_tiers": ["quote", "paraphrase"],
        "show_library": False,
    }
    edited = text.replace('sort = "date"', 'sort = "outlet"')
    (folder / FILE_NAME).write_text(edited, encoding="utf-8")
    assert SettingsFile.default().load().settings.sort == "outlet"


def test_the_documented_example_reads_as_it_says() -> None:
    doc = tui.app.config.__doc__ or ""
    example = doc.split("::\n", 1)[1].split("\n\n", 1)[0]
    settings, problems = tui.app.config._parse(tomllib.loads(example))
    assert problems == []
    assert settings == Settings(
        theme="nord",
        last_folder=Path("/home/me/news"),
        sort="date",
        hidden_tiers=frozenset({"paraphrase"}),
        show_library=True,
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'theme = "nord"\nsort = [\n', "not valid TOML"),
        (b'theme = "caf\xe9"\n', "not UTF-8 text"),
        (b"#" * (MAX_BYTES + 1), "larger than 64 KB"),
    ],
    ids=["broken-toml", "latin-1", "huge"],
)
def test_an_unreadable_file_is_reported_ignored_and_kept(
    folder: Path, content: bytes, reason: str
) -> None:
    folder.mkdir()
    (folder / FILE_NAME).write_bytes(content)
    store = SettingsFile.default()
    loaded = store.load()
    assert loaded.settings == Settings()
    (problem,) = loaded.problems
    assert str(folder / FILE_NAME) in problem and reason in problem
    assert "settings not saved" in (store.save(CHOSEN) or "")
    assert (folder / FILE_NAME).read_bytes() == content


def test_a_folder_or_a_pipe_in_its_place_is_reported_and_never_read(folder: Path) -> None:
    folder.mkdir()
    (folder / FILE_NAME).mkdir()
    (problem,) = SettingsFile.default().load().problems
    assert "not a regular file" in problem
    (folder / FILE_NAME).rmdir()
    os.mkfifo(folder / FILE_NAME)  # reading it would wait forever
    (problem,) = SettingsFile.default().load().problems
    assert "not a regular file" in problem


def test_each_value_it_cannot_use_is_reported_and_the_rest_kept(folder: Path) -> None:
    folder.mkdir()
    written = (
        'theme = 3\nlast_folder = "/news"\nsort = "size"\n'
        'hidden_tiers = ["copy", "gossip"]\nshow_library = "yes"\ncolour = "red"\n'
    )
    (folder / FILE_NAME).write_text(written, encoding="utf-8")
    store = SettingsFile.default()
    loaded = store.load()
    assert loaded.settings == Settings(last_folder=Path("/news"))
    assert [problem.split(": ", 1)[1] for problem in loaded.problems] == [
        "theme must be the name of a theme; ignored",
        "sort must be one of file, date, outlet, length; ignored",
        "hidden_tiers must be a list of copy, edit, quote, paraphrase; ignored",
        "show_library must be true or false; ignored",
        "unknown setting 'colour' ignored",
    ]
    assert store.save(CHOSEN) is not None
    assert (folder / FILE_NAME).read_text(encoding="utf-8") == written


def test_a_theme_name_a_terminal_would_obey_is_refused(folder: Path) -> None:
    folder.mkdir()
    (folder / FILE_NAME).write_text('theme = "nord\\u001b]0;owned\\u0007"\n', encoding="utf-8")
    loaded = SettingsFile.default().load()
    assert loaded.settings.theme is None
    assert "\x1b" not in "".join(loaded.problems)


def test_folder_names_of_any_characters_survive_the_file(folder: Path) -> None:
    odd = Path('/news/"quoted" back\\slash\ttab\x1b[31m \u202eevil 中文')
    assert SettingsFile.default().save(Settings(last_folder=odd)) is None
    text = (folder / FILE_NAME).read_text(encoding="utf-8")
    assert "\x1b" not in text and "\u202e" not in text  # escaped: the file is safe to cat
    assert SettingsFile.default().load().settings.last_folder == odd


def test_a_folder_name_toml_cannot_hold_is_not_remembered(folder: Path) -> None:
    undecodable = Path(os.fsdecode(b"/news/caf\xe9"))
    assert SettingsFile.default().save(Settings(last_folder=undecodable, sort="date")) is None
    assert SettingsFile.default().load().settings == Settings(sort="date")


def test_a_settings_file_that_cannot_be_written_says_why(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    problem = SettingsFile(blocker / FILE_NAME).save(CHOSEN)
    assert problem is not None and problem.startswith(f"cannot save settings to {blocker}")
    assert blocker.read_text(encoding="utf-8") == ""


def test_no_config_reads_nothing_and_writes_nothing(folder: Path) -> None:
    SettingsFile.default().save(CHOSEN)
    before = (folder / FILE_NAME).read_bytes()
    store = SettingsFile(None)
    assert store.load().settings == Settings()
    assert store.save(Settings(sort="length")) is None
    assert (folder / FILE_NAME).read_bytes() == before


def test_the_names_it_accepts_are_the_apps() -> None:
    assert tuple(SORTS) == SORT_ORDERS
    assert TIERS == TIER_NAMES
