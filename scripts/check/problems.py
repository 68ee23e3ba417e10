"""What the checker reports: one problem, printed as `path:line: what is wrong — what to do`.

Each problem carries the stable id of the rule that found it (`LH001`…, listed in CONTRIBUTING.md
and in `rules.RULES`): code that needs to know what kind of problem it holds reads `rule` (and
`target`, the link or section concerned), never the message text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One defect in the site, located in a file (relative to the project root) and a line (1-based)."""

    path: str
    line: int
    message: str
    fix: str = ""
    rule: str = ""  # the rule's id, e.g. LH004 (set by rules.run_rules for the registered rules)
    target: str = ""  # the link target or section id the problem is about, when there is one

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} — {self.fix}" if self.fix else text
