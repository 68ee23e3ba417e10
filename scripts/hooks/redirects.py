"""MkDocs hook: makes mkdocs-redirects write one redirect per language.

`redirects: redirect_maps` in mkdocs.yml maps an old page to its new page without a language suffix
(`old.md: new.md`), once for both languages. mkdocs-redirects alone cannot do this with
mkdocs-static-i18n: it looks targets up in the files as they were before i18n sorted them by
language (`new.ja.md`, with the wrong address), and it would write the same `old/` redirect in every
language's build. After i18n has chosen the files of the language being built, this hook gives the
plugin that language's pages (`new.md` with its real address) and the map for that language:
`old/` → `new/` in Japanese, `en/old/` → `en/new/` in English. A `#fragment` of the old address is
kept by the redirect page itself.
"""

from __future__ import annotations

import posixpath

import languages
from mkdocs.plugins import event_priority


@event_priority(-200)  # after mkdocs-static-i18n (-100), which picks the files of each language
def on_files(files, config):
    """Point the redirects plugin at this language's pages, keyed as `slug.md`."""
    redirects = config.plugins.get("redirects")
    i18n = languages.i18n(config)
    if redirects is None or i18n is None:
        return files
    locale, is_default = i18n.current_language, i18n.is_default_language_build
    pages = {}
    for file in files.documentation_pages():
        path = file.src_uri
        stem, _, suffix = path[: -len(".md")].rpartition(".")
        key = f"{stem}.md" if stem and suffix == locale else path
        pages[key] = file
    prefix = "" if is_default else f"{locale}/"
    redirects.doc_pages = pages
    redirects.redirects = {
        posixpath.join(prefix, old) if prefix else old: new
        for old, new in (redirects.config.get("redirect_maps") or {}).items()
    }
    return files
