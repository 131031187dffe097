"""The ``storyreader`` command: the app by default, headless reports as subcommands.

``main(argv)`` returns an exit code instead of exiting, so tests call it in-process.
Textual is imported only when the app actually starts, which keeps the headless
commands fast and usable where no terminal is attached.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.core.reading.bundled import bundled_story

if TYPE_CHECKING:
    from tui.core.reading.articles import Article
    from tui.core.reading.session import Options

_FORMATS_LIST = ("table", "json")
_FORMATS_COMPARE = ("json", "text", "markdown")
_CLOSED_PIPE = 141
"""Exit code when the reader of stdout went away: 128 + SIGPIPE, as shells report it."""


def _emit(report: str) -> bool:
    """Print ``report`` to stdout; False when the reader closed the pipe (``| head``).

    Whatever is left to write then goes to the null device, so that Python's own
    flush at exit does not fail again with a traceback.
    """
    try:
        print(report)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return False
    return True


def _paths(values: Sequence[str]) -> list[Path]:
    """The paths the user named, or the bundled story when there are none."""
    return [Path(v) for v in values] or [bundled_story()]


def _add_reading(parser: argparse.ArgumentParser) -> None:
    """The options that say how to read the paths (`tui.core.reading.session.Options`)."""
    parser.add_argument(
        "--meta",
        metavar="FILE",
        help="a side file (CSV or JSON) naming outlet, date and URL by file name or pattern",
    )
    parser.add_argument(
        "--text-field",
        metavar="NAME",
        help="the JSON field that holds the article text (a.b for a nested one)",
    )


def _options(args: argparse.Namespace) -> Options:
    from tui.core.reading.session import Options

    return Options(meta=args.meta, text_field=args.text_field)


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storyreader",
        description="Read one news story through many sources.",
        epilog=(
            "headless commands:\n"
            "  storyreader list [PATH...] [--format table|json]\n"
            "  storyreader compare A B [--format json|text|markdown] [--story PATH...]\n"
            "  storyreader overview [PATH...] [--format json|text]\n"
            "\nWith no PATH, the bundled story opens."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="open straight on the compare screen with the first two articles",
    )
    _add_reading(parser)
    parser.add_argument("--version", action="version", version=f"storyreader {__version__}")
    return parser


def _run_app(argv: Sequence[str]) -> int:
    args = _app_parser().parse_args(argv)
    # Importing Textual and drawing the first frame allocate a great deal and free
    # almost nothing: the cyclic collector would only rescan it (some 20 ms of
    # startup). The app turns it back on after its first frame.
    gc.disable()
    from tui.app.app import StoryReaderApp

    app = StoryReaderApp(_paths(args.paths), compare=args.compare, options=_options(args))
    app.run()
    return app.return_code or 0


def _list(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="storyreader list", description="Print the metadata the library shows."
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    parser.add_argument("--format", choices=_FORMATS_LIST, default="table")
    _add_reading(parser)
    args = parser.parse_args(argv)

    from tui.core.reading.loading import load_paths
    from tui.core.reports.listing import format_listing

    result = load_paths(_paths(args.paths), _options(args))
    for problem in result.problems:
        # The reason says what happened: skipped, or only partly read (still listed).
        print(f"storyreader: {problem}", file=sys.stderr)
    if not _emit(format_listing(result.articles, args.format)):
        return _CLOSED_PIPE
    return 0 if result.articles else 1


def _compare(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="storyreader compare",
        description=(
            "Report the sentences two articles share. Words are weighed across the story "
            "the two are read in: the two alone, or with the articles --story names."
        ),
    )
    parser.add_argument("a", metavar="A", help="first article")
    parser.add_argument("b", metavar="B", help="second article")
    parser.add_argument("--format", choices=_FORMATS_COMPARE, default="text")
    parser.add_argument(
        "--story",
        nargs="+",
        default=[],
        metavar="PATH",
        help="the other articles of the story (files or folders), as the app and overview read it",
    )
    _add_reading(parser)
    args = parser.parse_args(argv)

    from tui.core.reading.loading import load_paths
    from tui.core.reports.comparison import format_comparison
    from tui.core.story.model import Story

    sides = []
    for name in (args.a, args.b):
        result = load_paths([Path(name)], _options(args))
        if not result.articles:
            reason = result.problems[0].reason if result.problems else "no article in it"
            print(f"storyreader: cannot compare {name}: {reason}", file=sys.stderr)
            return 2
        sides.append(result.articles[0])
    named = [Path(value) for value in args.story]
    others = load_paths(named, _options(args)).articles if named else []
    articles, (first, second) = _story_with(sides, others)
    story = Story(articles)
    report = format_comparison(story.comparison(first, second), args.format, len(story))
    return 0 if _emit(report) else _CLOSED_PIPE


def _story_with(
    sides: Sequence[Article], others: Sequence[Article]
) -> tuple[list[Article], tuple[int, int]]:
    """The story's articles with both sides among them, and the sides' indices.

    A side that is also one of ``others`` (the same file, and line for JSON Lines)
    is that article, so the story holds it once.
    """
    articles = list(others)
    places = {
        (article.path.resolve(), article.part): index for index, article in enumerate(articles)
    }
    found = []
    for side in sides:
        place = places.get((side.path.resolve(), side.part))
        if place is None:
            place = places[side.path.resolve(), side.part] = len(articles)
            articles.append(side)
        found.append(place)
    return articles, (found[0], found[1])


def _overview(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="storyreader overview",
        description=(
            "Report who shares what with whom across a story: shared-content matrix, "
            "copy groups, sentences only one source has, figures and quotes."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    parser.add_argument("--format", choices=("json", "text"), default="text")
    _add_reading(parser)
    args = parser.parse_args(argv)

    from tui.core.reading.loading import load_paths
    from tui.core.reports.overview import format_overview
    from tui.core.story.model import Story
    from tui.core.story.overview import build_overview

    result = load_paths(_paths(args.paths), _options(args))
    for problem in result.problems:
        # The reason says what happened: skipped, or only partly read (still counted).
        print(f"storyreader: {problem}", file=sys.stderr)
    if not result.articles:
        print("storyreader: no articles to give an overview of", file=sys.stderr)
        return 1
    report = format_overview(build_overview(Story(result.articles)), args.format)
    return 0 if _emit(report) else _CLOSED_PIPE


_COMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "list": _list,
    "compare": _compare,
    "overview": _overview,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run storyreader with ``argv`` (default: the process arguments); return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in _COMMANDS:
        return _COMMANDS[args[0]](args[1:])
    return _run_app(args)
