"""Headless comparison reports: JSON for tools, text and Markdown for people.

``storyreader compare A B --format json|text|markdown`` prints `format_comparison`;
the compare screen reuses `summarise` and `share_line` for its header, so the
numbers a user reads on screen and in a report are computed once, here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from tui.core.alignment.align import TIERS, Link, align
from tui.core.alignment.diff import DiffOp
from tui.core.language.sentences import split_sentences
from tui.core.language.tokens import tokenize
from tui.core.reading.articles import Article
from tui.core.spans import Span

FORMATS = ("json", "text", "markdown")
"""The report formats `format_comparison` accepts."""

_SPACE = re.compile(r"\s+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~<>-])")


def comparison_dict(a: Article, b: Article, links: Sequence[Link]) -> dict[str, Any]:
    """The JSON-ready comparison: both articles, every link with its diff, the summary.

    Offsets are character offsets into each article's text, end exclusive.
    """
    return {
        "a": _article(a),
        "b": _article(b),
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
            for link in links
        ],
        "summary": summarise(a.text, b.text, links),
    }


def summarise(text_a: str, text_b: str, links: Sequence[Link]) -> dict[str, Any]:
    """Per side: sentences in all, sentences and characters shared, and both by tier.

    A sentence in several links counts once, under its most literal tier; shared
    characters are the union of the linked sentences, so nothing is counted twice.
    """
    return {
        "a": _side(text_a, [(link.a, link.tier) for link in links]),
        "b": _side(text_b, [(link.b, link.tier) for link in links]),
    }


def share_line(summary: dict[str, Any], side: str, name: str = "") -> str:
    """One line for a header: ``A 14/18 sentences shared (78%) · copy 10 · edit 2 · ...``.

    With ``name`` (an outlet), the side reads ``A (AFP)``.
    """
    part = summary[side]
    total = part["sentences"]
    percent = round(100 * part["shared"] / total) if total else 0
    tiers = " · ".join(f"{tier} {part['by_tier'][tier]['sentences']}" for tier in TIERS)
    label = f"{side.upper()} ({name})" if name else side.upper()
    return f"{label} {part['shared']}/{total} sentences shared ({percent}%) · {tiers}"


def format_comparison(a: Article, b: Article, fmt: str) -> str:
    """Align two articles and render the comparison as ``json``, ``text`` or ``markdown``.

    Raises:
        ValueError: For a format not in `FORMATS`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return render_comparison(a, b, align(a.text, b.text), fmt)


def render_comparison(a: Article, b: Article, links: Sequence[Link], fmt: str) -> str:
    """Render links already found (the compare screen's export) as `format_comparison` does."""
    data = comparison_dict(a, b, links)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt == "text":
        return _text(a, b, links, data["summary"])
    return _markdown(a, b, links, data["summary"])


def _article(article: Article) -> dict[str, Any]:
    """What the report says about one side."""
    return {
        "path": str(article.path),
        "chars": article.chars,
        "sha256": article.sha256,
        "title": article.title,
        "outlet": article.outlet,
        "encoding": article.encoding,
    }


def _side(text: str, linked: Sequence[tuple[Span, str]]) -> dict[str, Any]:
    """Summary of one side from its linked spans and their tiers."""
    tier_of: dict[Span, str] = {}
    for span, tier in linked:
        if span not in tier_of or TIERS.index(tier) < TIERS.index(tier_of[span]):
            tier_of[span] = tier
    by_tier = {
        tier: {
            "sentences": sum(1 for t in tier_of.values() if t == tier),
            "chars": _covered([s for s, t in tier_of.items() if t == tier]),
        }
        for tier in TIERS
    }
    return {
        "sentences": len(split_sentences(text)),
        "shared": len(tier_of),
        "chars": len(text),
        "shared_chars": _covered(list(tier_of)),
        "by_tier": by_tier,
    }


def _covered(spans: Sequence[Span]) -> int:
    """Characters covered by the union of ``spans``."""
    total = 0
    reach = 0
    for start, end in sorted(spans):
        start = max(start, reach)
        if end > start:
            total += end - start
            reach = end
    return total


