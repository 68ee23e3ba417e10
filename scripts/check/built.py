"""Links checked by building the site: MkDocs' own validation, then lychee on the built HTML.

MkDocs (with `validation` in mkdocs.yml) already knows every Markdown link and anchor of each
language; its warnings only lack a line, so they are matched back to the source line here. Links the
Markdown does not hold (navigation, theme overrides, the language switcher) only exist in the built
HTML: lychee checks those offline, with fragments, and its errors are mapped back to the built page.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from scripts import sitebuild

from .pages import Page, Site
from .problems import Problem
from .settings import Settings

MISSING_DOC = re.compile(r"Doc file '(?P<doc>[^']+)' contains a link '(?P<target>[^']+)', but the target (?:'(?P<missing>[^']+)' )?is not found among documentation files")
MISSING_ANCHOR = re.compile(r"Doc file '(?P<doc>[^']+)' contains a link '(?P<target>[^']+)', but the doc '(?P<other>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)'")
MISSING_OWN_ANCHOR = re.compile(r"Doc file '(?P<doc>[^']+)' contains a link '#(?P<anchor>[^']+)', but there is no such anchor on this page")
OTHER_DOC_LINK = re.compile(r"Doc file '(?P<doc>[^']+)' contains an? (?P<kind>absolute|unrecognized relative) link '(?P<target>[^']+)'")
NAV_MISSING = re.compile(r"A reference to '(?P<target>[^']+)' is included in the 'nav' configuration, which is not found")
MKDOCS = "LH020"  # a link MkDocs' validation finds broken, at its Markdown line
HTML = "LH021"  # a link of the built HTML lychee finds broken (navigation, theme, language switch)
# A hook's warning that already names the file and line (scripts/hooks/citations.py): `path:line: what — fix`.
LOCATED = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+): (?P<message>.+?) — (?P<fix>.+)$")
LOG_LINE = re.compile(r"^(?P<level>WARNING|ERROR)\s+-\s+(?P<text>.*)$")


@dataclass
class Build:
    """The output of one `mkdocs build`: the directory served as the site root and its log."""

    serve_root: Path
    site_dir: Path
    log: str
    returncode: int


def build_site(settings: Settings, serve_root: Path) -> Build:
    """Build the site below `serve_root` at the path of `site_url` (as a web server would serve it)."""
    base = urlparse(settings.site_url).path.strip("/")
    site_dir = serve_root / base if base else serve_root
    result = sitebuild.build(settings.root / "mkdocs.yml", site_dir, strict=False)
    return Build(serve_root, site_dir, result.log, 0 if result.ok else 1)


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


def problems_from_log(build: Build, site: Site, settings: Settings) -> list[Problem]:
    """Turn MkDocs' warnings into problems located at the line of the Markdown link."""
    problems = []
    for raw in build.log.splitlines():
        entry = LOG_LINE.match(raw.strip())
        if not entry:
            continue
        text = entry["text"]
        if match := MISSING_ANCHOR.search(text) or MISSING_OWN_ANCHOR.search(text):
            found = match.groupdict()
            target, other = found.get("target") or f"#{found['anchor']}", found.get("other") or found["doc"]
            page = site.page_for(found["doc"])
            note = _other_language_note(site, page, other, found["anchor"])
            problems.append(Problem(page.rel if page else found["doc"], _line_of(page, target), f"link to '{target}'",
                                    f"no such section in {Path(other).name}{note}; link to a section that exists, or add it",
                                    rule=MKDOCS, target=target))
        elif match := MISSING_DOC.search(text):
            page = site.page_for(match["doc"])
            problems.append(Problem(page.rel if page else match["doc"], _line_of(page, match["target"]), f"link to '{match['target']}'",
                                    f"no file {match['missing'] or match['target']} in {settings.docs_dir.name}/; link to an existing page (without the language suffix, e.g. report.md) or file",
                                    rule=MKDOCS, target=match["target"]))
        elif match := OTHER_DOC_LINK.search(text):
            page = site.page_for(match["doc"])
            problems.append(Problem(page.rel if page else match["doc"], _line_of(page, match["target"]), f"{match['kind']} link '{match['target']}' is not checked by the build",
                                    "link to the Markdown file instead, e.g. `report.md#before-you-report`",
                                    rule=MKDOCS, target=match["target"]))
        elif match := LOCATED.match(text):
            problems.append(Problem(match["path"], int(match["line"]), match["message"], match["fix"], rule=MKDOCS))
        elif match := NAV_MISSING.search(text):
            problems.append(Problem("mkdocs.yml", _config_line(settings, match["target"]), f"navigation lists '{match['target']}', which does not exist",
                                    "add the page in every language or remove it from `nav`", rule=MKDOCS, target=match["target"]))
        else:
            problems.append(Problem("mkdocs.yml", 1, f"mkdocs build: {entry['level'].lower()}: {text}", "fix what MkDocs reports", rule=MKDOCS))
    if build.returncode != 0 and not problems:
        tail = " | ".join(build.log.strip().splitlines()[-3:])
        problems.append(Problem("mkdocs.yml", 1, f"mkdocs build failed: {tail}", "run `mkdocs build --strict` to see the whole error", rule=MKDOCS))
    return problems


