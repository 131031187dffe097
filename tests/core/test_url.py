"""Reading an article from an address, against a web server the test runs on 127.0.0.1.

No test reaches the internet: every address is the local server's (or one that
cannot connect at all).
"""

from __future__ import annotations

import socket
import time

import pytest

from tui.core.reading.address import is_url, url_path
from tui.core.reading.articles import Article
from tui.core.reading.url import FetchError, fetch, read_url


def test_a_page_reads_as_a_saved_page_and_keeps_its_address(web_server: str) -> None:
    found = read_url(f"{web_server}/story")
    article = found[0]
    assert isinstance(article, Article)
    assert article.title == "Council agrees flood budget"
    assert article.outlet == "Harbour Times"
    assert article.url == f"{web_server}/story"
    assert "approved a 4.5 million budget" in article.text
    assert "Home · News" not in article.text  # the page's furniture left out
    assert "fetched from the web" in article.notes
    assert article.path.name == "story"


def test_a_redirect_is_followed_and_the_article_names_where_it_landed(web_server: str) -> None:
    article = read_url(f"{web_server}/moved")[0]
    assert isinstance(article, Article)
    assert article.url == f"{web_server}/story"


def test_the_servers_charset_decodes_the_page(web_server: str) -> None:
    article = read_url(f"{web_server}/latin")[0]
    assert isinstance(article, Article)
    assert "soirée" in article.text


def test_a_plain_text_body_reads_as_a_text_file(web_server: str) -> None:
    article = read_url(f"{web_server}/notes.txt")[0]
    assert isinstance(article, Article)
    assert article.title == "Flood plan agreed"


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/gone", "not found (HTTP 404)"),
        ("/loop", "too many redirects"),
        ("/elsewhere", "redirected to an address that is not a web page"),
        ("/picture", "not a web page (image/png)"),
        ("/empty-article", "no article text found in the page"),
    ],
)
def test_each_failure_is_one_line_naming_the_address(
    web_server: str, path: str, problem: str
) -> None:
    with pytest.raises(FetchError) as caught:
        read_url(f"{web_server}{path}")
    message = str(caught.value)
    assert message.startswith(f"{web_server}/")
    assert problem in message
    assert "\n" not in message


def test_a_slow_server_times_out(web_server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"/slow: timed out after 0.5 s"):
        fetch(f"{web_server}/slow", timeout=0.5)
    assert time.monotonic() - started < 1.9


def test_a_huge_body_is_cut_off_at_the_cap(web_server: str) -> None:
    with pytest.raises(FetchError, match=r"/huge: too large: over 1 MB"):
        fetch(f"{web_server}/huge", max_bytes=1024 * 1024)


def test_a_port_nobody_listens_on_cannot_connect() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free once closed
    with pytest.raises(FetchError, match="cannot connect: connection refused"):
        fetch(f"http://127.0.0.1:{port}/story", timeout=2)


@pytest.mark.parametrize("address", ["ftp://example.org/a.html", "file:///etc/passwd"])
def test_only_web_addresses_are_fetched(address: str) -> None:
    with pytest.raises(FetchError, match="only http:// and https://"):
        fetch(address)


def test_addresses_are_told_from_paths() -> None:
    assert is_url("https://example.org/news/1")
    assert is_url("HTTP://example.org")
    assert not is_url("news/https-story.txt")
    assert not is_url("C:\\news\\story.txt")
    assert url_path("https://example.org/news/council%20budget/") == url_path(
        "https://example.org/news/council_budget"
    )
    assert str(url_path("https://example.org/")) == "example.org/index"
