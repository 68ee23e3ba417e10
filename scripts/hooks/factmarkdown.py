"""Markdown for citations: the numbered superscripts, a page's sources list and the fact sheet.

No MkDocs import (scripts/hooks/citations.py calls this with the page's text, its language and the
interface text of that language, `strings`: overrides/locales/<lang>.yml, whose `facts` key holds the
words used here and `reviewed.date` the date format). Everything
is produced as Markdown, not HTML, so that MkDocs validates every generated link (`facts/platforms.md#r-9`,
`#source-1`) like a hand-written one, mkdocs-static-i18n points it to the page's language, and
the text reads the same without JavaScript and in print. The only HTML is an empty anchor per list item
the `<sup>` around the citation numbers, for which Markdown has no syntax, and a `<div>` with a class
around the sources list (which keeps it apart from a list written above it) and the platform table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from factbase import Fact, FactBase, Group, Marker, Source, Topic, first_sentence

# Where a fact's entry is, as a link from the page being built: `#r-9` on its own group's page,
# `facts/platforms.md#r-9` elsewhere; None when the site has no page for the fact's group.
FactLink = Callable[[str], "str | None"]

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
SOURCE_ANCHOR = "source-{number}"
WORD_JOINER = "\u2060"
# Plain text that goes into Markdown (titles, publishers): characters that would start markup.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


# Contacts inside a claim become links, as on the pages (a reader on a phone taps them): e-mail addresses,
# and Japanese phone numbers written with hyphens (0570-003-110). Short codes such as #9110 stay text.
EMAIL = re.compile(r"(?<![\w.@/-])([A-Za-z0-9._-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?![\w@-])")
PHONE = re.compile(r"(?<![\d-])(0\d{1,4}-\d{1,4}-\d{3,4})(?![\d-])")


def contacts(text: str) -> str:
    """Markdown text with its e-mail addresses and hyphenated phone numbers as mailto:/tel: links."""
    text = EMAIL.sub(lambda m: f"[{m[1]}](mailto:{m[1]})", text)
    return PHONE.sub(lambda m: f"[{m[1]}](tel:{m[1].replace('-', '')})", text)


def plain(text: str) -> str:
    """Plain text made safe for Markdown: markup characters escaped, `<` and `&` as entities."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))


def format_date(value: dt.date | str, strings: dict) -> str:
    """A date in the page's language: 2026年11月15日 / 15 November 2026 (also `2023-02` and `2021`)."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        date = dt.date(*parts)
        return strings["reviewed"]["date"].format(d=date, month=MONTHS[date.month - 1])
    if len(parts) == 2:
        return strings["facts"]["year_month"].format(year=parts[0], m=parts[1], month=MONTHS[parts[1] - 1])
    return strings["facts"]["year"].format(year=parts[0])


def source_line(source: Source, strings: dict) -> str:
    """One source: its linked title (or repository and path), publisher and date."""
    words = strings["facts"]
    if source.url:
        name = f"[{plain(source.title)}](<{source.url}>)"
    elif source.repo or source.path:
        where = words["repo_file"].format(repo=f"`{source.repo}`", path=f"`{source.path}`") if source.repo and source.path else f"`{source.repo or source.path}`"
        name = f"{plain(source.title)} — {where}"
    else:
        name = plain(source.title)
    details = [plain(source.publisher)] + ([format_date(source.date, strings)] if source.date else [])
    return name + words["paren"].format(words["list_sep"].join(details))


@dataclass
class Numbering:
    """The citation numbers of one page: each fact gets the next number the first time the page cites it."""

    order: list[str] = field(default_factory=list)

    def number(self, fact_id: str) -> int:
        """The number of a fact on this page (given on first citation)."""
        if fact_id not in self.order:
            self.order.append(fact_id)
        return self.order.index(fact_id) + 1


def citation(ids: tuple[str, ...], numbering: Numbering, strings: dict) -> str:
    """The superscript for one marker: `<sup class="cite">[1](#source-1 "…"), [2](…)</sup>`."""
    words = strings["facts"]
    links = []
    for fact_id in ids:
        number = numbering.number(fact_id)
        title = words["cite_title"].format(number=number, id=fact_id)
        links.append(f'[{number}](#{SOURCE_ANCHOR.format(number=number)} "{title}")')
    # A word joiner (U+2060) ties the number to the text before it: never 「3。」 alone at a line start.
    return f'{WORD_JOINER}<sup class="cite">{", ".join(links)}</sup>'


def replace_markers(lines: list[str], found: list[Marker], base: FactBase, numbering: Numbering, strings: dict, line_offset: int = 0) -> list[str]:
    """The page's lines with every marker whose ids all exist replaced by its superscript (others are left as written)."""
    result = list(lines)
    by_line: dict[int, list[Marker]] = {}
    for marker in found:
        by_line.setdefault(marker.line - 1 - line_offset, []).append(marker)
    for index in sorted(by_line):  # reading order, so that numbers follow the first citation
        text, pieces, position = result[index], [], 0
        for marker in sorted(by_line[index], key=lambda m: m.start):
            pieces.append(text[position: marker.start])
            known = all(fact_id in base.facts for fact_id in marker.ids)
            pieces.append(citation(marker.ids, numbering, strings) if known else text[marker.start: marker.end])
            position = marker.end
        result[index] = "".join(pieces) + text[position:]
    return result


