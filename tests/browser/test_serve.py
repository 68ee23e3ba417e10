"""The harness itself: every page of the built site loads from 127.0.0.1 in Chromium."""

from __future__ import annotations

import pytest

from tests.project import ALL_PAGES, page_path

pytestmark = pytest.mark.browser


def test_every_page_loads_with_its_language(new_page):
    page = new_page()
    for slug, lang in ALL_PAGES:
        response = page.goto(page_path(slug, lang))
        assert response is not None and response.status == 200, (slug, lang)
        assert page.locator("html").get_attribute("lang") == lang, (slug, lang)
        assert page.locator("article h1").first.is_visible(), (slug, lang)
