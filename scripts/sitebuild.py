"""The one way this project runs `mkdocs build`: quiet, in-process where it can, or as a command.

Every build (the checker, the tests, the benchmarks) goes through here, so that the two variables
that silence the "MkDocs 2.0" banners are set in one place: `NO_MKDOCS_2_WARNING` (Material's
banner) and `DISABLE_MKDOCS_2_WARNING` (ProperDocs' banner, which the first one does not silence).
The shell commands (`scripts/serve`, `scripts/test`) and the workflows export the same two.
"""

from __future__ import annotations

import json
import logging
import os
import select
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def quiet_env(**extra: str) -> dict[str, str]:
    """This process's environment with both banner switches set (and `extra` added)."""
    return {**os.environ, **QUIET_ENV, **extra}


def build_command(site_dir: Path, config_file: Path | None = None, *, strict: bool = False, clean: bool = False) -> list[str]:
    """The `python -m mkdocs build` command line (for benchmarks, which time the command itself)."""
    # `--quiet` would also hide the warnings that `--strict` counts (MkDocs counts them in a log handler), so a
    # strict build is never quiet: its warnings must fail it.
    command = [sys.executable, "-m", "mkdocs", "build", *["--quiet"] * (not strict), "--site-dir", str(site_dir)]
    if config_file is not None:
        command += ["--config-file", str(config_file)]
    return command + ["--strict"] * strict + ["--clean"] * clean


@dataclass
class BuildResult:
    """What one build left: its warnings and errors, whether it succeeded, and where it failed.

    `records` holds each warning or error as (level, whole message): MkDocs writes some messages over
    several lines (the pages left out of `nav`), which `log` (one `LEVEL -  text` line each) cuts.
    `where` is (file, line) when the build failed in a file the project wrote (a template of
    overrides/, a hook); `timed_out` is set when the build was stopped at its time limit.
    """

    log: str
    ok: bool
    records: list[tuple[str, str]] = field(default_factory=list)
    where: tuple[str, int] | None = None
    timed_out: bool = False


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception as error:  # a plugin's malformed log call must not stop the build's report
            message = f"{record.msg!r} ({error})"
        self.records.append((record.levelname, message))


def _where(error: BaseException, root: Path) -> tuple[str, int] | None:
    """The project file and line an exception of the build comes from (a template or a hook), if any."""
    filename, lineno = getattr(error, "filename", None), getattr(error, "lineno", None)
    if isinstance(filename, str) and isinstance(lineno, int):  # Jinja's TemplateSyntaxError
        return filename, lineno
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        path = Path(frame.filename)
        # Jinja puts template lines in the traceback under the template's own file name.
        if path.is_absolute() and path.suffix in (".html", ".py") and root in path.parents and ".venv" not in path.parts:
            return frame.filename, frame.lineno or 1
    return None


def _build_here(config_file: Path, site_dir: Path, strict: bool) -> BuildResult:
    os.environ.update(QUIET_ENV)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    logger.addHandler(handler)
    level = logger.level
    if logger.getEffectiveLevel() > logging.WARNING:  # silenced earlier (`mkdocs -q` in this process): warnings count
        logger.setLevel(logging.WARNING)
    previous = Path.cwd()
    where = None
    try:
        os.chdir(config_file.parent)  # hooks and relative paths are read from the project folder
        config = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
        mkdocs_build(config)
        ok = True
    except (Exception, SystemExit) as error:  # mkdocs raises Abort (a SystemExit-like ClickException)
        handler.records.append(("ERROR", f"{type(error).__name__}: {error}"))
        where = _where(error, config_file.parent.resolve())
        ok = False
    finally:
        os.chdir(previous)
        logger.removeHandler(handler)
        logger.setLevel(level)
    log = "\n".join(f"{level} -  {' '.join(message.split())}" for level, message in handler.records)
    return BuildResult(log, ok, handler.records, where)


def build(config_file: Path, site_dir: Path, *, strict: bool = True, timeout: float | None = None) -> BuildResult:
    """Build the site of `config_file` into `site_dir` (as MkDocs' own tests do); never raises.

    Much faster than a new interpreter per build; the hooks and plugins are loaded afresh each time.
    A build that fails (strict warnings, a broken configuration) returns `ok=False` with the reason in
    the log instead of raising. With `timeout`, the build runs in a forked copy of this process, which
    is killed at the limit (a thread cannot be stopped, and a new interpreter costs seconds per build).
    """
    if timeout is None or not hasattr(os, "fork"):
        return _build_here(config_file, site_dir, strict)
    import mkdocs.commands.build  # noqa: F401 (imported once here, so the forked child starts at once)

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: build, send the result as JSON, leave without running the parent's exit code
        status = 1
        try:
            os.close(read_end)
            result = _build_here(config_file, site_dir, strict)
            with os.fdopen(write_end, "wb") as out:
                out.write(json.dumps(asdict(result)).encode("utf-8"))
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                os.kill(pid, signal.SIGKILL)
                message = f"the build took longer than {timeout:g} s and was stopped"
                return BuildResult(f"ERROR -  {message}", False, [("ERROR", message)], timed_out=True)
            ready, _, _ = select.select([read_end], [], [], remaining)
            if ready:
                chunk = os.read(read_end, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        os.close(read_end)
        os.waitpid(pid, 0)
    try:
        data = json.loads(b"".join(chunks).decode("utf-8"))
    except ValueError:
        message = "the build stopped without a result (the process ended abnormally)"
        return BuildResult(f"ERROR -  {message}", False, [("ERROR", message)])
    return BuildResult(data["log"], data["ok"], [tuple(record) for record in data["records"]],
                       tuple(data["where"]) if data["where"] else None, data["timed_out"])
