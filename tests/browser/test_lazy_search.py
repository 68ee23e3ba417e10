"""The search worker and index are fetched only when the reader opens search, not on every page view."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["", "en/misuse/"])
def test_search_index_waits_until_search_is_opened(new_page, path):
    page = new_page(viewport={"width": 1280, "height": 800})
    asked: list[str] = []
    page.on("request", lambda request: ("search_index.json" in request.url or "workers/search." in request.url)
            and asked.append(request.url))
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert asked == []
    page.locator(".md-search__input").click()
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() === "
                           "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']")
    assert len(asked) == 2, asked


def test_a_search_address_opens_search_at_once(new_page):
    page = new_page(viewport={"width": 1280, "height": 800})
    asked: list[str] = []
    page.on("request", lambda request: "search_index.json" in request.url and asked.append(request.url))
    page.goto("en/?q=report")
    page.locator(".md-search-result__item").first.wait_for()
    assert len(asked) == 1
