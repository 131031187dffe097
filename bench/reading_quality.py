"""How right reading is: headlines, outlets, dates, bylines and encodings, as rates.

    python bench/reading_quality.py [--shared DIR] [--pages DIR] [--raw]

Measured, each on what storyreader reads exactly as ``list --format json`` does:

- ``fixtures``: the folders ``folder/``, ``headlines/`` and ``datasets/`` of
  ``tests/fixtures`` against ``tests/fixtures/expected.json``: every field.
- ``shared``: ``mixed_folder`` and ``dev_story/docs`` of the team's shared data
  (read where it lies, never copied): the headline of each file against a digest of
  the headline checked by hand (`SHARED_TITLES`, so no text of the data is here);
  that no headline is a dateline; outlets read with the folder's labels file as the
  side file (``--meta``), which must match the labels one to one.
- ``encodings``: the paragraphs of ``tests/fixtures/languages`` written in 13 legacy
  codecs and in UTF-16 without a mark: decoded back exactly, or not.
- ``pages`` (with ``--pages DIR``, a checkout's ``tests`` folder of trafilatura with
  ``evaldata.json``, ``cache/`` and ``eval/``): the 851 annotated pages' title, date
  and author against the annotation (the title also folded, also as any headline the
  page states for itself, and on the news articles alone), bylines that are the publisher, and the share
  of wanted and unwanted snippets in the text. ``--raw`` prints trafilatura's own
  fields beside ours, to show what the cleaning changes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.reading.loading import load_paths
from tui.core.reading.session import Options

FIXTURES = ROOT / "tests" / "fixtures"
SHARED_TITLES = {
    "mixed_folder/006cb9a594.txt": "70a629b5545665d1",
    "mixed_folder/00837c1815.txt": "951e69510b78c498",
    "mixed_folder/2acd89e11e.txt": "f812d4a43d95a157",
    "mixed_folder/393dac398a.txt": "00ae9f0eb9b5b151",
    "mixed_folder/4729b35f04.txt": "9762a3d25b4685af",
    "mixed_folder/76750e4c6b.txt": "8c9b38cd93ac783c",
    "mixed_folder/932edb1759.txt": "dbfc75398cc5fc7c",
    "mixed_folder/99762ab908.txt": "ca7d0910c5390a3e",
    "mixed_folder/b171dc98f2.txt": "3e5c146d5d3643a6",
    "mixed_folder/c0a9aa0fba.txt": "8b6293d3a6b3567d",
    "mixed_folder/c0abd02f5c.txt": "a395e54f274788e5",
    "mixed_folder/c394d82485.txt": "579353bf0ebf10c9",
    "mixed_folder/c3a5cb3c86.txt": "ee340bb663961a59",
    "mixed_folder/ce0c674c56.txt": "c7d2843dc47b7703",
    "mixed_folder/d293de42cd.txt": "686ac2b9ccff42be",
    "mixed_folder/ddcd5f693c.txt": "06c31afe8e5abd77",
    "mixed_folder/de7d891448.txt": "8700f1fc557d8540",
    "mixed_folder/e5ad9cdc6c.txt": "b679b3f7a99af788",
    "mixed_folder/e615f5e7cb.txt": "cc6225ae7dd708df",
    "mixed_folder/f2a26a8748.txt": "ac1393f7048e3530",
    "dev_story/docs/2_L.txt": "579353bf0ebf10c9",
    "dev_story/docs/2_LL.txt": "ca7d0910c5390a3e",
    "dev_story/docs/2_M.txt": "06c31afe8e5abd77",
    "dev_story/docs/2_R.txt": "00ae9f0eb9b5b151",
    "dev_story/docs/2_RR.txt": "ee340bb663961a59",
}
"""The first 16 hex digits of the SHA-256 of each file's right headline: its first line
where the outlet set one, else the whole first sentence after the dateline (checked by
reading the files)."""
DATELINE = re.compile(r"[A-Z][A-Z.' -]{2,}(?:,\s*[A-Z][\w.]*(?:\s[A-Z]\w*)*)?\.?\s*(?:[—–-]|\(|$)")
"""A headline that is a dateline, told by a pattern of its own (not the reader's)."""
LEGACY = [
    ("ru", "cp1251"), ("ru", "koi8-r"), ("el", "cp1253"), ("pl", "cp1250"), ("pl", "iso8859-2"),
    ("cs", "cp1250"), ("cs", "iso8859-2"), ("hu", "iso8859-2"), ("zh-hans", "gb18030"),
    ("zh-hant", "big5"), ("ja", "shift_jis"), ("ja", "euc-jp"), ("ko", "euc-kr"),
]  # fmt: skip


def rate(hits: int, total: int) -> str:
    return f"{hits}/{total} = {hits / total:.1%}" if total else "0/0"


def fixtures() -> None:
    expected = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))["articles"]
    result = load_paths([FIXTURES / name for name in ("folder", "headlines", "datasets")])
    got = {}
    for article in result.articles:
        name = article.path.relative_to(FIXTURES).as_posix()
        got[name if article.part is None else f"{name}:{article.part}"] = article
    print(f"fixtures: {len(got)} articles of {len(expected)} expected")
    for field in ("title", "outlet", "date", "byline", "agency"):
        hits = sum(
            1
            for key, want in expected.items()
            if key in got and getattr(got[key], field) == want[field]
        )
        print(f"  {field:<7} {rate(hits, len(expected))}")
    by_format: dict[str, list[bool]] = {}
    for key, want in expected.items():
        suffix = Path(key.split(":")[0]).suffix
        by_format.setdefault(suffix, []).append(key in got and got[key].title == want["title"])
    for suffix, hits in sorted(by_format.items()):
        print(f"  headline {suffix:<7} {rate(sum(hits), len(hits))}")


