"""A planted-defect corpus: one realistic mistake per case, the exact line the checker must print for it.

Each case breaks a correct two-page fixture site (tests/sitefactory.py; line numbers there) in one way
a contributor, a merge or a tool could, and asserts the checker's whole output: the right file and
line, what is wrong and what to do, and nothing else (no traceback, no echo of the same mistake).
Cases marked `build` run the whole check (MkDocs and lychee); the others only the Markdown rules.
The clean controls at the end must pass.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from tests.sitefactory import PROJECT, FixtureSite, facts_citing, run_checker


@dataclass(frozen=True)
class Defect:
    """One planted defect: how to plant it, whether the build is needed to find it, what must be printed."""

    kind: str
    plant: Callable[[FixtureSite], None]
    expected: list[str]
    build: bool = False


def _config(site: FixtureSite, old: str, new: str) -> None:
    path = site.root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _pyproject(site: FixtureSite, old: str, new: str) -> None:
    path = site.root / "pyproject.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _file(site: FixtureSite, name: str, old: str, new: str) -> None:
    path = site.root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _registry(site: FixtureSite, text: str) -> None:
    (site.root / "published.json").write_text(text, encoding="utf-8")


def _more(site: FixtureSite, name: str, text: str) -> None:
    """Replace the fixture's paragraph under `## details` (line 15) with `text`."""
    site.edit(name, "More text." if name.endswith(".en.md") else "詳しく説明します。", text)


REGISTRY = '{\n  "index": ["index", "overview", "details", "sources"],\n  "other": ["other", "overview", "details", "sources"]\n}\n'
FORBIDDEN_FIX = "never link to a model, a LoRA or a download; link to the platform's report or help page instead"
NOT_IN_NAV = "the page is not in the navigation, so readers cannot find it — add `- <title>: extra.md` under `nav:` in mkdocs.yml (line {line}), or delete the page"

