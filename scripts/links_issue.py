"""Turns the output of `python -m scripts.check --external` into the body of the weekly outside-links issue.

Usage: `python -m scripts.links_issue REPORT > body.md` (REPORT: the checker's standard output). The weekly
workflow (.github/workflows/links.yml) opens or updates one issue with this body. Each address is listed once,
with the pages and lines that link to it and, once the fact base (`facts/*.yml`) exists, the ids of the facts
whose sources give it, so that a writer knows which entries to recheck.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
# One line of the checker's external rule (scripts/check/external.py): `path:line: outside link URL fails: reason — fix`.
LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+): outside link (?P<url>\S+) (?P<what>fails|moved)(?::| to) (?P<reason>.*?)(?: — .*)?$")


def failing_links(report: str) -> dict[str, dict]:
    """Addresses the report lists, each with its reason and the `path:line` places that link to it."""
    found: dict[str, dict] = {}
    for text in report.splitlines():
        match = LINE.match(text.strip())
        if not match:
            continue
        entry = found.setdefault(match["url"], {"reason": f"{match['what']}: {match['reason']}", "places": []})
        entry["places"].append(f"{match['path']}:{match['line']}")
    return found


def facts_citing(root: Path = PROJECT) -> dict[str, list[str]]:
    """Every source address in `facts/*.yml`, mapped to the ids of the facts that give it (empty without a fact base)."""
    by_url: dict[str, list[str]] = {}
    for path in sorted((root / "facts").glob("*.yml")):
        facts = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if not isinstance(facts, list):
            continue  # facts/topics.yml names the topics: no facts in it
        for fact in facts:
            for source in fact.get("sources") or []:
                url = str(source.get("url") or "").split("#", 1)[0]
                if url:
                    by_url.setdefault(url, []).append(str(fact.get("id")))
    return by_url


def issue_body(report: str, facts: dict[str, list[str]], run_url: str = "") -> str:
    """The issue's Markdown: one list item per address; empty string when nothing fails."""
    links = failing_links(report)
    if not links:
        return ""
    lines = [f"The weekly outside-link check (`python -m scripts.check --external`) found {len(links)} "
             f"address{'es' * (len(links) != 1)} that fail{'s' * (len(links) == 1)}.", ""]
    for url, entry in sorted(links.items()):
        ids = facts.get(url.split("#", 1)[0], [])
        cited = f" — facts: {', '.join(ids)}" if ids else ""
        lines.append(f"- [ ] <{url}> ({entry['reason']}){cited} — in {', '.join(entry['places'])}")
    lines += ["", "Fix the address in the fact's sources and the pages, or give the new or archived original address."]
    if run_url:
        lines += ["", f"Run: {run_url}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Print the issue body for the report file given as the only argument (nothing when no link fails)."""
    if len(argv) not in (1, 2):
        print("usage: python -m scripts.links_issue REPORT [RUN_URL]", file=sys.stderr)
        return 2
    report = Path(argv[0]).read_text(encoding="utf-8")
    sys.stdout.write(issue_body(report, facts_citing(), argv[1] if len(argv) == 2 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
