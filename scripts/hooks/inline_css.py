"""MkDocs hook: each page inlines its critical CSS; the full stylesheets wait for the first interaction.

Material's two stylesheets and the site's own block the first paint, and most of Material's rules are
unused on any one page. For each built page this hook:

- inlines, in one <style> where the first stylesheet link was, the rules that can match the page or
  what the site's own scripts add to it (scripts/hooks/criticalcss.py: all of the site's own
  stylesheets, the matching part of the theme's);
- moves the stylesheet links into a <template id="lh-stylesheets"> (inert: nothing is fetched), which
  overrides/partials/deferred-bundle.html adds to the page on the reader's first interaction, before
  Material's bundle runs, since only what the bundle adds or changes needs more than the inlined CSS;
- repeats the links in <noscript>, so that without JavaScript the page loads them as before.

The full stylesheets come after the inlined subset in the same order, so the cascade once they have
loaded is the same as before. tests/browser/test_critical_css.py proves the inlined CSS alone renders
every page exactly as the full stylesheets do. Loading them at once instead would cost every page a
second full style calculation while it loads (blocking time, on a phone) for no visible change.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from criticalcss import Rule, critical_css, parse
from mkdocs.plugins import event_priority

TEMPLATE_ID = "lh-stylesheets"  # read by overrides/partials/deferred-bundle.html
STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+\.css)">')
_parsed: dict[tuple[str, float], list[Rule]] = {}


def _stylesheet_file(path: str, config) -> Path | None:
    """The file behind a site path: already copied to site_dir, else in the theme or docs folders."""
    for folder in [config.site_dir, *config.theme.dirs, config.docs_dir]:
        candidate = Path(folder) / path
        if candidate.is_file():
            return candidate
    return None


def _rules(file: Path) -> list[Rule]:
    key = (str(file), file.stat().st_mtime)
    if key not in _parsed:
        _parsed[key] = parse(file.read_text(encoding="utf-8"))
    return _parsed[key]


def _site_scripts(config) -> list[str]:
    """The text of the site's own scripts (the theme's custom_dir assets/javascripts/*.js)."""
    folder = Path(config.theme.custom_dir or "") / "assets" / "javascripts"
    if not config.theme.custom_dir or not folder.is_dir():
        return []
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.js"))]


@event_priority(-300)  # last: after every hook and plugin that changes the page's HTML
def on_post_page(output: str, page, config) -> str:
    """Inline the page's critical CSS and hold its stylesheet links for the first interaction."""
    links = list(STYLESHEET_LINK.finditer(output.split("</head>", 1)[0]))
    if not links:
        return output
    own = {posixpath.normpath(path) for path in config.extra_css}
    sheets = []
    for link in links:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page.url), link[1]))
        file = _stylesheet_file(path, config)
        if file is None:
            return output  # leave the page as MkDocs wrote it rather than guess
        sheets.append((_rules(file), path not in own))
    critical = critical_css(sheets, output, _site_scripts(config))
    full = "".join(link[0] for link in links)
    head = [f"<style>{critical}</style>",
            f'<template id="{TEMPLATE_ID}">{full}</template>',
            f"<noscript>{full}</noscript>"]
    first, last = links[0], links[-1]
    between = output[first.end():last.start()]
    rest = STYLESHEET_LINK.sub("", between)
    return output[:first.start()] + "\n".join(head) + rest + output[last.end():]
