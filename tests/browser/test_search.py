"""Search: Material's search box finds the right sections, and only pages of the reader's language
(one index per language, scripts/hooks/search.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("path", "query", "first", "sections"), [
    ("", "通報", "report/", ["report/#before-you-report", "report/#civitai-your-work", "report/#message-templates"]),
    ("", "絵柄", "", ["affected/#style-mixing"]),
    ("en/", "report", "en/report/", ["en/report/#before-you-report", "en/report/#civitai-your-work"]),
    ("en/", "style", "en/", ["en/faq/#style-is-not-protected", "en/affected/#style-mixing"]),
])
def test_search_finds_the_sections(search_from, path, query, first, sections):
    results = search_from(path, query)
    assert results[0] == first, results
    for section in sections:
        assert section in results, (section, results)
    assert all(r.startswith("en/") == path.startswith("en/") for r in results), results


# Words found on pages of both languages: each search returns only pages of its own language.
@pytest.mark.parametrize(("path", "query"), [("en/", "Civitai"), ("en/", "LoRA"), ("", "Civitai"), ("", "LoRA"), ("", "削除")])
def test_search_returns_only_pages_of_the_page_language(search_from, path, query):
    results = search_from(path, query)
    assert len(results) >= 3, results
    wrong = [r for r in results if r.startswith("en/") != path.startswith("en/")]
    assert wrong == [], wrong


def test_japanese_query_on_english_pages_finds_only_english_pages(search_from):
    # 通報 is on many Japanese pages, and on one English page: the Japanese message templates of /en/report/.
    results = search_from("en/", "通報")
    assert results and all(r.startswith("en/report/") for r in results), results