DEFECTS: list[Defect] = []
# Where a line number depends on the fixture's configuration, `{file:text}` stands for the line that holds `text`
# (`{mkdocs:…}` mkdocs.yml, `{pyproject:…}` pyproject.toml, `{main:…}` overrides/main.html; `END`: the last line);
# `{size:path}` stands for the size of that file in bytes.
EXPECTED: dict[str, list[str]] = {
    'front matter: an impossible date': [
        "docs/index.ja.md:4: last_reviewed '2026-02-30' is not a date — write the date of the last review as YYYY-MM-DD",
    ],
    'front matter: a list, not key: value': [
        "docs/index.en.md:3: front matter is not valid YAML (expected <block end>, but found '?') — write it as `key: value` lines; quote values that contain `: ` or start with a special character",
    ],
    'front matter: never closed': [
        'docs/index.en.md:1: front matter is not closed — end the front matter with a line `---`',
    ],
    'front matter: a colon in an unquoted value': [
        'docs/other.en.md:3: front matter is not valid YAML (mapping values are not allowed here) — write it as `key: value` lines; quote values that contain `: ` or start with a special character',
    ],
    'page not UTF-8': [
        'docs/other.en.md:15: the file is not UTF-8 text — save it as UTF-8 (without BOM)',
    ],
    'symbolic link to itself': [
        'docs/loop.en.md:1: symbolic link that loops or leads nowhere — remove the link, or replace it with the page itself',
    ],
    'symbolic link to its own folder': [
        'docs/again:1: symbolic link to a folder that contains it (a loop: the build would walk it forever) — remove the link',
    ],
    'symbolic link to nothing': [
        'docs/dangling.en.md:1: symbolic link that loops or leads nowhere — remove the link, or replace it with the page itself',
    ],
    'raw HTML link to a missing page': [
        "docs/index.en.md:15: link to '../nothing/': there is no Japanese page 'nothing' — link to an existing page of the Japanese site, e.g. `report.ja.md#section-id`",
    ],
    'raw HTML link to a missing section': [
        "docs/index.en.md:15: link to '#nowhere' (no such section on the target page) in the built page — point it to a page or file that exists (for pages and sections: `page.md#section-id`, which the build checks)",
    ],
    'raw <img> of a missing file': [
        "docs/index.ja.md:15: link to 'images/missing.png' (no such file) in the built page — point it to a page or file that exists (for pages and sections: `page.md#section-id`, which the build checks)",
    ],
    'own-site absolute address': [
        "docs/index.en.md:15: absolute link to this site's own address https://lora-harms.github.io/lora-harms/en/other/#details — link to the Markdown file instead (`other.md#details`), so that the build checks it and it works offline",
    ],
    'page missing from nav': [
        'docs/extra.ja.md:1: the page is not in the navigation, so readers cannot find it — add `- <title>: extra.md` under `nav:` in mkdocs.yml (line {mkdocs:nav:}), or delete the page',
    ],
    'mistyped redirect target': [
        "mkdocs.yml:{mkdocs:otehr.md}: a redirect goes to 'otehr.md', which does not exist — redirect it to an existing page, written without the language suffix (e.g. report.md)",
    ],
    'mkdocs.yml: YAML error': [
        'mkdocs.yml:{mkdocs:repo_name: lora-harms: lora-harms}: not valid YAML (mapping values are not allowed here) — fix the indentation or quoting at this line (a value with `: ` or starting with a special character needs quotes)',
    ],
    'mkdocs.yml: tab indentation': [
        "mkdocs.yml:{mkdocs:\tname: material}: not valid YAML (while scanning for the next token: found character '\\t' that cannot start any token) — fix the indentation or quoting at this line (a value with `: ` or starting with a special character needs quotes)",
    ],
    'template syntax error in overrides/': [
        "overrides/main.html:{main:{% if %}: the build fails in this template: TemplateSyntaxError: Expected an expression, got 'end of statement block' — fix the template at this line (run `mkdocs build --strict` for the whole error)",
    ],
    'template error in a partial': [
        "overrides/partials/last-reviewed.html:1: the build fails in this template: TemplateAssertionError: No filter named 'no_such_filter'. — fix the template at this line (run `mkdocs build --strict` for the whole error)",
    ],
    'missing extra_css file': [
        'mkdocs.yml:{mkdocs:sight.css}: assets/stylesheets/sight.css is listed but does not exist in docs/ or overrides/ — correct the name, or add the file',
    ],
    'missing extra_javascript file': [
        'mkdocs.yml:{mkdocs:copylink.js}: assets/javascripts/copylink.js is listed but does not exist in docs/ or overrides/ — correct the name, or add the file',
    ],
    'merge-conflict markers in published.json': [
        'published.json:3: merge-conflict marker (start of a conflict) left in the file — keep the right version of the lines between `<<<<<<<`, `=======` and `>>>>>>>`, and delete the three marker lines',
        'published.json:7: merge-conflict marker (end of a conflict) left in the file — keep the right version of the lines between `<<<<<<<`, `=======` and `>>>>>>>`, and delete the three marker lines',
    ],
    'merge-conflict markers in a page': [
        'docs/other.ja.md:15: merge-conflict marker (start of a conflict) left in the file — keep the right version of the lines between `<<<<<<<`, `=======` and `>>>>>>>`, and delete the three marker lines',
        'docs/other.ja.md:19: merge-conflict marker (end of a conflict) left in the file — keep the right version of the lines between `<<<<<<<`, `=======` and `>>>>>>>`, and delete the three marker lines',
    ],
    'published.json: a missing comma': [
        "published.json:3: the registry is not valid JSON (Expecting ',' delimiter) — fix this line, or restore the file from git and run `.venv/bin/python -m scripts.check.published`",
    ],
    'unclosed HTML comment swallowing linked sections': [
        'docs/other.en.md:11: HTML comment `<!--` is never closed: everything after it is hidden, sections included — close it with `-->` where the note ends',
    ],
    'unclosed code fence swallowing linked sections': [
        "docs/other.en.md:9: sections part from the Japanese page here: other.en.md has nothing more (ends at its last heading), other.ja.md:13 has '## #details' — give both languages the same section ids, in the same order, at the same levels (the Japanese page leads)",
        "docs/other.en.md:9: the page does not end with the '#sources' section — end it with `## … {#sources}` listing the sources the page uses",
        'docs/other.en.md:11: code fence ``` is never closed — close it with a line ```, or the rest of the page is shown as code',
    ],
    'reference link without definition': [
        'docs/index.en.md:15: reference link [the report page][report-page] has no definition (readers see the brackets) — add a line `[report-page]: <address>` to the page, or write the link inline as [the report page](<address>)',
    ],
    'footnote without definition': [
        'docs/index.ja.md:15: footnote [^1] has no definition (readers see the brackets) — add a line `[^1]: <the note>` at the end of the page, or remove the marker',
    ],
    'link without closing parenthesis': [
        "docs/other.en.md:15: link 'index.md#details for more.' has no closing parenthesis (readers see the raw Markdown) — close it: `[text](target)`",
    ],
    'malformed glossary definition': [
        'includes/abbreviations.en.md:1: glossary definition is malformed: *[LoRA: A technique that adds only a learned difference, sto — write it as `*[term]: explanation` on one line (the whole page loses its term explanations otherwise)',
    ],
    'setext heading (===)': [
        "docs/other.en.md:15: heading 'Extra notes' is underlined (setext style), so it cannot carry an id — write it as `# Extra notes {#id}` and delete the underline at line 16",
    ],
    'setext heading (---)': [
        "docs/other.ja.md:15: heading '補足' is underlined (setext style), so it cannot carry an id — write it as `## 補足 {#id}` and delete the underline at line 16",
    ],
    '<a id> duplicating a heading id': [
        "docs/index.en.md:15: id 'overview' is already used on this page (line 9) — remove this id or give it another name: links would land on the first one only",
    ],
    'empty fragment': [
        "docs/index.en.md:15: link 'other.md#' has an empty section name after '#' — name the section (`other.md#section-id`) or remove the '#'",
    ],
    'link to localhost': [
        'docs/index.en.md:15: link to a local preview address (http://localhost…), which works only on your computer — link to the Markdown file instead, e.g. `report.md#before-you-report`',
    ],
    'link to 127.0.0.1': [
        'docs/other.ja.md:15: link to a local preview address (http://127.0.0.1…), which works only on your computer — link to the Markdown file instead, e.g. `report.md#before-you-report`',
    ],
    'forbidden: host in capitals': [
        "docs/index.en.md:15: link to a model page on a model-sharing site: https://CIVITAI.COM/models/1234/style — never link to a model, a LoRA or a download; link to the platform's report or help page instead",
    ],
    'forbidden: civitai.red': [
        "docs/index.ja.md:15: link to a model page on a model-sharing site: https://civitai.red/models/1234 — never link to a model, a LoRA or a download; link to the platform's report or help page instead",
    ],
    'forbidden: civitai download': [
        "docs/index.en.md:15: link to a model page on a model-sharing site: https://civitai.com/api/download/models/99 — never link to a model, a LoRA or a download; link to the platform's report or help page instead",
    ],
    'forbidden: single-quoted HTML attribute': [
        "docs/other.en.md:15: link to a model page on a model-sharing site: https://civitai.com/models/1 — never link to a model, a LoRA or a download; link to the platform's report or help page instead",
    ],
    'forbidden: unquoted HTML attribute with an entity': [
        "docs/other.en.md:15: link to a model page on a model-sharing site: https://civitai.com/models/1 — never link to a model, a LoRA or a download; link to the platform's report or help page instead",
    ],
    'forbidden: Hugging Face model repository': [
        "docs/index.en.md:15: link to a model page on a model-sharing site: https://huggingface.co/someone/some-style-lora — never link to a model, a LoRA or a download; link to the platform's report or help page instead",
    ],
    'forbidden: Hugging Face /resolve/ download': [
        "docs/index.en.md:15: link to a model page on a model-sharing site: https://huggingface.co/someone/model/resolve/main/lora.safetensors — never link to a model, a LoRA or a download; link to the platform's report or help page instead",
    ],
    'forbidden: Tensor.Art model': [
        "docs/index.en.md:15: link to a model page on a model-sharing site: https://tensor.art/models/123456 — never link to a model, a LoRA or a download; link to the platform's report or help page instead",
    ],
    'forbidden: SeaArt model': [
        "docs/index.en.md:15: link to a model page on a model-sharing site: https://www.seaart.ai/models/detail/abc — never link to a model, a LoRA or a download; link to the platform's report or help page instead",
    ],
    'cross-language link to a missing section (file)': [
        "docs/index.ja.md:11: link to 'other.en.md#nothing' — no such section in other.en.md; link to a section that exists in the English page",
    ],
    'cross-language link to a missing section (address)': [
        "docs/other.ja.md:11: link to '../en/#nothing' — no such section in index.en.md; link to a section that exists in the English page",
    ],
    'cross-language link to a missing page': [
        "docs/index.ja.md:11: link to 'missing.en.md#details': there is no English page 'missing' — link to an existing page of the English site, e.g. `report.en.md#section-id`",
    ],
    'list nested 500 levels': [
        'docs/other.en.md:514: lists or quotes are nested 499 levels deep here (the limit is 20) — flatten the list: readers cannot follow it and MkDocs fails on very deep nesting',
    ],
    'page over max_page_bytes': [
        'docs/other.en.md:1: the page is {size:docs/other.en.md} bytes, over the limit of 20,000 bytes — split it into several pages (max_page_bytes in pyproject.toml); the build is skipped until then',
    ],
    'build over its time limit': [
        'docs/other.ja.md:1: the build took longer than 0.3 s and was stopped (the largest page is this one, 1 KB) — split or shorten very large pages and flatten deep lists; build_timeout_seconds in pyproject.toml sets the limit',
    ],
    'pyproject.toml: TOML error': [
        'pyproject.toml:{pyproject:END}: not valid TOML (Unclosed array (at end of document)) — fix the syntax at this line',
    ],
    'pyproject.toml: broken pattern': [
        'pyproject.toml:{pyproject:civitai\\.com/(models}: a pattern of forbidden_links is not a valid regular expression (missing ), unterminated subpattern at position 13) — fix the pattern (Python regular expression syntax)',
    ],
    'heading id duplicating across a kept old id': [
        "docs/other.en.md:13: id 'overview' is already used on this page (line 9) — remove this id or give it another name: links would land on the first one only",
    ],
}


