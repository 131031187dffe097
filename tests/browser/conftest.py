"""A real browser for the HTML report: Debian's Chromium, driven by Playwright.

Browser downloads are not available, so Playwright drives the system's
``/usr/bin/chromium`` (``.ci/run`` installs it). When it is missing these tests
fail, and say how to install it: a skipped browser check would hide a broken page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Request, Route, sync_playwright

from tests.browser.pages import CHROMIUM, LAUNCH_ARGS, Visit


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One Chromium for this folder's tests, closed before any other test runs.

    Playwright's synchronous API marks its event loop as running while it is open,
    which would make every later ``asyncio.run`` (the app's tests) fail.
    """
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the HTML report is checked in Chromium "
            "(apt-get install -y chromium)",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def visit(browser: Browser) -> Iterator[Callable[..., Visit]]:
    """``visit(path, width=1280, height=800, javascript=True)`` opens a report file."""
    contexts = []

    def open_file(
        path: Path, width: int = 1280, height: int = 800, javascript: bool = True
    ) -> Visit:
        context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=javascript
        )
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page, path.as_uri())

        def route(route: Route, request: Request) -> None:
            if request.url.split("#")[0] == seen.url:
                route.continue_()
            else:
                route.abort()  # nothing may reach the network, even in a failing test

        def console(message: ConsoleMessage) -> None:
            if message.type == "error":
                seen.errors.append(message.text)

        context.route("**/*", route)
        page.on("request", lambda request: seen.requests.append(request.url))
        page.on("console", console)
        page.on("pageerror", lambda error: seen.errors.append(str(error)))
        page.on("dialog", lambda dialog: (seen.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(seen.url)
        return seen

    yield open_file
    for context in contexts:
        context.close()
