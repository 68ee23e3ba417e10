"""Share cards, search-engine metadata and permalink titles, read from the built HTML of every page (no browser)."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from scripts.hooks import pagetext

from tests.project import ALL_PAGES, LANGUAGES, PROJECT, SITE_URL, page_path

LOCALES = {"ja": "ja_JP", "en": "en_US"}


class Head(HTMLParser):
    """The <html lang>, and every <meta> and <link> of a page."""

    def __init__(self, text: str):
        super().__init__()
        self.lang = None
        self.metas: list[dict] = []
        self.links: list[dict] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "meta":
            self.metas.append(attrs)
        elif tag == "link":
            self.links.append(attrs)

    def meta(self, key: str) -> list[str]:
        return [m["content"] for m in self.metas if m.get("property") == key or m.get("name") == key]

    def alternates(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for link in self.links:
            if link.get("rel") == "alternate" and "hreflang" in link:
                found.setdefault(link["hreflang"], []).append(link["href"])
        return found


def front_matter(slug: str, lang: str) -> dict:
    text = (PROJECT / "docs" / f"{slug}.{lang}.md").read_text(encoding="utf-8")
    return yaml.safe_load("\n".join(pagetext.parse(text).front_matter or []))


def head_of(built_site: Path, slug: str, lang: str) -> Head:
    return Head((built_site / page_path(slug, lang) / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("slug", "lang"), ALL_PAGES)
def test_share_card_and_alternates(built_site, slug, lang):
    head = head_of(built_site, slug, lang)
    url = SITE_URL + page_path(slug, lang)
    meta = front_matter(slug, lang)
    other = next(code for code in LANGUAGES if code != lang)

    assert head.lang == lang
    assert head.meta("og:title") == [meta["title"]]
    assert head.meta("og:description") == [meta["description"]]
    assert head.meta("description") == [meta["description"]]
    assert head.meta("og:url") == [url]
    assert head.meta("og:locale") == [LOCALES[lang]]
    assert head.meta("og:locale:alternate") == [LOCALES[other]]
    card = SITE_URL + ("" if lang == "ja" else f"{lang}/") + "assets/cards/card.png"
    assert head.meta("og:image") == [card]
    assert head.meta("twitter:card") == ["summary_large_image"]
    assert head.meta("twitter:image") == [card]
    assert [link["href"] for link in head.links if link.get("rel") == "canonical"] == [url]
    assert head.alternates() == {
        "ja": [SITE_URL + page_path(slug, "ja")],
        "en": [SITE_URL + page_path(slug, "en")],
        "x-default": [SITE_URL + page_path(slug, "ja")],
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_share_cards_are_1200_by_630_png(built_site, lang):
    path = built_site / ("" if lang == "ja" else lang) / "assets" / "cards" / "card.png"
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)


def test_sitemap_lists_every_page_with_its_alternates(built_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(built_site / "sitemap.xml").getroot()
    listed = {url.findtext("s:loc", namespaces=ns) for url in root.findall("s:url", ns)}
    for slug, lang in ALL_PAGES:
        assert SITE_URL + page_path(slug, lang) in listed
    for url in root.findall("s:url", ns):
        hreflangs = {link.get("hreflang") for link in url.findall("x:link", ns)}
        assert {"ja", "en"} <= hreflangs, url.findtext("s:loc", namespaces=ns)
    assert (built_site / "sitemap.xml.gz").exists()


PERMALINK_TITLES = {"ja": "このセクションへのリンク", "en": "Link to this section"}


def test_permalink_titles_are_in_the_page_language_without_javascript(built_site):
    wrong = {}
    for slug, lang in ALL_PAGES:
        text = (built_site / page_path(slug, lang) / "index.html").read_text(encoding="utf-8")
        titles = re.findall(r'<a class="headerlink" href="#[^"]+" title="([^"]*)"', text)
        assert titles, (slug, lang)
        if set(titles) != {PERMALINK_TITLES[lang]}:
            wrong[page_path(slug, lang) or "/"] = sorted(set(titles))
    assert wrong == {}


JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]+")


@pytest.mark.parametrize("slug", sorted({slug for slug, _ in ALL_PAGES}))
def test_english_pages_have_no_japanese_interface_text(built_site, slug):
    """Outside the article, an English page shows English only (the language menu names 日本語 in Japanese)."""
    text = (built_site / page_path(slug, "en") / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<article.*?</article>", "", text, flags=re.S)
    text = re.sub(r'<a href="[^"]*" hreflang="ja" class="md-select__link">\s*日本語\s*</a>', "", text)
    found = [text[max(0, m.start() - 40):m.end() + 10] for m in JAPANESE.finditer(text)]
    assert found == []
