"""A comparison or an overview as one standalone web page, to send to someone without a terminal.

``storyreader compare A B --format html`` prints `comparison_html`, ``storyreader
overview ... --format html`` prints `overview_html`; an export to a ``.html`` file
is to write the same text. The page needs nothing but itself (`html_page`).

A comparison shows both texts side by side (one under the other on a narrow
screen), as the compare screen does: linked sentences tinted by tier and marked
(``=`` copy, ``~`` edit, ``"`` quote, ``≈`` paraphrase), sentences only one side has
dimmed. Each linked sentence is a link to its partner: without JavaScript the
browser jumps to it, with it the partner scrolls level with the sentence clicked.
A sentence shows the word changes of its most literal link (as the text report
marks them: none for a paraphrase) and the figures the partner does not state;
below the texts every pair is listed with its own changes, which is also what
paper shows.
"""

from __future__ import annotations

from tui.core.alignment.align import Link
from tui.core.alignment.comparison import Comparison, Side
from tui.core.alignment.tiers import TIERS, rank
from tui.core.reading.articles import Article
from tui.core.reports.comparison import (
    engine_line,
    numeric_changes,
    share_line,
    weighing_line,
)
from tui.core.reports.html_markup import Mark, attr, label, render_document
from tui.core.reports.html_overview import overview_body
from tui.core.reports.html_page import page, tier_badge
from tui.core.reports.records import path_text
from tui.core.spans import Span
from tui.core.story.overview import Overview
from tui.core.text.document import Document, render_markdown

FORMAT = "html"
"""The ``--format`` name of these reports."""
_SENTENCE, _CHANGE, _FIGURE = 0, 1, 2
"""Mark levels: a sentence holds its changed words, which hold its figures."""
_CHANGES = {"delete": ("del", ""), "insert": ("ins", ""), "replace": ("span", ' class="d-replace"')}


def comparison_html(comparison: Comparison, story_articles: int = 2) -> str:
    """The comparison as a standalone HTML page.

    Args:
        comparison: The story's comparison of the pair (as the compare screen shows it).
        story_articles: How many articles the words were weighed across.
    """
    a, b = comparison.a, comparison.b
    documents: dict[Side, Document] = {"a": render_markdown(a.text), "b": render_markdown(b.text)}
    summary = comparison.summary
    body = [
        f"<header>\n<h1><bdi>{label(a.outlet)}</bdi> vs <bdi>{label(b.outlet)}</bdi></h1>",
        f'<p class="summary">{label(share_line(summary.a, "A", a.outlet))}</p>',
        f'<p class="summary">{label(share_line(summary.b, "B", b.outlet))}</p>',
        f'<p class="weighing">{label(weighing_line(story_articles))}</p>',
        f'<p class="weighing">{label(engine_line(comparison.engine, comparison.engine_note))}</p>',
        _legend(),
        "</header>",
        '<main id="panes" class="panes">',
        _pane(comparison, "a", documents["a"]),
        _pane(comparison, "b", documents["b"]),
        "</main>",
        _pairs(comparison, documents),
    ]
    title = f"{a.outlet} vs {b.outlet} · storyreader"
    return page(title, "\n".join(body))


def overview_html(overview: Overview) -> str:
    """The story overview as a standalone HTML page: matrix, copy groups, figures, quotes."""
    stats = overview.stats
    return page(
        f"Story overview of {stats.articles} articles · storyreader", overview_body(overview)
    )


def sentence_id(side: Side, span: Span) -> str:
    """The element id of a sentence on one side: ``a`` or ``b`` and its first offset."""
    return f"{side}{span.start}"


def _legend() -> str:
    tiers = "".join(f"<li>{tier_badge(tier)}</li>" for tier in TIERS)
    return (
        f'<ul class="legend">{tiers}<li class="only">only on this side</li>'
        "<li><del>left out</del> · <ins>added</ins> · "
        '<span class="d-replace">changed</span> · <strong class="fig">figure differs</strong></li>'
        "</ul>\n"
        '<p class="hint">Click a sentence: its partner on the other side comes into view '
        "(click again for its next partner; n / N step through the pairs).</p>"
    )


def _pane(comparison: Comparison, side: Side, document: Document) -> str:
    article = comparison.a if side == "a" else comparison.b
    marks = _side_marks(comparison, side)
    text = render_document(document, article.text, marks)
    return (
        f'<section class="pane" id="pane-{side}">\n{_side_head(article, side)}\n'
        f'<div class="doc">\n{text}\n</div>\n</section>'
    )


