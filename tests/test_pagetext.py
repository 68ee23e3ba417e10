"""The page-text library shared by the hooks and the checker (scripts/hooks/pagetext.py)."""

from __future__ import annotations

from scripts.hooks import pagetext

PAGE = """---
title: T
description: D
last_reviewed: 2026-11-01
---

# T {#t}

```text
## not a heading {#inside}
```not closed by this line
~~~
## still code {#still}
```

## Details <a id="old"></a> {#details}

Text.
"""


def test_one_closing_fence_rule_and_headings_outside_code():
    page = pagetext.parse(PAGE)
    assert page.front_matter == ["title: T", "description: D", "last_reviewed: 2026-11-01"]
    assert [(h.level, h.id, h.line) for h in page.headings] == [(1, "t", 7), (2, "details", 16)]
    assert page.headings[1].old_ids == ["old"]
    assert page.unclosed_fence is None


def test_unclosed_fence_is_reported_with_its_line():
    page = pagetext.parse("# T {#t}\n\n````md\n## x {#x}\n```\n")
    assert page.unclosed_fence == ("````", 3)
    assert [h.id for h in page.headings] == ["t"]


def test_sections_ignore_kept_ids_and_count_the_title_in_the_first_section():
    renamed = PAGE.replace('## Details <a id="old"></a> {#details}', "## Details {#details}")
    assert pagetext.sections(PAGE) == pagetext.sections(renamed)
    assert pagetext.changed_sections(PAGE, PAGE.replace("title: T", "title: New")) == ["t"]
    assert pagetext.changed_sections(PAGE, PAGE.replace("Text.", "New text.")) == ["details"]


def test_insert_after_headings_skips_code():
    markdown = "## A {#a}\n\n```\n## A {#a}\n```\n"
    assert pagetext.insert_after_headings(markdown, ["a"], lambda ident: f"NOTE {ident}") == \
        "## A {#a}\n\nNOTE a\n\n```\n## A {#a}\n```\n"
