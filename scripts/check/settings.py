"""The checker's settings, read from the two configuration files (nothing is defined twice).

`mkdocs.yml` says which languages exist and which one is the default; `pyproject.toml`
(`[tool.lora-harms.check]`) holds the site rules: required front matter, the last section, the
addresses that must never be linked, and how `--external` behaves.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Settings:
    """Everything the checker needs to know about one project."""

    root: Path
    docs_dir: Path
    languages: tuple[str, ...]
    default_language: str
    site_url: str
    site_names: dict[str, str]  # per language: i18n's site_name, else mkdocs.yml's
    required_front_matter: tuple[str, ...]
    last_section_id: str
    forbidden_links: tuple[re.Pattern[str], ...]
    external_timeout_seconds: int
    external_max_concurrency: int
    external_max_retries: int
    external_cache_max_age_hours: float
    redirect_maps: dict[str, str]
    redirect_maps_line: int
    own_addresses: tuple[str, ...] = ()  # site_url, repo_url and allowed_outside_links: links there need no fact

    def relative(self, path: Path) -> str:
        """Return `path` relative to the project root, as printed in problems."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


class SettingsError(Exception):
    """A configuration file is missing or does not say what the checker needs."""


def _i18n_languages(mkdocs_config: dict) -> list[dict]:
    for plugin in mkdocs_config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"].get("languages", [])
    raise SettingsError("mkdocs.yml: no `i18n` plugin with `languages` — add mkdocs-static-i18n's configuration")


def _redirect_maps(mkdocs_config: dict, text: str) -> tuple[dict[str, str], int]:
    """`redirects: redirect_maps` of mkdocs.yml, and the line where a new entry goes."""
    maps: dict[str, str] = {}
    for plugin in mkdocs_config.get("plugins", []):
        if isinstance(plugin, dict) and "redirects" in plugin:
            maps = (plugin["redirects"] or {}).get("redirect_maps") or {}
    line = next((n for n, t in enumerate(text.splitlines(), 1) if "redirect_maps" in t), 1)
    return {str(k): str(v) for k, v in maps.items()}, line


def load_settings(root: Path) -> Settings:
    """Read the settings of the project at `root` from its mkdocs.yml and pyproject.toml."""
    try:
        mkdocs_text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        mkdocs_config = yaml.safe_load(mkdocs_text) or {}
        pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"cannot read the configuration: {error}") from error
    rules = pyproject.get("tool", {}).get("lora-harms", {}).get("check")
    if rules is None:
        raise SettingsError("pyproject.toml: no [tool.lora-harms.check] table")
    languages = _i18n_languages(mkdocs_config)
    default = next((lang["locale"] for lang in languages if lang.get("default")), languages[0]["locale"])
    redirect_maps, redirect_maps_line = _redirect_maps(mkdocs_config, mkdocs_text)
    return Settings(
        root=root,
        docs_dir=root / mkdocs_config.get("docs_dir", "docs"),
        languages=tuple(lang["locale"] for lang in languages),
        default_language=default,
        site_url=mkdocs_config.get("site_url", ""),
        site_names={lang["locale"]: lang.get("site_name") or mkdocs_config.get("site_name", "") for lang in languages},
        required_front_matter=tuple(rules["required_front_matter"]),
        last_section_id=rules["last_section_id"],
        forbidden_links=tuple(re.compile(pattern) for pattern in rules["forbidden_links"]),
        external_timeout_seconds=int(rules["external_timeout_seconds"]),
        external_max_concurrency=int(rules["external_max_concurrency"]),
        external_max_retries=int(rules["external_max_retries"]),
        external_cache_max_age_hours=float(rules["external_cache_max_age_hours"]),
        redirect_maps=redirect_maps,
        redirect_maps_line=redirect_maps_line,
        own_addresses=tuple(a for a in (mkdocs_config.get("site_url", ""), mkdocs_config.get("repo_url", ""),
                                         *rules.get("allowed_outside_links", [])) if a),
    )
