"""MkDocs hook: every page shows, after its sources, the date it was last reviewed.

The date is the page's own front matter (`last_reviewed`, checked by scripts/check), so a reader can
judge how fresh the platform steps and labels are. Written as a hook because Material only shows
dates from git, and the review date is an editorial fact, not a commit date.
"""

from __future__ import annotations

import datetime as dt

LABELS = {
    "ja": ("最終確認日", "{d.year}年{d.month}月{d.day}日"),
    "en": ("Last reviewed", "{d.day} {month} {d.year}"),
}


def reviewed_line(date: dt.date, locale: str) -> str:
    """The HTML line that states the review date in the page's language."""
    label, pattern = LABELS.get(locale, LABELS["en"])
    text = pattern.format(d=date, month=date.strftime("%B"))
    return f'<p class="last-reviewed">{label}: <time datetime="{date.isoformat()}">{text}</time></p>'


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Append the review date line to pages that have a valid `last_reviewed`."""
    value = page.meta.get("last_reviewed")
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return markdown
    if not isinstance(value, dt.date):
        return markdown
    locale = getattr(page.file, "locale", None) or config.theme.get("language", "en")
    return markdown.rstrip("\n") + "\n\n" + reviewed_line(value, locale) + "\n"
