r"""What the app remembers between runs: a small settings file the user may edit or delete.

Where: ``settings.toml`` in the platform's config folder (``platformdirs``):
``~/.config/storyreader/`` on Linux (``$XDG_CONFIG_HOME`` if set),
``~/Library/Application Support/storyreader/`` on macOS,
``%LOCALAPPDATA%\storyreader\`` on Windows. The environment variable
``STORYREADER_CONFIG_DIR`` names another folder (the tests point it at a temporary
one); ``--no-config`` or ``STORYREADER_NO_CONFIG=1`` start with the defaults and
write nothing (`SettingsFile` with no path; `tui.app.remember` wires it into the app).

The file is TOML; every key is optional::

    theme = "nord"                  # a Textual theme (ctrl+p → change theme)
    last_folder = "/home/me/news"   # the folder opened last
    sort = "date"                   # library order: file, date, outlet or length
    hidden_tiers = ["paraphrase"]   # compare tiers hidden: copy, edit, quote, paraphrase
    show_library = true             # the library pane shown (l hides it)

A file that cannot be read (not a file, no permission, not UTF-8, not TOML), a key
storyreader does not know or a value it cannot use is reported (a line for the
user) and ignored: the app starts with the defaults for what was not understood,
and never writes over that file, so nothing the user wrote is lost; fixing or
deleting it lets the app save again. Writing replaces the file in one step (a
temporary file renamed over it), so a crash never leaves half a file.

Nothing here imports Textual or the alignment engine: the settings are read before
the first frame.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.text.safe import UNSAFE, one_line

CONFIG_DIR_ENV = "STORYREADER_CONFIG_DIR"
"""Environment variable naming the folder of the settings file instead of the platform's."""
FILE_NAME = "settings.toml"
"""The settings file's name in that folder."""
SORT_ORDERS = ("file", "date", "outlet", "length")
"""The library's orders (``ArticleList``'s ``SORTS``; a test keeps the two equal)."""
TIER_NAMES = ("copy", "edit", "quote", "paraphrase")
"""The link tiers (``tui.core.alignment.tiers.TIERS``, not imported: it loads the engine)."""
MAX_BYTES = 64 * 1024
"""A settings file larger than this is not read: it is not one storyreader wrote."""

_UNSAFE = re.compile(UNSAFE)
_HEADER = (
    "# storyreader settings, saved by the app when one changes.\n"
    "# Edit or delete this file freely: a value storyreader cannot use is reported,\n"
    "# ignored, and this file is then left as it is.\n"
)


@dataclass(frozen=True, slots=True)
class Settings:
    """What the app remembers."""

    theme: str | None = None
    """The Textual theme chosen last; ``None`` for the app's own."""
    last_folder: Path | None = None
    """The folder opened last; ``None`` when none was."""
    sort: str = "file"
    """The library's order, one of `SORT_ORDERS`."""
    hidden_tiers: frozenset[str] = field(default_factory=frozenset)
    """Tiers the compare screen hides, of `TIER_NAMES`."""
    show_library: bool = True
    """Whether the library pane is shown beside the reader."""


@dataclass(frozen=True, slots=True)
class Loaded:
    """The settings read, and what the user should be told about the file."""

    settings: Settings
    """What was understood, defaults for the rest."""
    problems: tuple[str, ...] = ()
    """One line per thing ignored, naming the file."""


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The folder of the settings file: ``STORYREADER_CONFIG_DIR`` or the platform's."""
    named = (os.environ if environ is None else environ).get(CONFIG_DIR_ENV, "")
    if named:
        return Path(named).expanduser()
    # Imported here: platformdirs looks at the platform when first imported.
    from platformdirs import user_config_dir

    return Path(user_config_dir("storyreader", appauthor=False))


