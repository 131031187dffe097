"""Bytes to text: recognise binary files, pick the encoding, decode without losing offsets.

Order of trust: a byte-order mark, then UTF-16 recognised by its zero bytes (in
every other place for Latin text, only where ASCII sits for Chinese or Japanese),
then strict UTF-8, then an encoding the file declares (an HTML ``<meta charset>``),
then a guess from the bytes (`tui.core.reading.legacy`: charset-normalizer), then
cp1252, then latin-1, which decodes anything. A mostly-UTF-8 file with a few bad
bytes stays UTF-8 with those bytes replaced by U+FFFD, since reading it as cp1252
would garble every accented letter to rescue a handful. Anything not UTF-8 gets a
note, so the user knows the text was guessed.

The codec name reported is the one that reads the file back: ``utf-8-sig`` for UTF-8
with a byte-order mark, ``utf-16`` (or ``utf-32``) for UTF-16 with one, since those
codecs consume the mark as ``open`` reads.

Line breaks are universal, as Python's ``open`` reads text: CRLF and a lone CR both
become LF. So the text, and every offset into it, is what
``open(path, encoding=Decoded.encoding).read()`` gives.
"""

from __future__ import annotations

import codecs
import functools
import re
from typing import NamedTuple

from tui.core.text.safe import has_unsafe

_SAMPLE = 8192
"""Bytes inspected to recognise a binary file or BOM-less UTF-16."""
_MIN_PAIRS = 16
"""Characters of BOM-less UTF-16 outside Latin-1 needed to tell it from binary."""
_UNPRINTABLE_SHARE = 0.02
"""Share of characters of such text that may be unprintable (unassigned, private use)."""

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "executable"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
)
"""Leading bytes of common binary formats, and the name the user is shown."""

_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_BOM_NAMES = {
    "utf-8": "utf-8-sig",
    "utf-16-le": "utf-16",
    "utf-16-be": "utf-16",
    "utf-32-le": "utf-32",
    "utf-32-be": "utf-32",
}
"""The codec that reads a file with each byte-order mark back as `decode` did, mark dropped."""

_ALL_MAGIC = tuple(magic for magic, _ in _MAGIC)
_ALL_BOMS = tuple(bom for bom, _ in _BOMS)

_BINARY_BYTES = bytes(sorted(set(range(0x20)) - set(b"\t\n\x0b\x0c\r\x1b")))
"""C0 controls that no text uses: tab, line breaks and ESC (colour codes) are spared."""
_MOSTLY_CONTROLS = 0.05
"""Share of `_BINARY_BYTES` above which a file is binary whatever its encoding says."""

_CONTROL_BYTES = bytes(sorted(set(range(0x20)) - set(b"\t\n\r"))) + b"\x7f"
_NOT_CONTROL_BYTES = bytes(sorted(set(range(256)) - set(_CONTROL_BYTES)))
"""Deleting these leaves only the control bytes: nearly nothing to write for most files."""
_UTF8_CONTROLS = (
    # lead byte (a fast memchr test), then the pattern: C1, Arabic letter mark,
    # bidi marks, separators, embeddings and overrides, isolates
    (b"\xc2", re.compile(rb"\xc2[\x80-\x9f]")),
    (b"\xd8", re.compile(rb"\xd8\x9c")),
    (b"\xe2", re.compile(rb"\xe2(?:\x80[\x8e\x8f\xa8-\xae]|\x81[\xa6-\xa9])")),
)
"""`tui.core.text.safe.UNSAFE` beyond ASCII as UTF-8 byte patterns, each behind its lead byte."""
_NON_ASCII = r"[^\x00-\x7f]"


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    """A pattern compiled on first use: most files, UTF-8 without controls, need none."""
    return re.compile(source)


class NotTextError(ValueError):
    """The bytes are not text; the message is the reason shown to the user."""


class Decoded(NamedTuple):
    """Text decoded from bytes, and how (a named tuple: cheaper to build and to import)."""

    text: str
    """The decoded text; BOM removed, line breaks made LF, nothing else changed."""
    encoding: str
    """Python codec name used (``"utf-8"``, ``"utf-8-sig"``, ``"cp1252"``, ...)."""
    note: str | None = None
    """What the user should know when the text was not clean UTF-8."""
    controls: bool = False
    """The text holds characters a terminal would act on (`tui.core.text.safe.UNSAFE`)."""


