"""StoryState: what the app has read and knows, the one object every screen is handed.

The library's loader fills it (articles and problems as files are read); once the
last file is read it becomes a `Story`, and from then on every screen asks it for
comparisons, so the compare screen, the pick list and the overview read the same
answer. Screens take it in their constructor: none reaches into the app for it.

A long pair is aligned in a child process (`tui.app.offload`), so the interface
keeps the interpreter while it works; the child computes exactly what
`Story.comparison` would, with the story's weights.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.app import startup
from tui.app.labels import Labeller
from tui.core.reading.articles import Article
from tui.core.reading.bundled import bundled_story
from tui.core.reading.problems import Problem

if TYPE_CHECKING:  # the engine: the library shows before it is imported
    from tui.core.alignment.comparison import Comparison
    from tui.core.reading.session import Options
    from tui.core.story.grouping import Grouping, StoryGroup
    from tui.core.story.model import Story

OFFLOAD_CHARS = 200_000
"""Work on more text than this (characters) is done in a child process."""
AT_ONCE_CHARS = 60_000
"""Pairs shorter than this (characters, both texts) align before the compare screen's
first frame: a few milliseconds, and the screen appears once, complete."""


def story_name(paths: Sequence[Path]) -> str:
    """What the header calls the story: the bundled one, a folder's name, or a count."""
    if len(paths) == 1:
        path = paths[0]
        if path.resolve() == bundled_story().resolve():
            return "Bundled story"
        return path.resolve().name or str(path)
    return f"{len(paths)} sources"


class StoryState:
    """The paths the user named, what was read from them, and the story they make."""

    def __init__(self, paths: Sequence[Path], options: Options | None = None) -> None:
        self.paths = list(paths)
        """The files and folders the user named (or the bundled story)."""
        self.options = options
        """How to read them: a side file, a JSON text field (``--meta``, ``--text-field``)."""
        self.name = story_name(self.paths)
        """What the title bar calls the story."""
        self.articles: list[Article] = []
        """Every article read so far, in load order; screens refer to articles by index."""
        self.problems: list[Problem] = []
        """Every input that could not be read, with the reason."""
        self.loading = True
        """True until every file is read."""
        self._story: Story | None = None
        self._labeller = Labeller()
        self.grouping: Grouping | None = None
        """The stories the articles form, once found, with the user's corrections
        (`tui.app.regrouping`); kept here only, never written to any file."""
        self._stories: dict[tuple[int, ...], Story] = {}
        """Each story of `grouping` as a story of its own, by its articles, built on use."""
        self._stories_lock = threading.Lock()

    @property
    def labels(self) -> tuple[str, ...]:
        """What every screen calls each article (`tui.app.labels`), by index: unique.

        Kept up to date as articles arrive: a new file can make an old label ambiguous.
        """
        return self._labeller.labels

    @property
    def names(self) -> Sequence[str]:
        """Each article's outlet, or the short form of its file name (not unique)."""
        return self._labeller.names

    @property
    def widest_name(self) -> int:
        """Cells of the widest of `names`."""
        return self._labeller.widest

    @property
    def story(self) -> Story:
        """The articles as one story (built on first use: it brings the engine).

        Raises:
            RuntimeError: While files are still being read.
        """
        if self.loading:
            raise RuntimeError("the story is still loading")
        if self._story is None:
            from tui.core.story.model import Story

            self._story = Story(self.articles)
        return self._story

    @property
    def many_stories(self) -> bool:
        """True once the articles are known to form more than one story."""
        return self.grouping is not None and len(self.grouping.stories) > 1

    def story_of(self, article: int) -> int | None:
        """The story (index in `grouping`) of ``article``, ``None`` while there is one story."""
        grouping = self.grouping
        if grouping is None or len(grouping.stories) < 2:
            return None
        return grouping.story_of(article)

    def story_group(self, index: int) -> StoryGroup:
        """Story ``index`` of `grouping`: its articles, label, dates and outlets."""
        assert self.grouping is not None
        return self.grouping.stories[index]

    def story_view(self, index: int) -> Story:
        """Story ``index`` of `grouping` as a story of its own (`Grouping.story`), built once.

        The overview of a story and the comparisons of its pairs both read it.
        """
        grouping = self.grouping
        assert grouping is not None
        members = grouping.stories[index].articles
        with self._stories_lock:  # the interface and workers both ask
            found = self._stories.get(members)
            if found is None:
                found = self._stories[members] = grouping.story(index)
        return found

    def regroup(self, grouping: Grouping) -> None:
        """Take the stories as found, or as the user corrected them."""
        self.grouping = grouping

    def all_problems(self) -> list[Problem]:
        """The load's problems, then the files that changed or went away since they were read."""
        from tui.core.reading.on_disk import changed_files

        loaded = {(article.path, article.sha256) for article in self.articles}
        return [*self.problems, *changed_files(loaded)]

    def add(self, articles: Sequence[Article], problems: Sequence[Problem]) -> None:
        """Take in what the loader has read, or an article fetched later (a new story then)."""
        if articles and self._story is not None:
            self._story = None  # built again, with the new article, when next asked for
        self.articles.extend(articles)
        self.problems.extend(problems)
        self._labeller.extend(articles)

    def finish(self) -> None:
        """Every file is read: from now on the articles are one story."""
        self.loading = False

    def at_once(self, a: int, b: int) -> bool:
        """Whether the pair can be compared before the compare screen's first frame.

        True for a short pair of a story whose words are weighed already (or short
        enough to weigh in a moment), and for a pair compared before.
        """
        story, a, b = self._story_for(a, b)
        if story.compared(a, b) is not None:
            return True
        pair = story.articles[a].chars + story.articles[b].chars
        return pair <= AT_ONCE_CHARS and (story.weighed or _chars(story) <= AT_ONCE_CHARS)

    def comparison(self, a: int, b: int) -> Comparison:
        """The story's comparison of articles ``a`` and ``b``, aligned once.

        Call it from a worker thread unless `at_once` says otherwise. Long work
        (weighing a long story, aligning a long pair) runs in a child process.

        Raises:
            OffloadCancelledError: The calling worker was cancelled meanwhile.
        """
        story, a, b = self._story_for(a, b)
        found = story.compared(a, b)
        if found is not None:
            return found
        articles = story.articles
        pair = articles[a].chars + articles[b].chars
        long_story = not story.weighed and _chars(story) > OFFLOAD_CHARS
        if pair <= OFFLOAD_CHARS and not long_story:
            return story.comparison(a, b)
        from tui.app.offload import run_in_process  # only long work needs a child
        from tui.core.story.model import compared_alone

        if story.weighed:
            pair_only = [articles[a], articles[b]]
            weights, found = run_in_process(compared_alone, pair_only, 0, 1, story.weights)
        else:
            weights, found = run_in_process(compared_alone, list(articles), a, b, None)
            story.adopt_weights(weights)
        # The child's copies of the two articles stand for these very objects.
        found = dataclasses.replace(found, a=articles[a], b=articles[b])
        story.adopt(a, b, found)
        startup.keep_built()
        return found

    def _story_for(self, a: int, b: int) -> tuple[Story, int, int]:
        """The story that compares articles ``a`` and ``b``, and their places in it.

        Two articles of one story of many are compared within it, its words weighed
        among its articles, as its overview compares them; any other pair within
        the whole folder.
        """
        story = self.story_of(a)
        if story is None or story != self.story_of(b):
            return self.story, a, b
        members = self.story_group(story).articles
        return self.story_view(story), members.index(a), members.index(b)


def _chars(story: Story) -> int:
    return sum(article.chars for article in story.articles)
