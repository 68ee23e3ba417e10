"""The help service (issue 10): the situation choice on the first phone screen, no sideways scrolling at
320 px, the template form and its copy buttons, tappable contacts, the address bar after a section link,
published report addresses, and English interface text on English pages."""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.helpers import reach_template_form
from tests.project import ALL_PAGES, LANGUAGES, PROJECT, page_path

pytestmark = pytest.mark.browser

PHONES = {"390x844": {"width": 390, "height": 844}, "320x640": {"width": 320, "height": 640}}
SITUATION_CHOICE = "article h1 ~ ul"  # the first list after the page title (docs/index.*.md, docs/report.*.md)


def phone(new_page, size: str = "390x844", **options):
    return new_page(viewport=PHONES[size], is_mobile=True, has_touch=True, **options)


# ---- The situation choice -------------------------------------------------------------------------

@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("size", sorted(PHONES))
@pytest.mark.parametrize("slug", ["index", "report"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_situation_choice_is_on_the_first_screen(new_page, lang, slug, size, javascript):
    page = phone(new_page, size, java_script_enabled=javascript)
    page.goto(page_path(slug, lang))
    page.wait_for_load_state("load")
    choice = page.locator(SITUATION_CHOICE).first
    links = choice.locator("a")
    assert links.count() == 5, links.all_inner_texts()
    box = choice.bounding_box()
    assert box["y"] + box["height"] <= PHONES[size]["height"], (
        f"{page_path(slug, lang) or '/'}: the situation choice ends at {box['y'] + box['height']:.0f} px, "
        f"below the first screen ({PHONES[size]['height']} px)")
    # Each choice is a plain link to a route of the report page.
    for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))"):
        assert re.fullmatch(r"(\.\./)?(report/)?#[a-z0-9-]+", href), href


# ---- No sideways scrolling at 320 px: tests/browser/test_layout.py (320 and 375 px, with and without JS).


def test_templates_wrap_inside_320(new_page):
    """Template blocks themselves never scroll sideways (no exception for <pre> here)."""
    page = phone(new_page, "320x640")
    for lang in LANGUAGES:
        page.goto(page_path("report", lang))
        blocks = page.locator(".template pre")
        assert blocks.count() >= 8
        wide = blocks.evaluate_all("els => els.filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.slice(0, 40))")
        assert wide == [], (lang, wide)


# ---- Type ---------------------------------------------------------------------------------------

def test_japanese_phrase_breaking_is_for_headings_only(new_page):
    """word-break: auto-phrase left list items ragged at 320 px: headings keep it, running text does not."""
    page = phone(new_page, "320x640")
    page.goto(page_path("report", "ja"))
    word_break = "e => getComputedStyle(e).wordBreak"
    assert page.locator("article li").first.evaluate(word_break) == "normal"
    assert page.locator("article p").first.evaluate(word_break) == "normal"
    if page.evaluate("CSS.supports('word-break', 'auto-phrase')"):
        assert page.locator("article h2").first.evaluate(word_break) == "auto-phrase"


@pytest.mark.parametrize(("lang", "first_face"), [("ja", '"Hiragino Sans"'), ("en", "-apple-system")])
def test_each_language_starts_with_its_own_system_fonts(new_page, lang, first_face):
    """English text in a Latin face (system-ui may be a CJK face with wide Latin letters), no extra spacing."""
    page = phone(new_page)
    page.goto(page_path("report", lang))
    text = page.locator("article p").first
    assert text.evaluate("e => getComputedStyle(e).fontFamily").split(",")[0].strip() == first_face
    if lang == "en":
        assert text.evaluate("e => [getComputedStyle(e).letterSpacing, getComputedStyle(e).fontFeatureSettings]") == ["normal", "normal"]


# ---- The template form --------------------------------------------------------------------------

VALUES = {"name": "Aoi Sato", "email": "aoi@example.org", "artist": "Kiri Mori", "person": "Ren Ito",
          "url": "https://example.org/models/1", "works": "https://example.org/aoi", "date": "2026-11-20",
          "reason": "The sample images show the same face."}
FILLED_DATE = {"ja": "2026年11月20日", "en": "20 November 2026"}
# First-person claims a sender must not make: a representative about the likeness or works of someone
# else, a fan about works that are not theirs.
FIRST_PERSON = {
    "representative": ["私の作品", "私の肖像", "私を", "私の同意", "私は同意", "my works", "my likeness", "shows me",
                       "my consent", "I did not consent", "I made the works"],
    "fan": ["私の作品", "私の肖像", "私を", "my works", "my likeness", "shows me", "I made the works"],
}


