"""StoriesScreen: choose one of the folder's stories (to move an article to, or to sum up)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.regrouping import NEW_STORY, story_summary
from tui.core.story.grouping import StoryGroup


class StoriesScreen(ModalScreen[int | None]):
    """Every story with its size and dates; dismissed with the chosen story's index.

    With ``new_story`` the list ends with "A new story of its own" (`NEW_STORY`).
    The story given as ``current`` is marked and starts highlighted.
    """

    CSS_PATH = "stories.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    BINDING_GROUP_TITLE = "Choose a story"

    def __init__(
        self,
        stories: tuple[StoryGroup, ...],
        title: str,
        *,
        current: int | None = None,
        new_story: bool = False,
    ) -> None:
        super().__init__()
        self.stories = stories
        self.title_text = title
        """What the dialog asks (its border title)."""
        self.current = current
        self.new_story = new_story

    def compose(self) -> ComposeResult:
        with Vertical(id="stories-panel") as panel:
            panel.border_title = self.title_text
            panel.border_subtitle = "enter to choose · escape to cancel"
            options = []
            for number, story in enumerate(self.stories):
                prompt = Text("● " if number == self.current else "  ", style="bold")
                prompt.append(story.label, style="bold")
                prompt.append(f"\n  {story_summary(story)}", style="dim")
                options.append(Option(prompt, id=str(number)))
            if self.new_story:
                options.append(
                    Option(Text("  A new story of its own", "italic"), id=str(NEW_STORY))
                )
            yield OptionList(*options, id="stories-list")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.current or 0
        options.focus()

    @on(OptionList.OptionSelected, "#stories-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)
