"""The fact base: its schema, the checker's citation rules, the citation hook and the fact sheet.

Each checker rule breaks the correct fixture site once and asserts the exact message; the hook tests
build a fixture site and read the HTML.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

import yaml
from hypothesis import given
from hypothesis import strategies as st

from scripts import sitebuild
from scripts.hooks import factbase, pagetext
from tests.sitefactory import FixtureSite, two_page_site

# More facts for the tests (T-1 is the fixture's own): an unverified one, a corrected one and the
# entry that corrects it, a partly verified platform rule with a repository source, and a stale one.
MORE_FACTS = """- id: R-1
  topic: civitai
  status: unverified
  claim:
    ja: 未確認の内容です。
    en: Something unconfirmed.
  sources: []
  checked: 2026-11-15
  recheck_days: 3650
  notes: Never cite it.

- id: R-2
  topic: civitai
  status: verified
  claim:
    ja: 古い規則です。
    en: An older rule.
  sources:
    - url: https://civitai.com/content/tos
      title: Terms of Service
      publisher: Civitai
      date: 2025-01-30
      read: read
  as_of: 2025-01-30
  checked: 2026-11-15
  recheck_days: 3650
  corrected_by: R-3

- id: R-3
  topic: civitai
  status: partly-verified
  claim:
    ja: 通報は「Report」から送ります。窓口の電話は0570-003-110で、連絡先はhelp@example.orgです。
    en: 'Reports are sent with "Report". The help line is 0570-003-110 and the address is help@example.org.'
  scope:
    ja: 送り方だけを確認しました。
    en: Only how to send it was confirmed.
  sources:
    - repo: civitai/civitai
      path: src/components/Modals/ReportModal.tsx
      title: Report window
      publisher: Civitai
      date: 2026-08-08
      read: repo
    - url: https://civitai.com/content/tos
      title: Terms of Service
      publisher: Civitai
      read: read
  as_of: 2026-08-08
  checked: 2026-11-15
  recheck_days: 3650

- id: L-1
  topic: japan-law
  status: verified
  claim:
    ja: 古くから確かめていない法律の話です。
    en: A law last checked long ago.
  sources:
    - url: https://laws.e-gov.go.jp/law/345AC0000000048
      title: 著作権法
      publisher: e-Gov
      read: read (official text)
  checked: 2020-01-01
  recheck_days: 365
"""


def problems(result) -> list[str]:
    """The problem lines the checker printed (standard output, without the summary)."""
    return result.stdout.splitlines()[:-1] if result.returncode == 0 else result.stdout.splitlines()


def advisories(result, kind: str) -> list[str]:
    """The `warning:` or `note:` lines the checker printed on standard error."""
    return [line for line in result.stderr.splitlines() if line.startswith(f"{kind}: ")]


def without_terms(html: str) -> str:
    """The HTML without the glossary's hover definitions (`<abbr title="…">LoRA</abbr>` → `LoRA`)."""
    return re.sub(r"<abbr [^>]*>(.*?)</abbr>", r"\1", html)


def with_more_facts(site: FixtureSite) -> FixtureSite:
    site.write_facts("reporting.yml", MORE_FACTS)
    return site


# --- the schema -------------------------------------------------------------------------------


