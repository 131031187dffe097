"""Headless stories: ``storyreader stories PATH... --format json|text``.

JSON output
-----------

One object:

- ``articles``: one object per article, in the order read: ``index`` (how
  ``stories`` refers to it), ``path``, ``part`` (line of a JSON Lines file, else
  ``null``), ``title``, ``outlet``, ``date`` (ISO, or ``null``).
- ``stories``: largest first, equal sizes by first date (undated last): ``id`` (its
  place in this list), ``label`` (the headline of the article that stands for the
  story), ``articles`` (indices, in the order read), ``dates`` (``[first, last]``
  date its articles state, ``[null, null]`` when none does) and ``outlets`` (each
  once, in the order of ``articles``).

Every article is in exactly one story; a story of one article is a story.

The text output lists each story with its size, dates and outlets, then its
articles, one line each.
"""

from __future__ import annotations

from typing import Any

from tui.core.reports.records import dumps, path_text
from tui.core.story.grouping import Grouping
from tui.core.text.safe import one_line

FORMATS = ("json", "text")


def format_stories(grouping: Grouping, fmt: str, indent: int | None = None) -> str:
    """The stories of a folder as ``fmt`` (`FORMATS`); JSON pretty-printed with ``indent``.

    Raises:
        ValueError: For a format not in `FORMATS`.
    """
    if fmt == "json":
        return dumps(stories_record(grouping), indent)
    if fmt == "text":
        return _text(grouping)
    raise ValueError(f"unknown stories format {fmt!r}; expected one of {', '.join(FORMATS)}")


def stories_record(grouping: Grouping) -> dict[str, Any]:
    """The JSON object of `format_stories`, before encoding."""
    return {
        "articles": [
            {
                "index": index,
                "path": path_text(article.path),
                "part": article.part,
                "title": article.title,
                "outlet": article.outlet,
                "date": article.date,
            }
            for index, article in enumerate(grouping.articles)
        ],
        "stories": [
            {
                "id": number,
                "label": story.label,
                "articles": list(story.articles),
                "dates": list(story.dates or (None, None)),
                "outlets": list(story.outlets),
            }
            for number, story in enumerate(grouping.stories)
        ],
    }


def _text(grouping: Grouping) -> str:
    stories = len(grouping.stories)
    lines = [f"{_count(len(grouping.articles))}, {stories} stor{'y' if stories == 1 else 'ies'}"]
    for number, story in enumerate(grouping.stories):
        size = len(story.articles)
        when = ""
        if story.dates:
            first, last = story.dates
            when = f", {first}" if first == last else f", {first} to {last}"
        outlets = ", ".join(one_line(outlet) for outlet in story.outlets)
        lines += ["", f"{number}. {story.label}", f"   {_count(size)}{when}; {outlets}"]
        for index in story.articles:
            article = grouping.articles[index]
            path = path_text(article.path)
            place = path if article.part is None else f"{path}:{article.part}"
            lines.append(
                f"   - [{index}] {one_line(article.outlet)}: {one_line(article.title)} ({one_line(place)})"
            )
    return "\n".join(lines)


def _count(size: int) -> str:
    return "1 article" if size == 1 else f"{size} articles"
