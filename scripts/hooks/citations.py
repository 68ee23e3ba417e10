"""MkDocs hook: `[[R-9]]` markers become numbered citations, and each page's sources list is generated.

Pages cite the fact base (`facts/*.yml`, read by factbase.py beside this file) by id: `…です[[R-9]]。`,
`… as of August 2026.[[R-9, L-6]]`. Each marker outside code becomes a superscript number linking to
the page's sources list; numbers follow the order of first citation. The list is written under the
page's last section (`## 出典 {#sources}` / `## Sources {#sources}`), in the page's language, from the
cited facts (factmarkdown.py; its words are `facts` in overrides/locales/<lang>.yml), each linked to its
entry on the fact sheet. The fact sheet is an overview (docs/facts.<lang>.md) and one page per group of
topics of facts/topics.yml (docs/facts/<group>.<lang>.md), filled where they have these lines:

- `<!-- facts:platform-table -->`: the table of platform rules and report routes;
- `<!-- facts:groups -->`: a list of the group pages, with their topics and how many facts each lists;
- `<!-- facts:list group=platforms -->`: the facts of one group, each under a heading with its anchor (`#r-9`).

A page with `<!-- facts:groups -->` also gets `lh_fact_pages` in its metadata: for each group page, its
address from this page and the anchors it holds, for the script in overrides/main.html that sends an
old address of a fact (`/facts/#r-9`, from before the facts had pages of their own) to its entry.

What the checker fails on (scripts/check/facts.py) is also logged here as a warning, in the checker's
`path:line: what — fix` form, so that `mkdocs build --strict` and `scripts/serve` stop on it too.
"""

from __future__ import annotations

import datetime as dt
import logging
import posixpath
import re
from pathlib import Path

import yaml

import factbase
import factmarkdown
import languages
import pagetext
import uistrings

log = logging.getLogger("mkdocs.hooks.citations")

SHEET_MARKER = re.compile(r"^<!-- facts:(?P<kind>platform-table|groups|list group=(?P<group>[a-z0-9-]+)) -->$")
SOURCES_ID = "sources"

_base = factbase.FactBase()


def on_config(config):
    """Read and validate the fact base once per build; every defect is a warning (an error with --strict)."""
    global _base
    _base = factbase.load(languages.project_root(config))
    for error in _base.errors:
        log.warning(str(error))
    return config


def _body_offset(page) -> int:
    """How many lines of the source file come before the Markdown MkDocs hands to hooks."""
    try:
        source = pagetext.parse(page.file.content_string)
    except (OSError, AttributeError):
        return 0
    rest = source.lines[source.body_start:]
    blank = next((i for i, line in enumerate(rest) if line), len(rest))
    return source.body_start + blank  # MkDocs drops the front matter and the blank lines after it


def _page_file(file, locale: str) -> str | None:
    """`report.md` for the page file `report.<locale>.md` (the link form mkdocs-static-i18n resolves)."""
    suffix = f".{locale}.md"
    return file.src_uri[: -len(suffix)] + ".md" if file.src_uri.endswith(suffix) else None


def _relative(target: str, page) -> str:
    return posixpath.relpath(target, posixpath.dirname(page.file.src_uri) or ".")


def _pages(files, locale: str) -> set[str]:
    """The page files of this language, as `facts/platforms.md` (without the language suffix)."""
    return {name for file in files.documentation_pages() if (name := _page_file(file, locale))}


def _fact_link(page, files, locale: str) -> factmarkdown.FactLink:
    """Where each fact's entry is, from this page: `#r-9` on its group's page, else a relative link; None if that page is missing."""
    pages = _pages(files, locale)
    here = _page_file(page.file, locale)

    def link(fact_id: str) -> str | None:
        group = _base.group_of(fact_id)
        if group is None or group.page not in pages:
            return None
        anchor = _base.facts[fact_id].anchor()
        return f"#{anchor}" if group.page == here else f"{_relative(group.page, page)}#{anchor}"

    return link


