"""Debian's Chromium, the one browser of this project: its path and flags, and a Playwright launch.

Used by the browser tests, scripts/bench_pages.py (also for Lighthouse) and scripts/make_cards.py.
Playwright's own browser download does not work here, so it drives /usr/bin/chromium.
"""

from __future__ import annotations

PATH = "/usr/bin/chromium"
# No request leaves the machine besides the page's own: no updates, no background networking.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
HEADLESS_FLAGS = ["--headless", *FLAGS]  # for tools that start Chromium themselves (Lighthouse)


def launch(playwright):
    """Start Chromium headless through Playwright (`sync_playwright()` as `playwright`)."""
    return playwright.chromium.launch(executable_path=PATH, args=FLAGS)
