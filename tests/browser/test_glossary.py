"""Glossary terms explain themselves where they appear: on hover with a mouse, on tap on a phone."""

from __future__ import annotations

import pytest

from tests.project import page_path

pytestmark = pytest.mark.browser

VISIBLE_TOOLTIP = """() => [...document.querySelectorAll('.md-tooltip2--active')]
  .filter(el => getComputedStyle(el).opacity === '1').map(el => el.textContent.trim())"""


@pytest.mark.parametrize(("lang", "term"), [("ja", "LoRA"), ("ja", "ベースモデル"), ("en", "base model")])
def test_tapping_a_term_on_a_phone_shows_its_definition(new_page, lang, term):
    page = new_page(viewport={"width": 375, "height": 812}, has_touch=True, is_mobile=True)
    page.goto(page_path("misuse", lang))
    # A term inside a link follows the link when tapped; the definition is for terms in running text.
    abbr = page.locator("article abbr:not(a *)", has_text=term).first
    definition = abbr.get_attribute("title")
    assert definition, f"'{term}' has no definition on the {lang} page"
    abbr.scroll_into_view_if_needed()
    abbr.tap()
    page.wait_for_function(f"({VISIBLE_TOOLTIP})().length > 0")
    assert page.evaluate(VISIBLE_TOOLTIP) == [definition]


def test_hovering_a_term_shows_its_definition(new_page):
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(page_path("what-is-lora", "en"))
    abbr = page.locator("article abbr:not(a *)").first
    definition = abbr.get_attribute("title")
    abbr.hover()
    page.wait_for_function(f"({VISIBLE_TOOLTIP})().length > 0")
    assert page.evaluate(VISIBLE_TOOLTIP) == [definition]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_terms_inside_links_have_only_the_links_underline(new_page, lang):
    """The situation choice's "Civitai" is a term inside a link: no dotted underline on top of the link's."""
    page = new_page(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page.goto(page_path("report", lang))
    styles = page.locator("article a abbr").evaluate_all(
        "els => els.map(e => [e.textContent, getComputedStyle(e).textDecorationLine, getComputedStyle(e).borderBottomStyle])")
    assert any(text == "Civitai" for text, _, _ in styles), styles
    assert [s for s in styles if s[1:] != ["none", "none"]] == []
    running = page.locator("article abbr:not(a *)").first
    assert running.evaluate("e => getComputedStyle(e).textDecorationStyle") == "dotted"
