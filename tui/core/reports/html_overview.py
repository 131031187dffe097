"""The body of the overview's web page: what ``overview --format json`` holds, for people.

Sections in the order an editor asks: the articles, the shared-content matrix (the
share of the row's sentences the column carries, tinted by share, its tiers in the
cell's tooltip), the copy groups, the figures (disagreements marked ``!``, each
mention's sentence behind a fold), the quotes with their wordings, and each
article's sentences no one else carries. Sentences are shown as the reader shows
them (`html_markup.render_document`), every character escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.alignment.tiers import TIERS
from tui.core.reports.html_markup import Mark, attr, escape, label, render_document
from tui.core.reports.overview import FULL_MATRIX, article_labels
from tui.core.reports.records import path_text
from tui.core.spans import Span
from tui.core.story.matrix import Cell
from tui.core.story.overview import Overview
from tui.core.text.document import Document, render_markdown

_PARTNERS = 5
"""Closest articles listed per row when the story is too big for a full matrix."""
_SHADES = 10


class _Sentences:
    """Each article's sentences as the reader shows them; documents rendered on first use."""

    def __init__(self, overview: Overview) -> None:
        self._articles = overview.articles
        self._documents: dict[int, Document] = {}

    def show(self, article: int, span: Span, marks: Sequence[Mark] = ()) -> str:
        document = self._documents.get(article)
        if document is None:
            document = self._documents[article] = render_markdown(self._articles[article].text)
        return render_document(document, self._articles[article].text, marks, clip=span)


def overview_body(overview: Overview) -> str:
    """The page's body (trusted markup; every piece of article text in it is escaped)."""
    labels = article_labels(overview.articles)
    sentences = _Sentences(overview)
    stats = overview.stats
    parts = [
        "<header>\n<h1>Story overview</h1>",
        (
            f'<p class="summary">{stats.articles} articles, {stats.links} links '
            f"({stats.aligned_pairs} of {stats.pairs} pairs aligned)</p>\n</header>"
        ),
        "<main>",
        _articles(overview, labels),
        _matrix(overview, labels),
        _copy_groups(overview, labels),
        _figures(overview, labels, sentences),
        _quotes(overview, labels),
        _only_here(overview, labels, sentences),
        "</main>",
    ]
    return "\n".join(parts)


def _articles(overview: Overview, labels: Sequence[str]) -> str:
    rows = []
    for index in overview.order:
        article = overview.articles[index]
        rows.append(
            f'<tr id="article-{index}"><th scope="row"><bdi>{label(labels[index])}</bdi></th>'
            f'<td dir="auto">{label(article.title)}</td><td>{label(article.date or "")}</td>'
            f"<td>{article.words}</td><td>{overview.totals[index]}</td>"
            f"<td><bdi>{label(path_text(article.path))}</bdi></td></tr>"
        )
    return (
        '<section id="articles">\n<h2>Articles</h2>\n<div class="scroll-x"><table>\n'
        "<thead><tr><th>Source</th><th>Headline</th><th>Date</th><th>Words</th>"
        "<th>Sentences</th><th>File</th></tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody></table></div>\n</section>"
    )


def _matrix(overview: Overview, labels: Sequence[str]) -> str:
    head = (
        '<section id="matrix">\n<h2>Shared content</h2>\n'
        '<p class="meta">The share of the row\'s sentences the column carries.</p>\n'
    )
    order = overview.order
    if len(order) > FULL_MATRIX:
        return head + _closest(overview, labels) + "\n</section>"
    columns = "".join(
        f'<th class="col" scope="col"><bdi>{label(labels[b])}</bdi></th>' for b in order
    )
    rows = []
    for a in order:
        cells = "".join(_cell(overview.cells[a][b]) for b in order)
        only = f"{len(overview.only_here[a])}/{overview.totals[a]}"
        rows.append(
            f'<tr><th scope="row"><bdi>{label(labels[a])}</bdi></th>{cells}<td>{only}</td></tr>'
        )
    return (
        head
        + '<div class="scroll-x"><table class="matrix">\n'
        + f"<thead><tr><th></th>{columns}<th>only here</th></tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody></table></div>\n</section>"
    )


def _cell(cell: Cell | None) -> str:
    if cell is None:
        return '<td class="self">—</td>'
    tiers = " · ".join(
        f"{tier} {share.sentences}" for tier, share in zip(TIERS, cell.by_tier, strict=True)
    )
    title = f"{cell.shared} of {cell.sentences} sentences: {tiers}"
    shade = round(cell.share * _SHADES)
    return f'<td class="sh{shade}" title="{attr(title)}">{cell.percent}%</td>'


