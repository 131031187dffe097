"""ComponentStyles: a widget's component styles, cached until its styles change."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from textual.color import Color

if TYPE_CHECKING:
    from textual.css.styles import RenderStyles
    from textual.dom import DOMNode
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
        cache: dict[tuple[str, bool], Style] = self.__dict__.setdefault(
            "_component_style_cache", {}
        )
        style = cache.get((name, partial))
        if style is None:
            if name:
                style = self.resolve_component(f"{self.STYLE_PREFIX}--{name}", partial=partial)
            else:
                style = self.rich_style
            cache[name, partial] = style
        return style

    def resolve_component(self, component: str, *, partial: bool) -> Style:
        """The Rich style of ``component`` for this widget (the cache's source)."""
        return self.get_component_rich_style(component, partial=partial)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.__dict__.pop("_component_style_cache", None)


def drawn_on(node: DOMNode, styles: RenderStyles) -> Style:
    """The Rich style of ``styles`` as a layer on top of ``node``.

    Translucent colours are mixed with the backgrounds beneath, and ``auto`` colours
    contrast with them, walking the ancestors as Textual does for a widget's own
    component classes: styles declared once on the app (see `DocumentView`) then
    draw on each view exactly as they would if the view declared them itself.
    """
    background = Color(0, 0, 0, 0)
    color = Color(255, 255, 255, 0)
    style = Style()
    opacity = 1.0
    layers = [*(ancestor.styles for ancestor in reversed(node.ancestors_with_self)), styles]
    for layer in layers:
        opacity *= layer.opacity
        beneath = background
        if layer.has_rule("background"):
            tinted = layer.background.tint(layer.background_tint)
            beneath = background + tinted
            background += tinted.multiply_alpha(opacity)
        if layer.has_rule("color"):
            color = layer.color
        style += layer.text_style
        if layer.has_rule("auto_color") and layer.auto_color:
            color = beneath.get_contrast_text(color.a)
    return style + Style.from_color(
        (background + color).rich_color if (background.a or color.a) else None,
        background.rich_color if background.a else None,
    )
