"""Contributing works as CONTRIBUTING.md says: the edit button opens the page's own language, and
the GitHub workflows run the same commands a contributor runs."""

from __future__ import annotations

import re
from pathlib import Path
import subprocess
import sys

import pytest
import yaml

from tests.sitefactory import PROJECT


def test_edit_button_opens_the_file_of_the_page_language(built_site):
    built = built_site  # the real site, built once per session (tests/conftest.py)
    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    edit_base = f"{config['repo_url']}/{config['edit_uri']}"
    pages = sorted((PROJECT / "docs").rglob("*.*.md"))  # the fact sheet's group pages too (docs/facts/)
    assert pages
    for source in pages:
        name = source.relative_to(PROJECT / "docs").as_posix()
        slug, lang = name[: -len(".md")].rsplit(".", 1)
        folder = built / ("" if lang == "ja" else lang) / ("" if slug == "index" else slug)
        html = (folder / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]+)"[^>]*rel="edit"', html)
        assert links == [f"{edit_base}{name}"], (name, links)


def workflow(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1).
    return yaml.safe_load((PROJECT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def runs(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def contributor_commands() -> set[str]:
    """The commands the README's shell block gives (`scripts/serve`, `scripts/test`)."""
    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    return {line.split()[0] for block in blocks for line in block.splitlines() if line.strip()}


def test_workflows_run_the_readme_commands():
    assert contributor_commands() == {"scripts/serve", "scripts/test"}
    ci = workflow("ci.yml")
    assert set(ci[True]) == {"pull_request", "push"}
    job = ci["jobs"]["test"]
    assert job["runs-on"] == "ubuntu-latest" and job["env"]["CI"] == "true"
    assert runs(job) == [".ci/translated-from-reachable", "bash .ci/run"]
    assert "exec scripts/test" in (PROJECT / ".ci" / "run").read_text(encoding="utf-8")

    pages = workflow("pages.yml")
    assert pages[True]["push"]["branches"] == ["main"]
    build = pages["jobs"]["build"]
    assert runs(build) == ["scripts/setup", ".venv/bin/mkdocs build --strict"]
    # scripts/serve and scripts/test both start with scripts/setup: the same set-up as a contributor's.
    for command in contributor_commands():
        assert "scripts/setup" in (PROJECT / command).read_text(encoding="utf-8")
    uses = [step.get("uses", "") for job in pages["jobs"].values() for step in job["steps"]]
    assert any(use.startswith("actions/upload-pages-artifact@") for use in uses)
    assert any(use.startswith("actions/deploy-pages@") for use in uses)
    # Pages' write and token permissions belong to the deploy job alone (tests/test_repository.py checks every job).
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_workflows_fetch_the_whole_history():
    """translated_from names commits: a shallow clone could not compare the Japanese pages."""
    for name in ("ci.yml", "pages.yml"):
        checkouts = [step for job in workflow(name)["jobs"].values() for step in job["steps"]
                     if step.get("uses", "").startswith("actions/checkout@")]
        assert checkouts and all(step["with"]["fetch-depth"] == 0 for step in checkouts), name


# The workflows themselves pass the linter: tests/test_repository.py (with Dependabot and the issue forms).


def test_the_workflow_linter_fails_on_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n", encoding="utf-8")
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows", str(broken)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "broken.yml" in result.stdout + result.stderr
