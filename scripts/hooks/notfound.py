"""MkDocs hook: one 404 page for every language (GitHub Pages serves only the root 404.html).

mkdocs-static-i18n builds the languages one after the other into the same folder, and each build
writes 404.html: the last language's page won, with its menu and header, and a language selector left
over from another page. This hook:

- lets only the default language's build write 404.html (a template that renders empty is skipped);
- gives overrides/404.html the data it needs to show itself in the reader's language: each language's
  root address, site name, copyright, menu titles, interface text (overrides/locales/) and
  Material's search messages (`lh_languages`; scripts/hooks/strings.py adds `lh_default_language`);
- points the language selector of the 404 page at each language's home page.
"""

from __future__ import annotations

import languages as lh
import uistrings
from mkdocs.plugins import event_priority


@event_priority(-200)  # after mkdocs-static-i18n (-100), which sets the language's config
def on_template_context(context, template_name, config):
    i18n = lh.i18n(config)
    if template_name != "404.html" or i18n is None:
        return context
    root = lh.site_root(config)
    default = i18n.default_language
    languages = []
    for lang in i18n.config.languages:
        if not lang.build:
            continue
        languages.append({
            "locale": lang.locale,
            "name": lang.name,
            "root": root if lang.locale == default else f"{root}{lang.locale}/",
            "site_name": lang.site_name or config.site_name,
            "copyright": lang.copyright or config.copyright,
            "nav": dict(lang.nav_translations or {}),
            "strings": uistrings.load(lh.project_root(config), lang.locale),
        })
    context["lh_languages"] = languages
    config.extra["alternate"] = [{"name": lang["name"], "link": lang["root"], "lang": lang["locale"]}
                                 for lang in languages]
    return context


def on_post_template(output_content, template_name, config):
    """Only the default language writes 404.html."""
    i18n = lh.i18n(config)
    if template_name == "404.html" and i18n is not None and not i18n.is_default_language_build:
        return ""
    return output_content
