"""Accessibility: axe-core finds no violations on any page, light or dark; the keyboard reaches the controls."""

from __future__ import annotations

import pytest

from tests.browser.helpers import AXE, describe
from tests.project import ALL_PAGES, page_path

pytestmark = pytest.mark.browser

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(new_page, scheme):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run scripts/setup (npm ci)")
    page = new_page(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    found = {}
    for slug, lang in ALL_PAGES:
        page.goto(page_path(slug, lang))
        page.add_script_tag(path=str(AXE))
        # Only colours differ between the schemes: the dark run checks the colour rules (it saves half the time).
        options = {"resultTypes": ["violations"]}
        if scheme == "dark":
            options["runOnly"] = ["color-contrast", "link-in-text-block"]
        result = page.evaluate("options => axe.run(document, options)", options)
        if result["violations"]:
            found[page_path(slug, lang) or "/"] = describe(result["violations"])
    assert not found, "\n".join(f"{path}:\n{text}" for path, text in found.items())


@pytest.mark.parametrize("path", ["misuse/", "en/misuse/"])
def test_keyboard_reaches_search_language_selector_and_copy_links(new_page, path):
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(path)
    wanted = {
        "search": ".md-search__input",
        "language selector": ".md-select > button",
        "section link": "article a.headerlink",
    }
    reached: set[str] = set()
    for _ in range(250):
        page.keyboard.press("Tab")
        for name, selector in wanted.items():
            if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
                reached.add(name)
                if name == "language selector":
                    # Opening the selector from the keyboard shows its links.
                    page.keyboard.press("Tab")
                    assert page.evaluate("document.activeElement.matches('.md-select a[hreflang]')")
                    assert page.locator(".md-select a[hreflang]").first.is_visible()
        if reached == set(wanted):
            break
    assert reached == set(wanted)
    focused = page.locator("article a.headerlink:focus")
    assert focused.count() == 1
    outline = focused.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).backgroundColor")
    assert outline != "none rgba(0, 0, 0, 0)", "the focused section link must show focus"