def status_note(fact: Fact, strings: dict) -> str:
    """`（一部確認済み）` after a claim that is not simply verified; nothing for a verified one."""
    if fact.status in ("verified", "contradicts-source"):
        return ""
    return strings["facts"]["paren"].format(strings["facts"]["status"][fact.status])


def sources_list(numbering: Numbering, base: FactBase, lang: str, strings: dict, link: FactLink) -> str:
    """The page's generated sources list: one numbered item per cited fact, in citation order, each linked to its entry."""
    words = strings["facts"]
    items = []
    for number, fact_id in enumerate(numbering.order, start=1):
        fact = base.facts[fact_id]
        lines = [f'{number}. <a id="{SOURCE_ANCHOR.format(number=number)}"></a>{contacts(first_sentence(fact.claim[lang], lang))}{status_note(fact, strings)}', ""]
        lines += [f"    - {source_line(source, strings)}" for source in fact.sources]
        footer = f"{words['checked']}{words['colon']}{format_date(fact.checked, strings)}"
        href = link(fact.id)
        if href is not None and fact.status != "unverified":  # the fact sheet lists no unverified fact
            footer += " · " + words["on_sheet"].format(id=fact.id, href=href)
        lines += ["", f"    {footer}", ""]
        items.append("\n".join(lines))
    # In a block of its own (md_in_html), so that a list written above it by hand is not continued.
    return '<div class="sources-list" markdown>\n\n' + "\n".join(items) + "\n</div>"


def _meta_line(fact: Fact, strings: dict, today: dt.date) -> str:
    words = strings["facts"]
    parts = [f"**{words['status_label']}**{words['colon']}{words['status'][fact.status]}"]
    if fact.as_of:
        parts.append(f"**{words['as_of']}**{words['colon']}{format_date(fact.as_of, strings)}")
    parts.append(f"**{words['checked']}**{words['colon']}{format_date(fact.checked, strings)}")
    due = f"**{words['due']}**{words['colon']}{format_date(fact.due, strings)}"
    if fact.due < today:
        due += words["paren"].format(words["overdue"])
    parts.append(due)
    return " · ".join(parts)


