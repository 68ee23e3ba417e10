"""`--external` against a local server: 200, 404, a redirect chain, 429 with Retry-After, a hang."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator

import pytest

from tests.sitefactory import FixtureSite, facts_citing


class Answers(http.server.BaseHTTPRequestHandler):
    """Answers by path; remembers when each path was asked."""

    asked: dict[str, list[float]] = {}

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def do_HEAD(self) -> None:  # noqa: N802 (http.server's name)
        self.asked.setdefault(self.path, []).append(time.monotonic())
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/missing":
            self.send_response(404)
        elif self.path.startswith("/hop"):
            hop = int(self.path[4:])
            self.send_response(301)
            self.send_header("Location", f"/hop{hop + 1}" if hop < 3 else "/ok")
        elif self.path == "/busy":
            first = len(self.asked[self.path]) == 1
            self.send_response(429 if first else 200)
            if first:
                self.send_header("Retry-After", "2")
        elif self.path == "/hang":
            time.sleep(3)
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD  # noqa: N815 (urllib follows redirects with GET)


@pytest.fixture
def server() -> Iterator[str]:
    """A local HTTP server on 127.0.0.1; yields its base address."""
    Answers.asked = {}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _cite_only(site: FixtureSite, url: str, *more: str) -> None:
    """Make every page link `url` instead of the fixture's real outside address (T-1 gives it and `more`)."""
    site.write_facts("technical.yml", facts_citing(url, *more))
    for name in ("index.ja.md", "index.en.md", "other.ja.md", "other.en.md"):
        site.edit(name, "https://arxiv.org/abs/2106.09685", url)


def _link_everything(site: FixtureSite, base: str) -> None:
    _cite_only(site, f"{base}/ok", *(f"{base}/{name}" for name in ("missing", "hop0", "busy", "hang")))
    links = " ".join(f"[{name}]({base}/{name})" for name in ("ok", "missing", "hop0", "busy", "hang"))
    site.edit("other.en.md", "More text.", links)
    pyproject = site.root / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8").replace("external_timeout_seconds = 10", "external_timeout_seconds = 1")
    pyproject.write_text(text.replace("external_max_retries = 2", "external_max_retries = 1"), encoding="utf-8")


def test_external_links_against_a_local_server(site: FixtureSite, server: str):
    _link_everything(site, server)
    started = time.monotonic()
    result = site.check("--no-build", "--external")
    elapsed = time.monotonic() - started
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"docs/other.en.md:15: outside link {server}/hang fails: no answer within 1 s — "
        "correct the address, or replace it with the page's new or archived original address",
        f"docs/other.en.md:15: outside link {server}/missing fails: HTTP 404 Not Found — "
        "correct the address, or replace it with the page's new or archived original address",
    ]
    assert f"{server}/ok fails" not in result.stdout
    assert f"{server}/hop0 fails" not in result.stdout, "a redirect chain that ends in 200 is fine"
    assert f"{server}/busy fails" not in result.stdout, "429 is retried"
    busy = Answers.asked["/busy"]
    assert len(busy) == 2 and busy[1] - busy[0] >= 1.9, "the retry waits for Retry-After (2 s)"
    assert Answers.asked["/hop3"], "the redirect chain was followed"
    assert elapsed < 30, "a hanging server does not hang the checker"


def test_external_results_are_cached(site: FixtureSite, server: str):
    _cite_only(site, f"{server}/ok")
    assert site.check("--no-build", "--external").returncode == 0
    assert len(Answers.asked["/ok"]) == 1
    second = site.check("--no-build", "--external")
    assert second.returncode == 0
    assert len(Answers.asked["/ok"]) == 1, "the second run answers from the cache"
    assert "1 addresses, 0 asked, 1 from the cache" in second.stderr


def test_no_network_is_said_and_does_not_fail(site: FixtureSite):
    # `.invalid` never resolves (RFC 6761): the same as a machine with no network.
    _cite_only(site, "https://arxiv.invalid/abs/2106.09685", "https://example.invalid/page", "https://another.invalid/",
               "https://arxiv.org.invalid/abs/1")
    site.edit("other.en.md", "More text.", "[a](https://example.invalid/page)")
    site.edit("index.en.md", "More text.", "[b](https://another.invalid/)")
    site.edit("index.ja.md", "詳しく説明します。", "[c](https://arxiv.org.invalid/abs/1)")
    result = site.check("--no-build", "--external")
    assert result.returncode == 0, result.stdout
    assert "external links: no network, 4 outside addresses were not checked" in result.stderr
