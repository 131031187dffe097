"""Saved web pages and JSON Lines: text, metadata, encodings and bad input."""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.reading import loading
from tui.core.reading.loading import load_paths
from tui.core.reading.session import Options
from tui.core.text.document import render_markdown

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "tests" / "fixtures" / "loading" / "formats"
PAGE = FORMATS / "page.html"
NEWS = FORMATS / "news.jsonl"


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


ARTICLE = (
    "<article><h1>Talks end in Sochi</h1>"
    "<p>The two presidents met on Monday in the resort and agreed a loan, officials said.</p>"
    "<p>Both delegations left the city by the evening, and no further talks were set.</p>"
    "</article>"
)

# --- web pages ---------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("loading must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_saved_page_gives_the_article_and_its_metadata(no_network):
    result = load_paths([PAGE])
    assert result.problems == []
    (article,) = result.articles
    assert (article.title, article.outlet, article.byline, article.date, article.url) == (
        "Leaders agree loan in Sochi",
        "Example Times",
        "Jane Doe",
        "2020-09-14",
        "https://www.example-times.com/2020/09/14/leaders-agree-loan",
    )
    assert article.text.startswith("Leaders agree loan in Sochi\n\nThe two presidents met")
    assert "sixth week" in article.text
    for boilerplate in ("Subscribe", "Privacy", "Sport", "<p>"):
        assert boilerplate not in article.text
    assert article.sha256 == hashlib.sha256(PAGE.read_bytes()).hexdigest()
    assert article.encoding == "utf-8"
    assert "article text extracted from the web page" in article.notes


def test_page_declared_in_a_legacy_charset(tmp_path):
    html = page(ARTICLE.replace("resort", "café resort"), '<meta charset="windows-1252">')
    article = load_paths([write(tmp_path / "old.htm", html.encode("cp1252"))]).articles[0]
    assert article.encoding == "cp1252"
    assert "café resort" in article.text
    assert "decoded as cp1252, as the file declares (not UTF-8)" in article.notes


def test_page_without_an_article(tmp_path):
    result = load_paths([write(tmp_path / "empty.html", page(""))])
    assert [p.reason for p in result.problems] == ["no article text found in the page"]


def test_binary_named_html(tmp_path):
    result = load_paths([write(tmp_path / "x.html", b"GIF89a\x01\x00\x01\x00\x00\xff")])
    assert [p.reason for p in result.problems] == ["binary file (GIF image)"]


def test_page_without_metadata_falls_back_to_the_text(tmp_path):
    article = load_paths([write(tmp_path / "bare.html", page(ARTICLE))]).articles[0]
    assert article.title == "Talks end in Sochi"
    assert article.outlet == "bare"
    assert article.date is None


def test_trafilatura_is_imported_only_when_a_page_is_met():
    probe = (
        "import sys; from tui.core.reading.loading import load_paths; "
        f"load_paths([{str(ROOT / 'seeds')!r}]); a = 'trafilatura' in sys.modules; "
        f"load_paths([{str(PAGE)!r}]); print(a, 'trafilatura' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.split() == ["False", "True"]
    assert done.stderr == ""


# --- JSON Lines ----------------------------------------------------------------------


def test_json_lines_one_article_per_line():
    result = load_paths([NEWS])
    lines = NEWS.read_text(encoding="utf-8").split("\n")
    assert [a.part for a in result.articles] == [1, 2, 6]
    first, second, third = result.articles
    assert (first.title, first.outlet, first.date, first.url) == (
        "Leaders agree loan",
        "Example Wire",
        "2020-09-14",
        "https://wire.example.org/a",
    )
    assert first.text == json.loads(lines[0])["text"]
    assert first.sha256 == hashlib.sha256(lines[0].encode()).hexdigest()
    assert first.name == "news.jsonl:1"
    assert (second.byline, second.outlet) == ("Jane Doe, John Roe", "Example Daily")
    assert (
        second.text
        == "Protests continued for a sixth week.\n\nTens of thousands marched on Sunday."
    )
    assert (third.title, third.agency) == ("Talks in Moscow ended on Monday without a deal.", "AFP")
    assert [p.reason for p in result.problems] == [
        "line 4: not valid JSON",
        "line 5: no article text (keys: title)",
    ]


def test_file_that_is_not_json_lines_is_one_problem(tmp_path):
    path = write(tmp_path / "data.jsonl", "a,b,c\n1,2,3\n4,5,6\n")
    result = load_paths([path])
    assert [p.reason for p in result.problems] == ["not JSON Lines (line 1: not valid JSON)"]


def test_many_bad_lines_are_summed_up(tmp_path):
    good = json.dumps({"text": "One good line of text."})
    path = write(tmp_path / "data.jsonl", "\n".join([good] + ["[1]"] * 20))
    reasons = [p.reason for p in load_paths([path]).problems]
    assert reasons == [f"line {n}: not a JSON object" for n in range(2, 7)] + [
        "15 more bad lines skipped"
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "   "}', "line 1: empty text"),
        ('{"text": 42}', 'line 1: no text in "text" (a number)'),
        ("[" * 100_000 + "]" * 100_000, "line 1: nested too deeply"),
    ],
)
def test_bad_json_lines(tmp_path, line, reason):
    good = json.dumps({"text": "A good line."})
    problems = load_paths([write(tmp_path / "d.jsonl", f"{line}\n{good}\n")]).problems
    assert [p.reason for p in problems] == [reason]


