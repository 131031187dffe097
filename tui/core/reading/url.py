"""Articles straight from the web: fetch one address, read the page as a saved one.

Only ``http`` and ``https`` are fetched, with the standard library's client (no
extra dependency, and every limit is ours to set): a time limit (`TIMEOUT`: for
connecting, for each wait on the server, and for the body's read as a whole), a size cap (`MAX_BYTES`), at most `MAX_REDIRECTS` redirects,
each to ``http`` or ``https`` again. A page is read by the saved-page reader
(`tui.core.reading.formats.html`), a ``text/plain`` body as a text file; anything
else is "not a web page". The article keeps the address it was read from (after
redirects) as its `Article.url`, and nothing is written to disk.

Every failure is a `FetchError` whose message is one line naming the address and
what went wrong ("not found (HTTP 404)", "timed out after 20 s", "too large: over
10 MB", "not a web page (image/png)", "cannot connect: ..."), for a person to read.
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from email.message import Message
from http.client import HTTPException, HTTPResponse
from typing import NamedTuple
from urllib.parse import urlsplit

from tui import __version__
from tui.core.reading.address import FETCHED, url_path
from tui.core.reading.articles import Article
from tui.core.reading.formats.raw import RawFile
from tui.core.reading.problems import Problem
from tui.core.text.safe import inert_line

TIMEOUT = 20.0
"""Seconds to connect, to wait for each answer, and to read the whole body."""
MAX_BYTES = 10 * 1024 * 1024
"""A page larger than this is refused: no news article is."""
MAX_REDIRECTS = 5
"""Redirects followed before giving up (a loop stops here too)."""
_CHUNK = 64 * 1024
_PAGE_TYPES = frozenset(("text/html", "application/xhtml+xml"))
_TEXT_TYPES = frozenset(("text/plain", "text/markdown"))


class FetchError(Exception):
    """A fetch that failed; ``str()`` is the line to show (the address named, inert)."""


class Fetched(NamedTuple):
    """One fetched body."""

    url: str
    """The address the body came from, after redirects."""
    data: bytes
    """The body."""
    media_type: str
    """The ``Content-Type`` without its parameters, lower case (``text/html``)."""
    charset: str | None
    """The charset the server stated, if any."""


def fetch(
    url: str,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> Fetched:
    """The body at ``url``, within the limits.

    Raises:
        FetchError: Saying, in one line naming ``url``, why there is no body.
    """
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise _error(url, "only http:// and https:// addresses can be opened")
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_Redirects(max_redirects))
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"storyreader/{__version__}",
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
        },
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            return _body(url, response, deadline, timeout, max_bytes)
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        raise _error(url, _status(error.code, error.reason, max_redirects)) from None
    except urllib.error.URLError as error:
        raise _error(url, _unreachable(error.reason, timeout)) from None
    except TimeoutError:
        raise _error(url, f"timed out after {timeout:g} s") from None
    except (HTTPException, OSError, ValueError) as error:
        raise _error(url, f"cannot read the answer ({error or type(error).__name__})") from None


def read_url(
    url: str,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> list[Article | Problem]:
    """The article at ``url`` and any warning about it, read like a saved page (`fetch`'s limits).

    Raises:
        FetchError: When there is no article: why, in one line naming the address.
    """
    fetched = fetch(url, timeout=timeout, max_bytes=max_bytes, max_redirects=max_redirects)
    raw = RawFile(url_path(fetched.url), fetched.data, len(fetched.data), {"url": fetched.url})
    if fetched.media_type in _TEXT_TYPES:
        from tui.core.reading.formats.text import read_text

        found = read_text(raw, on_disk=False)  # no file to read it again from
    else:
        from tui.core.reading.formats.html import read_html

        found = read_html(raw, fetched.charset)
    problems = [item for item in found if isinstance(item, Problem)]
    if len(problems) == len(found):
        reason = problems[0].reason if problems else "no article text found in the page"
        raise _error(fetched.url, reason)
    return [
        item.replace(notes=(*item.notes, FETCHED)) if isinstance(item, Article) else item
        for item in found
    ]


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow at most ``limit`` redirects, and only to http or https."""

    max_repeats = 1
    """The same address twice is a loop."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self._limit = limit

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):  # urllib lets ftp: by
            raise _error(req.full_url, "redirected to an address that is not a web page")
        if len(getattr(req, "redirect_dict", ())) >= self._limit:
            raise _error(req.full_url, f"too many redirects (more than {self._limit}, or a loop)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


def _body(
    url: str, response: HTTPResponse, deadline: float, timeout: float, max_bytes: int
) -> Fetched:
    """Read the body in chunks, within the deadline and the cap."""
    final = response.geturl() or url
    media_type = response.headers.get_content_type().lower()
    if media_type not in _PAGE_TYPES | _TEXT_TYPES:
        raise _error(final, f"not a web page ({media_type})")
    too_large = f"too large: over {max_bytes / (1024 * 1024):g} MB"
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise _error(final, too_large)
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(min(_CHUNK, max_bytes + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise _error(final, too_large)
        if time.monotonic() > deadline:
            raise _error(final, f"timed out after {timeout:g} s")
    if not size:
        raise _error(final, "the page is empty")
    charset = response.headers.get_content_charset()
    return Fetched(final, b"".join(chunks), media_type, charset)


def _status(code: int, reason: str, max_redirects: int) -> str:
    if code in (301, 302, 303, 307, 308):
        if "not allowed" in str(reason):  # urllib refuses a redirect to file: and such
            return "redirected to an address that is not a web page"
        return f"too many redirects (more than {max_redirects}, or a loop)"
    if code == 404:
        return "not found (HTTP 404)"
    return f"the server answered HTTP {code} {reason}".rstrip()


def _unreachable(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return "cannot connect: no such host"
    if isinstance(reason, ConnectionRefusedError):
        return "cannot connect: connection refused"
    if isinstance(reason, OSError):
        return f"cannot connect: {reason.strerror or reason}"
    return f"cannot connect: {reason}"


def _error(url: str, problem: str) -> FetchError:
    return FetchError(inert_line(f"{url}: {problem}"))
