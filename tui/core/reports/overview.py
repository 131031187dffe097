"""Headless story overview: ``storyreader overview [PATH...] --format json|text``.

JSON output
-----------

One object. Articles are referred to everywhere by their ``index`` in ``articles``;
a span is ``[start, end]``, character offsets into that article's text (Python
``str`` indices, end exclusive), as in ``storyreader compare``.

- ``articles``: list, one object per article, in the order read: ``index``, ``label``
  (the outlet, made unique with ``#2``, ``#3`` when outlets repeat), the article's
  record as ``storyreader list`` gives it (``path``, ``outlet``, ``title``, ``date``,
  ``agency``, ...), ``aligned`` (the span of the text its sentences were cut
  from: the body, up to ``alignment.limit`` characters), ``sentences`` (linkable
  sentences: prose and headlines with content words, the matrix denominator) and
  ``only_here``: the spans of its sentences no other article carries.
- ``alignment``: ``complete`` (false when an article was longer than the alignment
  reads) and ``limit`` (the characters of an article's body it reads at most).
- ``order``: article indices ordered by similarity (clusters together), for rows
  and columns.
- ``matrix``: ``matrix[a][b]`` says how much of article ``a`` article ``b`` carries:
  ``{"carried": 9, "total": 17, "share": 0.529, "percent": 53, "by_tier": {"copy": 0,
  "edit": 0, "quote": 7, "paraphrase": 2}}``; each carried sentence counts once, at
  its most literal tier. ``null`` on the diagonal.
- ``pairs``: one object per pair of articles with links: ``a``, ``b`` (``a < b``)
  and ``links``, each ``{"a": span in a, "b": span in b, "tier", "score"}`` (the
  word diffs are in ``storyreader compare``).
- ``copy_groups``: articles sharing copy (runs of ``copy``/``edit`` sentences):
  ``name``, ``named_by`` (``agency``: a byline, dateline or sign-off names the wire
  agency; ``earliest``: the earliest-dated member; ``longest``: the longest member),
  ``lead`` (the member the name points at), ``sentences`` (shared-wording sentences
  over all member pairs) and ``members``: ``[{"article": 0, "role": "lead" |
  "credits" | "copy"}]`` (``credits``: names the agency too; ``copy``: carries the
  copy without naming it).
- ``figures``: groups of figures counting the same thing, most widely stated
  first: ``label`` (what is counted), ``unit`` (``""`` for a count, ``percent``, or a
  currency such as ``dollar``), ``articles``, ``disagree`` (true when sources give
  different values), ``values`` (``[{"normal": "774", "written": ["774"],
  "articles": [2]}]``, in order of value) and ``mentions``: ``article``, ``span`` (the
  figure as written), ``sentence``, ``text``, ``value``, ``high`` (above ``value``
  only for ``hundreds`` and the like), ``qualifier`` (``more than``), ``counts``
  (what this mention says it counts) and ``phrase`` (the figure with what it counts
  and what is done to it, as its sentence words it: ``detain more than 500 protesters``).
- ``quotes``: quoted statements, most widely carried first: ``speaker`` (``""`` when
  no one is named), ``articles``, ``variants`` (``[{"text", "articles"}]``, the
  wordings side by side) and ``mentions``: ``article``, ``span`` (the quoted words),
  ``sentence``, ``text``, ``speaker`` and ``speaker_in_sentence`` (false when the
  name comes from the sentence before: ``she added``).
- ``stats``: ``articles``, ``pairs`` (all article pairs), ``aligned_pairs`` (pairs
  the sentence index proposed), ``weighed_sentence_pairs`` (sentence pairs whose
  overlap was weighed exactly), ``candidate_sentence_pairs`` (those that qualify for
  a tier), ``links``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from tui.core.alignment.align import Link, collector_paused
from tui.core.alignment.tiers import TIERS
from tui.core.reading.articles import Article
from tui.core.reports.comparison import bound_lines, engine_line
from tui.core.reports.records import article_record, dumps
from tui.core.spans import Span
from tui.core.story import model
from tui.core.story.matrix import Cell
from tui.core.story.overview import Overview
from tui.core.text.safe import make_inert

FORMATS = ("json", "text")
"""The formats `format_overview` accepts."""
FULL_MATRIX = 12
"""Up to this many articles the text report prints the whole matrix; beyond, each
row's closest articles."""
_PARTNERS = 5
_LABEL_WIDTH = 14
_EXCERPT = 90


