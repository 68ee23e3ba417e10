"""Search: Material's search box finds the right sections, and only pages of the reader's language
(one index per language, scripts/hooks/search.py)."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import pytest

pytestmark = pytest.mark.browser


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


def search(new_page, base_url: str, path: str, query: str) -> list[str]:
    """Opens the page at path and searches for query there."""
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(path)
    return search_on(page, base_url, query)


@pytest.mark.parametrize(("path", "query", "first", "sections"), [
    ("", "通報", "report/", ["report/#before-you-report", "report/#civitai-your-work", "report/#message-templates"]),
    ("", "絵柄", "", ["affected/#style-mixing"]),
    ("en/", "report", "en/report/", ["en/report/#before-you-report", "en/report/#civitai-your-work"]),
    ("en/", "style", "en/", ["en/faq/#style-is-not-protected", "en/affected/#style-mixing"]),
])
def test_search_finds_the_sections(new_page, base_url, path, query, first, sections):
    results = search(new_page, base_url, path, query)
    assert results[0] == first, results
    for section in sections:
        assert section in results, (section, results)
    assert all(r.startswith("en/") == path.startswith("en/") for r in results), results


# Words found on pages of both languages: each search returns only pages of its own language.
@pytest.mark.parametrize(("path", "query"), [("en/", "Civitai"), ("en/", "LoRA"), ("", "Civitai"), ("", "LoRA"), ("", "削除")])
def test_search_returns_only_pages_of_the_page_language(new_page, base_url, path, query):
    results = search(new_page, base_url, path, query)
    assert len(results) >= 3, results
    wrong = [r for r in results if r.startswith("en/") != path.startswith("en/")]
    assert wrong == [], wrong


def test_japanese_query_on_english_pages_finds_only_english_pages(new_page, base_url):
    # 通報 is on many Japanese pages, and on one English page: the Japanese message templates of /en/report/.
    results = search(new_page, base_url, "en/", "通報")
    assert results and all(r.startswith("en/report/") for r in results), results
