"""The repository's own files, as issue 14 asks: hardened workflows (zizmor finds nothing, every action pinned by
commit), Dependabot, issue forms, CODEOWNERS, pre-commit, the licences, the merge-commit check, the weekly
outside-link issue, and the ProperDocs build being MkDocs' own output apart from the generator tag."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import given, strategies as st
import yaml

from scripts import links_issue
from tests.sitefactory import PROJECT

BIN = Path(sys.executable).parent
WORKFLOWS = PROJECT / ".github" / "workflows"
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
# `uses: owner/repo@<40 hex> # v1.2.3` — a full commit, and the release it is, for people and Dependabot.
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$")


def workflow(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1).
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def all_workflows() -> dict[str, dict]:
    return {path.name: workflow(path.name) for path in sorted(WORKFLOWS.glob("*.yml"))}


def steps(name: str) -> list[dict]:
    return [step for job in workflow(name)["jobs"].values() for step in job["steps"]]


def uses_lines(text: str) -> list[str]:
    """The value of every `uses:` line (comment included), as written."""
    return [match.strip() for match in re.findall(r"^\s*(?:-\s*)?uses:\s*(.+)$", text, re.M)]


def run_at_once(commands: dict[str, list[str]]) -> dict[str, tuple[int, str]]:
    """Run independent commands in the project folder side by side (CI has two CPUs); (exit code, output) each."""
    running = {name: subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
               for name, command in commands.items()}
    results = {}
    try:
        for name, process in running.items():
            output, _ = process.communicate(timeout=300)
            results[name] = (process.returncode, output)
        return results
    finally:
        for process in running.values():
            if process.poll() is None:
                process.kill()
                process.wait()


def zizmor(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "zizmor"), "--offline", "--persona=pedantic", "--no-progress", *map(str, paths)],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "NO_COLOR": "1"})


# Workflows: zizmor, pins, schema

def test_zizmor_finds_nothing_in_the_workflows_and_dependabot():
    result = zizmor(PROJECT / ".github")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_zizmor_reports_an_unpinned_action_and_a_write_all_token(tmp_path):
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("name: bad\non: push\npermissions: write-all\njobs:\n  x:\n    runs-on: ubuntu-latest\n"
                   "    steps:\n      - uses: actions/checkout@v4\n", encoding="utf-8")
    result = zizmor(tmp_path / ".github")
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout and "excessive-permissions" in result.stdout


def test_every_action_is_pinned_to_a_commit_with_its_version():
    seen: dict[str, set[str]] = {}
    for path in sorted(WORKFLOWS.glob("*.yml")):
        lines = uses_lines(path.read_text(encoding="utf-8"))
        assert lines, path.name
        for line in lines:
            assert PINNED.match(line), f"{path.name}: `uses: {line}` — pin it as owner/repo@<40-hex commit> # vX.Y.Z"
            action, rest = line.split("@", 1)
            seen.setdefault(action, set()).add(rest)
    # One version of each action across the workflows (Dependabot updates them together).
    assert {action: len(pins) for action, pins in seen.items() if len(pins) > 1} == {}


def test_the_pin_rule_rejects_tags_short_hashes_and_missing_versions():
    for line in ("actions/checkout@v4", "actions/checkout@3d3c42e # v7.0.1",
                 "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1",
                 "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # latest"):
        assert not PINNED.match(line), line
    assert PINNED.match("actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1")


def test_workflows_dependabot_and_issue_forms_match_their_schemas():
    """check-jsonschema validates against GitHub's schemas, vendored in the package (no download)."""
    github = PROJECT / ".github"
    for schema, files in (
        ("vendor.github-workflows", sorted(WORKFLOWS.glob("*.yml"))),
        ("vendor.dependabot", [github / "dependabot.yml"]),
        ("vendor.github-issue-forms", sorted((github / "ISSUE_TEMPLATE").glob("[0-9]*.yml"))),
        ("vendor.github-issue-config", [github / "ISSUE_TEMPLATE" / "config.yml"]),
    ):
        assert files and all(path.exists() for path in files), schema
        result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, schema + "\n" + result.stdout + result.stderr


