"""ArticleList: the library table, one row per article, drawn with the Line API.

In a folder of many stories the rows are grouped: a row per story (its label, size
and dates), which opens to show its articles' rows (a line down their left edge) and
closes again. A story of one article is that article's own row: nothing to open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.labels import abbreviate
from tui.app.widgets.component_styles import ComponentStyles
from tui.core.reading.articles import Article
from tui.core.text.safe import one_line

if TYPE_CHECKING:  # the engine: the library shows before it is imported
    from tui.core.story.grouping import StoryGroup

SORTS: dict[str, Callable[[Article, str], object]] = {
    "file": lambda article, label: (str(article.path), article.part or 0),
    "date": lambda article, label: (article.date or "9999", str(article.path)),
    "outlet": lambda article, label: (label.casefold(), str(article.path)),
    "length": lambda article, label: (-article.words, str(article.path)),
}
"""Orders the library can be sorted in, cycled with ``s``: by article and its label."""

_GAP = "  "
_MARK = "● "
"""Drawn before the outlet of the marked article."""
_MEMBER = "│ "
"""Drawn before the outlet of an article shown under its story's row."""
_OPEN = "▾ "
_CLOSED = "▸ "
"""Drawn before a story's label: its articles shown, or not."""
HEADLINE_MIN = 41
"""Cells of headline every row keeps before any other column is shown (40 characters
and an ellipsis): the headline is what a person scans (`plan_columns`)."""
OUTLET_MAX = 18
"""Widest outlet column: ``themoscowtimes.com``."""
OUTLET_MIN = 6
"""Narrowest outlet column: its header, ``Outlet``."""
OUTLET_FOR_DATE = 14
"""Narrowest the outlet column gets to make room for the date (``themoscowtimes``)."""
_DATE = 10
_WORDS = 6


@dataclass(frozen=True, slots=True)
class Columns:
    """Cells of each column of the library at one width; 0 for a column left out."""

    outlet: int
    headline: int
    date: int
    words: int


def plan_columns(width: int, outlets: Callable[[int], int]) -> Columns:
    """Share ``width`` cells between the columns, the headline first.

    The headline keeps `HEADLINE_MIN` cells; then the outlet column gets what its
    widest label needs (up to `OUTLET_MAX`), then the date (the outlet giving up to
    `OUTLET_FOR_DATE` cells for it: labels abbreviate well), then the length, as far
    as they fit. Whatever is left widens the headline.

    Args:
        width: Cells of the row.
        outlets: Cells the widest label takes when abbreviated to a given width.
    """
    gap = len(_GAP)
    fixed = len(_MARK) + gap
    room = width - fixed - HEADLINE_MIN
    outlet = max(min(outlets(OUTLET_MAX), OUTLET_MAX), OUTLET_MIN)
    date = words = 0
    if room < outlet:
        outlet = max(room, OUTLET_MIN)
    elif room - min(outlet, OUTLET_FOR_DATE) >= _DATE + gap:
        date = _DATE
        outlet = min(outlet, room - _DATE - gap)
        words = _WORDS if room - outlet - _DATE - gap >= _WORDS + gap else 0
    outlet = max(outlets(outlet), OUTLET_MIN)  # abbreviated labels may need less
    used = fixed + outlet + (date + gap if date else 0) + (words + gap if words else 0)
    return Columns(outlet, max(width - used, 1), date, words)