def test_fact_base_schema_errors_name_file_line_and_fix(site: FixtureSite):
    site.write_facts("updates-2026-11.yml", """- id: L-1
  topic: Japan Law
  status: checked
  claim:
    ja: 日本語だけです。
  sources:
    - url: laws.e-gov.go.jp
      title: 著作権法
      publisher: e-Gov
      date: "2021-13"
      read: read
  checked: 26 November
  recheck_days: soon
  corrected_by: L-99
  summary: extra

- id: T-1
  topic: lora-basics
  status: verified
  claim: {ja: 重複です。, en: A duplicate.}
  sources:
    - title: Paper
      publisher: arXiv
      read: seen
  checked: 2026-11-15
  recheck_days: 365
""")
    result = site.check("--no-build")
    assert problems(result) == [
        "facts/updates-2026-11.yml:2: topic 'Japan Law' is not lowercase-kebab — use lowercase English words joined by hyphens, e.g. civitai or japan-law",
        "facts/updates-2026-11.yml:3: status 'checked' is not one of verified, partly-verified, unverified, contradicts-source — use the status the shared facts file gives the entry",
        "facts/updates-2026-11.yml:5: claim has no 'en' text — add `en: …` under `claim:` (both languages, in the project's own words)",
        "facts/updates-2026-11.yml:7: url 'laws.e-gov.go.jp' is not a web address — write the original address, starting with https://",
        "facts/updates-2026-11.yml:10: date '2021-13' is not a date — write YYYY-MM-DD, or \"YYYY-MM\" / \"YYYY\" (quoted) when the source gives no more",
        "facts/updates-2026-11.yml:12: checked is not a date — write it as YYYY-MM-DD, e.g. `checked: 2026-11-29`",
        "facts/updates-2026-11.yml:13: recheck_days 'soon' is not a whole number of days — write 120 for platform rules, labels and report routes, 365 for laws, papers and cases",
        "facts/updates-2026-11.yml:15: L-1 has an unknown key 'summary' — use only id, topic, status, claim, scope, sources, as_of, checked, recheck_days, corrected_by, notes",
        "facts/updates-2026-11.yml:17: id T-1 is used twice (first at facts/technical.yml:1) — keep one entry per id; ids are exactly those of the shared facts files",
    ]


def test_corrected_by_must_name_a_fact(site: FixtureSite):
    site.write_facts("reporting.yml", MORE_FACTS.replace("corrected_by: R-3", "corrected_by: R-71"))
    result = site.check("--no-build")
    assert problems(result) == [
        "facts/reporting.yml:12: R-2 is corrected_by R-71, which is no fact — name the id of the entry that corrects it (the Corrections table of the shared facts.md)",
    ]


def test_every_topic_is_named_in_topics_yml(site: FixtureSite):
    site.write_facts("reporting.yml", MORE_FACTS.replace("topic: japan-law", "topic: japan-laws"))
    result = site.check("--no-build")
    assert problems(result) == [
        "facts/reporting.yml:53: L-1 has topic 'japan-laws', which facts/topics.yml does not name — "
        "add `japan-laws:` with its ja and en names under the `topics:` of a group of facts/topics.yml, or use a topic it has",
    ]


def test_topics_yml_groups_errors_name_line_and_fix(site: FixtureSite):
    site.write_facts("topics.yml", """lora:
  ja: LoRA
  en: LoRA
  topics:
    lora-basics: {ja: 仕組み, en: How it works}
platforms:
  ja: サービス
  topics:
    civitai: {ja: Civitai, en: Civitai}
law:
  ja: 法律
  en: Law
  pages: 2
help:
  ja: 相談
  en: Help
  topics:
    lora-basics: {ja: 仕組み, en: How it works}
""")
    result = site.check("--no-build")
    assert problems(result) == [
        "facts/topics.yml:7: group 'platforms' is not named in both languages — write `ja: …` and `en: …` under it",
        "facts/topics.yml:11: group 'law' has no topics — add `topics:` with at least one `topic-id: {ja: …, en: …}` under it",
        "facts/topics.yml:13: group 'law' has an unknown key 'pages' — use only ja, en and topics",
        "facts/topics.yml:18: topic 'lora-basics' is in group 'lora' and in group 'help' — keep it in one group: a topic is listed on one page",
    ]


# --- the checker's citation rules ----------------------------------------------------------------


def test_citing_an_unknown_fact(site: FixtureSite):
    site.edit("index.en.md", "More text.", "More text.[[T-1, R-999]] Also [[R9]].")
    result = site.check("--no-build")
    assert problems(result) == [
        "docs/index.en.md:15: citation [[R9]] names 'R9', which is not a fact id — write ids as in facts/*.yml, e.g. [[R-9]], several as [[R-9, L-6]]",
        "docs/index.en.md:15: cites R-999, which is not in the fact base — cite an id of facts/*.yml, or add the fact there first (CONTRIBUTING.md, 'Facts and citations')",
    ]


def test_markers_in_code_are_not_citations(site: FixtureSite):
    site.edit("index.en.md", "More text.", "Write `[[R-999]]` to cite.\n\n```text\n[[R-999]]\n```")
    assert site.check("--no-build").returncode == 0


def test_citing_an_unverified_fact(site: FixtureSite):
    with_more_facts(site)
    site.edit("index.ja.md", "詳しく説明します。", "詳しく説明します[[R-1]]。")
    result = site.check("--no-build")
    assert problems(result) == [
        "docs/index.ja.md:15: cites R-1, which is unverified (facts/reporting.yml:1) — "
        "leave the claim out: an unverified fact is never cited (verify it first, then change its status)",
    ]