class SettingsFile:
    """One settings file: read at startup, written when a setting changes.

    Once a read found something it could not use, the file is never written over.
    """

    def __init__(self, path: Path | None) -> None:
        """Use the file at ``path``; ``None`` reads nothing and writes nothing (``--no-config``)."""
        self.path = path
        self._writable = True

    @classmethod
    def default(cls, environ: Mapping[str, str] | None = None) -> SettingsFile:
        """The file in `config_dir`."""
        return cls(config_dir(environ) / FILE_NAME)

    def load(self) -> Loaded:
        """The settings in the file; defaults (and no problem) when there is no file yet."""
        path = self.path
        if path is None or not os.path.lexists(path):
            return Loaded(Settings())
        try:
            data = _read(path)
        except ValueError as error:
            self._writable = False
            return Loaded(Settings(), (f"{_shown(path)}: {error}; using the defaults",))
        settings, problems = _parse(data)
        if problems:
            self._writable = False
        return Loaded(settings, tuple(f"{_shown(path)}: {problem}" for problem in problems))

    def save(self, settings: Settings) -> str | None:
        """Write ``settings``; a line for the user when they could not be written."""
        path = self.path
        if path is None:
            return None
        if not self._writable:
            return f"settings not saved: {_shown(path)} has values storyreader cannot use"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".settings-")
        except OSError as error:
            return _not_saved(path, error)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(format_settings(settings))
            os.replace(temporary, path)
        except OSError as error:
            Path(temporary).unlink(missing_ok=True)
            return _not_saved(path, error)
        return None


def format_settings(settings: Settings) -> str:
    """The file's text for ``settings``: every key, with what it may hold."""
    lines = [_HEADER]
    if settings.theme is not None:
        lines.append(f"theme = {_toml_string(settings.theme)}  # a Textual theme\n")
    folder = _path_string(settings.last_folder)
    if folder is not None:
        lines.append(f"last_folder = {_toml_string(folder)}  # the folder opened last\n")
    lines.append(f"sort = {_toml_string(settings.sort)}  # {', '.join(SORT_ORDERS)}\n")
    hidden = ", ".join(_toml_string(tier) for tier in TIER_NAMES if tier in settings.hidden_tiers)
    lines.append(f"hidden_tiers = [{hidden}]  # of {', '.join(TIER_NAMES)}\n")
    lines.append(f"show_library = {'true' if settings.show_library else 'false'}\n")
    return "".join(lines)


def _read(path: Path) -> dict[str, Any]:
    """The file's TOML table.

    Raises:
        ValueError: Saying why it cannot be used (for the user).
    """
    if not path.is_file():
        raise ValueError("not a regular file")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise ValueError(f"cannot be read ({error.strerror or error})") from error
    if len(raw) > MAX_BYTES:
        raise ValueError(f"larger than {MAX_BYTES // 1024} KB")
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ValueError("not UTF-8 text") from error
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"not valid TOML ({one_line(str(error))})") from error


def _parse(data: Mapping[str, Any]) -> tuple[Settings, list[str]]:
    """The settings ``data`` holds, and a line per key or value ignored."""
    values: dict[str, Any] = {}
    problems = []
    for key, value in data.items():
        reason = None
        if key == "theme":
            if isinstance(value, str) and value.strip() and not _UNSAFE.search(value):
                values["theme"] = value
            else:
                reason = "must be the name of a theme"
        elif key == "last_folder":
            if isinstance(value, str) and value.strip():  # any name a folder may have
                values["last_folder"] = Path(value)
            else:
                reason = "must be a folder's path"
        elif key == "sort":
            if value in SORT_ORDERS:
                values["sort"] = value
            else:
                reason = f"must be one of {', '.join(SORT_ORDERS)}"
        elif key == "hidden_tiers":
            if isinstance(value, list) and all(tier in TIER_NAMES for tier in value):
                values["hidden_tiers"] = frozenset(value)
            else:
                reason = f"must be a list of {', '.join(TIER_NAMES)}"
        elif key == "show_library":
            if isinstance(value, bool):
                values["show_library"] = value
            else:
                reason = "must be true or false"
        else:
            problems.append(f"unknown setting {one_line(key)!r} ignored")
            continue
        if reason:
            problems.append(f"{key} {reason}; ignored")
    return Settings(**values), problems


def _toml_string(text: str) -> str:
    r"""A TOML basic string: quotes, backslashes, controls and `UNSAFE` characters escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04X}", escaped) + '"'


def _path_string(path: Path | None) -> str | None:
    """The path as text for the file, or ``None`` when TOML cannot hold it (undecodable bytes)."""
    if path is None:
        return None
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return text


def _not_saved(path: Path, error: OSError) -> str:
    return f"cannot save settings to {_shown(path)}: {error.strerror or error}"


def _shown(path: Path) -> str:
    """A path in a message: one line, nothing a terminal would obey."""
    return one_line(os.fsencode(path).decode("utf-8", "replace"))