def test_lone_surrogate_escape_is_replaced_and_noted(tmp_path):
    path = write(tmp_path / "d.jsonl", '{"text": "broken \\ud800 text", "title": "x\\udfffy"}\n')
    article = load_paths([path]).articles[0]
    assert article.text == "broken \ufffd text"
    assert article.title == "x\ufffdy"
    assert "invalid \\u escapes shown as \ufffd" in article.notes
    article.text.encode("utf-8")  # printable: no surrogate left


def test_truncated_json_lines_drop_the_cut_line(tmp_path, monkeypatch):
    lines = [json.dumps({"text": f"Article number {n} is here."}) for n in range(50)]
    path = write(tmp_path / "big.jsonl", "\n".join(lines))
    monkeypatch.setattr(loading, "MAX_BYTES", 1000)
    result = load_paths([path])
    kept = "\n".join(lines)[:1000].count("\n")  # the complete lines in the part read
    assert [a.part for a in result.articles] == list(range(1, kept + 1))
    assert [p.reason for p in result.problems] == [result.articles[0].notes[0]]
    assert result.articles[0].notes[0].startswith("truncated: only the first")


def test_empty_lines_only(tmp_path):
    problems = load_paths([write(tmp_path / "d.jsonl", "\n  \n\n")]).problems
    assert [p.reason for p in problems] == ["only whitespace"]


# --- JSON files and the fields data sets use ------------------------------------------


def by_title(result):
    return {a.title: a for a in result.articles}


def test_a_json_file_of_one_article_object(tmp_path):
    record = {
        "title": "Kim halts nuclear tests",
        "maintext": "North Korea will stop its nuclear tests, state media said on Saturday.",
        "source_domain": "www.Example-Times.com",
        "date_publish": "2018-04-21 02:15:00",
        "authors": ["Jane Doe", "John Roe"],
        "url": "https://www.example-times.com/2018/04/21/kim",
    }
    path = write(tmp_path / "kim.json", json.dumps(record))
    result = load_paths([path])
    assert result.problems == []
    (article,) = result.articles
    assert (article.title, article.outlet, article.date, article.byline, article.part) == (
        "Kim halts nuclear tests",
        "example-times.com",
        "2018-04-21",
        "Jane Doe, John Roe",
        None,
    )
    assert article.text == record["maintext"]
    assert article.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_json_array_gives_one_article_per_item_and_one_problem_per_bad_item(tmp_path):
    items = [
        {"headline": "First", "content": "The first text of the list."},
        {"id": 7, "url": "https://example.org/7", "summary": "No text field"},
        "not an object",
        {"title": "Fourth", "body": "The fourth text of the list."},
    ]
    text = "[\n" + ",\n".join(json.dumps(item) for item in items) + "\n]\n"
    path = write(tmp_path / "list.json", text)
    result = load_paths([path])
    assert [(a.title, a.part, a.name) for a in result.articles] == [
        ("First", 1, "list.json:1"),
        ("Fourth", 4, "list.json:4"),
    ]
    assert result.articles[0].sha256 == hashlib.sha256(json.dumps(items[0]).encode()).hexdigest()
    assert [p.reason for p in result.problems] == [
        "item 2: no article text (keys: id, url, summary)",
        "item 3: not a JSON object",
    ]


