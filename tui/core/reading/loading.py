"""Finding article files under the paths the user gave, and reading them.

Folders are walked depth-first in sorted name order, so the library lists the same
files in the same order every time. Hidden files and folders (a leading ``.``) are
passed over inside folders, but open when named directly. Symbolic links are
followed; a link back to a folder being walked is reported as a loop, and a file or
folder reached twice is read once. Nothing is ever written, and a file is opened
non-blocking so that a named pipe cannot hang the walk.

Every file over `MAX_BYTES` is read only up to it; the article says so in its notes
and a `Problem` says so too. A single very long line is no special case: it is text,
and metadata only reads a bounded window at each end.

Three ways in, for three callers, each taking the same `Options` (a side file, a
JSON text field; `tui.core.reading.session`):

- `load_paths`: everything at once (the ``list`` and ``compare`` commands).
- `iter_load`: articles and problems one by one as files are read, the first
  article before the walk has finished.
- `find_files` then `load_files`: when a progress bar needs the total first (the
  app). One `load_files` generator over all the files, pulled from as far as the
  first screen needs and then by a worker, reads in batches and reports what
  `iter_load` reports, a folder whose files all failed included::

      found = find_files(paths, options)   # walk only; no article is opened
      problems = list(found.problems)      # skipped on the way, and empty folders
      for path, result in load_files(found.files, folders=found.folders, session=found.session):
          ...                              # one (path, LoadResult) per file, in order

Side files (``storyreader.csv`` or ``.json`` in a folder walked) are read when their
folder is listed, before its files, and are never articles. Outlets that differ
only in case are shown in the spelling the load met first (`Session.spelt`).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from tui.core.reading.articles import Article
from tui.core.reading.formats.raw import IRREGULAR, MAX_BYTES, RawFile, read_raw
from tui.core.reading.formats.text import read_text
from tui.core.reading.not_articles import not_an_article
from tui.core.reading.problems import Problem
from tui.core.reading.session import Options, Session, is_side_file

BATCH = 64
"""Files read before they are parsed: small enough that the first article comes at once."""
BATCH_BYTES = 8 * 1024 * 1024
"""A batch also ends once it holds this many bytes, so big files are not all held at once."""
NO_ARTICLES = "folder has no readable articles"
"""The reason given for a folder named by the user in which nothing could be read."""

FormatReader = Callable[[RawFile], list[Article | Problem]]
"""What reads one file format: a file's bytes to its articles and problems."""


def _read_html(raw: RawFile) -> list[Article | Problem]:
    # Imported on the first page met: startup pays for formats only when they are used.
    from tui.core.reading.formats.html import read_html

    return read_html(raw)


def _read_jsonl(raw: RawFile) -> list[Article | Problem]:
    from tui.core.reading.formats.jsonl import (
        read_jsonl,  # as for pages: json is not needed at startup
    )

    return read_jsonl(raw)


def _read_json(raw: RawFile) -> list[Article | Problem]:
    from tui.core.reading.formats.json import read_json

    return read_json(raw)


READERS: dict[str, FormatReader] = {
    ".txt": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".html": _read_html,
    ".htm": _read_html,
    ".jsonl": _read_jsonl,
    ".ndjson": _read_jsonl,
    ".json": _read_json,
}
"""The reader for each supported extension (lower case)."""


@dataclass(slots=True)
class LoadResult:
    """Everything read from some paths: the articles, and what could not be read."""

    articles: list[Article] = field(default_factory=list)
    """Articles in walk order (a JSON Lines file contributes one per line)."""
    problems: list[Problem] = field(default_factory=list)
    """Files and folders skipped or only partly read, each with its reason."""

    def add(self, item: Article | Problem) -> None:
        """File ``item`` under articles or problems."""
        if isinstance(item, Problem):
            self.problems.append(item)
        else:
            self.articles.append(item)


class Found(NamedTuple):
    """What `find_files` found: the files to read, and what was passed over on the way.

    A named tuple rather than a dataclass: this module is imported at startup, and
    building a dataclass costs about a millisecond.
    """

    files: list[Path]
    """Files to read, in walk order."""
    problems: list[Problem]
    """Paths skipped while walking, and folders named that hold no file to read."""
    folders: list[tuple[Path, int, int]]
    """Each folder named that holds files to read, with the span ``files[start:end]``
    found in it: `load_files` reports the folder when none of them gives an article."""
    session: Session
    """The load's options and the side files met on the walk, for `load_files`."""


class _Visited(NamedTuple):
    """Identities (device, inode) already walked, so nothing is read twice."""

    folders: set[tuple[int, int]]
    files: set[tuple[int, int]]


def load_paths(paths: Iterable[Path | str], options: Options | None = None) -> LoadResult:
    """Read every article under ``paths``; never raises for bad input.

    Args:
        paths: Files and folders, as the user named them.
        options: A side file to apply, the name of a JSON text field (`Options`).
    """
    result = LoadResult()
    for item in iter_load(paths, options):
        result.add(item)
    return result


