"""One article record of a JSON or JSON Lines file: its text and the metadata it states.

News data sets name their fields in many ways, so each value is read from the first
of a list of common names, compared without case, ``_`` or ``-`` (``publishedAt``,
``published_at`` and ``PUBLISHED-AT`` are one name):

- text: `TEXT_FIELDS` (``text``, ``maintext`` of news-please, ``content``, ``body``,
  ``article``, ``story``, ``full_text``, ``articleBody``, ``paragraphs``...), or the
  field the user names (``text_field``, a dotted path for a nested one:
  ``article.body``). A list of paragraphs is joined with blank lines; a nested list
  (a paragraph as a list of sentences) with spaces; a list of objects by their text.
  Offsets index the text so joined.
- title, outlet, date, url, byline, agency: `FIELDS`. An object counts by its
  ``name`` (``"source": {"name": "Reuters"}``), a list of names is joined with commas,
  a date may be ISO text, epoch seconds or milliseconds, or ``{"$date": ...}``.

Those fields are stated metadata and win over guesses from the text. A record
without text says which keys it has, so the user can name the right one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

from tui.core.metadata.outlets import common_spellings, normal_outlet
from tui.core.reading.articles import Article
from tui.core.reading.decoding import universal_newlines
from tui.core.reading.formats.raw import RawFile, build_article
from tui.core.reading.problems import Problem
from tui.core.text.safe import one_line

TEXT_FIELDS = (
    "text", "maintext", "fulltext", "articletext", "articlebody", "bodytext", "body",
    "content", "contenttext", "textcontent", "plaintext", "cleantext", "story", "article",
    "paragraphs",
)  # fmt: skip
"""Names of the article text, in the order tried (normalised: lower case, no ``_`` or ``-``)."""
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "titlepage", "titlerss", "heading"),
    "outlet": (
        "outlet", "publisher", "source", "sourcename", "sitename", "site", "publication",
        "newspaper", "media", "domain", "sourcedomain",
    ),
    "agency": ("agency", "wire", "newsagency"),
    "date": (
        "date", "published", "publishedat", "publishdate", "datepublish", "datepublished",
        "publicationdate", "pubdate", "publishedtime", "datetime", "timestamp",
    ),
    "url": ("url", "link", "canonicalurl", "sourceurl", "articleurl", "permalink", "uri"),
    "byline": ("byline", "author", "authors", "authorname", "creator", "creators", "writer", "by"),
}  # fmt: skip
"""Names read for each stated value, first present wins (normalised as `TEXT_FIELDS`)."""

_SURROGATES = re.compile("[\ud800-\udfff]")
_SPACE = re.compile(r"[ \t\n\r]*")
_ESCAPES_NOTE = "invalid \\u escapes shown as \ufffd"
MAX_PROBLEMS = 5
"""Bad records of a file reported one by one; the rest are counted in one more problem."""
_DEPTH = 8
"""Levels of nested lists and objects followed for a text or a name."""
_KEYS_SHOWN = 8
_KEY_CHARS = 30
_EPOCH_SECONDS = (1e8, 1e10)
"""Numbers read as epoch seconds: 1973 to 2286; a thousand times more are milliseconds."""
_NAME_KEYS = ("name", "title", "display_name", "displayName", "@value", "$date", "value")


class NoTextError(ValueError):
    """The record has no article text; the message says why, for the user."""


class BadJsonError(ValueError):
    """The JSON cannot be read; the message says why, for the user."""

    def __init__(self, reason: str, end: int | None = None) -> None:
        super().__init__(reason)
        self.end = end
        """Where the value ends when it was whole but unreadable, else ``None``."""


MAX_DIGITS = 4300
"""Longest integer read (Python's own limit for turning digits into a number)."""
TOO_LONG = f"a number of more than {MAX_DIGITS:,} digits"


class _Numbers:
    """Integers as JSON gives them, and whether one was too long to read.

    Python refuses to turn more than `MAX_DIGITS` digits into an int (a guard against
    denial of service) and ``json`` lets that ValueError out; here such a number is
    noted, so the one record that holds it is a problem and the rest still load.
    """

    def __init__(self) -> None:
        self.too_long = False

    def __call__(self, digits: str) -> int | None:
        if len(digits.lstrip("-")) > MAX_DIGITS:
            self.too_long = True
            return None
        return int(digits)


def parse_json(text: str, start: int = 0) -> tuple[Any, int]:
    """The JSON value starting at ``text[start]`` (after any whitespace), and where it ends.

    Raises:
        BadJsonError: It is not JSON, nests too deeply, or holds a number too long to read
            (then `BadJsonError.end` says where it ends, so what follows can still be read).
    """
    numbers = _Numbers()
    decoder = json.JSONDecoder(parse_int=numbers)
    try:
        value, end = decoder.raw_decode(text, skip_space(text, start))
    except json.JSONDecodeError as error:
        raise BadJsonError("not valid JSON") from error
    except RecursionError as error:
        raise BadJsonError("nested too deeply") from error
    if numbers.too_long:
        raise BadJsonError(TOO_LONG, end)
    return value, end


def skip_space(text: str, start: int) -> int:
    """The first offset from ``start`` that is not JSON whitespace."""
    match = _SPACE.match(text, start)
    return match.end() if match else start


def normal(key: str) -> str:
    """``key`` as field names are compared: lower case, without ``_``, ``-`` or spaces."""
    return key.casefold().replace("_", "").replace("-", "").replace(" ", "")


def record_text(record: Mapping[str, Any], text_field: str | None = None) -> tuple[str, str]:
    """The article text of ``record`` and the key it came from.

    Raises:
        NoTextError: No field holds text; the message lists the record's keys.
    """
    keys = _normal_keys(record)
    if text_field is not None:
        value = _at_path(record, keys, text_field)
        text = _text(value, 0) if value is not None else ""
        if not text.strip():
            raise NoTextError(f'no text in the field "{one_line(text_field)}"{_keys_note(record)}')
        return text, text_field
    present = [keys[name] for name in TEXT_FIELDS if name in keys]
    for key in present:
        text = _text(record[key], 0)
        if text.strip():
            return text, key
    if not present:
        raise NoTextError(f"no article text{_keys_note(record)}")
    value = record[present[0]]
    if isinstance(value, str) or (isinstance(value, list) and not value):
        raise NoTextError("empty text")
    raise NoTextError(f'no text in "{one_line(present[0])}" ({_kind(value)})')


def stated_fields(record: Mapping[str, Any]) -> dict[str, str | None]:
    """The title, outlet, date, url, byline and agency ``record`` states (`FIELDS`)."""
    keys = _normal_keys(record)
    stated: dict[str, str | None] = {}
    for field, names in FIELDS.items():
        value = None
        for name in names:
            key = keys.get(name)
            if key is not None:
                value = _date(record[key]) if field == "date" else _name(record[key], 0)
                if value:
                    break
        stated[field] = value
    return stated


def no_surrogates(value: str) -> tuple[str, bool]:
    r"""``value`` with lone surrogates (valid ``\ud800`` escapes, not text) made U+FFFD."""
    if _SURROGATES.search(value) is None:
        return value, False
    return _SURROGATES.sub("\ufffd", value), True


def _normal_keys(record: Mapping[str, Any]) -> dict[str, str]:
    """Each normalised key of ``record`` with the first key spelt that way."""
    keys: dict[str, str] = {}
    for key in record:
        if isinstance(key, str):
            keys.setdefault(normal(key), key)
    return keys


def _at_path(record: Mapping[str, Any], keys: dict[str, str], path: str) -> Any:
    """The value at ``path``: a key as given, else normalised, else a dotted path of keys."""
    if path in record:
        return record[path]
    if normal(path) in keys:
        return record[keys[normal(path)]]
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        found = _normal_keys(value).get(normal(part))
        if found is None:
            return None
        value = value[found]
    return value


def _text(value: Any, depth: int) -> str:
    """Text from a string, a list of paragraphs (nested lists: sentences), or an object."""
    if isinstance(value, str):
        return value
    if depth >= _DEPTH:
        return ""
    if isinstance(value, list):
        parts = [_text(item, depth + 1) for item in value]
        # Paragraphs of sentences: a list inside a list is one paragraph.
        joiner = " " if depth > 0 and all(isinstance(item, str) for item in value) else "\n\n"
        return joiner.join(part.strip() for part in parts if part.strip())
    if isinstance(value, Mapping):
        keys = _normal_keys(value)
        for name in TEXT_FIELDS:
            if name in keys:
                return _text(value[keys[name]], depth + 1)
    return ""


def _name(value: Any, depth: int) -> str | None:
    """A stated name: a string, an object's ``name``, or the names of a list, joined."""
    if isinstance(value, str):
        return value if value.strip() else None
    if depth >= _DEPTH:
        return None
    if isinstance(value, list):
        names = [name for item in value if (name := _name(item, depth + 1))]
        return ", ".join(names) or None
    if isinstance(value, Mapping):
        for key in _NAME_KEYS:
            if key in value and (name := _name(value[key], depth + 1)):
                return name
    return None


def _date(value: Any) -> str | None:
    """A stated date as text for `parse_date`: epoch numbers become ISO dates."""
    if isinstance(value, Mapping):
        value = value.get("$date", value.get("$numberLong"))
        if isinstance(value, Mapping):  # {"$date": {"$numberLong": "1600000000000"}}
            value = value.get("$numberLong")
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value if isinstance(value, str) and value.strip() else None
    seconds = float(value)
    if _EPOCH_SECONDS[0] * 1000 <= seconds < _EPOCH_SECONDS[1] * 1000:
        seconds /= 1000
    if not _EPOCH_SECONDS[0] <= seconds < _EPOCH_SECONDS[1]:
        return None
    return dt.datetime.fromtimestamp(seconds, dt.UTC).date().isoformat()


def _kind(value: Any) -> str:
    """What a JSON value is, in words: ``a number``, ``an object``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return "an object" if isinstance(value, Mapping) else "a list without text"


def _keys_note(record: Mapping[str, Any]) -> str:
    """``" (keys: id, title, url)"``: what a record without text holds, shown safely."""
    keys = [one_line(str(key))[:_KEY_CHARS] for key in record]
    if not keys:
        return " (the record is empty)"
    more = f", and {len(keys) - _KEYS_SHOWN} more" if len(keys) > _KEYS_SHOWN else ""
    return f" (keys: {', '.join(keys[:_KEYS_SHOWN])}{more})"


def record_articles(
    raw: RawFile,
    records: list[tuple[str, Any, str, int | None]],
    *,
    encoding: str,
    notes: tuple[str, ...],
) -> list[Article | Problem]:
    """The article or problem of each record of one file, outlets spelt one way in it.

    Args:
        raw: The file the records came from.
        records: For each record: its label in problems (``"line 3"``, ``""`` for a
            file of one), the parsed value, its digest and its part number.
        encoding: Codec the file was decoded with.
        notes: Notes from decoding, for every article.
    """
    read: list[tuple[str, dict[str, str | None], tuple[str, ...], str, int | None] | Problem] = []
    for label, record, digest, part in records:
        prefix = f"{label}: " if label else ""
        if not isinstance(record, dict):
            read.append(Problem(raw.path, f"{prefix}not a JSON object"))
            continue
        try:
            text, _ = record_text(record, raw.text_field)
        except NoTextError as error:
            read.append(Problem(raw.path, f"{prefix}{error}"))
            continue
        text, replaced = no_surrogates(text)
        stated = {
            key: no_surrogates(value)[0] if value else None
            for key, value in stated_fields(record).items()
        }
        found = (*notes, _ESCAPES_NOTE) if replaced else notes
        read.append(
            (universal_newlines(text) if "\r" in text else text, stated, found, digest, part)
        )
    outlets = [item[1]["outlet"] for item in read if not isinstance(item, Problem)]
    spellings = common_spellings(normal_outlet(name) for name in outlets if name)
    items: list[Article | Problem] = []
    for item in read:
        if isinstance(item, Problem):
            items.append(item)
            continue
        text, stated, found, digest, part = item
        if stated["outlet"]:
            stated["outlet"] = spellings[normal_outlet(stated["outlet"]).casefold()]
        items.append(
            build_article(
                raw, text, digest=digest, encoding=encoding, notes=found, stated=stated, part=part
            )
        )
    return items


def collect(
    raw: RawFile,
    records: list[tuple[str, Any, str, int | None]],
    items: list[Article | Problem],
    bad: list[tuple[int, Problem]],
    unit: str,
) -> list[Article | Problem]:
    """The articles, then the problems in the file's order, at most `MAX_PROBLEMS` of them.

    Args:
        raw: The file.
        records: The records read, as given to `record_articles`.
        items: What `record_articles` made of them, one per record.
        bad: Records that could not be parsed, by their number.
        unit: What a record is called in the count of the rest (``"line"``, ``"item"``).
    """
    problems = list(bad)
    found: list[Article | Problem] = []
    for (_, _, _, number), item in zip(records, items, strict=True):
        if isinstance(item, Problem):
            problems.append((number or 0, item))
        else:
            found.append(item)
    problems.sort(key=lambda pair: pair[0])
    found.extend(problem for _, problem in problems[:MAX_PROBLEMS])
    if len(problems) > MAX_PROBLEMS:
        found.append(Problem(raw.path, f"{len(problems) - MAX_PROBLEMS} more bad {unit}s skipped"))
    return found