def D(kind, plant, build=False):
    DEFECTS.append(Defect(kind, plant, EXPECTED[kind], build))


def _extra_page(site):
    for lang in ("ja", "en"):
        site.write(f"extra.{lang}.md", site.path(f"other.{lang}.md").read_text(encoding="utf-8").replace("{#other}", "{#extra}"))


def _swallow(site):
    site.edit("other.en.md", "Text. [Another page]", "Text. <!-- a note for writers [Another page]")
    site.edit("index.en.md", "More text.", "[one](other.md#details) [two](other.md#sources) [three](#sources)")


def _big(site):
    _pyproject(site, "max_page_bytes = 1000000", "max_page_bytes = 20000")
    _more(site, "other.en.md", "\n\n".join(["A paragraph of ordinary text that goes on."] * 600))


D("front matter: an impossible date", lambda s: s.edit("index.ja.md", "last_reviewed: 2026-11-01", "last_reviewed: 2026-02-30"), build=True)
D("front matter: a list, not key: value", lambda s: s.edit("index.en.md", "---\ntitle: Home\n", "---\n- title: Home\n"))
D("front matter: never closed", lambda s: s.write("index.en.md", s.path("index.en.md").read_text(encoding="utf-8").replace("last_reviewed: 2026-11-01\n---\n", "last_reviewed: 2026-11-01\n", 1)))
D("front matter: a colon in an unquoted value", lambda s: s.edit("other.en.md", "description: A page for tests.", "description: Tests: a page: for tests\n  - and: [more"))
D("page not UTF-8", lambda s: s.write("other.en.md", s.path("other.en.md").read_bytes().replace(b"More text.", "Caf\u00e9".encode("latin-1"))))
D("symbolic link to itself", lambda s: os.symlink("loop.en.md", s.path("loop.en.md")), build=True)
D("symbolic link to its own folder", lambda s: os.symlink(".", s.path("again")), build=True)
D("symbolic link to nothing", lambda s: os.symlink("gone.en.md", s.path("dangling.en.md")))
D("raw HTML link to a missing page", lambda s: _more(s, "index.en.md", 'See <a href="../nothing/">this</a>.'), build=True)
D("raw HTML link to a missing section", lambda s: _more(s, "index.en.md", "See <a href='#nowhere'>this</a>."), build=True)
D("raw <img> of a missing file", lambda s: _more(s, "index.ja.md", '<img src="images/missing.png" alt="図">'), build=True)
D("own-site absolute address", lambda s: _more(s, "index.en.md", "[report](https://lora-harms.github.io/lora-harms/en/other/#details)"))
D("page missing from nav", _extra_page, build=True)
D("mistyped redirect target", lambda s: _config(s, "redirect_maps: {}", "redirect_maps:\n      old.md: otehr.md"), build=True)
D("mkdocs.yml: YAML error", lambda s: _config(s, "repo_name: lora-harms/lora-harms", "repo_name: lora-harms: lora-harms"))
D("mkdocs.yml: tab indentation", lambda s: _config(s, "  name: material", "\tname: material"))
D("template syntax error in overrides/", lambda s: _file(s, "overrides/main.html", "{% block site_meta %}", "{% block site_meta %}\n  {% if %}"), build=True)
D("template error in a partial", lambda s: _file(s, "overrides/partials/last-reviewed.html", "", "{{ page.meta.title | no_such_filter }}\n"), build=True)
D("missing extra_css file", lambda s: _config(s, "assets/stylesheets/site.css", "assets/stylesheets/sight.css"), build=True)
D("missing extra_javascript file", lambda s: _config(s, "assets/javascripts/copy-link.js", "assets/javascripts/copylink.js"), build=True)
D("merge-conflict markers in published.json", lambda s: _registry(s, REGISTRY.replace('  "other"', '<<<<<<< HEAD\n  "other": ["other"]\n=======\n  "other"').replace("}\n", ">>>>>>> branch\n}\n")))
D("merge-conflict markers in a page", lambda s: _more(s, "other.ja.md", "<<<<<<< HEAD\n詳しく説明します。\n=======\nくわしく説明します。\n>>>>>>> fix-wording"))
D("published.json: a missing comma", lambda s: _registry(s, REGISTRY.replace('"sources"],', '"sources"]')))
D("unclosed HTML comment swallowing linked sections", _swallow, build=True)
D("unclosed code fence swallowing linked sections", lambda s: (s.edit("other.en.md", "Text. [Another page]", "```text\nText. [Another page]"), _more(s, "index.en.md", "[one](other.md#details)")), build=True)
D("reference link without definition", lambda s: _more(s, "index.en.md", "See [the report page][report-page]."))
D("footnote without definition", lambda s: _more(s, "index.ja.md", "詳しく説明します[^1]。"))
D("link without closing parenthesis", lambda s: _more(s, "other.en.md", "See [the details](index.md#details for more."))
D("malformed glossary definition", lambda s: _file(s, "includes/abbreviations.en.md", "*[LoRA]:", "*[LoRA:"))
D("setext heading (===)", lambda s: _more(s, "other.en.md", "Extra notes\n==========="))
D("setext heading (---)", lambda s: _more(s, "other.ja.md", "補足\n---"))
D("<a id> duplicating a heading id", lambda s: _more(s, "index.en.md", '<a id="overview"></a>More text.'))
D("empty fragment", lambda s: _more(s, "index.en.md", "[the other page](other.md#)"))
D("link to localhost", lambda s: _more(s, "index.en.md", "[preview](http://localhost:8000/lora-harms/en/)"))
D("link to 127.0.0.1", lambda s: _more(s, "other.ja.md", "[プレビュー](http://127.0.0.1:8000/lora-harms/)"))
D("forbidden: host in capitals", lambda s: _more(s, "index.en.md", "[x](https://CIVITAI.COM/models/1234/style)"))
D("forbidden: civitai.red", lambda s: _more(s, "index.ja.md", "[x](https://civitai.red/models/1234)"))
D("forbidden: civitai download", lambda s: _more(s, "index.en.md", "[x](https://civitai.com/api/download/models/99)"))
D("forbidden: single-quoted HTML attribute", lambda s: _more(s, "other.en.md", "<a href='https://civitai.com/models/1'>x</a>"))
D("forbidden: unquoted HTML attribute with an entity", lambda s: _more(s, "other.en.md", "<a href=https://civitai&#46;com/models/1>x</a>"))
D("forbidden: Hugging Face model repository", lambda s: _more(s, "index.en.md", "[x](https://huggingface.co/someone/some-style-lora)"))
D("forbidden: Hugging Face /resolve/ download", lambda s: _more(s, "index.en.md", "[x](https://huggingface.co/someone/model/resolve/main/lora.safetensors)"))
D("forbidden: Tensor.Art model", lambda s: _more(s, "index.en.md", "[x](https://tensor.art/models/123456)"))
D("forbidden: SeaArt model", lambda s: _more(s, "index.en.md", "[x](https://www.seaart.ai/models/detail/abc)"))
D("cross-language link to a missing section (file)", lambda s: s.edit("index.ja.md", "(other.md#details)", "(other.en.md#nothing)"))
D("cross-language link to a missing section (address)", lambda s: s.edit("other.ja.md", "(index.md#details)", "(../en/#nothing)"))
D("cross-language link to a missing page", lambda s: s.edit("index.ja.md", "(other.md#details)", "(missing.en.md#details)"))
D("list nested 500 levels", lambda s: _more(s, "other.en.md", "\n".join("  " * depth + "- item" for depth in range(500))), build=True)
D("page over max_page_bytes", _big, build=True)
D("build over its time limit", lambda s: _pyproject(s, "build_timeout_seconds = 120", "build_timeout_seconds = 0.3"), build=True)
D("pyproject.toml: TOML error", lambda s: _pyproject(s, "max_nesting = 20", "max_nesting = [20"))
D("pyproject.toml: broken pattern", lambda s: _pyproject(s, "forbidden_links = [", "forbidden_links = [\n  'civitai\\.com/(models',"))
D("heading id duplicating across a kept old id", lambda s: s.edit("other.en.md", "## Details {#details}", '## Details <a id="overview"></a> {#details}'))


