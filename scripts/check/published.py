"""Published addresses never break: the registry `published.json` and the rule that holds it.

`published.json` lists every page (by slug) and every section id the site has published. Once
there, an address must keep working:

- a page that is renamed or removed needs a redirect in mkdocs.yml (`redirects: redirect_maps:`,
  `old.md: new.md`, one line for both languages; `scripts/hooks/redirects.py` writes `/old/` and
  `/en/old/`);
- a section whose id changes keeps its old id as an empty anchor at the end of its heading:
  `## New title <a id="old-id"></a> {#new-id}` (links to `#old-id` still land on the heading).

Run `python -m scripts.check.published` after adding pages or sections, and commit the file: it
adds what is new and never removes anything.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from scripts.hooks.history import is_git_root

from .pages import Page, Site, load_site
from .problems import Problem
from .settings import Settings, load_settings

REGISTRY = "published.json"
COMMAND = ".venv/bin/python -m scripts.check.published"


def read_registry(root: Path) -> dict[str, list[str]] | None:
    """The registry as {slug: [section ids]}, or None when the project has none."""
    path = root / REGISTRY
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def current(site: Site, settings: Settings) -> dict[str, list[str]]:
    """Every page and section id the site has now (ids in the order of the default language)."""
    result = {}
    for slug, versions in sorted(site.pages.items()):
        page = versions.get(settings.default_language) or next(iter(versions.values()))
        result[slug] = [h.id for h in page.headings if h.id] + [a for h in page.headings for a in h.old_ids]
    return result


def merged(registry: dict[str, list[str]], now: dict[str, list[str]]) -> dict[str, list[str]]:
    """The registry with what is new added at the end of each page's list; nothing removed."""
    result = {slug: list(ids) for slug, ids in registry.items()}
    for slug, ids in now.items():
        known = result.setdefault(slug, [])
        known += [section for section in ids if section not in known]
    return dict(sorted(result.items()))


def _anchors(page: Page) -> set[str]:
    return {h.id for h in page.headings if h.id} | {a for h in page.headings for a in h.old_ids}


def _likely_line(page: Page, registered: list[str], missing: str) -> int:
    """The line of the heading that probably replaced `missing`: the one after its surviving predecessor."""
    ids = [h.id for h in page.headings]
    before = registered[: registered.index(missing)]
    for previous in reversed(before):
        if previous in ids:
            index = ids.index(previous) + 1
            return page.headings[index].line if index < len(page.headings) else page.headings[-1].line
    return page.headings[0].line if page.headings else 1


def _page_file(slug: str) -> str:
    return f"{slug}.md"


def check_published(site: Site, settings: Settings) -> list[Problem]:
    """Every published page and section still answers at its address (registry: published.json)."""
    if not is_git_root(settings.root) and not (settings.root / REGISTRY).exists():
        return []  # a bare folder of pages (not a project with history): nothing has been published
    try:
        registry = read_registry(settings.root)
    except (OSError, ValueError) as error:
        return [Problem(REGISTRY, 1, f"cannot read the registry ({error})", f"restore it from git, or run `{COMMAND}`")]
    if registry is None:
        return [Problem(REGISTRY, 1, "there is no registry of published pages and sections", f"run `{COMMAND}` and commit {REGISTRY}")]
    problems = []
    maps, maps_line = settings.redirect_maps, settings.redirect_maps_line
    for slug, ids in sorted(registry.items()):
        versions = site.pages.get(slug)
        if not versions:
            target = maps.get(_page_file(slug)) or maps.get(f"{slug}/index.md")
            if target is None:
                problems.append(Problem(
                    "mkdocs.yml", maps_line, f"published page '{slug}' no longer exists (its addresses /{slug}/ and /en/{slug}/ would break)",
                    f"keep the page, or add `{_page_file(slug)}: <new-page>.md` under `redirects: redirect_maps:` in mkdocs.yml",
                ))
            elif target.split("#", 1)[0].removesuffix(".md") not in site.pages and not target.startswith(("http://", "https://")):
                problems.append(Problem(
                    "mkdocs.yml", maps_line, f"the redirect of published page '{slug}' goes to '{target}', which does not exist",
                    "redirect it to an existing page, written without the language suffix (e.g. report.md)",
                ))
            continue
        for lang, page in sorted(versions.items()):
            present = _anchors(page)
            for section in ids:
                if section in present:
                    continue
                problems.append(Problem(
                    page.rel, _likely_line(page, ids, section),
                    f"published section '#{section}' no longer exists in {Path(page.rel).name}",
                    f"keep the id, or keep the old address working: end the heading that replaced it with "
                    f"`<a id=\"{section}\"></a>`, e.g. `## Title <a id=\"{section}\"></a> {{#new-id}}`",
                ))
    for slug, ids in current(site, settings).items():
        page = site.pages[slug].get(settings.default_language) or next(iter(site.pages[slug].values()))
        if slug not in registry:
            problems.append(Problem(page.rel, 1, f"page '{slug}' is not in {REGISTRY}", f"run `{COMMAND}` and commit {REGISTRY}"))
            continue
        for section in ids:
            if section not in registry[slug]:
                problems.append(Problem(page.rel, page.heading_line(section) or 1, f"section '#{section}' is not in {REGISTRY}",
                                        f"run `{COMMAND}` and commit {REGISTRY}"))
    return problems


def main(argv: list[str] | None = None) -> int:
    """Add the site's current pages and sections to published.json (never removes any)."""
    root = Path(argv[0] if argv else ".").resolve()
    settings = load_settings(root)
    site = load_site(settings)
    before = read_registry(root) or {}
    after = merged(before, current(site, settings))
    (root / REGISTRY).write_text(json.dumps(after, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    added = sum(len(ids) for ids in after.values()) - sum(len(ids) for ids in before.values())
    print(f"{REGISTRY}: {len(after)} pages, {sum(len(ids) for ids in after.values())} sections ({added} added)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
