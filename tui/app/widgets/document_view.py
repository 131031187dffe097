"""DocumentView: an article drawn line by line, with highlights placed by source offset.

The view threads the layout (a long article is wrapped in a worker), scrolls, draws
and selects; where characters are is `DocumentGeometry`'s business, and what the
highlights cover is `highlights`'.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from tui.app import startup
from tui.app.widgets.component_styles import ComponentStyles, drawn_on
from tui.app.widgets.document_geometry import GUTTER, DocumentGeometry
from tui.app.widgets.highlights import LAYERS, Highlight, StyledLayer, style_layer
from tui.app.widgets.line_layout import Line, layout
from tui.core.spans import Span
from tui.core.text.document import Block, Document

_BLOCK_STYLES = {
    "h1": "h1",
    "h2": "h2",
    "h3": "h3",
    "h4": "h3",
    "h5": "h3",
    "h6": "h3",
    "code": "code",
    "quote": "quote",
    "table": "table",
}
"""Component class (suffix) that styles each kind of block."""
_LAYOUT_IN_THREAD = 100_000
"""Documents with more displayed characters than this are wrapped in a worker thread."""
LAYOUT_ELSEWHERE = 400_000
"""Documents with more displayed characters than this are wrapped in a child process
(`tui.app.offload`): a thread shares the interpreter with the interface, so its keys
would wait while a megabyte article is wrapped."""
_BLENDED = ("tier-", "find", "target", "only", "lead", "gutter", "rule", "code", "image", "link")
"""Component classes whose colours are translucent and must be blended to be drawn."""
_CACHED_SCREENS = 4
"""View heights of drawn lines kept: paging back and forth over them draws nothing again."""


DOCUMENT_CLASSES = frozenset(
    {
        "document-view--h1",
        "document-view--h2",
        "document-view--h3",
        "document-view--code",
        "document-view--quote",
        "document-view--table",
        "document-view--rule",
        "document-view--lead",
        "document-view--gutter",
        "document-view--strong",
        "document-view--em",
        "document-view--strike",
        "document-view--link",
        "document-view--image",
        "document-view--tier-copy",
        "document-view--tier-edit",
        "document-view--tier-quote",
        "document-view--tier-paraphrase",
        "document-view--only",
        "document-view--selected",
        "document-view--insert",
        "document-view--delete",
        "document-view--replace",
        "document-view--number",
        "document-view--find",
        "document-view--find-current",
        "document-view--target",
    }
)
"""Component classes that style every `DocumentView` (markup, highlights, diff marks).

