"""Git helpers for translation freshness: what a page was at a commit, and what changed since.

No MkDocs import: used by the translation hook (beside this file) and by the checker.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


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


def then_and_now(root: Path, rel: str, commit: str) -> tuple[str, str]:
    """The file `rel` at `commit` and as it is now in the work tree (compare them with pagetext.changed_sections)."""
    return text_at(root, commit, rel), (root / rel).read_text(encoding="utf-8")
