"""The checker finds each defect, with the file, the line and what to do: one fixture site per defect."""

from __future__ import annotations

import datetime as dt

from tests.sitefactory import PROJECT, FixtureSite, run_checker


def problems(result) -> list[str]:
    """The problem lines the checker printed."""
    return result.stdout.splitlines()[:-1] if result.returncode == 0 else result.stdout.splitlines()


def test_correct_site_passes(site: FixtureSite):
    result = site.check()
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "check: ok — 4 pages in 2 languages; links, sections and parity all hold"


def test_link_to_a_missing_page(site: FixtureSite):
    site.edit("index.en.md", "(other.md#details)", "(missing.md#details)")
    result = site.check()
    assert result.returncode == 1
    assert problems(result) == [
        "docs/index.en.md:11: link to 'missing.md#details' — no file missing.md in docs/; "
        "link to an existing page (without the language suffix, e.g. report.md) or file",
    ]


def test_link_to_a_missing_section_names_the_other_language(site: FixtureSite):
    site.edit("other.en.md", "## Details {#details}", "## Details {#more}")
    site.edit("index.en.md", "(other.md#details)", "(other.md#details)")
    result = site.check()
    assert result.returncode == 1
    assert ("docs/index.en.md:11: link to 'other.md#details' — no such section in other.en.md "
            "(other.ja.md has it at line 13); link to a section that exists, or add it") in problems(result)


def test_link_to_a_missing_section_on_the_same_page(site: FixtureSite):
    site.edit("index.ja.md", "詳しく説明します。", "[上へ](#top-of-page)")
    result = site.check()
    assert problems(result) == [
        "docs/index.ja.md:15: link to '#top-of-page' — no such section in index.ja.md; link to a section that exists, or add it",
    ]


def test_missing_translation(site: FixtureSite):
    site.path("other.en.md").unlink()
    result = site.check("--no-build")
    assert problems(result) == [
        "docs/other.ja.md:1: page 'other' has no English version: docs/other.en.md is missing — "
        "add other.en.md, translated from other.ja.md, with the same section ids in the same order",
    ]


def test_page_without_language_suffix(site: FixtureSite):
    site.write("notes.md", "# Notes {#notes}\n")
    result = site.check("--no-build")
    assert problems(result) == [
        "docs/notes.md:1: page file has no language suffix — rename it to end in `.ja.md` and `.en.md`, one file per language",
    ]


def test_sections_out_of_order(site: FixtureSite):
    text = site.path("other.en.md").read_text(encoding="utf-8")
    overview = "## Overview {#overview}\n\nText. [Another page](index.md#details)\n\n"
    details = "## Details {#details}\n\nMore text.\n\n"
    site.write("other.en.md", text.replace(overview + details, details + overview))
    result = site.check("--no-build")
    assert problems(result) == [
        "docs/other.en.md:9: sections part from the Japanese page here: other.en.md:9 has '## #details', "
        "other.ja.md:9 has '## #overview' — give both languages the same section ids, in the same order, "
        "at the same levels (the Japanese page leads)",
    ]


def test_section_missing_at_the_end_of_a_translation(site: FixtureSite):
    site.edit("other.ja.md", "## 出典 {#sources}", "## 補足 {#notes}\n\n補足です。\n\n## 出典 {#sources}")
    result = site.check("--no-build")
    assert problems(result) == [
        "docs/other.en.md:17: sections part from the Japanese page here: other.en.md:17 has '## #sources', "
        "other.ja.md:17 has '## #notes' — give both languages the same section ids, in the same order, "
        "at the same levels (the Japanese page leads)",
    ]


def test_heading_without_id(site: FixtureSite):
    for name, heading in (("index.ja.md", "## 詳細"), ("index.en.md", "## Details")):
        site.edit(name, heading + " {#details}", heading)
    site.edit("other.ja.md", "(index.md#details)", "(index.md#overview)")
    site.edit("other.en.md", "(index.md#details)", "(index.md#overview)")
    result = site.check("--no-build")
    assert problems(result) == [
        "docs/index.en.md:13: heading '## Details' has no explicit id — add one, e.g. `## Details {#details}` "
        "(English words, the same id in every language)",
        "docs/index.ja.md:13: heading '## 詳細' has no explicit id — add one, e.g. `## 詳細 {#section-name-in-english}` "
        "(English words, the same id in every language)",
    ]


