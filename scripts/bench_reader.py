"""The reader's path, per language (measured, not a test; issue 10).

Builds the site, serves it on 127.0.0.1 under the path of site_url, and opens it in Debian's Chromium at a
390×844 phone viewport. Prints, per language:

- where the situation choice (the first list after the page title) sits on the home and report pages:
  its top and bottom in px, with JavaScript and without; the target is its bottom inside the first
  screen (≤ 844 px);
- for every route of the report page (each h2 section but the sources): the phone screens from its
  heading to its last numbered step (the last item of its last numbered list, collapsed blocks left
  closed), the screens of the whole section, its characters (Japanese: visible characters without
  spaces; English: words) and an estimated reading time (Japanese about 500 characters a minute,
  English about 230 words a minute). A "!" flags a route whose steps (or, without numbered steps,
  whole section) take more than six screens.

Run: `.venv/bin/python -m scripts.bench_reader` (`--site <folder>` to measure an already built site,
whose parent folder is then served).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

from scripts.bench_pages import GitHubPagesLikeHandler, page_path
from scripts.check.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
VIEWPORT = {"width": 390, "height": 844}
MAX_SCREENS = 6
READING_RATE = {"ja": ("chars", 500), "en": ("words", 230)}  # per minute
SETTINGS = load_settings(ROOT)
BASE_PATH = urlsplit(SETTINGS.site_url).path

SITUATION_CHOICE = """() => {
  const list = document.querySelector('article h1 ~ ul');
  if (!list) return null;
  const box = list.getBoundingClientRect();
  return {top: Math.round(box.top + scrollY), bottom: Math.round(box.bottom + scrollY)};
}"""

# Each h2 section of the article: its heading's top, the bottom of its last numbered step and of its last
# element, and its visible text (innerText leaves out closed <details> and hidden elements).
ROUTES = """() => {
  const article = document.querySelector('article');
  const headings = [...article.querySelectorAll('h2[id]')];
  return headings.map(h2 => {
    const parts = [];
    for (let el = h2.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) parts.push(el);
    const top = h2.getBoundingClientRect().top + scrollY;
    const bottom = el => el.getBoundingClientRect().bottom + scrollY;
    const steps = parts.flatMap(el => [...(el.matches('ol') ? [el] : []), ...el.querySelectorAll('ol')])
      .filter(ol => ol.offsetParent !== null && !ol.closest('.template, pre'));
    const visible = parts.filter(el => el.offsetParent !== null || el.getClientRects().length);
    const end = visible.length ? Math.max(...visible.map(bottom)) : bottom(h2);
    const lastStep = steps.length ? bottom(steps[steps.length - 1]) : null;
    const text = [h2, ...visible].map(el => el.innerText || '').join('\\n');
    return {id: h2.id, title: h2.innerText.replace(/[¶#]\\s*$/, '').trim(), top, lastStep, end, text};
  });
}"""


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)


def amount(text: str, lang: str) -> int:
    """Characters without spaces (Japanese) or words (English)."""
    unit, _ = READING_RATE.get(lang, READING_RATE["en"])
    return len("".join(text.split())) if unit == "chars" else len(text.split())


def measure(base: str) -> None:
    """Prints the tables for the site served at base (…/lora-harms/)."""
    from playwright.sync_api import sync_playwright

    screen = VIEWPORT["height"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        contexts = {js: browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True, java_script_enabled=js)
                    for js in (True, False)}
        pages = {js: context.new_page() for js, context in contexts.items()}
        print(f"Situation choice at {VIEWPORT['width']}×{screen} (top–bottom px; target: bottom ≤ {screen})")
        print(f"{'page':<14}{'JavaScript':>16}{'no JavaScript':>18}")
        for lang in SETTINGS.languages:
            for slug in ("index", "report"):
                cells = []
                for js in (True, False):
                    pages[js].goto(base + page_path(slug, lang), wait_until="load")
                    found = pages[js].evaluate(SITUATION_CHOICE)
                    cells.append("missing !" if not found else
                                 f"{found['top']}–{found['bottom']}{' !' if found['bottom'] > screen else ''}")
                print(f"{'/' + page_path(slug, lang):<14}{cells[0]:>16}{cells[1]:>18}")
        for lang in SETTINGS.languages:
            unit, rate = READING_RATE.get(lang, READING_RATE["en"])
            page = pages[True]
            page.goto(base + page_path("report", lang), wait_until="load")
            page.wait_for_timeout(300)
            routes = [r for r in page.evaluate(ROUTES) if r["id"] != "sources"]
            print(f"\nRoutes of /{page_path('report', lang)} at {VIEWPORT['width']}×{screen}, JavaScript on "
                  f"(screens of {screen} px; reading at {rate} {unit}/min; ! = steps over {MAX_SCREENS} screens)")
            print(f"{'route':<24}{'to last step':>13}{'section':>9}{unit:>8}{'minutes':>9}")
            for route in routes:
                steps = (route["lastStep"] - route["top"]) / screen if route["lastStep"] else None
                whole = (route["end"] - route["top"]) / screen
                size = amount(route["text"], lang)
                flag = " !" if (steps if steps is not None else whole) > MAX_SCREENS else ""
                shown = f"{steps:.1f}" if steps is not None else "no steps"
                print(f"{route['id']:<24}{shown:>13}{whole:>9.1f}{size:>8}{size / rate:>9.1f}{flag}")
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (its folder is named after the site path)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / BASE_PATH.strip("/")
            build(site)
        handler = functools.partial(GitHubPagesLikeHandler, directory=str(site.resolve().parent))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            measure(f"http://127.0.0.1:{server.server_port}{BASE_PATH}")
        finally:
            server.shutdown()
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
