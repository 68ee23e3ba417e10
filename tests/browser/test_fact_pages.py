"""The fact sheet on several pages (issue 13): an old address of a fact, shared when all facts were on
/facts/ (`/facts/#r-9`), lands on that fact on its group's page; without JavaScript the overview lists
the group pages."""

from __future__ import annotations

import pytest

from tests.project import page_path

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}}


@pytest.mark.parametrize(("lang", "fact", "group"), [("ja", "r-9", "platforms"), ("en", "r-9", "platforms"),
                                                      ("ja", "l-6", "law"), ("en", "topic-civitai", "platforms")])
def test_an_old_address_of_a_fact_lands_on_the_fact(new_page, base_url, lang, fact, group):
    page = new_page(**PHONE)
    page.goto(f"{page_path('facts', lang)}#{fact}")
    page.wait_for_url(f"{base_url}{page_path(f'facts/{group}', lang)}#{fact}")
    heading = page.locator(f"#{fact}")
    heading.wait_for()
    page.wait_for_timeout(200)  # the browser scrolls to the fragment after the load
    box = heading.bounding_box()
    assert heading.is_visible()
    assert 0 <= box["y"] < 844, box
    assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_overview_stays_for_its_own_sections(new_page, base_url, lang):
    page = new_page(**PHONE)
    page.goto(f"{page_path('facts', lang)}#platform-rules")
    page.wait_for_load_state("load")
    assert page.url == f"{base_url}{page_path('facts', lang)}#platform-rules"


def test_without_javascript_the_overview_links_every_group_page(new_page, base_url):
    page = new_page(java_script_enabled=False, **PHONE)
    page.goto(f"{page_path('facts', 'en')}#r-9")
    assert page.url == f"{base_url}{page_path('facts', 'en')}#r-9"
    links = page.locator("#all-facts ~ ul a").evaluate_all("els => els.map(e => e.href)")
    assert links == [f"{base_url}{page_path(f'facts/{group}', 'en')}" for group in ("lora", "platforms", "help", "law", "cases")]