def test_outside_link_that_no_cited_fact_gives(site: FixtureSite):
    with_more_facts(site)
    site.edit("other.en.md", "More text.", "[Terms](https://civitai.com/content/tos) and [paper](HTTPS://ArXiv.org/abs/2106.09685/).")
    result = site.check("--no-build")
    assert problems(result) == [
        "docs/other.en.md:15: outside link https://civitai.com/content/tos is not a source of any fact this page cites — "
        "cite the fact that gives it in the sentence the link supports (R-3 gives it), e.g. [[R-3]]",
    ]
    site.edit("other.en.md", "(https://civitai.com/content/tos)", "(https://civitai.com/content/tos)[[R-3]]")
    assert site.check("--no-build").returncode == 0, "cited: the link is allowed (and the other one differs only in case and slash)"


def test_outside_link_that_no_fact_gives(site: FixtureSite):
    site.edit("other.en.md", "More text.", "[Elsewhere](https://example.org/page)")
    result = site.check("--no-build")
    assert problems(result) == [
        "docs/other.en.md:15: outside link https://example.org/page is not a source of any fact this page cites — "
        "link only addresses a fact this page cites gives: add it to that fact's sources in facts/*.yml (the original address), then cite the fact here",
    ]


def test_links_to_the_project_itself_need_no_fact(site: FixtureSite):
    site.edit("other.en.md", "More text.", "[Issues](https://github.com/lora-harms/lora-harms/issues)")
    assert site.check("--no-build").returncode == 0


def test_mail_and_phone_links_must_be_in_a_cited_claim(site: FixtureSite):
    with_more_facts(site)
    site.edit("other.ja.md", "詳しく説明します。", "[電話](tel:0570-003-110)か[メール](mailto:help@example.org)で。[[T-1]]")
    result = site.check("--no-build")
    assert problems(result) == [
        "docs/other.ja.md:15: e-mail link help@example.org is not in the claim of any fact this page cites — "
        "cite the fact that gives it in the sentence the link supports (R-3 gives it), e.g. [[R-3]]",
        "docs/other.ja.md:15: phone link 0570-003-110 is not in the claim of any fact this page cites — "
        "cite the fact that gives it in the sentence the link supports (R-3 gives it), e.g. [[R-3]]",
    ]
    site.edit("other.ja.md", "[[T-1]]", "[[R-3]]")
    assert site.check("--no-build").returncode == 0


def test_citing_a_corrected_fact_warns_without_failing(site: FixtureSite):
    with_more_facts(site)
    site.edit("index.en.md", "More text.", "More text.[[R-2]] Cited through the entry that corrects it.[[R-3, R-2]]")
    result = site.check("--no-build")
    assert result.returncode == 0, result.stdout
    assert advisories(result, "warning") == [
        "warning: facts/reporting.yml:53: L-1 was due to be checked again by 2020-12-31 (checked 2020-01-01, every 365 days); cited on no page — "
        "read its sources again; then set checked to that day, and change the claim (both languages) and the pages if the sources changed",
        "warning: docs/index.en.md:15: cites R-2, which R-3 corrects — cite R-3 instead, or both together: [[R-3, R-2]]",
    ]


def test_stale_facts_warn_and_fail_with_the_flag(site: FixtureSite):
    with_more_facts(site)
    site.edit("index.ja.md", "詳しく説明します。", "詳しく説明します[[L-1]]。")
    site.edit("index.en.md", "More text.", "More text.[[L-1]]")
    stale = ("facts/reporting.yml:53: L-1 was due to be checked again by 2020-12-31 (checked 2020-01-01, every 365 days); "
             "cited on docs/index.en.md, docs/index.ja.md — read its sources again; then set checked to that day, "
             "and change the claim (both languages) and the pages if the sources changed")
    result = site.check("--no-build")
    assert result.returncode == 0, result.stdout
    assert advisories(result, "warning") == [f"warning: {stale}"]
    failing = site.check("--no-build", "--stale-facts-fail")
    assert failing.returncode == 1
    assert problems(failing) == [stale]


