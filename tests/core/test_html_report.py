"""The HTML report: what a reader of the page sees, and that article text can do nothing there.

Pages are parsed with the standard library's parser into a small tree, so the tests
read elements and their text as a browser would (entities decoded), and a page
whose tags do not nest fails. The browser itself is in ``tests/browser``.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.paths import HANDMADE, ROOT
from tests.stories import article_of, compared
from tui.cli import main
from tui.core.alignment.comparison import Comparison
from tui.core.alignment.marks import TIER_COLOURS, TIER_MARKS, TIER_TINTS
from tui.core.reading.loading import load_paths
from tui.core.reports.comparison import numeric_changes, share_line
from tui.core.reports.html import comparison_html, overview_html, sentence_id
from tui.core.reports.html_markup import Mark, render_document
from tui.core.reports.overview import article_labels
from tui.core.spans import Span
from tui.core.story.model import Story
from tui.core.story.overview import build_overview
from tui.core.text.document import render_markdown
from tui.core.text.safe import UNSAFE, has_unsafe, inert_char

WIRE = """---
outlet: Wire Desk
title: Flood waters rise
---
# Flood waters rise in the river town

Officials said 500 people were moved from their homes on Tuesday as the river rose.

"We have never seen the water this high in all my years," said Mayor Ana Ruiz at the town hall.

The bridge was closed to traffic and schools will stay shut until Friday, the council said.

Rescue crews pulled a family of four from the roof of their car near the old mill.

A local bakery handed out bread to volunteers.
"""
POST = """---
outlet: Daily Post
title: River floods town
---
# River floods town

Officials said 774 people were moved from their homes on Tuesday as the river rose.

Mayor Ana Ruiz told reporters: "We have never seen the water this high in all my years."

The bridge was closed to all traffic and the schools are to stay shut until Friday, council officials said.

Near the old mill, emergency teams lifted a family of four to safety from a stranded car.

Weather forecasters expect more rain next week.
"""
HOSTILE = (
    "Officials said <script>window.pwned = 1</script> 500 people & more were moved on Tuesday.\n\n"
    'A caption <img src=x onerror="window.pwned = 2"> and "><b>bold</b> &amp; &lt;i&gt; stayed.\n\n'
    "Escape \x1b[2J\x1b]0;title\x07 and C1 \x9b31m and bidi \u202edesrever\u202c ends.\n\n"
    "A line\u2028separator and \u2066isolate\u2069 close the \x7f piece.\n"
)
VOID = {"meta", "hr", "br", "img", "input", "link"}


@dataclass
class Node:
    """An element of a parsed page."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if (tag is None or child.tag == tag) and (cls is None or cls in child.classes):
                    found.append(child)
                found += child.all(tag, cls)
        return found

    def by_id(self, ident: str) -> Node:
        (node,) = [node for node in self.all() if node.attrs.get("id") == ident]
        return node


