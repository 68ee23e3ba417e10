"""MkDocs hook: a translated page says which of its sections are behind the Japanese page.

Each translated page records, in its front matter, the commit of the Japanese page it was last
brought up to date with (`translated_from: <commit>`). The Japanese file at that commit and the
Japanese file now are compared section by section (a section is a heading with its `{#id}` and the
text up to the next heading); every section whose Japanese text changed, or that is new, gets a short
notice under its heading on the translated page, linking to the Japanese section.

The checker (`scripts/check/translations.py`) uses the same functions to fail a pull request that
leaves a section behind without saying so. Without git (or without the recorded commit in the
history) nothing is added here; the checker reports that case.
"""

from __future__ import annotations

import logging
import posixpath
import re
import subprocess
from pathlib import Path

HEADING = re.compile(r"^ {0,4}(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]+\{(?P<attrs>[^}]*)\})?[ \t#]*$")
HEADING_ID = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")
FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
OLD_ID_ANCHOR = re.compile(r'\s*<a id="(?P<id>[^"]+)"></a>')  # an old id kept on a renamed heading
FRONT_MATTER_KEYS = ("title", "description")  # translated too: a change counts against the first section

NOTICE = {
    "en": (
        "The Japanese text of this section has changed",
        "This translation has not caught up with it yet. Read the current Japanese section:",
        "日本語の節を読む",
    ),
}

log = logging.getLogger("mkdocs.hooks.translation")


class HistoryError(Exception):
    """The git history cannot say what the Japanese page was at the recorded commit."""


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8")
    except OSError as error:
        raise HistoryError(f"git cannot run ({error.strerror})") from error
    if result.returncode != 0:
        raise HistoryError(result.stderr.strip() or f"git {' '.join(args)} failed")
    return result.stdout


def is_git_root(root: Path) -> bool:
    """True when `root` is the top folder of a git work tree (so page history can be read)."""
    try:
        return Path(_git(root, "rev-parse", "--show-toplevel").strip()).resolve() == root.resolve()
    except HistoryError:
        return False


def last_commit(root: Path, rel: str) -> str:
    """The last commit that changed the file `rel` (relative to `root`)."""
    commit = _git(root, "log", "-1", "--format=%H", "--", rel).strip()
    if not commit:
        raise HistoryError(f"{rel} has never been committed")
    return commit


def is_modified(root: Path, rel: str) -> bool:
    """True when the file has changes that are not committed (staged or not)."""
    return bool(_git(root, "status", "--porcelain", "--", rel).strip())


def text_at(root: Path, commit: str, rel: str) -> str:
    """The file `rel` as it was at `commit`."""
    try:
        _git(root, "cat-file", "-e", f"{commit}^{{commit}}")
    except HistoryError as error:
        raise HistoryError(f"commit {commit} is not in this repository's history") from error
    try:
        return _git(root, "show", f"{commit}:{rel}")
    except HistoryError as error:
        raise HistoryError(f"{rel} did not exist at commit {commit}") from error


def sections(text: str) -> dict[str, list[str]]:
    """Split a page into its sections by heading id: id → the heading's and text's lines, trimmed.

    Blank lines and trailing spaces do not count. The front matter's title and description belong to
    the first section. Lines before the first heading belong to the id "".
    """
    lines = text.lstrip("\ufeff").splitlines()
    result: dict[str, list[str]] = {"": []}
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is not None:
            result[""] = [line.rstrip() for line in lines[1:end] if line.split(":", 1)[0].strip() in FRONT_MATTER_KEYS]
            start = end + 1
    current, fence, first = "", None, True
    for line in lines[start:]:
        opener = FENCE.match(line)
        if fence:
            if opener and opener["fence"][0] == fence[0] and len(opener["fence"]) >= len(fence):
                fence = None
        elif opener:
            fence = opener["fence"]
        elif heading := HEADING.match(line):
            found = HEADING_ID.search(heading["attrs"] or "")
            current = found["id"] if found else f"line:{heading['text'].strip()}"
            result.setdefault(current, [])
            if first:  # the front matter's translated keys count as part of the first section
                result[current] += result.pop("")
                result[""] = []
                first = False
            line = OLD_ID_ANCHOR.sub("", f"{heading['hashes']} {heading['text']}")  # ids are not text
        if line.strip():
            result.setdefault(current, []).append(line.rstrip())
    if not result[""]:
        del result[""]
    return result