def _side_head(article: Article, side: Side) -> str:
    details = [article.date or "", article.byline or "", path_text(article.path)]
    meta = " · ".join(f"<bdi>{label(item)}</bdi>" for item in details if item)
    return (
        f'<div class="side-head"><span class="side-label">{side.upper()}</span>'
        f"<bdi>{label(article.outlet)}</bdi> — <bdi>{label(article.title)}</bdi>"
        f'<p class="meta">{meta}</p></div>'
    )


def _side_marks(comparison: Comparison, side: Side) -> list[Mark]:
    """A pane's marks: each linked sentence (with its best link's changes), then only-here."""
    other: Side = "b" if side == "a" else "a"
    by_span: dict[Span, list[Link]] = {}
    for link in comparison.links:
        by_span.setdefault(_span(link, side), []).append(link)
    marks: list[Mark] = []
    for span, links in by_span.items():
        links.sort(key=lambda link: (rank(link.tier), -link.score))
        best = links[0]
        partners = [sentence_id(other, _span(link, other)) for link in links]
        own = sentence_id(side, span)
        title = f"{best.tier} {best.score:.2f}" + (
            f" · {len(links)} partners" if len(links) > 1 else ""
        )
        marks.append(
            Mark(
                span,
                _SENTENCE,
                "a",
                f' class="s t-{best.tier}" href="#{partners[0]}" data-s="{own}" '
                f'data-p="{" ".join(partners)}" title="{attr(title)}"',
                f' id="{own}"',
            )
        )
        marks.extend(_change_marks(best, side))
    only = comparison.only_a if side == "a" else comparison.only_b
    marks.extend(Mark(span, _SENTENCE, "span", ' class="only"') for span in only)
    return marks


def _change_marks(link: Link, side: Side) -> list[Mark]:
    """The words of ``side`` the link's diff changes (not for a paraphrase), and its figures."""
    marks = []
    for op in link.diff:
        if op.op == "equal":
            continue
        changed = op.a if side == "a" else op.b
        if link.tier != "paraphrase" and len(changed):
            tag, attrs = _CHANGES[op.op]
            marks.append(Mark(changed, _CHANGE, tag, attrs))
        figures = op.figures_a if side == "a" else op.figures_b
        marks.extend(
            Mark(figure, _FIGURE, "strong", ' class="fig" title="the other side differs"')
            for figure in figures
        )
    return marks


def _pairs(comparison: Comparison, documents: dict[Side, Document]) -> str:
    """Every pair, its two sentences side by side with that pair's own changes."""
    items = []
    for number, link in enumerate(comparison.links, 1):
        id_a, id_b = sentence_id("a", link.a), sentence_id("b", link.b)
        changes = numeric_changes(
            link,
            lambda span: span.slice(comparison.a.text),
            lambda span: span.slice(comparison.b.text),
        )
        numbers = (
            f'<p class="numbers">Figures differ: {label("; ".join(changes))}</p>' if changes else ""
        )
        items.append(
            f'<li class="pair" id="pair-{number}" data-a="{id_a}" data-b="{id_b}">'
            f'<p class="pair-head">{number}. {tier_badge(link.tier)} score {link.score:.2f} · '
            f'<a class="go" href="#{id_a}">show in the texts</a></p>'
            f'<div class="pair-sides">{_quoted(comparison, documents, link, "a")}'
            f"{_quoted(comparison, documents, link, 'b')}</div>{numbers}</li>"
        )
    if not items:
        return '<section id="pairs">\n<h2>Pairs</h2>\n<p>No shared sentences.</p>\n</section>'
    return (
        f'<section id="pairs">\n<h2>Pairs ({len(items)})</h2>\n<ol class="pairs">\n'
        + "\n".join(items)
        + "\n</ol>\n</section>"
    )


def _quoted(comparison: Comparison, documents: dict[Side, Document], link: Link, side: Side) -> str:
    article = comparison.a if side == "a" else comparison.b
    span = _span(link, side)
    text = render_document(documents[side], article.text, _change_marks(link, side), clip=span)
    return f'<p dir="auto"><span class="who">{side.upper()}</span>{text}</p>'


def _span(link: Link, side: Side) -> Span:
    return link.a if side == "a" else link.b
