"""Section links: one visible control per heading (the permalink) that also copies the absolute address,
and headings that land below the sticky header."""

from __future__ import annotations

import pytest

from tests.project import ALL_PAGES, SITE_URL, page_path

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 812}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}


@pytest.mark.parametrize("path", ["misuse/", "en/misuse/"])
def test_section_opens_below_the_sticky_header(new_page, path):
    page = new_page(**PHONE)
    page.goto(f"{path}#trigger-words")
    page.wait_for_function("document.documentElement.classList.contains('js')")
    page.wait_for_timeout(200)
    heading = page.locator("#trigger-words")
    header_bottom = page.locator(".md-header").bounding_box()["y"] + page.locator(".md-header").bounding_box()["height"]
    box = heading.bounding_box()
    assert heading.is_visible()
    assert box["y"] >= header_bottom, f"heading top {box['y']} is under the header (bottom {header_bottom})"
    assert box["y"] + box["height"] <= 812


@pytest.mark.parametrize("path", ["misuse/", "en/misuse/"])
def test_every_heading_has_one_visible_link_control(new_page, path):
    page = new_page(**PHONE)
    page.goto(path)
    headings = page.locator("article :is(h2, h3, h4)[id]")
    assert headings.count() > 5
    for i in range(headings.count()):
        heading = headings.nth(i)
        heading.scroll_into_view_if_needed()
        assert heading.locator("a.headerlink").is_visible()
        assert heading.locator("a, button").count() == 1, heading.inner_html()
        box = heading.locator("a.headerlink").bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box


@pytest.mark.parametrize(("path", "lang_message"), [("misuse/", "リンクをコピーしました"), ("en/misuse/", "Link copied")])
def test_copy_link_puts_the_absolute_address_on_the_clipboard(new_page, base_url, path, lang_message):
    page = new_page(**PHONE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/").rsplit("/", 1)[0])
    page.goto(path)
    page.locator("#trigger-words a.headerlink").tap()
    status = page.locator(".lh-toast[role=status]")
    page.wait_for_function("document.querySelector('.lh-toast').textContent.length > 0")
    assert status.text_content() == lang_message
    assert status.is_visible()
    assert page.evaluate("navigator.clipboard.readText()") == f"{SITE_URL}{path}#trigger-words"
    assert page.evaluate("location.hash") == "#trigger-words"
