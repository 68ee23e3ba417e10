"""Offline and private: pages load nothing from other origins, and read without JavaScript."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.project import ALL_PAGES, page_path

pytestmark = pytest.mark.browser


def test_every_page_requests_only_its_own_origin(new_page):
    page = new_page()
    requests: list[str] = []
    failures: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    # Requests cut short by going to the next page are not failures.
    page.on("requestfailed", lambda request: "ERR_ABORTED" not in (request.failure or "")
            and failures.append(f"{request.failure} {request.url}"))
    page.on("response", lambda response: response.status >= 400 and failures.append(f"{response.status} {response.url}"))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    for slug, lang in ALL_PAGES:
        page.goto(page_path(slug, lang))
        page.wait_for_timeout(250)  # requests made after "load" (search index, Material's XHRs)
    elsewhere = [url for url in requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")
                 and urlsplit(url).hostname != "127.0.0.1"]
    assert elsewhere == []
    assert failures == []
    assert errors == []


def test_every_page_reads_without_javascript(new_page):
    page = new_page(java_script_enabled=False, viewport={"width": 375, "height": 812})
    for slug, lang in ALL_PAGES:
        page.goto(page_path(slug, lang))
        article = page.locator("article.md-content__inner")
        assert article.is_visible(), (slug, lang)
        assert article.locator("h1").is_visible(), (slug, lang)
        assert len(article.inner_text()) > 300, (slug, lang)
        paragraph = article.locator(":scope > p").first
        assert paragraph.is_visible(), (slug, lang)
        assert paragraph.bounding_box()["width"] > 250, (slug, lang)
