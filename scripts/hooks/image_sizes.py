"""MkDocs hook: every <img> of a local SVG gets width and height attributes from the SVG's viewBox.

The site's diagrams are scaled to the column by CSS (width 100%, height auto). Without the attributes the
browser only learns their height when they arrive, so the text below them moves down (a layout shift:
Lighthouse counts it, and a reader opening a #section link can land a section early). With them, the
browser keeps the diagram's space from the start.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

IMG = re.compile(r"<img\b[^>]*>")
SRC = re.compile(r'\bsrc="([^"]+\.svg)"')
VIEWBOX = re.compile(r'<svg\b[^>]*\bviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"')


def svg_size(path: Path) -> tuple[str, str] | None:
    """(width, height) of an SVG's viewBox, or None when it has none."""
    match = VIEWBOX.search(path.read_text(encoding="utf-8")[:2000])
    return (match[1], match[2]) if match else None


def on_page_content(html: str, page, config, files) -> str:
    """Add width and height to each local SVG image that has neither."""
    def sized(tag: re.Match) -> str:
        text = tag[0]
        src = SRC.search(text)
        if not src or re.search(r"\b(width|height)=", text) or "://" in src[1]:
            return text
        dest = posixpath.normpath(posixpath.join(posixpath.dirname(page.url), src[1]))
        file = next((f for f in files if f.dest_uri == dest or f.src_uri == dest), None)
        size = svg_size(Path(file.abs_src_path)) if file and file.abs_src_path else None
        if size is None:
            return text
        return text.replace("<img", f'<img width="{size[0]}" height="{size[1]}"', 1)

    return IMG.sub(sized, html)