def _closest(overview: Overview, labels: Sequence[str]) -> str:
    """Each row's closest articles, for a story too big for a readable matrix."""
    items = []
    for a in overview.order:
        row = [(cell.share, b) for b, cell in enumerate(overview.cells[a]) if cell]
        best = sorted(row, key=lambda item: (-item[0], item[1]))[:_PARTNERS]
        partners = ", ".join(
            f"<bdi>{label(labels[b])}</bdi> {round(100 * share)}%" for share, b in best if share > 0
        )
        items.append(f"<li><bdi>{label(labels[a])}</bdi>: {partners or 'shares nothing'}</li>")
    return '<ul class="plain">\n' + "\n".join(items) + "\n</ul>"


def _copy_groups(overview: Overview, labels: Sequence[str]) -> str:
    items = []
    for group in overview.copy_groups or ():
        members = ", ".join(
            f'<bdi>{label(labels[member])}</bdi> <span class="role">[{label(role)}]</span>'
            for member, role in zip(group.members, group.roles, strict=True)
        )
        items.append(
            f"<li><strong><bdi>{label(group.name)}</bdi></strong> "
            f'<span class="role">(named by {label(group.named_by)})</span>: {members}; '
            f"{group.sentences} shared sentences</li>"
        )
    body = '<ul class="plain">\n' + "\n".join(items) + "\n</ul>" if items else "<p>None.</p>"
    return f'<section id="copy-groups">\n<h2>Copy groups</h2>\n{body}\n</section>'


def _figures(overview: Overview, labels: Sequence[str], sentences: _Sentences) -> str:
    shared, single = [], []
    for group in overview.figures or ():
        if len(group.articles) == 1:
            single.append(
                f"<li>{label(group.name)} (<bdi>{label(labels[group.articles[0]])}</bdi>)</li>"
            )
            continue
        values = " / ".join(
            f"<strong>{escape(' or '.join(value.written))}</strong> "
            f"({', '.join(f'<bdi>{label(labels[a])}</bdi>' for a in value.articles)})"
            for value in group.values
        )
        flag = '<span class="disagree" title="sources disagree">! </span>' if group.disagree else ""
        mentions = "\n".join(
            f"<li><bdi>{label(labels[mention.article])}</bdi>: "
            + sentences.show(
                mention.article,
                mention.figure.sentence,
                [Mark(mention.figure.span, 0, "strong", ' class="fig"')],
            )
            + "</li>"
            for mention in group.mentions
        )
        shared.append(
            f"<li>{flag}{label(group.label or 'figure')}: {values}"
            f"<details><summary>{len(group.mentions)} mentions</summary>"
            f'<ul class="plain">\n{mentions}\n</ul></details></li>'
        )
    body = '<ul class="plain">\n' + "\n".join(shared) + "\n</ul>" if shared else "<p>None.</p>"
    if single:
        body += (
            '\n<h3>In one source only</h3>\n<ul class="plain">\n' + "\n".join(single) + "\n</ul>"
        )
    return (
        '<section id="figures">\n<h2>Figures</h2>\n'
        '<p class="meta">Figures counting the same thing; ! where sources disagree.</p>\n'
        f"{body}\n</section>"
    )


def _quotes(overview: Overview, labels: Sequence[str]) -> str:
    items = []
    for group in overview.quotes or ():
        outlets = ", ".join(f"<bdi>{label(labels[a])}</bdi>" for a in group.articles)
        variants = "\n".join(
            f"<li>{', '.join(f'<bdi>{label(labels[a])}</bdi>' for a in variant.articles)}: "
            f'<q dir="auto">{escape(variant.text)}</q></li>'
            for variant in group.variants
        )
        speaker = label(group.speaker) if group.speaker else "unnamed speaker"
        items.append(
            f"<li><strong><bdi>{speaker}</bdi></strong> ({outlets})"
            f'<ul class="plain">\n{variants}\n</ul></li>'
        )
    body = '<ul class="plain">\n' + "\n".join(items) + "\n</ul>" if items else "<p>None.</p>"
    return f'<section id="quotes">\n<h2>Quotes</h2>\n{body}\n</section>'


def _only_here(overview: Overview, labels: Sequence[str], sentences: _Sentences) -> str:
    items = []
    for index in overview.order:
        spans = overview.only_here[index]
        shown = "\n".join(f"<li>{sentences.show(index, span)}</li>" for span in spans)
        items.append(
            f"<li><strong><bdi>{label(labels[index])}</bdi></strong>: {len(spans)} of "
            f"{overview.totals[index]} sentences"
            + (f'<ul class="plain">\n{shown}\n</ul>' if spans else "")
            + "</li>"
        )
    return (
        '<section id="only-here">\n<h2>Only here</h2>\n'
        '<p class="meta">Each article\'s sentences no other source carries.</p>\n'
        '<ul class="plain">\n' + "\n".join(items) + "\n</ul>\n</section>"
    )
