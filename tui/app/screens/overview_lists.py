"""The overview's lists (figures, quotes, copy groups, only-here), fitted to a width.

Each entry is one line: an excerpt of its sentence centred on the figure or the
quote it is listed for, as wide as the list, so the "500" of a long sentence is
always in view and nothing wraps into a stray word on a line of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import count
from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual.widgets.option_list import Option

from tui.app.labels import abbreviate
from tui.core.spans import Span
from tui.core.story.overview import Overview
from tui.core.text.plain import plain_text
from tui.core.text.safe import one_line

ELLIPSIS = "…"
ARROW = " ↳ "
"""What starts every entry under a heading."""

_entries = count()


def target(article: int, span: Span) -> str:
    """A unique option id that says where Enter goes: an article and a span of its text."""
    return f"{article}:{span.start}:{span.end}:{next(_entries)}"


def parse_target(option_id: str) -> tuple[int, Span | None]:
    """The article and span (None for the whole article) an option id of `target` names."""
    article, start, end, _ = (int(part) for part in option_id.split(":"))
    return article, (Span(start, end) if end > start else None)


def _fitting(text: str, width: int) -> int:
    """How many characters from the start of ``text`` fit in ``width`` cells."""
    if text.isascii():
        return min(len(text), width)
    cells = 0
    for fitted, char in enumerate(text):
        cells += cell_len(char)
        if cells > width:
            return fitted
    return len(text)


def cut_end(text: str, width: int) -> str:
    """``text`` in ``width`` cells, cut at the end with an ellipsis (at a word if one is near)."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    kept = text[: _fitting(text, width - 1)]
    space = kept.rfind(" ")
    inside = text[len(kept)] != " "  # a word cut in two reads as a misspelling
    if inside and space > len(kept) // 2:
        kept = kept[:space]
    return kept.rstrip() + ELLIPSIS