def fact_entry(fact: Fact, lang: str, strings: dict, cited_on: list[tuple[str, str]], today: dt.date, link: FactLink) -> str:
    """One fact of the fact sheet: heading `### R-9 {#r-9}`, status and dates, claim, scope, correction, sources, pages."""
    words = strings["facts"]
    blocks = [f"### {fact.id} {{#{fact.anchor()}}}", _meta_line(fact, strings, today), contacts(fact.claim[lang])]
    if fact.scope:
        blocks.append(f"**{words['scope']}**{words['colon']}{fact.scope[lang]}")
    if fact.corrected_by:
        href = link(fact.corrected_by) or f"#{fact.corrected_by.lower()}"
        blocks.append(f"**{words['corrected']}**{words['colon']}" + words["corrected_by"].format(id=fact.corrected_by, href=href))
    if fact.sources:
        blocks.append(f"**{words['sources']}**{words['colon'].strip()}\n\n" + "\n".join(f"- {source_line(source, strings)}" for source in fact.sources))
    if cited_on:
        links = words["list_sep"].join(f"[{plain(title)}]({href})" for title, href in cited_on)
        blocks.append(f"**{words['cited_on']}**{words['colon']}{links}")
    else:
        blocks.append(words["not_cited"])
    return "\n\n".join(blocks)


def sheet_facts(base: FactBase) -> list[Fact]:
    """The facts the fact sheet lists: every fact that is not unverified (corrected ones too, with their correction)."""
    return [fact for fact in base.facts.values() if fact.status != "unverified"]


def group_topics(base: FactBase, group: str) -> list[tuple[Topic, list[Fact]]]:
    """The topics of one group that the fact sheet shows, each with its listed facts, in topics.yml order."""
    listed = {fact.id for fact in sheet_facts(base)}
    topics = [(topic, [fact for fact in facts if fact.id in listed]) for topic, facts in base.by_topic(group)]
    return [(topic, facts) for topic, facts in topics if facts]


def fact_list(base: FactBase, group: str, lang: str, strings: dict, cited_on: dict[str, list[tuple[str, str]]], today: dt.date,
              link: FactLink) -> str:
    """The listed facts of one group, under a heading per topic (`## Civitai {#topic-civitai}`), in topics.yml order."""
    blocks = []
    for topic, facts in group_topics(base, group):
        blocks.append(f"## {plain(topic.name[lang])} {{#{topic.anchor()}}}")
        blocks += [fact_entry(fact, lang, strings, cited_on.get(fact.id, []), today, link) for fact in facts]
    return "\n\n".join(blocks)


def platform_table(base: FactBase, lang: str, strings: dict, link: FactLink) -> str:
    """The table of platforms' current rules and routes: facts of platform topics, not unverified, not corrected."""
    words = strings["facts"]
    head = words["table"]
    rows = [f"| {' | '.join(head)} |", f"| {' | '.join('---' for _ in head)} |"]
    for topic, facts in base.by_topic():
        if not topic.platform:
            continue
        for fact in facts:
            if fact.status == "unverified" or fact.corrected_by:
                continue
            date = format_date(fact.as_of or fact.checked, strings)
            claim = contacts(first_sentence(fact.claim[lang], lang)).replace("|", "\\|") + status_note(fact, strings)
            fact_id = f"[{fact.id}]({href})" if (href := link(fact.id)) else fact.id
            rows.append(f"| {fact_id} | {plain(topic.name[lang])} | {claim} | {date} |")
    return '<div class="platform-rules" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def group_list(base: FactBase, lang: str, strings: dict, href: Callable[[Group], "str | None"]) -> str:
    """The fact sheet's pages, one item each: the linked group name, its topics and how many facts it lists."""
    words = strings["facts"]
    items = []
    for group in base.groups.values():
        topics = group_topics(base, group.id)
        if not topics:
            continue
        name = plain(group.name[lang])
        target = href(group)
        items.append("- " + words["group_item"].format(
            name=f"[{name}]({target})" if target else name,
            topics=words["list_sep"].join(plain(topic.name[lang]) for topic, _ in topics),
            count=sum(len(facts) for _, facts in topics)))
    return "\n".join(items)
