"""The ``storyreader`` command: the app by default, headless reports as subcommands.

``main(argv)`` returns an exit code instead of exiting, so tests call it in-process.
Textual is imported only when the app actually starts, which keeps the headless
commands fast and usable where no terminal is attached.

Every subcommand is one function taking its arguments (``_list``, ``_compare``,
``_overview``, ``_stories``), registered in `_COMMANDS`; they share the channels text leaves by:
`_emit` for the report on stdout, `_Session.warn` for one-line messages on stderr
(file names in them shown inert), and the `Progress` line on a terminal's stderr.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import itertools
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.core.reading.bundled import bundled_story
from tui.core.text.safe import inert_line, make_inert
from tui.progress import Progress

if TYPE_CHECKING:
    from tui.core.reading.articles import Article
    from tui.core.reading.loading import LoadResult
    from tui.core.reading.problems import Problem
    from tui.core.reading.session import Options

_FORMATS_LIST = ("table", "json")
_FORMATS_COMPARE = ("json", "text", "markdown", "html")
_FORMATS_OVERVIEW = ("json", "text", "html")
_USAGE = 2
"""Exit code for a command line that cannot be run (as argparse exits)."""
_CLOSED_PIPE = 141
"""Exit code when the reader of stdout went away: 128 + SIGPIPE, as shells report it."""
_TERMINAL_INDENT = 2
"""JSON on a terminal is pretty-printed with this indent; in a pipe it is compact."""
_NO_TERMINAL = (
    "the app needs a terminal, and stdout or stdin is not one; for a report that can go "
    "to a pipe or a file, use `storyreader list`, `compare A B` or `overview` (see --help)"
)
_READ_STEP = 100
"""Articles read between two updates of the progress line."""


def _emit(report: str) -> bool:
    """Print ``report`` to stdout; False when the reader closed the pipe (``| head``).

    Reports are safe by construction; `make_inert` here is the channel's own guard,
    so that no report, present or future, passes a control character raw.
    Whatever is left to write after a closed pipe goes to the null device, so that
    Python's own flush at exit does not fail again with a traceback.
    """
    try:
        print(make_inert(report))
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return False
    return True


def _warn(message: str) -> None:
    """One line on stderr, ``storyreader: `` first (``message`` already made safe)."""
    print(f"storyreader: {message}", file=sys.stderr)


def _name(path: Path | str) -> str:
    """A file name as a message shows it: undecodable bytes as U+FFFD, controls inert."""
    from tui.core.reports.records import path_text

    return inert_line(path_text(Path(path)))


def _isatty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _indent(args: argparse.Namespace) -> int | None:
    """The JSON indent: ``--indent`` if given, else pretty on a terminal, compact in a pipe."""
    if args.indent is not None:
        return args.indent or None
    return _TERMINAL_INDENT if _isatty(sys.stdout) else None


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


def _add_indent(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--indent",
        type=_count,
        metavar="N",
        help="pretty-print JSON with N spaces (0: compact; default: 2 on a terminal, "
        "compact in a pipe)",
    )


def _count(value: str) -> int:
    """A whole number of zero or more, for argparse."""
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number of 0 or more, not {value!r}")
    return int(value)


def _names(values: Sequence[str]) -> list[str]:
    """The paths and addresses the user named, or the bundled story when there are none."""
    return list(values) or [str(bundled_story())]


class _Session:
    """What a headless command says on stderr: its problems, and its progress."""

    def __init__(self, progress: Progress, options: Options) -> None:
        self.progress = progress
        self.options = options
        self.failed: list[str] = []
        """Addresses that gave no article, each a line naming it and why."""

    def warn(self, message: str) -> None:
        """`_warn`, above the progress line if one is shown."""
        self.progress.say(f"storyreader: {message}")

    def load(self, names: Iterable[str], what: str = "") -> LoadResult:
        """Read the paths and fetch the addresses among ``names``, in order, showing progress.

        Problems are told by `tell`, addresses that gave nothing too (`failed`).
        """
        from tui.core.reading.address import is_url
        from tui.core.reading.loading import LoadResult, iter_load

        result = LoadResult()
        self.progress.step(f"reading {what}".rstrip())
        for address, run in itertools.groupby(names, key=is_url):
            if address:
                # Only addresses need urllib and http.client (some 25 ms to import).
                from tui.core.reading.url import FetchError, read_url

                for url in run:
                    self.progress.step(f"fetching {inert_line(url)}")
                    try:
                        found = read_url(url)
                    except FetchError as error:
                        self.failed.append(str(error))
                        continue
                    for item in found:
                        result.add(item)
                continue
            for item in iter_load(map(Path, run), self.options):
                result.add(item)
                if len(result.articles) % _READ_STEP == 0:
                    self.progress.step(f"reading {what}: {len(result.articles):,} articles")
        return result

    def read(self, paths: Sequence[str]) -> list[Article]:
        """The articles of the command's ``PATH`` arguments, their problems told."""
        result = self.load(_names(paths))
        self.tell(result.problems)
        return result.articles

    def tell(self, problems: Iterable[Problem]) -> None:
        """One line per problem and per address that failed: skipped, or partly read."""
        for line in self.failed:
            self.warn(line)
        self.failed.clear()
        for problem in problems:
            self.warn(f"{_name(problem.path)}: {inert_line(problem.reason)}")


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storyreader",
        description="Read one news story through many sources.",
        epilog=(
            "headless commands:\n"
            "  storyreader list [PATH...] [--format table|json]\n"
            "  storyreader compare A B [--format json|text|markdown|html] [--story PATH...]\n"
            "  storyreader overview [PATH...] [--format json|text|html]\n"
            "JSON is compact in a pipe and pretty on a terminal; --indent N chooses.\n"
            "\nWith no PATH, the bundled story opens."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="article files, folders or web addresses"
    )
    parser.add_argument(
        "--compare",
        action="store_true",
        help="open straight on the compare screen with the first two articles",
    )
    parser.add_argument(
        "--no-config",
        action="store_true",
        help="start with the default settings and save none (also STORYREADER_NO_CONFIG=1)",
    )
    _add_reading(parser)
    parser.add_argument("--version", action="version", version=f"storyreader {__version__}")
    return parser


