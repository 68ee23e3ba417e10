"""Material's bundle starts on the first interaction (overrides/partials/deferred-bundle.html), nothing
moves when it arrives, and whatever the reader does before it has arrived still works.

These tests fail when a Material upgrade breaks what the module relies on (its docstring lists it).
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.browser.helpers import reach_template_form
from tests.project import ALL_PAGES, PROJECT, page_path

pytestmark = pytest.mark.browser

MODULE = PROJECT / "overrides" / "partials" / "deferred-bundle.html"
BUNDLE = "**/assets/javascripts/bundle.*.min.js"
MOUNTED = "() => typeof window.component$ !== 'undefined'"
# Every element of the page gets a number, so that the same elements are compared before and after.
NUMBER_ELEMENTS = "() => document.querySelectorAll('body *').forEach((el, i) => el.dataset.lhI = i)"
RECTS = """() => Object.fromEntries([...document.querySelectorAll('[data-lh-i]')]
  .filter(el => !el.closest('.md-sidebar__scrollwrap'))
  .map(el => { const r = el.getBoundingClientRect();
    return [`${el.dataset.lhI} ${el.tagName.toLowerCase()}.${el.className}`, [r.x, r.y, r.width, r.height].map(v => Math.round(v * 10) / 10)] }))"""


def _moved(before: list[float], after: list[float] | None) -> bool:
    """A box moved or changed size by a pixel or more (a re-laid-out table may differ by a fraction of one)."""
    return after is None or any(abs(a - b) >= 1 for a, b in zip(before, after))


def test_module_names_the_installed_material_version():
    written_for = re.search(r"Written for Material for MkDocs (\S+?)\.?\s", MODULE.read_text(encoding="utf-8"))[1]
    installed = version("mkdocs-material")
    assert installed == written_for, (
        f"{MODULE.relative_to(PROJECT)} was written for Material {written_for}, but {installed} is installed: "
        "run tests/browser/test_deferred_bundle.py, check the internals its docstring lists against the new "
        "version, then update the version it names")


def test_every_page_has_the_bundle_tag_made_inert(built_site: Path):
    for slug, lang in ALL_PAGES:
        html = (built_site / page_path(slug, lang) / "index.html").read_text(encoding="utf-8")
        inert = re.findall(r'<script type="lh-deferred" data-lh-bundle src="([^"]+)"></script>', html)
        assert len(inert) == 1, f"{slug} ({lang}): Material's bundle tag was not found in block scripts"
        assert re.search(r"assets/javascripts/bundle\.\w+\.min\.js$", inert[0]), inert[0]
        assert not re.search(r'<script src="[^"]*bundle\.\w+\.min\.js"', html), f"{slug} ({lang}) loads the bundle"


def _requests(page) -> list[str]:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    return asked


def _bundle_asked(asked: list[str]) -> bool:
    return any(re.search(r"/bundle\.\w+\.min\.js$", url) for url in asked)


INTERACTIONS = {
    "tap": lambda page: page.tap("article p"),
    "key": lambda page: page.keyboard.press("Tab"),
    "scroll": lambda page: page.mouse.wheel(0, 300),
    "pointer": lambda page: page.mouse.move(100, 300),
}


@pytest.mark.parametrize("interaction", INTERACTIONS)
def test_bundle_waits_for_the_first_interaction(new_page, interaction):
    page = new_page(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=interaction == "tap")
    asked = _requests(page)
    page.goto(page_path("misuse", "en"))
    page.wait_for_load_state("networkidle")
    assert not _bundle_asked(asked)
    assert page.evaluate(MOUNTED) is False
    INTERACTIONS[interaction](page)
    page.wait_for_function(MOUNTED)
    assert _bundle_asked(asked)
    # The components mounted (the DOMContentLoaded replay): the header title follows the page.
    page.wait_for_function("document.querySelector('[data-md-component=header-title]')")


@pytest.mark.parametrize("address", ["en/misuse/#how-a-lora-is-made", "en/?q=report"])
def test_bundle_starts_at_once_with_a_fragment_or_a_search(new_page, address):
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(address)
    page.wait_for_function(MOUNTED)


@pytest.mark.parametrize("pages", ["pages", "facts"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_nothing_moves_when_the_bundle_arrives(new_page, scheme, pages):
    """Every page at phone width, two at desktop width. Left out: elements of no size (hidden search
    results) and the sidebars' scroll areas (desktop only), which get their height from the bundle."""
    cases = [(slug, lang, 390) for slug, lang in ALL_PAGES if (slug == "facts") == (pages == "facts")]
    if pages == "pages":
        cases += [("report", "ja", 1280), ("misuse", "en", 1280)]
    moved = {}
    pages = {width: new_page(viewport={"width": width, "height": 844}, color_scheme=scheme) for width in (390, 1280)}
    for slug, lang, width in cases:
        page = pages[width]
        page.goto(page_path(slug, lang))  # (waits for "load": until the first interaction nothing else is fetched)
        page.evaluate(NUMBER_ELEMENTS)
        scheme_before = page.evaluate("document.body.dataset.mdColorScheme")
        before = page.evaluate(RECTS)
        page.mouse.move(5, 5)
        page.wait_for_function(MOUNTED)
        page.wait_for_timeout(300)  # Material mounts some parts on the next animation frame
        after = page.evaluate(RECTS)
        assert page.evaluate("document.body.dataset.mdColorScheme") == scheme_before
        changes = [f"{key}: {before[key]} -> {after.get(key)}" for key in before
                   if _moved(before[key], after.get(key)) and (min(before[key][2:]) > 0 or min(after.get(key, [0] * 4)[2:]) > 0)]
        if changes:
            moved[f"{slug} ({lang}) {width}px"] = changes[:5]
    assert moved == {}