def test_a_news_api_response_wraps_its_articles(tmp_path):
    response = {
        "status": "ok",
        "totalResults": 2,
        "articles": [
            {
                "source": {"id": None, "name": "Example Wire"},
                "author": "Jane Doe",
                "title": "Leaders agree loan",
                "publishedAt": "2020-09-14T10:00:00Z",
                "content": "The two presidents met on Monday and agreed a loan.",
            },
            {
                "source": {"id": None, "name": "example wire"},
                "title": "Talks end",
                "publishedAt": 1600077600,
                "content": "The talks ended in the evening.",
            },
        ],
    }
    result = load_paths([write(tmp_path / "response.json", json.dumps(response))])
    first, second = result.articles
    assert (first.outlet, first.date, first.byline) == ("Example Wire", "2020-09-14", "Jane Doe")
    assert (second.outlet, second.date, second.part) == ("Example Wire", "2020-09-14", 2)


@pytest.mark.parametrize(
    ("field", "value", "text"),
    [
        (
            "paragraphs",
            ["First paragraph.", "Second paragraph."],
            "First paragraph.\n\nSecond paragraph.",
        ),
        ("text", [["One.", "Two."], ["Three."]], "One. Two.\n\nThree."),
        (
            "body",
            [{"type": "p", "text": "Para one."}, {"text": "Para two."}],
            "Para one.\n\nPara two.",
        ),
        ("articleBody", "Schema.org names it so.", "Schema.org names it so."),
        ("full_text", "A full text.", "A full text."),
        ("STORY", "Any case counts.", "Any case counts."),
    ],
)
def test_text_from_common_fields_and_lists_of_paragraphs(tmp_path, field, value, text):
    path = write(tmp_path / "d.jsonl", json.dumps({"title": "T", field: value}) + "\n")
    (article,) = load_paths([path]).articles
    assert article.text == text


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2020-09-14T23:30:00+02:00", "2020-09-14"),
        (1600077600, "2020-09-14"),
        (1600077600000, "2020-09-14"),
        ("1600077600", "2020-09-14"),
        ({"$date": "2020-09-14T10:00:00Z"}, "2020-09-14"),
        ({"$date": {"$numberLong": "1600077600000"}}, "2020-09-14"),
        (42, None),
        (True, None),
    ],
)
def test_stated_dates_in_every_common_form(tmp_path, value, date):
    path = write(tmp_path / "d.jsonl", json.dumps({"text": "Body.", "published_at": value}))
    assert load_paths([path]).articles[0].date == date


def test_one_outlet_spelt_several_ways_is_one_outlet(tmp_path):
    lines = [
        {"text": f"Story {n}.", "source": name} for n, name in enumerate(["hpo", "HPO", "HPO"])
    ]
    write(tmp_path / "a.jsonl", "\n".join(json.dumps(line) for line in lines))
    write(tmp_path / "b.json", json.dumps({"text": "Another story.", "publisher": "Hpo"}))
    write(tmp_path / "c.jsonl", json.dumps({"text": "A site.", "domain": "WWW.Example.COM"}))
    outlets = [a.outlet for a in load_paths([tmp_path]).articles]
    assert outlets == ["HPO", "HPO", "HPO", "HPO", "example.com"]


