"""Glossary terms explain themselves where they appear: on hover with a mouse, on tap on a phone, on
keyboard focus (overrides/assets/javascripts/glossary-tips.js), with or without Material's bundle."""

from __future__ import annotations

import pytest

from tests.project import page_path

pytestmark = pytest.mark.browser

VISIBLE_TIP = """() => [...document.querySelectorAll('.lh-tip')]
  .filter(el => el.checkVisibility()).map(el => el.textContent.trim())"""


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
    page.wait_for_function(f"({VISIBLE_TIP})().length > 0")
    assert page.evaluate(VISIBLE_TIP) == [definition]
    # The explanation stays on the screen, and a tap elsewhere closes it.
    box = page.locator(".lh-tip").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    page.locator("article h1").tap()
    assert page.evaluate(VISIBLE_TIP) == []


def test_hovering_a_term_shows_its_definition(new_page):
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(page_path("what-is-lora", "en"))
    abbr = page.locator("article abbr:not(a *)").first
    definition = abbr.get_attribute("title")
    abbr.hover()
    page.wait_for_function(f"({VISIBLE_TIP})().length > 0")
    assert page.evaluate(VISIBLE_TIP) == [definition]
    # While shown, the browser's own tooltip is held back and the term is described by the box.
    assert abbr.get_attribute("title") is None
    assert abbr.get_attribute("aria-describedby") == "lh-tip"
    page.mouse.move(5, 790)
    page.wait_for_function(f"({VISIBLE_TIP})().length === 0")
    assert abbr.get_attribute("title") == definition


def test_keyboard_focus_shows_a_definition_and_escape_closes_it(new_page):
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(page_path("misuse", "ja"))
    first = page.locator("article abbr[tabindex='0']").first
    definition = first.get_attribute("title")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('article abbr')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('data-lh-title')") == definition
    assert page.evaluate(VISIBLE_TIP) == [definition]
    page.keyboard.press("Escape")
    assert page.evaluate(VISIBLE_TIP) == []


def test_only_the_first_use_of_a_term_is_a_tab_stop(new_page):
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(page_path("misuse", "en"))
    stops = page.locator("article abbr[tabindex='0']").evaluate_all("els => els.map(e => e.textContent)")
    assert stops and len(stops) == len(set(stops))
    assert page.locator("article a abbr[tabindex]").count() == 0


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
