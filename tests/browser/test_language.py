"""The language selector keeps the page and the section: /misuse/#trigger-words <-> /en/misuse/#trigger-words.

Run twice: on 127.0.0.1, and on the real address (https://lora-harms.github.io/lora-harms/, answered
from the built site by Playwright's routing), where Material's own handling of alternate links applies.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

import pytest

from tests.project import SITE_URL

pytestmark = pytest.mark.browser


def serve_site_url_from(context, built_site: Path) -> None:
    """Answer every request to SITE_URL from the built site, as GitHub Pages would."""
    root = built_site.resolve()

    def handle(route):
        path = route.request.url.removeprefix(SITE_URL).split("#")[0].split("?")[0]
        target = (root / path).resolve()
        if target.is_dir():
            if not route.request.url.split("?")[0].endswith("/"):
                return route.fulfill(status=301, headers={"Location": route.request.url + "/"})
            target = target / "index.html"
        if root not in target.parents and target != root or not target.is_file():
            return route.fulfill(status=404, path=str(root / "404.html"), content_type="text/html")
        route.fulfill(path=str(target), content_type=mimetypes.guess_type(target.name)[0] or "application/octet-stream")

    context.route(f"{SITE_URL}**", handle)


@pytest.fixture(params=["127.0.0.1", "site_url"])
def origin(request, new_page, built_site, base_url):
    page = new_page()
    if request.param == "site_url":
        serve_site_url_from(page.context, built_site)
        return page, SITE_URL
    return page, base_url


def switch_language(page, hreflang: str) -> None:
    """Point at the selector and click the language as a reader does: with the pointer, where they are.

    Not Locator.hover()/click(): they scroll their element "into view" first, and for the sticky header's
    menu that sometimes scrolled the page by a few hundred pixels, into the previous section."""
    button = page.locator(".md-select > button").bounding_box()
    page.mouse.move(button["x"] + button["width"] / 2, button["y"] + button["height"] / 2)
    link = page.locator(f'.md-select a[hreflang="{hreflang}"]')
    link.wait_for(state="visible")
    box = None
    while box != (box := link.bounding_box()):  # the menu has stopped moving in
        page.wait_for_timeout(50)
    with page.expect_navigation():
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_load_state("load")


def test_switch_to_english_and_back_keeps_the_section(origin):
    page, base = origin
    page.goto(f"{base}misuse/#trigger-words")
    switch_language(page, "en")
    assert page.url == f"{base}en/misuse/#trigger-words"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#trigger-words").is_visible()
    switch_language(page, "ja")
    assert page.url == f"{base}misuse/#trigger-words"
    assert page.locator("html").get_attribute("lang") == "ja"


def test_switch_follows_the_section_read_last(origin):
    page, base = origin
    page.goto(f"{base}en/report/")
    page.locator("#message-templates").scroll_into_view_if_needed()
    page.evaluate("document.getElementById('message-templates').scrollIntoView()")
    page.wait_for_timeout(100)
    switch_language(page, "ja")
    assert page.url == f"{base}report/#message-templates"


def test_switch_from_the_home_page(origin):
    page, base = origin
    page.goto(base)
    switch_language(page, "en")
    assert page.url == f"{base}en/"


def test_switch_on_a_page_of_the_fact_sheet_keeps_the_fact(origin):
    """The fact sheet's group pages are one folder down (facts/platforms/): the switch keeps page and fact."""
    page, base = origin
    page.goto(f"{base}facts/platforms/#r-9")
    switch_language(page, "en")
    assert page.url == f"{base}en/facts/platforms/#r-9"
    assert page.locator("#r-9").is_visible()
    switch_language(page, "ja")
    assert page.url == f"{base}facts/platforms/#r-9"