def test_id_not_lowercase_kebab(site: FixtureSite):
    site.edit("index.ja.md", "{#details}", "{#Details_2}")
    result = site.check("--no-build")
    assert "docs/index.ja.md:13: id 'Details_2' is not lowercase-kebab ASCII — use lowercase English words joined by hyphens, e.g. 'details-2'" in problems(result)


def test_duplicate_id(site: FixtureSite):
    for name in ("index.ja.md", "index.en.md"):
        site.edit(name, "{#details}", "{#overview}")
    result = site.check("--no-build")
    assert problems(result) == [
        "docs/index.en.md:13: id 'overview' is used twice on this page (first at line 9) — give each section its own id",
        "docs/index.ja.md:13: id 'overview' is used twice on this page (first at line 9) — give each section its own id",
    ]


def test_link_to_a_model_page(site: FixtureSite):
    site.edit("other.ja.md", "詳しく説明します。", "[見本](https://civitai.com/models/12345/some-style)")
    result = site.check("--no-build")
    assert problems(result) == [
        "docs/other.ja.md:15: link to a model page on a model-sharing site: https://civitai.com/models/12345/some-style — "
        "never link to a model, a LoRA or a download; link to the platform's report or help page instead",
    ]


def test_page_not_ending_with_sources(site: FixtureSite):
    site.edit("other.ja.md", "- [Hu et al., 2021]", "## 補足 {#notes}\n\n- [Hu et al., 2021]")
    site.edit("other.en.md", "- [Hu et al., 2021]", "## Notes {#notes}\n\n- [Hu et al., 2021]")
    result = site.check("--no-build")
    assert problems(result) == [
        "docs/other.en.md:19: the page does not end with the '#sources' section — end it with `## … {#sources}` listing the sources the page uses",
        "docs/other.ja.md:19: the page does not end with the '#sources' section — end it with `## … {#sources}` listing the sources the page uses",
    ]


def test_front_matter_missing_key_and_bad_dates(site: FixtureSite):
    site.edit("index.ja.md", "description: テスト用のページです。\n", "")
    site.edit("index.en.md", "last_reviewed: 2026-11-01", "last_reviewed: 1 November 2026")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    site.edit("other.ja.md", "last_reviewed: 2026-11-01", f"last_reviewed: {tomorrow.isoformat()}")
    result = site.check("--no-build")
    assert problems(result) == [
        "docs/index.en.md:4: last_reviewed '1 November 2026' is not a date — write the date of the last review as YYYY-MM-DD",
        "docs/index.ja.md:1: front matter has no 'description' — add `description: …` to the front matter",
        f"docs/other.ja.md:4: last_reviewed {tomorrow.isoformat()} is in the future — write the date the page was actually reviewed (today is {dt.date.today().isoformat()})",
    ]


def test_broken_front_matter_is_an_error_not_a_traceback(site: FixtureSite):
    site.edit("other.en.md", "title: Other", "title: Other: a page\n  - broken")
    result = site.check("--no-build")
    assert "Traceback" not in result.stderr
    assert problems(result) == [
        "docs/other.en.md:2: front matter is not valid YAML (mapping values are not allowed here) — "
        "write it as `key: value` lines; quote values that contain `: ` or start with a special character",
    ]


def test_front_matter_never_closed(site: FixtureSite):
    site.edit("other.en.md", "last_reviewed: 2026-11-01\n---\n", "last_reviewed: 2026-11-01\n")
    result = site.check("--no-build")
    assert "docs/other.en.md:1: front matter is not closed — end the front matter with a line `---`" in problems(result)


def test_file_that_is_not_utf8(site: FixtureSite):
    text = site.path("other.ja.md").read_text(encoding="utf-8")
    site.write("other.ja.md", text.encode("shift_jis"))
    result = site.check("--no-build")
    assert "Traceback" not in result.stderr
    assert problems(result) == ["docs/other.ja.md:3: the file is not UTF-8 text — save it as UTF-8 (without BOM)"]


def test_unclosed_code_fence(site: FixtureSite):
    site.edit("index.en.md", "More text.", "```text\nDear moderators,")
    result = site.check("--no-build")
    assert ("docs/index.en.md:15: code fence ``` is never closed — "
            "close it with a line ```, or the rest of the page is shown as code") in problems(result)


