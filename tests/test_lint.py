"""The prose linters that scripts/test runs are real: each one fails on a page that breaks its rules.

scripts/test runs textlint (Japanese pages) and markdownlint-cli2 (all pages) with the project's
configuration; these tests run the same tools, with the same configuration, on throw-away pages, so
that a configuration that silently checks nothing cannot pass.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.sitefactory import PROJECT, PAGE, WORDS

GOOD_JA = PAGE.format(title="テスト", slug="test", link_to="other", **WORDS["ja"])
GOOD_EN = PAGE.format(title="Test", slug="test", link_to="other", **WORDS["en"])


def npx(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["npx", "--no-install", *args], cwd=PROJECT, capture_output=True, text=True, timeout=120)


def textlint(path: Path) -> subprocess.CompletedProcess[str]:
    return npx("textlint", "--config", str(PROJECT / ".textlintrc.yml"), "--format", "compact", str(path))


def markdownlint(path: Path) -> subprocess.CompletedProcess[str]:
    return npx("markdownlint-cli2", "--config", str(PROJECT / ".markdownlint-cli2.yaml"), f":{path}")


def test_textlint_passes_a_good_japanese_page(tmp_path):
    page = tmp_path / "good.ja.md"
    page.write_text(GOOD_JA.replace("## 詳細 {#details}", '## LoRAとは何か？ {#details}\n\n!!! note "注意"\n    本文です。'),
                    encoding="utf-8")
    result = textlint(page)
    assert result.returncode == 0, result.stdout


def test_textlint_fails_on_mixed_styles_and_a_missing_period(tmp_path):
    page = tmp_path / "bad.ja.md"
    page.write_text(GOOD_JA.replace("本文です。", "これは本文である。これは本文です。").replace("詳しく説明します。", "詳しく説明します"),
                    encoding="utf-8")
    result = textlint(page)
    assert result.returncode == 1
    assert f"{page}: line 11, col" in result.stdout and "(ja-technical-writing/no-mix-dearu-desumasu)" in result.stdout
    assert f"{page}: line 15, col" in result.stdout and "(ja-technical-writing/ja-no-mixed-period)" in result.stdout


def test_textlint_asks_for_the_site_words_outside_quotes(tmp_path):
    page = tmp_path / "words.ja.md"
    page.write_text(GOOD_JA.replace("詳しく説明します。", "作家の画風をまねます。モデル本体に重ねます。規約は「画風・作風の模倣」を挙げます。"),
                    encoding="utf-8")
    result = textlint(page)
    assert result.returncode == 1
    assert f"{page}: line 15, col 4, Error - 画風 => 絵柄" in result.stdout
    assert f"{page}: line 15, col 12, Error - モデル本体 => ベースモデル" in result.stdout
    assert result.stdout.count("(prh)") == 2, result.stdout


def test_markdownlint_passes_the_site_syntax(tmp_path):
    page = tmp_path / "good.en.md"
    page.write_text(GOOD_EN.replace("## Details {#details}", '## Details <a id="old-details"></a> {#details}')
                    + '\n<figure markdown="span">\n  ![A diagram](x.svg)\n  <figcaption>A caption.</figcaption>\n</figure>\n',
                    encoding="utf-8")
    result = markdownlint(page)
    assert result.returncode == 0, result.stdout + result.stderr


def test_markdownlint_fails_on_a_broken_heading_and_raw_html(tmp_path):
    page = tmp_path / "bad.en.md"
    page.write_text(GOOD_EN.replace("## Details {#details}", "##Details {#details}").replace("More text.", "<center>More text.</center>"),
                    encoding="utf-8")
    result = markdownlint(page)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "MD018/no-missing-space-atx" in output
    assert "MD033/no-inline-html Inline HTML [Element: center]" in output


def test_markdownlint_fails_on_a_bare_address(tmp_path):
    """Python-Markdown does not autolink: a bare address would not be a link (MD034 is on)."""
    page = tmp_path / "bare.en.md"
    page.write_text(GOOD_EN.replace("More text.", "Write to dmca@example.com. [Or here](mailto:help@example.com)."),
                    encoding="utf-8")
    result = markdownlint(page)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "MD034/no-bare-urls Bare URL used [Context: \"dmca@example.com\"]" in output
    assert output.count("MD034") == 1
