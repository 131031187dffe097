"""A web server on 127.0.0.1 for the tests that fetch: pages, redirects, failures.

Every test that reads an address reads one of these; none reaches the internet.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Council agrees flood budget | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"></head>
<body><nav>Home · News · Sport</nav>
<article><h1>Council agrees flood budget</h1>
<p>The council approved a 4.5 million budget for flood defences on Tuesday, after a
debate that ran late into the evening.</p>
<p>Residents of the lower town said the walls were overdue and asked for work to start
before the winter storms.</p>
<p>The mayor said the money would come from reserves and that no new tax was needed.</p>
</article><footer>© Harbour Times</footer></body></html>
"""


class _Handler(BaseHTTPRequestHandler):
    """The pages a test may ask for, one per path."""

    def do_GET(self) -> None:
        path = self.path
        if path == "/story":
            self._send(200, PAGE.encode("utf-8"), "text/html; charset=utf-8")
        elif path == "/latin":
            body = PAGE.replace("evening", "soirée").encode("cp1252")
            body = body.replace(b'<meta charset="utf-8">', b"")
            self._send(200, body, "text/html; charset=windows-1252")
        elif path == "/moved":
            self._redirect("/story")
        elif path == "/loop":
            self._redirect("/loop-2")
        elif path == "/loop-2":
            self._redirect("/loop")
        elif path == "/elsewhere":
            self._redirect("file:///etc/passwd")
        elif path == "/slow":
            time.sleep(2)
            self._send(200, PAGE.encode(), "text/html")
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length: the cap must stop the read itself
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"x" * 16 * 1024 + b"</p>")
            except OSError:
                pass  # the client hung up, as it should
        elif path == "/picture":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        elif path == "/notes.txt":
            self._send(200, b"Flood plan agreed\n\nThe council approved it.\n", "text/plain")
        elif path == "/empty-article":
            self._send(200, b"<html><body><img src=x></body></html>", "text/html")
        else:
            self._send(404, b"<h1>Not found</h1>", "text/html")

    def _send(self, code: int, body: bytes, media_type: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test output is not the server's log."""


@pytest.fixture(scope="session")
def web_server() -> Iterator[str]:
    """The local server's address (``http://127.0.0.1:PORT``), for the module's tests."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