@pytest.mark.parametrize(
    ("site", "outlet"),
    [
        ("Harbour Times AG", "Harbour Times"),
        ("Harbour Times Verlag GmbH & Co. KG, Hamburg", "Harbour Times Verlag"),
        ("Harbour Times Media Ltd.", "Harbour Times Media"),
        ("Harbour Times Sp. z o.o. S.K.A.", "Harbour Times"),
        ("Harbour Times Inc. - News from the coast", "Harbour Times"),
        # A legal form that does not end the company's name is part of the outlet's.
        ("Inc. Magazine", "Inc. Magazine"),
        ("AG Weekly", "AG Weekly"),
    ],
)
def test_a_publishers_legal_form_is_not_part_of_the_outlet(tmp_path, site, outlet):
    path = write(tmp_path / "p.html", news_page("Council agrees budget", LONG_BODY, site=site))
    assert load_paths([path]).articles[0].outlet == outlet


def test_the_user_names_the_text_field(tmp_path):
    record = {"headline": "Named", "payload": {"article": {"words": "The text is deep in here."}}}
    path = write(tmp_path / "d.jsonl", json.dumps(record))
    assert [p.reason for p in load_paths([path]).problems] == [
        "line 1: no article text (keys: headline, payload)"
    ]
    named = load_paths([path], Options(text_field="payload.article.words"))
    assert [a.text for a in named.articles] == ["The text is deep in here."]
    missing = load_paths([path], Options(text_field="nothing"))
    assert [p.reason for p in missing.problems] == [
        'line 1: no text in the field "nothing" (keys: headline, payload)'
    ]


def test_a_number_too_long_to_read_is_a_problem_for_its_record_only(tmp_path):
    huge = "9" * 5000
    good = json.dumps({"title": "Good", "text": "A good record."})
    jsonl = write(tmp_path / "d.jsonl", f'{good}\n{{"title": {huge}, "text": "x"}}\n{good}\n')
    result = load_paths([jsonl])
    assert [a.part for a in result.articles] == [1, 3]
    assert [p.reason for p in result.problems] == ["line 2: a number of more than 4,300 digits"]
    array = write(tmp_path / "d.json", f'[{good}, {{"id": {huge}}}, {good}]')
    result = load_paths([array])
    assert [a.part for a in result.articles] == [1, 3]
    assert [p.reason for p in result.problems] == ["item 2: a number of more than 4,300 digits"]


def test_a_json_array_cut_by_the_read_limit_keeps_the_items_before_the_cut(tmp_path, monkeypatch):
    items = [
        json.dumps({"title": f"T{n}", "text": f"Article number {n} is here."}) for n in range(40)
    ]
    path = write(tmp_path / "big.json", "[" + ",".join(items) + "]")
    monkeypatch.setattr(loading, "MAX_BYTES", 1000)
    result = load_paths([path])
    whole = "[" + ",".join(items)
    kept = whole[:1000].count("},")  # items that end before the cut
    assert [a.part for a in result.articles] == list(range(1, kept + 1))
    reasons = [p.reason for p in result.problems]
    assert reasons[0] == f"item {kept + 1}: cut by the read limit, not read"
    assert reasons[1].startswith("truncated: only the first")


def test_a_json_lines_file_of_one_line_longer_than_the_limit_is_said_to_be_cut(
    tmp_path, monkeypatch
):
    path = write(tmp_path / "one.jsonl", json.dumps({"text": "word " * 500}))
    monkeypatch.setattr(loading, "MAX_BYTES", 1000)
    assert [p.reason for p in load_paths([path]).problems] == [
        "line 1: cut by the read limit, not read"
    ]


@pytest.mark.parametrize(
    ("data", "reasons"),
    [
        ("{not json", ["not valid JSON"]),
        ('{"a": 1} {"b": 2}', ["not valid JSON (more after the first value)"]),
        ("[]", ["no articles (an empty list)"]),
        ("[{}", ["item 1: no article text (the record is empty)", "not valid JSON (no ])"]),
        ("   ", ["only whitespace"]),
        ('{"title": "x"}', ["no article text (keys: title)"]),
        ("[" * 100_000 + "]" * 100_000, ["item 1: nested too deeply"]),
    ],
)
def test_bad_json_files(tmp_path, data, reasons):
    problems = load_paths([write(tmp_path / "d.json", data)]).problems
    assert [p.reason for p in problems] == reasons


# --- saved pages: the headline, the people, the article and nothing else ---------------