def test_facts_no_page_cites_are_notes(site: FixtureSite):
    with_more_facts(site)
    result = site.check("--no-build")
    assert result.returncode == 0, result.stdout
    assert advisories(result, "note") == [
        "note: facts/reporting.yml:29: R-3 is cited on no page — nothing to do unless a page states it: then cite it there (the fact sheet lists it either way)",
        "note: facts/reporting.yml:53: L-1 is cited on no page — nothing to do unless a page states it: then cite it there (the fact sheet lists it either way)",
    ]


# --- the citation hook ------------------------------------------------------------------------------


def test_markers_become_numbered_citations_and_the_sources_list_is_generated(site: FixtureSite):
    with_more_facts(site)
    site.edit("other.ja.md", "詳しく説明します。", "通報できます[[R-3]]。法律もあります[[L-1, R-3]]。`[[R-3]]` はコードです。\n\n```text\n[[T-1]]\n```")
    site.edit("other.en.md", "More text.", "You can report.[[R-3]] There is a law.[[L-1, R-3]] `[[R-3]]` is code.\n\n```text\n[[T-1]]\n```")
    out = site.build()
    ja = without_terms((out / "other" / "index.html").read_text(encoding="utf-8"))
    en = without_terms((out / "en" / "other" / "index.html").read_text(encoding="utf-8"))
    # A word joiner (U+2060) before every number: a citation never starts a line on its own.
    assert ('通報できます\u2060<sup class="cite"><a href="#source-1" title="出典 1（R-3）">1</a></sup>。'
            '法律もあります\u2060<sup class="cite"><a href="#source-2" title="出典 2（L-1）">2</a>, <a href="#source-1" title="出典 1（R-3）">1</a></sup>。'
            '<code>[[R-3]]</code> はコードです。') in ja
    assert "<code>[[T-1]]\n</code>" in ja
    assert re.findall(r'(?<!\u2060)<sup class="cite">', ja + en) == [], "every citation is joined to the word before it"
    assert ('You can report.\u2060<sup class="cite"><a href="#source-1" title="Source 1 (R-3)">1</a></sup> '
            'There is a law.\u2060<sup class="cite"><a href="#source-2" title="Source 2 (L-1)">2</a>, <a href="#source-1" title="Source 1 (R-3)">1</a></sup>') in en
    sources_ja = ja[ja.index('id="sources"'):]
    assert '<div class="sources-list">\n<ol>\n<li>\n<p><a id="source-1"></a>' in sources_ja, "a numbered list of its own"
    # T-1 (cited in the sources section itself, line 19) is number 3; R-3 number 1, L-1 number 2.
    assert sources_ja.index('id="source-1"') < sources_ja.index('id="source-2"') < sources_ja.index('id="source-3"')
    assert ('<a id="source-1"></a>通報は「Report」から送ります。（一部確認済み）</p>\n<ul>\n'
            '<li>Report window — <code>civitai/civitai</code>の<code>src/components/Modals/ReportModal.tsx</code>（Civitai、2026年8月8日）</li>\n'
            '<li><a href="https://civitai.com/content/tos">Terms of Service</a>（Civitai）</li>\n</ul>\n'
            '<p>確認日：2026年11月15日</p>') in sources_ja
    assert '<a id="source-2"></a>古くから確かめていない法律の話です。</p>' in sources_ja
    sources_en = en[en.index('id="sources"'):]
    assert ('<a id="source-1"></a>Reports are sent with "Report". (partly verified)</p>\n<ul>\n'
            '<li>Report window — <code>src/components/Modals/ReportModal.tsx</code> in <code>civitai/civitai</code> (Civitai, 8 August 2026)</li>\n'
            '<li><a href="https://civitai.com/content/tos">Terms of Service</a> (Civitai)</li>\n</ul>\n'
            '<p>Checked: 15 November 2026</p>') in sources_en
    assert ('<a id="source-3"></a>LoRA was published in 2021.</p>\n<ul>\n'
            '<li><a href="https://arxiv.org/abs/2106.09685">LoRA: Low-Rank Adaptation of Large Language Models</a> (arXiv (Hu et al.), 2021)</li>') in sources_en
    assert en.index('id="source-3"') < en.index('class="last-reviewed"'), "the list comes before the review date"


