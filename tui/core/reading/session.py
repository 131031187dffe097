"""One load of some paths: what the user said besides the paths, and what the load shares.

`Options` is what a caller passes (a side file, the name of a JSON text field);
a `Session` is one load's use of them: the side files met while walking, and the
spelling each outlet is shown in, so that ``HPO`` and ``hpo`` are one outlet.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from tui.core.metadata.extract import NO_OUTLET
from tui.core.metadata.outlets import Spellings
from tui.core.reading.articles import Article
from tui.core.reading.formats.raw import RawFile
from tui.core.reading.problems import Problem
from tui.core.reading.side_files import NAMES, SideFiles, read_side_file


class Options(NamedTuple):
    """What the user says about the paths, besides naming them (all optional)."""

    meta: Path | str | None = None
    """A side file (`tui.core.reading.side_files`) for every file read, besides those
    found beside the articles; it wins over them."""
    text_field: str | None = None
    """The field of a JSON or JSON Lines record that holds the article text, when it
    is none of the common names (a dotted path reaches into nested objects)."""


class Session:
    """One load: its options, the side files met so far, and the outlets' spellings."""

    def __init__(self, options: Options | None = None) -> None:
        options = options or Options()
        named, self.problems = (
            read_side_file(Path(options.meta)) if options.meta is not None else (None, [])
        )
        self.text_field = options.text_field
        self._sides = SideFiles(named)
        self._looked: set[Path] = set()
        self._spellings = Spellings()

    def look_in(self, folder: Path, names: Iterable[str]) -> list[Problem]:
        """Read the side files among ``names``, the entries of ``folder``; their problems."""
        self._looked.add(folder)
        problems: list[Problem] = []
        for name in sorted(set(names) & NAMES):
            side, bad = read_side_file(folder / name)
            problems.extend(bad)
            if side is not None:
                self._sides.add(side)
        return problems

    def look_beside(self, path: Path) -> list[Problem]:
        """Read the side files in the folder of ``path`` (a file named directly), once."""
        folder = path.parent
        if folder in self._looked:
            return []
        return self.look_in(folder, [name for name in NAMES if _is_file(folder / name)])

    def given(self, raw: RawFile) -> RawFile:
        """``raw`` with what the user states for its file, and the text field named."""
        stated = self._sides.stated(raw.path)
        if stated is None and self.text_field is None:
            return raw  # the common case: nothing to add
        return raw._replace(stated=stated, text_field=self.text_field)

    def spelt(self, articles: list[Article]) -> list[Article]:
        """``articles`` with each outlet in the spelling this load met first.

        A file-name fallback is not an outlet's name and is left alone.
        """
        for index, article in enumerate(articles):
            if NO_OUTLET in article.notes:
                continue
            spelling = self._spellings.spell(article.outlet)
            if spelling != article.outlet:
                articles[index] = article.replace(outlet=spelling)
        return articles


def is_side_file(name: str) -> bool:
    """True for a side file's name: read as one, never as an article."""
    return name in NAMES


def _is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
