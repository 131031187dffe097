"""The bytes of one file as read, and the article built from its text.

Every format ends in `build_article`, so metadata, notes and digests are worked out
the same way whether the text came from a ``.txt``, a web page or a JSON line.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from tui.core.metadata.extract import extract_metadata
from tui.core.reading.articles import Article, TextSource
from tui.core.reading.problems import Problem
from tui.core.text.safe import has_unsafe, one_line

_MB = 1024 * 1024
_DOCUMENT_SUFFIXES = frozenset((
    ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json", ".jsonl",
    ".ndjson", ".xml", ".rtf", ".doc", ".docx", ".odt", ".pdf",
))  # fmt: skip
"""Extensions a name may carry more than once, as converters and downloads add them."""
MAX_BYTES = 50 * 1024 * 1024
"""Files are read up to 50 MB; anything after that is left out, and the user is told."""
IRREGULAR = "not a regular file"
"""Why a path that is neither a file nor a folder (a pipe, a device) is not read."""
_CHUNK = 1024 * 1024
"""Read size once a file turns out longer than its size said (or has none, like /proc)."""
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class RawFile(NamedTuple):
    """One file's bytes, as loading read them (a named tuple: one is built per file)."""

    path: Path
    """The file, as found (relative when the user gave a relative path)."""
    data: bytes
    """Its bytes, or the first `size`-limited part of them."""
    size: int
    """The whole file's size in bytes."""
    stated: Mapping[str, str] | None = None
    """Metadata the user states for this file in a side file: it wins over everything."""
    text_field: str | None = None
    """The record field the user names as the text, for JSON and JSON Lines."""

    @property
    def truncated(self) -> bool:
        """True when only the first part of the file was read."""
        return len(self.data) < self.size

    @property
    def notes(self) -> tuple[str, ...]:
        """What the user must know about the read itself (that it was cut short)."""
        if not self.truncated:
            return ()
        read, whole = _megabytes(len(self.data)), _megabytes(self.size)
        return (f"truncated: only the first {read} of {whole} read",)


def read_raw(path: Path, limit: int = MAX_BYTES) -> RawFile | Problem:
    """Up to ``limit`` bytes of the file, opened read-only and non-blocking.

    Plain `os` calls: a file object around the descriptor costs more than the read.

    Raises:
        OSError: When the file cannot be opened or read.
    """
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            return Problem(path, "is a folder" if stat.S_ISDIR(info.st_mode) else IRREGULAR)
        # One read of the size the file has, plus a byte to notice growth: asking for
        # the limit would allocate 50 MB for every file before reading it.
        data = os.read(descriptor, min(info.st_size, limit) + 1)
        total = len(data)
        if info.st_size < total <= limit:  # grew since, or has no size (/proc)
            chunks = [data]
            while info.st_size < total <= limit:
                chunk = os.read(descriptor, min(_CHUNK, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
            data = b"".join(chunks)
    finally:
        os.close(descriptor)
    return RawFile(path, data[:limit], max(info.st_size, total))


def fallback_name(path: Path) -> str:
    """The file name without its extensions as a label: printable, whatever bytes it holds.

    Every document extension goes (``4_L.txt.txt`` and ``story.pdf.txt`` are ``4_L``
    and ``story``). Names may hold bytes that are not UTF-8 (kept by Python as lone
    surrogates, which no terminal can print) and control characters (shown in caret
    notation).
    """
    stem = path.stem
    while (dot := stem.rfind(".")) > 0 and stem[dot:].lower() in _DOCUMENT_SUFFIXES:
        stem = stem[:dot]
    stem = os.fsencode(stem).decode("utf-8", "replace") if os.name != "nt" else stem
    return one_line(stem)


def _megabytes(size: int) -> str:
    return f"{size / _MB:.1f} MB"


def build_article(
    raw: RawFile,
    text: str,
    *,
    digest: str,
    encoding: str,
    notes: tuple[str, ...] = (),
    stated: Mapping[str, str | None] | None = None,
    part: int | None = None,
    controls: bool | None = None,
    source: TextSource | None = None,
) -> Article:
    """An `Article` for ``text``, with its metadata and every note about how it was read.

    Args:
        raw: The file the text came from.
        text: The article text; kept exactly as given.
        digest: Hex SHA-256 of the bytes ``text`` was decoded from.
        encoding: Codec the bytes were decoded with.
        notes: Notes from decoding or extraction, shown after the read notes.
        stated: Metadata the format itself carries, overriding guesses from the text
            (and overridden by what a side file states, `RawFile.stated`).
        part: Line number for one article of many in a file.
        controls: Whether ``text`` holds control characters, when the caller already
            knows (decoding finds out cheaply from the bytes); else it is looked for.
        source: Where ``text`` can be read again (`tui.core.reading.on_disk`): the
            article keeps that instead of the text.
    """
    if raw.stated:
        stated = {**stated, **raw.stated} if stated else raw.stated
    meta = extract_metadata(text, lambda: fallback_name(raw.path), stated)
    found = [*raw.notes, *notes] if raw.truncated else list(notes)
    if has_unsafe(text) if controls is None else controls:
        found.append("contains control characters")
    found.extend(meta.notes)
    return Article(
        path=raw.path,
        text=text if source is None else source,
        title=meta.title,
        outlet=meta.outlet,
        sha256=digest,
        date=meta.date,
        byline=meta.byline,
        url=meta.url,
        encoding=encoding,
        part=part,
        notes=tuple(found),
        agency=meta.agency,
        body=meta.body,
        chars=len(text),
    )
