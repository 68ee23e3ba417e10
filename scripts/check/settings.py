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
    custom_dir: Path | None = None
    extra_assets: tuple[tuple[str, int], ...] = ()  # extra_css / extra_javascript: (file, line in mkdocs.yml)
    build_timeout_seconds: float = 120.0
    external_run_seconds: float = 300.0
    max_page_bytes: int = 1_000_000
    max_nesting: int = 20
    local_addresses: tuple[re.Pattern[str], ...] = ()
    own_addresses: tuple[str, ...] = ()  # site_url, repo_url and allowed_outside_links: links there need no fact

    def relative(self, path: Path) -> str:
        """Return `path` relative to the project root, as printed in problems."""
        try:
            return path.absolute().relative_to(self.root.absolute()).as_posix()
        except ValueError:
            return path.as_posix()

    def config_line(self, needle: str, default: int = 1) -> int:
        """The first line of mkdocs.yml that contains `needle` (e.g. a file name it lists)."""
        try:
            lines = (self.root / "mkdocs.yml").read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return default
        return next((number for number, text in enumerate(lines, start=1) if needle and needle in text), default)


class SettingsError(Exception):
    """A configuration file is missing or does not say what the checker needs, at `path:line`."""

    def __init__(self, message: str, path: str = "mkdocs.yml", line: int = 1, fix: str = "") -> None:
        super().__init__(message)
        self.path, self.line, self.message, self.fix = path, line, message, fix

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" + (f" — {self.fix}" if self.fix else "")