The app declares them (``App.COMPONENT_CLASSES``), not the view: Textual resolves a
node's component classes every time it restyles the node, and a compare screen
restyles each of its two views several times while it opens. On the app they are
resolved once per theme, and each view draws them over its own background."""


class DocumentView(ComponentStyles, ScrollView, can_focus=True, inherit_bindings=False):
    """A Markdown `Document`, wrapped to the widget width and drawn with the Line API.

    Only visible lines are drawn, so a megabyte article scrolls as fast as a short
    one. Highlights, find matches and the text selection are all placed through the
    document's offset map, so they cover exactly the source characters asked for.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Scroll down", show=False),
        Binding("up,k", "scroll_up", "Scroll up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup,b", "page_up", "Page up", show=False),
        Binding("home,g", "scroll_home", "Top", show=False),
        Binding("end,G", "scroll_end", "Bottom", show=False),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | up, k / down, j | Scroll one line. |
    | pageup, b / pagedown, space | Scroll one page. |
    | home, g / end, G | Go to the top / the bottom. |
    """

    BINDING_GROUP_TITLE = "Article text"
    STYLE_PREFIX = "document-view"
    ALLOW_SELECT = True

    DEFAULT_CSS = """
    DocumentView {
        overflow-x: hidden;
        scrollbar-gutter: stable;
        padding: 0 1;
    }
    """

    class Clicked(Message):
        """The user clicked on the text of the article."""

        def __init__(self, view: DocumentView, offset: int) -> None:
            self.view = view
            """The view that was clicked."""
            self.offset = offset
            """Source offset of the character under the pointer."""
            super().__init__()

        @property
        def control(self) -> DocumentView:
            """The view that was clicked, so ``@on(DocumentView.Clicked, "#left")`` works."""
            return self.view

    def __init__(
        self,
        document: Document | None = None,
        *,
        gutter: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._gutter = gutter
        self._geometry = DocumentGeometry(document or Document(blocks=()), 0, (), gutter=gutter)
        """The document as laid out (no lines until the first layout is applied)."""
        self._layers: dict[str, list[Highlight]] = {name: [] for name in LAYERS}
        """Highlights by layer, drawn in `LAYERS` order (later layers on top)."""
        self._styled: dict[str, StyledLayer] = {
            name: StyledLayer((), self._geometry) for name in LAYERS
        }
        """Each layer's highlights as display runs per block and gutter marks per line."""
        self._layout_width = -1
        """Cells of text of the layout applied or being made (a worker may be at it)."""
        self._laying_out = False
        self._pending_scroll: tuple[int, int] | None = None
        """A scroll asked for before the layout was ready: (source offset, rows above it)."""
        self._strips: LRUCache[int, Strip] = LRUCache(_CACHED_SCREENS)
        """Drawn lines by index, until the layout, a highlight or the styles change;
        every resize sizes it to `_CACHED_SCREENS` view heights."""

    @property
    def document(self) -> Document:
        """The document on show."""
        return self._geometry.document

    @property
    def line_count(self) -> int:
        """How many terminal lines the document takes at the current width."""
        return len(self._geometry.lines)

    def set_document(self, document: Document) -> None:
        """Replace the document, clear highlights and go back to the top."""
        self._geometry = DocumentGeometry(document, 0, (), gutter=self._gutter)
        self._layers = {name: [] for name in LAYERS}
        self._styled = {name: StyledLayer((), self._geometry) for name in LAYERS}
        self._strips.clear()
        self._layout_width = -1
        self._relayout()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def set_highlights(self, highlights: Iterable[Highlight], layer: str = "base") -> None:
        """Draw these highlights on ``layer`` (one of `LAYERS`), replacing its others.

        Layers are restyled apart: moving the selection (``pair``) over thousands of
        ``base`` highlights only redoes the few of the selection.
        """
        self._layers[layer] = list(highlights)
        self._styled[layer] = style_layer(self._layers[layer], self._geometry)
        self._strips.clear()
        self.refresh()

    def highlights(self, layer: str = "base") -> Sequence[Highlight]:
        """The highlights drawn on ``layer``."""
        return self._layers[layer]

    def set_find(self, matches: Sequence[Span], current: int | None) -> None:
        """Mark every find match, and the current one more strongly."""
        self.set_highlights(
            (
                Highlight(span, "find-current" if index == current else "find")
                for index, span in enumerate(matches)
            ),
            layer="find",
        )

    def scroll_to_span(self, span: Span, *, animate: bool = False) -> None:
        """Scroll so ``span`` starts a third of the way down the view.

        Before the layout is ready (the view still hidden, or a long article being
        laid out in a worker), the scroll waits for it.
        """
        self._scroll_to_offset(span.start, self.scrollable_content_region.height // 3, animate)

    def _scroll_to_offset(self, offset: int, above: int, animate: bool = False) -> None:
        if not self._geometry.lines or self._laying_out:
            self._pending_scroll = (offset, above)
            return
        line = self.line_of(offset)
        if line is not None:
            self.scroll_to(y=max(line - above, 0), animate=animate, immediate=not animate)

    # Geometry, at the current layout

    def line_of(self, offset: int) -> int | None:
        """The terminal line showing the source character at ``offset`` (or the next one)."""
        return self._geometry.line_of(offset)

    def position_of(self, offset: int) -> tuple[int, int] | None:
        """``(line, column)`` where the source character at ``offset`` is drawn, gutter included."""
        return self._geometry.position_of(offset)

    def offset_at(self, line_index: int, column: int) -> int | None:
        """Source offset of the character drawn at ``column`` cells into a line."""
        return self._geometry.offset_at(line_index, column)

    def line_text(self, index: int) -> str:
        """The characters of terminal line ``index``, lead included, gutter excluded."""
        return self._geometry.line_text(index)

    def first_visible_offset(self) -> int | None:
        """Source offset of the first character in view, for keeping one's place."""
        return self._geometry.first_visible_offset(int(self.scroll_y))

    # Layout and styles

    @property
    def _text_width(self) -> int:
        """Cells of text per line at the view's size: the content, less the gutter."""
        return self.scrollable_content_region.width - (GUTTER if self._gutter else 0)

    def _relayout(self) -> None:
        """Wrap the document to the view's width: here if short, in a worker if long."""
        width = self._text_width
        if width <= 0 or width == self._layout_width:
            return
        self._layout_width = width
        document = self.document
        if document.display_chars > _LAYOUT_IN_THREAD:
            self._laying_out = True
            # Started after this frame, so the thread does not slow painting it.
            self.call_after_refresh(self._layout_in_thread, document, width)
        else:
            self._apply_layout(DocumentGeometry.lay_out(document, width, gutter=self._gutter))

    @work(thread=True, exclusive=True, group="layout", description="wrap a document")
    def _layout_in_thread(self, document: Document, width: int) -> None:
        if document.display_chars > LAYOUT_ELSEWHERE:
            from tui.app.offload import OffloadCancelledError, run_in_process

            try:
                lines = run_in_process(layout, document, width)
            except OffloadCancelledError:
                return  # a newer width or document is being laid out
            geometry = DocumentGeometry(document, width, lines, gutter=self._gutter)
        else:
            geometry = DocumentGeometry.lay_out(document, width, gutter=self._gutter)
        startup.keep_built()  # only long documents are laid out here
        self.app.call_from_thread(self._apply_layout, geometry)

    def _apply_layout(self, geometry: DocumentGeometry) -> None:
        if geometry.document is not self.document or geometry.width != self._layout_width:
            return  # a newer document or width is being laid out
        self._laying_out = False
        self._geometry = geometry
        self.virtual_size = Size(geometry.width, len(geometry.lines))
        self._restyle()
        if self._pending_scroll is not None:
            (offset, above), self._pending_scroll = self._pending_scroll, None
            self.call_after_refresh(self._scroll_to_offset, offset, above)

    def _restyle(self) -> None:
        """Restyle every layer (after a new layout: marks are per line)."""
        self._styled = {
            name: style_layer(layer, self._geometry) for name, layer in self._layers.items()
        }
        self._strips.clear()
        self.refresh()

    @property
    def _base(self) -> Style:
        """The view's own style (asked for on every line)."""
        return self.component_style()

    def _style(self, name: str) -> Style:
        # Translucent colours (`$tier-copy 30%`, `$text-muted`) need blending with
        # the view's own background; the other styles only add attributes.
        return self.component_style(name, partial=not name.startswith(_BLENDED))

    def resolve_component(self, component: str, *, partial: bool) -> Style:
        styles = self.app.get_component_styles(component)  # see DOCUMENT_CLASSES
        return styles.partial_rich_style if partial else drawn_on(self, styles)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def on_resize(self, event: Resize) -> None:
        self._strips.maxsize = _CACHED_SCREENS * max(event.size.height, 1)
        top = self.first_visible_offset()
        if top is not None and self._text_width != self._layout_width:
            self._pending_scroll = (top, 0)  # keep the first visible line in view
        self._relayout()

    def on_mount(self) -> None:
        self._relayout()

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        source = self.offset_at(offset.y + int(self.scroll_y), offset.x)
        if source is not None:
            self.post_message(self.Clicked(self, source))

    # Drawing

    def _body(self, block: Block, line: Line) -> Text:
        text = Text(block.text[line.start : line.end], end="")
        if block.kind in _BLOCK_STYLES:
            text.stylize(self._style(_BLOCK_STYLES[block.kind]))
        layered = (run for styled in self._styled.values() for run in styled.runs(line.block))
        for start, end, name in [*block.marks, *layered]:
            if start < line.end and line.start < end:
                text.stylize(
                    self._style(name),
                    max(start, line.start) - line.start,
                    min(end, line.end) - line.start,
                )
        return text

    def _content(self, index: int) -> Text:
        line = self._geometry.lines[index]
        content = Text(end="")
        if line.block < 0:
            return content
        block = self.document.blocks[line.block]
        content.append(line.lead, self._style("lead"))
        if block.kind == "rule":
            rule = max(self._geometry.width - cell_len(line.lead), 0)
            content.append("─" * rule, self._style("rule"))
            return content
        content.append_text(self._body(block, line))
        return content

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        text = "\n".join(self.line_text(index) for index in range(self.line_count))
        return selection.extract(text), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        if self._layout_width < 0 and not self._gutter and self.document.blocks:
            # The first frame draws the view at its size before its Resize arrives:
            # the library's reader lays out now (its text came a frame, 60 ms, after
            # the rows). Compare's panes wait for their Resize, to line up together.
            self._relayout()
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        if index >= self.line_count:
            if index == 0 and self._laying_out:
                return Strip(Text("Laying out…", style="dim").render(self.app.console)).crop_extend(
                    0, width, self._base
                )
            return Strip.blank(width, self._base)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_full_line(index)
            if self.text_selection is None:
                self._strips[index] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, self._base)

    def _render_full_line(self, index: int) -> Strip:
        content = self._content(index)
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(index)) is not None:
            start, end = span
            content.stylize(
                self.screen.get_component_rich_style("screen--selection"),
                start,
                len(content) if end == -1 else end,
            )
        body = Strip(content.render(self.app.console), content.cell_len).apply_offsets(0, index)
        body = body.apply_style(self._base)
        if not self._gutter:
            return body
        mark = next(
            (m for styled in reversed(self._styled.values()) if (m := styled.mark(index))), ""
        )
        gutter = Text(f"{mark:<1} ", style=self._style("gutter"), end="")
        gutter_strip = Strip(gutter.render(self.app.console), gutter.cell_len)
        return Strip.join([gutter_strip.apply_style(self._base), body])
