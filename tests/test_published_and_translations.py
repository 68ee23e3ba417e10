"""Published addresses never break, and translations cannot fall behind silently.

Each test makes a fixture site that is a git repository (the registry and `translated_from` only mean
something with history), breaks one thing, and asserts the checker's exact lines; then it applies the
documented fix and asserts that the checker passes (and, for translations, what the built page shows).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.sitefactory import PROJECT, FixtureSite, two_page_site

REGISTER = "run `.venv/bin/python -m scripts.check.published` and commit published.json"


def git(site: FixtureSite, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", "-C", str(site.root), *args], check=True, capture_output=True, text=True, env=env).stdout.strip()


def commit_all(site: FixtureSite, message: str = "change") -> str:
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", message)
    return git(site, "rev-parse", "HEAD")


def run_tool(site: FixtureSite, module: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run one of the contributor commands (`python -m scripts.check.<module>`) in the fixture site, in-process.

    Raises CalledProcessError, as the command would exit, when it stops with a message.
    """
    main = importlib.import_module(f"scripts.check.{module}").main
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(site.root), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as stop:
            code, err = 1, io.StringIO(str(stop.code))
    if code:
        raise subprocess.CalledProcessError(code, [module, *args], out.getvalue(), err.getvalue())
    return subprocess.CompletedProcess([module, *args], code, out.getvalue(), err.getvalue())


def set_translated_from(site: FixtureSite, name: str, commit: str) -> None:
    text = site.path(name).read_text(encoding="utf-8")
    text = re.sub(r"translated_from: \S+\n", "", text)
    site.write(name, text.replace("last_reviewed: 2026-11-01\n", f"last_reviewed: 2026-11-01\ntranslated_from: {commit}\n", 1))


@pytest.fixture
def repo(tmp_path) -> FixtureSite:
    """The two-page site as a git repository: every section registered, translations in step."""
    site = two_page_site(tmp_path)
    git(site, "init", "-q", "-b", "main")
    first = commit_all(site, "pages")
    for slug in ("index", "other"):
        set_translated_from(site, f"{slug}.en.md", first)
    run_tool(site, "published")
    commit_all(site, "registry and translated_from")
    return site


def problems(result) -> list[str]:
    return result.stdout.splitlines()[:-1] if result.returncode == 0 else result.stdout.splitlines()


def config_line(site: FixtureSite, needle: str) -> int:
    lines = (site.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, text in enumerate(lines, 1) if needle in text)


def edit_config(site: FixtureSite, change) -> None:
    path = site.root / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(config)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def redirect_maps(config: dict) -> dict:
    return next(plugin["redirects"] for plugin in config["plugins"] if isinstance(plugin, dict) and "redirects" in plugin)["redirect_maps"]


def test_registered_site_passes(repo: FixtureSite):
    result = repo.check()
    assert result.returncode == 0, result.stdout
    assert '"other": [\n    "other",\n    "overview",\n    "details",\n    "sources"\n  ]' in (repo.root / "published.json").read_text()


def test_renamed_section_id_is_caught_with_the_fix_named(repo: FixtureSite):
    for name in ("other.ja.md", "other.en.md"):
        repo.edit(name, "{#details}", "{#more-details}")
    result = repo.check("--no-build")
    fix = ("keep the id, or keep the old address working: end the heading that replaced it with `<a id=\"details\"></a>`, "
           "e.g. `## Title <a id=\"details\"></a> {#new-id}`")
    assert problems(result) == [
        f"docs/other.en.md:14: published section '#details' no longer exists in other.en.md — {fix}",
        f"docs/other.ja.md:13: published section '#details' no longer exists in other.ja.md — {fix}",
        f"docs/other.ja.md:13: section '#more-details' is not in published.json — {REGISTER}",
    ]


def test_renamed_section_with_its_old_id_as_an_anchor_passes(repo: FixtureSite):
    repo.edit("other.ja.md", "## 詳細 {#details}", '## 詳細 <a id="details"></a> {#more-details}')
    repo.edit("other.en.md", "## Details {#details}", '## Details <a id="details"></a> {#more-details}')
    run_tool(repo, "published")
    result = repo.check()  # with the build: index.md's links to other.md#details still land on the section
    assert result.returncode == 0, result.stdout
    html = repo.build() / "en" / "other" / "index.html"
    assert re.search(r'<h2 id="more-details">Details <a id="details"></a>', html.read_text(encoding="utf-8"))


def test_removed_page_is_caught(repo: FixtureSite):
    for name in ("other.ja.md", "other.en.md"):
        repo.path(name).unlink()
    edit_config(repo, lambda config: config.update(nav=[{"index": "index.md"}]))
    result = repo.check("--no-build")
    assert problems(result) == [
        f"mkdocs.yml:{config_line(repo, 'redirect_maps')}: published page 'other' no longer exists "
        "(its addresses /other/ and /en/other/ would break) — keep the page, or add `other.md: <new-page>.md` "
        "under `redirects: redirect_maps:` in mkdocs.yml",
    ]


def test_renamed_page_with_a_redirect_passes_and_redirects_both_languages(repo: FixtureSite):
    for lang in ("ja", "en"):
        repo.write(f"renamed.{lang}.md", repo.path(f"other.{lang}.md").read_text(encoding="utf-8").replace("{#other}", "{#renamed}"))
        repo.path(f"other.{lang}.md").unlink()
        repo.edit(f"index.{lang}.md", "(other.md#details)", "(renamed.md#details)")

    def rename(config):
        config["nav"] = [{"index": "index.md"}, {"renamed": "renamed.md"}]
        redirect_maps(config)["other.md"] = "renamed.md"
    edit_config(repo, rename)
    run_tool(repo, "published")  # registers the new page; 'other' stays registered
    commit_all(repo, "rename other to renamed")
    run_tool(repo, "translations", "docs/index.en.md", "docs/renamed.en.md")  # both languages were edited together
    result = repo.check()
    assert result.returncode == 0, result.stdout
    out = repo.build()
    assert 'location.href="../renamed/"' in (out / "other" / "index.html").read_text(encoding="utf-8")
    assert 'location.href="../renamed/"' in (out / "en" / "other" / "index.html").read_text(encoding="utf-8")