PLACEHOLDER = re.compile(r"\{(?P<file>mkdocs|pyproject|main|size):(?P<text>[^}]*)\}")
FILES = {"mkdocs": "mkdocs.yml", "pyproject": "pyproject.toml", "main": "overrides/main.html"}


def _located(site: FixtureSite, line: str) -> str:
    def number(match: re.Match[str]) -> str:
        if match["file"] == "size":
            return f"{(site.root / match['text']).stat().st_size:,}"
        lines = (site.root / FILES[match["file"]]).read_text(encoding="utf-8").splitlines()
        if match["text"] == "END":
            return str(len(lines))
        needle = match["text"].replace("\\t", "\t")
        return str(next(index for index, text in enumerate(lines, 1) if needle in text))
    return PLACEHOLDER.sub(number, line)


def test_the_corpus_has_at_least_forty_kinds():
    assert len(DEFECTS) >= 40
    assert len({defect.kind for defect in DEFECTS}) == len(DEFECTS)
    assert all(defect.expected for defect in DEFECTS)


@pytest.mark.parametrize("defect", DEFECTS, ids=[defect.kind for defect in DEFECTS])
def test_planted_defect(site: FixtureSite, defect: Defect):
    defect.plant(site)
    result = site.check(*([] if defect.build else ["--no-build"]))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stdout
    assert result.stdout.splitlines() == [_located(site, line) for line in defect.expected]


