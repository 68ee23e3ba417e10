"""What the tests know about the real project, read from its configuration (the checker's settings)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from scripts.check.settings import load_settings

PROJECT = Path(__file__).resolve().parent.parent
SETTINGS = load_settings(PROJECT)  # mkdocs.yml: the site's address and its languages
SITE_URL = SETTINGS.site_url
BASE_PATH = urlsplit(SITE_URL).path
LANGUAGES = SETTINGS.languages
# Page slugs, from the default language's sources (docs/<slug>.ja.md, docs/facts/<group>.ja.md as
# "facts/<group>"); "index" is the home page.
SLUGS = sorted(p.relative_to(PROJECT / "docs").as_posix().removesuffix(f".{SETTINGS.default_language}.md")
               for p in (PROJECT / "docs").rglob(f"*.{SETTINGS.default_language}.md"))
ALL_PAGES = [(slug, lang) for lang in LANGUAGES for slug in SLUGS]


def page_path(slug: str, lang: str) -> str:
    """The path of a page under the site root, e.g. 'en/misuse/' ('' for the Japanese home page)."""
    prefix = "" if lang == SETTINGS.default_language else f"{lang}/"
    return prefix if slug == "index" else f"{prefix}{slug}/"