def article_labels(articles: Sequence[Article]) -> tuple[str, ...]:
    """A short unique label per article: its outlet, ``#2``, ``#3`` for repeats."""
    seen: Counter[str] = Counter()
    labels = []
    for article in articles:
        name = article.outlet or article.name
        seen[name] += 1
        labels.append(name if seen[name] == 1 else f"{name} #{seen[name]}")
    return tuple(labels)


def overview_dict(overview: Overview) -> dict[str, Any]:
    """The JSON-ready overview documented in this module."""
    data = _sections(overview)
    data["matrix"] = _matrix(overview.cells)
    data["pairs"] = [
        {
            "a": a,
            "b": b,
            "links": [
                {"a": list(link.a), "b": list(link.b), "tier": link.tier, "score": link.score}
                for link in links
            ],
        }
        for (a, b), links in sorted(overview.pair_links.items())
    ]
    return data


def _sections(overview: Overview) -> dict[str, Any]:
    """`overview_dict`, its ``matrix`` and ``pairs`` left as the overview holds them.

    Those two are most of a big folder's report, and `_compact` encodes them
    straight from the overview.
    """
    labels = article_labels(overview.articles)
    story = overview.story
    aligned = [story.aligned(index) for index in range(len(story))]
    return {
        "articles": [
            {
                "index": index,
                "label": labels[index],
                **article_record(article),
                "aligned": list(aligned[index]),
                "sentences": overview.totals[index],
                "only_here": [list(span) for span in overview.only_here[index]],
            }
            for index, article in enumerate(overview.articles)
        ],
        "alignment": {
            "complete": all(
                span.end == len(story.units(index).text) for index, span in enumerate(aligned)
            ),
            "limit": model.ALIGN_LIMIT,
        },
        "order": list(overview.order),
        "matrix": overview.cells,
        "pairs": overview.pair_links,
        "copy_groups": [
            {
                "name": group.name,
                "named_by": group.named_by,
                "lead": group.lead,
                "sentences": group.sentences,
                "members": [
                    {"article": member, "role": role}
                    for member, role in zip(group.members, group.roles, strict=True)
                ],
            }
            for group in overview.copy_groups or ()
        ],
        "figures": [
            {
                "label": group.label,
                "unit": group.unit,
                "articles": list(group.articles),
                "disagree": group.disagree,
                "values": [
                    {"normal": v.normal, "written": list(v.written), "articles": list(v.articles)}
                    for v in group.values
                ],
                "mentions": [
                    {
                        "article": mention.article,
                        "span": list(mention.figure.span),
                        "sentence": list(mention.figure.sentence),
                        "text": mention.figure.text,
                        "value": mention.figure.value,
                        "high": mention.figure.high,
                        "qualifier": mention.figure.qualifier,
                        "counts": mention.figure.counts,
                        "phrase": mention.figure.phrase,
                    }
                    for mention in group.mentions
                ],
            }
            for group in overview.figures or ()
        ],
        "quotes": [
            {
                "speaker": group.speaker,
                "articles": list(group.articles),
                "variants": [
                    {"text": variant.text, "articles": list(variant.articles)}
                    for variant in group.variants
                ],
                "mentions": [
                    {
                        "article": mention.article,
                        "span": list(mention.span),
                        "sentence": list(mention.sentence),
                        "text": mention.text,
                        "speaker": mention.speaker,
                        "speaker_in_sentence": mention.speaker_in_sentence,
                    }
                    for mention in group.mentions
                ],
            }
            for group in overview.quotes or ()
        ],
        "stats": asdict(overview.stats),
        "engine": overview.story.aligner.engine,
        "engine_note": overview.story.aligner.engine_note,
    }