# Clean controls: each must pass.

def test_control_the_real_site_passes_the_markdown_rules():
    result = run_checker(PROJECT, "--no-build")
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("check: ok")


def test_control_bom_and_crlf_line_endings(site: FixtureSite):
    for name in ("index.ja.md", "other.en.md"):
        text = site.path(name).read_text(encoding="utf-8")
        site.write(name, ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    result = site.check()
    assert result.returncode == 0, result.stdout


def test_control_the_same_harmless_edit_in_both_languages(site: FixtureSite):
    site.edit("other.ja.md", "詳しく説明します。", "詳しく説明します。**大事な点**は[概要](#overview)にあります。")
    site.edit("other.en.md", "More text.", "More text. The **main point** is in the [overview](#overview).")
    result = site.check()
    assert result.returncode == 0, result.stdout


def test_control_allowed_addresses_on_model_hubs(site: FixtureSite):
    allowed = [
        "https://Huggingface.co/content-guidelines", "https://huggingface.co/docs/hub/dmca", "https://huggingface.co/blog/lora",
        "https://huggingface.co/private-report/dmca-takedown", "https://huggingface.co/datasets/huggingface-legal/takedown-notices",
        "https://huggingface.co/spaces/someone/demo", "https://huggingface.co/papers/2302.04222",
        "https://huggingface.co/someone/guide/commit/0e8f55feeb74cbf481b09d447067ff4227163167",
        "https://civitai.com/content/tos", "https://civitai.red/content/tos", "https://civitai.com/articles/15022",
    ]
    site.write_facts("technical.yml", facts_citing("https://arxiv.org/abs/2106.09685", *allowed))  # sources of T-1, cited
    site.edit("other.en.md", "More text.", " ".join(f"[{index}]({url})" for index, url in enumerate(allowed)))
    result = site.check("--no-build")
    assert result.returncode == 0, result.stdout


def test_control_valid_cross_language_links(site: FixtureSite):
    site.edit("index.ja.md", "(other.md#details)", "(other.en.md#details)")
    site.edit("other.ja.md", "(index.md#details)", "(../en/#details)")
    result = site.check()
    assert result.returncode == 0, result.stdout
    built = site.build()
    assert 'href="en/other/#details"' in (built / "index.html").read_text(encoding="utf-8")
    assert 'href="../en/#details"' in (built / "other" / "index.html").read_text(encoding="utf-8")