def _text(a: Article, b: Article, links: Sequence[Link], summary: dict[str, Any]) -> str:
    """Plain text: header, then each pair one under the other, changes as ``[-a-]{+b+}``."""
    lines = [
        f"A: {a.outlet} — {a.title} ({a.path})",
        f"B: {b.outlet} — {b.title} ({b.path})",
        share_line(summary, "a"),
        share_line(summary, "b"),
    ]
    for number, link in enumerate(links, 1):
        marked = link.tier != "paraphrase"
        lines += [
            "",
            f"{number}. {link.tier} {link.score:.2f}",
            f"  A {_render(a.text, link.a, link.diff, 'a', ('[-', '-]') if marked else None)}",
            f"  B {_render(b.text, link.b, link.diff, 'b', ('{+', '+}') if marked else None)}",
        ]
        lines += [f"  numbers differ: {change}" for change in _numeric_changes(a, b, link)]
    if not links:
        lines += ["", "No shared sentences."]
    return "\n".join(lines)


def _markdown(a: Article, b: Article, links: Sequence[Link], summary: dict[str, Any]) -> str:
    """Markdown: header, then each pair as two quoted lines, changes as ``~~a~~ **b**``."""
    lines = [
        f"# {_escape(a.outlet)} vs {_escape(b.outlet)}",
        "",
        f"- **A**: {_escape(a.title)} (`{a.path}`)",
        f"- **B**: {_escape(b.title)} (`{b.path}`)",
        f"- {_escape(share_line(summary, 'a'))}",
        f"- {_escape(share_line(summary, 'b'))}",
    ]
    for number, link in enumerate(links, 1):
        marked = link.tier != "paraphrase"
        lines += [
            "",
            f"## {number}. {link.tier} · {link.score:.2f}",
            "",
            f"> **A** {_render(a.text, link.a, link.diff, 'a', ('~~', '~~') if marked else None, md=True)}",
            ">",
            f"> **B** {_render(b.text, link.b, link.diff, 'b', ('**', '**') if marked else None, md=True)}",
        ]
        lines += [f"\n*Numbers differ: {_escape(c)}*" for c in _numeric_changes(a, b, link)]
    if not links:
        lines += ["", "No shared sentences."]
    return "\n".join(lines)


def _render(
    text: str,
    span: Span,
    diff: Sequence[DiffOp],
    side: str,
    marks: tuple[str, str] | None,
    *,
    md: bool = False,
) -> str:
    """One sentence on one line, with the words its side changed wrapped in ``marks``."""
    if marks is None:
        return _flat(span.slice(text), md)
    changed = [getattr(op, side) for op in diff if op.op != "equal" and len(getattr(op, side)) > 0]
    parts = []
    position = span.start
    for start, end in changed:
        parts.append(_flat(text[position:start], md))
        parts.append(marks[0] + _flat(text[start:end], md) + marks[1])
        position = end
    parts.append(_flat(text[position : span.end], md))
    return "".join(parts)


def _numeric_changes(a: Article, b: Article, link: Link) -> list[str]:
    """``"500 → 774"`` for each replaced figure, so differing numbers stand out."""
    changes = []
    for op in link.diff:
        if op.numeric and op.op == "replace":
            left, right = _figures(a.text, op.a), _figures(b.text, op.b)
            if left and right:
                changes.append(f"{left} → {right}")
    return changes


def _figures(text: str, span: Span) -> str:
    """The numbers written inside ``span``, as written, comma-separated."""
    return ", ".join(text[t.start : t.end] for t in tokenize(text, *span) if t.value is not None)


def _flat(fragment: str, md: bool) -> str:
    """Whitespace (line breaks included) collapsed to single spaces; escaped for Markdown."""
    flat = _SPACE.sub(" ", fragment)
    return _escape(flat) if md else flat


def _escape(fragment: str) -> str:
    """Backslash-escape characters Markdown would read as markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", fragment)
