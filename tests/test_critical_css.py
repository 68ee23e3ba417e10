"""The critical-CSS subset (scripts/hooks/criticalcss.py): which rules a page keeps."""

from __future__ import annotations

import pytest

from scripts.hooks.criticalcss import critical_css, page_tokens, parse, selector_may_match

PAGE = """<html class="no-js"><body data-md-color-scheme="default"><input data-md-color-scheme="slate">
<div class="md-header md-header--shadow" id="top"><a href="#x">x</a></div></body></html>"""


@pytest.mark.parametrize(("selector", "kept"), [
    (".md-header", True),
    (".md-header .md-tabs", False),                      # a class the page lacks
    ("#top>a:hover", True),                              # pseudo-classes may match later
    ("#bottom", False),
    ("[data-md-color-scheme=slate] a", True),            # the value occurs (on the palette input)
    ("[data-md-color-scheme=red]", False),
    ("[dir=rtl] .md-header", False),                     # no such attribute
    ("table.md-header", False),                          # no such tag
    (".md-header:not(.md-tabs)", True),                  # negations are not judged
    (":is(.md-tabs,.md-header) a", True),
    (".js .md-header", True),                            # added by the deferred-bundle module before any interaction
    ("a[href^='#']", True),
    ("a[href$='.pdf']", False),
])
def test_selector_is_kept_when_the_page_may_match_it(selector, kept):
    assert selector_may_match(selector, page_tokens(PAGE)) is kept


def test_at_rules_keep_only_matching_rules_and_used_custom_properties():
    theme = parse("@charset \"UTF-8\";:root{--a:1px;--b:var(--c);--c:red;--unused:url(x)}"
                  ".md-header{margin:var(--a);color:var(--b)}@media screen{.md-tabs{x:y}.md-header{y:z}}"
                  "@media print{.md-tabs{x:y}}@keyframes spin{to{x:y}}@keyframes fade{to{x:y}}"
                  ".md-header{animation:fade 1s}")
    own = parse("/* the site's own */ .lh-toast { opacity: 0 }")
    css = critical_css([(theme, True), (own, False)], PAGE)
    assert css == (":root{--a:1px;--b:var(--c);--c:red}.md-header{margin:var(--a);color:var(--b)}"
                   "@media screen{.md-header{y:z}}@keyframes fade{to{x:y}}.md-header{animation:fade 1s}"
                   ".lh-toast{opacity: 0}")


def test_strings_and_comments_do_not_confuse_the_parser():
    rules = parse('/* { */ a[title="}{"]::after{content:"}"} b{c:d}')
    assert [rule.prelude for rule in rules] == ['a[title="}{"]::after', "b"]