def test_a_strict_build_stops_on_an_unknown_fact(site: FixtureSite):
    site.edit("index.en.md", "More text.", "More text.[[R-999]]")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site.root / "built")],
                            cwd=site.root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert ("WARNING -  docs/index.en.md:15: cites R-999, which is not in the fact base — cite an id of facts/*.yml, "
            "or add the fact there first (CONTRIBUTING.md, 'Facts and citations')") in result.stderr


def test_the_checker_reports_an_unknown_fact_once_with_the_build(site: FixtureSite):
    """The hook's warning in the build log is the rule's own problem, not a second line."""
    site.edit("index.ja.md", "詳しく説明します。", "詳しく説明します[[R-999]]。")
    result = site.check()
    assert problems(result) == [
        "docs/index.ja.md:15: cites R-999, which is not in the fact base — cite an id of facts/*.yml, "
        "or add the fact there first (CONTRIBUTING.md, 'Facts and citations')",
    ]


FACT_SHEET = """---
title: {title}
description: {description}
last_reviewed: 2026-11-01
---

# {title} {{#facts}}

## {table} {{#platform-rules}}

<!-- facts:platform-table -->

## {all} {{#all-facts}}

<!-- facts:groups -->

## {sources} {{#sources}}
"""
GROUP_PAGE = """---
title: {title}
description: {description}
last_reviewed: 2026-11-01
---

# {title} {{#facts-{group}}}

<!-- facts:list group={group} -->

## {sources} {{#sources}}
"""
# The fixture's facts are in three groups of facts/topics.yml: T-1 (lora), R-1 to R-3 (platforms), L-1 (law).
FIXTURE_GROUPS = ("lora", "platforms", "law")


def with_fact_sheet(site: FixtureSite) -> FixtureSite:
    """The fixture site with more facts, the fact sheet's overview and a page for each group that has facts."""
    with_more_facts(site)
    site.write("facts.ja.md", FACT_SHEET.format(title="事実一覧", description="テスト用です。", table="規則", all="すべて", sources="出典"))
    site.write("facts.en.md", FACT_SHEET.format(title="Fact sheet", description="For tests.", table="Rules", all="All", sources="Sources"))
    nav = "- facts: facts.md"
    for group in FIXTURE_GROUPS:
        site.write(f"facts/{group}.ja.md", GROUP_PAGE.format(title=f"事実 {group}", description="テスト用です。", group=group, sources="出典"))
        site.write(f"facts/{group}.en.md", GROUP_PAGE.format(title=f"Facts {group}", description="For tests.", group=group, sources="Sources"))
        nav += f"\n- facts-{group}: facts/{group}.md"
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("- index: index.md", "- index: index.md\n" + nav), encoding="utf-8")
    return site


def test_each_group_of_facts_has_its_page_by_topic(tmp_path):
    site = with_fact_sheet(two_page_site(tmp_path))
    site.edit("other.ja.md", "詳しく説明します。", "通報できます[[R-3]]。")
    out = site.build()
    ja = without_terms((out / "facts" / "platforms" / "index.html").read_text(encoding="utf-8"))
    en = without_terms((out / "en" / "facts" / "platforms" / "index.html").read_text(encoding="utf-8"))
    # Only the group's topics, in the order of facts/topics.yml; no unverified fact; the corrected R-2 says what corrects it.
    assert '<h2 id="topic-civitai">Civitai' in ja and 'id="topic-lora-basics"' not in ja and 'id="l-1"' not in ja
    assert ja.index('id="r-2"') < ja.index('id="r-3"') < ja.index('id="sources"')
    assert 'id="r-1"' not in ja and 'id="r-1"' not in en
    law = without_terms((out / "en" / "facts" / "law" / "index.html").read_text(encoding="utf-8"))
    assert '<h2 id="topic-japan-law">Other Japanese law' in law and '<h3 id="l-1"' in law
    entry = en[en.index('<h3 id="r-3"'):en.index('<h2 id="sources"')]
    assert ("<p><strong>Status</strong>: partly verified · <strong>As of</strong>: 8 August 2026 · "
            "<strong>Checked</strong>: 15 November 2026 · <strong>Next check due</strong>: 12 November 2036</p>") in entry
    assert "<p><strong>What is verified</strong>: Only how to send it was confirmed.</p>" in entry
    assert "No page of this site cites it yet." in entry, "other.en.md does not cite R-3; other.ja.md does"
    assert '<strong>このサイトで引用しているページ</strong>：<a href="../../other/">Other</a>' in ja
    assert '<strong>訂正</strong>：この項目は<a href="#r-3">R-3</a>で訂正されています。' in ja
    assert "（期限を過ぎ、再確認を待っています）" in without_terms((out / "facts" / "law" / "index.html").read_text(encoding="utf-8"))
    assert "<p>Each fact above lists its own sources.</p>" in en[en.index('id="sources"'):]
    # A page's sources list links each fact to its entry on its group's page.
    other = (out / "other" / "index.html").read_text(encoding="utf-8")
    assert '事実一覧の<a href="../facts/platforms/#r-3">R-3</a>' in other


