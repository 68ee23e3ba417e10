"""Page weight and Lighthouse scores, per page and language, against a plain-HTML floor (measured, not a test).

Builds the site and serves it on 127.0.0.1 as GitHub Pages does: under the path of site_url, text
files gzip-compressed when the browser accepts it, `Cache-Control: max-age=600`, the site's 404.html
for a missing address. For every page it also writes the floor: the same HTML with every script,
stylesheet and inline style taken out (`floor.html` beside the page, so its images load the same way),
which is what the page would score with no theme at all.

Then, `--runs` times (3 by default; the tables show medians):

- first view: every request of a cold first load in Debian's Chromium (JavaScript on, 375×812 phone
  viewport, until the network is quiet and one second more, no interaction), the bytes each response's
  body took on the wire (gzip as served), summed, and the number of requests; any request that leaves
  127.0.0.1 is listed;
- Lighthouse (node_modules/lighthouse, mobile, its default simulated throttling) on the page and on its
  floor, one after the other: the four category scores, and first and largest contentful paint, total
  blocking time and layout shift.

Targets: ≤ 80 KB on first view and 100 in every score; a "!" marks a miss. Lighthouse's figures depend on
the machine's load: run it on a quiet machine for figures to compare.
Run: `.venv/bin/python -m scripts.bench_pages` (`--runs 1`, `--pages misuse,report`, `--no-lighthouse`,
`--details` for each request and the audits that lost points).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import re
import statistics
import subprocess
import tempfile
import threading
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from scripts import chromium, sitebuild
from scripts.check.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"first-contentful-paint": "FCP s", "largest-contentful-paint": "LCP s",
           "total-blocking-time": "TBT ms", "cumulative-layout-shift": "CLS"}
TARGET_KB = 80.0
SETTINGS = load_settings(ROOT)  # mkdocs.yml: the site's address and its languages
LANGUAGES = SETTINGS.languages
BASE_PATH = urlsplit(SETTINGS.site_url).path
FLOOR = "floor.html"
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class GitHubPagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as GitHub Pages serves them: gzip for text, ten minutes' caching, 404.html (bench_reader.py uses it too)."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):  # noqa: ANN201 (SimpleHTTPRequestHandler's method)
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            if path.is_dir():  # a folder without its trailing slash: let the base class redirect
                return super().send_head()
            return self._send(404, Path(self.directory) / BASE_PATH.strip("/") / "404.html")
        return self._send(200, path)

    def _send(self, status: int, path: Path):  # noqa: ANN202
        body = path.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Cache-Control", "max-age=600")
        if path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


def page_path(slug: str, lang: str) -> str:
    """The page's path below the site's address: `report/`, `en/report/`, `` for the Japanese home page."""
    prefix = "" if lang == SETTINGS.default_language else f"{lang}/"
    return prefix if slug == "index" else f"{prefix}{slug}/"


def build(site: Path) -> None:
    result = sitebuild.build(ROOT / "mkdocs.yml", site, strict=False)
    if not result.ok:
        raise SystemExit(f"mkdocs build failed:\n{result.log}")


PLAIN = [re.compile(pattern, re.S | re.I) for pattern in (
    r"<script\b.*?</script>", r"<style\b.*?</style>", r"<noscript>.*?</noscript>",
    r"<link\b[^>]*\brel=\"(?:stylesheet|preload|modulepreload)\"[^>]*>",
)]


def write_floor(page_dir: Path) -> None:
    """The plain-HTML copy of a page: the same document without scripts and styles."""
    html = (page_dir / "index.html").read_text(encoding="utf-8")
    for pattern in PLAIN:
        html = pattern.sub("", html)
    (page_dir / FLOOR).write_text(html, encoding="utf-8")


def first_view(browser, url: str) -> tuple[float, int, list[tuple[str, int]]]:
    """(KB on the wire, request count, [(url, bytes)]) of a cold first load of url, without interaction."""
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    requests = []
    context.on("requestfinished", lambda request: requests.append(request))  # the search worker's too
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1000)
    sizes = [(request.url, request.sizes()["responseBodySize"]) for request in requests
             if not request.url.startswith("data:")]
    context.close()
    return sum(size for _, size in sizes) / 1024, len(sizes), sizes


def lighthouse(url: str) -> dict:
    """Lighthouse's mobile category scores (0–100) and metrics for url; {} when it failed."""
    with tempfile.TemporaryDirectory() as temp:
        out = Path(temp) / "report.json"
        subprocess.run(
            ["node", str(LIGHTHOUSE), url, f"--chrome-path={chromium.PATH}", f"--chrome-flags={' '.join(chromium.HEADLESS_FLAGS)}",
             "--output=json", f"--output-path={out}", "--quiet",
             f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile"],
            cwd=ROOT, check=False, capture_output=True, text=True, timeout=240,
        )
        if not out.exists():
            return {}
        report = json.loads(out.read_text(encoding="utf-8"))
    result = {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    for audit, label in METRICS.items():
        value = report["audits"][audit].get("numericValue")
        if value is not None:
            result[label] = value / 1000 if label.endswith(" s") else value
    result["_failed"] = sorted(
        audit_id for audit_id, audit in report["audits"].items()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
        and any(audit_id == ref["id"] and ref.get("weight", 0) > 0
                for cat in report["categories"].values() for ref in cat["auditRefs"])
    )
    return result


def median(values: list) -> float | None:
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--pages", help="comma-separated slugs (default: every page)")
    parser.add_argument("--details", action="store_true", help="list each request of the first view and failing audits")
    args = parser.parse_args()
    slugs = sorted(p.relative_to(ROOT / "docs").as_posix().removesuffix(f".{SETTINGS.default_language}.md")
                   for p in (ROOT / "docs").rglob(f"*.{SETTINGS.default_language}.md"))  # facts/<group> too
    if args.pages:
        slugs = [s for s in slugs if s in args.pages.split(",")]

    from playwright.sync_api import sync_playwright

    rows = [{"page": "/" + page_path(slug, lang), "lang": lang, "path": page_path(slug, lang),
             "views": [], "scores": [], "floor": []} for lang in LANGUAGES for slug in slugs]
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / BASE_PATH.strip("/")
        build(site)
        for row in rows:
            write_floor(site / row["path"])
        handler = functools.partial(GitHubPagesLikeHandler, directory=temp)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}{BASE_PATH}"
        try:
            for run in range(args.runs):
                with sync_playwright() as pw:
                    browser = chromium.launch(pw)
                    for row in rows:
                        row["views"].append(first_view(browser, base + row["path"]))
                    browser.close()
                if not args.no_lighthouse:
                    for row in rows:  # the page and its floor one after the other: the same load on both
                        row["scores"].append(lighthouse(base + row["path"]))
                        row["floor"].append(lighthouse(base + row["path"] + FLOOR))
                print(f"run {run + 1} of {args.runs} done", flush=True)
        finally:
            server.shutdown()
            server.server_close()

    labels = list(METRICS.values())
    header = (f"{'page':20} {'lang':4} {'KB':>6} {'req':>4} {'perf':>5} {'a11y':>5} {'b-p':>5} {'seo':>5} "
              + " ".join(f"{label:>7}" for label in labels) + f" | {'floor':>5} {'FCP s':>6}")
    print(f"\nMedians of {args.runs} run(s); first view in KB as transferred (gzip).")
    print(header)
    print("-" * len(header))
    for row in rows:
        kb = median([view[0] for view in row["views"]])
        count = median([view[1] for view in row["views"]])
        cells = []
        for name in CATEGORIES:
            value = median([scores.get(name) for scores in row["scores"]])
            cells.append(("-" if value is None else f"{value:g}{'!' if value < 100 else ' '}").rjust(5))
        for label in labels:
            value = median([scores.get(label) for scores in row["scores"]])
            cells.append(("-" if value is None else f"{value:.2f}" if label != "TBT ms" else f"{value:.0f}").rjust(7))
        floor_perf = median([scores.get("performance") for scores in row["floor"]])
        floor_fcp = median([scores.get("FCP s") for scores in row["floor"]])
        floor = ("-" if floor_perf is None else f"{floor_perf:g}").rjust(5) + " " + \
                ("-" if floor_fcp is None else f"{floor_fcp:.2f}").rjust(6)
        print(f"{row['page']:20} {row['lang']:4} {kb:5.1f}{'!' if kb > TARGET_KB else ' '} {count:4g} "
              f"{' '.join(cells)} | {floor}")
        outside = sorted({url for view in row["views"] for url, _ in view[2] if not url.startswith(base.split(BASE_PATH)[0])})
        if outside:
            print(f"    ! requests off-origin: {', '.join(outside)}")
        if args.details:
            for url, size in sorted(row["views"][-1][2], key=lambda item: -item[1]):
                print(f"    {size / 1024:7.1f} KB  {url.removeprefix(base)}")
            failed = sorted({audit for scores in row["scores"] for audit in scores.get("_failed", [])})
            if failed:
                print(f"    audits below 1 in some run: {', '.join(failed)}")
    print(f"(targets: ≤ {TARGET_KB:.0f} KB first view, 100 in each score; ! marks a miss. "
          "floor: the same page as plain HTML, no scripts or styles, measured in the same runs)")


if __name__ == "__main__":
    main()