def cut_start(text: str, width: int) -> str:
    """``text`` in ``width`` cells, cut at the start with an ellipsis (at a word if one is near)."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    kept = text[len(text) - _fitting(text[::-1], width - 1) :]
    space = kept.find(" ")
    if text[-len(kept) - 1] != " " and 0 <= space < len(kept) // 2:
        kept = kept[space:]
    return ELLIPSIS + kept.lstrip()


def centred(before: str, focus: str, after: str, width: int) -> tuple[str, str, str]:
    """``before + focus + after`` cut to ``width`` cells around ``focus``.

    The focus keeps the middle; each side gets half of what is left, and a side
    shorter than its half lends the rest to the other.
    """
    if cell_len(before) + cell_len(focus) + cell_len(after) <= width:
        return before, focus, after
    if cell_len(focus) >= width:
        return "", cut_end(focus, width), ""
    room = width - cell_len(focus)
    left = room // 2
    right = room - left
    if cell_len(before) < left:
        left, right = cell_len(before), right + left - cell_len(before)
    elif cell_len(after) < right:
        left, right = left + right - cell_len(after), cell_len(after)
    return cut_start(before, left), focus, cut_end(after, right)


def excerpt(text: str, sentence: Span, focus: Span, width: int, style: str = "bold") -> Text:
    """The sentence at ``sentence`` as plain text in ``width`` cells, centred on ``focus``.

    The sentence is made plain whole (markup cut in two would show), and the focus
    found in it where the text before it says it is; it is drawn in ``style``.
    """
    plain = plain_text(sentence.slice(text))
    target = plain_text(text[max(focus.start, sentence.start) : min(focus.end, sentence.end)])
    near = len(plain_text(text[sentence.start : focus.start]))
    found = [match.start() for match in re.finditer(re.escape(target), plain)] if target else []
    if not found:
        return Text(cut_end(plain, width), end="")
    start = min(found, key=lambda place: abs(place - near))
    before, middle, after = centred(plain[:start], target, plain[start + len(target) :], width)
    shown = Text(before, end="")
    shown.append(middle, style=style)
    shown.append(after)
    return shown


def _who(label: str, width: int) -> str:
    """An entry's outlet label, abbreviated on a narrow list so its excerpt keeps room."""
    return abbreviate(label, max(width // 4, 8))


def _entry(prefix: str, body: Text) -> Text:
    entry = Text(prefix, style="dim", end="")
    entry.append_text(body)
    return entry


def figure_options(overview: Overview, labels: Sequence[str], width: int) -> list[Option]:
    """One heading per figure group (values side by side), one entry per mention.

    Groups whose sources disagree come first: they are what a fact-checker is after.
    A figure only one source gives is headed by its phrase, as the reports print it.
    A sentence an article repeats (a headline printed twice) is listed once.
    """
    options: list[Option] = []
    groups = sorted(overview.figures or (), key=lambda group: not group.disagree)
    for group in groups:
        heading = Text(f"{one_line(group.name) or 'figure'}", style="bold")
        if group.disagree:
            heading.append("  ≠ sources disagree", style="bold")
        heading.append("\n  ")
        for number, value in enumerate(group.values):
            if number:
                heading.append(" / ", style="dim")
            heading.append(
                one_line(value.normal), style="bold reverse" if group.disagree else "bold"
            )
            heading.append(f" ({', '.join(labels[a] for a in value.articles)})", style="dim")
        options.append(Option(heading, disabled=True))
        listed: set[tuple[int, str]] = set()
        for mention in group.mentions:
            article = overview.articles[mention.article]
            figure = mention.figure
            sentence = plain_text(figure.sentence.slice(article.text))
            if (mention.article, sentence) in listed:
                continue
            listed.add((mention.article, sentence))
            prefix = f"{ARROW}{_who(labels[mention.article], width)}: "
            body = excerpt(article.text, figure.sentence, figure.span, width - cell_len(prefix))
            options.append(
                Option(_entry(prefix, body), id=target(mention.article, figure.sentence))
            )
    return options


def quote_options(overview: Overview, labels: Sequence[str], width: int) -> list[Option]:
    """One heading per statement (speaker, outlets), one entry per wording and mention."""
    options: list[Option] = []
    for group in overview.quotes or ():
        wordings = len(group.variants)
        heading = Text(f"{one_line(group.speaker) or 'unnamed speaker'}", style="bold")
        heading.append(f" · {wordings} wording{'s' if wordings != 1 else ''} · carried by ", "dim")
        heading.append(", ".join(labels[a] for a in group.articles), style="dim")
        options.append(Option(heading, disabled=True))
        for mention in group.mentions:
            prefix = f"{ARROW}{_who(labels[mention.article], width)}: "
            quoted = cut_end(plain_text(mention.text), width - cell_len(prefix) - 2)
            body = Text(f"“{quoted}”")
            options.append(
                Option(_entry(prefix, body), id=target(mention.article, mention.sentence))
            )
    return options


def group_options(overview: Overview, labels: Sequence[str], width: int) -> list[Option]:
    """Each copy group: its name, how it was named, and each member's role."""
    options: list[Option] = []
    for group in overview.copy_groups or ():
        heading = Text(f"{one_line(group.name)}", style="bold")
        heading.append(f" (named by {group.named_by}) · {group.sentences} shared sentences", "dim")
        options.append(Option(heading, disabled=True))
        for member, role in zip(group.members, group.roles, strict=True):
            article = overview.articles[member]
            prefix = f"{ARROW}{_who(labels[member], width)} — {role}: "
            body = Text(cut_end(one_line(article.title), width - cell_len(prefix)))
            options.append(Option(_entry(prefix, body), id=target(member, Span(0, 0))))
    if not options:
        options.append(Option(Text("No copy shared between articles.", style="dim"), disabled=True))
    return options


def only_here_options(overview: Overview, labels: Sequence[str], width: int) -> list[Option]:
    """Per article, the sentences no other source carries."""
    options: list[Option] = []
    for index, spans in enumerate(overview.only_here):
        article = overview.articles[index]
        heading = Text(f"{labels[index]}", style="bold")
        heading.append(f" — {len(spans)} of {overview.totals[index]} sentences only here", "dim")
        options.append(Option(heading, disabled=True))
        for span in spans:
            body = Text(cut_end(plain_text(span.slice(article.text)), width - len(ARROW)))
            options.append(Option(_entry(ARROW, body), id=target(index, span)))
    return options


Builder = Callable[[Overview, Sequence[str], int], list[Option]]
"""Builds one list's entries: the overview, the article labels, the width to fit."""


class Panel(NamedTuple):
    """One list of the overview, in its own tab."""

    title: str
    """The tab's title."""
    key: str
    """The key that shows it."""
    name: str
    """What the key bar calls it: one word, so it survives a narrow bar."""
    build: Builder
    """How its entries are made."""


LISTS: dict[str, Panel] = {
    "figures": Panel("Figures", "f", "Figures", figure_options),
    "quotes": Panel("Quotes", "w", "Quotes", quote_options),
    "groups": Panel("Copy groups", "g", "Groups", group_options),
    "only": Panel("Only here", "u", "Only-here", only_here_options),
}
"""The lists under the matrix, by tab id."""
