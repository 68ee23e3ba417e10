"""Helpers the browser tests share: searching from an open page, and axe-core's accessibility scan."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from tests.project import PROJECT


def search_on(page, base_url: str, query: str) -> list[str]:
    """Types the query in the search box of an open page; returns the result links (site-relative)."""
    box = page.locator(".md-search__input")
    box.click()
    # Type once the search worker has loaded its index (the "initializing" text gives way to the placeholder).
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.trim() === "
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']")
    box.press_sequentially(query)
    # Material reads the box on keyup; Japanese text arrives without key events (as from an IME), and the
    # reader's Enter or any key then sends it.
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for()
    hrefs = page.locator(".md-search-result__list a").evaluate_all("els => els.map(e => e.href)")
    # Result links carry the query (?h=...) for highlighting; drop it.
    return [urlunsplit(urlsplit(href)._replace(query="")).removeprefix(base_url) for href in hrefs]


AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"


def describe(violations: list[dict]) -> str:
    """axe-core violations, one line each, for an assertion message."""
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])}×): {v['help']} — {targets}")
    return "\n".join(lines)


def reach_template_form(page) -> None:
    """Scrolls an open report page to its message templates, as a reader does; the template form is built
    on the way there (template-form.js builds it when its place comes near the screen)."""
    page.locator("#message-templates").scroll_into_view_if_needed()
    page.locator(".lh-template-form").wait_for()
