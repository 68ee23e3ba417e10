"""The project's fact base (`facts/*.yml`): loaded, validated against one schema, and cited from pages.

No MkDocs import: the citation hook (scripts/hooks/citations.py) and the checker (scripts/check/) both
use this module, so the schema, the citation syntax `[[R-9]]` and the address comparison are written
once. The schema is TEAM.md's decision 1, checked here in plain Python over PyYAML's node tree rather
than with a JSON Schema: a schema validator reports paths (`/3/sources/0/url`), while contributors
need the line of the YAML file, and PyYAML (already a dependency of the site) keeps every line.

Every page-text question (front matter, fences, headings) is answered by pagetext.py beside this file;
the callers hand over which lines are code, so that this module imports nothing of the site.

`facts/topics.yml` sorts the topics into groups, one page of the fact sheet each (`docs/facts/<group>.<lang>.md`),
names groups and topics in both languages, in the order the pages list them, and says which topics are
platforms (their facts make the table of rules and routes on the fact sheet's overview, `docs/facts.<lang>.md`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

FACTS_DIR = "facts"
TOPICS_FILE = "topics.yml"
FACT_SHEET = "facts.md"  # the fact sheet's overview (docs/facts.<lang>.md): the platform table and the groups
GROUP_PAGE = "facts/{group}.md"  # one page per group of topics (docs/facts/<group>.<lang>.md), where its facts have anchors
STATUSES = ("verified", "partly-verified", "unverified", "contradicts-source")
KEYS = ("id", "topic", "status", "claim", "scope", "sources", "as_of", "checked", "recheck_days", "corrected_by", "notes")
REQUIRED = ("id", "topic", "status", "claim", "sources", "checked", "recheck_days")
SOURCE_KEYS = ("url", "repo", "path", "title", "publisher", "date", "read")
SOURCE_REQUIRED = ("title", "publisher", "read")
LANGUAGES = ("ja", "en")
FACT_ID = re.compile(r"^[A-Z]-[1-9][0-9]*$")
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")

# A citation: `[[R-9]]` or `[[R-9, L-6]]`. Anything between double brackets is read as a citation, so a
# mistyped id (`[[R9]]`) is reported instead of being shown as text.
MARKER = re.compile(r"\[\[(?P<ids>[^\[\]\n]*)\]\]")
BACKTICKS = re.compile(r"`+")


@dataclass(frozen=True)
class FactError:
    """A defect in a facts file, printed as `facts/x.yml:LINE: what — what to do`."""

    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} — {self.fix}"


@dataclass(frozen=True)
class Source:
    """One source of a fact: an address and/or a repository file, with title, publisher, date and how it was read."""

    title: str
    publisher: str
    read: str
    url: str | None = None
    repo: str | None = None
    path: str | None = None
    date: str | None = None  # ISO date, or only year-month / year when the entry gives no more: 2026-08-08, 2023-02, 2021


@dataclass(frozen=True)
class Fact:
    """One checked fact (an entry of facts/*.yml), with the file and line where it starts."""

    id: str
    topic: str
    status: str
    claim: dict[str, str]
    sources: tuple[Source, ...]
    checked: dt.date
    recheck_days: int
    file: str
    line: int
    scope: dict[str, str] | None = None
    as_of: dt.date | None = None
    corrected_by: str | None = None
    notes: str = ""

    @property
    def due(self) -> dt.date:
        """The date by which the fact must be checked again."""
        return self.checked + dt.timedelta(days=self.recheck_days)

    def anchor(self) -> str:
        """The fact's anchor on the fact sheet: `r-9` for R-9."""
        return self.id.lower()

    def sort_key(self) -> tuple[str, int]:
        """Order by letter, then number (T-2 before T-10)."""
        letter, _, number = self.id.partition("-")
        return letter, int(number)


@dataclass(frozen=True)
class Topic:
    """A topic of the fact sheet: its names in each language, its group, and whether it is a platform."""

    id: str
    name: dict[str, str]
    platform: bool = False
    group: str | None = None

    def anchor(self) -> str:
        """The topic's anchor on its group's page: `topic-civitai`."""
        return f"topic-{self.id}"


@dataclass(frozen=True)
class Group:
    """A group of topics, listed on a page of its own (`docs/facts/<id>.<lang>.md`), named in each language."""

    id: str
    name: dict[str, str]
    topics: tuple[str, ...]

    @property
    def page(self) -> str:
        """The group's page file without its language suffix: `facts/platforms.md`."""
        return GROUP_PAGE.format(group=self.id)


@dataclass
class FactBase:
    """Every fact by id (in file order), the groups and topics in fact-sheet order, and what could not be read."""

    facts: dict[str, Fact] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    errors: list[FactError] = field(default_factory=list)

    def group_of(self, fact_id: str) -> Group | None:
        """The group whose page lists the fact (None for an unknown fact or a topic in no group)."""
        fact = self.facts.get(fact_id)
        topic = self.topics.get(fact.topic) if fact else None
        return self.groups.get(topic.group) if topic and topic.group else None

    def by_topic(self, group: str | None = None) -> list[tuple[Topic, list[Fact]]]:
        """The facts grouped by topic, in the order of topics.yml (topics it lacks come last), ids in order.

        With `group`, only the topics of that group.
        """
        order = list(self.topics) + sorted({f.topic for f in self.facts.values()} - set(self.topics))
        if group is not None:
            order = [topic for topic in order if topic in self.topics and self.topics[topic].group == group]
        groups = []
        for topic in order:
            facts = sorted((f for f in self.facts.values() if f.topic == topic), key=Fact.sort_key)
            if facts:
                groups.append((self.topics.get(topic) or Topic(topic, {lang: topic for lang in LANGUAGES}), facts))
        return groups


# --- reading and validating -------------------------------------------------------------------


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mapping(node: yaml.MappingNode, rel: str, errors: list[FactError]) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A mapping node's entries by key, reporting a key written twice (PyYAML would keep the last silently)."""
    entries: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key, value in node.value:
        name = str(key.value)
        if name in entries:
            errors.append(FactError(rel, _line(key), f"'{name}' is written twice in this entry (first at line {_line(entries[name][0])})",
                                    "keep one of them"))
        entries[name] = (key, value)
    return entries


def _scalar(loader: yaml.SafeLoader, node: yaml.Node):
    return loader.construct_object(node, deep=True)


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


class _Reader:
    """Validates one facts file node by node, collecting every error with its line."""

    def __init__(self, rel: str, loader: yaml.SafeLoader, errors: list[FactError]):
        self.rel, self.loader, self.errors = rel, loader, errors

    def error(self, node: yaml.Node, message: str, fix: str) -> None:
        self.errors.append(FactError(self.rel, _line(node), message, fix))

    def mapping(self, node: yaml.Node, message: str, fix: str) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        """The node's `key: value` lines by key; None, with the error given, when the node is not a mapping."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, message, fix)
            return None
        return _mapping(node, self.rel, self.errors)

    def text(self, node: yaml.Node, what: str) -> str | None:
        value = _scalar(self.loader, node) if isinstance(node, yaml.ScalarNode) else None
        if not isinstance(value, str) or not value.strip():
            self.error(node, f"{what} is not a piece of text", f"write {what} as text (quote it if YAML reads it as a number or date)")
            return None
        return value.strip()

    def date(self, node: yaml.Node, what: str) -> dt.date | None:
        value = as_date(_scalar(self.loader, node)) if isinstance(node, yaml.ScalarNode) else None
        if value is None:
            self.error(node, f"{what} is not a date", f"write it as YYYY-MM-DD, e.g. `{what}: 2026-11-29`")
        return value

    def partial_date(self, node: yaml.Node) -> str | None:
        value = _scalar(self.loader, node) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value.isoformat()
        if isinstance(value, (str, int)) and PARTIAL_DATE.match(str(value)):
            try:
                dt.date.fromisoformat((str(value) + "-01-01")[:10])
                return str(value)
            except ValueError:
                pass
        self.error(node, f"date '{node.value}' is not a date", 'write YYYY-MM-DD, or "YYYY-MM" / "YYYY" (quoted) when the source gives no more')
        return None

    def languages(self, node: yaml.Node, what: str) -> dict[str, str] | None:
        entries = self.mapping(node, f"{what} is not a ja/en pair", f"write `{what}:` with `ja: …` and `en: …` under it")
        if entries is None:
            return None
        result = {}
        for lang in LANGUAGES:
            if lang not in entries:
                self.error(node, f"{what} has no '{lang}' text", f"add `{lang}: …` under `{what}:` (both languages, in the project's own words)")
            elif (text := self.text(entries[lang][1], f"{what}.{lang}")) is not None:
                result[lang] = text
        for key, (key_node, _) in entries.items():
            if key not in LANGUAGES:
                self.error(key_node, f"{what} has an unknown language '{key}'", f"use only {' and '.join(LANGUAGES)}")
        return result if len(result) == len(LANGUAGES) else None

    def source(self, node: yaml.Node) -> Source | None:
        entries = self.mapping(node, "a source is not a set of `key: value` lines", "write each source as `- title: …` with publisher, read and url or repo + path")
        if entries is None:
            return None
        for key, (key_node, _) in entries.items():
            if key not in SOURCE_KEYS:
                self.error(key_node, f"unknown source key '{key}'", f"use only {', '.join(SOURCE_KEYS)}")
        values: dict = {}
        ok = True
        for key in SOURCE_REQUIRED:
            if key not in entries:
                self.error(node, f"a source has no '{key}'", f"add `{key}: …` to the source")
                ok = False
        for key in ("title", "publisher", "read", "repo", "path"):
            if key in entries:
                values[key] = self.text(entries[key][1], key)
                ok = ok and values[key] is not None
        if "url" in entries:
            url = self.text(entries["url"][1], "url")
            if url is not None and not re.match(r"^https?://[^\s/]+\.[^\s/]+", url):
                self.error(entries["url"][1], f"url '{url}' is not a web address", "write the original address, starting with https://")
                url = None
            values["url"] = url
            ok = ok and url is not None
        if values.get("repo") and not REPO.match(values["repo"]):
            self.error(entries["repo"][1], f"repo '{values['repo']}' is not owner/name", "write the repository as owner/name, e.g. civitai/civitai")
            ok = False
        if "date" in entries:
            values["date"] = self.partial_date(entries["date"][1])
            ok = ok and values["date"] is not None
        return Source(**values) if ok else None

    def fact(self, node: yaml.Node) -> Fact | None:
        entries = self.mapping(node, "an entry is not a set of `key: value` lines", "start each entry with `- id: R-9` and the keys of TEAM.md's schema")
        if entries is None:
            return None
        label = f"entry at line {_line(node)}"
        if "id" in entries and isinstance(entries["id"][1], yaml.ScalarNode):
            label = str(entries["id"][1].value)
        before = len(self.errors)
        for key in REQUIRED:
            if key not in entries:
                self.error(node, f"{label} has no '{key}'", f"add `{key}: …` (see the schema in CONTRIBUTING.md)")
        for key, (key_node, _) in entries.items():
            if key not in KEYS:
                self.error(key_node, f"{label} has an unknown key '{key}'", f"use only {', '.join(KEYS)}")
        get = lambda key: entries[key][1] if key in entries else None  # noqa: E731
        fact_id = self.text(get("id"), "id") if get("id") else None
        if fact_id and not FACT_ID.match(fact_id):
            self.error(get("id"), f"id '{fact_id}' is not a fact id", "write it as in the shared facts files: a capital letter, a hyphen and a number (T-1, R-38, L-6)")
        topic = self.text(get("topic"), "topic") if get("topic") else None
        if topic and not KEBAB.match(topic):
            self.error(get("topic"), f"topic '{topic}' is not lowercase-kebab", "use lowercase English words joined by hyphens, e.g. civitai or japan-law")
        status = self.text(get("status"), "status") if get("status") else None
        if status and status not in STATUSES:
            self.error(get("status"), f"status '{status}' is not one of {', '.join(STATUSES)}", "use the status the shared facts file gives the entry")
        claim = self.languages(get("claim"), "claim") if get("claim") else None
        scope = self.languages(get("scope"), "scope") if get("scope") else None
        if status == "partly-verified" and not get("scope"):
            self.error(node, f"{label} is partly-verified but has no 'scope'", "add `scope:` with ja/en saying which part is verified")
        if get("scope") and status and status != "partly-verified":
            self.error(entries["scope"][0], f"{label} has a 'scope' but its status is {status}", "remove scope: it is only for partly-verified facts")
        sources: list[Source] = []
        if get("sources") is not None:
            if not isinstance(get("sources"), yaml.SequenceNode) or (not get("sources").value and status != "unverified"):
                self.error(get("sources"), f"{label} has no list of sources", "write `sources:` followed by `- title: …` items")
            else:
                sources = [s for s in (self.source(item) for item in get("sources").value) if s]
        as_of = self.date(get("as_of"), "as_of") if get("as_of") else None
        checked = self.date(get("checked"), "checked") if get("checked") else None
        if checked and checked > dt.date.today():
            self.error(get("checked"), f"checked {checked.isoformat()} is in the future", "write the date the fact was actually checked")
        recheck = _scalar(self.loader, get("recheck_days")) if isinstance(get("recheck_days"), yaml.ScalarNode) else None
        if get("recheck_days") and (not isinstance(recheck, int) or isinstance(recheck, bool) or recheck <= 0):
            self.error(get("recheck_days"), f"recheck_days '{get('recheck_days').value}' is not a whole number of days",
                       "write 120 for platform rules, labels and report routes, 365 for laws, papers and cases")
        corrected_by = self.text(get("corrected_by"), "corrected_by") if get("corrected_by") else None
        notes = self.text(get("notes"), "notes") if get("notes") else ""
        if len(self.errors) > before:
            return None
        return Fact(id=fact_id, topic=topic, status=status, claim=claim, sources=tuple(sources), checked=checked,
                    recheck_days=recheck, file=self.rel, line=_line(node), scope=scope, as_of=as_of,
                    corrected_by=corrected_by, notes=notes or "")


def _compose(path: Path, rel: str, errors: list[FactError]) -> tuple[yaml.Node | None, yaml.SafeLoader | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        errors.append(FactError(rel, 1, f"cannot read the file ({error})", "save it as UTF-8 text"))
        return None, None
    loader = yaml.SafeLoader(text)
    try:
        return loader.get_single_node(), loader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        errors.append(FactError(rel, mark.line + 1 if mark else 1, f"not valid YAML ({error.problem})",
                                "indent with spaces; quote text that contains `: ` or starts with a special character"))
        return None, None


def _read_topics(path: Path, rel: str, errors: list[FactError]) -> tuple[dict[str, Group], dict[str, Topic]]:
    """The groups of topics.yml and every topic of them, in file order (a topic's `group` names its group)."""
    node, loader = _compose(path, rel, errors)
    if node is None:
        return {}, {}
    shape = "write `group-id:` with `ja:`, `en:` and `topics:` under it, and each topic under `topics:` (see CONTRIBUTING.md)"
    if not isinstance(node, yaml.MappingNode):
        errors.append(FactError(rel, 1, "topics.yml is not a set of groups", shape))
        return {}, {}
    reader = _Reader(rel, loader, errors)
    groups: dict[str, Group] = {}
    topics: dict[str, Topic] = {}
    for group_id, (key_node, value) in _mapping(node, rel, errors).items():
        if not KEBAB.match(group_id):
            reader.error(key_node, f"group '{group_id}' is not lowercase-kebab", "use lowercase English words joined by hyphens: it is the page's address, /facts/<group>/")
        entries = reader.mapping(value, f"group '{group_id}' has no names and topics", shape)
        if entries is None:
            continue
        for key, (unknown, _) in entries.items():
            if key not in (*LANGUAGES, "topics"):
                reader.error(unknown, f"group '{group_id}' has an unknown key '{key}'", f"use only {', '.join(LANGUAGES)} and topics")
        names = {lang: reader.text(entries[lang][1], f"{group_id}.{lang}") for lang in LANGUAGES if lang in entries}
        if len(names) != len(LANGUAGES) or None in names.values():
            reader.error(value, f"group '{group_id}' is not named in both languages", "write `ja: …` and `en: …` under it")
            continue
        members = reader.mapping(entries["topics"][1], f"group '{group_id}' has no list of topics", shape) if "topics" in entries else None
        if not members:
            if "topics" not in entries:
                reader.error(value, f"group '{group_id}' has no topics", "add `topics:` with at least one `topic-id: {ja: …, en: …}` under it")
            continue
        for topic_id, (topic_node, topic_value) in members.items():
            if not KEBAB.match(topic_id):
                reader.error(topic_node, f"topic '{topic_id}' is not lowercase-kebab", "use lowercase English words joined by hyphens")
            if topic_id in topics:
                reader.error(topic_node, f"topic '{topic_id}' is in group '{topics[topic_id].group}' and in group '{group_id}'",
                             "keep it in one group: a topic is listed on one page")
                continue
            fields = reader.mapping(topic_value, f"topic '{topic_id}' has no names", "write `ja: …` and `en: …` under it")
            if fields is None:
                continue
            platform = _scalar(loader, fields.pop("platform")[1]) if "platform" in fields else False
            topic_names = {lang: reader.text(fields[lang][1], f"{topic_id}.{lang}") for lang in LANGUAGES if lang in fields}
            if len(topic_names) != len(LANGUAGES) or None in topic_names.values():
                reader.error(topic_value, f"topic '{topic_id}' is not named in both languages", "write `ja: …` and `en: …` under it")
                continue
            topics[topic_id] = Topic(topic_id, topic_names, platform is True, group_id)
        groups[group_id] = Group(group_id, names, tuple(t for t in members if t in topics and topics[t].group == group_id))
    return groups, topics


def load(root: Path) -> FactBase:
    """Read and validate every `facts/*.yml` of the project at `root` (no facts folder: an empty base)."""
    base = FactBase()
    folder = root / FACTS_DIR
    if not folder.is_dir():
        return base
    if (folder / TOPICS_FILE).is_file():
        base.groups, base.topics = _read_topics(folder / TOPICS_FILE, f"{FACTS_DIR}/{TOPICS_FILE}", base.errors)
    first_line: dict[str, tuple[str, int]] = {}
    corrections: list[tuple[Fact, yaml.Node | None]] = []
    for path in sorted(folder.glob("*.yml")):
        if path.name == TOPICS_FILE:
            continue
        rel = f"{FACTS_DIR}/{path.name}"
        node, loader = _compose(path, rel, base.errors)
        if node is None:
            continue
        if not isinstance(node, yaml.SequenceNode):
            base.errors.append(FactError(rel, _line(node), "the file is not a list of facts", "start each fact with `- id: …` (TEAM.md, decision 1)"))
            continue
        reader = _Reader(rel, loader, base.errors)
        for item in node.value:
            fact = reader.fact(item)
            if fact is None:
                continue
            if fact.id in first_line:
                where = first_line[fact.id]
                base.errors.append(FactError(rel, fact.line, f"id {fact.id} is used twice (first at {where[0]}:{where[1]})",
                                             "keep one entry per id; ids are exactly those of the shared facts files"))
                continue
            first_line[fact.id] = (rel, fact.line)
            base.facts[fact.id] = fact
    for fact in base.facts.values():
        if base.topics and fact.topic not in base.topics:
            base.errors.append(FactError(fact.file, fact.line, f"{fact.id} has topic '{fact.topic}', which facts/topics.yml does not name",
                                         f"add `{fact.topic}:` with its ja and en names under the `topics:` of a group of facts/topics.yml, or use a topic it has"))
        if fact.corrected_by is not None:
            if fact.corrected_by not in base.facts:
                base.errors.append(FactError(fact.file, fact.line, f"{fact.id} is corrected_by {fact.corrected_by}, which is no fact",
                                             "name the id of the entry that corrects it (the Corrections table of the shared facts.md)"))
            elif fact.corrected_by == fact.id:
                base.errors.append(FactError(fact.file, fact.line, f"{fact.id} is corrected_by itself", "name the newer entry that corrects it"))
    return base


# --- citations in page text --------------------------------------------------------------------


@dataclass(frozen=True)
class Marker:
    """One citation marker in a page: the ids it names, its line (1-based) and its place in that line."""

    ids: tuple[str, ...]
    line: int
    start: int
    end: int


def _code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each inline code span of one line: a run of backticks up to the next run of the same length."""
    spans, position = [], 0
    while (opener := BACKTICKS.search(text, position)) is not None:
        closer = next((m for m in BACKTICKS.finditer(text, opener.end()) if len(m.group()) == len(opener.group())), None)
        if closer is None:
            position = opener.end()
            continue
        spans.append((opener.start(), closer.end()))
        position = closer.end()
    return spans


def markers(lines: list[str], code_lines: set[int], start: int = 0, line_offset: int = 0) -> list[Marker]:
    """Every citation marker from line index `start` on, outside code fences and inline code, in page order.

    `code_lines` are the indexes of fenced lines (pagetext's `PageText.code_lines`); a marker's line is
    its index + 1 + `line_offset` (the hook's Markdown starts after the front matter).
    """
    found = []
    for index in range(start, len(lines)):
        text = lines[index]
        if index in code_lines or "[[" not in text:
            continue
        spans = _code_spans(text)
        for match in MARKER.finditer(text):
            if any(start <= match.start() < end for start, end in spans):
                continue
            ids = tuple(part.strip() for part in match["ids"].split(","))
            found.append(Marker(ids, index + 1 + line_offset, match.start(), match.end()))
    return found


# --- addresses and text --------------------------------------------------------------------------


def normalise_url(url: str) -> str:
    """An address for comparison: scheme and host in lower case, no trailing slash, no #fragment, path unquoted."""
    parts = urlsplit(url.strip())
    path = unquote(parts.path).rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}{query}"


PHONE = re.compile(r"[#+]?\d[\d\-‐－ ()（）]*\d|#\d+")


def phone_digits(text: str) -> str:
    """A phone number reduced to what is dialled: digits, and a leading # or +."""
    return re.sub(r"[^\d#+]", "", unquote(text))


def phones_in(text: str) -> set[str]:
    """Every phone-number-like run of a text (`0570-003-110`, `#9110`), reduced to what is dialled."""
    return {phone_digits(m.group()) for m in PHONE.finditer(text)}


EN_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\be\.g)(?<!\bi\.e)(?<!\bNo)(?<!\bArt)(?<!\bArts)(?<!\bInc)(?<!\bv)(?<!\bvs)(?<!\bU\.S)(?<!\bet al)[.!?](?=\s+[A-Z0-9\"“(])")


def first_sentence(text: str, lang: str) -> str:
    """The first sentence of a claim, as the short form shown in a page's sources list."""
    text = " ".join(text.split()) if lang != "ja" else text.strip()
    if lang == "ja":
        depth = 0
        for index, char in enumerate(text):
            if char in "「『（":
                depth += 1
            elif char in "」』）":
                depth = max(0, depth - 1)
            elif char == "。" and depth == 0:
                return text[: index + 1]
        return text
    match = EN_SENTENCE_END.search(text)
    return text[: match.end()] if match else text


# --- what a page's citations must respect (shared by the hook's warnings and the checker's rules) ---


def unknown_citations(rel: str, found: list[Marker], base: FactBase) -> list[FactError]:
    """A cited id that is not in the fact base (or is not written as an id at all)."""
    errors = []
    for marker in found:
        for fact_id in marker.ids:
            if fact_id in base.facts:
                continue
            if not FACT_ID.match(fact_id):
                errors.append(FactError(rel, marker.line, f"citation [[{', '.join(marker.ids)}]] names '{fact_id}', which is not a fact id",
                                        "write ids as in facts/*.yml, e.g. [[R-9]], several as [[R-9, L-6]]"))
            else:
                errors.append(FactError(rel, marker.line, f"cites {fact_id}, which is not in the fact base",
                                        f"cite an id of {FACTS_DIR}/*.yml, or add the fact there first (CONTRIBUTING.md, 'Facts and citations')"))
    return errors


def unverified_citations(rel: str, found: list[Marker], base: FactBase) -> list[FactError]:
    """A cited fact whose status is unverified."""
    return [
        FactError(rel, marker.line, f"cites {fact_id}, which is unverified ({base.facts[fact_id].file}:{base.facts[fact_id].line})",
                  "leave the claim out: an unverified fact is never cited (verify it first, then change its status)")
        for marker in found for fact_id in marker.ids
        if fact_id in base.facts and base.facts[fact_id].status == "unverified"
    ]


def corrected_citations(rel: str, found: list[Marker], base: FactBase) -> list[FactError]:
    """A cited fact that a newer entry corrects (`corrected_by`), unless the same marker cites that entry too.

    `[[L-3, L-28]]` cites the older entry through the one that corrects it (TEAM.md, decision 2).
    """
    return [
        FactError(rel, marker.line, f"cites {fact_id}, which {base.facts[fact_id].corrected_by} corrects",
                  f"cite {base.facts[fact_id].corrected_by} instead, or both together: [[{base.facts[fact_id].corrected_by}, {fact_id}]]")
        for marker in found for fact_id in marker.ids
        if fact_id in base.facts and base.facts[fact_id].corrected_by and base.facts[fact_id].corrected_by not in marker.ids
    ]
