"""MkDocs hook: section permalinks are titled in the page's own language.

`markdown_extensions: toc: permalink_title` is one value for every language, and mkdocs-static-i18n's
per-language settings cannot change Markdown extensions. This hook rewrites the `title` of each
`<a class="headerlink">` in pages of the languages listed below (the default language keeps the
mkdocs.yml value), so that the title is right without JavaScript.
"""

from __future__ import annotations

import html
import re

TITLES = {
    "en": "Link to this section",
}

HEADERLINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")[^"]*(")')


def on_page_content(content: str, page, config, files) -> str:
    """Give each permalink of a translated page the title in that page's language."""
    locale = getattr(page.file, "locale", None)
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "current_language", None):
        locale = i18n.current_language
    title = TITLES.get(locale or "")
    if title is None:
        return content
    return HEADERLINK.sub(lambda m: f"{m.group(1)}{html.escape(title)}{m.group(2)}", content)