def _fact_pages(page, files, locale: str) -> dict[str, list[str]]:
    """For each group page of this language, its address relative to this page's and the anchors it lists."""
    by_name = {_page_file(file, locale): file for file in files.documentation_pages()}
    result = {}
    for group in _base.groups.values():
        file = by_name.get(group.page)
        if file is None:
            continue
        address = posixpath.relpath(file.url or ".", page.file.url or ".")
        topics = factmarkdown.group_topics(_base, group.id)
        anchors = [topic.anchor() for topic, _ in topics] + [f.anchor() for _, facts in topics for f in facts]
        result[address.rstrip("/") + "/" if address != "." else "./"] = anchors
    return result


def _cited_on(page, files, locale: str) -> dict[str, list[tuple[str, str]]]:
    """For each fact, the pages of this language that cite it, as (title, link from the fact sheet)."""
    result: dict[str, list[tuple[str, str]]] = {}
    for file in files.documentation_pages():
        target = _page_file(file, locale)
        if target is None or target == factbase.FACT_SHEET or target in {g.page for g in _base.groups.values()}:
            continue
        text = pagetext.parse(file.content_string)
        try:
            meta = yaml.safe_load("\n".join(text.front_matter or [])) or {}
        except yaml.YAMLError:
            meta = {}  # the page's own build reports it
        title = str(meta.get("title") or target) if isinstance(meta, dict) else target
        cited = factbase.markers(text.lines, text.code_lines, start=text.body_start)
        for fact_id in dict.fromkeys(fact_id for marker in cited for fact_id in marker.ids):
            result.setdefault(fact_id, []).append((title, _relative(target, page)))
    return result


def _insert_sources(lines: list[str], generated: str) -> list[str]:
    """Put the generated list at the end of the `#sources` section (after anything written there by hand)."""
    headings = pagetext.parse("\n".join(lines), front_matter=False).headings
    sources = next((h for h in reversed(headings) if h.id == SOURCES_ID), None)
    if sources is None:
        return lines
    end = next((h.line - 1 for h in headings if h.line > sources.line), len(lines))
    return lines[:end] + ["", generated, ""] + lines[end:]


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Number the page's citations, fill its sources list, and fill the fact sheet's table, list of pages and lists of facts."""
    locale = languages.page_locale(page, config)
    strings = uistrings.load(languages.project_root(config), locale)
    text = pagetext.parse(markdown, front_matter=False)
    lines, offset = text.lines, _body_offset(page)
    found = factbase.markers(lines, text.code_lines, line_offset=offset)
    rel = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    for error in factbase.unknown_citations(rel, found, _base) + factbase.unverified_citations(rel, found, _base):
        log.warning(str(error))
    numbering = factmarkdown.Numbering()
    lines = factmarkdown.replace_markers(lines, found, _base, numbering, strings, line_offset=offset)
    link = _fact_link(page, files, locale)
    sheet = [None if index in text.code_lines else SHEET_MARKER.match(line.strip()) for index, line in enumerate(lines)]
    if any(sheet):
        generated = []
        for index, (line, match) in enumerate(zip(lines, sheet)):
            if match is None:
                generated.append(line)
            elif match["kind"] == "platform-table":
                generated.append(factmarkdown.platform_table(_base, locale, strings, link))
            elif match["kind"] == "groups":
                pages = _pages(files, locale)
                generated.append(factmarkdown.group_list(_base, locale, strings,
                                                         lambda group: _relative(group.page, page) if group.page in pages else None))
                page.meta["lh_fact_pages"] = _fact_pages(page, files, locale)
            elif match["group"] in _base.groups:
                generated.append(factmarkdown.fact_list(_base, match["group"], locale, strings, _cited_on(page, files, locale),
                                                        dt.date.today(), link))
            else:
                log.warning(f"{rel}:{index + 1 + offset}: {line.strip()} names no group of facts/{factbase.TOPICS_FILE} — "
                            f"use one of: {', '.join(_base.groups) or 'none (add groups to facts/topics.yml)'}")
                generated.append(line)
        lines = "\n".join(generated).split("\n")  # one line per item again, for the heading search below
        if not numbering.order:
            overview = not any(match and match["group"] for match in sheet)  # no facts of its own: they are on the group pages
            lines = _insert_sources(lines, strings["facts"]["overview_sources" if overview else "sheet_sources"])
    if numbering.order:
        lines = _insert_sources(lines, factmarkdown.sources_list(numbering, _base, locale, strings, link))
    return "\n".join(lines) + "\n"
