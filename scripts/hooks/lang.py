"""MkDocs hook: Japanese words inside pages of another language carry `lang="ja"`.

English pages name Japanese services and quote Japanese labels (「みんなの人権110番」, 法テラス). Marked
as Japanese, they are read by screen readers in Japanese and drawn with Japanese glyph shapes (without
it a browser may pick a Chinese face for the same characters). Blocks in the other language (the message
templates) already carry their own `lang`; this hook handles the words in running text.
"""

from __future__ import annotations

import re

import languages

# Kana, CJK ideographs and full-width forms; digits inside a run stay with it (みんなの人権110番).
JAPANESE_RUN = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]"
                          r"(?:[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef0-9０-９]*"
                          r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef])?")
TAG = re.compile(r"(<[^>]*>)")
SKIP = {"script", "style", "title", "textarea"}


def mark_japanese(html: str) -> str:
    """Wrap each run of Japanese text outside tags in <span lang="ja"> (not inside script, style or an
    element that already says lang="ja")."""
    out = []
    stack: list[tuple[str, bool]] = []  # (tag name, is Japanese) of open elements that matter here
    skip = 0
    for part in TAG.split(html):
        if part.startswith("<"):
            out.append(part)
            match = re.match(r"<(/?)([a-zA-Z0-9]+)", part)
            if not match or part.endswith("/>"):
                continue
            closing, name = match.group(1) == "/", match.group(2).lower()
            if name in SKIP:
                skip += -1 if closing else 1
            elif closing:
                if stack and stack[-1][0] == name:
                    stack.pop()
            elif name not in {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}:
                stack.append((name, bool(re.search(r'\slang="ja"', part))))
            continue
        if skip or any(is_ja for _, is_ja in stack):
            out.append(part)
        else:
            out.append(JAPANESE_RUN.sub(lambda m: f'<span lang="ja">{m.group(0)}</span>', part))
    return "".join(out)


def on_page_content(content: str, page, config, files) -> str:
    """Mark Japanese words in pages that are not in Japanese."""
    if languages.current_language(config) == "ja":
        return content
    return mark_japanese(content)
