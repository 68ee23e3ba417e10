"""Which language a build or a page is in, asked of mkdocs-static-i18n in one place for every hook."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit


def i18n(config):
    """The i18n plugin while it builds a language, or None (plugin absent, or not building yet)."""
    plugin = config.plugins.get("i18n")
    if plugin is None or not getattr(plugin, "current_language", None):
        return None
    return plugin


def page_locale(page, config) -> str:
    """The language of a page: i18n's file locale, else the theme's language."""
    return getattr(page.file, "locale", None) or config.theme.get("language", "en")


def project_root(config) -> Path:
    """The folder of mkdocs.yml."""
    return Path(config.config_file_path).parent


def site_root(config) -> str:
    """The site's path, '/lora-harms/' for https://lora-harms.github.io/lora-harms/."""
    return (urlsplit(config.site_url or "/").path.rstrip("/") or "") + "/"


def current_language(config) -> str:
    """The language being built: i18n's current language, else the theme's language."""
    plugin = i18n(config)
    return plugin.current_language if plugin is not None else config.theme.get("language", "en")


def default_language(config) -> str:
    """The default language (served at the site root)."""
    plugin = config.plugins.get("i18n")
    return plugin.default_language if plugin is not None else config.theme.get("language", "en")


def render_partial(config, name: str, **context) -> str:
    """Render one of the theme's partials (overrides/partials/…) with `context`: markup stays in templates."""
    return config.theme.get_env().get_template(name).render(**context)
