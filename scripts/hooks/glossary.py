"""MkDocs hook: glossary terms are explained on hover on every page, from one file per language.

Each page gets `includes/abbreviations.<lang>.md` appended before it is rendered, so the terms are
defined once per language instead of on every page (pymdownx.snippets' `auto_append` cannot choose a
file by language). Python-Markdown's `abbr` only matches a term between `\\b` word boundaries, which never
occur inside Japanese text (「LoRAは」 has none), so the term matcher is replaced by one that only refuses
to match inside a longer ASCII word.
"""

from __future__ import annotations

import re
from pathlib import Path

import languages
from markdown import Extension, Markdown
from markdown.extensions.abbr import AbbrTreeprocessor

ABBREVIATIONS_DIR = "includes"


def abbreviations_file(project_root: Path, locale: str) -> Path:
    """Return the file that defines the hover explanations of glossary terms for one language."""
    return project_root / ABBREVIATIONS_DIR / f"abbreviations.{locale}.md"


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class CjkAwareAbbrTreeprocessor(AbbrTreeprocessor):
    """`abbr`'s tree processor, with term boundaries that also work in Japanese text.

    Headings are left alone: a dotted term in a title reads as a link, and the text below explains it.
    """

    def iter_element(self, el, parent=None):  # type: ignore[override]
        """Wrap terms in this element and its children, except inside headings."""
        if el.tag in HEADINGS:
            return
        super().iter_element(el, parent)

    def run(self, root):  # type: ignore[override]
        """Wrap every defined term in `<abbr>`, unless it is part of a longer ASCII word."""
        if not self.abbrs:
            return None
        terms = sorted(self.abbrs, key=len, reverse=True)
        alternatives = "|".join(re.escape(term) for term in terms)
        self.RE = re.compile(rf"(?<![A-Za-z0-9_])(?:{alternatives})(?![A-Za-z0-9_])")
        self.iter_element(root)
        return None


class CjkAwareAbbrExtension(Extension):
    """Swap the `abbr` extension's tree processor for the CJK-aware one (keeps its definitions)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Replace the registered `abbr` tree processor, sharing its dictionary of terms."""
        if "abbr" not in md.treeprocessors:
            return
        abbrs = md.treeprocessors["abbr"].abbrs
        md.treeprocessors.deregister("abbr")
        md.treeprocessors.register(CjkAwareAbbrTreeprocessor(md, abbrs), "abbr", 7)


def on_config(config):
    """Add the CJK-aware term matcher after the `abbr` extension."""
    config.markdown_extensions.append(CjkAwareAbbrExtension())
    return config


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Append the glossary definitions of the page's language to its Markdown."""
    definitions = abbreviations_file(languages.project_root(config), languages.page_locale(page, config))
    if not definitions.is_file():
        return markdown
    return markdown.rstrip("\n") + "\n\n" + definitions.read_text(encoding="utf-8")