def test_dark_scheme_shows_before_the_bundle_and_stays(new_page):
    page = new_page(viewport={"width": 390, "height": 844}, color_scheme="dark")
    page.goto(page_path("index", "ja"))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert page.evaluate("document.documentElement.className") == "js"
    toggles = page.locator("[data-md-component=palette] label:not([hidden])")
    assert toggles.count() == 1
    assert page.locator("meta[name=color-scheme]").get_attribute("content") == "dark"
    page.mouse.move(5, 5)
    page.wait_for_function(MOUNTED)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert page.locator("meta[name=color-scheme]").count() == 1
    assert page.locator("meta[name=theme-color]").count() == 1


# --- A slow first interaction: the bundle is held back until the test lets it through. ---------------

@pytest.fixture
def slow_page(new_page):
    """A phone-sized page whose bundle arrives only when release() is called: (page, release)."""
    page = new_page(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    held = []
    page.route(BUNDLE, lambda route: held.append(route))

    def release():
        page.wait_for_function("document.querySelector('script[src*=\"/bundle.\"]:not([data-lh-bundle])')")
        while not held:
            page.wait_for_timeout(50)
        held.pop().continue_()
        page.wait_for_function(MOUNTED)

    return page, release


def test_palette_toggle_tapped_before_the_bundle_arrives(slow_page):
    page, release = slow_page
    page.goto(page_path("index", "en"))
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.locator("[data-md-component=palette] label:not([hidden])").tap()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    release()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.locator("[data-md-component=palette] label:not([hidden])").tap()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")


def test_search_shortcut_pressed_before_the_bundle_arrives(new_page):
    page = new_page(viewport={"width": 1280, "height": 800})
    held = []
    page.route(BUNDLE, lambda route: held.append(route))
    page.goto(page_path("misuse", "en"))
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    while not held:
        page.wait_for_timeout(50)
    held.pop().continue_()
    page.wait_for_function(MOUNTED)
    page.wait_for_function("document.activeElement.matches('.md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")


def test_search_typed_before_the_bundle_arrives(slow_page):
    page, release = slow_page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(page_path("index", "en"))
    page.locator(".md-search__input").click()
    page.keyboard.type("report")
    release()
    page.locator(".md-search-result__item").first.wait_for()


def test_search_button_tapped_on_a_phone_before_the_bundle_arrives(slow_page):
    page, release = slow_page
    page.goto(page_path("index", "ja"))
    page.locator(".md-header__button[for=__search]").tap()
    assert page.locator(".md-search__input").is_visible()
    release()
    page.wait_for_function("document.activeElement.matches('.md-search__input')")
    page.keyboard.type("LoRA")
    page.locator(".md-search-result__item").first.wait_for()


def test_glossary_term_tapped_before_the_bundle_arrives(slow_page):
    page, release = slow_page
    page.goto(page_path("misuse", "ja"))
    term = page.locator("article abbr:not(a *)").first
    definition = term.get_attribute("title")
    term.scroll_into_view_if_needed()
    term.tap()
    assert page.locator(".lh-tip").text_content() == definition
    assert page.locator(".lh-tip").is_visible()
    release()
    assert page.locator(".lh-tip").is_visible()


def test_template_form_works_before_the_bundle_arrives(slow_page):
    """The report page's template form (template-form.js) does not wait for Material's bundle."""
    page, release = slow_page
    page.goto(page_path("report", "en"))
    reach_template_form(page)
    assert page.evaluate("typeof window.component$") == "undefined"


def test_full_stylesheets_switch_on_together(new_page):
    """Deep in a long page, a sheet that arrives late must not leave the others applied on their own: with
    Material's sheet applied before the site's, the report page reflowed by hundreds of pixels while the
    reader's finger was on the template form (a tap landed on the wrong choice)."""
    page = new_page(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    held = []
    page.route("**/assets/stylesheets/site.css", lambda route: held.append(route))
    page.goto(page_path("report", "ja"))
    choice = page.locator('.lh-template-form input[name="lh-relation"]').last
    where = "() => [Math.round(scrollY), Math.round(document.querySelector('.lh-template-form fieldset').getBoundingClientRect().top)]"
    reach_template_form(page)  # the first interaction: the full stylesheets start to load
    choice.scroll_into_view_if_needed()
    before = page.evaluate(where)
    page.wait_for_function("document.querySelectorAll('link[rel=stylesheet]').length >= 3")
    while not held:
        page.wait_for_timeout(50)
    page.wait_for_timeout(300)  # the other sheets have arrived by now
    assert page.evaluate(where) == before, "the page moved while one stylesheet was still on its way"
    held.pop().continue_()
    page.wait_for_function(MOUNTED)
    assert page.evaluate(where) == before
    choice.check()