def test_navigation_lists_a_missing_page(site: FixtureSite):
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("- other: other.md", "- other: other.md\n- gone: gone.md"), encoding="utf-8")
    result = site.check()
    lines = problems(result)
    assert any(line.startswith("mkdocs.yml:") and "navigation lists 'gone.md', which does not exist — add the page in every language or remove it from `nav`" in line for line in lines), lines
    assert not any(line.startswith("site/") for line in lines), "a broken nav entry is reported once, not again per built page"


def test_broken_link_in_a_theme_override_is_found_in_the_built_html(site: FixtureSite):
    (site.root / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}<a href="{{ config.site_url }}nowhere/">x</a>{% endblock %}\n', encoding="utf-8")
    result = site.check()
    lines = problems(result)
    assert result.returncode == 1
    assert lines and all(line.startswith("site/") for line in lines), lines
    assert any(line.startswith("site/en/other/index.html:") for line in lines)
    assert all("link to 'https://lora-harms.github.io/lora-harms/nowhere/'" in line or "nowhere" in line for line in lines)
    assert all("from the theme, the navigation or the language switcher — fix the link in the page, in overrides/ or in mkdocs.yml" in line for line in lines)


def test_every_problem_is_reported_at_once(site: FixtureSite):
    site.edit("index.en.md", "(other.md#details)", "(missing.md)")
    site.edit("other.ja.md", "{#details}", "{#Details}")
    site.path("other.en.md").write_text(site.path("other.en.md").read_text(encoding="utf-8") + "\n```\n", encoding="utf-8")
    result = site.check()
    assert result.returncode == 1
    assert len(problems(result)) >= 3
    assert result.stderr.strip().startswith("check: ")


def test_the_real_site_passes():
    outcome = run_checker(PROJECT)
    assert outcome.returncode == 0, outcome.stdout


def test_every_rule_has_a_unique_id_listed_in_contributing():
    from scripts.check.rules import ADVISORIES, RULES

    ids = [rule_id for rule_id, _ in RULES] + [rule_id for rule_id, _, _ in ADVISORIES]
    assert len(ids) == len(set(ids))
    contributing = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for rule_id in [*ids, "LH000", "LH020", "LH021", "LH030"]:
        assert f"| `{rule_id}` |" in contributing, rule_id


def test_problems_carry_the_id_of_their_rule(site: FixtureSite):
    from scripts.check.pages import load_site
    from scripts.check.rules import run_rules
    from scripts.check.settings import load_settings

    site.path("other.en.md").unlink()
    site.write("notes.md", "# Notes {#notes}\n")
    site.edit("index.ja.md", "{#details}", "{#Details_2}")
    settings = load_settings(site.root)
    found = sorted((problem.path, problem.rule) for problem in run_rules(load_site(settings), settings))
    assert ("docs/notes.md", "LH001") in found
    assert ("docs/other.ja.md", "LH002") in found
    assert ("docs/index.ja.md", "LH003") in found


def test_fix_copies_missing_heading_ids_from_the_japanese_page(site: FixtureSite):
    site.edit("index.en.md", "## Details {#details}", "## Details")
    site.edit("other.en.md", "## Overview {#overview}", "## Overview")
    result = site.check("--fix", "--no-build")
    assert result.returncode == 0, result.stdout
    assert result.stderr.splitlines() == [
        "fixed: docs/index.en.md:13: added {#details} from index.ja.md:13",
        "fixed: docs/other.en.md:9: added {#overview} from other.ja.md:9",
    ]
    assert "## Details {#details}\n" in site.path("index.en.md").read_text(encoding="utf-8")


def test_fix_leaves_a_heading_whose_level_differs(site: FixtureSite):
    site.edit("index.en.md", "## Details {#details}", "### Details")
    result = site.check("--fix", "--no-build")
    assert result.returncode == 1
    assert "fixed:" not in result.stderr
    assert "docs/index.en.md:13: heading '### Details' has no explicit id — add one, e.g. `### Details {#details}` " \
        "(English words, the same id in every language)" in problems(result)
    assert "### Details\n" in site.path("index.en.md").read_text(encoding="utf-8")
