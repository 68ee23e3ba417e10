"""Page weight and Lighthouse scores, per page and language (measured, not a test).

Builds the site, serves it on 127.0.0.1 (under the path of site_url, as on GitHub Pages), and for every page:

- first-view transfer: every resource the page requests on a first load in Debian's Chromium (cold
  cache, JavaScript on, 375×812 phone viewport, one second after "load" for the search index and
  Material's late requests), each body gzip-compressed with Python's gzip at level 6, summed;
  and the number of requests;
- Lighthouse's four mobile scores (performance, accessibility, best practices, SEO), from
  node_modules/lighthouse against the same server.

Targets: ≤ 80 KB gzip on first view, 100 in every score; a "!" marks a miss.
Run: `.venv/bin/python -m scripts.bench_pages` (`--no-lighthouse` for weights only, `--pages misuse,report`).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import subprocess
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

from scripts import chromium, sitebuild
from scripts.check.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET_KB = 80.0
SETTINGS = load_settings(ROOT)  # mkdocs.yml: the site's address and its languages
LANGUAGES = SETTINGS.languages
BASE_PATH = urlsplit(SETTINGS.site_url).path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def page_path(slug: str, lang: str) -> str:
    prefix = "" if lang == SETTINGS.default_language else f"{lang}/"
    return prefix if slug == "index" else f"{prefix}{slug}/"


def build(site: Path) -> None:
    result = sitebuild.build(ROOT / "mkdocs.yml", site, strict=False)
    if not result.ok:
        raise SystemExit(f"mkdocs build failed:\n{result.log}")


def first_view(browser, url: str) -> tuple[float, int, list[tuple[str, int]]]:
    """(KB gzip, request count, [(url, gzip bytes)]) of a cold first load of url."""
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    responses = []
    context.on("response", lambda response: responses.append(response))  # also the search worker's
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(1000)
    sizes = []
    for response in responses:
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            body = b""
        if response.url.startswith("data:"):
            continue
        sizes.append((response.url, len(gzip.compress(body, compresslevel=6))))
    context.close()
    return sum(size for _, size in sizes) / 1024, len(sizes), sizes


def lighthouse(url: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as temp:
        out = Path(temp) / "report.json"
        subprocess.run(
            ["node", str(LIGHTHOUSE), url, f"--chrome-path={chromium.PATH}", f"--chrome-flags={' '.join(chromium.HEADLESS_FLAGS)}",
             "--output=json", f"--output-path={out}", "--quiet",
             f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile"],
            cwd=ROOT, check=False, capture_output=True, text=True, timeout=180,
        )
        if not out.exists():
            return {}
        report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    scores["_failed"] = sorted(
        audit_id for audit_id, audit in report["audits"].items()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
        and any(audit_id == ref["id"] and ref.get("weight", 0) > 0
                for cat in report["categories"].values() for ref in cat["auditRefs"])
    )
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--pages", help="comma-separated slugs (default: every page)")
    parser.add_argument("--details", action="store_true", help="list each request of the first view and failing audits")
    args = parser.parse_args()
    slugs = sorted(p.name.removesuffix(".ja.md") for p in (ROOT / "docs").glob("*.ja.md"))
    if args.pages:
        slugs = [s for s in slugs if s in args.pages.split(",")]

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / BASE_PATH.strip("/")
        build(site)
        handler = functools.partial(_Quiet, directory=temp)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}{BASE_PATH}"
        rows = []
        try:
            with sync_playwright() as pw:
                browser = chromium.launch(pw)
                for lang in LANGUAGES:
                    for slug in slugs:
                        url = base + page_path(slug, lang)
                        kb, count, sizes = first_view(browser, url)
                        rows.append({"page": "/" + page_path(slug, lang), "lang": lang, "kb": kb, "requests": count,
                                     "url": url, "sizes": sizes})
                browser.close()
            if not args.no_lighthouse:
                for row in rows:
                    row["scores"] = lighthouse(row["url"])
        finally:
            server.shutdown()
            server.server_close()

    header = f"{'page':22} {'lang':4} {'KB gzip':>8} {'requests':>8} {'perf':>5} {'a11y':>5} {'best-pr':>7} {'seo':>5}"
    print(header)
    print("-" * len(header))
    for row in rows:
        kb = f"{row['kb']:.1f}" + ("!" if row["kb"] > TARGET_KB else " ")
        scores = row.get("scores") or {}
        cells = []
        for name, width in zip(CATEGORIES, (5, 5, 7, 5)):
            value = scores.get(name)
            cells.append(("-" if value is None else f"{value}{'!' if value < 100 else ' '}").rjust(width))
        print(f"{row['page']:22} {row['lang']:4} {kb:>8} {row['requests']:>8} {' '.join(cells)}")
        if args.details:
            for url, size in sorted(row["sizes"], key=lambda item: -item[1]):
                print(f"    {size / 1024:7.1f} KB  {url.removeprefix(base)}")
            if scores.get("_failed"):
                print(f"    audits below 1: {', '.join(scores['_failed'])}")
    print(f"(targets: ≤ {TARGET_KB:.0f} KB gzip first view, 100 in each score; ! marks a miss)")


if __name__ == "__main__":
    main()