def binary_kind(data: bytes) -> str | None:
    """The reason ``data`` is not text (``"binary file (PNG image)"``), or ``None``.

    Recognises common formats by their leading bytes, and anything else by NUL
    bytes, unless the NULs are the pattern of BOM-less UTF-16 text.
    """
    if data.startswith(_ALL_MAGIC):
        return next(f"binary file ({kind})" for magic, kind in _MAGIC if data.startswith(magic))
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return f"binary file ({_RIFF_KINDS[data[8:12]]})"
    if data[4:8] == b"ftyp":
        return "binary file (video or image container)"
    if data.startswith(b"BZh") and data[4:10] == b"1AY&SY":
        return "binary file (bzip2 archive)"
    if data.find(b"\x00", 0, _SAMPLE) < 0:
        return None
    sample = data[:_SAMPLE]
    if not _bom(sample) and _utf16_without_bom(sample) is None:
        return "binary file"
    return None


def decode(data: bytes, *, declared: str | None = None, partial: bool = False) -> Decoded:
    """Decode ``data`` to text, choosing the encoding as the module docstring says.

    Args:
        data: The file's bytes (or the first part of them).
        declared: An encoding the file names for itself, tried before cp1252.
        partial: The bytes were cut short; an incomplete last character is dropped
            instead of being reported as an error.

    Returns:
        The text, the codec used and a note when it was not plain UTF-8.

    Raises:
        NotTextError: The bytes are a binary file, or decode to mostly control characters.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise NotTextError(kind)
    text, encoding, note = _decode(data, declared, partial)
    if "\r" in text:
        text = universal_newlines(text)
    controls, binary_share = _scan_controls(data, text, encoding)
    if binary_share > _MOSTLY_CONTROLS:
        raise NotTextError("binary file (mostly control characters)")
    return Decoded(text, encoding, note, controls)


def _scan_controls(data: bytes, text: str, encoding: str) -> tuple[bool, float]:
    """Whether the text holds control characters, and the share no text uses.

    Both are counted in the bytes where the encoding keeps ASCII as it is (all but
    UTF-16 and UTF-32): ten times faster than in the text.
    """
    if encoding.startswith(("utf-16", "utf-32")):
        if not has_unsafe(text):
            return False, 0.0
        sample = text[:_SAMPLE]
        found = _pattern(f"[{re.escape(_BINARY_BYTES.decode('ascii'))}]").findall(sample)
        return True, len(found) / len(sample)
    if not data.translate(None, _NOT_CONTROL_BYTES):
        return _high_controls(data, text, encoding), 0.0
    sample_bytes = data[:_SAMPLE]
    binary = len(sample_bytes) - len(sample_bytes.translate(None, _BINARY_BYTES))
    return True, binary / len(sample_bytes)


def _high_controls(data: bytes, text: str, encoding: str) -> bool:
    """True when the text holds a C1 control or a bidi mark (all beyond ASCII).

    For UTF-8 the bytes are searched behind a fast lead-byte test; cp1252 has no
    such characters; any other encoding has its text searched.
    """
    if encoding in ("utf-8", "utf-8-sig"):
        # ASCII text has no lead byte to look for (a BOM has none either); the text
        # knows it is ASCII without a scan.
        if text.isascii():
            return False
        return any(lead in data and pattern.search(data) for lead, pattern in _UTF8_CONTROLS)
    if encoding == "cp1252" or data.isascii():
        return False
    return has_unsafe(text)


def universal_newlines(text: str) -> str:
    """``text`` with CRLF and lone CR line breaks made LF, as ``open`` reads text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, declared: str | None, partial: bool) -> tuple[str, str, str | None]:
    """The text, the codec's name and the note for the user (see `Decoded`)."""
    nul = data.find(b"\x00", 0, _SAMPLE) >= 0
    if not nul and data.isascii():  # the common case: no BOM, not UTF-16, valid UTF-8
        return data.decode("ascii"), "utf-8", None
    bom = _bom(data)
    if bom is not None:
        found = _with_bom(data, *bom, partial)
        if found is not None:
            return found
    # Before UTF-8: BOM-less UTF-16 of Latin text is also valid UTF-8, full of NULs.
    utf16 = _utf16_without_bom(data[:_SAMPLE]) if nul else None
    if utf16 is not None:
        text = _strict(data, utf16, partial)
        if text is not None:
            return text, utf16, f"decoded as {utf16} without byte-order mark (not UTF-8)"
    text = _strict(data, "utf-8", partial)
    if text is not None:
        return text, "utf-8", None
    return _mostly_utf8(data, partial) or _legacy(data, declared, partial)


