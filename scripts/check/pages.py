"""Reading the Markdown pages: front matter, headings with their ids, links, each with its line.

A page is `docs/<slug>.<lang>.md` (or `docs/<slug>/index.<lang>.md`). Parsing never raises on bad
input: what cannot be read becomes a `Problem` naming the file and line, and the page is skipped or
read as far as it can be.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.hooks import factbase
# The page syntax (front matter, fences, headings, ids) is defined once, in the hooks' library.
from scripts.hooks.pagetext import Heading, PageText, parse

from .problems import Problem

from .settings import Settings

READ = "LH000"  # a page that cannot be read (encoding, front matter, unclosed fence, a file-system oddity)
FILE_SYSTEM, FENCE = "file-system", "fence"  # the `target` of LH000 problems the build depends on

# Markdown inline links and images, reference definitions, autolinks and raw HTML href/src in any quoting.
LINK_PATTERNS = (
    re.compile(r"\]\(\s*<?(?P<target>[^)\s>]+)"),
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(?P<target>\S+?)>?(?:\s|$)"),
    re.compile(r"<(?P<target>https?://[^>\s]+)>"),
)
HTML_ATTRIBUTE = re.compile(r"""\b(?P<name>href|src|id)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'<>`=]+))""", re.IGNORECASE)


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, except that a date Python rejects (2026-02-30) stays text for the date rule to report."""

    def construct_yaml_timestamp(self, node):  # type: ignore[override]
        """A timestamp, or its text when it is not a real date or time."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _FrontMatterLoader.construct_yaml_timestamp)


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
    html_ids: list[Link] = field(default_factory=list)  # `id` attributes of raw HTML (`<a id="…">`), with lines
    text: PageText | None = None  # the parsed text, for the rules that read the lines themselves
    size: int = 0  # bytes

    def anchors(self) -> set[str]:
        """Every id a link can land on: heading ids, kept old ids, raw HTML ids."""
        return {h.id for h in self.headings if h.id} | {a for h in self.headings for a in h.old_ids} | {a.target for a in self.html_ids}

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
        data = yaml.load("\n".join(text.front_matter), Loader=_FrontMatterLoader) or {}  # noqa: S506 (safe)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = " ".join(str(getattr(error, "problem", None) or "invalid YAML").split())
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
    page.text = text
    for number, line in text.body():
        for pattern in LINK_PATTERNS:
            for match in pattern.finditer(line):
                page.links.append(Link(match["target"], number))
        if "=" in line:
            for match in HTML_ATTRIBUTE.finditer(line):
                value = html.unescape(match["dq"] if match["dq"] is not None else match["sq"] if match["sq"] is not None else match["bare"])
                (page.html_ids if match["name"].lower() == "id" else page.links).append(Link(value, number))
    if text.unclosed_fence:
        fence, line = text.unclosed_fence
        return [Problem(page.rel, line, f"code fence {fence} is never closed", f"close it with a line {fence}, or the rest of the page is shown as code", rule=READ, target=FENCE)]
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
    page = Page(path=path, rel=rel, slug=slug, lang=lang, size=len(text.encode("utf-8")))
    parsed = parse(text)
    page.citations = factbase.markers(parsed.lines, parsed.code_lines, start=parsed.body_start)
    return page, _front_matter(page, parsed) + _body(page, parsed)


def _markdown_files(settings: Settings) -> tuple[list[Path], list[Problem]]:
    """Every `.md` file under the docs directory, and the file-system oddities met on the way.

    Walked by hand (not `rglob`) so that a symbolic link that loops or leads nowhere becomes a problem
    instead of an exception; MkDocs follows links to folders, so a link to a folder that holds it is one.
    """
    files: list[Path] = []
    problems: list[Problem] = []

    def oddity(path: Path, what: str, fix: str) -> None:
        problems.append(Problem(settings.relative(path), 1, what, fix, rule=READ, target=FILE_SYSTEM))

    def unreadable(error: OSError) -> None:
        oddity(Path(error.filename or settings.docs_dir), f"cannot read the folder ({error.strerror})", "check that it exists and is readable")

    if not settings.docs_dir.is_dir():
        return [], [Problem(settings.relative(settings.docs_dir), 1, "the docs folder does not exist", "restore it, or set `docs_dir` in mkdocs.yml", rule=READ)]
    for folder, subfolders, names in os.walk(settings.docs_dir, onerror=unreadable):
        here = Path(folder)
        for name in sorted(subfolders):
            path = here / name
            if path.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    oddity(path, "symbolic link that loops or leads nowhere", "remove the link, or replace it with the folder itself")
                    continue
                if target == here.resolve() or target in here.resolve().parents:
                    oddity(path, "symbolic link to a folder that contains it (a loop: the build would walk it forever)", "remove the link")
        for name in sorted(names):
            path = here / name
            if not name.endswith(".md"):
                continue
            if path.is_symlink():
                try:
                    path.resolve(strict=True)
                except (OSError, RuntimeError):
                    oddity(path, "symbolic link that loops or leads nowhere", "remove the link, or replace it with the page itself")
                    continue
            files.append(path)
    return sorted(files), problems


def load_site(settings: Settings) -> Site:
    """Parse every Markdown page under the docs directory, and read the fact base (facts/*.yml)."""
    site = Site(pages={}, problems=[], unsuffixed=[], facts=factbase.load(settings.root))
    files, site.problems = _markdown_files(settings)
    for path in files:
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


def size_text(size: int) -> str:
    """A file size as people say it: '850 KB', '5.0 MB'."""
    return f"{size / 1e6:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} KB"
