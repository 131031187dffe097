"""FolderLoader: reads the paths the user named into the story state, first files first.

The first files are read before the first frame (a story of a few dozen articles
is read entirely then); a big folder's rest is read by a worker thread that puts
what it reads in an inbox, and the interface takes it in on a timer: a slow file
never holds back the rows already read, and painting never waits for reading.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from tui.app.courtesy import courtesy
from tui.app.state import StoryState
from tui.core.reading.articles import Article
from tui.core.reading.loading import find_files, load_files
from tui.core.reading.problems import Problem


class FolderLoader:
    """One load of a state's paths, shared by the interface and one worker thread."""

    def __init__(self, state: StoryState) -> None:
        found = find_files(state.paths, state.options)  # walks only; no article is opened
        self.state = state
        self.total = len(found.files)
        """Files to read."""
        self.done = 0
        """Files read and taken into the state."""
        self._results = load_files(found.files, folders=found.folders, session=found.session)
        self._read = 0
        self._inbox: deque[tuple[list[Article], list[Problem], int]] = deque()
        state.add([], found.problems)

    @property
    def finished(self) -> bool:
        """True once every file is read and taken in."""
        return self.done >= self.total

    def read_first(self, budget: float) -> None:
        """Read files for up to ``budget`` seconds and take them in at once."""
        deadline = time.monotonic() + budget
        articles: list[Article] = []
        problems: list[Problem] = []
        while self._read < self.total and time.monotonic() < deadline:
            _, loaded = next(self._results)
            articles.extend(loaded.articles)
            problems.extend(loaded.problems)
            self._read += 1
        self.state.add(articles, problems)
        self.done = self._read

    def read_rest(self, cancelled: Callable[[], bool]) -> None:
        """Read the remaining files into the inbox (in a worker thread)."""
        for _, loaded in self._results:
            courtesy.wait()
            if cancelled():
                return
            self._read += 1
            self._inbox.append((loaded.articles, loaded.problems, self._read))

    def take_in(self) -> bool:
        """Move what the worker has read into the state; True when anything arrived."""
        articles: list[Article] = []
        problems: list[Problem] = []
        done = self.done
        while self._inbox:
            batch, skipped, done = self._inbox.popleft()
            articles.extend(batch)
            problems.extend(skipped)
        if done == self.done:
            return False
        self.state.add(articles, problems)
        self.done = done
        return True