def news_page(
    title: str, body: str, *, site: str = "Metro Daily", author: str = "", social: str = ""
) -> str:
    head = (
        f"<title>{title}</title><meta property='og:site_name' content='{site}'>"
        + (f"<meta property='og:title' content='{social}'>" if social else "")
        + "<link rel='canonical' href='https://www.metrodaily.example/news/a'>"
        "<meta property='article:published_time' content='2024-03-11T10:00:00Z'>"
        + (f"<meta name='author' content='{author}'>" if author else "")
    )
    return page(f"<article>{body}</article>", head)


LONG_BODY = "".join(
    f"<p>Paragraph {n} of the report says the council met again on Monday and agreed the "
    "budget after a long debate about bus fares and school roofs.</p>"
    for n in range(4)
)


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Council agrees budget | Metro Daily", "Council agrees budget"),
        ("Council agrees budget - Metro Daily | 11.03.2024", "Council agrees budget"),
        ("Metro Daily | Council agrees budget", "Council agrees budget"),
        ("Council agrees budget — metrodaily.example", "Council agrees budget"),
        ("Brexit - what happens next", "Brexit - what happens next"),
    ],
)
def test_a_site_suffix_is_not_part_of_the_headline(tmp_path, title, headline):
    path = write(tmp_path / "p.html", news_page(title, LONG_BODY))
    assert load_paths([path]).articles[0].title == headline


@pytest.mark.parametrize(
    ("headings", "headline"),
    [
        # The page shows its own headline; the title was written for search engines.
        (
            ["Harbour city steps up ferry checks amid virus outbreak"],
            "Harbour city steps up ferry checks amid virus outbreak",
        ),
        # The site's logo set as the first heading is not the headline.
        (
            ["Metro Daily", "Harbour city steps up ferry checks"],
            "Harbour city steps up ferry checks",
        ),
        # A heading with the site's name in it loses it, as the title does.
        (
            ["Harbour city steps up ferry checks | Metro Daily"],
            "Harbour city steps up ferry checks",
        ),
        # A heading the title does not confirm (a menu, a section) is not taken.
        (["Menu", "Latest news"], "Outbreak: Harbour city steps up ferry checks"),
        # A heading that is the title with a section before it: the title is cleaner.
        (
            ["Local News | Outbreak: Harbour city steps up ferry checks"],
            "Outbreak: Harbour city steps up ferry checks",
        ),
    ],
)
def test_the_headline_is_the_heading_the_page_shows(tmp_path, headings, headline):
    title = "Outbreak: Harbour city steps up ferry checks | Metro Daily"
    body = "".join(f"<h1>{heading}</h1>" for heading in headings) + LONG_BODY
    path = write(tmp_path / "p.html", news_page(title, body, social=title))
    assert load_paths([path]).articles[0].title == headline


def test_of_two_confirmed_headings_the_one_sharing_more_of_the_title_wins(tmp_path):
    # The site's logo, under a name the page does not state as its site's, is in the
    # title too; the story's heading shares far more of it.
    title = "Harbour city steps up ferry checks | Coast Pages"
    body = "<h1>Coast Pages</h1><h1>Harbour city steps up ferry checks</h1>" + LONG_BODY
    path = write(tmp_path / "p.html", news_page(title, body, social=title))
    assert load_paths([path]).articles[0].title == "Harbour city steps up ferry checks"


def test_a_sections_one_word_title_gives_way_to_the_pages_own(tmp_path):
    # Sites state a section's name as the social title of every page in it.
    title = "Council agrees budget after a long debate | Metro Daily"
    path = write(tmp_path / "p.html", news_page(title, LONG_BODY, social="Pressemitteilungen"))
    assert load_paths([path]).articles[0].title == "Council agrees budget after a long debate"


@pytest.mark.parametrize(
    ("heading", "headline"),
    [
        # The page's only heading, reworded for search engines in the title.
        (
            "Harbour airline sets a new date for its full alliance membership",
            "Harbour airline sets a new date for its full alliance membership",
        ),
        # A lone heading that shares nothing with the title is the site's, not the story's.
        ("Weekend Edition", "Harbour airline to become full alliance member by spring"),
    ],
)
def test_a_pages_only_heading_needs_less_confirming(tmp_path, heading, headline):
    title = "Harbour airline to become full alliance member by spring | Metro Daily"
    body = f"<h1>{heading}</h1>" + LONG_BODY
    path = write(tmp_path / "p.html", news_page(title, body, social=title))
    assert load_paths([path]).articles[0].title == headline


