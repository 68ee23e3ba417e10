"""Links checked by building the site: MkDocs' own validation, then lychee on the built HTML.

MkDocs (with `validation` in mkdocs.yml) already knows every Markdown link and anchor of each
language; its warnings only lack a line, so they are matched back to the source line here. Links the
Markdown does not hold (navigation, theme overrides, the language switcher) only exist in the built
HTML: lychee checks those offline, with fragments, and its errors are mapped back to the built page.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from scripts import sitebuild

from .crosslinks import cross_language
from .markdown import OVERSIZE
from .pages import FENCE, FILE_SYSTEM, READ, Page, Site, size_text
from .problems import Problem
from .settings import Settings

MISSING_DOC = re.compile(r"Doc file '(?P<doc>[^']+)' contains a link '(?P<target>[^']+)', but the target (?:'(?P<missing>[^']+)' )?is not found among documentation files")
MISSING_ANCHOR = re.compile(r"Doc file '(?P<doc>[^']+)' contains a link '(?P<target>[^']+)', but the doc '(?P<other>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)'")
MISSING_OWN_ANCHOR = re.compile(r"Doc file '(?P<doc>[^']+)' contains a link '#(?P<anchor>[^']+)', but there is no such anchor on this page")
OTHER_DOC_LINK = re.compile(r"Doc file '(?P<doc>[^']+)' contains an? (?P<kind>absolute|unrecognized relative) link '(?P<target>[^']+)'")
NAV_MISSING = re.compile(r"A reference to '(?P<target>[^']+)' is included in the 'nav' configuration, which is not found")
MKDOCS = "LH020"  # a link MkDocs' validation finds broken, at its Markdown line
HTML = "LH021"  # a link of the built HTML lychee finds broken (navigation, theme, language switch)
BUILD = "LH053"  # the build itself: configuration, templates, hooks, pages MkDocs cannot read, the time limit
NOT_IN_NAV = re.compile(r"not included in the \"nav\" configuration:(?P<pages>.*)", re.DOTALL)
PAGE_ERROR = re.compile(r"Error reading page '(?P<doc>[^']+)'")
REDIRECT_TARGET = re.compile(r"Redirect target '(?P<target>[^']+)' does not exist")
QUOTED = re.compile(r"'(?P<name>[^'\s]+)'")
# Problems of the Markdown rules that already explain what the build or lychee would report again.
SWALLOWING = {"LH042"}  # an unclosed comment hides the rest of its page (an unclosed fence: LH000 "fence")
SAME_LINK = {"LH007", "LH045", "LH046", "LH050", "LH051", "LH052"}
# A hook's warning that already names the file and line (scripts/hooks/citations.py): `path:line: what — fix`.
LOCATED = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+): (?P<message>.+?) — (?P<fix>.+)$")
LOG_LINE = re.compile(r"^(?P<level>WARNING|ERROR)\s+-\s+(?P<text>.*)$")


@dataclass
class Build:
    """The output of one `mkdocs build`: the directory served as the site root, its messages, how it ended."""

    serve_root: Path
    site_dir: Path
    records: list[tuple[str, str]]
    returncode: int
    where: tuple[str, int] | None = None
    timed_out: bool = False


def build_site(settings: Settings, serve_root: Path) -> Build:
    """Build the site below `serve_root` at the path of `site_url` (as a web server would serve it), time-limited."""
    base = urlparse(settings.site_url).path.strip("/")
    site_dir = serve_root / base if base else serve_root
    result = sitebuild.build(settings.root / "mkdocs.yml", site_dir, strict=False, timeout=settings.build_timeout_seconds)
    return Build(serve_root, site_dir, result.records, 0 if result.ok else 1, result.where, result.timed_out)


def _line_of(page: Page | None, target: str) -> int:
    if page is None:
        return 1
    return next((link.line for link in page.links if link.target == target), next((link.line for link in page.links if target in link.target), 1))


def _other_language_note(site: Site, page: Page | None, target_doc: str, anchor: str) -> str:
    """Say where the same section is in the other language(s) of the target page, if anywhere."""
    target = site.page_for(target_doc)
    if target is None:
        return ""
    notes = []
    for lang, other in sorted(site.pages.get(target.slug, {}).items()):
        line = other.heading_line(anchor)
        if other is not target and line is not None:
            notes.append(f"{Path(other.rel).name} has it at line {line}")
    return f" ({'; '.join(notes)})" if notes else ""


def _swallowed(site: Site, reported: list[Problem]) -> set[str]:
    """Pages whose rest is hidden by an unclosed comment or fence: their anchors are already explained."""
    paths = {p.path for p in reported if p.rule in SWALLOWING or (p.rule == READ and p.target == FENCE)}
    return {page.rel for page in site.all_pages() if page.rel in paths}


def _is_cross_language(page: Page | None, target: str, settings: Settings) -> bool:
    return page is not None and cross_language(page, target, settings) is not None


def _largest_page(site: Site) -> Page | None:
    return max(site.all_pages(), key=lambda page: page.size, default=None)


def _timed_out(site: Site, settings: Settings, what: str) -> Problem:
    biggest = _largest_page(site)
    limit = f"{settings.build_timeout_seconds:g} s"
    if biggest is None:
        return Problem("mkdocs.yml", 1, f"{what} took longer than {limit} and was stopped", "build_timeout_seconds in pyproject.toml sets the limit", rule=BUILD)
    return Problem(biggest.rel, 1, f"{what} took longer than {limit} and was stopped (the largest page is this one, {size_text(biggest.size)})",
                   "split or shorten very large pages and flatten deep lists; build_timeout_seconds in pyproject.toml sets the limit", rule=BUILD)


def _not_in_nav(pages_text: str, site: Site, settings: Settings) -> list[Problem]:
    problems = []
    nav_line = settings.config_line("nav:")
    for name in re.findall(r"-\s+(\S+)", pages_text):
        page = site.page_for(name)
        if page is None and (stem := re.sub(r"\.[a-z]{2}\.md$", ".md", name)) != name:
            page = site.page_for(stem)
        slug = page.slug if page else name.removesuffix(".md")
        file = f"{slug}.md" if slug != "index" else "index.md"
        original = site.pages.get(slug, {}).get(settings.default_language) or page
        problems.append(Problem(original.rel if original else f"{settings.docs_dir.name}/{name}", 1,
                                "the page is not in the navigation, so readers cannot find it",
                                f"add `- <title>: {file}` under `nav:` in mkdocs.yml (line {nav_line}), or delete the page", rule=BUILD))
    return problems


def problems_from_log(build: Build, site: Site, settings: Settings, reported: list[Problem] | None = None) -> list[Problem]:
    """Turn MkDocs' warnings and errors into problems located at the line where the mistake is."""
    reported = reported or []
    swallowed = _swallowed(site, reported)
    reported_pages = {p.path for p in reported}
    problems: list[Problem] = []
    failing_page: Page | None = None
    if build.timed_out:
        return [_timed_out(site, settings, "the build")]
    for index, (level, message) in enumerate(build.records):
        text = " ".join(message.split())
        if match := MISSING_ANCHOR.search(text) or MISSING_OWN_ANCHOR.search(text):
            found = match.groupdict()
            target, other = found.get("target") or f"#{found['anchor']}", found.get("other") or found["doc"]
            page = site.page_for(found["doc"])
            target_page = site.page_for(other)
            if (page and page.rel in swallowed) or (target_page and target_page.rel in swallowed) or _is_cross_language(page, target, settings):
                continue
            note = _other_language_note(site, page, other, found["anchor"])
            problems.append(Problem(page.rel if page else found["doc"], _line_of(page, target), f"link to '{target}'",
                                    f"no such section in {Path(other).name}{note}; link to a section that exists, or add it",
                                    rule=MKDOCS, target=target))
        elif match := MISSING_DOC.search(text):
            page = site.page_for(match["doc"])
            if _is_cross_language(page, match["target"], settings) or match["target"].endswith("#"):
                continue
            problems.append(Problem(page.rel if page else match["doc"], _line_of(page, match["target"]), f"link to '{match['target']}'",
                                    f"no file {match['missing'] or match['target']} in {settings.docs_dir.name}/; link to an existing page (without the language suffix, e.g. report.md) or file",
                                    rule=MKDOCS, target=match["target"]))
        elif match := OTHER_DOC_LINK.search(text):
            page = site.page_for(match["doc"])
            if _is_cross_language(page, match["target"], settings):
                continue
            problems.append(Problem(page.rel if page else match["doc"], _line_of(page, match["target"]), f"{match['kind']} link '{match['target']}' is not checked by the build",
                                    "link to the Markdown file instead, e.g. `report.md#before-you-report`",
                                    rule=MKDOCS, target=match["target"]))
        elif match := LOCATED.match(text):
            problems.append(Problem(match["path"], int(match["line"]), match["message"], match["fix"], rule=MKDOCS))
        elif match := NAV_MISSING.search(text):
            problems.append(Problem("mkdocs.yml", settings.config_line(match["target"]), f"navigation lists '{match['target']}', which does not exist",
                                    "add the page in every language or remove it from `nav`", rule=MKDOCS, target=match["target"]))
        elif match := NOT_IN_NAV.search(message):
            problems += _not_in_nav(match["pages"], site, settings)
        elif match := PAGE_ERROR.search(text):
            failing_page = site.page_for(match["doc"])
        elif index == len(build.records) - 1 and build.returncode != 0:
            problems += _failure(text, build, site, settings, failing_page, reported_pages)
        else:
            problems.append(_elsewhere(level, text, site, settings))
    if build.returncode != 0 and not build.records:
        problems.append(Problem("mkdocs.yml", 1, "mkdocs build failed without a message", "run `mkdocs build --strict` to see the whole error", rule=BUILD))
    return list(dict.fromkeys(problems))