def _config_line(settings: Settings, needle: str) -> int:
    lines = (settings.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next((number for number, text in enumerate(lines, start=1) if needle in text), 1)


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
    parts = built.relative_to(site_dir).parts
    lang = parts[0] if parts and parts[0] in settings.languages else settings.default_language
    rest = parts[1:] if parts and parts[0] == lang and lang != settings.default_language else parts
    slug = "/".join(rest[:-1]) if len(rest) > 1 else "index"
    return site.pages.get(slug, {}).get(lang)


def _covered(href: str, reported_in: str, reported: list[Problem]) -> bool:
    """True when MkDocs already reported this link (the same target, in the page or in mkdocs.yml)."""
    key = href.rsplit("#", 1)[-1] if "#" in href else href.rstrip("/").rsplit("/", 1)[-1]
    return bool(key) and any(problem.target.startswith(key) or problem.target.endswith(key)
                             for problem in reported if problem.path == reported_in and problem.target)


def problems_from_html(build: Build, site: Site, settings: Settings, reported: list[Problem]) -> list[Problem]:
    """Check every link of the built HTML offline with lychee (fragments included)."""
    # Absolute links to the site's own address (canonical, share cards, overrides) are checked as local files.
    origin = settings.site_url[: len(settings.site_url) - len(urlparse(settings.site_url).path)] if settings.site_url else ""
    remap = ["--remap", f"^{re.escape(origin)}/ file://{build.serve_root.as_posix()}/"] if origin else []
    result = subprocess.run(
        ["lychee", *remap, "--offline", "--include-fragments", "--index-files", "index.html", "--root-dir", str(build.serve_root),
         "--format", "json", "--no-progress", "--mode", "plain", str(build.site_dir)],
        capture_output=True, text=True, env={**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"},
    )
    try:
        report = json.loads(result.stdout[result.stdout.index("{"):]) if "{" in result.stdout else {}
    except ValueError:
        return [Problem("mkdocs.yml", 1, f"lychee gave no readable report: {result.stderr.strip()[:200]}", "run lychee by hand on the built site", rule=HTML)]
    problems = []
    for file_name, errors in sorted(report.get("error_map", {}).items()):
        built = Path(file_name) if Path(file_name).is_absolute() else Path.cwd() / file_name
        html_lines = built.read_text(encoding="utf-8", errors="replace").splitlines()
        source = _source_of(built, build.site_dir, site, settings)
        in_article = _article_lines(html_lines)
        for error in errors:
            span = error.get("span") or {}
            line, column = span.get("line", 1), span.get("column", 1)
            href = _href_at(html_lines[line - 1], column) if 0 < line <= len(html_lines) else unquote(error["url"])
            inside = line in in_article
            if _covered(href, source.rel if inside and source else "mkdocs.yml", reported):
                continue
            origin = f"in the text of {source.rel}" if inside and source else "from the theme, the navigation or the language switcher"
            where = built.relative_to(build.site_dir).as_posix()
            problems.append(Problem(f"site/{where}", line, f"link to '{href}' ({error['status']['text'].rstrip('.').lower()}), {origin}",
                                    "fix the link in the page, in overrides/ or in mkdocs.yml so that it points to a built page and section",
                                    rule=HTML, target=href))
    return problems


def check_build(site: Site, settings: Settings) -> list[Problem]:
    """Build the site in a temporary directory and report every link MkDocs or lychee finds broken."""
    with tempfile.TemporaryDirectory(prefix="lora-harms-check-") as temp:
        build = build_site(settings, Path(temp))
        problems = problems_from_log(build, site, settings)
        if build.returncode == 0:
            problems += problems_from_html(build, site, settings, problems)
        return problems