def changed_sections(old: str, new: str) -> list[str]:
    """Ids of the sections of `new` whose text differs from `old` (or that `old` lacks), in page order.

    A section whose id was renamed is compared with the section of its old id, found by the
    `<a id="old-id"></a>` left in its heading or, failing that, by unchanged text.
    """
    before, after = sections(old), sections(new)
    anchors = {match["id"]: section for section, line in _heading_lines(new) for match in OLD_ID_ANCHOR.finditer(line)}
    gone = [section for section in before if section not in after]
    changed = []
    for section, lines in after.items():
        if section in before:
            same = before[section] == lines
        else:
            old_ids = [old_id for old_id, now in anchors.items() if now == section and old_id in before]
            same = any(before[old_id] == lines for old_id in old_ids) or any(before[old_id] == lines for old_id in gone)
        if not same:
            changed.append(section)
    return changed


def _heading_lines(text: str) -> list[tuple[str, str]]:
    found = []
    for line in text.splitlines():
        heading = HEADING.match(line)
        ident = HEADING_ID.search(heading["attrs"] or "") if heading else None
        if ident:
            found.append((ident["id"], heading["text"]))
    return found


def stale_sections(root: Path, original_rel: str, commit: str) -> list[str]:
    """Ids of the sections of the original page (as it is now) that changed since `commit`."""
    now = (root / original_rel).read_text(encoding="utf-8")
    return changed_sections(text_at(root, commit, original_rel), now)


def original_of(src_uri: str, locale: str, default: str) -> str:
    """`misuse.en.md` → `misuse.ja.md`."""
    return f"{src_uri[: -len(f'.{locale}.md')]}.{default}.md"


def _notice(section: str, locale: str, href: str) -> str:
    title, text, link = NOTICE.get(locale, NOTICE["en"])
    return (f'!!! warning "{title}"\n\n    {text} <a href="{href}#{section}" hreflang="ja" lang="ja">{link}</a>\n')


def add_notices(markdown: str, stale: list[str], locale: str, original_url: str) -> str:
    """Insert a notice right under each heading whose id is in `stale`."""
    lines, out, fence = markdown.splitlines(), [], None
    for line in lines:
        out.append(line)
        opener = FENCE.match(line)
        if fence:
            if opener and opener["fence"][0] == fence[0] and len(opener["fence"]) >= len(fence):
                fence = None
            continue
        if opener:
            fence = opener["fence"]
            continue
        heading = HEADING.match(line)
        found = HEADING_ID.search(heading["attrs"] or "") if heading else None
        if found and found["id"] in stale:
            out += ["", _notice(found["id"], locale, original_url)]
    return "\n".join(out) + "\n"


def on_page_markdown(markdown: str, page, config, files) -> str:
    """On a translated page, add a notice under each section that is behind the Japanese page."""
    i18n = config.plugins.get("i18n")
    locale = getattr(page.file, "locale", None)
    commit = page.meta.get("translated_from")
    if i18n is None or locale is None or locale == i18n.default_language or not commit:
        return markdown
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    original = f"{docs}/{original_of(page.file.src_uri, locale, i18n.default_language)}"
    try:
        stale = stale_sections(root, original, str(commit))
    except (HistoryError, OSError) as error:
        log.info("translation notices skipped for %s: %s", page.file.src_uri, error)
        return markdown
    if not stale:
        return markdown
    here = page.url.rstrip("/")
    there = here[len(locale):].lstrip("/") if here == locale or here.startswith(f"{locale}/") else here
    href = posixpath.relpath(there or ".", here or ".") + "/"
    return add_notices(markdown, stale, locale, href)
