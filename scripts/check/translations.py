"""Translations cannot silently fall behind the Japanese pages.

Every translated page records in its front matter the commit of the Japanese page it was last
brought up to date with: `translated_from: <commit>`. A section whose Japanese text changed since that
commit (compared section by section, by heading id) is an error, so a pull request that changes the
Japanese page also updates the translation. To publish a translation that is knowingly behind, list
the section ids under `translation_pending:` in its front matter: the checker then accepts them and
the built page shows a notice on each of them (`scripts/hooks/translation.py` adds the notices to
every stale section, listed or not).

After updating a translation, commit the Japanese page first, then record its commit with
`python -m scripts.check.translations docs/<slug>.<lang>.md` (or with no argument: every translated
page with no section behind).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from scripts.hooks.history import HistoryError, is_git_root, is_modified, last_commit, then_and_now
from scripts.hooks.pagetext import changed_sections, original_of, parse

from .pages import Page, Site, load_site
from .problems import Problem
from .settings import Settings, load_settings

KEY = "translated_from"
PENDING = "translation_pending"
COMMAND = ".venv/bin/python -m scripts.check.translations"


def _original(page: Page, site: Site, settings: Settings) -> Page | None:
    return site.pages.get(page.slug, {}).get(settings.default_language)


def check_translations_current(site: Site, settings: Settings) -> list[Problem]:
    """No section of a translated page is behind its Japanese section, unless listed as pending."""
    if not is_git_root(settings.root):
        return []  # no history to compare with (e.g. a copy of the pages outside git)
    problems = []
    for page in site.all_pages():
        original = _original(page, site, settings)
        if page.lang == settings.default_language or original is None or not page.front_matter_lines:
            continue
        commit = page.front_matter.get(KEY)
        line = page.front_matter_lines.get(KEY, 2)
        if commit is None or not str(commit).strip():
            problems.append(Problem(page.rel, 1, f"front matter has no '{KEY}'",
                                    f"translate {Path(original.rel).name} as it is committed, then run `{COMMAND} {page.rel}`"))
            continue
        try:
            stale = changed_sections(*then_and_now(settings.root, original.rel, str(commit)))
        except (HistoryError, OSError) as error:
            problems.append(Problem(page.rel, line, f"{KEY} cannot be compared: {error}",
                                    "fetch the whole history (`git fetch --unshallow`); if the commit is gone (squash merge), "
                                    f"compare the pages by hand and then run `{COMMAND} {page.rel}`"))
            continue
        pending = page.front_matter.get(PENDING) or []
        pending = [str(item) for item in pending] if isinstance(pending, list) else [str(pending)]
        for section in stale:
            if section in pending:
                continue
            problems.append(Problem(
                page.rel, page.heading_line(section) or line,
                f"section '#{section}' is behind the Japanese page: {Path(original.rel).name} changed it since {KEY} {commit}",
                f"read `git diff {commit} -- {original.rel}`, update the section and run `{COMMAND} {page.rel}`; "
                f"or publish it with a notice by adding '{section}' to `{PENDING}:` in the front matter",
                target=section,
            ))
        for section in pending:
            if section not in stale:
                problems.append(Problem(page.rel, page.front_matter_lines.get(PENDING, line),
                                        f"'{section}' is listed in {PENDING} but is not behind the Japanese page",
                                        f"remove it from `{PENDING}:`"))
    return problems


def record(page_path: Path, settings: Settings) -> str:
    """Write the current commit of the page's Japanese original into its front matter; return it."""
    rel = settings.relative(page_path)
    lang = next((lang for lang in settings.languages if rel.endswith(f".{lang}.md")), None)
    if lang is None or lang == settings.default_language:
        raise SystemExit(f"{rel}: not a translated page (docs/<slug>.<lang>.md, not .{settings.default_language}.md)")
    original = original_of(rel, lang, settings.default_language)
    if is_modified(settings.root, original):
        raise SystemExit(f"{original} has changes that are not committed: commit them first, so that the translation refers to a commit")
    commit = last_commit(settings.root, original)
    text = parse(page_path.read_text(encoding="utf-8"))
    if text.front_matter is None or not text.front_matter_closed:
        raise SystemExit(f"{rel}: no front matter")
    head = [line for line in text.front_matter if not re.match(rf"{KEY}\s*:", line)] + [f"{KEY}: {commit}"]
    body = text.lines[text.body_start - 1:]  # from the closing `---`
    page_path.write_text("\n".join(["---", *head, *body]) + "\n", encoding="utf-8")
    return commit


def main(argv: list[str]) -> int:
    """`python -m scripts.check.translations [docs/<slug>.<lang>.md …]`: record the synced commit."""
    settings = load_settings(Path.cwd())
    if argv:
        paths = [Path(arg).resolve() for arg in argv]
    else:
        site = load_site(settings)
        behind = {problem.path for problem in check_translations_current(site, settings) if problem.target}  # a section behind
        paths = [page.path for page in site.all_pages() if page.lang != settings.default_language and page.rel not in behind]
    for path in paths:
        print(f"{settings.relative(path)}: {KEY} {record(path, settings)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