def _run_app(argv: Sequence[str]) -> int:
    args = _app_parser().parse_args(argv)
    refused = _refusal(args.paths)
    if refused:
        for message in refused:
            _warn(message)
        return _USAGE
    # Importing Textual and drawing the first frame allocate a great deal and free
    # almost nothing: the cyclic collector would only rescan it (some 20 ms of
    # startup). The app turns it back on after its first frame.
    gc.disable()
    from tui.app.app import StoryReaderApp
    from tui.core.reading.address import is_url

    urls = [name for name in args.paths if is_url(name)]
    paths = [Path(name) for name in args.paths if not is_url(name)]
    if not args.paths:
        paths = [bundled_story()]
    from tui.app.remember import settings_file

    app = StoryReaderApp(
        paths,
        compare=args.compare,
        options=_options(args),
        urls=urls,
        settings=settings_file(args.no_config),
    )
    app.run()
    code = app.return_code or 0
    if code:
        # Textual has printed the traceback on stderr, after leaving the full screen.
        _warn(f"the app stopped on an unexpected error (exit code {code}); its traceback is above")
    return code


def _refusal(names: Sequence[str]) -> list[str]:
    """Why the app should not start on ``names``, or nothing when it can.

    A first name that is no file but is spelled like a command is a mistyped
    command; names of which none exists would open an empty app; and the app
    needs a terminal on both ends (in a pipe it would write escape codes into it).
    """
    from tui.core.reading.address import is_url

    missing = [name for name in names if not is_url(name) and _missing(name)]
    if names and names[0] in missing:
        close = difflib.get_close_matches(names[0], _COMMANDS, n=1, cutoff=0.6)
        if close:
            name = _name(names[0])
            return [
                f"{name} is neither a file nor a command; did you mean `storyreader {close[0]}`?"
            ]
    if names and len(missing) == len(names):
        return [f"{_name(name)}: not found" for name in missing]
    if not (_isatty(sys.stdin) and _isatty(sys.stdout)):
        return [_NO_TERMINAL]
    return []


def _missing(name: str) -> bool:
    """True when nothing is at ``name`` (a path the app cannot even look at is not missing)."""
    try:
        os.lstat(name)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except (OSError, ValueError):  # no permission to look, a NUL in the name: loading says
        return False
    return False


def _list(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="storyreader list", description="Print the metadata the library shows."
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="article files, folders or web addresses"
    )
    parser.add_argument("--format", choices=_FORMATS_LIST, default="table")
    _add_indent(parser)
    _add_reading(parser)
    args = parser.parse_args(argv)

    from tui.core.reports.listing import format_listing

    with Progress() as progress:
        articles = _Session(progress, _options(args)).read(args.paths)
    width = shutil.get_terminal_size().columns if _isatty(sys.stdout) else None
    report = format_listing(articles, args.format, width=width, indent=_indent(args))
    if not _emit(report):
        return _CLOSED_PIPE
    return 0 if articles else 1


