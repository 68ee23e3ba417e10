"""The 404 page: one file (GitHub Pages serves only the root 404.html) that answers in the language of
the missing address, links to that language's home page and searches that language's pages."""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import AXE, describe, search_on

pytestmark = pytest.mark.browser

TEXT = {
    "ja": ("ページが見つかりません", "ホームページへ"),
    "en": ("Page not found", "Go to the home page"),
}


@pytest.mark.parametrize(("path", "lang", "home"), [
    ("en/no-such-page/", "en", "en/"),
    ("en/misuse/no-such-section/", "en", "en/"),
    ("no-such-page/", "ja", ""),
    ("misuse/no-such-page/", "ja", ""),
])
def test_missing_address_answers_in_its_language(new_page, base_url, path, lang, home):
    page = new_page(viewport={"width": 375, "height": 812})
    response = page.goto(path)
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    heading, link_text = TEXT[lang]
    other = next(code for code in TEXT if code != lang)
    section = page.locator(f'.lh-404[lang="{lang}"]')
    assert section.locator("h1").inner_text() == heading
    assert section.locator("h1").is_visible()
    assert not page.locator(f'.lh-404[lang="{other}"]').is_visible()
    link = section.get_by_role("link", name=link_text)
    assert link.is_visible()
    assert link.evaluate("a => a.href") == base_url + home
    assert heading in page.title()
    # The menu leads to the pages of the same language.
    menu = page.locator(".md-nav--primary a.md-nav__link[href]").evaluate_all("els => els.map(e => e.href)")
    assert menu and all(href.startswith(base_url + home) for href in menu), menu
    assert all(href.startswith(base_url + "en/") == (lang == "en") for href in menu), menu
    assert all(not href.startswith(base_url + "en/en/") for href in menu), menu


def test_the_english_404_menu_names_pages_and_sections_in_english(new_page):
    """The fact sheet is a section of the menu (a label with its pages under it): its title is translated too."""
    page = new_page(viewport={"width": 375, "height": 812})
    page.goto("en/no-such-page/")
    labels = page.locator(".md-nav--primary .md-nav__link .md-ellipsis, .md-nav--primary .md-nav__item--nested .md-nav__title")
    texts = [" ".join(text.split()) for text in labels.evaluate_all("els => els.map(e => e.textContent)")]
    assert "Fact sheet" in texts and "Platforms and report routes" in texts, texts
    assert [text for text in texts if re.search(r"[\u3040-\u30ff\u3400-\u9fff]", text)] == []


def test_without_javascript_both_languages_show(new_page):
    page = new_page(java_script_enabled=False, viewport={"width": 375, "height": 812})
    page.goto("en/no-such-page/")
    for lang, (heading, link_text) in TEXT.items():
        section = page.locator(f'.lh-404[lang="{lang}"]')
        assert section.locator("h1").is_visible()
        assert section.get_by_role("link", name=link_text).is_visible()


@pytest.mark.parametrize(("path", "query", "lang"), [
    ("en/no-such-page/", "Civitai", "en"),
    ("no-such-page/", "通報", "ja"),
])
def test_header_search_on_the_404_page_finds_pages_of_its_language(new_page, base_url, path, query, lang):
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(path)
    results = search_on(page, base_url, query)
    assert results
    assert all(r.startswith("en/") == (lang == "en") for r in results), results


@pytest.mark.parametrize(("path", "query", "lang"), [
    ("en/no-such-page/", "Civitai", "en"),
    ("no-such-page/", "削除", "ja"),
])
def test_search_box_of_the_404_page_opens_results_on_the_home_page(new_page, base_url, path, query, lang):
    page = new_page(viewport={"width": 375, "height": 812})
    page.goto(path)
    box = page.locator(f'.lh-404[lang="{lang}"] input[name="q"]')
    box.fill(query)
    with page.expect_navigation():
        box.press("Enter")
    assert page.url.split("?")[0] == base_url + ("en/" if lang == "en" else "")
    page.locator(".md-search-result__item").first.wait_for()
    hrefs = page.locator(".md-search-result__list a").evaluate_all("els => els.map(e => e.href)")
    assert hrefs and all(h.startswith(base_url + "en/") == (lang == "en") for h in hrefs), hrefs


@pytest.mark.parametrize("path", ["en/no-such-page/", "no-such-page/"])
def test_axe_finds_no_violations_on_the_404_page(new_page, path):
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert not result["violations"], describe(result["violations"])
