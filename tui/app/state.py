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
        story = self.story
        if story.compared(a, b) is not None:
            return True
        pair = len(self.articles[a].text) + len(self.articles[b].text)
        return pair <= AT_ONCE_CHARS and (story.weighed or self._chars() <= AT_ONCE_CHARS)

    def comparison(self, a: int, b: int) -> Comparison:
        """The story's comparison of articles ``a`` and ``b``, aligned once.

        Call it from a worker thread unless `at_once` says otherwise. Long work
        (weighing a long story, aligning a long pair) runs in a child process.

        Raises:
            OffloadCancelledError: The calling worker was cancelled meanwhile.
        """
        story = self.story
        found = story.compared(a, b)
        if found is not None:
            return found
        pair = len(self.articles[a].text) + len(self.articles[b].text)
        long_story = not story.weighed and self._chars() > OFFLOAD_CHARS
        if pair <= OFFLOAD_CHARS and not long_story:
            return story.comparison(a, b)
        from tui.app.offload import run_in_process  # only long work needs a child
        from tui.core.story.model import compared_alone

        if story.weighed:
            pair_only = [self.articles[a], self.articles[b]]
            weights, found = run_in_process(compared_alone, pair_only, 0, 1, story.weights)
        else:
            weights, found = run_in_process(compared_alone, self.articles, a, b, None)
            story.adopt_weights(weights)
        # The child's copies of the two articles stand for these very objects.
        found = dataclasses.replace(found, a=self.articles[a], b=self.articles[b])
        story.adopt(a, b, found)
        startup.keep_built()
        return found

    def _chars(self) -> int:
        return sum(len(article.text) for article in self.articles)
