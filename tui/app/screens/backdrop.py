"""Backdrop: a modal screen draws the screen beneath it dimmed, worked out once, not per paint.

Textual draws a translucent screen's background by rendering the whole screen beneath
through a Rich console, splitting it into lines again and converting the colours of
every segment, on every paint of the modal: opening the help panel repainted it two or
three times, about a quarter of the cost of ``?``. Here the beneath screen's lines
are taken as strips, tinted with one style per pair of colours, and kept until the
screen beneath changes (Textual then refreshes the modal's regions) or the size does.
The picture is Textual's own (`BackgroundScreen`); the snapshots show it unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual._context import visible_screen_stack  # Textual's own record of what is beneath
from textual.color import Color
from textual.geometry import Region, Size
from textual.strip import Strip

if TYPE_CHECKING:
    from rich.color import Color as RichColor
    from textual.screen import Screen

    _Base = Screen[object]
else:
    _Base = object

_NO_STYLE = Style()


class Backdrop(_Base):
    """Mixin for a modal screen with a translucent background, listed before `ModalScreen`."""

    _backdrop: list[Strip] | None = None
    """The screen beneath, dimmed, a strip per line; None until first drawn."""
    _backdrop_size: Size | None = None
    _beneath: Screen[object] | None = None
    _stale: frozenset[int] = frozenset()
    """Lines the screen beneath has repainted since they were dimmed."""
    _colours: dict[tuple[RichColor | None, RichColor | None], Style]
    """The dimmed style of each pair of colours drawn beneath (set with the first lines)."""

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the screen beneath, dimmed by this screen's background."""
        lines = self._backdrop
        if lines is None or self._backdrop_size != self.size:
            lines = self._backdrop = self._dim_beneath()
            self._backdrop_size = self.size
            self._stale = frozenset()
        elif self._stale:
            self._dim_again(lines)
        if y < len(lines):
            return lines[y]
        return Strip.blank(self.size.width)

    def _dim_beneath(self) -> list[Strip]:
        self._colours = {}
        try:
            # The screen Textual would draw beneath this one (the top of those showing through).
            beneath = self._beneath = visible_screen_stack.get().pop()
        except (LookupError, IndexError):
            self._beneath = None
            blank = Strip.blank(self.size.width, Style.from_color(bgcolor=self._tint.rich_color))
            return [blank] * self.size.height
        return [self._dimmed(strip) for strip in beneath._compositor.render_strips()]

    def _dim_again(self, lines: list[Strip]) -> None:
        """Dim again only the lines the screen beneath repainted."""
        stale, self._stale = self._stale, frozenset()
        if self._beneath is None:
            return
        top, bottom = min(stale), max(stale) + 1
        chops = self._beneath._compositor._render_chops(
            Region(0, top, self.size.width, bottom - top), stale.__contains__
        )
        for y in stale:
            if y < len(lines) and y < len(chops):
                lines[y] = self._dimmed(Strip.join(chops[y].values()))

    @property
    def _tint(self) -> Color:
        return self.styles.background

    def _dimmed(self, strip: Strip) -> Strip:
        return dimmed(strip, self._tint, self._colours)

    def refresh(self, *regions: Region, **options: bool) -> Backdrop:
        """Textual refreshes the regions of this screen that changed beneath it."""
        if regions and self._backdrop is not None:
            self._stale = self._stale.union(
                y for region in regions for y in range(region.y, region.bottom)
            )
        super().refresh(*regions, **options)
        return self


def dimmed(
    strip: Strip, tint: Color, colours: dict[tuple[RichColor | None, RichColor | None], Style]
) -> Strip:
    """``strip`` with ``tint`` laid over its colours, without links or metadata.

    ``colours`` keeps the tinted style of each pair of colours: a screen has a few
    dozen, and converting each segment's colours costs more than the rest of the work.
    """
    segments = []
    for segment in strip:
        text, style, control = segment
        if control:
            segments.append(segment)
            continue
        style = _NO_STYLE if style is None else style
        key = (style.color, style.bgcolor)
        over = colours.get(key)
        if over is None:
            over = colours[key] = Style.from_color(
                _over(style.color, tint), _over(style.bgcolor, tint)
            )
        segments.append(Segment(text, style.clear_meta_and_links() + over))
    return Strip(segments, strip.cell_length)


def _over(colour: RichColor | None, tint: Color) -> RichColor | None:
    return None if colour is None else (Color.from_rich_color(colour) + tint).rich_color
