"""Print: only the article, outside links followed by their address, code blocks (the report page's
message templates) wrapped to the sheet."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

HIDDEN = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search",
          "button.lh-template__copy", ".lh-template-form", ".md-code__nav", "a.headerlink"]


@pytest.mark.parametrize("path", ["report/", "en/report/"])
def test_report_page_prints_cleanly(new_page, path):
    page = new_page(viewport={"width": 700, "height": 1000})  # about an A4 sheet's text width
    page.goto(path)
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    for selector in HIDDEN:
        shown = page.locator(selector).evaluate_all("els => els.filter(e => e.checkVisibility()).length")
        assert shown == 0, f"{selector} is printed"
    article = page.locator("article.md-content__inner")
    assert article.is_visible()
    # The article takes the sheet's width (no room kept for the hidden sidebars).
    assert article.bounding_box()["width"] > 600
    # The address of an outside link is printed after it.
    link = article.locator('p a[href^="http"], li a[href^="http"]').first
    href = link.get_attribute("href")
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert href in after, after
    internal = article.locator('p a[href]:not([href^="http"])').first
    assert internal.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")
    # Every code block (the message templates) wraps: nothing runs off the sheet.
    blocks = article.locator("pre > code")
    assert blocks.count() >= 4
    overflowing = blocks.evaluate_all(
        "els => els.filter(e => getComputedStyle(e).whiteSpace !== 'pre-wrap' || e.scrollWidth > e.clientWidth + 1)"
        ".map(e => e.textContent.slice(0, 40))")
    assert overflowing == []
