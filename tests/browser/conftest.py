"""Browser-test fixtures: the site built once per session, served on 127.0.0.1, and Debian's Chromium.

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
from urllib.parse import urlsplit, urlunsplit

import pytest

from scripts import chromium as browser_binary, sitebuild
from scripts.check.settings import load_settings

PROJECT = Path(__file__).resolve().parents[2]
SETTINGS = load_settings(PROJECT)  # mkdocs.yml: the site's address and its languages
SITE_URL = SETTINGS.site_url
BASE_PATH = urlsplit(SITE_URL).path
LANGUAGES = SETTINGS.languages
# Page slugs, from the Japanese sources (docs/<slug>.ja.md); "index" is the home page.
SLUGS = sorted(p.name.removesuffix(f".{SETTINGS.default_language}.md")
               for p in (PROJECT / "docs").glob(f"*.{SETTINGS.default_language}.md"))


def page_path(slug: str, lang: str) -> str:
    """The path of a page under the site root, e.g. 'en/misuse/' ('' for the Japanese home page)."""
    prefix = "" if lang == SETTINGS.default_language else f"{lang}/"
    return prefix if slug == "index" else f"{prefix}{slug}/"


ALL_PAGES = [(slug, lang) for lang in LANGUAGES for slug in SLUGS]


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
def built_site(tmp_path_factory) -> Path:
    """The site, built once per session into <tmp>/lora-harms; returns that folder."""
    out = tmp_path_factory.mktemp("site") / "lora-harms"
    result = sitebuild.build(PROJECT / "mkdocs.yml", out, strict=False)
    if not result.ok:
        pytest.fail(f"mkdocs build failed:\n{result.log}")
    return out


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


def search_on(page, base_url: str, query: str) -> list[str]:
    """Types the query in the search box of an open page; returns the result links (site-relative)."""
    box = page.locator(".md-search__input")
    box.click()
    # Type once the search worker has loaded its index (the "initializing" text gives way to the placeholder).
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.trim() === "
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']")
    box.press_sequentially(query)
    # Material reads the box on keyup; Japanese text arrives without key events (as from an IME), and the
    # reader's Enter or any key then sends it.
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for()
    hrefs = page.locator(".md-search-result__list a").evaluate_all("els => els.map(e => e.href)")
    # Result links carry the query (?h=...) for highlighting; drop it.
    return [urlunsplit(urlsplit(href)._replace(query="")).removeprefix(base_url) for href in hrefs]


AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"


def describe(violations: list[dict]) -> str:
    """axe-core violations, one line each, for an assertion message."""
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])}×): {v['help']} — {targets}")
    return "\n".join(lines)
