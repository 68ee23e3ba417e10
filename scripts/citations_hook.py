"""MkDocs hook: `[[R-9]]` markers become numbered citations, and each page's sources list is generated.

Pages cite the fact base (`facts/*.yml`, read by scripts/factbase.py) by id: `…です[[R-9]]。`,
`… as of August 2026.[[R-9, L-6]]`. Each marker outside code becomes a superscript number linking to
the page's sources list; numbers follow the order of first citation. The list is written under the
page's last section (`## 出典 {#sources}` / `## Sources {#sources}`), in the page's language, from the
cited facts (scripts/factmarkdown.py). The fact sheet (docs/facts.<lang>.md) gets its table of
platform rules and its list of facts where it has the lines `<!-- facts:platform-table -->` and
`<!-- facts:list -->`.

What the checker fails on (scripts/check/facts.py) is also logged here as a warning, so that
`mkdocs build --strict` and `scripts/serve` stop on an unknown or unverified fact too.
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

log = logging.getLogger("mkdocs.hooks.citations")

SHEET_MARKERS = {"<!-- facts:platform-table -->": "table", "<!-- facts:list -->": "list"}
SOURCES_HEADING = re.compile(r"^#{2}\s.*\{[^}]*#sources[\s}]")
ANY_HEADING = re.compile(r"^#{1,6}\s")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)(?:---|\.\.\.)[ \t]*\n", re.DOTALL)

_base = factbase.FactBase()


def on_config(config):
    """Read and validate the fact base once per build; every defect is a warning (an error with --strict)."""
    global _base
    _base = factbase.load(Path(config.config_file_path).parent)
    for error in _base.errors:
        log.warning(str(error))
    return config


def _locale(page, config) -> str:
    return getattr(page.file, "locale", None) or config.theme.get("language", "en")


def _body_offset(page) -> int:
    """How many lines of the source file come before the Markdown MkDocs hands to hooks (the front matter)."""
    try:
        source = page.file.content_string
    except (OSError, AttributeError):
        return 0
    match = FRONT_MATTER.match(source)
    if not match:
        return 0
    rest = source[match.end():]
    return match.group(0).count("\n") + len(rest) - len(rest.lstrip("\n"))  # MkDocs strips the blank lines too


def _page_file(file, locale: str) -> str | None:
    """`report.md` for the page file `report.<locale>.md` (the link form mkdocs-static-i18n resolves)."""
    suffix = f".{locale}.md"
    return file.src_uri[: -len(suffix)] + ".md" if file.src_uri.endswith(suffix) else None


def _relative(target: str, page) -> str:
    start = posixpath.dirname(page.file.src_uri) or "."
    return posixpath.relpath(target, start)


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
        text = file.content_string
        match = FRONT_MATTER.match(text)
        try:
            meta = (yaml.safe_load(match["yaml"]) if match else None) or {}
        except yaml.YAMLError:
            meta = {}  # the page's own build reports it
        if not isinstance(meta, dict):
            meta = {}
        title = str(meta.get("title") or target)
        for fact_id in dict.fromkeys(i for m in factbase.markers(text.splitlines()) for i in m.ids):
            result.setdefault(fact_id, []).append((title, _relative(target, page)))
    return result


def _insert_sources(lines: list[str], generated: str) -> list[str]:
    """Put the generated list at the end of the `#sources` section (after anything written there by hand)."""
    code = factbase.code_lines(lines)
    heading = next((i for i in range(len(lines) - 1, -1, -1) if i not in code and SOURCES_HEADING.match(lines[i])), None)
    if heading is None:
        return lines
    end = next((i for i in range(heading + 1, len(lines)) if i not in code and ANY_HEADING.match(lines[i])), len(lines))
    return lines[:end] + ["", generated, ""] + lines[end:]


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Number the page's citations, fill its sources list, and fill the fact sheet's table and list."""
    locale = _locale(page, config)
    lines = markdown.split("\n")
    offset = _body_offset(page)
    found = factbase.markers(lines, first_line=offset + 1)
    rel = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    for error in factbase.unknown_citations(rel, found, _base) + factbase.unverified_citations(rel, found, _base):
        log.warning(str(error))
    numbering = factmarkdown.Numbering()
    lines = factmarkdown.replace_markers(lines, found, _base, numbering, locale, first_line=offset + 1)
    sheet_href = _sheet_href(page, files, locale)
    if any(line.strip() in SHEET_MARKERS for line in lines):
        cited_on = _cited_on(page, files, locale)
        generated = {
            "table": factmarkdown.platform_table(_base, locale),
            "list": factmarkdown.fact_list(_base, locale, cited_on, dt.date.today()),
        }
        lines = [generated[SHEET_MARKERS[line.strip()]] if line.strip() in SHEET_MARKERS else line for line in lines]
        if not numbering.order:
            lines = _insert_sources(lines, factmarkdown.labels(locale)["sheet_sources"])
    if numbering.order:
        lines = _insert_sources(lines, factmarkdown.sources_list(numbering, _base, locale, sheet_href))
    return "\n".join(lines)