def test_the_overview_has_the_platform_table_and_links_each_group_page(tmp_path):
    site = with_fact_sheet(two_page_site(tmp_path))
    out = site.build()
    ja = without_terms((out / "facts" / "index.html").read_text(encoding="utf-8"))
    en = without_terms((out / "en" / "facts" / "index.html").read_text(encoding="utf-8"))
    table = en[en.index("<table>"):en.index("</table>")]
    assert table.count("<tr>") == 2, "the header and R-3: T-1 and L-1 are no platform's, R-1 is unverified, R-2 corrected"
    assert ('<td><a href="platforms/#r-3">R-3</a></td>\n<td>Civitai</td>\n<td>Reports are sent with "Report". (partly verified)</td>\n'
            '<td>8 August 2026</td>') in table
    assert 'id="r-3"' not in en, "the facts themselves are on the group pages"
    # One item per group that has facts, in the order of facts/topics.yml, with its topics and how many facts it lists.
    assert re.findall(r"<li>(.*?)</li>", en[en.index('id="all-facts"'):en.index('id="sources"')]) == [
        '<a href="lora/">What LoRA is and how it is used</a>: How LoRA works (1 facts)',
        '<a href="platforms/">Platforms and report routes</a>: Civitai (2 facts)',
        '<a href="law/">Law and official guidance</a>: Other Japanese law (1 facts)',
    ]
    assert '<a href="platforms/">プラットフォームと通報窓口</a>：Civitai（2件）' in ja
    assert "<p>Each fact lists its own sources, on the pages above.</p>" in en[en.index('id="sources"'):]
    # The old addresses (/facts/#r-3): each group page with the anchors it holds, for the script that sends them on.
    pages = re.search(r"\}\)\((\{.*?\}), location\.hash\.slice\(1\)\);</script>", ja)
    assert pages is not None
    assert json.loads(pages[1]) == {"law/": ["topic-japan-law", "l-1"], "lora/": ["topic-lora-basics", "t-1"],
                                    "platforms/": ["topic-civitai", "r-2", "r-3"]}
    other = (out / "other" / "index.html").read_text(encoding="utf-8")
    assert "location.replace" not in other


def test_a_fact_list_naming_no_group_fails_the_build(tmp_path):
    site = with_fact_sheet(two_page_site(tmp_path))
    site.edit("facts/law.en.md", "group=law", "group=laws")
    result = sitebuild.build(site.root / "mkdocs.yml", site.root / "built", strict=True)
    assert not result.ok
    assert ("docs/facts/law.en.md:9: <!-- facts:list group=laws --> names no group of facts/topics.yml — "
            "use one of: lora, platforms, help, law, cases") in result.log


def test_a_correction_on_another_group_page_links_there(monkeypatch):
    monkeypatch.syspath_prepend(str(factbase.__file__).rsplit("/", 1)[0])  # as a hook imports its neighbours
    import factmarkdown

    strings = {"facts": {"corrected": "Correction", "colon": ": ", "corrected_by": "[{id}]({href}) corrects this entry.",
                         "status_label": "Status", "status": {"verified": "verified"}, "checked": "Checked", "due": "Due",
                         "overdue": "overdue", "paren": " ({})", "sources": "Sources", "not_cited": "Not cited.", "list_sep": ", "},
               "reviewed": {"date": "{d.day} {month} {d.year}"}}
    fact = factbase.Fact(id="R-2", topic="civitai", status="verified", claim={"en": "Old."}, sources=(), checked=dt.date(2026, 11, 15),
                         recheck_days=120, file="facts/reporting.yml", line=1, corrected_by="L-9")
    entry = factmarkdown.fact_entry(fact, "en", strings, [], dt.date(2026, 11, 29), lambda fact_id: f"law.md#{fact_id.lower()}")
    assert "**Correction**: [L-9](law.md#l-9) corrects this entry." in entry


