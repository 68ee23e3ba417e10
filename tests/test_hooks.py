"""The MkDocs hooks: hover definitions of glossary terms, also inside Japanese text, and the review date."""

from __future__ import annotations

from tests.sitefactory import FixtureSite


def test_glossary_terms_get_their_language_definition_inside_japanese_text(site: FixtureSite):
    (site.root / "includes" / "abbreviations.ja.md").write_text("*[LoRA]: 追加ファイルの方式\n", encoding="utf-8")
    (site.root / "includes" / "abbreviations.en.md").write_text("*[LoRA]: an add-on file\n", encoding="utf-8")
    site.edit("index.ja.md", "本文です。", "LoRAは小さなファイルです。")
    site.edit("index.en.md", "Text.", "A LoRA is small; LoRAs are not, and ExLoRA is another word.")
    out = site.build()
    ja = (out / "index.html").read_text(encoding="utf-8")
    en = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="追加ファイルの方式">LoRA</abbr>は小さなファイルです。' in ja
    assert 'A <abbr title="an add-on file">LoRA</abbr> is small; LoRAs are not, and ExLoRA is another word.' in en
    assert "追加ファイルの方式" not in en


def test_glossary_terms_in_headings_are_left_plain(site: FixtureSite):
    (site.root / "includes" / "abbreviations.ja.md").write_text("*[LoRA]: 追加ファイルの方式\n", encoding="utf-8")
    site.edit("index.ja.md", "## 詳細 {#details}", "## LoRAの詳細 {#details}")
    site.edit("index.ja.md", "詳しく説明します。", "LoRAを説明します。")
    ja = (site.build() / "index.html").read_text(encoding="utf-8")
    heading = ja[ja.index('<h2 id="details"'):]
    assert heading[: heading.index("</h2>")].count("<abbr") == 0
    assert '<abbr title="追加ファイルの方式">LoRA</abbr>を説明します。' in ja


def test_every_page_shows_its_review_date_after_the_sources(site: FixtureSite):
    out = site.build()
    ja = (out / "other" / "index.html").read_text(encoding="utf-8")
    en = (out / "en" / "other" / "index.html").read_text(encoding="utf-8")
    line_ja = '<p class="last-reviewed">最終確認日: <time datetime="2026-11-01">2026年11月1日</time></p>'
    line_en = '<p class="last-reviewed">Last reviewed: <time datetime="2026-11-01">1 November 2026</time></p>'
    assert line_ja in ja and ja.index('id="sources"') < ja.index(line_ja)
    assert line_en in en and en.index('id="sources"') < en.index(line_en)


def _shape(value):
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [None] * len(value)
    return None


def test_every_language_has_the_same_interface_text_keys():
    from scripts.check.settings import load_settings
    from scripts.hooks import uistrings
    from tests.sitefactory import PROJECT

    settings = load_settings(PROJECT)
    shapes = {lang: _shape(uistrings.load(PROJECT, lang)) for lang in settings.languages}
    default = shapes.pop(settings.default_language)
    assert shapes == {lang: default for lang in shapes}


def test_tables_come_wrapped_as_material_wraps_them():
    """Markdown tables get Material's two wrappers at build time (marked for the deferred bundle); others do not."""
    from scripts.hooks import tables

    html = '<p>x</p><table>\n<tr><td>1</td></tr>\n</table><table class="own"><tr><td>2</td></tr></table>'
    assert tables.on_page_content(html, None, None, None) == (
        '<p>x</p><div class="md-typeset__scrollwrap" data-lh-table><div class="md-typeset__table">'
        '<table>\n<tr><td>1</td></tr>\n</table></div></div><table class="own"><tr><td>2</td></tr></table>')
