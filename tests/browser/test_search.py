"""Search: Material's search box finds the right sections in each language."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import pytest

pytestmark = pytest.mark.browser


def search(new_page, path: str, query: str) -> list[str]:
    """Types the query in the search box of the page at path; returns the result links (site-relative)."""
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(path)
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(query)
    page.locator(".md-search-result__item").first.wait_for()
    hrefs = page.locator(".md-search-result__list a").evaluate_all("els => els.map(e => e.href)")
    root = page.evaluate("new URL(JSON.parse(document.getElementById('__config').textContent).base + '/', location).href")
    # Result links carry the query (?h=...) for highlighting; drop it.
    return [urlunsplit(urlsplit(href)._replace(query="")).removeprefix(root) for href in hrefs]


@pytest.mark.parametrize(("path", "query", "first", "sections"), [
    ("", "通報", "report/", ["report/#before-you-report", "report/#civitai-your-work", "report/#message-templates"]),
    ("", "絵柄", "", ["affected/#style-mixing"]),
    ("en/", "report", "en/report/", ["en/report/#before-you-report", "en/report/#civitai-your-work"]),
    ("en/", "style", "en/", ["en/faq/#style-is-not-protected", "en/affected/#style-mixing"]),
])
def test_search_finds_the_sections(new_page, path, query, first, sections):
    results = search(new_page, path, query)
    assert results[0] == first, results
    for section in sections:
        assert section in results, (section, results)
    # The top results are in the page's language (one search index holds both languages).
    assert all(r.startswith("en/") == path.startswith("en/") for r in results[:3]), results