# --- the library's pieces ---------------------------------------------------------------------------

FACT_IDS = st.from_regex(r"[TRL]-[1-9][0-9]{0,2}", fullmatch=True)
PROSE = st.text(alphabet="ab 。.,（）「」", max_size=8)


def citations(*lines: str, offset: int = 0) -> list[factbase.Marker]:
    """The markers of some Markdown lines, with the code lines pagetext finds (as the hook and the checker do)."""
    text = pagetext.parse("\n".join(lines), front_matter=False)
    return factbase.markers(text.lines, text.code_lines, line_offset=offset)


@given(st.lists(FACT_IDS, min_size=1, max_size=3), PROSE, PROSE)
def test_a_marker_is_a_citation_except_in_code(ids, before, after):
    marker = "[[" + ", ".join(ids) + "]]"
    assert [m.ids for m in citations(before + marker + after)] == [tuple(ids)]
    assert citations(f"{before}`{marker}`{after}") == []
    assert citations(f"{before}``a ` {marker}``{after}") == []
    assert [m.line for m in citations("```", marker, "```", marker, offset=9)] == [13]


def test_addresses_compare_without_case_of_scheme_and_host_trailing_slash_or_fragment():
    same = {factbase.normalise_url(url) for url in ("https://StopNCII.org/how-it-works/", "HTTPS://stopncii.org/how-it-works#steps")}
    assert same == {"https://stopncii.org/how-it-works"}
    assert factbase.normalise_url("https://example.org/Path") != factbase.normalise_url("https://example.org/path")


def test_first_sentence_keeps_quotes_initials_and_abbreviations_together():
    assert factbase.first_sentence("「ここ。まだ」続きます。次です。", "ja") == "「ここ。まだ」続きます。"
    assert factbase.first_sentence("Edward J. Hu et al. wrote it, e.g. in 2021. Next.", "en") == "Edward J. Hu et al. wrote it, e.g. in 2021."


def test_fact_problems_carry_their_rule_ids(site: FixtureSite):
    from scripts.check.pages import load_site
    from scripts.check.rules import run_advisories, run_rules
    from scripts.check.settings import load_settings

    with_more_facts(site)
    site.edit("index.en.md", "More text.", "More text.[[R-999]] [[R-1]] [[R-2]] [x](https://example.org/)")
    settings = load_settings(site.root)
    loaded = load_site(settings)
    assert sorted(p.rule for p in run_rules(loaded, settings)) == ["LH011", "LH012", "LH013"]
    assert sorted({(kind, p.rule) for kind, p in run_advisories(loaded, settings)}) == [
        ("note", "LH016"), ("warning", "LH014"), ("warning", "LH015")]


def test_contacts_in_a_claim_become_links_and_short_codes_stay_text(monkeypatch):
    # factmarkdown imports its neighbours as a hook does (MkDocs puts the hook's folder on sys.path).
    monkeypatch.syspath_prepend(str(factbase.__file__).rsplit("/", 1)[0])
    import factmarkdown

    text = "メールは digital-likeness@civitai.com です。電話は 0570-003-110、相談は #9110。https://stopncii.org/ も。"
    assert factmarkdown.contacts(text) == (
        "メールは [digital-likeness@civitai.com](mailto:digital-likeness@civitai.com) です。"
        "電話は [0570-003-110](tel:0570003110)、相談は #9110。https://stopncii.org/ も。"
    )


def test_the_menu_lists_every_group_page_named_as_in_topics_yml():
    """mkdocs.yml names the group pages a second time (the menu and its English titles): they must agree with facts/topics.yml."""
    from tests.project import PROJECT

    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    sheet = next(item["事実一覧"] for item in config["nav"] if "事実一覧" in item)
    base = factbase.load(PROJECT)
    assert [list(entry.items())[0] for entry in sheet] == [("概要", "facts.md")] + [
        (group.name["ja"], group.page) for group in base.groups.values()]
    english = next(lang for lang in next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)["languages"]
                   if lang["locale"] == "en")["nav_translations"]
    assert {group.name["ja"]: english.get(group.name["ja"]) for group in base.groups.values()} == {
        group.name["ja"]: group.name["en"] for group in base.groups.values()}
