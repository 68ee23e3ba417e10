"""The page text of this site, parsed once: front matter, code fences, headings with their ids, sections.

No MkDocs import: the hooks (beside this file) and the checker (`scripts/check/`) both read pages
through here, so there is one definition of a heading, an explicit id `{#id}`, a kept old id
`<a id="old-id"></a>` and a code fence. Written by hand rather than with Python-Markdown because the
checker needs line numbers and must read broken pages without raising.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

HEADING = re.compile(r"^ {0,4}(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]+\{(?P<attrs>[^}]*)\})?[ \t#]*$")
HEADING_ID = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")
FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
OLD_ID_ANCHOR = re.compile(r'\s*<a id="(?P<id>[^"]+)"></a>')  # an old id kept on a renamed heading
FRONT_MATTER_END = ("---", "...")
TRANSLATED_KEYS = ("title", "description")  # front matter that is translated: counts in the first section


@dataclass(frozen=True)
class Heading:
    """A heading: its level (1–6), its text (without the `{#id}`), its explicit id (or None) and its line."""

    level: int
    text: str
    id: str | None
    line: int

    @property
    def old_ids(self) -> list[str]:
        """Ids kept on this heading after a rename, as `<a id="old-id"></a>` in its text."""
        return OLD_ID_ANCHOR.findall(self.text)

    def label(self) -> str:
        """The heading as written, e.g. `## 概要 {#overview}`."""
        suffix = f" {{#{self.id}}}" if self.id else ""
        return f"{'#' * self.level} {self.text}{suffix}"


@dataclass
class PageText:
    """One page's lines and what they are. Line numbers are 1-based, as an editor shows them."""

    lines: list[str]
    front_matter: list[str] | None = None  # the lines between the `---` lines; None if the page has none
    front_matter_closed: bool = True
    body_start: int = 0  # index of the first line after the front matter
    headings: list[Heading] = field(default_factory=list)
    code_lines: set[int] = field(default_factory=set)  # indexes of lines inside fences (fence lines included)
    unclosed_fence: tuple[str, int] | None = None  # (the fence, its line) when a fence is never closed

    def body(self) -> Iterator[tuple[int, str]]:
        """(line number, text) of every line after the front matter that is not code."""
        for index in range(self.body_start, len(self.lines)):
            if index not in self.code_lines:
                yield index + 1, self.lines[index]


def _closes(line: str, fence: str) -> bool:
    """A fence closes with the same character, at least as long, and nothing after it (CommonMark)."""
    closer = FENCE.match(line)
    return bool(closer) and closer["fence"][0] == fence[0] and len(closer["fence"]) >= len(fence) \
        and not line.strip()[len(closer["fence"]):].strip()


def heading_of(line: str, number: int) -> Heading | None:
    """The heading on this line (not knowing whether it is inside a fence), or None."""
    found = HEADING.match(line)
    if not found:
        return None
    ident = HEADING_ID.search(found["attrs"] or "")
    return Heading(len(found["hashes"]), found["text"].strip(), ident["id"] if ident else None, number)


def parse(text: str, front_matter: bool = True) -> PageText:
    """Read a page into its parts; never raises. `front_matter=False` for Markdown MkDocs has already split."""
    page = PageText(text.lstrip("\ufeff").splitlines())
    lines = page.lines
    if front_matter and lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in FRONT_MATTER_END), None)
        if end is None:
            page.front_matter, page.front_matter_closed = lines[1:], False
        else:
            page.front_matter, page.body_start = lines[1:end], end + 1
    fence: tuple[str, int] | None = None
    for index in range(page.body_start, len(lines)):
        line = lines[index]
        if fence:
            page.code_lines.add(index)
            if _closes(line, fence[0]):
                fence = None
            continue
        if opener := FENCE.match(line):
            fence = (opener["fence"], index + 1)
            page.code_lines.add(index)
            continue
        if heading := heading_of(line, index + 1):
            page.headings.append(heading)
    page.unclosed_fence = fence
    return page


def sections(text: str) -> dict[str, list[str]]:
    """Split a page into its sections by heading id: id → the heading's and text's lines, trimmed.

    Blank lines, trailing spaces and kept old ids do not count. The front matter's title and
    description belong to the first section. Lines before the first heading belong to the id "";
    a heading without an id is keyed `line:<its text>`.
    """
    page = parse(text)
    by_line = {heading.line: heading for heading in page.headings}
    result: dict[str, list[str]] = {"": [line.rstrip() for line in page.front_matter or []
                                         if page.front_matter_closed and line.split(":", 1)[0].strip() in TRANSLATED_KEYS]}
    current, first = "", True
    for index in range(page.body_start, len(page.lines)):
        line = page.lines[index]
        if heading := by_line.get(index + 1):
            current = heading.id or f"line:{heading.text}"
            result.setdefault(current, [])
            if first:  # the front matter's translated keys count as part of the first section
                result[current] += result.pop("")
                result[""] = []
                first = False
            line = OLD_ID_ANCHOR.sub("", f"{'#' * heading.level} {heading.text}")  # ids are not text
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
    anchors = {old_id: heading.id for heading in parse(new).headings if heading.id for old_id in heading.old_ids}
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


def insert_after_headings(markdown: str, ids: list[str], block: Callable[[str], str]) -> str:
    """Put `block(id)` (Markdown) right under each heading whose id is in `ids`."""
    page = parse(markdown, front_matter=False)
    wanted = {heading.line for heading in page.headings if heading.id in ids}
    ident = {heading.line: heading.id for heading in page.headings}
    out: list[str] = []
    for number, line in enumerate(page.lines, start=1):
        out.append(line)
        if number in wanted:
            out += ["", block(ident[number])]
    return "\n".join(out) + "\n"


def original_of(src_uri: str, locale: str, default: str) -> str:
    """The default language's file of a translated page: `misuse.en.md` → `misuse.ja.md`."""
    return f"{src_uri[: -len(f'.{locale}.md')]}.{default}.md"
