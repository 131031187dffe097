"""What the app remembers between runs, applied at start and saved as it changes.

The settings file itself (where, what, how a broken one is kept) is `tui.app.config`;
this is the app's side: one `Remembered` per run, read before the first frame,
written each time the user changes a setting (the theme, the library's order, the
library pane, the compare tiers, the folder opened). A file that could not be used is
reported once in a notification naming it, and never written over.

``--no-config`` or ``STORYREADER_NO_CONFIG=1`` start with the defaults and write
nothing (`SettingsFile` with no path).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from textual.app import App

from tui.app.config import Settings, SettingsFile

NO_CONFIG_ENV = "STORYREADER_NO_CONFIG"
"""Set to ``1`` (or any value but ``0`` and empty), the app reads and writes no settings."""


def settings_file(
    no_config: bool = False, environ: Mapping[str, str] | None = None
) -> SettingsFile:
    """The run's settings file: the platform's, or none with ``--no-config`` or the variable."""
    named = (os.environ if environ is None else environ).get(NO_CONFIG_ENV, "")
    if no_config or named not in ("", "0"):
        return SettingsFile(None)
    return SettingsFile.default(environ)


class Remembered:
    """The settings of one run: as read at start, then as the user changes them."""

    def __init__(self, file: SettingsFile) -> None:
        self.file = file
        loaded = file.load()
        self.settings: Settings = loaded.settings
        """The settings now."""
        self.problems: list[str] = list(loaded.problems)
        """What the user should be told about the file, not yet told."""
        self._told: set[str] = set()

    def change(self, **values: Any) -> None:
        """Take new values (fields of `Settings`) and save them if anything changed."""
        changed = dataclasses.replace(self.settings, **values)
        if changed == self.settings:
            return
        self.settings = changed
        problem = self.file.save(changed)
        if problem is not None and problem not in self._told:
            self.problems.append(problem)

    def untold(self) -> list[str]:
        """The problems not told yet, each told once: from now on they count as told."""
        lines = [line for line in self.problems if line not in self._told]
        self._told.update(lines)
        self.problems.clear()
        return lines


@runtime_checkable
class _Remembers(Protocol):
    """An app that remembers its settings (ours)."""

    remembered: Remembered


def remembered(app: App[Any]) -> Settings:
    """The app's settings now (the defaults for an app that keeps none)."""
    return app.remembered.settings if isinstance(app, _Remembers) else Settings()


def remember(app: App[Any], **values: Any) -> None:
    """Save new setting values for ``app``; any problem is told at once, once."""
    if not isinstance(app, _Remembers):
        return
    app.remembered.change(**values)
    tell(app)


def tell(app: App[Any]) -> None:
    """Notify the user of the settings file's problems not yet told."""
    if not isinstance(app, _Remembers):
        return
    for problem in app.remembered.untold():
        app.notify(problem, title="Settings", severity="warning", markup=False, timeout=10)


def folder_of(paths: list[Path]) -> Path | None:
    """The folder a run opened, to remember: its one folder named, else None."""
    if len(paths) != 1:
        return None
    try:
        path = paths[0].resolve()
        return path if path.is_dir() else None
    except (OSError, RuntimeError):
        return None