def _failure(text: str, build: Build, site: Site, settings: Settings, page: Page | None, reported_pages: set[str]) -> list[Problem]:
    """The error that stopped the build, at the template, hook or page it comes from."""
    if build.where is not None:
        file, line = build.where
        rel = settings.relative(Path(file))
        kind = "template" if rel.endswith(".html") else "hook"
        return [Problem(rel, line, f"the build fails in this {kind}: {text}", f"fix the {kind} at this line (run `mkdocs build --strict` for the whole error)", rule=BUILD)]
    if page is not None:
        if page.rel in reported_pages:
            return []  # the page's own problems (front matter, nesting, size …) are already reported
        return [Problem(page.rel, 1, f"MkDocs cannot build this page: {text}", "fix the page's Markdown (look for very deep nesting or broken front matter)", rule=BUILD)]
    if "Config value" in text or "config" in text.lower():
        names = [m["name"] for m in QUOTED.finditer(text)]
        line = next((settings.config_line(name) for name in names if settings.config_line(name, 0)), 1)
        return [Problem("mkdocs.yml", line, f"MkDocs rejects the configuration: {text}", "fix this setting in mkdocs.yml", rule=BUILD)]
    return [Problem("mkdocs.yml", 1, f"mkdocs build failed: {text}", "run `mkdocs build --strict` to see the whole error", rule=BUILD)]