def format_overview(overview: Overview, fmt: str, *, indent: int | None = None) -> str:
    """Render the overview as ``json`` or ``text``, safe to print.

    Args:
        overview: The complete overview.
        fmt: One of `FORMATS`.
        indent: JSON only: pretty-print with this indent (default: compact).

    Raises:
        ValueError: For a format not in `FORMATS`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    with collector_paused():  # thousands of small objects, no cycles among them
        if fmt == "json":
            if indent is not None:
                return dumps(overview_dict(overview), indent=indent)
            return _compact(overview)
        return make_inert("\n".join(_text(overview)))


def _compact(overview: Overview) -> str:
    """``dumps(overview_dict(overview))`` itself, its matrix and links written directly.

    The matrix is most of a big folder's report (19 of 20 MB for 400 articles), its
    rows repeating a few thousand cell objects (`build_cells`), and the links the
    most objects: each distinct cell is encoded once, and each link is written from
    its numbers (JSON's own for integers and floats, tiers as `dumps` writes them),
    giving the same bytes as encoding the whole in a fraction of the time. Compact
    JSON is ``{"key":value,...}``, and `dumps` escapes character by character, so
    encoding the parts and joining them changes nothing. The pieces are joined
    once, so the report is in memory twice at most, as with ``json``.
    """
    pieces = ["{"]
    for key, value in _sections(overview).items():
        pieces += ("," if len(pieces) > 1 else "", dumps(key), ":")
        if key == "matrix":
            _matrix_json(value, pieces)
        elif key == "pairs":
            _pairs_json(value, pieces)
        else:
            pieces.append(dumps(value))
    pieces.append("}")
    return "".join(pieces)


def _matrix_json(cells: Sequence[Sequence[Cell | None]], pieces: list[str]) -> None:
    """Add the JSON of the matrix to ``pieces``, each distinct cell object encoded once.

    The matrix is square in the number of articles and most cells of a big folder
    are a row's one empty summary (`build_cells`): 400 articles have 160,000 cells
    and some two thousand distinct ones. A row is joined in C from the texts by id.
    """
    made: dict[int, str] = {}
    pieces.append("[")
    for number, row in enumerate(cells):
        for key, cell in zip(map(id, row), row, strict=True):
            if key not in made:
                made[key] = dumps(_cell(cell))
        pieces += (",[" if number else "[", ",".join(map(made.__getitem__, map(id, row))), "]")
    pieces.append("]")


def _pairs_json(pair_links: Mapping[tuple[int, int], Sequence[Link]], pieces: list[str]) -> None:
    """Add the JSON of the linked pairs to ``pieces``, as `dumps` writes `overview_dict`'s.

    Spans are integers and scores finite floats (JSON writes both as ``repr`` does);
    a tier is one of `TIERS`, encoded once.
    """
    tiers = {tier: dumps(tier) for tier in TIERS}
    pairs = []
    for (a, b), links in sorted(pair_links.items()):
        written = ",".join(
            f'{{"a":[{link.a.start!r},{link.a.end!r}],"b":[{link.b.start!r},{link.b.end!r}],'
            f'"tier":{tiers[link.tier]},"score":{_number(link.score)}}}'
            for link in links
        )
        pairs.append(f'{{"a":{a!r},"b":{b!r},"links":[{written}]}}')
    pieces += ("[", ",".join(pairs), "]")


def _number(value: float) -> str:
    """``value`` as `dumps` writes it: ``repr`` for a finite float, else JSON's own word."""
    return repr(value) if isinstance(value, float) and math.isfinite(value) else dumps(value)


def _matrix(cells: Sequence[Sequence[Cell | None]]) -> list[list[dict[str, Any] | None]]:
    """The matrix's cells as JSON-ready rows, each distinct cell object turned once."""
    made: dict[int, dict[str, Any] | None] = {}
    rows = []
    for row in cells:
        turned = []
        for cell in row:
            key = id(cell)
            if key not in made:
                made[key] = _cell(cell)
            turned.append(made[key])
        rows.append(turned)
    return rows


def _cell(cell: Cell | None) -> dict[str, Any] | None:
    if cell is None:
        return None
    return {
        "carried": cell.shared,
        "total": cell.sentences,
        "share": round(cell.share, 3),
        "percent": cell.percent,
        "by_tier": {tier: share.sentences for tier, share in zip(TIERS, cell.by_tier, strict=True)},
    }


def _text(overview: Overview) -> list[str]:
    """The plain-text report, section by section."""
    labels = article_labels(overview.articles)
    stats = overview.stats
    lines = [
        (
            f"Story overview: {stats.articles} articles, {stats.links} links "
            f"({stats.aligned_pairs} of {stats.pairs} pairs aligned)"
        ),
        engine_line(overview.story.aligner.engine, overview.story.aligner.engine_note),
        *bound_lines(list(zip(labels, overview.articles, strict=True))),
        "",
    ]
    lines += _matrix_text(overview, labels)
    lines += ["", "Copy groups"]
    for group in overview.copy_groups or ():
        members = ", ".join(
            f"{labels[m]} [{role}]" for m, role in zip(group.members, group.roles, strict=True)
        )
        lines.append(
            f"  {group.name} (named by {group.named_by}): {members}; "
            f"{group.sentences} shared sentences"
        )
    if not overview.copy_groups:
        lines.append("  none")
    lines += ["", "Only here"]
    for index in overview.order:
        spans = overview.only_here[index]
        lines.append(f"  {labels[index]}: {len(spans)} of {overview.totals[index]} sentences")
        text = overview.articles[index].text
        lines += [f"    - {_excerpt(text, span)}" for span in spans]
    lines += ["", "Figures (! where sources disagree)"]
    for figure in overview.figures or ():
        if len(figure.articles) < 2:
            continue
        values = " / ".join(
            f"{' or '.join(value.written)} ({', '.join(labels[a] for a in value.articles)})"
            for value in figure.values
        )
        mark = "!" if figure.disagree else " "
        lines.append(f"  {mark} {figure.label or 'figure'}: {values}")
    single = [figure for figure in overview.figures or () if len(figure.articles) == 1]
    if single:
        lines.append("  in one source only:")
        lines += [f"    {figure.name} ({labels[figure.articles[0]]})" for figure in single]
    lines += ["", "Quotes"]
    for quote in overview.quotes or ():
        outlets = ", ".join(labels[a] for a in quote.articles)
        lines.append(f"  {quote.speaker or 'unnamed speaker'} ({outlets})")
        lines += [
            f"    {', '.join(labels[a] for a in variant.articles)}: “{variant.text}”"
            for variant in quote.variants
        ]
    return lines


def _matrix_text(overview: Overview, labels: Sequence[str]) -> list[str]:
    """The matrix as a table (few articles) or each row's closest articles (many)."""
    order = overview.order
    short = [_fit(labels[i]) for i in range(len(labels))]
    lines = ["Shared content: the share of the row's sentences the column carries"]
    if len(order) <= FULL_MATRIX:
        header = " " * _LABEL_WIDTH + "".join(f" {short[b]:>{_LABEL_WIDTH}}" for b in order)
        lines.append(header + "  only here")
        for a in order:
            cells = "".join(
                f" {'—' if cell is None else f'{cell.percent}%':>{_LABEL_WIDTH}}"
                for cell in (overview.cells[a][b] for b in order)
            )
            only = f"{len(overview.only_here[a])}/{overview.totals[a]}"
            lines.append(f"{short[a]:<{_LABEL_WIDTH}}{cells}  {only}")
    else:
        for a in order:
            row = [(cell.share, b) for b, cell in enumerate(overview.cells[a]) if cell]
            best = sorted(row, key=lambda item: (-item[0], item[1]))[:_PARTNERS]
            partners = ", ".join(
                f"{labels[b]} {round(100 * share)}%" for share, b in best if share > 0
            )
            lines.append(f"  {labels[a]}: {partners or 'shares nothing'}")
    lines.append("Tiers per cell: " + ", ".join(TIERS) + " (see --format json)")
    return lines


def _fit(label: str) -> str:
    """A label cut to the column width."""
    return label if len(label) <= _LABEL_WIDTH else label[: _LABEL_WIDTH - 1] + "…"


def _excerpt(text: str, span: Span) -> str:
    """A sentence on one line, cut to a readable length."""
    flat = " ".join(span.slice(text).split())
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1] + "…"
