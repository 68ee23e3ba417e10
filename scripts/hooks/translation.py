"""MkDocs hook: a translated page says which of its sections are behind the Japanese page.

Each translated page records, in its front matter, the commit of the Japanese page it was last
brought up to date with (`translated_from: <commit>`). The Japanese file at that commit and the
Japanese file now are compared section by section (pagetext.changed_sections); every section whose
Japanese text changed, or that is new, gets a notice under its heading on the translated page,
linking to the Japanese section. The notice is overrides/partials/translation-notice.html; its words
are `translation_notice` in overrides/locales/<lang>.yml.

The checker (`scripts/check/translations.py`) uses the same library to fail a pull request that
leaves a section behind without saying so. Without git (or without the recorded commit in the
history) nothing is added here; the checker reports that case.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path

import history
import languages
import pagetext
import uistrings

log = logging.getLogger("mkdocs.hooks.translation")


def on_page_markdown(markdown: str, page, config, files) -> str:
    """On a translated page, add a notice under each section that is behind the Japanese page."""
    i18n = config.plugins.get("i18n")
    locale = getattr(page.file, "locale", None)
    commit = page.meta.get("translated_from")
    if i18n is None or locale is None or locale == i18n.default_language or not commit:
        return markdown
    root = languages.project_root(config)
    docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    original = f"{docs}/{pagetext.original_of(page.file.src_uri, locale, i18n.default_language)}"
    try:
        stale = pagetext.changed_sections(*history.then_and_now(root, original, str(commit)))
    except (history.HistoryError, OSError) as error:
        log.info("translation notices skipped for %s: %s", page.file.src_uri, error)
        return markdown
    if not stale:
        return markdown
    here = page.url.rstrip("/")
    there = here[len(locale):].lstrip("/") if here == locale or here.startswith(f"{locale}/") else here
    href = posixpath.relpath(there or ".", here or ".") + "/"
    words = uistrings.load(root, locale)["translation_notice"]

    def notice(section: str) -> str:
        return languages.render_partial(config, "partials/translation-notice.html", href=f"{href}#{section}",
                                        lang=i18n.default_language, **words).strip() + "\n"

    return pagetext.insert_after_headings(markdown, stale, notice)