@pytest.mark.parametrize(
    ("author", "byline"),
    [
        ("METRO DAILY ONLINE; Hamburg; Germany", None),
        ("Metro Daily Media GmbH; Jane Doe; John Roe", "Jane Doe, John Roe"),
        ("Metro Daily", None),
        ("View all posts by Jane Doe", "Jane Doe"),
        ("Jane Doe", "Jane Doe"),
    ],
)
def test_the_publisher_is_not_a_byline(tmp_path, author, byline):
    path = write(tmp_path / "p.html", news_page("Council agrees budget", LONG_BODY, author=author))
    assert load_paths([path]).articles[0].byline == byline


def test_a_wire_agency_as_author_is_the_agency_not_a_byline(tmp_path):
    body = "<p class='byline'>By Reuters</p>" + LONG_BODY
    path = write(tmp_path / "p.html", news_page("Rates held", body))
    article = load_paths([path]).articles[0]
    assert (article.byline, article.agency, article.outlet) == (None, "Reuters", "Metro Daily")


def test_lines_of_site_furniture_are_not_article_text(tmp_path):
    body = (
        LONG_BODY
        + "<p><b>Read more:</b> <a href='/x'>Earlier coverage of the budget</a></p>"
        + "<div><p>Advertisement</p></div>"
        + "<p>Our Standards: The Thomson Reuters Trust Principles.</p>"
        + "<p>Read more about the fares in the council's own report, which runs to 200 pages.</p>"
    )
    text = load_paths([write(tmp_path / "p.html", news_page("Budget", body))]).articles[0].text
    for furniture in ("Read more:", "Advertisement", "Trust Principles"):
        assert furniture not in text
    assert "Read more about the fares" in text  # a sentence, not a label
    assert text.count("Paragraph") == 4


def test_each_block_of_a_page_is_a_paragraph_in_the_reader(tmp_path):
    body = "<h2>Bus fares</h2>" + LONG_BODY + "<ul><li>Fares up 5%</li><li>Roofs mended</li></ul>"
    text = load_paths([write(tmp_path / "p.html", news_page("Budget", body))]).articles[0].text
    shown = [block.text for block in render_markdown(text).blocks]
    assert shown[0] == "Bus fares"
    assert [line[:11] for line in shown[1:5]] == [
        "Paragraph 0",
        "Paragraph 1",
        "Paragraph 2",
        "Paragraph 3",
    ]
    assert len(shown) == 7


@pytest.mark.parametrize(
    ("body", "warning"),
    [
        (
            "<p>Residents moved furniture upstairs as the river rose. Photo: Metro Daily</p>",
            (
                "only 11 words of article text: the page may not hold the article "
                "(a gallery, a video, a paywall)"
            ),
        ),
        (
            LONG_BODY + "<p>{{nrco.headline}} by {{nrco.author}} on {{ nrco.date }}</p>",
            (
                "the page holds template markup ({{nrco.headline}}): "
                "it may be an unrendered page, not an article"
            ),
        ),
    ],
)
def test_a_page_without_an_article_loads_with_a_warning(tmp_path, body, warning):
    path = write(tmp_path / "p.html", news_page("Photos: the river", body))
    result = load_paths([path])
    assert warning in result.articles[0].notes
    assert [p.reason for p in result.problems] == [warning]


@pytest.mark.parametrize("reference", ["&#0;", "&#1;", "&#x1b;", "&#65535;", "&#xD800;"])
def test_a_character_reference_xml_forbids_does_not_lose_the_article(tmp_path, reference):
    body = LONG_BODY.replace("Monday", f"Monday {reference}", 1)
    article = load_paths([write(tmp_path / "p.html", news_page("Budget", body))]).articles[0]
    assert article.text.count("Paragraph") == 4
    assert "\ufffd" in article.text or reference == "&#0;"
