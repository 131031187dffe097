"""Headless comparison reports: JSON for tools, text and Markdown for people.

``storyreader compare A B --format json|text|markdown`` prints `format_comparison`
of the story's `Comparison`; the compare screen's header and its export read the
same comparison and `share_line`, so a user reads the same numbers everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from tui.core.alignment.align import Link
from tui.core.alignment.comparison import Comparison, Side, SideSummary
from tui.core.alignment.diff import DiffOp
from tui.core.alignment.tiers import TIERS
from tui.core.reports.records import article_record, dumps
from tui.core.spans import Span

FORMATS = ("json", "text", "markdown")
"""The report formats `format_comparison` accepts."""

_SPACE = re.compile(r"\s+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~<>-])")


def comparison_dict(comparison: Comparison, story_articles: int = 2) -> dict[str, Any]:
    """The JSON-ready comparison: both articles, every link with its diff, the summary.

    Offsets are character offsets into each article's text, end exclusive.

    Args:
        comparison: The story's comparison of the pair.
        story_articles: How many articles the story holds: its words were weighed
            across them.
    """
    return {
        "a": article_record(comparison.a),
        "b": article_record(comparison.b),
        "story_articles": story_articles,
        "links": [
            {
                "a": list(link.a),
                "b": list(link.b),
                "tier": link.tier,
                "score": link.score,
                "diff": [
                    {"op": op.op, "a": list(op.a), "b": list(op.b), "numeric": op.numeric}
                    for op in link.diff
                ],
            }
            for link in comparison.links
        ],
        "summary": {"a": side_dict(comparison.summary.a), "b": side_dict(comparison.summary.b)},
    }


def side_dict(side: SideSummary) -> dict[str, Any]:
    """One side's summary as JSON: sentences in all, shared, characters, by tier."""
    return {
        "sentences": side.sentences,
        "shared": side.shared,
        "chars": side.chars,
        "shared_chars": side.shared_chars,
        "by_tier": {
            tier: {"sentences": share.sentences, "chars": share.chars}
            for tier, share in zip(TIERS, side.by_tier, strict=True)
        },
    }


def share_line(side: SideSummary, label: str, name: str = "") -> str:
    """One line for a header: ``A 14/18 sentences shared (78%) · copy 10 · edit 2 · ...``.

    With ``name`` (an outlet), the side reads ``A (AFP)``.
    """
    tiers = " · ".join(f"{tier} {share.sentences}" for tier, share in zip(TIERS, side.by_tier))
    head = f"{label} ({name})" if name else label
    return f"{head} {side.shared}/{side.sentences} sentences shared ({side.percent}%) · {tiers}"


def format_comparison(comparison: Comparison, fmt: str, story_articles: int = 2) -> str:
    """Render a comparison as ``json``, ``text`` or ``markdown``.

    Raises:
        ValueError: For a format not in `FORMATS`.
    """
    if fmt == "json":
        return dumps(comparison_dict(comparison, story_articles))
    if fmt == "text":
        return _text(comparison, story_articles)
    if fmt == "markdown":
        return _markdown(comparison, story_articles)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def weighing_line(story_articles: int) -> str:
    """What the words of a comparison were weighed across."""
    if story_articles <= 2:
        return "Words weighed across these two articles (--story adds others)."
    return f"Words weighed across a story of {story_articles} articles."


def _text(comparison: Comparison, story_articles: int) -> str:
    """Plain text: header, then each pair one under the other, changes as ``[-a-]{+b+}``."""
    a, b = comparison.a, comparison.b
    lines = [
        f"A: {a.outlet} — {a.title} ({a.path})",
        f"B: {b.outlet} — {b.title} ({b.path})",
        share_line(comparison.summary.a, "A"),
        share_line(comparison.summary.b, "B"),
        weighing_line(story_articles),
    ]
    for number, link in enumerate(comparison.links, 1):
        marked = link.tier != "paraphrase"
        lines += [
            "",
            f"{number}. {link.tier} {link.score:.2f}",
            f"  A {_render(a.text, link, 'a', ('[-', '-]') if marked else None)}",
            f"  B {_render(b.text, link, 'b', ('{+', '+}') if marked else None)}",
        ]
        lines += [f"  numbers differ: {change}" for change in numeric_changes(comparison, link)]
    if not comparison.links:
        lines += ["", "No shared sentences."]
    return "\n".join(lines)


def _markdown(comparison: Comparison, story_articles: int) -> str:
    """Markdown: header, then each pair as two quoted lines, changes as ``~~a~~ **b**``."""
    a, b = comparison.a, comparison.b
    lines = [
        f"# {_escape(a.outlet)} vs {_escape(b.outlet)}",
        "",
        f"- **A**: {_escape(a.title)} (`{a.path}`)",
        f"- **B**: {_escape(b.title)} (`{b.path}`)",
        f"- {_escape(share_line(comparison.summary.a, 'A'))}",
        f"- {_escape(share_line(comparison.summary.b, 'B'))}",
        f"- {_escape(weighing_line(story_articles))}",
    ]
    for number, link in enumerate(comparison.links, 1):
        marked = link.tier != "paraphrase"
        marks_a, marks_b = (("~~", "~~"), ("**", "**")) if marked else (None, None)
        lines += [
            "",
            f"## {number}. {link.tier} · {link.score:.2f}",
            "",
            f"> **A** {_render(a.text, link, 'a', marks_a, md=True)}",
            ">",
            f"> **B** {_render(b.text, link, 'b', marks_b, md=True)}",
        ]
        lines += [f"\n*Numbers differ: {_escape(c)}*" for c in numeric_changes(comparison, link)]
    if not comparison.links:
        lines += ["", "No shared sentences."]
    return "\n".join(lines)


def _render(
    text: str, link: Link, side: Side, marks: tuple[str, str] | None, *, md: bool = False
) -> str:
    """One sentence on one line, with the words its side changed wrapped in ``marks``."""
    span = link.a if side == "a" else link.b
    if marks is None:
        return _flat(span.slice(text), md)
    changed = [run for op in link.diff if op.op != "equal" and len(run := _run(op, side)) > 0]
    parts = []
    position = span.start
    for start, end in changed:
        parts.append(_flat(text[position:start], md))
        parts.append(marks[0] + _flat(text[start:end], md) + marks[1])
        position = end
    parts.append(_flat(text[position : span.end], md))
    return "".join(parts)


def _run(op: DiffOp, side: Side) -> Span:
    return op.a if side == "a" else op.b


def numeric_changes(comparison: Comparison, link: Link) -> list[str]:
    """``"500 → 774"`` for each replaced run whose figures differ, as written on each side."""
    changes = []
    for op in link.diff:
        if op.op == "replace" and op.figures_a and op.figures_b:
            left = _written(comparison.a.text, op.figures_a)
            right = _written(comparison.b.text, op.figures_b)
            changes.append(f"{left} → {right}")
    return changes


def _written(text: str, spans: Sequence[Span]) -> str:
    return ", ".join(span.slice(text) for span in spans)


def _flat(fragment: str, md: bool) -> str:
    """Whitespace (line breaks included) collapsed to single spaces; escaped for Markdown."""
    flat = _SPACE.sub(" ", fragment)
    return _escape(flat) if md else flat


def _escape(fragment: str) -> str:
    """Backslash-escape characters Markdown would read as markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", fragment)
