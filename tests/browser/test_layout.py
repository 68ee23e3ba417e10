"""Phone width: nothing on any page is wider than a 375 px screen, with or without JavaScript."""

from __future__ import annotations

import pytest

from tests.project import ALL_PAGES, page_path

pytestmark = pytest.mark.browser

WIDER_THAN_SCREEN = """() => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .filter(el => !el.closest('.md-typeset pre, .md-typeset .md-typeset__scrollwrap, .md-typeset__table'))
  .map(el => `${el.tagName.toLowerCase()}.${el.className}`).slice(0, 5)"""


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_no_page_scrolls_sideways_on_a_phone(new_page, javascript):
    page = new_page(java_script_enabled=javascript, viewport={"width": 375, "height": 812})
    for slug, lang in ALL_PAGES:
        page.goto(page_path(slug, lang))
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, (slug, lang, page.evaluate(WIDER_THAN_SCREEN))
