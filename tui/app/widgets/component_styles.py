"""ComponentStyles: a widget's component styles, cached until its styles change."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.style import Style

if TYPE_CHECKING:
    from textual.widget import Widget

    _Base = Widget
else:
    _Base = object


class ComponentStyles(_Base):
    """Mixin for Line-API widgets, which ask for the same few styles on every line.

    Resolving a component class costs a CSS lookup each time; this keeps each one
    until Textual says the widget's styles changed (theme, focus, hover). A plain
    mixin, listed before the widget base class, so it adds no widget class of its own.
    """

    STYLE_PREFIX: ClassVar[str] = ""
    """The widget's component class prefix, ``"document-view"`` for ``document-view--find``."""

    def component_style(self, name: str = "", *, partial: bool = True) -> Style:
        """The widget's own style (``""``) or its component ``name``'s, from the cache."""
        cache: dict[tuple[str, bool], Style] = self.__dict__.setdefault("_component_style_cache", {})
        style = cache.get((name, partial))
        if style is None:
            if name:
                style = self.get_component_rich_style(f"{self.STYLE_PREFIX}--{name}", partial=partial)
            else:
                style = self.rich_style
            cache[name, partial] = style
        return style

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.__dict__.pop("_component_style_cache", None)
