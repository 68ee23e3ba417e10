"""MkDocs hook: a link to a page of another language leads there (`report.en.md#id` or `../en/report/#id`).

MkDocs builds one language at a time: it leaves `report.en.md` as it is (a broken link for readers)
and warns about both spellings. This hook hides such links from MkDocs behind a placeholder scheme
while the Markdown is converted, then writes the other language's address relative to the page. The
checker (`scripts/check/crosslinks.py`) checks that the page and its section exist in that language.
"""

from __future__ import annotations

import posixpath
import re

import languages
from pagetext import cross_language_target, page_url, parse

PLACEHOLDER = "lh-other-language:"
INLINE_LINK = re.compile(r"(?P<open>\]\(\s*<?)(?P<target>[^)\s>]+)")
PLACEHOLDER_HREF = re.compile(rf'href="{re.escape(PLACEHOLDER)}(?P<url>[^"#]*)(?P<fragment>#[^"]*)?"')


def _where(page, config) -> tuple[str, str, tuple[str, ...], str] | None:
    plugin = languages.i18n(config)
    if plugin is None:
        return None
    lang = languages.page_locale(page, config)
    src = page.file.src_uri
    stem = src[: -len(f".{lang}.md")] if src.endswith(f".{lang}.md") else src.removesuffix(".md")
    slug = posixpath.dirname(stem) if posixpath.basename(stem) == "index" and "/" in stem else stem
    return slug, lang, tuple(plugin.all_languages), languages.default_language(config)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Replace links to another language's page by a placeholder MkDocs leaves alone."""
    where = _where(page, config)
    if where is None or "](" not in markdown:
        return markdown
    slug, lang, all_languages, default = where
    code = parse(markdown, front_matter=False).code_lines
    lines = markdown.split("\n")

    def swap(match: re.Match[str]) -> str:
        found = cross_language_target(slug, lang, match["target"], all_languages, default)
        if found is None:
            return match.group(0)
        other, other_slug, fragment = found
        return f"{match['open']}{PLACEHOLDER}{page_url(other_slug, other, default)}" + (f"#{fragment}" if fragment else "")

    return "\n".join(line if index in code or "](" not in line else INLINE_LINK.sub(swap, line) for index, line in enumerate(lines))


def on_page_content(html: str, page, config, files) -> str:
    """Write each placeholder as the other language's address, relative to this page."""
    if PLACEHOLDER not in html:
        return html
    here = page.url or ""

    def address(match: re.Match[str]) -> str:
        relative = posixpath.relpath(match["url"] or ".", here or ".")
        relative = "./" if relative == "." else relative + "/"
        return f'href="{relative}{match["fragment"] or ""}"'

    return PLACEHOLDER_HREF.sub(address, html)
