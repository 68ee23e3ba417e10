"""MkDocs hook: section permalinks are titled in the page's own language.

`markdown_extensions: toc: permalink_title` is one value for every language, and mkdocs-static-i18n's
per-language settings cannot change Markdown extensions. This hook rewrites the `title` of each
`<a class="headerlink">` with `permalink_title` of overrides/locales/<lang>.yml, so that the title
is right without JavaScript.
"""

from __future__ import annotations

import html
import re

import languages
import uistrings

HEADERLINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")[^"]*(")')


def on_page_content(content: str, page, config, files) -> str:
    """Give each permalink the title in the page's language."""
    title = uistrings.load(languages.project_root(config), languages.current_language(config))["permalink_title"]
    # The link's text is a pilcrow (drawn as an icon by site.css): the title is also its accessible name.
    return HEADERLINK.sub(lambda m: f'{m.group(1)}{html.escape(title)}{m.group(2)} aria-label="{html.escape(title)}"', content)