def iter_load(
    paths: Iterable[Path | str], options: Options | None = None
) -> Iterator[Article | Problem]:
    """Articles and problems one at a time, in walk order, as files are read.

    Files are read `BATCH` at a time (see `load_files`). A folder that yields no
    article at all is reported once more, as a whole. ``options`` as for `load_paths`.
    """
    visited = _Visited(set(), set())
    session = Session(options)
    yield from session.problems
    for root in map(Path, paths):
        found = False
        for batch in _batches(_walk(root, visited, session)):
            if isinstance(batch, Problem):
                yield batch
                continue
            for _, result in load_files(batch, session=session):
                found = found or bool(result.articles)
                yield from result.articles
                yield from result.problems
        if not found and _is_folder(root):
            yield Problem(root, NO_ARTICLES)


def _batches(items: Iterator[Path | Problem]) -> Iterator[list[Path] | Problem]:
    """Paths gathered into lists of up to `BATCH`; problems passed on as they come."""
    batch: list[Path] = []
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        batch.append(item)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def find_files(paths: Iterable[Path | str], options: Options | None = None) -> Found:
    """The files to read under ``paths``, in walk order, and what was skipped on the way.

    Cheap (no article is opened; side files are read), so a caller can size a progress
    bar first, then read the files with `load_files`, passing `Found.folders` and
    `Found.session` along. ``options`` as for `load_paths`.
    """
    visited = _Visited(set(), set())
    session = Session(options)
    found = Found([], list(session.problems), [], session)
    for root in map(Path, paths):
        start = len(found.files)
        for item in _walk(root, visited, session):
            if isinstance(item, Problem):
                found.problems.append(item)
            else:
                found.files.append(item)
        end = len(found.files)
        if _is_folder(root):
            if end == start:
                found.problems.append(Problem(root, NO_ARTICLES))
            else:
                found.folders.append((root, start, end))
    return found


def load_files(
    paths: Sequence[Path],
    *,
    folders: Iterable[tuple[Path, int, int]] = (),
    session: Session | None = None,
) -> Iterator[tuple[Path, LoadResult]]:
    """The articles (several for JSON Lines) or problems of each path, in order, read in batches.

    A batch is `BATCH` files, or fewer once it holds `BATCH_BYTES`. Reading a batch
    and then parsing it runs about a third faster than alternating between the two
    for every file: the parsing code stays in the processor's caches instead of
    being evicted by each system call.

    Args:
        paths: The files to read, as `find_files` lists them.
        folders: Spans of ``paths`` found in one folder (`Found.folders`). When none of
            a span's files gives an article, the result of its last file also holds
            the problem `NO_ARTICLES` for the folder, as `iter_load` reports it.
        session: The load's options and side files (`Found.session`); without it, the
            files are read as if named alone, with no options.

    Yields:
        Each path with its articles and problems, one pair per path.
    """
    session = session or Session()
    ends = {end - 1: (folder, start) for folder, start, end in folders if end > start}
    last_article = -1
    index = 0
    while index < len(paths):
        batch, size = [], 0
        for path in paths[index : index + BATCH]:
            item = _read(path, session)
            batch.append(item)
            if not isinstance(item, Problem):
                size += len(item[1].data)
                if size >= BATCH_BYTES:
                    break
        for item in batch:
            result = _parse(item)
            session.spelt(result.articles)
            if result.articles:
                last_article = index
            if index in ends:
                folder, start = ends[index]
                if last_article < start:
                    result.problems.append(Problem(folder, NO_ARTICLES))
            yield paths[index], result
            index += 1


def _reader(name: str) -> FormatReader | None:
    """The reader for a file name's extension, as `Path.suffix` finds it (lower-cased).

    Plain string work on the name: pathlib's properties cost more, for every file.
    """
    dot = name.rfind(".")
    return READERS.get(name[dot:].lower()) if 0 < dot < len(name) - 1 else None


def _read(path: Path, session: Session) -> tuple[FormatReader, RawFile] | Problem:
    """The file's reader and bytes, or why they cannot be read."""
    reader = _reader(path.name)
    if reader is None:
        return Problem(path, _unsupported(path))
    try:
        raw = _read_bytes(path)
    except OSError as error:
        return Problem(path, _reason(path, error))
    if isinstance(raw, Problem):
        return raw
    if not raw.data:
        return Problem(path, "empty file")
    return reader, session.given(raw)


def _parse(item: tuple[FormatReader, RawFile] | Problem) -> LoadResult:
    """The articles the format's reader finds in the bytes, and the problems."""
    if isinstance(item, Problem):
        return LoadResult(problems=[item])
    reader, raw = item
    result = LoadResult()
    for found in reader(raw):
        result.add(found)
    if result.articles and raw.truncated:
        result.problems.append(Problem(raw.path, raw.notes[0]))
    return result


def _read_bytes(path: Path) -> RawFile | Problem:
    """Up to `MAX_BYTES` of the file (`read_raw`)."""
    return read_raw(path, MAX_BYTES)