class _ConfigLoader(yaml.SafeLoader):
    """YAML's safe loader that reads MkDocs' own tags (`!ENV`, `!relative`, `!!python/name:`) as plain values.

    The checker only needs a few keys of mkdocs.yml; MkDocs itself resolves these tags when it builds.
    """


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_ConfigLoader.add_multi_constructor("!", _any_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def _yaml_error(name: str, error: yaml.YAMLError) -> SettingsError:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    reason = " ".join(str(getattr(error, "problem", None) or error).split())
    context = getattr(error, "context", None)
    if context:
        reason = f"{' '.join(str(context).split())}: {reason}"
    return SettingsError(f"not valid YAML ({reason})", name, mark.line + 1 if mark else 1,
                         "fix the indentation or quoting at this line (a value with `: ` or starting with a special character needs quotes)")


def _i18n_languages(mkdocs_config: dict) -> list[dict]:
    for plugin in mkdocs_config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            languages = plugin["i18n"].get("languages") or []
            if isinstance(languages, list) and languages and all(isinstance(lang, dict) and lang.get("locale") for lang in languages):
                return languages
    raise SettingsError("no `i18n` plugin with `languages`, each with a `locale`", "mkdocs.yml", 1,
                        "add mkdocs-static-i18n's configuration under `plugins:`")


def _redirect_maps(mkdocs_config: dict, text: str) -> tuple[dict[str, str], int]:
    """`redirects: redirect_maps` of mkdocs.yml, and the line where a new entry goes."""
    maps: dict = {}
    for plugin in mkdocs_config.get("plugins") or []:
        if isinstance(plugin, dict) and "redirects" in plugin:
            maps = (plugin["redirects"] or {}).get("redirect_maps") or {}
    line = next((n for n, t in enumerate(text.splitlines(), 1) if "redirect_maps" in t), 1)
    return ({str(k): str(v) for k, v in maps.items()} if isinstance(maps, dict) else {}), line


def _extra_assets(mkdocs_config: dict, text: str) -> tuple[tuple[str, int], ...]:
    """The files listed under extra_css and extra_javascript (a name, or a mapping with `path`), with their lines."""
    lines = text.splitlines()
    found = []
    for key in ("extra_css", "extra_javascript"):
        entries = mkdocs_config.get(key) or []
        for entry in entries if isinstance(entries, list) else []:
            name = entry.get("path") if isinstance(entry, dict) else entry
            if isinstance(name, str) and name and not name.startswith(("http://", "https://", "//")):
                line = next((n for n, t in enumerate(lines, 1) if name in t), 1)
                found.append((name, line))
    return tuple(found)


def _table_line(text: str, key: str) -> int:
    return next((n for n, t in enumerate(text.splitlines(), 1) if t.strip().startswith(key)), 1)


def _patterns(rules: dict, key: str, text: str) -> tuple[re.Pattern[str], ...]:
    """The regular expressions listed under `key` (case-insensitive); a broken one is reported at its line."""
    patterns = []
    for pattern in rules.get(key, []) if key != "forbidden_links" else rules[key]:
        try:
            patterns.append(re.compile(str(pattern), re.IGNORECASE))
        except re.error as error:
            line = next((n for n, t in enumerate(text.splitlines(), 1) if str(pattern) in t), _table_line(text, key))
            raise SettingsError(f"a pattern of {key} is not a valid regular expression ({error})", "pyproject.toml", line,
                                "fix the pattern (Python regular expression syntax)") from error
    return tuple(patterns)


def load_settings(root: Path) -> Settings:
    """Read the settings of the project at `root` from its mkdocs.yml and pyproject.toml; raise SettingsError."""
    try:
        mkdocs_text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"cannot read the file ({getattr(error, 'strerror', None) or error})", "mkdocs.yml", 1,
                            "restore mkdocs.yml (UTF-8 text) from git") from error
    try:
        mkdocs_config = yaml.load(mkdocs_text, Loader=_ConfigLoader) or {}  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        raise _yaml_error("mkdocs.yml", error) from error
    except ValueError as error:  # YAML parsed a value Python rejects, e.g. an impossible date
        raise SettingsError(f"a value YAML reads but Python rejects ({error})", "mkdocs.yml", 1, "quote the value") from error
    if not isinstance(mkdocs_config, dict):
        raise SettingsError("not a set of `key: value` settings", "mkdocs.yml", 1, "restore mkdocs.yml from git")
    try:
        pyproject_text = (root / "pyproject.toml").read_text(encoding="utf-8")
        pyproject = tomllib.loads(pyproject_text)
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"cannot read the file ({error})", "pyproject.toml", 1, "restore pyproject.toml from git") from error
    except tomllib.TOMLDecodeError as error:
        line = int(m[1]) if (m := re.search(r"line (\d+)", str(error))) else (len(pyproject_text.splitlines()) if "end of document" in str(error) else 1)
        raise SettingsError(f"not valid TOML ({error})", "pyproject.toml", line, "fix the syntax at this line") from error
    rules = pyproject.get("tool", {}).get("lora-harms", {}).get("check")
    if not isinstance(rules, dict):
        raise SettingsError("no [tool.lora-harms.check] table", "pyproject.toml", 1, "restore the checker's settings from git")
    table = _table_line(pyproject_text, "[tool.lora-harms.check]")
    languages = _i18n_languages(mkdocs_config)
    default = next((lang["locale"] for lang in languages if lang.get("default")), languages[0]["locale"])
    redirect_maps, redirect_maps_line = _redirect_maps(mkdocs_config, mkdocs_text)
    theme = mkdocs_config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    try:
        forbidden = _patterns(rules, "forbidden_links", pyproject_text)
        local = _patterns(rules, "local_addresses", pyproject_text)
        return Settings(
            root=root,
            docs_dir=root / str(mkdocs_config.get("docs_dir") or "docs"),
            languages=tuple(str(lang["locale"]) for lang in languages),
            default_language=str(default),
            site_url=str(mkdocs_config.get("site_url") or ""),
            site_names={lang["locale"]: str(lang.get("site_name") or mkdocs_config.get("site_name", "")) for lang in languages},
            required_front_matter=tuple(rules["required_front_matter"]),
            last_section_id=str(rules["last_section_id"]),
            forbidden_links=forbidden,
            external_timeout_seconds=int(rules["external_timeout_seconds"]),
            external_max_concurrency=max(1, int(rules["external_max_concurrency"])),
            external_max_retries=max(0, int(rules["external_max_retries"])),
            external_cache_max_age_hours=float(rules["external_cache_max_age_hours"]),
            redirect_maps=redirect_maps,
            redirect_maps_line=redirect_maps_line,
            custom_dir=root / str(custom_dir) if custom_dir else None,
            extra_assets=_extra_assets(mkdocs_config, mkdocs_text),
            build_timeout_seconds=float(rules.get("build_timeout_seconds", 120)),
            external_run_seconds=float(rules.get("external_run_seconds", 300)),
            max_page_bytes=int(rules.get("max_page_bytes", 1_000_000)),
            max_nesting=int(rules.get("max_nesting", 20)),
            local_addresses=local,
            own_addresses=tuple(str(a) for a in (mkdocs_config.get("site_url", ""), mkdocs_config.get("repo_url", ""),
                                                 *rules.get("allowed_outside_links", [])) if a),
        )
    except KeyError as error:
        raise SettingsError(f"[tool.lora-harms.check] has no {error}", "pyproject.toml", table,
                            "restore the checker's settings from git") from error
    except (TypeError, ValueError, re.error) as error:
        key = next((key for key in rules if str(rules[key]) in str(error)), "")
        raise SettingsError(f"a checker setting has the wrong form ({error})", "pyproject.toml",
                            _table_line(pyproject_text, key) if key else table,
                            "see the comments in [tool.lora-harms.check] for the expected form") from error
