"""Silent defects: Markdown that builds without a warning but shows readers broken text.

MkDocs reports none of these (a reference with no definition is printed as plain brackets, an unclosed
comment hides the rest of the page, a setext heading cannot carry an id), so each is one rule here,
read from the page's lines with `scripts/hooks/pagetext.py` (outside code fences, inline code removed).
Also the files beside the pages that a contributor edits: includes/ (glossary definitions) and
conflict markers left by a merge in any of the project's text files.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .pages import Page, Site, size_text
from .problems import Problem
from .settings import Settings

INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
REFERENCE_USE = re.compile(r"(?<![\]\\])\[(?P<text>[^\[\]]+)\]\[(?P<label>[^\[\]]*)\]")
FOOTNOTE_USE = re.compile(r"\[\^(?P<label>[^\]\s\[^]+)\](?!:)")
DEFINITION = re.compile(r"^\s{0,3}\[(?P<label>[^\]]+)\]:")
OPEN_LINK = re.compile(r"\]\((?P<target>[^()\s]*)(?:\s|$)(?![^()]*\))")
COMMENT_OPEN, COMMENT_CLOSE = "<!--", "-->"
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
NOT_PARAGRAPH = re.compile(r"^\s*(?:$|[-*+>|#<]|\d+[.)]\s|\*\[|\[\^?[^\]]*\]:|:::|!!!|\?\?\?|[=-]+\s*$)")
BARE_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
CONFLICT = re.compile(r"^(<{7}|>{7})(?: |$)")
ABBREVIATION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:[ \t]+\S")
OVERSIZE = "oversize"  # the target of a page-size problem: the build, which would take minutes, is skipped
NESTING_UNIT = 2  # spaces per list level that the depth count assumes (the narrowest list indent)


def _prose(page: Page) -> Iterator[tuple[int, str]]:
    """(line, text) of the page body outside code fences, with inline code spans blanked out."""
    if page.text is None:
        return
    for number, line in page.text.body():
        yield number, INLINE_CODE.sub(lambda match: " " * len(match.group(0)), line) if "`" in line else line


def _normal(label: str) -> str:
    return " ".join(label.lower().split())


def check_undefined_references(site: Site, settings: Settings) -> list[Problem]:
    """Every reference-style link `[text][label]` and footnote `[^label]` has its definition on the page."""
    problems = []
    for page in site.all_pages():
        lines = list(_prose(page))
        defined = {_normal(m["label"]) for _, line in lines if (m := DEFINITION.match(line))}
        for number, line in lines:
            if DEFINITION.match(line):
                continue
            for use in REFERENCE_USE.finditer(line):
                label = use["label"] or use["text"]
                if _normal(label) not in defined and not label.startswith("^"):
                    problems.append(Problem(page.rel, number, f"reference link [{use['text']}][{use['label']}] has no definition (readers see the brackets)",
                                            f"add a line `[{label}]: <address>` to the page, or write the link inline as [{use['text']}](<address>)"))
            for use in FOOTNOTE_USE.finditer(line):
                if _normal("^" + use["label"]) not in defined:
                    problems.append(Problem(page.rel, number, f"footnote [^{use['label']}] has no definition (readers see the brackets)",
                                            f"add a line `[^{use['label']}]: <the note>` at the end of the page, or remove the marker"))
    return problems


def check_unclosed_link_parenthesis(site: Site, settings: Settings) -> list[Problem]:
    """Every inline link `[text](target)` closes its parenthesis on the same line."""
    problems = []
    for page in site.all_pages():
        for number, line in _prose(page):
            if "](" in line and (match := OPEN_LINK.search(line)) and ")" not in line[match.start():]:
                problems.append(Problem(page.rel, number, f"link '{line[match.start() + 2:].strip()[:60]}' has no closing parenthesis (readers see the raw Markdown)",
                                        "close it: `[text](target)`"))
    return problems


def check_unclosed_comment(site: Site, settings: Settings) -> list[Problem]:
    """Every HTML comment `<!--` is closed by `-->`: an open one hides the rest of the page."""
    problems = []
    for page in site.all_pages():
        opened: int | None = None
        for number, line in _prose(page):
            position = 0
            while True:
                if opened is None:
                    start = line.find(COMMENT_OPEN, position)
                    if start < 0:
                        break
                    opened, position = number, start + len(COMMENT_OPEN)
                else:
                    end = line.find(COMMENT_CLOSE, position)
                    if end < 0:
                        break
                    opened, position = None, end + len(COMMENT_CLOSE)
        if opened is not None:
            problems.append(Problem(page.rel, opened, "HTML comment `<!--` is never closed: everything after it is hidden, sections included",
                                    "close it with `-->` where the note ends"))
    return problems


def check_setext_headings(site: Site, settings: Settings) -> list[Problem]:
    """No heading underlined with `===` or `---` (setext style): it cannot carry an explicit id."""
    problems = []
    for page in site.all_pages():
        previous: tuple[int, str] | None = None
        for number, line in _prose(page):
            if line.rstrip() == "=======" and previous is not None:
                previous = None  # the middle of a merge conflict (LH048), not an underline
                continue
            if previous and previous[0] == number - 1 and SETEXT_UNDERLINE.match(line) and not NOT_PARAGRAPH.match(previous[1]):
                level = 1 if line.strip()[0] == "=" else 2
                problems.append(Problem(page.rel, previous[0], f"heading '{previous[1].strip()[:60]}' is underlined (setext style), so it cannot carry an id",
                                        f"write it as `{'#' * level} {previous[1].strip()[:40]} {{#id}}` and delete the underline at line {number}"))
            previous = (number, line)
    return problems


def check_html_ids(site: Site, settings: Settings) -> list[Problem]:
    """No raw HTML `id` (e.g. `<a id="…">`) repeats a heading id or another id of the page."""
    problems = []
    for page in site.all_pages():
        seen = {h.id: h.line for h in page.headings if h.id}
        for anchor in page.html_ids:
            if anchor.target in seen:
                problems.append(Problem(page.rel, anchor.line, f"id '{anchor.target}' is already used on this page (line {seen[anchor.target]})",
                                        "remove this id or give it another name: links would land on the first one only"))
            else:
                seen[anchor.target] = anchor.line
    return problems


def check_empty_fragments(site: Site, settings: Settings) -> list[Problem]:
    """No link ends in an empty fragment (`page.md#`, `#`): it names no section."""
    return [
        Problem(page.rel, link.line, f"link '{link.target}' has an empty section name after '#'",
                f"name the section (`{link.target}section-id`) or remove the '#'", target=link.target)
        for page in site.all_pages() for link in page.links if link.target.endswith("#")
    ]


def check_local_addresses(site: Site, settings: Settings) -> list[Problem]:
    """No link to a local preview address (localhost, 127.0.0.1): it only works on the writer's computer."""
    problems = []
    for page in site.all_pages():
        for number, line in _prose(page):
            for match in (found for pattern in settings.local_addresses for found in pattern.finditer(line)):
                problems.append(Problem(page.rel, number, f"link to a local preview address ({match.group(0)}…), which works only on your computer",
                                        "link to the Markdown file instead, e.g. `report.md#before-you-report`", target=match.group(0)))
    return problems