def shared(root: Path) -> None:
    eval_dir = root / "eval"
    folders = [eval_dir / "mixed_folder", eval_dir / "dev_story" / "docs"]
    if not all(folder.is_dir() for folder in folders):
        print(f"shared: {eval_dir} not found, skipped")
        return
    result = load_paths(folders)
    titles = {a.path.relative_to(eval_dir).as_posix(): a.title for a in result.articles}
    right = sum(
        1
        for name, digest in SHARED_TITLES.items()
        if hashlib.sha256(titles.get(name, "").encode()).hexdigest()[:16] == digest
    )
    datelines = [title for title in titles.values() if DATELINE.match(title)]
    fallbacks = sum(1 for a in result.articles if any("no headline" in n for n in a.notes))
    print(f"shared: {len(result.articles)} articles, problems {len(result.problems)}")
    print(f"  headline right      {rate(right, len(SHARED_TITLES))}")
    print(f"  dateline as headline {len(datelines)}")
    print(f"  first-sentence fallbacks, flagged {fallbacks}")
    labels_file = eval_dir / "mixed_folder.labels.json"
    if labels_file.is_file():
        labels = json.loads(labels_file.read_text(encoding="utf-8"))
        bare = load_paths([folders[0]]).articles
        named = load_paths([folders[0]], Options(meta=labels_file)).articles
        hits = sum(1 for a in named if a.outlet == labels[a.path.name]["outlet"])
        flagged = sum(1 for a in bare if any("no outlet" in n for n in a.notes))
        print(
            f"  outlets without a side file: {flagged}/{len(bare)} fall back to the file name, flagged"
        )
        print(f"  outlets with the labels as side file (--meta): {rate(hits, len(named))}, "
              f"{len({a.outlet for a in named})} names for {len({v['outlet'] for v in labels.values()})} outlets")  # fmt: skip
        dated = sum(1 for a in bare if a.date)
        print(f"  dates read: {dated}/{len(bare)} (the files state none)")