def strings(page) -> dict:
    return json.loads(page.locator("#lh-help-strings").text_content())


def fill(page, relation: str) -> None:
    page.locator(f'.lh-template-form input[name="lh-relation"][value="{relation}"]').check()
    for key, value in VALUES.items():
        field = page.locator(f"#lh-field-{key}")
        if field.count() and field.is_visible():
            field.fill(value)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_template_form_is_built_near_it_and_nothing_in_view_moves(new_page, lang):
    """The form is not built while the page loads (its work was the longest task of the load, issue 13): it
    appears when the reader comes near it, and what is on the screen stays put, also in a browser that
    does not anchor the scroll itself (Safari), which overflow-anchor: none stands in for."""
    page = phone(new_page)
    page.goto(page_path("report", lang))
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.locator(".lh-template-form, .lh-template__copy").count() == 0, "the form was built while the page loaded"
    box = '.template[data-template="real-person"]'
    top = page.evaluate(f"""() => {{
        document.documentElement.style.overflowAnchor = "none";
        const box = document.querySelector('{box}');
        scrollTo(0, box.getBoundingClientRect().top + scrollY - 100);  /* no tap: only the scroll builds it */
        return box.getBoundingClientRect().top; }}""")
    page.locator(".lh-template-form").wait_for()
    page.wait_for_timeout(100)
    moved = page.locator(box).first.evaluate("e => e.getBoundingClientRect().top") - top
    assert abs(moved) < 1, f"the template in view moved by {moved:.0f} px when the form was built"