class ArticleList(ComponentStyles, ScrollView, can_focus=True, inherit_bindings=False):
    """Outlet, headline, date and length of every article; the cursor picks what to read.

    A Line API widget: only the rows on screen are drawn, so ten thousand articles
    scroll, sort and resize instantly, and the headline column always takes exactly
    the width that is left. Text is drawn as `Text`, never parsed as markup.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Read", tooltip="Read the selected article"),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("pageup,b", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,g", "jump(0)", "First", show=False),
        Binding("end,G", "jump(-1)", "Last", show=False),
        Binding("space", "mark", "Mark", tooltip="Mark this article to compare it with another"),
        Binding("c", "compare", "Compare", tooltip="Compare with the marked article, or pick one"),
        Binding("s", "cycle_sort", "Sort", tooltip="Sort by file, date, outlet or length"),
        Binding("right", "open_story", "Open story", show=False),
        Binding("left", "close_story", "Close story", show=False),
        # The story keys are listed by ? and the palette, not in the key bar: on a
        # narrow bar they would push out the screen's Overview and Find.
        Binding("e", "toggle_all", "All stories", show=False),
        Binding("M", "move_article", "Move to story", show=False),
        Binding("n", "split_story", "Split story", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | up, k / down, j | Move the cursor. |
    | pageup, b / pagedown | Move a page. |
    | home, g / end, G | First / last article. |
    | enter | Read the selected article. |
    | space | Mark the article to compare it with another. |
    | c | Compare with the marked article, or choose the other source. |
    | s | Sort by file, date, outlet or length. |
    | enter, space / right, left | On a story row: open or close the story. |
    | e | Open or close every story. |
    | M | Move the article to another story, or a new story of its own. |
    | n | Split the article (and the marked one) off into a new story. |
    """

    BINDING_GROUP_TITLE = "Library"
    STYLE_PREFIX = "article-list"

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--header",
        "article-list--cursor",
        "article-list--muted",
        "article-list--story",
    }

    DEFAULT_CSS = """
    ArticleList {
        overflow-x: hidden;
        & > .article-list--header { text-style: bold; color: $text-accent; }
        & > .article-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold; }
        &:blur > .article-list--cursor { background: $block-cursor-blurred-background; text-style: none; }
        & > .article-list--muted { color: $text-muted; }
        & > .article-list--story { text-style: bold; color: $text-primary; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True)
    """Row of the cursor (in display order)."""
    sort: reactive[str] = reactive("file")
    """Key of `SORTS` the rows are ordered by."""

    class Highlighted(Message):
        """The cursor moved to another article."""

        def __init__(self, index: int) -> None:
            self.index = index
            """Position of the article in the app's article list."""
            super().__init__()

    class CompareRequested(Message):
        """The user asked to compare the article under the cursor with another."""

        def __init__(self, index: int, marked: int | None) -> None:
            self.index = index
            """Position of the article under the cursor in the app's article list."""
            self.marked = marked
            """The marked article to compare it with, if one is marked."""
            super().__init__()

    class MoveRequested(Message):
        """The user asked to move the article under the cursor to another story."""

        def __init__(self, index: int) -> None:
            self.index = index
            """Position of the article in the app's article list."""
            super().__init__()

    class SplitRequested(Message):
        """The user asked for these articles to leave their story for a new one."""

        def __init__(self, articles: tuple[int, ...]) -> None:
            self.articles = articles
            """Positions of the articles in the app's article list."""
            super().__init__()

    class Chosen(Message):
        """The user asked to read the article under the cursor (enter or a click on it)."""

        def __init__(self, index: int) -> None:
            self.index = index
            """Position of the article in the app's article list."""
            super().__init__()

    def __init__(self, articles: Sequence[Article], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._articles = articles
        self._labels: Sequence[str] = ()
        """What the outlet column calls each article (`tui.app.labels`)."""
        self._widest = 0
        """Cells of the widest label."""
        self._order: list[int] = []
        """Every article, in the order of `sort`."""
        self._stories: Sequence[StoryGroup] | None = None
        """The stories the rows are grouped by, ``None`` for one story (no story rows)."""
        self._open: set[tuple[int, ...]] = set()
        """The stories (by their articles) whose article rows are shown."""
        self._rows: list[int] = self._order
        """What each row shows: an article's index, or ``-1 - n`` for story ``n``'s row.
        Without stories, `_order` itself."""
        self._members: set[int] = set()
        """The articles shown under their story's row (not a story of one)."""
        self._outlet_widths: dict[int, int] = {}
        """Cells the widest label takes abbreviated to a width, by width."""
        self.marked: int | None = None
        """The article marked with space, waiting for a partner to compare with."""

    @property
    def selected(self) -> int | None:
        """Index (in the app's article list) of the article under the cursor.

        ``None`` on a story row.
        """
        row = self._rows[self.cursor] if self._rows else None
        return row if row is not None and row >= 0 else None

    @property
    def selected_story(self) -> int | None:
        """The story of the row under the cursor (its own, or its article's); ``None`` ungrouped."""
        if self._stories is None or not self._rows:
            return None
        row = self._rows[self.cursor]
        if row < 0:
            return -1 - row
        return next(n for n, story in enumerate(self._stories) if row in story.articles)

    @property
    def grouped(self) -> bool:
        """True while the rows are grouped by story."""
        return self._stories is not None

    def set_stories(self, stories: Sequence[StoryGroup] | None) -> None:
        """Group the rows by ``stories`` (``None``: one story, a row per article).

        The cursor stays on its article, whose story opens; stories open before stay open.
        """
        current = self.selected
        self._stories = stories
        if stories is not None and current is not None:
            self._open.add(next(story.articles for story in stories if current in story.articles))
        self._lay_out(current)
        self.refresh_bindings()

    def _lay_out(self, keep: int | None = None) -> None:
        """Work out the rows again, the cursor kept on article ``keep`` (or its row)."""
        stories = self._stories
        if stories is None:
            self._rows, self._members = self._order, set()
        else:
            position = {article: n for n, article in enumerate(self._order)}
            rows: list[int] = []
            members: set[int] = set()
            for number, story in enumerate(stories):
                if len(story.articles) == 1:
                    rows.extend(story.articles)  # a story of one: its article's own row
                    continue
                rows.append(-1 - number)
                if story.articles in self._open:
                    rows.extend(sorted(story.articles, key=position.__getitem__))
                    members.update(story.articles)
            self._rows, self._members = rows, members
        self.virtual_size = Size(self.size.width, len(self._rows) + 1)
        if keep is not None and keep in self._rows:
            self.set_reactive(ArticleList.cursor, self._rows.index(keep))
        else:
            self.set_reactive(ArticleList.cursor, self.validate_cursor(self.cursor))
        self.watch_cursor(self.cursor, self.cursor)

    def refresh_rows(self, labels: Sequence[str], widest: int) -> None:
        """Pick up articles appended to the list since the last call, and their labels.

        Args:
            labels: What to call every article, by index (a new file may change old ones).
            widest: Cells of the widest label.
        """
        known = len(self._order)
        self._order.extend(range(known, len(self._articles)))
        self._labels, self._widest = labels, widest
        self._outlet_widths = {}
        if self.sort != "file":
            self._sort_keeping_cursor()
        self.virtual_size = Size(self.size.width, len(self._rows) + 1)
        self.refresh()
        if known == 0 and self._order:
            self.cursor = 0

    def select(self, index: int) -> None:
        """Move the cursor to the article at ``index`` of the app's list (opening its story)."""
        if index not in self._rows and self._stories is not None:
            story = next((s for s in self._stories if index in s.articles), None)
            if story is not None:
                self._open.add(story.articles)
                self._lay_out()
        if index in self._rows:
            self.cursor = self._rows.index(index)

    # Cursor

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._rows) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        top = int(self.scroll_y)
        visible = max(self.scrollable_content_region.height - 1, 1)
        if new < top:
            self.scroll_to(y=new, animate=False, immediate=True)
        elif new >= top + visible:
            self.scroll_to(y=new - visible + 1, animate=False, immediate=True)
        self.refresh()
        selected = self.selected
        if selected is not None:
            self.post_message(self.Highlighted(selected))

    def action_move(self, step: int) -> None:
        self.cursor += step

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(self.scrollable_content_region.height - 2, 1)

    def action_jump(self, row: int) -> None:
        self.cursor = row if row >= 0 else len(self._rows) - 1

    def action_choose(self) -> None:
        selected = self.selected
        if selected is not None:
            self.post_message(self.Chosen(selected))
        elif self._rows:
            self._toggle_story(-1 - self._rows[self.cursor])

    def action_mark(self) -> None:
        selected = self.selected
        if selected is None:
            if self._rows:
                self._toggle_story(-1 - self._rows[self.cursor])
            return
        self.marked = None if selected == self.marked else selected
        self.refresh()

    # Stories

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The story keys only while the rows are grouped by story."""
        if action in {"open_story", "close_story", "toggle_all", "move_article", "split_story"}:
            return self._stories is not None
        return True

    def _toggle_story(self, number: int, opened: bool | None = None) -> None:
        assert self._stories is not None
        members = self._stories[number].articles
        if len(members) == 1:
            return  # shown as its article's row: nothing opens or closes
        if opened is None:
            opened = members not in self._open
        if opened:
            self._open.add(members)
        else:
            self._open.discard(members)
        self._lay_out()
        self.cursor = self._rows.index(-1 - number)

    def action_open_story(self) -> None:
        """On a story row, show its articles; on an article row, nothing to do."""
        if self._rows and self._rows[self.cursor] < 0:
            self._toggle_story(-1 - self._rows[self.cursor], opened=True)

    def action_close_story(self) -> None:
        """Hide the articles of the story under the cursor, the cursor on its row."""
        story = self.selected_story
        if story is not None:
            self._toggle_story(story, opened=False)

    def action_toggle_all(self) -> None:
        """Open every story, or close them all when all are open."""
        if self._stories is None:
            return
        every = {story.articles for story in self._stories}
        story = self.selected_story
        self._open = set() if every <= self._open else every
        self._lay_out(self.selected)
        if self.selected is None and story is not None:
            self.cursor = self._rows.index(-1 - story)

    def action_move_article(self) -> None:
        selected = self.selected
        if selected is not None:
            self.post_message(self.MoveRequested(selected))

    def action_split_story(self) -> None:
        """Split the article under the cursor off, with the marked one if of the same story."""
        selected, story = self.selected, self.selected_story
        if selected is None or story is None or self._stories is None:
            return
        leaving = {selected}
        if self.marked is not None and self.marked in self._stories[story].articles:
            leaving.add(self.marked)
        self.marked = None
        self.post_message(self.SplitRequested(tuple(sorted(leaving))))

    def action_compare(self) -> None:
        selected = self.selected
        if selected is not None:
            marked = self.marked if self.marked != selected else None
            self.post_message(self.CompareRequested(selected, marked))

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        row = offset.y - 1 + int(self.scroll_y)
        if 0 <= row < len(self._rows):
            if row == self.cursor:
                self.action_choose()
            self.cursor = row

    # Sorting

    def action_cycle_sort(self) -> None:
        names = list(SORTS)
        self.sort = names[(names.index(self.sort) + 1) % len(names)]

    def watch_sort(self) -> None:
        self._sort_keeping_cursor()
        self.refresh()

    def _sort_keeping_cursor(self) -> None:
        current = self.selected
        key = SORTS[self.sort]
        labels = self._labels
        self._order.sort(key=lambda index: key(self._articles[index], labels[index]))  # type: ignore[arg-type, return-value]
        if self._stories is not None:
            self._lay_out(current)
        elif current is not None:
            self.set_reactive(ArticleList.cursor, self._order.index(current))
            self.watch_cursor(self.cursor, self.cursor)

    # Drawing

    def _outlets(self, width: int) -> int:
        """Cells the widest label takes abbreviated to ``width`` (for `plan_columns`).

        Only labels wider than ``width`` are abbreviated: a few outlet names, even
        among ten thousand files; none when the widest fits.
        """
        if self._widest <= width:
            return self._widest
        cells = self._outlet_widths.get(width)
        if cells is None:
            cells = max(
                (
                    cell_len(abbreviate(label, width)) if len(label) > width else cell_len(label)
                    for label in set(self._labels)
                ),
                default=0,
            )
            self._outlet_widths[width] = cells
        return cells

    def _row(
        self,
        cells: Sequence[str],
        width: int,
        style: Style,
        muted: Style,
        mark: bool = False,
        member: bool = False,
    ) -> Strip:
        outlet, headline, date, words = cells
        columns = plan_columns(width, self._outlets)
        text = Text(no_wrap=True, end="", style=style)
        if member and not mark:
            text.append(_MEMBER, muted)
        else:
            text.append(_MARK if mark else " " * len(_MARK))
        label = abbreviate(outlet, columns.outlet)
        text.append(label + " " * (columns.outlet - cell_len(label)))
        text.append(_GAP)
        title = Text(headline, no_wrap=True)
        title.truncate(columns.headline, overflow="ellipsis", pad=True)
        text.append_text(title)
        if columns.date:
            text.append(_GAP)
            text.append(date.ljust(columns.date), muted)
        if columns.words:
            text.append(_GAP)
            text.append(words.rjust(columns.words), muted)
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.crop_extend(0, width, style)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.component_style("")
        if y == 0:
            header = base + self.component_style("header")
            arrow = "" if self.sort == "file" else f" (by {self.sort})"
            return self._row(("Outlet", f"Headline{arrow}", "Date", "Words"), width, header, header)
        row = int(self.scroll_y) + y - 1
        if row >= len(self._rows):
            return Strip.blank(width, base)
        index = self._rows[row]
        style, muted = base, base + self.component_style("muted", partial=False)
        if index < 0:
            style = base + self.component_style("story")
        if row == self.cursor:
            style = muted = base + self.component_style("cursor")
        if index < 0:
            return self._story_row(-1 - index, width, style, muted)
        article = self._articles[index]
        cells = (
            self._labels[index],
            one_line(article.title),
            article.date or "",
            f"{article.words:,}",
        )
        return self._row(
            cells, width, style, muted, mark=index == self.marked, member=index in self._members
        )

    def _story_row(self, number: int, width: int, style: Style, muted: Style) -> Strip:
        """``▸ label ……… 5 articles · dates``: the summary right-aligned, the label cut first."""
        from tui.app.regrouping import story_summary  # grouped: the engine is loaded

        assert self._stories is not None
        story = self._stories[number]
        summary = story_summary(story)
        arrow = _OPEN if story.articles in self._open else _CLOSED
        room = width - len(arrow) - len(_GAP) - cell_len(summary)
        if room < HEADLINE_MIN // 2:  # a narrow list: the label first, the summary cut
            room = min(width - len(arrow), max(HEADLINE_MIN // 2, width // 2))
        text = Text(no_wrap=True, end="", style=style)
        text.append(arrow)
        label = Text(story.label, no_wrap=True)
        label.truncate(max(room, 1), overflow="ellipsis", pad=True)
        text.append_text(label)
        text.append(_GAP)
        text.append(summary, muted)
        text.truncate(width, overflow="ellipsis")
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.crop_extend(0, width, style)