def encodings(temp: Path) -> None:
    right = total = 0
    wrong = []
    for language, codec in LEGACY:
        text = (FIXTURES / "languages" / f"{language}.txt").read_text(encoding="utf-8")
        for variant, data in ((codec, text.encode(codec)),):
            path = temp / f"{language}-{variant}.txt"
            path.write_bytes(data)
            articles = load_paths([path]).articles
            total += 1
            if articles and articles[0].text == text:
                right += 1
            else:
                wrong.append(f"{language}/{variant}")
    print(f"encodings: legacy codecs decoded right {rate(right, total)} {wrong or ''}")
    right = total = 0
    for language in ("ru", "pl", "el", "zh-hans", "zh-hant", "ja", "ko"):
        text = (FIXTURES / "languages" / f"{language}.txt").read_text(encoding="utf-8")
        for codec in ("utf-16-le", "utf-16-be"):
            path = temp / f"{language}-{codec}.txt"
            path.write_bytes(text.encode(codec))
            articles = load_paths([path]).articles
            total += 1
            right += bool(articles and articles[0].text == text)
    print(f"  UTF-16 without a byte-order mark decoded right {rate(right, total)}")


def _norm(text: str) -> str:
    return " ".join(text.split())


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"',
                         "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
                         "\u2013": "-", "\u2014": "-"})  # fmt: skip


def _folded(text: str) -> str:
    """``text`` as a reader compares headlines, whatever the case and quote style.

    An annotation may be in the page's capitals (CSS ``text-transform``) or have
    straight quotes where the page has typographic ones.
    """
    return _norm(unicodedata.normalize("NFKC", text).translate(_QUOTES)).casefold()


def pages(folder: Path, raw: bool) -> None:
    from tui.core.metadata.pages import names_site, site_keys

    data: dict[str, dict[str, Any]] = json.loads(
        (folder / "evaldata.json").read_text(encoding="utf-8")
    )
    counts: dict[str, int] = dict.fromkeys(
        ("pages", "title", "title_folded", "title_stated", "news", "news_title", "date", "dated", "false_date", "author", "authored", "publisher",
         "with", "with_all", "without", "without_all", "warned", "no_text"), 0)  # fmt: skip
    raw_counts = dict.fromkeys(("title", "author", "publisher"), 0)
    for item in data.values():
        path = next(
            (p for sub in ("cache", "eval") if (p := folder / sub / item["file"]).is_file()), None
        )
        if path is None or "title" not in item:
            continue
        counts["pages"] += 1
        result = load_paths([path])
        if not result.articles:
            counts["no_text"] += 1
            continue
        article = result.articles[0]
        text = _norm(article.text)
        counts["title"] += article.title == item["title"]
        counts["title_folded"] += _folded(article.title) == _folded(item["title"])
        counts["title_stated"] += _folded(article.title) in _stated_headlines(path) | {
            _folded(item["title"])
        }
        counts["news"] += (news := _NEWS_ARTICLE.search(path.read_bytes()) is not None)
        counts["news_title"] += news and article.title == item["title"]
        if item.get("date"):
            counts["dated"] += 1
            counts["date"] += article.date == item["date"]
        elif article.date:
            counts["false_date"] += 1
        gold_author = item.get("author") or ""
        if isinstance(gold_author, list):
            gold_author = ", ".join(gold_author)
        counts["authored"] += bool(gold_author)
        counts["author"] += _norm(article.byline or "").casefold() == _norm(
            gold_author
        ).casefold().replace(" und ", ", ")
        keys = site_keys(article.outlet, article.url)
        counts["publisher"] += bool(article.byline and names_site(article.byline, keys))
        counts["with"] += sum(_norm(s) in text for s in item["with"])
        counts["with_all"] += len(item["with"])
        counts["without"] += sum(_norm(s) not in text for s in item["without"])
        counts["without_all"] += len(item["without"])
        counts["warned"] += any("page may not" in n or "template" in n for n in article.notes)
        if raw:
            document = _raw_document(path)
            if document is not None:
                raw_counts["title"] += document.title == item["title"]
                raw_counts["author"] += (
                    _norm(document.author or "").casefold() == _norm(gold_author).casefold()
                )
                raw_keys = site_keys(document.sitename, document.url)
                raw_counts["publisher"] += bool(
                    document.author and names_site(document.author, raw_keys)
                )
    n = counts["pages"]
    print(f"pages: {n} annotated pages of trafilatura's evaluation set")
    print(f"  headline right       {rate(counts['title'], n)}")
    print(f"  headline right but for case, spacing, quote and dash style "
          f"{rate(counts['title_folded'], n)}")  # fmt: skip
    print(f"  headline annotated or one the page states (h1, title, og:title, JSON-LD) "
          f"{rate(counts['title_stated'], n)}")  # fmt: skip
    print(f"  headline right on news articles (JSON-LD NewsArticle) "
          f"{rate(counts['news_title'], counts['news'])}")  # fmt: skip
    print(f"  date right           {rate(counts['date'], counts['dated'])}; "
          f"a date where none is annotated {counts['false_date']}")  # fmt: skip
    print(f"  byline as annotated  {rate(counts['author'], n)}")
    print(f"  byline is the publisher {counts['publisher']}")
    print(f"  wanted snippets kept {rate(counts['with'], counts['with_all'])}, "
          f"unwanted left out {rate(counts['without'], counts['without_all'])}")  # fmt: skip
    print(
        f"  loaded with a warning (little text, template) {counts['warned']}; no text {counts['no_text']}"
    )
    if raw:
        print(f"  trafilatura alone: headline {rate(raw_counts['title'], n)}, byline "
              f"{rate(raw_counts['author'], n)}, byline is the publisher {raw_counts['publisher']}")  # fmt: skip


