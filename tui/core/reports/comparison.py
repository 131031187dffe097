r"""Headless comparison reports: JSON for tools, text and Markdown for people.

``storyreader compare A B --format json|text|markdown`` prints `format_comparison`
of the story's `Comparison`; the compare screen's header and its export read the
same comparison and `share_line`, so a user reads the same numbers everywhere.

Every format is safe to print (`tui.core.text.safe`): the text and Markdown show
control characters inert, the JSON escapes them. The Markdown shows each sentence
as the reader does (its markup rendered, ``\$`` read as ``$``), escaped only where
Markdown would misread it (`tui.core.reports.markdown`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from tui.core.alignment.align import Link, collector_paused
from tui.core.alignment.comparison import Comparison, Side, SideSummary
from tui.core.alignment.diff import DiffOp
from tui.core.alignment.tiers import TIERS
from tui.core.reading.articles import Article
from tui.core.reports.markdown import code, emphasis, escape_heading, escape_inline
from tui.core.reports.records import article_record, dumps, path_text
from tui.core.spans import Span
from tui.core.story import model
from tui.core.story.model import aligned_span
from tui.core.text.safe import escape_json, make_inert, one_line

FORMATS = ("json", "text", "markdown")
"""The report formats `format_comparison` accepts."""

_SPACE = re.compile(r"\s+")


def comparison_dict(
    comparison: Comparison, story_articles: int = 2, *, links: bool = True
) -> dict[str, Any]:
    """The JSON-ready comparison: both articles, every link with its diff, the summary.

    Offsets are character offsets into each article's text, end exclusive.

    Args:
        comparison: The story's comparison of the pair.
        story_articles: How many articles the story holds: its words were weighed
            across them.
        links: False to leave the links out (an empty list in their place).
    """
    return {
        "a": article_record(comparison.a),
        "b": article_record(comparison.b),
        "story_articles": story_articles,
        "engine": comparison.engine,
        "engine_note": comparison.engine_note,
        "alignment": alignment_dict(comparison.a, comparison.b),
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
            for link in (comparison.links if links else ())
        ],
        "summary": {"a": side_dict(comparison.summary.a), "b": side_dict(comparison.summary.b)},
    }


def _compact_json(comparison: Comparison, story_articles: int) -> str:
    """`comparison_dict` as compact JSON, safe to print (`dumps`), its links written as text.

    A megabyte pair has tens of thousands of diff runs: a dict and two lists for
    each, then the encoder's walk over them, were most of the report's time. Here
    each run is one formatted string of numbers and fixed names (nothing in it needs
    escaping), and every other field is encoded and escaped as `dumps` does; the
    result is the same text byte for byte (a test holds them together).
    """
    fields = comparison_dict(comparison, story_articles, links=False)
    encode = _ENCODER.encode
    pieces = [
        f'"{key}":'
        + (_links_json(comparison.links) if key == "links" else escape_json(encode(value)))
        for key, value in fields.items()
    ]
    return "{" + ",".join(pieces) + "}"


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_LINK = '{"a":[%d,%d],"b":[%d,%d],"tier":"%s","score":%s,"diff":[%s]}'
_OP = '{"op":"%s","a":[%d,%d],"b":[%d,%d],"numeric":%s}'
_BOOLEANS = ("false", "true")


def _links_json(links: Sequence[Link]) -> str:
    """The ``links`` array of `comparison_dict` as compact JSON text."""
    written = []
    for link in links:
        diff = ",".join([_OP % (op.op, *op.a, *op.b, _BOOLEANS[op.numeric]) for op in link.diff])
        score = link.score
        number = repr(score) if math.isfinite(score) else _ENCODER.encode(score)
        written.append(_LINK % (*link.a, *link.b, link.tier, number, diff))
    return "[" + ",".join(written) + "]"


def alignment_dict(a: Article, b: Article) -> dict[str, Any]:
    """What of each side was aligned: ``complete`` unless one was longer than the limit."""
    span_a, span_b = aligned_span(a), aligned_span(b)
    return {
        "complete": span_a.end == len(a.text) and span_b.end == len(b.text),
        "limit": model.ALIGN_LIMIT,
        "a": list(span_a),
        "b": list(span_b),
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


def share_line(side: SideSummary, label: str, name: str = "", *, zeros: bool = True) -> str:
    """One line for a header: ``A 14/18 sentences shared (78%) · copy 10 · edit 2 · ...``.

    With ``name`` (an outlet), the side reads ``A (AFP)``. Without ``zeros``, tiers
    with no sentence are left out, so that the line fits a narrow header.
    """
    counts = [(tier, share.sentences) for tier, share in zip(TIERS, side.by_tier)]
    tiers = " · ".join(f"{tier} {count}" for tier, count in counts if zeros or count)
    head = f"{label} ({name})" if name else label
    line = f"{head} {side.shared}/{side.sentences} sentences shared ({side.percent}%)"
    return f"{line} · {tiers}" if tiers else line


def format_comparison(
    comparison: Comparison, fmt: str, story_articles: int = 2, *, indent: int | None = None
) -> str:
    """Render a comparison as ``json``, ``text`` or ``markdown``, safe to print.

    Args:
        comparison: The story's comparison of the pair.
        fmt: One of `FORMATS`.
        story_articles: How many articles the story holds.
        indent: JSON only: pretty-print with this indent (default: compact, which
            Python's C encoder writes several times faster).

    Raises:
        ValueError: For a format not in `FORMATS`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    # The report's thousands of small objects form no cycles; the collector would
    # only walk them again and again (a third of the time at 1 MB a side).
    with collector_paused():
        if fmt == "json":
            if indent is None:
                return _compact_json(comparison, story_articles)
            return dumps(comparison_dict(comparison, story_articles), indent=indent)
        if fmt == "text":
            return make_inert(_text(comparison, story_articles))
        return make_inert(_markdown(comparison, story_articles))


def weighing_line(story_articles: int) -> str:
    """What the words of a comparison were weighed across."""
    if story_articles <= 2:
        return "Words weighed across these two articles (--story adds others)."
    return f"Words weighed across a story of {story_articles} articles."


def engine_line(engine: str, note: str | None) -> str:
    """Which engine linked the sentences, and why it is not the one asked for."""
    return f"Engine: {engine}" + (f" ({note})" if note else "")


def bound_lines(articles: Sequence[tuple[str, Article]]) -> list[str]:
    """A line for each article longer than the alignment reads, saying what was aligned."""
    lines = []
    for label, article in articles:
        end = aligned_span(article).end
        if end < len(article.text):
            lines.append(
                f"{label} is long: only its first {end:,} of {len(article.text):,} characters "
                f"were aligned (storyreader aligns up to {model.ALIGN_LIMIT:,} per article)."
            )
    return lines


def _text(comparison: Comparison, story_articles: int) -> str:
    """Plain text: header, then each pair one under the other, changes as ``[-a-]{+b+}``."""
    a, b = comparison.a, comparison.b
    lines = [
        f"A: {one_line(a.outlet)} — {one_line(a.title)} ({path_text(a.path)})",
        f"B: {one_line(b.outlet)} — {one_line(b.title)} ({path_text(b.path)})",
        share_line(comparison.summary.a, "A"),
        share_line(comparison.summary.b, "B"),
        weighing_line(story_articles),
        engine_line(comparison.engine, comparison.engine_note),
        *bound_lines([("A", a), ("B", b)]),
    ]
    for number, link in enumerate(comparison.links, 1):
        marked = link.tier != "paraphrase"
        source_a, source_b = _source(a.text), _source(b.text)
        lines += [
            "",
            f"{number}. {link.tier} {link.score:.2f}",
            f"  A {_render(source_a, link, 'a', _text_marks('[-', '-]') if marked else None)}",
            f"  B {_render(source_b, link, 'b', _text_marks('{+', '+}') if marked else None)}",
        ]
        lines += [
            f"  numbers differ: {change}" for change in numeric_changes(link, source_a, source_b)
        ]
    if not comparison.links:
        lines += ["", "No shared sentences."]
    return "\n".join(lines)


def _markdown(comparison: Comparison, story_articles: int) -> str:
    """Markdown: header, then each pair as two quoted lines, changes as ``~~a~~ **b**``.

    Each sentence is what the reader shows of it (`render_markdown` of the article).
    """
    a, b = comparison.a, comparison.b
    shown_a, shown_b = _shown(a), _shown(b)
    header = [
        share_line(comparison.summary.a, "A"),
        share_line(comparison.summary.b, "B"),
        weighing_line(story_articles),
        engine_line(comparison.engine, comparison.engine_note),
        *bound_lines([("A", a), ("B", b)]),
    ]
    lines = [
        f"# {escape_heading(one_line(a.outlet))} vs {escape_heading(one_line(b.outlet))}",
        "",
        f"- **A**: {escape_inline(one_line(a.title))} ({code(make_inert(path_text(a.path)))})",
        f"- **B**: {escape_inline(one_line(b.title))} ({code(make_inert(path_text(b.path)))})",
        *(f"- {escape_inline(line)}" for line in header),
    ]
    for number, link in enumerate(comparison.links, 1):
        marked = link.tier != "paraphrase"
        lines += [
            "",
            f"## {number}. {link.tier} · {link.score:.2f}",
            "",
            f"> **A** {_render(shown_a, link, 'a', _md_marks('~~') if marked else None)}",
            ">",
            f"> **B** {_render(shown_b, link, 'b', _md_marks('**') if marked else None)}",
        ]
        lines += [
            f"\n*Numbers differ: {change}*" for change in numeric_changes(link, shown_a, shown_b)
        ]
    if not comparison.links:
        lines += ["", "No shared sentences."]
    return "\n".join(lines)


Shown = Callable[[Span], str]
"""What a report shows of a span of an article: one line of text."""
Marks = Callable[[str, str, str], str]
"""Marks a changed run: ``(before, run, after)`` to the run as printed."""


def _source(text: str) -> Shown:
    """A span shown as written in the source, on one line."""
    return lambda span: _SPACE.sub(" ", span.slice(text))


def _shown(article: Article) -> Shown:
    """A span shown as the reader shows it, on one line, escaped for Markdown."""
    from tui.core.text.document import render_markdown  # Markdown reports only

    # The aligned part holds every link: a long article is rendered that far only.
    document = render_markdown(article.text[: aligned_span(article).end])
    return lambda span: escape_inline(_SPACE.sub(" ", document.displayed(span)))


def _text_marks(opening: str, closing: str) -> Marks:
    return lambda _before, run, _after: f"{opening}{run}{closing}"


def _md_marks(delimiter: str) -> Marks:
    return lambda before, run, after: emphasis(run, delimiter, before, after)


def _render(shown: Shown, link: Link, side: Side, marks: Marks | None) -> str:
    """One sentence on one line, with the words its side changed marked."""
    span = link.a if side == "a" else link.b
    if marks is None:
        return shown(span).strip()
    runs: list[Span] = []
    for op in link.diff:
        run = _run(op, side)
        if op.op == "equal" or not len(run):
            continue
        if runs and runs[-1].end >= run.start:  # touching changes are marked as one
            runs[-1] = Span(runs[-1].start, run.end)
        else:
            runs.append(run)
    # Unchanged and changed parts alternate; each change is marked knowing the
    # characters around it, so that the marks can tell whether they would hold.
    parts = [shown(Span(span.start, runs[0].start if runs else span.end))]
    for number, run in enumerate(runs):
        following = runs[number + 1].start if number + 1 < len(runs) else span.end
        unchanged = shown(Span(run.end, following))
        before = next((part[-1] for part in reversed(parts) if part), " ")
        parts.append(marks(before, shown(run), unchanged[:1] or " "))
        parts.append(unchanged)
    return "".join(parts).strip()


def _run(op: DiffOp, side: Side) -> Span:
    return op.a if side == "a" else op.b


def numeric_changes(link: Link, shown_a: Shown, shown_b: Shown) -> list[str]:
    """``"500 → 774"`` for each replaced run whose figures differ, as shown on each side."""
    changes = []
    for op in link.diff:
        if op.op == "replace" and op.figures_a and op.figures_b:
            left = ", ".join(shown_a(span) for span in op.figures_a)
            right = ", ".join(shown_b(span) for span in op.figures_b)
            changes.append(f"{left} → {right}")
    return changes