def addresses(page: Page) -> Iterator[tuple[int, str]]:
    """Every address on the page, as readers' browsers would read it: links, HTML attributes, bare URLs.

    HTML entities and %-escapes are decoded, so `civitai&#46;com` or `%2Fmodels` hide nothing.
    """
    seen = set()
    found = [(link.line, link.target) for link in page.links]
    if page.text is not None:
        found += [(number, match.group(0).rstrip(".,;:!?)）」。、")) for number, line in page.text.body() for match in BARE_URL.finditer(html.unescape(line))]
    for number, target in found:
        decoded = unquote(html.unescape(target)).strip()
        if (number, decoded) not in seen:
            seen.add((number, decoded))
            yield number, decoded


def check_forbidden_links(site: Site, settings: Settings) -> list[Problem]:
    """No link to a model page or model download on a model-sharing site (patterns in pyproject.toml)."""
    problems = []
    for page in site.all_pages():
        for number, target in addresses(page):
            if any(pattern.search(target) for pattern in settings.forbidden_links):
                problems.append(Problem(
                    page.rel, number, f"link to a model page on a model-sharing site: {target}",
                    "never link to a model, a LoRA or a download; link to the platform's report or help page instead", target=target,
                ))
    return problems


def check_own_site_addresses(site: Site, settings: Settings) -> list[Problem]:
    """No absolute link to the site's own address: a relative link to the Markdown file is checked by the build."""
    if not settings.site_url:
        return []
    own = urlsplit(settings.site_url)
    problems = []
    for page in site.all_pages():
        for link in page.links:
            parts = urlsplit(link.target)
            if parts.netloc.lower() != own.netloc.lower() or not parts.path.startswith(own.path.rstrip("/") or "/"):
                continue
            rest = parts.path[len(own.path.rstrip("/")):].strip("/").split("/")
            if rest and rest[0] in settings.languages:
                rest = rest[1:]
            slug = "/".join(part for part in rest if part) or "index"
            suggestion = f"{slug}.md" + (f"#{parts.fragment}" if parts.fragment else "")
            problems.append(Problem(page.rel, link.line, f"absolute link to this site's own address {link.target}",
                                    f"link to the Markdown file instead (`{suggestion}`), so that the build checks it and it works offline", target=link.target))
    return problems


