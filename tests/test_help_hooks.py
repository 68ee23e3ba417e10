"""Hooks for the help service: search words (overrides/search-synonyms.yml) appended to their section in
their language's index only (a lost section fails the build), and lang="ja" on Japanese words in English pages."""

from __future__ import annotations

import json

import pytest

from tests.sitefactory import FixtureSite


def write_synonyms(site: FixtureSite, text: str) -> None:
    (site.root / "overrides" / "search-synonyms.yml").write_text(text, encoding="utf-8")


def test_search_words_go_to_their_section_in_their_language_only(site: FixtureSite):
    write_synonyms(site, "ja:\n  other/#details: [deepfake, 消したい]\nen:\n  other/#details: [take down]\n")
    out = site.build()
    ja = {d["location"]: d for d in json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]}
    en = {d["location"]: d for d in json.loads((out / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]}
    assert ja["other/#details"]["text"].endswith(" deepfake 消したい")
    assert en["other/#details"]["text"].endswith(" take down")
    assert not any("deepfake" in d["text"] for d in en.values())
    assert [loc for loc, d in ja.items() if "deepfake" in d["text"]] == ["other/#details"]
    # Each index searches with its own language only (no English stemming of the Japanese index).
    assert json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["lang"] == ["ja"]


def test_a_lost_section_fails_the_build(site: FixtureSite):
    write_synonyms(site, "ja:\n  other/#no-such-section: [deepfake]\nen: {}\n")
    with pytest.raises(AssertionError) as error:
        site.build()
    assert "overrides/search-synonyms.yml: no such section in the search index: ja: other/#no-such-section" in str(error.value)


def test_japanese_words_in_english_pages_get_lang_ja(site: FixtureSite):
    site.edit("index.en.md", "Text.", "Call 「みんなの人権110番」 or 法テラス.")
    en = (site.build() / "en" / "index.html").read_text(encoding="utf-8")
    assert 'Call <span lang="ja">「みんなの人権110番」</span> or <span lang="ja">法テラス</span>.' in en