@pytest.mark.parametrize("relation", ["person", "representative", "fan"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_filled_templates_are_complete_and_true_for_the_sender(new_page, lang, relation):
    page = phone(new_page)
    page.goto(page_path("report", lang))
    reach_template_form(page)
    vocabulary = strings(page)["vocabulary"]
    fill(page, relation)
    used = page.locator(".template:not(.lh-template--other)")
    texts = used.evaluate_all("els => els.map(e => [e.lang, e.dataset.template, e.querySelector('pre code').textContent])")
    assert {t[0] for t in texts} == set(LANGUAGES), texts  # both languages are filled on every page
    placeholders = [p for v in vocabulary.values() for p in v["placeholders"].values()]
    markers = [m.strip() for v in vocabulary.values() for m in v["markers"].values()]
    for template_lang, name, text in texts:
        where = f"{page_path('report', lang)} {name} ({template_lang}) as {relation}"
        assert not [p for p in placeholders if p in text], f"{where}: placeholder left:\n{text}"
        assert not re.search(r"\[[^\]\s/:]{1,30}\]", text), f"{where}: bracket left:\n{text}"
        assert not [m for m in markers if m in text], f"{where}: marker left:\n{text}"
        assert not [w for w in FIRST_PERSON.get(relation, []) if w in text], f"{where}: first-person claim:\n{text}"
    # Templates that are not for this relation are hidden, with one note per pair.
    others = page.locator(".template.lh-template--other")
    for i in range(others.count()):
        assert not others.nth(i).locator("pre").is_visible()
    assert page.locator(".lh-template__note:visible").count() == len(
        {n for n in others.evaluate_all("els => els.map(e => e.dataset.template)")})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dates_are_written_in_each_template_language(new_page, lang):
    page = phone(new_page)
    page.goto(page_path("report", lang))
    reach_template_form(page)
    fill(page, "person")
    for template_lang in LANGUAGES:
        text = page.locator(f'.template[data-template="real-person"][lang="{template_lang}"] pre code').text_content()
        assert FILLED_DATE[template_lang] in text, text


@pytest.mark.parametrize(("lang", "label", "note"), [
    ("ja", "本人の代理人（保護者など）", "この文は、本人か代理人（保護者など）が送るためのものです。"),
    ("en", "Their representative (a parent, for example)",
     "This text is for the artist or the person shown or their representative (a parent, for example) to send.")])
def test_a_parent_sees_that_they_are_the_representative(new_page, lang, label, note):
    page = phone(new_page)
    page.goto(page_path("report", lang))
    reach_template_form(page)
    option = page.locator('.lh-template-form label:has(input[value="representative"])')
    assert option.inner_text().strip() == label
    page.locator('.lh-template-form input[value="fan"]').check()
    assert page.locator('.template[data-template="real-person"] .lh-template__note').first.inner_text() == note


@pytest.mark.parametrize(("lang", "artist", "person"), [
    ("ja", "作家の名前（使う文：第三者からの通報、作者に知らせる）", "写っている人の名前（使う文：第三者からの通報）"),
    ("en", "The artist's name (used in: A report from someone else, Telling the artist)",
     "The name of the person shown (used in: A report from someone else)")])
def test_fields_only_some_visible_templates_use_say_which(new_page, lang, artist, person):
    """"The artist, or the person shown" sees both kinds of template: each name box says which one it fills."""
    page = phone(new_page)
    page.goto(page_path("report", lang))
    reach_template_form(page)
    page.locator('.lh-template-form input[value="person"]').check()
    assert page.locator('label[for="lh-field-artist"]').inner_text() == artist
    assert page.locator('label[for="lh-field-person"]').inner_text() == person


def test_back_to_top_button_hides_while_the_form_has_focus(new_page):
    page = phone(new_page)
    page.goto(page_path("report", "ja"))
    reach_template_form(page)
    page.locator('.lh-template-form input[value="person"]').check()
    top = "getComputedStyle(document.querySelector('.md-top')).display"
    assert page.evaluate(top) == "none", "focus is on the relation buttons, inside the form"
    page.locator("#lh-field-url").focus()
    assert page.evaluate(top) == "none"
    page.locator("#lh-field-url").blur()
    assert page.evaluate(top) != "none"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_empty_fields_leave_their_placeholders_visible(new_page, lang):
    page = phone(new_page)
    page.goto(page_path("report", lang))
    reach_template_form(page)
    page.locator('.lh-template-form input[value="representative"]').check()
    page.locator("#lh-field-name").fill("Aoi Sato")
    code = page.locator('.template[data-template="real-person"][lang="ja"] pre code')
    assert "Aoi Sato" in code.text_content()
    assert "[本人の名前]" in code.text_content()
    assert code.locator("mark.lh-blank").first.is_visible()
    # Clearing the form brings the templates back as written, markers included.
    page.locator(".lh-template-form button[type=reset]").click()
    page.wait_for_function("!document.querySelector('.template pre code').textContent.includes('Aoi Sato')")
    assert "（本人）" in code.text_content()


@pytest.mark.parametrize(("lang", "message"), [("ja", "コピーしました。貼り付けて使えます。"), ("en", "Copied. You can paste it now.")])
def test_copy_button_copies_the_filled_text(new_page, base_url, lang, message):
    page = phone(new_page)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/").rsplit("/", 1)[0])
    page.goto(page_path("report", lang))
    reach_template_form(page)
    fill(page, "person")
    box = page.locator('.template[data-template="real-person"][lang="en"]')
    box.locator("button.lh-template__copy").tap()
    status = box.locator(".lh-template__status[role=status]")
    page.wait_for_function("el => el.textContent.length > 0", arg=status.element_handle())
    assert status.text_content() == message
    assert page.evaluate("navigator.clipboard.readText()") == box.locator("pre code").text_content()
    assert "My name is Aoi Sato." in page.evaluate("navigator.clipboard.readText()")


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


COLOURS = """el => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const back = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
    if (!/rgba\\(.*, 0\\)$/.test(c) && c !== 'transparent') return rgb(c); } return [255, 255, 255]; };
  const s = getComputedStyle(el);
  return {fill: rgb(s.backgroundColor), fillAlpha: s.backgroundColor, text: rgb(s.color),
          border: rgb(s.borderTopColor), borderWidth: parseFloat(s.borderTopWidth), page: back(el.parentElement),
          label: el.textContent.trim(), height: el.getBoundingClientRect().height};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_copy_buttons_are_readable_without_hover(new_page, lang, scheme):
    page = phone(new_page, color_scheme=scheme)
    page.goto(page_path("report", lang))
    reach_template_form(page)
    buttons = page.locator("button.lh-template__copy")
    assert buttons.count() >= 8
    for i in range(buttons.count()):
        c = buttons.nth(i).evaluate(COLOURS)
        assert c["label"] and buttons.nth(i).is_visible(), c
        assert c["height"] >= 24, c
        edge = c["border"] if c["borderWidth"] >= 1 else c["fill"]
        assert contrast(edge, c["page"]) >= 3, f"{scheme}: button edge {edge} on {c['page']}"
        assert contrast(c["text"], c["fill"]) >= 4.5, f"{scheme}: label {c['text']} on {c['fill']}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_the_templates_stay_as_written(new_page, lang):
    page = phone(new_page, java_script_enabled=False)
    page.goto(page_path("report", lang))
    assert page.locator(".lh-template-form, article button").count() == 0
    source = (PROJECT / "docs" / f"report.{lang}.md").read_text(encoding="utf-8")
    first = page.locator('.template[data-template="real-person"][lang="ja"] pre code').text_content().strip()
    assert first in source
    # Nothing points at a copy button that is not there (the pages name platforms' buttons, which is fine).
    text = page.locator("article").inner_text()
    pointing = r"コピー.{0,12}ボタン|ボタン.{0,12}コピー|copy button|button.{0,20}cop(y|ies)"
    assert not re.search(pointing, text, re.I), re.findall(f".{{0,30}}(?:{pointing}).{{0,30}}", text, re.I)


def test_template_vocabulary_matches_the_pages(new_page):
    """Every bracketed word in a template is in the form's vocabulary for its language, and every marker is known."""
    page = phone(new_page)
    page.goto(page_path("report", "ja"))
    vocabulary = strings(page)["vocabulary"]
    for lang in LANGUAGES:
        source = (PROJECT / "docs" / f"report.{lang}.md").read_text(encoding="utf-8")
        blocks = re.findall(r'<div class="template" data-template="[^"]+" lang="(\w+)" markdown>\s*```text\n(.*?)```', source, re.S)
        assert len(blocks) >= 8, lang
        for block_lang, body in blocks:
            known = set(vocabulary[block_lang]["placeholders"].values())
            unknown = set(re.findall(r"\[[^\]]+\]", body)) - known
            assert unknown == set(), f"docs/report.{lang}.md ({block_lang} template): {sorted(unknown)} not in {sorted(known)}"


# ---- Contacts --------------------------------------------------------------------------------------

def test_every_mailto_and_tel_link_is_well_formed(built_site):
    found = []
    for slug, lang in ALL_PAGES:
        html = (built_site / page_path(slug, lang) / "index.html").read_text(encoding="utf-8")
        for href, label in re.findall(r'<a href="((?:mailto|tel):[^"]*)"[^>]*>(.*?)</a>', html):
            found.append(href)
            where = f"{page_path(slug, lang) or '/'}: {href}"
            if href.startswith("mailto:"):
                assert re.fullmatch(r"mailto:[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}", href), where
                assert label == href.removeprefix("mailto:"), f"{where}: shown as {label!r}"
            else:
                assert re.fullmatch(r"tel:(\+|%23)?[0-9]+", href), where
                digits = re.sub(r"[^0-9]", "", label)
                assert digits == re.sub(r"[^0-9]", "", href.replace("%23", "")), f"{where}: shown as {label!r}"
    assert len([h for h in found if h.startswith("mailto:")]) >= 6 and len([h for h in found if h.startswith("tel:")]) >= 10, found
    # Every contact that appears as plain text elsewhere in the article is a link too.
    for slug, lang in ALL_PAGES:
        html = (built_site / page_path(slug, lang) / "index.html").read_text(encoding="utf-8")
        article = html[html.find("<article"):html.find("</article>")]
        article = re.sub(r"<pre.*?</pre>", "", article, flags=re.S)
        plain = re.sub(r"<a [^>]*>.*?</a>", "", article, flags=re.S)
        bare = re.findall(r"[a-z0-9._-]+@[a-z0-9-]+\.[a-z.]+|0570-\d{3}-\d{3}", re.sub(r"<[^>]+>", " ", plain))
        assert bare == [], f"{page_path(slug, lang) or '/'}: contacts without a link: {bare}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_email_addresses_have_a_copy_button(new_page, base_url, lang):
    page = phone(new_page)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/").rsplit("/", 1)[0])
    page.goto(page_path("report", lang))
    links = page.locator('article a[href^="mailto:"]')
    assert links.count() >= 3
    for i in range(links.count()):
        link = links.nth(i)
        button = link.locator("xpath=following-sibling::button[1]")
        address = link.get_attribute("href").removeprefix("mailto:")
        assert address in button.get_attribute("aria-label")
    first = links.first
    first.scroll_into_view_if_needed()
    first.locator("xpath=following-sibling::button[1]").tap()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.includes('@'))")
    assert page.evaluate("navigator.clipboard.readText()") == first.get_attribute("href").removeprefix("mailto:")


# ---- The address bar --------------------------------------------------------------------------------

def wait_and_read_hash(page) -> str:
    page.wait_for_timeout(1200)  # Material's navigation.tracking rewrote the address within 300 ms
    return page.evaluate("location.hash")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_address_bar_keeps_the_section_the_reader_chose(new_page, lang):
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(page_path("report", lang))
    page.wait_for_load_state("load")
    # The section permalink.
    page.locator("#real-person a.headerlink").click()
    assert wait_and_read_hash(page) == "#real-person"
    page.mouse.wheel(0, 600)
    assert wait_and_read_hash(page) == "#real-person"
    # A table-of-contents link.
    page.locator('.md-sidebar--secondary a.md-nav__link[href="#police"]').click()
    assert wait_and_read_hash(page) == "#police"
    # An in-page link: the situation choice.
    page.goto(page_path("report", lang))
    page.locator(SITUATION_CHOICE).first.locator('a[href="#intimate-images"]').click()
    assert wait_and_read_hash(page) == "#intimate-images"


# ---- Published addresses -------------------------------------------------------------------------

PUBLISHED_REPORT = json.loads((PROJECT / "published.json").read_text(encoding="utf-8"))["report"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_published_report_address_lands_on_its_content(new_page, lang):
    # Three phones side by side (each in its own context), one address each per round: their loads and
    # waits overlap.
    phones = [phone(new_page) for _ in range(3)]
    wrong = {}
    for start in range(0, len(PUBLISHED_REPORT), len(phones)):
        round_ = list(zip(phones, PUBLISHED_REPORT[start:start + len(phones)]))
        for page, section in round_:
            page.goto("about:blank")  # a fresh load each time, as from a shared link (not a same-page jump)
            page.goto(f"{page_path('report', lang)}#{section}", wait_until="commit")
        for page, _ in round_:
            page.wait_for_load_state("load")
        phones[0].wait_for_timeout(300)
        for page, section in round_:
            wrong.update(_where_it_landed(page, section))
    assert wrong == {}


def _where_it_landed(page, section: str) -> dict[str, str]:
    """{section: what is wrong} when the page, opened at #section, does not show it at the top."""
    target = page.locator(f"#{section}")
    if target.count() != 1:
        return {section: "missing"}
    box = target.bounding_box()
    height = PHONES["390x844"]["height"]
    at_end = page.evaluate("Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight")
    # At the top of the screen, or on it when the page cannot scroll further (the last sections).
    if not box or box["y"] < 0 or box["y"] > (height if at_end else height / 2):
        return {section: f"at {box and round(box['y'])} px"}
    return {}


# ---- English interface text on English pages ------------------------------------------------------

INTERFACE_TEXT = """() => {
  const skip = el => el.closest('[lang]:not(html)') && !el.closest('[lang]:not(html)').lang.startsWith('en')
                    || el.closest('[hreflang]:not([hreflang^="en"])');
  const out = [];
  const add = (el, what, value) => { if (value && /[\\u3040-\\u30ff\\u3400-\\u9fff\\uff00-\\uffef]/.test(value) && !skip(el)) out.push(`${what}: ${value.trim().slice(0, 60)}`); };
  for (const el of document.querySelectorAll('header, nav, footer, .md-sidebar, .md-search, button, label, legend, .lh-template-form, .lh-template__actions, .lh-template__note, .lh-edit, .md-content__button')) {
    for (const node of el.querySelectorAll('*')) {
      for (const child of node.childNodes) if (child.nodeType === 3) add(node, node.tagName.toLowerCase(), child.nodeValue);
    }
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) add(el, attr, el.getAttribute(attr));
  }
  return [...new Set(out)];
}"""


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_english_pages_have_no_japanese_interface_text(new_page, javascript):
    page = phone(new_page, java_script_enabled=javascript)
    found = {}
    for slug, lang in ALL_PAGES:
        if lang != "en":
            continue
        page.goto(page_path(slug, lang))
        page.wait_for_load_state("load")
        text = page.evaluate(INTERFACE_TEXT)
        if text:
            found[page_path(slug, lang)] = text
    if javascript:  # without JavaScript the one 404 page shows both languages, Japanese first
        page.goto("en/no-such-page/")
        page.wait_for_load_state("load")
        if text := page.evaluate(INTERFACE_TEXT):
            found["en/no-such-page/ (404)"] = text
    assert found == {}


# ---- Search finds what people type ---------------------------------------------------------------

@pytest.mark.parametrize(("path", "query", "route"), [
    ("", "絵柄", "report/#civitai-your-work"),
    ("", "パクリ", "report/#civitai-your-work"),
    ("", "消したい", "report/#civitai-your-work"),  # the 〜したい split: mkdocs.yml search separator
    ("", "無断学習", "report/#civitai-your-work"),
    ("", "ディープフェイク", "report/#intimate-images"),
    ("", "削除依頼", "report/#template-real-person"),
    ("", "deepfake", "report/#intimate-images"),  # overrides/search-synonyms.yml
    ("en/", "deepfake", "en/report/#intimate-images"),
    ("en/", "take down", "en/report/#take-it-down"),
    ("en/", "style", "en/report/#civitai-your-work"),
])
def test_search_finds_the_route_for_what_readers_type(search_from, path, query, route):
    results = search_from(path, query)
    assert route in results, (query, results)
    assert all(r.startswith("en/") == path.startswith("en/") for r in results), results


JAPANESE_TEXT_WITHOUT_LANG = """() => {
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  const out = [];
  for (let node; (node = walker.nextNode());) {
    if (!/[\\u3040-\\u30ff\\u3400-\\u9fff]/.test(node.nodeValue)) continue;
    const owner = node.parentElement.closest('[lang]');
    if (!owner || !owner.lang.startsWith('ja')) out.push(node.nodeValue.trim().slice(0, 40));
  }
  return out;
}"""


def test_japanese_words_on_english_pages_are_marked_as_japanese(new_page):
    page = phone(new_page, java_script_enabled=False)
    found = {}
    for slug, lang in ALL_PAGES:
        if lang == "ja":
            continue
        page.goto(page_path(slug, lang))
        if text := page.evaluate(JAPANESE_TEXT_WITHOUT_LANG):
            found[page_path(slug, lang)] = text
    assert found == {}


def test_help_tools_do_not_need_materials_bundle(new_page, base_url):
    """Material's bundle may load late (perf defers it to the first interaction): the form, the copy buttons
    and the section links work without it."""
    page = phone(new_page)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/").rsplit("/", 1)[0])
    blocked = []
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: (blocked.append(route.request.url), route.abort()))
    page.goto(page_path("report", "en"))
    page.wait_for_load_state("load")
    reach_template_form(page)
    fill(page, "representative")  # the first interaction: the bundle is requested now, and blocked
    assert blocked, "Material's bundle was not requested: the test no longer blocks it"
    box = page.locator('.template[data-template="real-person"][lang="ja"]')
    assert "Aoi Sato" in box.locator("pre code").text_content()
    box.locator("button.lh-template__copy").tap()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.includes('Aoi Sato'))")
    assert page.locator('article a[href^="mailto:"] + button.lh-contact-copy').count() >= 3
    page.locator("#police a.headerlink").tap()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.endsWith('#police'))")
    assert page.evaluate("location.hash") == "#police"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_from_a_template_to_the_form_and_back(new_page, lang):
    """A route's step links to its template, below the form: the template links to the form, and the form
    back to that template."""
    page = phone(new_page)
    page.goto(f"{page_path('report', lang)}#template-real-person")
    box = page.locator('.template[data-template="real-person"]').first
    box.locator("a.lh-template__fill").tap()
    page.wait_for_timeout(300)
    assert page.evaluate("location.hash") == "#lh-template-form"
    assert page.locator("#lh-template-form legend").is_visible()
    page.locator('.lh-template-form input[value="person"]').check()
    back = page.locator(".lh-template-form__back")
    assert back.is_visible() and back.get_attribute("href") == "#template-real-person"
    back.tap()
    page.wait_for_timeout(300)
    assert page.evaluate("location.hash") == "#template-real-person"
    assert 0 <= page.locator("#template-real-person").bounding_box()["y"] < 200
