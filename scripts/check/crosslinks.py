"""Links from a page to a page of another language: `report.en.md#id` or `../en/report/#id`.

MkDocs builds one language at a time, so it cannot resolve either spelling and reports both like a
broken link, without looking at the section. The target page and its section are checked here, in
the target language; `scripts/hooks/crosslinks.py` turns the file spelling into the page's address.
"""

from __future__ import annotations

from pathlib import Path

from scripts.hooks.pagetext import cross_language_target

from .pages import Link, Page, Site
from .problems import Problem
from .settings import Settings

LANGUAGE_NAMES = {"ja": "Japanese", "en": "English"}


def cross_language(page: Page, link: Link | str, settings: Settings) -> tuple[str, str, str] | None:
    """(language, slug, fragment) if the link leads to another language's page, else None."""
    target = link.target if isinstance(link, Link) else link
    return cross_language_target(page.slug, page.lang, target, settings.languages, settings.default_language)


def check_cross_language_links(site: Site, settings: Settings) -> list[Problem]:
    """A link to another language's page leads to an existing page and section of that language."""
    problems = []
    for page in site.all_pages():
        for link in page.links:
            found = cross_language(page, link, settings)
            if found is None:
                continue
            lang, slug, fragment = found
            name = LANGUAGE_NAMES.get(lang, lang)
            target = site.pages.get(slug, {}).get(lang)
            if target is None:
                problems.append(Problem(page.rel, link.line, f"link to '{link.target}': there is no {name} page '{slug}'",
                                        f"link to an existing page of the {name} site, e.g. `report.{lang}.md#section-id`", target=link.target))
            elif fragment and fragment not in target.anchors():
                same = site.pages.get(slug, {}).get(page.lang)
                note = f" ({Path(same.rel).name} has it at line {same.heading_line(fragment)})" if same and same.heading_line(fragment) else ""
                problems.append(Problem(page.rel, link.line, f"link to '{link.target}'",
                                        f"no such section in {Path(target.rel).name}{note}; link to a section that exists in the {name} page",
                                        target=link.target))
    return problems
