"""PickSourceScreen: choose the second source, most shared first."""

from __future__ import annotations

import time
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.app.state import StoryState
from tui.core.text.safe import one_line

_REFRESH_SECONDS = 0.1
"""How often the list re-sorts while shares are still being computed."""


class PickSourceScreen(ModalScreen[int | None]):
    """Every other article of its story, sorted by how much of the first one it carries.

    In a folder of many stories only the articles of the first one's story are
    offered (the dialog says so): the others report other events.

    Shares are computed in a worker and the list re-sorts as they arrive, so it can
    be used at once on a big library.
    """

    CSS_PATH = "pick.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    BINDING_GROUP_TITLE = "Choose a source"

    def __init__(self, state: StoryState, first: int) -> None:
        super().__init__()
        self.state = state
        self.first = first
        self.articles = state.articles
        self.shares: dict[int, float] = {}
        """Share computed so far for each candidate (by article index)."""
        story = state.story_of(first)
        self.story = story
        """The story of ``first`` in a folder of many, ``None`` for one story."""
        members = range(len(self.articles)) if story is None else state.story_group(story).articles
        self.others = [index for index in members if index != first]
        """The articles ``first`` may be compared with, by index."""

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-panel") as panel:
            panel.border_title = f"Compare {self.state.labels[self.first]} with…"
            panel.border_subtitle = "enter to compare · escape to cancel"
            if self.story is not None:
                group = self.state.story_group(self.story)
                note = Text("Within its story: ", style="dim")
                note.append(group.label, style="bold")
                if not self.others:
                    note.append(" · no other article reports it", style="dim")
                yield Static(note, id="pick-story")
            yield OptionList(id="pick-list")
            yield ProgressBar(id="pick-progress", show_eta=False)

    def on_mount(self) -> None:
        self._fill()
        if self.others:
            self._measure()
        else:
            self.query_one(ProgressBar).display = False

    def _fill(self) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted_option.id if options.highlighted_option else None
        others = list(self.others)
        others.sort(key=lambda index: (-self.shares.get(index, -1.0), index))
        options.clear_options()
        for index in others:
            article = self.articles[index]
            share = self.shares.get(index)
            prompt = Text(f"{share:4.0%} " if share is not None else "   … ", style="bold")
            prompt.append(f"{self.state.labels[index]} — ", style="dim")
            prompt.append(one_line(article.title))
            options.add_option(Option(prompt, id=str(index)))
        if highlighted is not None:
            options.highlighted = options.get_option_index(highlighted)
        elif others:
            options.highlighted = 0

    @work(thread=True, exclusive=True, group="pick", description="measure what each carries")
    def _measure(self) -> None:
        worker = get_current_worker()
        others = self.others
        self.app.call_from_thread(self.query_one(ProgressBar).update, total=len(others))
        shown = time.monotonic()
        for done, index in enumerate(others, 1):
            if worker.is_cancelled:
                return
            # The share the compare header and the overview's matrix show for the pair.
            self.shares[index] = self.state.comparison(self.first, index).summary.a.share
            if time.monotonic() - shown > _REFRESH_SECONDS or done == len(others):
                self.app.call_from_thread(self._progress, done)
                shown = time.monotonic()

    def _progress(self, done: int) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(progress=done)
        bar.display = done < (bar.total or 0)
        self._fill()

    @on(OptionList.OptionSelected, "#pick-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)
