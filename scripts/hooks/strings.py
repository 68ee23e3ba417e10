"""MkDocs hook: every template gets the interface text of the language being built.

Templates read `lh` (overrides/locales/<lang>.yml), `lh_default_language`, `lh_og_locales`
({lang: og:locale}) and `lh_templates` ({lang: templates}, the message templates' placeholders and markers), `lh_all` ({lang: text}); main.html hands `lh.script` to the site's JavaScript as JSON. The palette
toggles of mkdocs.yml's `theme.palette` are named from `lh.palette`, in the same order.
"""

from __future__ import annotations

import languages
import uistrings
from mkdocs.plugins import event_priority


def _add(context, config):
    root = languages.project_root(config)
    strings = uistrings.load(root, languages.current_language(config))
    context["lh"] = strings
    context["lh_default_language"] = languages.default_language(config)
    plugin = config.plugins.get("i18n")
    codes = [lang.locale for lang in plugin.config.languages if lang.build] if plugin else [languages.current_language(config)]
    context["lh_og_locales"] = {code: uistrings.load(root, code)["og_locale"] for code in codes}
    # The message templates' words of every language: a page holds templates in both (template-form.js).
    context["lh_templates"] = {code: uistrings.load(root, code)["templates"] for code in codes}
    # Every language's interface text: the one 404 page shows itself in the reader's language.
    context["lh_all"] = {code: uistrings.load(root, code) for code in codes}
    for scheme, name in zip(config.theme.get("palette") or [], strings.get("palette", [])):
        scheme.setdefault("toggle", {})["name"] = name
    return context


@event_priority(-200)  # after mkdocs-static-i18n (-100), which sets the language being built
def on_page_context(context, page, config, nav):
    """Interface text for a page's templates."""
    return _add(context, config)


@event_priority(-200)
def on_template_context(context, template_name, config):
    """Interface text for the theme's own pages (404.html)."""
    return _add(context, config)