_NEWS_ARTICLE = re.compile(rb'"@type"\s*:\s*"(?:News|ReportageNews|AnalysisNews)Article"')
_LD_HEADLINE = re.compile(r'"headline"\s*:\s*"((?:[^"\\]|\\.){1,400})"')


def _stated_headlines(path: Path) -> set[str]:
    """Every headline the page states for itself, folded: what a reader could call right.

    Its ``<h1>`` elements, ``<title>``, ``og:title``/``twitter:title`` and JSON-LD
    ``headline``, each also without the site's name.
    """
    from html import unescape

    from trafilatura.utils import load_html

    from tui.core.metadata.pages import page_title, site_keys
    from tui.core.reading.decoding import decode

    page = decode(path.read_bytes()).text
    tree = load_html(page)
    if tree is None:
        return set()
    found = [heading.text_content() for heading in tree.iter("h1", "title")]
    found += tree.xpath(
        "//meta[@property='og:title' or @name='og:title' or @name='twitter:title']/@content"
    )
    for match in _LD_HEADLINE.finditer(page):
        try:
            found.append(unescape(json.loads(f'"{match[1]}"')))
        except ValueError:
            continue
    names = tree.xpath("//meta[@property='og:site_name']/@content")
    urls = tree.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content")
    keys = site_keys(names[0] if names else None, urls[0] if urls else None)
    return {_folded(text) for one in found for text in (one, page_title(one, keys))}


def _raw_document(path: Path) -> Any:
    import trafilatura

    from tui.core.reading.decoding import NotTextError, decode

    try:
        page = decode(path.read_bytes()).text
    except NotTextError:
        return None
    return trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_formatting=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )  # fmt: skip


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--pages", type=Path, help="trafilatura's tests folder (evaldata.json)")
    parser.add_argument("--raw", action="store_true", help="also trafilatura's own fields")
    args = parser.parse_args()
    steps: list[Callable[[], None]] = [fixtures, lambda: shared(args.shared)]
    with tempfile.TemporaryDirectory() as temp:
        steps.append(lambda: encodings(Path(temp)))
        if args.pages:
            steps.append(lambda: pages(args.pages, args.raw))
        for step in steps:
            step()


if __name__ == "__main__":
    main()