def notices(html: str) -> list[str]:
    """The ids of the sections (h1/h2) under which the built page shows the translation notice."""
    found = []
    for part in re.split(r"(?=<h[12] id=)", html):
        heading = re.match(r'<h[12] id="([^"]+)"', part)
        if heading and "The Japanese text of this section has changed" in part:
            found.append(heading.group(1))
    return found


def test_changed_japanese_section_is_named_and_shown_on_that_section_only(repo: FixtureSite):
    synced = git(repo, "log", "-1", "--format=%H", "--", "docs/other.ja.md")
    repo.edit("other.ja.md", "詳しく説明します。", "詳しく説明します。新しい事実を加えました。")
    commit_all(repo, "ja: new fact")
    result = repo.check("--no-build")
    assert problems(result) == [
        f"docs/other.en.md:14: section '#details' is behind the Japanese page: other.ja.md changed it since translated_from {synced} — "
        f"read `git diff {synced} -- docs/other.ja.md`, update the section and run `.venv/bin/python -m scripts.check.translations docs/other.en.md`; "
        "or publish it with a notice by adding 'details' to `translation_pending:` in the front matter",
    ]
    out = repo.build()
    en = (out / "en" / "other" / "index.html").read_text(encoding="utf-8")
    assert notices(en) == ["details"]
    assert 'href="../../other/#details" hreflang="ja" lang="ja">日本語の節を読む</a>' in en
    assert notices((out / "other" / "index.html").read_text(encoding="utf-8")) == []
    assert notices((out / "en" / "index.html").read_text(encoding="utf-8")) == []

    # Acknowledged: the pull request may go in; readers still see the notice.
    repo.edit("other.en.md", "last_reviewed: 2026-11-01\n", "last_reviewed: 2026-11-01\ntranslation_pending: [details]\n")
    assert repo.check("--no-build").returncode == 0
    assert notices((repo.build() / "en" / "other" / "index.html").read_text(encoding="utf-8")) == ["details"]

    # Translated and recorded: both the error and the notice are gone.
    repo.edit("other.en.md", "translation_pending: [details]\n", "")
    repo.edit("other.en.md", "More text.", "More text. A new fact.")
    recorded = run_tool(repo, "translations", "docs/other.en.md")
    latest = git(repo, "rev-parse", "HEAD")
    assert recorded.stdout == f"docs/other.en.md: translated_from {latest}\n"
    result = repo.check()
    assert result.returncode == 0, result.stdout
    assert notices((repo.build() / "en" / "other" / "index.html").read_text(encoding="utf-8")) == []


def test_pending_section_that_is_not_behind_must_be_removed(repo: FixtureSite):
    repo.edit("other.en.md", "last_reviewed: 2026-11-01\n", "last_reviewed: 2026-11-01\ntranslation_pending: [overview]\n")
    assert problems(repo.check("--no-build")) == [
        "docs/other.en.md:5: 'overview' is listed in translation_pending but is not behind the Japanese page — remove it from `translation_pending:`",
    ]


def test_unknown_translated_from_commit_is_an_error(repo: FixtureSite):
    set_translated_from(repo, "other.en.md", "deadbeef" * 5)
    result = repo.check("--no-build")
    assert problems(result) == [
        f"docs/other.en.md:5: translated_from cannot be compared: commit {'deadbeef' * 5} is not in this repository's history — "
        "fetch the whole history (`git fetch --unshallow`); if the commit is gone (squash merge), compare the pages by hand "
        "and then run `.venv/bin/python -m scripts.check.translations docs/other.en.md`",
    ]


def test_recording_refuses_an_uncommitted_japanese_page(repo: FixtureSite):
    repo.edit("other.ja.md", "詳しく説明します。", "書きかけ。")
    with pytest.raises(subprocess.CalledProcessError) as failure:
        run_tool(repo, "translations", "docs/other.en.md")
    assert "docs/other.ja.md has changes that are not committed" in failure.value.stderr


def test_the_real_site_records_every_published_address_and_translation():
    registry = (PROJECT / "published.json").read_text(encoding="utf-8")
    assert '"misuse": [' in registry
    for page in sorted((PROJECT / "docs").rglob("*.en.md")):
        assert re.search(r"^translated_from: [0-9a-f]{40}$", page.read_text(encoding="utf-8"), re.M), page.name


def test_fix_registers_new_sections(repo: FixtureSite):
    repo.edit("other.ja.md", "## 出典 {#sources}", "## 補足 {#notes}\n\n補足です。\n\n## 出典 {#sources}")
    repo.edit("other.en.md", "## Sources {#sources}", "## Notes\n\nNotes.\n\n## Sources {#sources}")
    result = repo.check("--fix", "--no-build")
    assert result.stderr.splitlines()[:2] == [
        "fixed: docs/other.en.md:18: added {#notes} from other.ja.md:17",
        "fixed: published.json: added other#notes",
    ]
    # What is left needs a person: the new Japanese section is not translated in a recorded commit yet.
    assert [line.split(": ", 1)[1].split(" is behind")[0] for line in problems(result)] == ["section '#notes'"]
    assert '"sources",\n    "notes"\n' in (repo.root / "published.json").read_text(encoding="utf-8")
