"""MkDocs hook: each Markdown table comes wrapped the way Material's bundle wraps it when it mounts.

Material puts every `table:not([class])` in `div.md-typeset__scrollwrap > div.md-typeset__table` (its
content component), which gives a wide table its own sideways scroll and moves the table by a few pixels.
The bundle starts only on the reader's first interaction (overrides/partials/deferred-bundle.html), so
without this the tables moved under the reader's eyes when it arrived, and a page read without
JavaScript had no scroll wrapper at all. The wrappers written here carry `data-lh-table`; Material wraps
the table again inside them when it mounts, and the deferred bundle removes that inner pair in the same
task, so nothing is painted in between.
"""

from __future__ import annotations

import re

# Markdown tables have no attributes (and never nest); tables with a class are not Material's to wrap.
TABLE = re.compile(r"<table>.*?</table>", re.S)
OPEN = '<div class="md-typeset__scrollwrap" data-lh-table><div class="md-typeset__table">'
CLOSE = "</div></div>"


def on_page_content(html: str, page, config, files) -> str:
    """Wrap each attribute-less <table> as Material does."""
    return TABLE.sub(lambda table: OPEN + table[0] + CLOSE, html)