def _compare(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="storyreader compare",
        description=(
            "Report the sentences two articles share. Words are weighed across the story "
            "the two are read in: the two alone, or with the articles --story names."
        ),
    )
    parser.add_argument("a", metavar="A", help="first article (a file or a web address)")
    parser.add_argument("b", metavar="B", help="second article (a file or a web address)")
    parser.add_argument("--format", choices=_FORMATS_COMPARE, default="text")
    parser.add_argument(
        "--story",
        nargs="+",
        default=[],
        metavar="PATH",
        help="the other articles of the story (files, folders or web addresses), as the app "
        "and overview read it",
    )
    _add_indent(parser)
    _add_reading(parser)
    args = parser.parse_args(argv)

    from tui.core.reports.comparison import format_comparison
    from tui.core.story.model import Story

    with Progress() as progress:
        session = _Session(progress, _options(args))
        sides = []
        for label, name in (("A", args.a), ("B", args.b)):
            result = session.load([name], label)
            if not result.articles:
                if session.failed:
                    session.warn(f"cannot compare {session.failed[0]}")
                    return _USAGE
                reason = result.problems[0].reason if result.problems else "no article in it"
                session.warn(f"cannot compare {_name(name)}: {inert_line(reason)}")
                return _USAGE
            session.tell(result.problems)
            sides.append(result.articles[0])
        others = []
        if args.story:
            found = session.load(args.story, "the story")
            session.tell(found.problems)
            others = found.articles
        articles, (first, second) = _story_with(sides, others)
        story = Story(articles)
        progress.step("cutting sentences")
        story.units(first)
        story.units(second)
        progress.step("aligning")
        comparison = story.comparison(first, second)
        progress.step("writing the report")
        if args.format == "html":
            from tui.core.reports.html import comparison_html

            report = comparison_html(comparison, len(story))
        else:
            report = format_comparison(comparison, args.format, len(story), indent=_indent(args))
    return 0 if _emit(report) else _CLOSED_PIPE


def _story_with(
    sides: Sequence[Article], others: Sequence[Article]
) -> tuple[list[Article], tuple[int, int]]:
    """The story's articles with both sides among them, and the sides' indices.

    A side that is also one of ``others`` (the same file, and line for JSON Lines)
    is that article, so the story holds it once.
    """
    articles = list(others)
    places = {_place(article): index for index, article in enumerate(articles)}
    found = []
    for side in sides:
        place = places.get(_place(side))
        if place is None:
            place = places[_place(side)] = len(articles)
            articles.append(side)
        found.append(place)
    return articles, (found[0], found[1])


def _place(article: Article) -> tuple[Path, int | None, str]:
    """What makes an article the same one twice: its file, line and bytes.

    The bytes tell apart two pages fetched from addresses that end alike.
    """
    return article.path.resolve(), article.part, article.sha256


def _overview(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="storyreader overview",
        description=(
            "Report who shares what with whom across a story: shared-content matrix, "
            "copy groups, sentences only one source has, figures and quotes."
        ),
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="article files, folders or web addresses"
    )
    parser.add_argument("--format", choices=_FORMATS_OVERVIEW, default="text")
    _add_indent(parser)
    _add_reading(parser)
    args = parser.parse_args(argv)

    from tui.core.reports.overview import format_overview
    from tui.core.story.model import Story
    from tui.core.story.overview import build_overview

    with Progress() as progress:
        session = _Session(progress, _options(args))
        articles = session.read(args.paths)
        if not articles:
            session.warn("no articles to give an overview of")
            return 1

        def advance(stage: str, done: int, total: int) -> None:
            progress.step(f"{stage} {done:,}/{total:,}" if total > 1 else stage)

        overview = build_overview(Story(articles), progress=advance)
        progress.step("writing the report")
        if args.format == "html":
            from tui.core.reports.html import overview_html

            report = overview_html(overview)
        else:
            report = format_overview(overview, args.format, indent=_indent(args))
    return 0 if _emit(report) else _CLOSED_PIPE


def _stories(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="storyreader stories",
        description=(
            "Group the articles into stories, one per event: every article in exactly one "
            "story, largest story first."
        ),
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="article files, folders or web addresses"
    )
    parser.add_argument("--format", choices=("json", "text"), default="text")
    _add_indent(parser)
    _add_reading(parser)
    args = parser.parse_args(argv)

    from tui.core.reports.stories import format_stories
    from tui.core.story.grouping import group_stories

    with Progress() as progress:
        session = _Session(progress, _options(args))
        articles = session.read(args.paths)
        if not articles:
            session.warn("no articles to group")
            return 1
        count = len(articles)

        def advance(stage: str, done: int, total: int) -> None:
            progress.step(f"grouping {count:,} articles: {stage} {done:,}/{total:,}")

        grouping = group_stories(articles, progress=advance)
        report = format_stories(grouping, args.format, indent=_indent(args))
    return 0 if _emit(report) else _CLOSED_PIPE


_COMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "list": _list,
    "compare": _compare,
    "overview": _overview,
    "stories": _stories,
}
"""The headless commands, by name: ``storyreader NAME ARGS...`` runs ``_COMMANDS[NAME](ARGS)``."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run storyreader with ``argv`` (default: the process arguments); return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in _COMMANDS:
        # A headless command builds its story, links and report and exits: what it
        # allocates forms no cycles worth finding, and each collection after a paused
        # stage rescanned all of it (a tenth of an overview of 400 articles).
        from tui.core.reading.on_disk import changed_files

        already = len(changed_files())
        enabled = gc.isenabled()
        gc.disable()
        try:
            code = _COMMANDS[args[0]](args[1:])
        finally:
            if enabled:
                gc.enable()
        # Files that changed while it ran: their texts were not what the command read.
        for problem in changed_files()[already:]:
            _warn(f"{_name(problem.path)}: {inert_line(problem.reason)}")
        return code
    return _run_app(args)
