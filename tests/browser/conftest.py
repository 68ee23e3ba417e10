"""Browser-test fixtures: the built site (tests/conftest.py) served on 127.0.0.1, and Debian's Chromium.

The site is built into <tmp>/lora-harms and the parent folder is served, so that paths match
site_url (https://lora-harms.github.io/lora-harms/): the home page is http://127.0.0.1:<port>/lora-harms/.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scripts import chromium as browser_binary
from tests.browser.helpers import search_on
from tests.project import BASE_PATH


def require_chromium() -> None:
    """Fail on CI, skip elsewhere, when Debian's Chromium is missing."""
    if Path(browser_binary.PATH).exists():
        return
    message = f"{browser_binary.PATH} is missing: run scripts/setup (installs Debian's chromium and fonts-noto-cjk)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # no request log on the test output
        pass

    def send_error(self, code, message=None, explain=None) -> None:
        """A missing address under the site answers with the site's 404.html, as GitHub Pages does."""
        page = Path(self.directory) / BASE_PATH.strip("/") / "404.html"
        if code != 404 or not self.path.startswith(BASE_PATH) or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    """http://127.0.0.1:<port>/lora-harms/ — the built site, served by a threading http.server."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{BASE_PATH}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def chromium() -> Iterator:
    """Debian's Chromium, driven by Playwright (Playwright's own browser download does not work here)."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = browser_binary.launch(pw)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def new_page(chromium, base_url) -> Iterator[Callable]:
    """Opens a page in a fresh context: new_page(**context_options); closed after the test."""
    contexts = []

    def make(**options):
        options.setdefault("base_url", base_url)
        context = chromium.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def search_from(chromium, base_url) -> Iterator[Callable[[str, str], list[str]]]:
    """search_from(path, query): the result links of a search typed on the page at path (1280x800).

    One page per path for the whole session, its box emptied before each query, as a reader searches
    again: Material's search worker builds the language's index once instead of once per query.
    """
    context = chromium.new_context(base_url=base_url, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(10_000)
    pages = {}

    def search(path: str, query: str) -> list[str]:
        if path not in pages:
            pages[path] = context.new_page()
            pages[path].goto(path)
        else:
            box = pages[path].locator(".md-search__input")
            box.fill("")
            box.press("End")  # Material reads the box on keyup: the empty box brings the placeholder back
        return search_on(pages[path], base_url, query)

    yield search
    context.close()
