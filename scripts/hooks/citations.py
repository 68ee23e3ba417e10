"""MkDocs hook: `[[R-9]]` markers become numbered citations, and each page's sources list is generated.

Pages cite the fact base (`facts/*.yml`, read by factbase.py beside this file) by id: `…です[[R-9]]。`,
`… as of August 2026.[[R-9, L-6]]`. Each marker outside code becomes a superscript number linking to
the page's sources list; numbers follow the order of first citation. The list is written under the
page's last section (`## 出典 {#sources}` / `## Sources {#sources}`), in the page's language, from the
cited facts (factmarkdown.py; its words are `facts` in overrides/locales/<lang>.yml). The fact sheet
(docs/facts.<lang>.md) gets its table of platform rules and its list of facts where it has the lines
`<!-- facts:platform-table -->` and `<!-- facts:list -->`.

What the checker fails on (scripts/check/facts.py) is also logged here as a warning, in the checker's
`path:line: what — fix` form, so that `mkdocs build --strict` and `scripts/serve` stop on it too.
"""

from __future__ import annotations

import datetime as dt
import logging
import posixpath
from pathlib import Path

import yaml

import factbase
import factmarkdown
import languages
import pagetext
import uistrings

log = logging.getLogger("mkdocs.hooks.citations")

SHEET_MARKERS = {"<!-- facts:platform-table -->": "table", "<!-- facts:list -->": "list"}
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


def _sheet_href(page, files, locale: str) -> str | None:
    """The link from this page to the fact sheet, '' on the sheet itself, or None when the site has none."""
    if not any(_page_file(file, locale) == factbase.FACT_SHEET for file in files.documentation_pages()):
        return None
    if _page_file(page.file, locale) == factbase.FACT_SHEET:
        return ""
    return _relative(factbase.FACT_SHEET, page)


def _cited_on(page, files, locale: str) -> dict[str, list[tuple[str, str]]]:
    """For each fact, the pages of this language that cite it, as (title, link from the fact sheet)."""
    result: dict[str, list[tuple[str, str]]] = {}
    for file in files.documentation_pages():
        target = _page_file(file, locale)
        if target is None or target == factbase.FACT_SHEET:
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
    """Number the page's citations, fill its sources list, and fill the fact sheet's table and list."""
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
    if any(line.strip() in SHEET_MARKERS for line in lines):
        generated = {
            "table": factmarkdown.platform_table(_base, locale, strings),
            "list": factmarkdown.fact_list(_base, locale, strings, _cited_on(page, files, locale), dt.date.today()),
        }
        lines = [generated[SHEET_MARKERS[line.strip()]] if line.strip() in SHEET_MARKERS else line for line in lines]
        lines = "\n".join(lines).split("\n")  # one line per item again, for the heading search below
        if not numbering.order:
            lines = _insert_sources(lines, strings["facts"]["sheet_sources"])
    if numbering.order:
        sheet = _sheet_href(page, files, locale)
        lines = _insert_sources(lines, factmarkdown.sources_list(numbering, _base, locale, strings, sheet))
    return "\n".join(lines) + "\n"