def _elsewhere(level: str, text: str, site: Site, settings: Settings) -> Problem:
    """Any other warning: at the page or the line of mkdocs.yml it names (e.g. a mistyped redirect target)."""
    if match := REDIRECT_TARGET.search(text):
        return Problem("mkdocs.yml", settings.config_line(f": {match['target']}", settings.config_line(match["target"])),
                       f"a redirect goes to '{match['target']}', which does not exist",
                       "redirect it to an existing page, written without the language suffix (e.g. report.md)", rule=MKDOCS, target=match["target"])
    for match in QUOTED.finditer(text):
        page = site.page_for(match["name"])
        if page is not None:
            return Problem(page.rel, 1, f"mkdocs build: {level.lower()}: {text}", "fix what MkDocs reports in this page", rule=MKDOCS)
        line = settings.config_line(match["name"], 0)
        if line:
            return Problem("mkdocs.yml", line, f"mkdocs build: {level.lower()}: {text}", "fix this line of mkdocs.yml", rule=MKDOCS, target=match["name"])
    return Problem("mkdocs.yml", 1, f"mkdocs build: {level.lower()}: {text}", "fix what MkDocs reports", rule=MKDOCS)


def _href_at(html_line: str, column: int) -> str:
    """The attribute value that starts near `column` (1-based) of a built HTML line."""
    rest = html_line[max(column - 1, 0):]
    match = re.match(r"[^\"'\s>]+", rest.lstrip("\"'"))
    return match.group(0) if match else rest[:60]


