"""The site's interface text, one file per language: `overrides/locales/<lang>.yml`.

No MkDocs import: the hooks (beside this file), the templates (through scripts/hooks/strings.py)
and scripts such as make_cards.py all read the same files through `load`.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

FOLDER = Path("overrides") / "locales"  # MkDocs never copies a theme's locales/ into the site


@functools.lru_cache(maxsize=None)
def _read(path: Path, mtime: float) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def load(project_root: Path, locale: str) -> dict:
    """The interface text of one language, as a nested mapping (read again when the file changes)."""
    path = project_root / FOLDER / f"{locale}.yml"
    return _read(path, path.stat().st_mtime)
