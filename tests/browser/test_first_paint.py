"""The first paint waits for the whole article (issue 13): `<link rel="expect" blocking="render">` in
overrides/main.html, and the marker right after the article. Painted early, the header showed alone and the
rest of a long page was laid out in long tasks while the reader's first taps waited."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.project import BASE_PATH, LANGUAGES, page_path

pytestmark = pytest.mark.browser

PAUSE = 1.0  # seconds between the first half of the page and the rest
EXPECT = b'<link rel="expect" href="#lh-article-end" blocking="render">'


class _HalfThenRest(http.server.SimpleHTTPRequestHandler):
    """The built site; a page whose address ends in ?split sends its HTML up to the message templates, waits
    PAUSE, then sends the rest (?split&plain: the same without the expect link, the control)."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        if not query.startswith("split"):
            return super().do_GET()
        body = Path(self.translate_path(path + "index.html")).read_bytes()
        assert EXPECT in body, f"{path}: the expect link is missing"
        if query == "split&plain":
            body = body.replace(EXPECT, b"")
        cut = body.index(b'id="message-templates"')
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[:cut])
        self.wfile.flush()
        time.sleep(PAUSE)
        self.wfile.write(body[cut:])


@pytest.fixture(scope="module")
def split_url(built_site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_HalfThenRest, directory=str(built_site.parent)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{BASE_PATH}"
    finally:
        server.shutdown()
        server.server_close()


FIRST_PAINT = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return paint ? paint.startTime - performance.getEntriesByType("navigation")[0].responseStart : null;
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_paint_waits_for_the_whole_article(chromium, split_url, lang):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        url = split_url + page_path("report", lang)
        page.goto(url + "?split")
        waited = page.evaluate(FIRST_PAINT)
        assert waited is not None and waited >= PAUSE * 1000 - 50, (
            f"{url}: first paint {waited} ms after the first bytes, before the rest of the article had arrived")
        # The control: the same page without the link paints while the rest is on its way.
        page.goto(url + "?split&plain")
        control = page.evaluate(FIRST_PAINT)
        assert control is not None and control < PAUSE * 1000 - 50, f"{url}: without the link, first paint at {control} ms"
    finally:
        context.close()