def _article_lines(lines: list[str]) -> range:
    start = next((i for i, text in enumerate(lines, 1) if "<article" in text), 0)
    end = next((i for i in range(len(lines), 0, -1) if "</article>" in lines[i - 1]), 0)
    return range(start, end + 1)


def _source_of(built: Path, site_dir: Path, site: Site, settings: Settings) -> Page | None:
    try:
        parts = built.relative_to(site_dir).parts
    except ValueError:
        return None
    lang = parts[0] if parts and parts[0] in settings.languages else settings.default_language
    rest = parts[1:] if parts and parts[0] == lang and lang != settings.default_language else parts
    slug = "/".join(rest[:-1]) if len(rest) > 1 else "index"
    return site.pages.get(slug, {}).get(lang)


def _covered(href: str, reported_in: str, reported: list[Problem]) -> bool:
    """True when MkDocs already reported this link (the same target, in the page or in mkdocs.yml)."""
    key = href.rsplit("#", 1)[-1] if "#" in href else href.rstrip("/").rsplit("/", 1)[-1]
    return bool(key) and any(problem.target.startswith(key) or problem.target.endswith(key)
                             for problem in reported if problem.path == reported_in and problem.target)


def _markdown_line(page: Page, href: str) -> int | None:
    """The line of the page's Markdown (or raw HTML) that holds this built link, if it can be found."""
    wanted = html.unescape(href)
    for link in page.links:
        if link.target == wanted:
            return link.line
    found = next((link.line for link in page.links if link.target and (wanted.endswith(link.target) or link.target.endswith(wanted))), None)
    if found is None and page.text is not None and wanted:
        found = next((number for number, line in page.text.body() if wanted in line), None)
    return found


def _theme_source(href: str, settings: Settings) -> tuple[str, int]:
    """The template of overrides/ or the line of mkdocs.yml that holds a link of the theme, else mkdocs.yml:1."""
    key = html.unescape(href).split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1] or href
    line = settings.config_line(key, 0) if key else 0
    if line:
        return "mkdocs.yml", line
    if settings.custom_dir is not None and settings.custom_dir.is_dir():
        for template in sorted(settings.custom_dir.rglob("*.html")):
            try:
                lines = template.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
            number = next((n for n, text in enumerate(lines, 1) if key in text), 0)
            if number:
                return settings.relative(template), number
    return "mkdocs.yml", 1


def _target_page(built: Path, href: str, build: Build, site: Site, settings: Settings) -> Page | None:
    """The source page a relative built link leads to (for links into a page hidden by a comment)."""
    path = href.split("#", 1)[0]
    if not path or "://" in path:
        return _source_of(built, build.site_dir, site, settings)
    base = build.serve_root if path.startswith("/") else built.parent
    joined = Path(posixpath.normpath((base / path.lstrip("/")).as_posix()))
    return _source_of(joined / "index.html" if not joined.suffix else joined, build.site_dir, site, settings)


def _status(error: dict) -> str:
    """lychee's status, said briefly: 'no such section', 'no such file', or its own words on one line."""
    text = " ".join(str((error.get("status") or {}).get("text", "broken")).split()).lower()
    if "fragment" in text:
        return "no such section on the target page"
    if "not found" in text:
        return "no such file"
    return text.rstrip(".")


