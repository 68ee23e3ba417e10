"""Phone width: nothing on any page is wider than a 320 or 375 px screen, with or without JavaScript."""

from __future__ import annotations

import pytest

from tests.project import ALL_PAGES, page_path

pytestmark = pytest.mark.browser

WIDER_THAN_SCREEN = """() => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .filter(el => !el.closest('.md-typeset pre, .md-typeset .md-typeset__scrollwrap, .md-typeset__table'))
  .map(el => `${el.tagName.toLowerCase()}.${el.className}`).slice(0, 5)"""


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_no_page_scrolls_sideways_on_a_phone(new_page, javascript, width):
    page = new_page(java_script_enabled=javascript, viewport={"width": width, "height": 640})
    wide = {}
    for slug, lang in ALL_PAGES:
        page.goto(page_path(slug, lang))
        page.wait_for_load_state("load")
        if page.evaluate("document.documentElement.scrollWidth") > width:
            wide[page_path(slug, lang) or "/"] = page.evaluate(WIDER_THAN_SCREEN)
    assert wide == {}