# Workflows: least privilege, one run per change, limits, caches

def test_each_job_holds_only_the_permissions_it_needs():
    granted = {}
    for name, flow in all_workflows().items():
        assert flow["permissions"] == {}, f"{name}: the workflow grants nothing; its jobs ask for what they need"
        for job_id, job in flow["jobs"].items():
            granted[f"{name}:{job_id}"] = job["permissions"]
    assert granted == {
        "ci.yml:test": {"contents": "read"},
        "ci.yml:preview": {"contents": "read"},
        "pages.yml:build": {"contents": "read"},
        "pages.yml:deploy": {"pages": "write", "id-token": "write"},
        "links.yml:check": {"contents": "read"},
        "links.yml:issue": {"issues": "write"},
        "lock.yml:refresh": {"contents": "write", "pull-requests": "write"},
    }


def test_checkouts_keep_no_credentials_and_jobs_have_limits():
    for name, flow in all_workflows().items():
        assert "group" in flow["concurrency"], name
        for job_id, job in flow["jobs"].items():
            assert 0 < job["timeout-minutes"] <= 30, (name, job_id)
            assert job.get("name"), (name, job_id)
    checkouts = [step for name in all_workflows() for step in steps(name) if step.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == 5
    assert all(step["with"]["persist-credentials"] is False for step in checkouts)


def test_ci_runs_once_per_change_and_cancels_older_runs():
    ci = workflow("ci.yml")
    assert ci[True] == {"pull_request": None, "push": {"branches": ["main"]}}
    assert ci["concurrency"]["cancel-in-progress"] is True
    # Pages never cancels a deployment half-way.
    assert workflow("pages.yml")["concurrency"]["cancel-in-progress"] is False


def test_ci_caches_pip_npm_and_debian_packages_keyed_on_their_lock_files():
    test = workflow("ci.yml")["jobs"]["test"]
    by_action = {step["uses"].split("@")[0]: step for step in test["steps"] if "uses" in step}
    assert by_action["actions/setup-python"]["with"].items() >= {"cache": "pip", "cache-dependency-path": "requirements.lock"}.items()
    assert by_action["actions/setup-node"]["with"].items() >= {"cache": "npm", "cache-dependency-path": "package-lock.json"}.items()
    apt = by_action["actions/cache"]["with"]
    # The Debian package list is written in scripts/setup, so that file is the apt cache's lock.
    assert apt["key"] == "apt-${{ runner.os }}-${{ hashFiles('scripts/setup') }}"
    run = next(step for step in test["steps"] if step.get("run") == "bash .ci/run")
    assert run["env"]["APT_ARCHIVES"] == apt["path"]
    setup = (PROJECT / "scripts" / "setup").read_text(encoding="utf-8")
    assert 'Dir::Cache::Archives=$APT_ARCHIVES' in setup and "chromium fonts-noto-cjk" in setup
    # The published build takes nothing from a cache a pull request could have filled.
    assert not [step for step in steps("pages.yml") if "cache" in step.get("with", {}) or step.get("uses", "").startswith("actions/cache@")]


def test_a_pull_request_gets_the_built_site_and_checker_report_linked_from_the_summary():
    preview = workflow("ci.yml")["jobs"]["preview"]
    assert preview["if"] == "github.event_name == 'pull_request'"
    uploads = {step["with"]["name"]: step for step in preview["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")}
    assert set(uploads) == {"preview-site", "check-report"}
    check = next(step for step in preview["steps"] if step.get("id") == "check")
    assert ".venv/bin/python -m scripts.check > check-report.txt" in check["run"]
    assert "mkdocs build --strict --site-dir preview-site" in check["run"]
    summary = preview["steps"][-1]
    assert "GITHUB_STEP_SUMMARY" in summary["run"]
    assert summary["env"]["SITE_URL"] == f"${{{{ steps.{uploads['preview-site']['id']}.outputs.artifact-url }}}}"
    assert summary["env"]["REPORT_URL"] == f"${{{{ steps.{uploads['check-report']['id']}.outputs.artifact-url }}}}"


def test_the_pages_and_ci_jobs_run_the_readme_set_up():
    build = workflow("pages.yml")["jobs"]["build"]
    assert [step["run"] for step in build["steps"] if "run" in step] == ["scripts/setup", ".venv/bin/mkdocs build --strict"]
    assert build["env"]["SETUP_SKIP_NPM"] == "1"
    assert 'SETUP_SKIP_NPM:-}" != 1' in (PROJECT / "scripts" / "setup").read_text(encoding="utf-8")
    test = workflow("ci.yml")["jobs"]["test"]
    assert [step["run"] for step in test["steps"] if "run" in step] == [".ci/translated-from-reachable", "bash .ci/run"]


# The weekly outside-link check

def test_the_weekly_check_keeps_one_issue_and_only_its_issue_job_may_write_issues():
    flow = workflow("links.yml")
    assert flow[True]["schedule"] and "workflow_dispatch" in flow[True]
    check, issue = flow["jobs"]["check"], flow["jobs"]["issue"]
    assert "python -m scripts.check --no-build --external" in check["steps"][-1]["run"]
    assert "python -m scripts.links_issue external.txt" in check["steps"][-1]["run"]
    script = issue["steps"][0]["run"]
    for command in ("gh issue list", "gh issue edit", "gh issue create", "gh issue close"):
        assert command in script
    assert issue["env"]["TITLE"] == "Outside links: broken or moved addresses"


REPORT = """\
docs/report.ja.md:40: outside link https://example.org/help fails: HTTP 404 — correct the address, or …
docs/report.en.md:41: outside link https://example.org/help fails: HTTP 404 — correct the address, or …
docs/faq.en.md:9: outside link https://example.net/gone#part fails: timed out — correct the address, or …
docs/faq.en.md:3: front matter has no 'title' — add it
check: 4 problems in 3 files
"""


def test_the_issue_lists_each_failing_address_once_with_its_places_and_facts():
    body = links_issue.issue_body(REPORT, {"https://example.org/help": ["R-9", "R-71"]}, "https://run/1")
    assert body.splitlines()[0] == ("The weekly outside-link check (`python -m scripts.check --external`) found 2 "
                                    "addresses that fail.")
    assert "- [ ] <https://example.org/help> (fails: HTTP 404) — facts: R-9, R-71 — in docs/report.ja.md:40, docs/report.en.md:41" in body
    assert "- [ ] <https://example.net/gone#part> (fails: timed out) — in docs/faq.en.md:9" in body
    assert "front matter" not in body and body.endswith("Run: https://run/1\n")
    assert links_issue.issue_body("check: ok — 16 pages in 2 languages\n", {}) == ""


def test_the_issue_names_the_facts_whose_sources_give_the_address(tmp_path):
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "reporting.yml").write_text(yaml.safe_dump([
        {"id": "R-9", "sources": [{"url": "https://example.org/help#x"}, {"repo": "a/b", "path": "c"}]},
        {"id": "R-10", "sources": [{"url": "https://example.org/help"}]},
    ]), encoding="utf-8")
    assert links_issue.facts_citing(tmp_path) == {"https://example.org/help": ["R-9", "R-10"]}
    assert links_issue.facts_citing(tmp_path / "nothing") == {}


