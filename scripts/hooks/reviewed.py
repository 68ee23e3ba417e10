"""MkDocs hook: every page shows, after its sources, the date it was last reviewed.

The date is the page's own front matter (`last_reviewed`, checked by scripts/check), so a reader can
judge how fresh the platform steps and labels are. Written as a hook because Material only shows
dates from git, and the review date is an editorial fact, not a commit date. The line is the partial
overrides/partials/last-reviewed.html; its words are in overrides/locales/<lang>.yml (`reviewed`).
"""

from __future__ import annotations

import datetime as dt

import languages
import uistrings


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
    words = uistrings.load(languages.project_root(config), languages.page_locale(page, config))["reviewed"]
    line = languages.render_partial(config, "partials/last-reviewed.html", date=value, label=words["label"],
                                    text=words["date"].format(d=value, month=value.strftime("%B")))
    return markdown.rstrip("\n") + "\n\n" + line.strip() + "\n"
