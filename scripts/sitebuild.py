"""The one way this project runs `mkdocs build`: quiet, in-process where it can, or as a command.

Every build (the checker, the tests, the benchmarks) goes through here, so that the two variables
that silence the "MkDocs 2.0" banners are set in one place: `NO_MKDOCS_2_WARNING` (Material's
banner) and `DISABLE_MKDOCS_2_WARNING` (ProperDocs' banner, which the first one does not silence).
The shell commands (`scripts/serve`, `scripts/test`) and the workflows export the same two.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def quiet_env(**extra: str) -> dict[str, str]:
    """This process's environment with both banner switches set (and `extra` added)."""
    return {**os.environ, **QUIET_ENV, **extra}


def build_command(site_dir: Path, config_file: Path | None = None, *, strict: bool = False, clean: bool = False) -> list[str]:
    """The `python -m mkdocs build` command line (for benchmarks, which time the command itself)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site_dir)]
    if config_file is not None:
        command += ["--config-file", str(config_file)]
    return command + ["--strict"] * strict + ["--clean"] * clean


@dataclass
class BuildResult:
    """What one build left: its warnings and errors as `LEVEL -  text` lines, and whether it succeeded."""

    log: str
    ok: bool


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} -  {record.getMessage()}")


def build(config_file: Path, site_dir: Path, *, strict: bool = True) -> BuildResult:
    """Build the site of `config_file` into `site_dir` in this process (as MkDocs' own tests do).

    Much faster than a new interpreter per build; the hooks and plugins are loaded afresh each time.
    A build that fails (strict warnings, a broken configuration) returns `ok=False` with the reason in
    the log instead of raising.
    """
    os.environ.update(QUIET_ENV)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    logger.addHandler(handler)
    previous = Path.cwd()
    try:
        os.chdir(config_file.parent)  # hooks and relative paths are read from the project folder
        config = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
        mkdocs_build(config)
        ok = True
    except (Exception, SystemExit) as error:  # mkdocs raises Abort (a SystemExit-like ClickException)
        handler.lines.append(f"ERROR -  {type(error).__name__}: {error}")
        ok = False
    finally:
        os.chdir(previous)
        logger.removeHandler(handler)
    return BuildResult("\n".join(handler.lines), ok)