def _nesting(line: str) -> int:
    """How deep a line is nested: list levels by indentation and `>` quote levels."""
    stripped = line.lstrip(" \t")
    indent = len(line[: len(line) - len(stripped)].expandtabs(4))
    quotes = len(stripped) - len(stripped.lstrip("> "))
    return indent // NESTING_UNIT + stripped[:quotes].count(">")


def check_size_and_nesting(site: Site, settings: Settings) -> list[Problem]:
    """No page larger than max_page_bytes or nested deeper than max_nesting (MkDocs slows down or fails)."""
    problems = []
    for page in site.all_pages():
        if page.size > settings.max_page_bytes:
            problems.append(Problem(page.rel, 1, f"the page is {page.size:,} bytes, over the limit of {settings.max_page_bytes:,} bytes",
                                    "split it into several pages (max_page_bytes in pyproject.toml); the build is skipped until then", target=OVERSIZE))
        deepest = max(((_nesting(line), number) for number, line in _prose(page) if line.strip()), default=(0, 0))
        if deepest[0] > settings.max_nesting:
            problems.append(Problem(page.rel, deepest[1], f"lists or quotes are nested {deepest[0]} levels deep here (the limit is {settings.max_nesting})",
                                    "flatten the list: readers cannot follow it and MkDocs fails on very deep nesting"))
    return problems


def _project_text_files(settings: Settings) -> Iterator[Path]:
    root = settings.root
    yield from (root / name for name in ("mkdocs.yml", "pyproject.toml", "published.json"))
    for folder in (settings.docs_dir, root / "includes", root / "facts", settings.custom_dir):
        if folder is not None and folder.is_dir() and not folder.is_symlink():
            yield from (path for path in sorted(folder.rglob("*")) if path.suffix in (".md", ".yml", ".yaml", ".json", ".html", ".css", ".js"))


def check_conflict_markers(site: Site, settings: Settings) -> list[Problem]:
    """No merge-conflict marker (`<<<<<<<`, `>>>>>>>`) left in a page, the configuration or the registries."""
    problems = []
    for path in _project_text_files(settings):
        try:
            if path.is_symlink() or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if "<<<<<<<" not in text and ">>>>>>>" not in text:
            continue
        for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
            if CONFLICT.match(line):
                side = "start" if line.startswith("<") else "end"
                problems.append(Problem(settings.relative(path), number, f"merge-conflict marker ({side} of a conflict) left in the file",
                                        "keep the right version of the lines between `<<<<<<<`, `=======` and `>>>>>>>`, and delete the three marker lines"))
    return problems


def check_abbreviations(site: Site, settings: Settings) -> list[Problem]:
    """Every line of includes/abbreviations.<lang>.md is a definition `*[term]: explanation`.

    Any other line ends Python-Markdown's block of definitions, which then silently drops the
    tooltips of a whole page.
    """
    problems = []
    for lang in settings.languages:
        path = settings.root / "includes" / f"abbreviations.{lang}.md"
        try:
            lines = path.read_text(encoding="utf-8").lstrip("\ufeff").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, start=1):
            if line.strip() and not ABBREVIATION.match(line):
                problems.append(Problem(settings.relative(path), number, f"glossary definition is malformed: {line.strip()[:60]}",
                                        "write it as `*[term]: explanation` on one line (the whole page loses its term explanations otherwise)"))
    return problems


def check_extra_assets(site: Site, settings: Settings) -> list[Problem]:
    """Every file listed under extra_css / extra_javascript in mkdocs.yml exists (in docs/ or the theme folder)."""
    folders = [settings.docs_dir] + ([settings.custom_dir] if settings.custom_dir else [])
    return [
        Problem("mkdocs.yml", line, f"{name} is listed but does not exist in {' or '.join(settings.relative(f) + '/' for f in folders)}",
                "correct the name, or add the file", target=name)
        for name, line in settings.extra_assets
        if not any((folder / name).is_file() for folder in folders)
    ]