class _TreeBuilder(HTMLParser):
    """A page as a tree; an end tag that closes anything but the open element fails."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def flood_pair() -> Comparison:
    return compared(WIRE, POST)


def pane(root: Node, side: str) -> Node:
    return root.by_id(f"pane-{side}").all("div", "doc")[0]


# --- the comparison -----------------------------------------------------------------


def test_every_link_is_a_tinted_sentence_linking_to_its_partner() -> None:
    comparison = flood_pair()
    root = parse(comparison_html(comparison))
    assert {link.tier for link in comparison.links} == {"copy", "edit", "quote", "paraphrase"}
    for link in comparison.links:
        for side, span, other in (("a", link.a, link.b), ("b", link.b, link.a)):
            article = comparison.a if side == "a" else comparison.b
            node = root.by_id(sentence_id(side, span))
            assert node.tag == "a" and node.classes == {"s", f"t-{link.tier}"}
            partner = sentence_id("b" if side == "a" else "a", other)
            assert node.attrs["href"] == f"#{partner}"
            assert node.attrs["data-p"].split() == [partner]
            assert " ".join(node.text().split()) == " ".join(span.slice(article.text).split())
            assert root.by_id(partner).attrs["data-s"] == partner


def test_a_sentence_linked_twice_offers_its_most_literal_partner_first() -> None:
    shared = "The council approved a budget of 40 million euros for new bridges and roads."
    a = f"{shared}\n\nA second, unrelated line about the weather in the hills.\n"
    b = f"The council approved a budget of 40 million euros for bridges and roads.\n\n{shared}\n"
    comparison = compared(a, b)
    tiers = {sentence_id("b", link.b): link.tier for link in comparison.links}
    assert list(tiers.values()) == ["paraphrase", "copy"]  # in B's order
    root = parse(comparison_html(comparison))
    first = root.by_id(sentence_id("a", comparison.links[0].a))
    partners = first.attrs["data-p"].split()
    assert [tiers[p] for p in partners] == ["copy", "paraphrase"]
    assert first.attrs["href"] == f"#{partners[0]}"
    assert first.classes == {"s", "t-copy"}


def test_tiers_look_and_read_as_in_the_terminal() -> None:
    tcss = (ROOT / "tui" / "app" / "app.tcss").read_text(encoding="utf-8")
    for tier in TIER_COLOURS:
        assert f"background: $tier-{tier} {TIER_TINTS[tier]}%;" in tcss
    page = comparison_html(flood_pair())
    style = parse(page).all("style")[0].text()
    assert 'a.s.t-copy[id]::before { content: "="; }' in style
    assert 'a.s.t-quote[id]::before { content: "\\""; }' in style
    assert ".t-edit { background: rgb(230 159 0 / 35%); }" in style
    legend = parse(page).all("ul", "legend")[0].text()
    assert all(f"{TIER_MARKS[tier]} {tier}" in legend for tier in TIER_MARKS)


def test_changed_words_and_differing_figures_are_marked() -> None:
    comparison = flood_pair()
    root = parse(comparison_html(comparison))
    left, right = pane(root, "a"), pane(root, "b")
    assert [n.text() for n in left.all("strong", "fig")] == ["500"]
    assert [n.text() for n in right.all("strong", "fig")] == ["774"]
    assert "said Mayor Ana Ruiz at the town hall" in [n.text() for n in left.all("del")]
    assert "Mayor Ana Ruiz told reporters" in [n.text() for n in right.all("ins")]
    assert "council officials" in [n.text() for n in right.all("span", "d-replace")]
    paraphrase = next(link for link in comparison.links if link.tier == "paraphrase")
    sentence = root.by_id(sentence_id("a", paraphrase.a))
    assert sentence.all("del") == sentence.all("span", "d-replace") == []
    pairs = root.by_id("pairs").all("li", "pair")
    assert len(pairs) == len(comparison.links)
    numbers = [p.all("p", "numbers")[0].text() for p in pairs if p.all("p", "numbers")]
    assert numbers == ["Figures differ: 500 → 774"]
    link = comparison.links[0]
    shown_a, shown_b = (
        lambda span, text=side.text: span.slice(text) for side in (comparison.a, comparison.b)
    )
    assert numeric_changes(link, shown_a, shown_b) == ["500 → 774"]


def test_sentences_only_one_side_has_are_dimmed() -> None:
    comparison = flood_pair()
    root = parse(comparison_html(comparison))
    assert [n.text() for n in pane(root, "b").all("span", "only")] == [
        "Weather forecasters expect more rain next week."
    ]
    assert "A local bakery handed out bread to volunteers." in [
        n.text() for n in pane(root, "a").all("span", "only")
    ]


def test_the_header_gives_the_summary_lines() -> None:
    comparison = flood_pair()
    summaries = [n.text() for n in parse(comparison_html(comparison, 5)).all("p", "summary")]
    assert summaries == [
        share_line(comparison.summary.a, "A", "Wire Desk"),
        share_line(comparison.summary.b, "B", "Daily Post"),
    ]
    assert "Words weighed across a story of 5 articles." in comparison_html(comparison, 5)


def test_each_pane_shows_exactly_what_the_reader_shows() -> None:
    comparison = flood_pair()
    root = parse(comparison_html(comparison))
    for side, article in (("a", comparison.a), ("b", comparison.b)):
        blocks = render_markdown(article.text).blocks
        shown = [node.text() for node in pane(root, side).children if isinstance(node, Node)]
        assert shown == [block.prefix + block.text for block in blocks]


def test_a_pair_without_links_says_so() -> None:
    comparison = compared("Cats sleep all afternoon.\n", "Rockets launch at dawn from the coast.\n")
    root = parse(comparison_html(comparison))
    assert comparison.links == ()
    assert root.by_id("pairs").all("p")[0].text() == "No shared sentences."


# --- strangers' text -----------------------------------------------------------------


def hostile_pair() -> Comparison:
    return compared(HOSTILE, HOSTILE.replace("500", "774"))


def test_markup_in_article_text_is_shown_not_obeyed() -> None:
    page = comparison_html(hostile_pair())
    root = parse(page)
    assert len(root.all("script")) == 1 and len(root.all("img")) == 0
    assert [n for n in root.all() if any(name.startswith("on") for name in n.attrs)] == []
    assert {n.attrs["href"][0] for n in root.all() if "href" in n.attrs} == {"#"}
    assert [n for n in root.all() if "src" in n.attrs] == []
    text = pane(root, "a").text()
    assert "<script>window.pwned = 1</script>" in text
    assert '<img src=x onerror="window.pwned = 2">' in text
    assert '"><b>bold</b> & <i> stayed.' in text  # entities decoded as the reader shows them
    assert root.all("b") == root.all("i") == []


def test_characters_a_terminal_would_obey_are_shown_inert() -> None:
    page = comparison_html(hostile_pair())
    assert not has_unsafe(page)
    inert = parse(page).all("span", "inert")
    shown = {(n.attrs["title"], n.text()) for n in inert}
    for char in "\x1b\x07\x9b\u202e\u202c\u2028\u2066\u2069\x7f":
        assert (f"U+{ord(char):04X}", inert_char(char)) in shown


def test_every_unsafe_character_is_inert_in_text_and_metadata() -> None:
    # Reading has made every CR a line feed; the Markdown parser shows NUL as U+FFFD.
    unsafe = [
        chr(c) for c in range(0x3000) if re.fullmatch(UNSAFE, chr(c)) and chr(c) not in "\r\0"
    ]
    body = "Every control " + " ".join(unsafe) + " is shown in this sentence here.\n"
    article = article_of(body, "evil\x1b]0;x\x07\u202e.txt", outlet="Out\u202elet", title="T\x9bx")
    page = comparison_html(Story([article, article_of(body, "b.txt")]).comparison(0, 1))
    assert not has_unsafe(page)
    shown = {(n.attrs["title"], n.text()) for n in parse(page).all("span", "inert")}
    assert {(f"U+{ord(char):04X}", inert_char(char)) for char in unsafe} <= shown


def test_file_names_and_metadata_are_escaped(tmp_path: Path) -> None:
    name = tmp_path / "<img src=x onerror=alert(1)>.txt"
    name.write_text(
        "---\noutlet: <b>Evil</b> & Co\ntitle: </title><script>alert(1)</script>\n---\n"
        "Officials said 500 people were moved from their homes on Tuesday night.\n",
        encoding="utf-8",
    )
    (article,) = load_paths([name]).articles
    page = comparison_html(Story([article, article_of(article.text, "b.txt")]).comparison(0, 1))
    root = parse(page)
    assert len(root.all("script")) == 1 and root.all("img") == [] and root.all("b") == []
    assert root.all("title")[0].text().startswith("<b>Evil</b> & Co vs")
    head = root.by_id("pane-a").all("div", "side-head")[0].text()
    assert "</title><script>alert(1)</script>" in head and "<img src=x onerror=alert(1)>" in head


def test_a_file_name_that_is_not_utf8_still_makes_a_page(tmp_path: Path) -> None:
    name = tmp_path / os.fsdecode(b"caf\xe9 <b>.txt")  # a surrogate in the str
    name.write_text("Officials said 500 people were moved from their homes.\n", encoding="utf-8")
    (article,) = load_paths([name]).articles
    page = comparison_html(Story([article, article_of(article.text, "b.txt")]).comparison(0, 1))
    page.encode("utf-8")  # a page that cannot be encoded would crash the command
    head = parse(page).by_id("pane-a").all("div", "side-head")[0].text()
    assert "caf\ufffd <b>.txt" in head


def test_the_page_allows_only_its_own_style_and_script() -> None:
    root = parse(comparison_html(flood_pair()))
    (policy,) = [
        n.attrs["content"]
        for n in root.all("meta")
        if n.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    rules = dict(rule.strip().split(" ", 1) for rule in policy.split(";"))
    assert rules["default-src"] == "'none'"
    for tag, rule in (("style", "style-src"), ("script", "script-src")):
        (node,) = root.all(tag)
        digest = base64.b64encode(hashlib.sha256(node.text().encode()).digest()).decode()
        assert rules[rule] == f"'sha256-{digest}'"
    assert root.all("link") == []


@st.composite
def marks_over(draw: st.DrawFn) -> tuple[str, list[Mark]]:
    words = draw(
        st.lists(
            st.sampled_from(["alpha", "**bold**", "<b>", "&amp;", "\x1b", "x"]),
            min_size=1,
            max_size=12,
        )
    )
    paragraphs = draw(st.integers(1, 3))
    text = "\n\n".join(" ".join(words) for _ in range(paragraphs)) + "\n"
    marks = []
    for number in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        # One mark per level: of marks at one level over a character, only the first shows.
        marks.append(
            Mark(Span(start, end), number, "span", f' class="m{number}"', f' id="m{number}"')
        )
    return text, marks


@settings(max_examples=150)
@given(marks_over())
def test_marks_that_cross_each_other_still_nest(case: tuple[str, list[Mark]]) -> None:
    text, marks = case
    document = render_markdown(text)
    root = parse(render_document(document, text, marks))
    assert [n.text() for n in root.children if isinstance(n, Node)] == [
        b.prefix + b.text for b in document.blocks if b.kind != "rule"
    ]
    ids = [n.attrs["id"] for n in root.all() if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    for number, mark in enumerate(marks):
        covered = "".join(n.text() for n in root.all("span", f"m{number}"))
        expected = "".join(
            b.text[slice(*b.display_range(mark.span))] for b in document.blocks if b.offsets
        )
        assert covered == expected


def test_of_two_marks_at_one_level_the_first_wins_and_the_second_resumes() -> None:
    text = "alpha beta gamma delta\n"
    marks = [
        Mark(Span(0, 10), 0, "span", ' class="first"', ' id="one"'),
        Mark(Span(6, 16), 0, "span", ' class="second"', ' id="two"'),
        Mark(Span(8, 12), 1, "em"),
    ]
    root = parse(render_document(render_markdown(text), text, marks))
    assert [n.text() for n in root.all("span", "first")] == ["alpha beta"]
    assert [n.text() for n in root.all("span", "second")] == [" gamma"]
    assert [n.text() for n in root.all("em")] == ["ta", " g"]  # cut where its holder changes
    assert root.by_id("two").text() == " gamma"


# --- the overview ---------------------------------------------------------------------


def handmade_overview_page() -> tuple[Node, list[str]]:
    overview = build_overview(Story(load_paths([HANDMADE]).articles))
    return parse(overview_html(overview)), list(article_labels(overview.articles))


def test_the_overview_matrix_gives_every_share() -> None:
    overview = build_overview(Story(load_paths([HANDMADE]).articles))
    labels = article_labels(overview.articles)
    root = parse(overview_html(overview))
    table = root.all("table", "matrix")[0]
    header = [n.text() for n in table.all("th", "col")]
    assert header == [labels[i] for i in overview.order]
    rows = table.all("tbody")[0].all("tr")
    for a, row in zip(overview.order, rows, strict=True):
        cells = [n.text() for n in row.all("td")]
        expected = [
            "—" if (cell := overview.cells[a][b]) is None else f"{cell.percent}%"
            for b in overview.order
        ]
        assert cells[:-1] == expected
        assert cells[-1] == f"{len(overview.only_here[a])}/{overview.totals[a]}"


def test_the_overview_lists_copy_groups_figures_and_quotes() -> None:
    root, _ = handmade_overview_page()
    groups = root.by_id("copy-groups").text()
    assert "NWA (named by agency): NWA [lead], Valley Courier [copy]; 3 shared sentences" in groups
    figures = [
        li.text() for li in root.by_id("figures").all("ul")[0].children if isinstance(li, Node)
    ]
    died = next(text for text in figures if "people died" in text)
    assert died.startswith("! people died: At least 12 (NWA, Valley Courier) / 14 (Daily Ledger)")
    fund = next(text for text in figures if "emergency fund" in text)
    assert not fund.startswith("!")
    marked = [n.text() for n in root.by_id("figures").all("strong", "fig")]
    assert "14" in marked and "At least 12" in marked
    quotes = root.by_id("quotes").text()
    assert "Daily Ledger: We are going to rebuild each street" in quotes
    assert "Marta Lind (Riverside Blog)" in quotes


def test_the_overview_lists_what_only_one_source_says() -> None:
    root, _ = handmade_overview_page()
    only = root.by_id("only-here").text()
    assert "Riverside Blog: 3 of 4 sentences" in only
    assert "The town council rejected a plan to raise the embankment by two metres." in only


def test_a_big_story_lists_each_articles_closest_instead_of_a_matrix() -> None:
    texts = [
        f"Officials in town {n} said the river rose overnight and {n} homes were flooded.\n"
        for n in range(13)
    ]
    story = Story(
        [article_of(text, f"{n}.txt", outlet=f"Outlet {n}") for n, text in enumerate(texts)]
    )
    root = parse(overview_html(build_overview(story)))
    assert root.all("table", "matrix") == []
    assert len(root.by_id("matrix").all("li")) == 13


# --- the command ------------------------------------------------------------------


def test_compare_and_overview_print_html(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(WIRE, encoding="utf-8")
    b.write_text(POST, encoding="utf-8")
    assert main(["compare", str(a), str(b), "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert len(parse(page).all("a", "s")) >= 8
    assert main(["overview", str(HANDMADE), "--format", "html"]) == 0
    assert parse(capsys.readouterr().out).all("table", "matrix")
    assert a.read_text(encoding="utf-8") == WIRE  # the articles are only read