def _with_bom(
    data: bytes, size: int, codec: str, partial: bool
) -> tuple[str, str, str | None] | None:
    """The text after a byte-order mark, its reading codec's name and a note.

    UTF-16 and UTF-32 come in whole units of two or four bytes; a file with a stray
    byte or two at the end (a copy cut short, a byte appended) keeps its text, the
    stray bytes shown as one U+FFFD and said so.
    """
    name = _BOM_NAMES[codec]
    body = data[size:]
    text = _strict(body, codec, partial)
    if text is not None:
        return text, name, None if codec == "utf-8" else f"decoded as {name} (not UTF-8)"
    unit = 4 if codec.startswith("utf-32") else 2 if codec.startswith("utf-16") else 0
    stray = len(body) % unit if unit and not partial else 0
    text = _strict(body[: len(body) - stray], codec, partial) if stray else None
    if text is None:
        return None
    plural = "s" if stray > 1 else ""
    note = f"decoded as {name} (not UTF-8); {stray} stray byte{plural} at the end shown as \ufffd"
    return text + "\ufffd", name, note


def _bom(data: bytes) -> tuple[int, str] | None:
    if not data.startswith(_ALL_BOMS):
        return None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return len(bom), codec
    return None


def _strict(data: bytes, codec: str, partial: bool) -> str | None:
    """``data`` decoded with ``codec``, or ``None`` when it is not valid in it."""
    try:
        if partial:
            return codecs.getincrementaldecoder(codec)().decode(data, final=False)
        return data.decode(codec)
    except UnicodeError:  # UnicodeDecodeError, or the plain UnicodeError of e.g. idna
        return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the sample reads as UTF-16 without a mark.

    Text in a Latin script stored as UTF-16 has a zero high byte in nearly every
    character, which a binary file does not. Chinese, Japanese or Korean text has
    few zero bytes (where ASCII sits: spaces, line breaks, digits; and in characters
    such as U+4E00): then the sample must decode strictly and read as text (nearly
    every character printable), which the bytes of a binary file do not.
    """
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    if odd > pairs * 0.4 and even < pairs * 0.05:
        return "utf-16-le"
    if even > pairs * 0.4 and odd < pairs * 0.05:
        return "utf-16-be"
    if pairs < _MIN_PAIRS:
        return None
    # ASCII's zero high byte sits second in little-endian: try the likelier order first.
    for codec in ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le"):
        try:
            text = codecs.getincrementaldecoder(codec)().decode(sample[: pairs * 2], final=False)
        except UnicodeDecodeError:
            continue
        unprintable = sum(1 for char in text if not char.isprintable() and char not in "\n\r\t")
        if unprintable <= len(text) * _UNPRINTABLE_SHARE:
            return codec
    return None


def _mostly_utf8(data: bytes, partial: bool) -> tuple[str, str, str | None] | None:
    """UTF-8 with the few invalid bytes replaced, when valid sequences outnumber them."""
    if partial:
        text = codecs.getincrementaldecoder("utf-8")("replace").decode(data, final=False)
    else:
        text = data.decode("utf-8", "replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(_pattern(_NON_ASCII).findall(text)) - replaced
    if valid <= replaced:
        return None
    plural = "s" if replaced != 1 else ""
    return text, "utf-8", f"{replaced} invalid UTF-8 byte{plural} shown as \ufffd"


def _legacy(data: bytes, declared: str | None, partial: bool) -> tuple[str, str, str | None]:
    """The declared encoding when the bytes fit, else the guessed one, else cp1252, else latin-1.

    The note says which: a declared codec is the file's word, a guess is a guess.
    """
    # Deferred: the guess brings charset-normalizer, and most files are UTF-8.
    from tui.core.reading.legacy import guess

    codec = _codec_name(declared) if declared else None
    if codec is not None:
        text = _strict(data, codec, partial)
        if text is not None:
            return text, codec, f"decoded as {codec}, as the file declares (not UTF-8)"
    for candidate in dict.fromkeys((guess(data, partial), "cp1252")):
        if candidate is not None:
            text = _strict(data, candidate, partial)
            if text is not None:
                return text, candidate, f"decoded as {candidate}, a guess (not UTF-8)"
    return data.decode("latin-1"), "latin-1", "decoded as latin-1, a guess (not UTF-8)"


def _codec_name(name: str) -> str | None:
    """Python's canonical name for the text codec ``name``, or ``None`` if there is none.

    Decoding one byte rejects unknown names and non-text codecs (``base64``) alike,
    both of which a web page may declare.
    """
    try:
        b"a".decode(name)
    except (LookupError, UnicodeError):
        return None
    return codecs.lookup(name).name
