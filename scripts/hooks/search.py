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
import yaml
from mkdocs.exceptions import PluginError
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


SYNONYMS = Path("overrides") / "search-synonyms.yml"


def add_synonyms(docs: list[dict], synonyms: dict[str, dict[str, list[str]]], default_language: str) -> None:
    """Append each section's search words (overrides/search-synonyms.yml) to its entry's text, in place.

    Material's search indexes an entry's title and text only; these words are what readers type that
    the section does not say ("deepfake" on the Japanese side). Raises PluginError for a section that is
    not in the index while its page is, so that a moved section does not silently lose its words. Written here
    because neither MkDocs' search plugin nor Material has a synonym setting.
    """
    by_location = {doc["location"]: doc for doc in docs}
    others = tuple(f"{lang}/" for lang in synonyms or {} if lang != default_language)
    missing = []
    for lang, sections in (synonyms or {}).items():
        prefix = "" if lang == default_language else f"{lang}/"
        # mkdocs-static-i18n builds one language after the other: skip a language not in this index yet.
        if not any(loc.startswith(prefix) and (prefix or not loc.startswith(others)) for loc in by_location):
            continue
        for location, words in (sections or {}).items():
            doc = by_location.get(prefix + location)
            if doc is None:
                # A page that is not built (a test's fixture site) is skipped; a lost section on a built page is not.
                if prefix + location.split("#")[0] in by_location:
                    missing.append(f"{lang}: {location}")
                continue
            doc["text"] = f"{doc.get('text', '')} {' '.join(words)}".strip()
    if missing:
        raise PluginError(f"{SYNONYMS}: no such section in the search index: {', '.join(missing)}. "
                          "Use the section's address under its language root, e.g. report/#real-person.")


@event_priority(-200)  # after mkdocs-static-i18n (-100), which writes the index of all languages
def on_post_build(config) -> None:
    """Split search/search_index.json into one index per language, with each section's search words."""
    others = _other_languages(config)
    default = languages.default_language(config)
    root_index = Path(config.site_dir) / "search" / "search_index.json"
    if not others or not root_index.is_file():
        return
    index = json.loads(root_index.read_text(encoding="utf-8"))
    docs = index.get("docs", [])
    synonyms_file = languages.project_root(config) / SYNONYMS
    if synonyms_file.is_file():
        add_synonyms(docs, yaml.safe_load(synonyms_file.read_text(encoding="utf-8")), default)
    for lang in others:
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
    prefixes = tuple(f"{lang}/" for lang in others)
    rest = [doc for doc in docs if not doc["location"].startswith(prefixes)]
    if len(rest) != len(docs):
        # The default language's index searches with that language's pipeline only. With two languages
        # Material uses lunr.multiLanguage, which stems English words in the index but not in the query:
        # "deepfake" was indexed as "deepfak" and a search for "deepfake" on a Japanese page found nothing.
        default_config = dict(index.get("config", {}), lang=[default])
        root_index.write_text(json.dumps({**index, "config": default_config, "docs": rest}, ensure_ascii=False,
                                         separators=(",", ":")), encoding="utf-8")