def problems_from_html(build: Build, site: Site, settings: Settings, reported: list[Problem]) -> list[Problem]:
    """Check every link of the built HTML offline with lychee (fragments included), located in the Markdown when it can be."""
    # Absolute links to the site's own address (canonical, share cards, overrides) are checked as local files.
    origin = settings.site_url[: len(settings.site_url) - len(urlparse(settings.site_url).path)] if settings.site_url else ""
    remap = ["--remap", f"^{re.escape(origin)}/ file://{build.serve_root.as_posix()}/"] if origin else []
    try:
        result = subprocess.run(
            ["lychee", *remap, "--offline", "--include-fragments", "--index-files", "index.html", "--root-dir", str(build.serve_root),
             "--format", "json", "--no-progress", "--mode", "plain", str(build.site_dir)],
            capture_output=True, text=True, timeout=settings.build_timeout_seconds,
            env={**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"},
        )
    except subprocess.TimeoutExpired:
        return [_timed_out(site, settings, "the offline link check of the built site")]
    except OSError as error:
        return [Problem("mkdocs.yml", 1, f"lychee cannot run ({error.strerror})", "run scripts/setup, which installs it", rule=HTML)]
    try:
        report = json.loads(result.stdout[result.stdout.index("{"):]) if "{" in result.stdout else {}
    except ValueError:
        return [Problem("mkdocs.yml", 1, f"lychee gave no readable report: {result.stderr.strip()[:200]}", "run lychee by hand on the built site", rule=HTML)]
    swallowed = _swallowed(site, reported)
    missing_assets = [name for name, _ in settings.extra_assets if any(p.rule == "LH050" and p.target == name for p in reported)]
    problems = []
    theme: dict[tuple[str, int, str, str], list[str]] = {}
    for file_name, errors in sorted(report.get("error_map", {}).items()):
        built = Path(file_name) if Path(file_name).is_absolute() else Path.cwd() / file_name
        html_lines = built.read_text(encoding="utf-8", errors="replace").splitlines()
        source = _source_of(built, build.site_dir, site, settings)
        in_article = _article_lines(html_lines)
        for error in errors:
            span = error.get("span") or {}
            line, column = span.get("line", 1), span.get("column", 1)
            href = _href_at(html_lines[line - 1], column) if 0 < line <= len(html_lines) else unquote(error["url"])
            inside = line in in_article and source is not None
            status = _status(error)
            if any(href.endswith(name) for name in missing_assets):
                continue  # reported once, at its line of mkdocs.yml
            if inside and (source.rel in swallowed or _is_cross_language(source, href, settings)):
                continue
            target = _target_page(built, href, build, site, settings)
            if target is not None and target.rel in swallowed:
                continue
            if _covered(href, source.rel if inside else "mkdocs.yml", reported):
                continue
            where_md = (_markdown_line(source, href) or 1) if inside else None
            if inside:
                if any(p.path == source.rel and p.line == where_md and p.rule in SAME_LINK and p.target and html.unescape(href).startswith(p.target)
                       for p in reported):
                    continue
                problems.append(Problem(source.rel, where_md, f"link to '{html.unescape(href)}' ({status}) in the built page",
                                        "point it to a page or file that exists (for pages and sections: `page.md#section-id`, which the build checks)",
                                        rule=HTML, target=href))
                continue
            # Outside the page's text: the theme, the navigation or the language switch. The built page is
            # gone when the check ends, so the problem is put where the link comes from (once, not per page).
            theme.setdefault((*_theme_source(href, settings), href, status), []).append(built.relative_to(build.site_dir).as_posix())
    for (file, number, href, status), pages in sorted(theme.items()):
        count = f"{len(pages)} built pages, e.g." if len(pages) > 1 else "the built page"
        problems.append(Problem(file, number, f"link to '{href}' ({status}) on {count} {pages[0]}, outside the pages' text",
                                "fix the link in overrides/ or in mkdocs.yml (navigation, extra files) so that it points to a built page and section",
                                rule=HTML, target=href))
    return problems


def check_build(site: Site, settings: Settings, reported: list[Problem] | None = None) -> list[Problem]:
    """Build the site in a temporary directory and report every link MkDocs or lychee finds broken."""
    reported = reported or []
    if any(p.rule == READ and p.target == FILE_SYSTEM for p in reported):
        return []  # MkDocs would walk the looping link until the file system refuses; fix that first
    if any(p.target == OVERSIZE for p in reported):
        return []  # a page over max_page_bytes would hold the build for minutes; it is reported already
    with tempfile.TemporaryDirectory(prefix="lora-harms-check-") as temp:
        build = build_site(settings, Path(temp))
        problems = problems_from_log(build, site, settings, reported)
        if build.returncode == 0:
            problems += problems_from_html(build, site, settings, reported + problems)
        return problems