def test_the_weekly_lock_refresh_runs_the_command_of_the_lock_header():
    steps_ = workflow("lock.yml")["jobs"]["refresh"]["steps"]
    script = next(step["run"] for step in steps_ if step.get("name", "").startswith("Re-run"))
    extract = script.splitlines()[0].split("$(", 1)[1].rsplit(")", 1)[0]
    result = subprocess.run(["bash", "-c", extract], cwd=PROJECT, capture_output=True, text=True, check=True)
    assert result.stdout.startswith("pip-compile --allow-unsafe --extra=test --generate-hashes ")
    assert result.stdout.strip().endswith("--output-file=requirements.lock --strip-extras pyproject.toml")
    assert ".venv/bin/$command --upgrade" in script
    python = next(step for step in steps_ if step.get("uses", "").startswith("actions/setup-python@"))["with"]["python-version"]
    assert f"autogenerated by pip-compile with Python {python}\n" in (PROJECT / "requirements.lock").read_text(encoding="utf-8")


# Merge commits only: translated_from stays reachable

def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                               "GIT_COMMITTER_EMAIL": "t@t"}).stdout.strip()


def test_translated_from_commits_are_in_this_history():
    result = subprocess.run([str(PROJECT / ".ci" / "translated-from-reachable")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_a_squashed_translated_from_commit_fails_the_check(tmp_path):
    (tmp_path / ".ci").mkdir()
    shutil.copy(PROJECT / ".ci" / "translated-from-reachable", tmp_path / ".ci")
    (tmp_path / "docs").mkdir()
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "docs" / "a.ja.md").write_text("一\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    git(tmp_path, "checkout", "-qb", "branch")
    (tmp_path / "docs" / "a.ja.md").write_text("二\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "ja change on the branch")
    branch_commit = git(tmp_path, "rev-parse", "HEAD")
    git(tmp_path, "checkout", "-q", "main")
    git(tmp_path, "merge", "-q", "--squash", "branch")
    (tmp_path / "docs" / "a.en.md").write_text(f"---\ntranslated_from: {branch_commit}\n---\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "squashed")
    result = subprocess.run([str(tmp_path / ".ci" / "translated-from-reachable")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith(f"docs/a.en.md: translated_from {branch_commit} is not in the history of HEAD — ")
    git(tmp_path, "merge", "-q", "--no-ff", "-m", "merge", "branch")
    result = subprocess.run([str(tmp_path / ".ci" / "translated-from-reachable")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


# Dependabot, issue forms, pull requests, review

def test_dependabot_updates_pip_npm_and_actions_weekly_in_groups():
    config = yaml.safe_load((PROJECT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(updates) == {"pip", "npm", "github-actions"}
    for update in updates.values():
        assert update["schedule"]["interval"] == "weekly"
        assert [group["patterns"] for group in update["groups"].values()] == [["*"]]


JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_issue_forms_ask_in_japanese_first_then_english():
    forms = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
             for path in sorted((PROJECT / ".github" / "ISSUE_TEMPLATE").glob("[0-9]*.yml"))}
    assert set(forms) == {"1-correction", "2-source", "3-translation", "4-report-route"}
    for stem, form in forms.items():
        texts = [form["name"], form["description"]] + [item["attributes"]["label"] for item in form["body"] if item["type"] != "markdown"]
        for text in texts:
            ja, _, en = re.sub(r"\s?/ ", " / ", text, count=1).partition(" / ")
            assert JAPANESE.search(ja) and en and not JAPANESE.search(en), (stem, text)

    def required(stem: str) -> set[str]:
        return {item["id"] for item in forms[stem]["body"] if item.get("validations", {}).get("required")}

    assert {"page", "wrong", "correct", "source"} <= required("1-correction")
    assert {"kind", "page"} <= required("2-source")
    assert {"page", "language", "text"} <= required("3-translation")
    assert {"platform", "change", "date", "evidence"} <= required("4-report-route")


def test_the_pull_request_template_asks_for_the_fact_ids():
    text = (PROJECT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "## 関係する事実のid / Fact ids touched" in text and "facts/*.yml" in text


def codeowners(path: str) -> list[str]:
    """The owners GitHub picks for `path`: the last matching line wins (only the patterns used here)."""
    owners: list[str] = []
    for line in (PROJECT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *names = line.split()
        regex = "^" + re.escape(pattern.lstrip("/")).replace(r"\*", "[^/]*") + ("" if pattern.endswith("/") else "$")
        if pattern == "*" or re.match(regex, path):
            owners = names
    return owners


def test_each_language_is_reviewed_by_its_own_reviewers():
    assert codeowners("docs/misuse.ja.md") == ["@lora-harms/ja-reviewers"]
    assert codeowners("docs/misuse.en.md") == ["@lora-harms/en-reviewers"]
    assert codeowners("docs/facts/platforms.ja.md") == ["@lora-harms/ja-reviewers"]
    assert codeowners("docs/facts/platforms.en.md") == ["@lora-harms/en-reviewers"]
    assert codeowners("includes/abbreviations.ja.md") == ["@lora-harms/ja-reviewers"]
    assert codeowners("facts/reporting.yml") == ["@lora-harms/ja-reviewers", "@lora-harms/en-reviewers"]
    assert codeowners(".github/workflows/ci.yml") == ["@lora-harms/maintainers"]
    assert codeowners("scripts/setup") == ["@lora-harms/maintainers"]
    assert "PLACEHOLDERS" in (PROJECT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")


# pre-commit: local hooks only, and each passes with the project's installs

def test_pre_commit_hooks_are_local_and_pass_on_the_repository():
    config = yaml.safe_load((PROJECT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert {hook["id"] for hook in hooks} == {"check", "textlint", "markdownlint", "zizmor"}
    tracked = subprocess.run(["git", "-C", str(PROJECT), "ls-files"], capture_output=True, text=True, check=True).stdout.split()
    commands = {}
    for hook in hooks:
        assert hook["language"] == "system"
        command = shlex.split(hook["entry"])
        program = next(part for part in command if "=" not in part and part != "env")
        assert (PROJECT / program).exists(), f"{hook['id']}: {program} is not installed by scripts/setup"
        files = [] if hook.get("pass_filenames") is False else [path for path in tracked if re.search(hook["files"], path)]
        commands[hook["id"]] = command + files
    # All hooks at once (they read the repository and write nothing).
    for name, (code, output) in run_at_once(commands).items():
        assert code == 0, f"{name}: {output}"


# Licences

def test_the_licence_files_state_their_licences_and_are_linked():
    assert (PROJECT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    text = (PROJECT / "LICENSE-text").read_text(encoding="utf-8")
    assert "https://creativecommons.org/licenses/by/4.0/legalcode" in text
    assert "Attribution example" in text
    # The full legal code: every section of CC BY 4.0, in order.
    positions = [text.index(f"Section {number} -- ") for number in range(1, 9)]
    assert positions == sorted(positions)
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "[LICENSE](LICENSE)" in readme and "[LICENSE-text](LICENSE-text)" in readme
    for lang in ("ja", "en"):
        about = (PROJECT / "docs" / f"about.{lang}.md").read_text(encoding="utf-8")
        section = about[about.index("{#license}"):about.index("{#contact}")]
        assert "/blob/main/LICENSE)" in section and "/blob/main/LICENSE-text)" in section
        assert "CC BY 4.0" in section.split("```text", 1)[1]


def test_the_repository_has_its_contributor_files():
    for name in ("SECURITY.md", "CODE_OF_CONDUCT.md", ".editorconfig", ".github/CODEOWNERS"):
        assert (PROJECT / name).read_text(encoding="utf-8").strip(), name


# The successor path: ProperDocs builds the same site

def build(tool: str, out: Path, env: dict[str, str] | None = None) -> None:
    # No --quiet: it would hide the warnings that --strict counts, and the build would pass despite them.
    result = subprocess.run([str(BIN / tool), "build", "--strict", "--site-dir", str(out)], cwd=PROJECT,
                            capture_output=True, text=True, timeout=300, env={**os.environ, **QUIET, **(env or {})})
    assert result.returncode == 0, f"{tool}: {result.stdout}{result.stderr}"


GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def site_files(root: Path) -> dict[str, bytes]:
    """Every file of a built site; gzip files by their content (their header holds a time stamp)."""
    files = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(root).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


def test_properdocs_builds_the_same_site_apart_from_the_generator_tag(built_site, tmp_path):
    # MkDocs' side: the session's build of the real site (tests/conftest.py), the same files as `mkdocs build`.
    # Built earlier, perhaps the day before: ProperDocs builds on the same date (the sitemap's lastmod).
    day = re.search(r"<lastmod>(\d{4}-\d\d-\d\d)</lastmod>", (built_site / "sitemap.xml").read_text(encoding="utf-8"))[1]
    epoch = int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.timezone.utc).timestamp())
    build("properdocs", tmp_path / "properdocs", {"SOURCE_DATE_EPOCH": str(epoch)})
    mkdocs, properdocs = site_files(built_site), site_files(tmp_path / "properdocs")
    assert sorted(mkdocs) == sorted(properdocs)
    html = [name for name in mkdocs if name.endswith(".html")]
    assert len(html) > 10
    for name in html:
        ours, theirs = mkdocs[name].decode(), properdocs[name].decode()
        assert GENERATOR.findall(ours) == ['<meta name="generator" content="mkdocs-1.6.1, mkdocs-material">'], name
        assert len(GENERATOR.findall(theirs)) == 1 and "ProperDocs" in GENERATOR.findall(theirs)[0], name
    different = [name for name in mkdocs
                 if GENERATOR.sub("", mkdocs[name].decode(errors="replace")) != GENERATOR.sub("", properdocs[name].decode(errors="replace"))
                 or (not name.endswith(".html") and mkdocs[name] != properdocs[name])]
    assert different == []


# The documents that keep this machinery usable

def test_contributing_gives_the_lock_command_of_the_lock_header():
    header = (PROJECT / "requirements.lock").read_text(encoding="utf-8").split("\n#\n", 2)[1]
    command = re.search(r"^#\s+(pip-compile .+)$", header, re.M).group(1)
    contributing = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert contributing.count(f".venv/bin/{command}\n") == 2  # Japanese and English
    assert "zizmor" in (PROJECT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_successor_note_covers_every_hook_and_template_and_a_date_before_end_of_life():
    note = (PROJECT / "docs-dev" / "successor.md").read_text(encoding="utf-8")
    hooks = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))["hooks"]
    rows = re.findall(r"^\| \*\*[^|]*hook\*\* \|", note, re.M)
    assert len(rows) == len(hooks), f"{len(hooks)} hooks in mkdocs.yml, {len(rows)} in docs-dev/successor.md"
    for template in sorted((PROJECT / "overrides").rglob("*.html")):
        assert f"`{template.relative_to(PROJECT).as_posix()}`" in note, template
    assert "**i18n plugin**" in note
    decide = re.search(r"\*\*Decide by (\d{4}-\d\d-\d\d)\*\*", note).group(1)
    assert decide < "2027-05-05"


URLS = st.sampled_from(["https://a.example/x", "https://b.example/y?q=1", "https://c.example/", "http://d.example/z"])
PLACES = st.tuples(st.sampled_from(["docs/report.ja.md", "docs/faq.en.md"]), st.integers(1, 500))


@given(st.lists(st.tuples(PLACES, URLS), min_size=1, max_size=12))
def test_every_failing_address_is_listed_exactly_once_with_all_its_places(failures):
    report = "".join(f"{path}:{line}: outside link {url} fails: HTTP 404 — fix it\n" for (path, line), url in failures)
    body = links_issue.issue_body(report, {})
    items = [line for line in body.splitlines() if line.startswith("- [ ] ")]
    assert sorted(item.split(">", 1)[0][len("- [ ] <"):] for item in items) == sorted({url for _, url in failures})
    for (path, line), url in failures:
        assert f"{path}:{line}" in next(item for item in items if item.startswith(f"- [ ] <{url}>"))
