"""The site rules the checker adds to MkDocs' own link validation: one function per rule.

MkDocs (`validation` in mkdocs.yml) and lychee already check that links and anchors resolve; they
know nothing of this site's two languages or of its editorial rules, so those are written here.
Each rule takes the parsed site and the settings and returns its problems; `RULES` gives each one
its stable id (`LH0xx`, listed in CONTRIBUTING.md). A new rule is one function (here, or in a module
of its family such as published.py), one line in `RULES` with the next free id, one row in
CONTRIBUTING.md's table, and one test in tests/test_check.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from .facts import (check_cited_facts_exist, check_corrected_not_cited, check_fact_base, check_outside_links_are_sources,
                    check_stale_facts, check_uncited_facts, check_unverified_not_cited)
from .pages import Heading, Page, Site, as_date
from .problems import Problem
from .published import check_published
from .settings import Settings
from .translations import check_translations_current

KEBAB_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE_NAMES = {"ja": "Japanese", "en": "English"}


def _language(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def _suggest_id(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words) or "section-name-in-english"


def check_language_suffix(site: Site, settings: Settings) -> list[Problem]:
    """Every page file names its language: `name.ja.md`, `name.en.md`."""
    suffixes = " and ".join(f"`.{lang}.md`" for lang in settings.languages)
    return [
        Problem(rel, 1, "page file has no language suffix", f"rename it to end in {suffixes}, one file per language")
        for rel in site.unsuffixed
    ]


def check_translations_exist(site: Site, settings: Settings) -> list[Problem]:
    """Every page exists in every language."""
    problems = []
    for slug, versions in sorted(site.pages.items()):
        for lang in settings.languages:
            if lang in versions or (slug, lang) in site.unreadable:
                continue
            source = versions.get(settings.default_language) or next(iter(versions.values()))
            missing = Path(source.rel).with_name(Path(source.rel).name.replace(f".{source.lang}.md", f".{lang}.md"))
            problems.append(Problem(
                source.rel, 1,
                f"page '{slug}' has no {_language(lang)} version: {missing.as_posix()} is missing",
                f"add {missing.name}, translated from {Path(source.rel).name}, with the same section ids in the same order",
            ))
    return problems


def check_heading_ids(site: Site, settings: Settings) -> list[Problem]:
    """Every heading has an explicit, lowercase-kebab ASCII id, used once per page."""
    problems = []
    for page in site.all_pages():
        first_seen: dict[str, int] = {}
        for heading in page.headings:
            if heading.id is None:
                problems.append(Problem(
                    page.rel, heading.line, f"heading '{heading.label()}' has no explicit id",
                    f"add one, e.g. `{heading.label()} {{#{_suggest_id(heading.text)}}}` (English words, the same id in every language)",
                ))
                continue
            if not KEBAB_ID.match(heading.id):
                problems.append(Problem(
                    page.rel, heading.line, f"id '{heading.id}' is not lowercase-kebab ASCII",
                    f"use lowercase English words joined by hyphens, e.g. '{_suggest_id(heading.id)}'",
                ))
            if heading.id in first_seen:
                problems.append(Problem(
                    page.rel, heading.line, f"id '{heading.id}' is used twice on this page (first at line {first_seen[heading.id]})",
                    "give each section its own id",
                ))
            else:
                first_seen[heading.id] = heading.line
    return problems


def _where(page: Page, heading: Heading | None) -> str:
    if heading is None:
        return f"{Path(page.rel).name} has nothing more (ends at its last heading)"
    return f"{Path(page.rel).name}:{heading.line} has '{'#' * heading.level} #{heading.id}'"


def check_parity(site: Site, settings: Settings) -> list[Problem]:
    """Both languages of a page have the same heading ids, in the same order, at the same levels."""
    problems = []
    for original, page in site.translations(settings.default_language):
        ours = [h for h in page.headings if h.id]
        theirs = [h for h in original.headings if h.id]
        for index in range(max(len(ours), len(theirs))):
            mine = ours[index] if index < len(ours) else None
            other = theirs[index] if index < len(theirs) else None
            if mine and other and (mine.id, mine.level) == (other.id, other.level):
                continue
            line = mine.line if mine else (ours[-1].line if ours else 1)
            problems.append(Problem(
                page.rel, line,
                f"sections part from the {_language(original.lang)} page here: {_where(page, mine)}, {_where(original, other)}",
                f"give both languages the same section ids, in the same order, at the same levels (the {_language(original.lang)} page leads)",
            ))
            break
    return problems


def check_front_matter(site: Site, settings: Settings) -> list[Problem]:
    """Front matter has title, description and last_reviewed (an ISO date, not in the future)."""
    problems = []
    today = dt.date.today()
    for page in site.all_pages():
        if not page.front_matter and not page.front_matter_lines:
            continue  # no or broken front matter is already reported where it was read
        for key in settings.required_front_matter:
            value = page.front_matter.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                problems.append(Problem(page.rel, page.front_matter_lines.get(key, 1), f"front matter has no '{key}'", f"add `{key}: …` to the front matter"))
        reviewed = page.front_matter.get("last_reviewed")
        if reviewed is None:
            continue
        line = page.front_matter_lines.get("last_reviewed", 1)
        date = as_date(reviewed)
        if date is None:
            problems.append(Problem(page.rel, line, f"last_reviewed '{reviewed}' is not a date", "write the date of the last review as YYYY-MM-DD"))
        elif date > today:
            problems.append(Problem(page.rel, line, f"last_reviewed {date.isoformat()} is in the future", f"write the date the page was actually reviewed (today is {today.isoformat()})"))
    return problems


def check_ends_with_sources(site: Site, settings: Settings) -> list[Problem]:
    """The last section of every page is its list of sources."""
    problems = []
    wanted = settings.last_section_id
    for page in site.all_pages():
        sections = [h for h in page.headings if h.level == 2]
        if sections and sections[-1].id == wanted:
            continue
        line = sections[-1].line if sections else 1
        problems.append(Problem(page.rel, line, f"the page does not end with the '#{wanted}' section", f"end it with `## … {{#{wanted}}}` listing the sources the page uses"))
    return problems


def check_forbidden_links(site: Site, settings: Settings) -> list[Problem]:
    """No link to a model page on a model-sharing site (patterns in pyproject.toml)."""
    problems = []
    for page in site.all_pages():
        for link in page.links:
            if any(pattern.search(link.target) for pattern in settings.forbidden_links):
                problems.append(Problem(
                    page.rel, link.line, f"link to a model page on a model-sharing site: {link.target}",
                    "never link to a model, a LoRA or a download; link to the platform's report or help page instead",
                ))
    return problems


Rule = Callable[[Site, Settings], list[Problem]]
# The registry: a stable id per rule (never reused), in the order the rules run. LH000 is a page that
# cannot be read (pages.py); LH020/LH021 are the build's link checks (built.py), LH030 --external.
RULES: tuple[tuple[str, Rule], ...] = (
    ("LH001", check_language_suffix),
    ("LH002", check_translations_exist),
    ("LH003", check_heading_ids),
    ("LH004", check_parity),
    ("LH005", check_front_matter),
    ("LH006", check_ends_with_sources),
    ("LH007", check_forbidden_links),
    ("LH008", check_published),
    ("LH009", check_translations_current),
    ("LH010", check_fact_base),
    ("LH011", check_cited_facts_exist),
    ("LH012", check_unverified_not_cited),
    ("LH013", check_outside_links_are_sources),
)
# Reported on standard error and never failing the default run (scripts/check/facts.py says why):
# (id, kind, rule). `--stale-facts-fail` makes LH014 fail like the rules above.
ADVISORIES: tuple[tuple[str, str, Rule], ...] = (
    ("LH014", "warning", check_stale_facts),
    ("LH015", "warning", check_corrected_not_cited),
    ("LH016", "note", check_uncited_facts),
)


def run_rules(site: Site, settings: Settings) -> list[Problem]:
    """Run every rule over the parsed site; each problem carries its rule's id."""
    problems = list(site.problems)
    for rule_id, rule in RULES:
        problems += [replace(problem, rule=rule_id) for problem in rule(site, settings)]
    return problems


def run_advisories(site: Site, settings: Settings) -> list[tuple[str, Problem]]:
    """Run the advisory rules; return (kind, problem) pairs, each problem carrying its rule's id."""
    return [(kind, replace(problem, rule=rule_id)) for rule_id, kind, rule in ADVISORIES for problem in rule(site, settings)]
