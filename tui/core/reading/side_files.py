"""Side files: what the user states about articles whose text does not say it.

Articles are read-only, and many do not name their outlet (a folder of plain text
copied from five sites). A side file beside them says it instead, one row per file
name or glob pattern:

```csv
file,outlet,date,url
2_L.txt,The New York Times,2018-04-20,https://www.nytimes.com/...
reuters-*.txt,Reuters
```

or the same as JSON: an object of patterns (``{"2_L.txt": {"outlet": "The New York
Times"}}``) or a list of objects with a ``file`` key. Fields: `FIELDS` (unknown
columns are ignored, so a labels file with a ``story`` column works as it is).

- Found by name beside the articles (`NAMES`: ``storyreader.csv`` or
  ``storyreader.json``) in any folder walked, for the files in that folder and
  below; or named by the user (``--meta FILE``), for every file read.
- A pattern without ``/`` matches a file's name in any folder below the side file
  (``*.txt``, ``2_L.txt``); with ``/`` it matches the path from the side file's
  folder (``nyt/*.txt``). ``*``, ``?`` and ``[...]`` as in the shell, case counts.
- Where several rows match one file, a later row wins, field by field (as in
  ``.gitattributes``); a side file nearer the file wins over one further up, and the
  one the user names wins over both.
- What a side file states wins over everything read from the file (front matter,
  JSON fields, page metadata): it is the user's word about the file.

A side file is never an article, is never written, and a bad row is one problem.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from tui.core.reading.decoding import NotTextError, decode
from tui.core.reading.problems import Problem
from tui.core.text.safe import one_line

NAMES = frozenset(("storyreader.csv", "storyreader.json"))
"""Names of the side files found beside the articles."""
FIELDS = ("outlet", "date", "url", "title", "byline", "agency")
"""What a side file may state for a file; other columns or keys are ignored."""
PATTERN_KEYS = ("file", "name", "path", "pattern", "filename")
"""Column (or key) that holds the file name or pattern; the first one present is used."""
MAX_BYTES = 8 * 1024 * 1024
"""A side file is read up to this size: a row per article is far less."""
MAX_PROBLEMS = 5
"""Bad rows reported one by one; the rest are counted in one more problem."""


class Rule(NamedTuple):
    """One row: the pattern it matches and the fields it states."""

    pattern: str
    fields: dict[str, str]


class SideFile(NamedTuple):
    """One side file's rows, and the folder its patterns start from."""

    folder: Path
    rules: tuple[Rule, ...]

    def stated(self, path: Path) -> dict[str, str]:
        """The fields the rows matching ``path`` state (a later row wins, field by field)."""
        import fnmatch  # deferred, as the modules below: most folders have no side file

        found: dict[str, str] = {}
        relative: str | None = None
        for pattern, fields in self.rules:
            if "/" in pattern:
                if relative is None:
                    relative = _relative(path, self.folder)
                hit = relative is not None and fnmatch.fnmatchcase(relative, pattern.lstrip("/"))
            else:
                hit = fnmatch.fnmatchcase(path.name, pattern)
            if hit:
                found.update(fields)
        return found


def read_side_file(path: Path) -> tuple[SideFile | None, list[Problem]]:
    """The rows of the side file at ``path``, and a problem for each bad one (or the file)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return None, [Problem(path, f"side file cannot be read ({_plain(error)})")]
    if len(data) > MAX_BYTES:
        return None, [Problem(path, "side file larger than 8 MB, not read")]
    try:
        text = decode(data).text
    except NotTextError as error:
        return None, [Problem(path, f"side file is not text ({error})")]
    if path.suffix.lower() == ".json":
        rows, problems = _json_rows(path, text)
    else:
        rows, problems = _csv_rows(path, text)
    rules: list[Rule] = []
    for label, row in rows:
        rule = _rule(row)
        if isinstance(rule, str):
            problems.append(Problem(path, f"side file {label}: {rule}"))
        elif rule.fields:  # a row that states nothing (a labels file's other columns) is no rule
            rules.append(rule)
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        problems = [*problems[:MAX_PROBLEMS], Problem(path, f"side file: {more} more bad rows")]
    return SideFile(path.parent, tuple(rules)), problems


class SideFiles:
    """The side files of one load: the one the user named, and those met while walking."""

    def __init__(self, named: SideFile | None = None) -> None:
        self._named = named
        self._by_folder: dict[Path, SideFile] = {}

    def add(self, side: SideFile) -> None:
        """Apply ``side`` to the files in its folder and below."""
        self._by_folder[side.folder] = side

    def knows(self, folder: Path) -> bool:
        """True when ``folder``'s side file (or its absence) is already known."""
        return folder in self._by_folder

    def stated(self, path: Path) -> dict[str, str] | None:
        """What the side files state for ``path`` (nearest first, the named one last)."""
        if not self._by_folder and self._named is None:
            return None
        layers = [side for folder in path.parents if (side := self._by_folder.get(folder))]
        found: dict[str, str] = {}
        for side in reversed(layers):  # the farthest first, so the nearest wins
            found.update(side.stated(path))
        if self._named is not None:
            found.update(self._named.stated(path))
        return found or None


def _relative(path: Path, folder: Path) -> str | None:
    """``path`` from ``folder``, with ``/``, or ``None`` when it is not below it."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(folder)).as_posix()
    except ValueError:
        return None


def _csv_rows(path: Path, text: str) -> tuple[list[tuple[str, dict[str, Any]]], list[Problem]]:
    """The rows of a CSV side file by their line, keyed by its header (case ignored)."""
    import csv
    import io

    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        if not any(key in header for key in PATTERN_KEYS):
            return [], [Problem(path, 'side file has no "file" column in its first row')]
        return [
            (f"line {reader.line_num}", dict(zip(header, row, strict=False)))
            for row in reader
            if any(cell.strip() for cell in row)
        ], []
    except csv.Error as error:
        return [], [Problem(path, f"side file is not valid CSV ({_plain(error)})")]


def _json_rows(path: Path, text: str) -> tuple[list[tuple[str, dict[str, Any]]], list[Problem]]:
    """The rows of a JSON side file: ``{pattern: {fields}}`` or ``[{"file": ..., ...}]``."""
    import json

    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return [], [Problem(path, "side file is not valid JSON")]
    if isinstance(value, Mapping):
        return [
            (f"entry {one_line(str(key))[:40]!r}", {"file": key, **fields})
            if isinstance(fields, Mapping)
            else (f"entry {one_line(str(key))[:40]!r}", {})
            for key, fields in value.items()
        ], []
    if isinstance(value, list):
        return [
            (f"item {n}", dict(item) if isinstance(item, Mapping) else {})
            for n, item in enumerate(value, 1)
        ], []
    return [], [Problem(path, "side file holds neither an object nor a list")]


def _rule(row: Mapping[str, Any]) -> Rule | str:
    """The row as a rule, or what is wrong with it."""
    lowered = {str(key).strip().lower(): value for key, value in row.items()}
    pattern = next((lowered[key] for key in PATTERN_KEYS if key in lowered), None)
    if not isinstance(pattern, str) or not pattern.strip():
        return "no file name or pattern"
    fields = {
        key: value.strip()
        for key in FIELDS
        if isinstance(value := lowered.get(key), str) and value.strip()
    }
    return Rule(pattern.strip().replace(os.sep, "/"), fields)


def _plain(error: Exception) -> str:
    return one_line(str(getattr(error, "strerror", None) or error)).lower()
