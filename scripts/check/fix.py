"""`python -m scripts.check --fix`: repair what can be repaired without judgement, then check again.

- A heading of a translated page that has no id gets the id of the heading at the same position
  (and level) of the default language's page, which leads.
- `published.json` gets the pages and section ids that are new (as `python -m scripts.check.published`).

Everything else needs a person (a wrong id, a missing section, a broken link) and is only reported.
"""

from __future__ import annotations

import json
from pathlib import Path

from .pages import Site
from .published import REGISTRY, current, merged, read_registry
from .settings import Settings


def fix_heading_ids(site: Site, settings: Settings) -> list[str]:
    """Copy missing heading ids from the default language's page, by position; return what changed."""
    changes = []
    for original, page in site.translations(settings.default_language):
        lines = page.path.read_text(encoding="utf-8").split("\n")
        edited = False
        for mine, theirs in zip(page.headings, original.headings):
            if mine.id is None and theirs.id and mine.level == theirs.level:
                index = mine.line - 1
                lines[index] = f"{lines[index].rstrip()} {{#{theirs.id}}}"
                changes.append(f"{page.rel}:{mine.line}: added {{#{theirs.id}}} from {Path(original.rel).name}:{theirs.line}")
                edited = True
        if edited:
            page.path.write_text("\n".join(lines), encoding="utf-8")
    return changes


def fix_registry(site: Site, settings: Settings) -> list[str]:
    """Add the site's new pages and section ids to published.json; return what changed."""
    try:
        before = read_registry(settings.root)
    except (OSError, ValueError):
        return []  # a broken registry needs a person (restore it from git)
    if before is None:
        return []  # a project without a registry has not published anything yet
    after = merged(before, current(site, settings))
    if after == before:
        return []
    (settings.root / REGISTRY).write_text(json.dumps(after, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    added = [f"{slug}#{section}" for slug, ids in after.items() for section in ids if section not in before.get(slug, [])]
    return [f"{REGISTRY}: added {', '.join(added)}"]


FIXES = (fix_heading_ids, fix_registry)  # in this order: new ids first, then register them


def apply_fixes(site: Site, settings: Settings, reload) -> list[str]:
    """Run every fix, reloading the site after each one that changed files; return all changes."""
    changes = []
    for fix in FIXES:
        done = fix(site, settings)
        if done:
            changes += done
            site = reload(settings)
    return changes
