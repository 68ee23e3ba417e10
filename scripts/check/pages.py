"""Reading the Markdown pages: front matter, headings with their ids, links, each with its line.

A page is `docs/<slug>.<lang>.md` (or `docs/<slug>/index.<lang>.md`). Parsing never raises on bad
input: what cannot be read becomes a `Problem` naming the file and line, and the page is skipped or
read as far as it can be.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.hooks import factbase
# The page syntax (front matter, fences, headings, ids) is defined once, in the hooks' library.
from scripts.hooks.pagetext import Heading, PageText, parse

from .problems import Problem

READ = "LH000"  # a page that cannot be read (encoding, front matter, unclosed fence)
from .settings import Settings

# Markdown inline links and images, reference definitions, autolinks and raw HTML href/src.
LINK_PATTERNS = (
    re.compile(r"\]\(\s*<?(?P<target>[^)\s>]+)"),
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(?P<target>\S+?)>?(?:\s|$)"),
    re.compile(r"<(?P<target>https?://[^>\s]+)>"),
    re.compile(r"\b(?:href|src)=\"(?P<target>[^\"]+)\""),
)


@dataclass(frozen=True)
class Link:
    """A link target as written in the Markdown, and its line."""

    target: str
    line: int


@dataclass
class Page:
    """One language version of one page."""

    path: Path
    rel: str
    slug: str
    lang: str
    front_matter: dict = field(default_factory=dict)
    front_matter_lines: dict[str, int] = field(default_factory=dict)
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    citations: list[factbase.Marker] = field(default_factory=list)

    def heading_line(self, heading_id: str) -> int | None:
        """Return the line of the heading with this id, or None if the page has no such section."""
        return next((h.line for h in self.headings if h.id == heading_id), None)


@dataclass
class Site:
    """All pages, by slug then language, and what could not be read."""

    pages: dict[str, dict[str, Page]]
    problems: list[Problem]
    unsuffixed: list[str]
    unreadable: set[tuple[str, str]] = field(default_factory=set)
    facts: factbase.FactBase = field(default_factory=factbase.FactBase)

    def all_pages(self) -> list[Page]:
        """Every page in a stable order (slug, then language)."""
        return [self.pages[slug][lang] for slug in sorted(self.pages) for lang in sorted(self.pages[slug])]

    def translations(self, default_language: str) -> Iterator[tuple[Page, Page]]:
        """(original, translation) for every translated page whose original exists."""
        for versions in self.pages.values():
            original = versions.get(default_language)
            if original is None:
                continue
            for lang, page in sorted(versions.items()):
                if lang != default_language:
                    yield original, page

    def page_for(self, rel_source: str) -> Page | None:
        """Find a page by its path relative to the docs directory (e.g. `report.en.md`)."""
        for page in self.all_pages():
            if page.rel.endswith("/" + rel_source) or page.rel == rel_source:
                return page
        return None


def split_name(relative: Path, languages: tuple[str, ...]) -> tuple[str, str] | None:
    """Return (slug, language) for `misuse.en.md` or `misuse/index.en.md`; None without a language suffix."""
    stem, _, lang = relative.name[: -len(".md")].rpartition(".")
    if not stem or lang not in languages:
        return None
    slug = (relative.parent / stem).as_posix()
    if stem == "index":
        slug = relative.parent.as_posix() if relative.parent != Path(".") else "index"
    return slug, lang


def _front_matter(page: Page, text: PageText) -> list[Problem]:
    """Read the YAML front matter into the page; return what is wrong with it."""
    if text.front_matter is None:
        return [Problem(page.rel, 1, "no front matter", "start the page with a `---` block holding title, description and last_reviewed", rule=READ)]
    if not text.front_matter_closed:
        return [Problem(page.rel, 1, "front matter is not closed", "end the front matter with a line `---`", rule=READ)]
    try:
        data = yaml.safe_load("\n".join(text.front_matter)) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(error, "problem", None) or "invalid YAML"
        return [Problem(page.rel, line, f"front matter is not valid YAML ({reason})", "write it as `key: value` lines; quote values that contain `: ` or start with a special character", rule=READ)]
    if not isinstance(data, dict):
        return [Problem(page.rel, 2, "front matter is not a set of `key: value` lines", "write title, description and last_reviewed as `key: value`", rule=READ)]
    page.front_matter = data
    for number, line in enumerate(text.front_matter, start=2):
        key = line.split(":", 1)[0].strip()
        if key in data and key not in page.front_matter_lines:
            page.front_matter_lines[key] = number
    return []


def _body(page: Page, text: PageText) -> list[Problem]:
    """Take the headings and the links outside code fences; report a fence that is never closed."""
    page.headings = list(text.headings)
    for number, line in text.body():
        for pattern in LINK_PATTERNS:
            for match in pattern.finditer(line):
                page.links.append(Link(match["target"], number))
    if text.unclosed_fence:
        fence, line = text.unclosed_fence
        return [Problem(page.rel, line, f"code fence {fence} is never closed", f"close it with a line {fence}, or the rest of the page is shown as code", rule=READ)]
    return []


def parse_page(path: Path, settings: Settings, slug: str, lang: str) -> tuple[Page | None, list[Problem]]:
    """Read one page file; return the page (None if it cannot be read at all) and its problems."""
    rel = settings.relative(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return None, [Problem(rel, line, "the file is not UTF-8 text", "save it as UTF-8 (without BOM)", rule=READ)]
    except OSError as error:
        return None, [Problem(rel, 1, f"cannot read the file ({error.strerror})", "check that it exists and is readable", rule=READ)]
    page = Page(path=path, rel=rel, slug=slug, lang=lang)
    parsed = parse(text)
    page.citations = factbase.markers(parsed.lines, parsed.code_lines, start=parsed.body_start)
    return page, _front_matter(page, parsed) + _body(page, parsed)


def load_site(settings: Settings) -> Site:
    """Parse every Markdown page under the docs directory, and read the fact base (facts/*.yml)."""
    site = Site(pages={}, problems=[], unsuffixed=[], facts=factbase.load(settings.root))
    for path in sorted(settings.docs_dir.rglob("*.md")):
        relative = path.relative_to(settings.docs_dir)
        name = split_name(relative, settings.languages)
        if name is None:
            site.unsuffixed.append(settings.relative(path))
            continue
        page, problems = parse_page(path, settings, *name)
        site.problems += problems
        if page is None:
            site.unreadable.add(name)
        else:
            site.pages.setdefault(page.slug, {})[page.lang] = page
    return site


def as_date(value: object) -> dt.date | None:
    """Return the value as a date if it is an ISO date (YAML reads `2026-11-25` as one), else None."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
