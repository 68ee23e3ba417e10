"""Small throw-away copies of the project for tests: the real configuration, a few pages of their own.

Each fixture site copies mkdocs.yml, pyproject.toml, scripts/hooks/, overrides/ and includes/ from the
project, so the checker runs against the real settings; only the pages and the navigation differ.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
from pathlib import Path

import yaml

from scripts import sitebuild
from scripts.check.__main__ import main as check_main

PROJECT = Path(__file__).resolve().parent.parent

PAGE = """---
title: {title}
description: {description}
last_reviewed: 2026-11-01
---

# {title} {{#{slug}}}

## {overview} {{#overview}}

{text} [{link_text}]({link_to}.md#details)

## {details} {{#details}}

{more}

## {sources} {{#sources}}

- [Hu et al., 2021](https://arxiv.org/abs/2106.09685) [[T-1]]
"""
# The fixture's fact base: the one fact its pages cite (the outside link above is one of its sources).
FACT = """- id: T-1
  topic: lora-basics
  status: verified
  claim:
    ja: LoRAは2021年に発表されました。
    en: LoRA was published in 2021.
  sources:
{sources}
  checked: 2026-11-15
  recheck_days: 365
  notes: A fact for the test fixtures.
"""
SOURCE = """    - url: {url}
      title: "LoRA: Low-Rank Adaptation of Large Language Models"
      publisher: arXiv (Hu et al.)
      date: "2021"
      read: seen"""


def facts_citing(*urls: str) -> str:
    """The fixture's facts file, with T-1 giving these addresses as its sources."""
    return FACT.format(sources="\n".join(SOURCE.format(url=url) for url in urls))


FACTS = facts_citing("https://arxiv.org/abs/2106.09685")
WORDS = {
    "ja": {"overview": "概要", "details": "詳細", "sources": "出典", "text": "本文です。", "link_text": "別のページ",
           "more": "詳しく説明します。", "description": "テスト用のページです。"},
    "en": {"overview": "Overview", "details": "Details", "sources": "Sources", "text": "Text.", "link_text": "Another page",
           "more": "More text.", "description": "A page for tests."},
}


class FixtureSite:
    """A project folder with the real configuration and its own pages."""

    def __init__(self, root: Path, pages: dict[str, str]):
        self.root = root
        for name in ("pyproject.toml",):
            shutil.copy(PROJECT / name, root / name)
        for folder in ("overrides", "includes"):
            shutil.copytree(PROJECT / folder, root / folder)
        shutil.copytree(PROJECT / "scripts" / "hooks", root / "scripts" / "hooks",
                        ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(PROJECT / "facts" / "topics.yml", self.write_facts("technical.yml", FACTS).parent / "topics.yml")
        config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
        slugs = sorted({name.rsplit(".", 2)[0] for name in pages})
        config["nav"] = [{slug: f"{slug}.md"} for slug in slugs]
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        for name, text in pages.items():
            self.write(name, text)

    def write_facts(self, name: str, text: str) -> Path:
        """Write (or overwrite) one file of the fixture's fact base (facts/<name>); return its path."""
        path = self.root / "facts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def path(self, name: str) -> Path:
        """The path of a file in the fixture's docs folder."""
        return self.root / "docs" / name

    def write(self, name: str, text: str | bytes) -> None:
        """Write (or overwrite) one file of the docs folder."""
        path = self.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> None:
        """Replace one exact piece of text in a page (it must be there)."""
        text = self.path(name).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        self.write(name, text.replace(old, new, 1))

    def build(self) -> Path:
        """Build the site with MkDocs (strict) and return the output folder."""
        out = self.root / "built"
        result = sitebuild.build(self.root / "mkdocs.yml", out, strict=True)
        assert result.ok, result.log
        return out

    def check(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the checker on this site, as a contributor would."""
        return run_checker(self.root, *args)


def run_checker(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the checker's command line (`python -m scripts.check --root <root> …`) in this process."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = check_main(["--root", str(root), *args])
    return subprocess.CompletedProcess(["python", "-m", "scripts.check", "--root", str(root), *args], code,
                                       out.getvalue(), err.getvalue())


def two_page_site(root: Path) -> FixtureSite:
    """A correct site of two pages (`index`, `other`) in both languages, each linking to the other.

    Line numbers, used by the tests: 1 `---`, 7 the H1, 9 `## overview`, 11 the link, 13 `## details`,
    17 `## sources`, 19 the outside link and the citation [[T-1]] (facts/technical.yml holds T-1 only).
    """
    pages = {}
    for slug, title, link_to in (("index", "Home", "other"), ("other", "Other", "index")):
        for lang, words in WORDS.items():
            pages[f"{slug}.{lang}.md"] = PAGE.format(title=title, slug=slug, link_to=link_to, **words)
    return FixtureSite(root, pages)
