"""MkDocs hook: one search index per language, so that `/` searches Japanese pages and `/en/` English ones.

mkdocs-static-i18n 1.3 builds every language into the same site folder, one build after the other. The
search plugin writes `search/search_index.json` at the end of each build, and i18n, after the last one,
rewrites it with the entries of all languages together (on purpose: it only removes entries that are
the same in two languages). Material's search reads `<base>/search/search_index.json`, where `base` is
the site root for every page, so an English reader got Japanese pages too.

This hook, after i18n (-100):

- splits that index by address: entries under `<lang>/` go to `<lang>/search/search_index.json` with
  the prefix taken off, the rest (the default language) stays at the root;
- sets `base` in each non-default-language page's Material config (`<script id="__config">`) to that
  language's root, where its index is, so that Material fetches it and resolves results from there.
  `base` is used by Material for the search index and the search results only (with navigation.instant
  and versioning left off); the theme's assets keep their own relative addresses.

mkdocs.yml turns `reconfigure_search` off and names the search languages itself: that option only
adds the languages to the search plugin and drops English entries equal to Japanese ones, which would
leave holes in the English index.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import languages
from mkdocs.plugins import event_priority

CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base":\s*")([^"]*)(")')


def _other_languages(config) -> list[str]:
    i18n = languages.i18n(config)
    if i18n is None:
        return []
    return [lang for lang in i18n.all_languages if lang != i18n.default_language]


@event_priority(-200)
def on_post_page(output: str, page, config) -> str:
    """In a page of a non-default language, point Material's `base` at that language's root."""
    i18n = languages.i18n(config)
    if i18n is None or i18n.is_default_language_build:
        return output
    locale = i18n.current_language
    if not page.file.dest_uri.startswith(f"{locale}/"):
        return output

    def rebase(match: re.Match) -> str:
        base = match.group(2).rstrip("/") or "."
        return f"{match.group(1)}{base}/{locale}/{match.group(3)}"

    return CONFIG_BASE.sub(rebase, output, count=1)


@event_priority(-200)  # after mkdocs-static-i18n (-100), which writes the index of all languages
def on_post_build(config) -> None:
    """Split search/search_index.json into one index per language."""
    languages = _other_languages(config)
    root_index = Path(config.site_dir) / "search" / "search_index.json"
    if not languages or not root_index.is_file():
        return
    index = json.loads(root_index.read_text(encoding="utf-8"))
    docs = index.get("docs", [])
    for lang in languages:
        prefix = f"{lang}/"
        mine = [dict(doc, location=doc["location"].removeprefix(prefix)) for doc in docs
                if doc["location"].startswith(prefix)]
        if not mine:
            continue
        lang_config = dict(index.get("config", {}), lang=[lang])
        target = Path(config.site_dir) / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({**index, "config": lang_config, "docs": mine}, ensure_ascii=False,
                                     separators=(",", ":")), encoding="utf-8")
    prefixes = tuple(f"{lang}/" for lang in languages)
    rest = [doc for doc in docs if not doc["location"].startswith(prefixes)]
    if len(rest) != len(docs):
        root_index.write_text(json.dumps({**index, "docs": rest}, ensure_ascii=False, separators=(",", ":")),
                              encoding="utf-8")