def _walk(root: Path, visited: _Visited, session: Session) -> Iterator[Path | Problem]:
    """Files to read under ``root`` (or ``root`` itself), and problems met on the way."""
    try:
        info = root.stat()
    except OSError as error:
        yield Problem(root, _reason(root, error))
        return
    except ValueError:  # a NUL in the name: no file can have it
        yield Problem(root, "not a valid file name")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk_folder(root, info, visited, session)
    elif not stat.S_ISREG(info.st_mode):
        yield Problem(root, IRREGULAR)
    elif is_side_file(root.name):
        yield from session.look_beside(root)  # read as what it is, never as an article
    elif (skipped := _skipped(root, root.name)) is not None:
        yield skipped
    elif _first_visit(visited.files, _identity(info)):
        yield from session.look_beside(root)
        yield root


def _walk_folder(
    top: Path, info: os.stat_result, visited: _Visited, session: Session
) -> Iterator[Path | Problem]:
    """Depth-first, sorted, with an explicit stack so deep trees cannot overflow."""
    visited.folders.add(_identity(info))
    entries = _entries(top, session)
    if isinstance(entries, Problem):
        yield entries
        return
    stack = [_Folder(entries, top, info.st_dev, frozenset({_identity(info)}))]
    while stack:
        folder = stack[-1]
        entry = next(folder.entries, None)
        if entry is None:
            stack.pop()
            continue
        if isinstance(entry, Problem):  # a side file's
            yield entry
            continue
        if entry.name.startswith(".") or is_side_file(entry.name):
            continue
        path = folder.path / entry.name
        try:
            # The common case, answered from the folder listing without a stat call:
            # a plain file lives on its folder's device, and the listing has its inode.
            # Where the listing lacks the file's type, asking can fail (a folder that
            # may be listed but not searched), as the stat below can.
            plain = not entry.is_symlink() and entry.is_file(follow_symlinks=False)
            entry_info = None if plain else entry.stat()
        except OSError as error:
            yield Problem(path, _reason(path, error))
            continue
        if entry_info is None:
            if (skipped := _skipped(path, entry.name)) is not None:
                yield skipped
            elif _first_visit(visited.files, (folder.device, entry.inode())):
                yield path
            continue
        identity = _identity(entry_info)
        if stat.S_ISDIR(entry_info.st_mode):
            if identity in folder.ancestors:
                yield Problem(path, "symlink loop")
            elif _first_visit(visited.folders, identity):
                children = _entries(path, session)
                if isinstance(children, Problem):
                    yield children
                else:
                    ancestors = folder.ancestors | {identity}
                    stack.append(_Folder(children, path, entry_info.st_dev, ancestors))
        elif not stat.S_ISREG(entry_info.st_mode):
            yield Problem(path, IRREGULAR)
        elif (skipped := _skipped(path, entry.name)) is not None:
            yield skipped
        elif _first_visit(visited.files, identity):
            yield path


class _Folder(NamedTuple):
    """One folder being walked: its sorted entries still to visit, and where it sits."""

    entries: Iterator[os.DirEntry[str] | Problem]
    path: Path
    device: int
    ancestors: frozenset[tuple[int, int]]
    """Identities of the folders above it, to tell a symlink loop from a shared folder."""


def _entries(folder: Path, session: Session) -> Iterator[os.DirEntry[str] | Problem] | Problem:
    """The folder's entries in name order, after the problems of its side files, if any."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        return Problem(folder, _reason(folder, error))
    sides = [entry.name for entry in entries if is_side_file(entry.name)]
    problems: list[os.DirEntry[str] | Problem] = (
        list(session.look_in(folder, sides)) if sides else []
    )
    return iter(problems + list(entries))


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _first_visit(seen: set[tuple[int, int]], identity: tuple[int, int]) -> bool:
    if identity in seen:
        return False
    seen.add(identity)
    return True


def _skipped(path: Path, name: str) -> Problem | None:
    """Why the file at ``path`` is not read: not an article, or no reader for its format."""
    reason = not_an_article(name)
    if reason is not None:
        return Problem(path, reason)
    return Problem(path, _unsupported(path)) if _reader(name) is None else None


def _is_folder(path: Path) -> bool:
    """True when ``path`` is a folder; False when it is not, or cannot be asked.

    Unlike `Path.is_dir` (Python 3.11), a refusal to look (a parent folder without
    search permission) is an answer, not an exception: the walk has reported it.
    """
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _unsupported(path: Path) -> str:
    suffix = path.suffix.lower()
    return f"not a supported format ({suffix})" if suffix else "not a supported format"


def _reason(path: Path, error: OSError) -> str:
    """A short, plain reason for an OS error on ``path``."""
    if error.errno == errno.ELOOP:
        return "symlink loop"
    if isinstance(error, FileNotFoundError):
        return "broken symlink" if _is_link(path) else "not found"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a folder"
    return (error.strerror or "cannot be read").lower()


def _is_link(path: Path) -> bool:
    """True when ``path`` is a symbolic link; False when it is not, or cannot be asked."""
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False
