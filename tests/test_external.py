"""`--external` against a local server: 200, 404, redirect chains, 429 with and without Retry-After, a hang,
a server that dribbles its answer a byte at a time, a connection reset, a malformed reply."""

from __future__ import annotations

import http.server
import socket
import struct
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
        elif self.path == "/to-missing":
            self.send_response(302)
            self.send_header("Location", "/gone")
        elif self.path == "/gone":
            self.send_response(404)
        elif self.path == "/limited":  # 429 every time, without Retry-After
            self.send_response(429)
        elif self.path == "/limited-long":  # 429 asking for longer than the checker waits
            self.send_response(429)
            self.send_header("Retry-After", "3600")
        elif self.path == "/dribble":  # a valid answer, one byte every 0.2 s: never a read time-out
            for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Slow: " + b"x" * 100 + b"\r\n\r\n":
                try:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.2)
            return
        elif self.path == "/reset":  # close with a TCP reset before answering
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            return
        elif self.path == "/garbled":  # not HTTP: a status line over two lines
            self.wfile.write(b"HTTP/1.1 2OO\nOK then\r\n\r\n")
            return
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
    """Make every page link `url` instead of the fixture's real outside address (T-1 gives it and `more`; a local server is allowed here)."""
    site.write_facts("technical.yml", facts_citing(url, *more))
    for name in ("index.ja.md", "index.en.md", "other.ja.md", "other.en.md"):
        site.edit(name, "https://arxiv.org/abs/2106.09685", url)
    pyproject = site.root / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    start = text.index("local_addresses = [")
    pyproject.write_text(text[:start] + "local_addresses = []" + text[text.index("\n", start):], encoding="utf-8")


def _link_everything(site: FixtureSite, base: str) -> None:
    names = ("ok", "missing", "hop0", "busy", "hang", "to-missing", "limited", "limited-long", "dribble", "reset", "garbled")
    _cite_only(site, f"{base}/ok", *(f"{base}/{name}" for name in names[1:]))
    links = " ".join(f"[{name}]({base}/{name})" for name in names)
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
    later = "try later; if it keeps failing, replace it with the page's new or archived original address"
    fix = "correct the address, or replace it with the page's new or archived original address"
    assert result.stdout.splitlines() == [
        f"docs/other.en.md:15: outside link {server}/dribble fails: no complete answer within 1 s — {later}",
        f"docs/other.en.md:15: outside link {server}/garbled fails: malformed answer (BadStatusLine HTTP/1.1 2OO) — {later}",
        f"docs/other.en.md:15: outside link {server}/hang fails: no complete answer within 1 s — {later}",
        f"docs/other.en.md:15: outside link {server}/limited was not checked: the server limits requests (HTTP 429) — "
        "try later: the address itself may be fine",
        f"docs/other.en.md:15: outside link {server}/limited-long was not checked: the server limits requests "
        "(HTTP 429, asked to wait 3600 s) — try later: the address itself may be fine",
        f"docs/other.en.md:15: outside link {server}/missing fails: HTTP 404 Not Found — {fix}",
        f"docs/other.en.md:15: outside link {server}/reset fails: connection reset by the server — {later}",
        f"docs/other.en.md:15: outside link {server}/to-missing fails: HTTP 404 Not Found after 1 redirect ({server}/gone) — {fix}",
    ]
    assert f"{server}/ok fails" not in result.stdout
    assert f"{server}/hop0 fails" not in result.stdout, "a redirect chain that ends in 200 is fine"
    assert f"{server}/busy fails" not in result.stdout, "429 is retried"
    busy = Answers.asked["/busy"]
    assert len(busy) == 2 and busy[1] - busy[0] >= 1.9, "the retry waits for Retry-After (2 s)"
    assert Answers.asked["/hop3"], "the redirect chain was followed"
    assert elapsed < 30, "a hanging or dribbling server does not hang the checker"
    assert len(Answers.asked["/limited-long"]) == 1, "a Retry-After longer than the checker waits is not waited for"


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


def test_the_whole_run_is_bounded(site: FixtureSite, server: str):
    _link_everything(site, server)
    pyproject = site.root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace("external_run_seconds = 300", "external_run_seconds = 1")
                         .replace("external_max_concurrency = 8", "external_max_concurrency = 1"), encoding="utf-8")
    started = time.monotonic()
    result = site.check("--no-build", "--external")
    assert time.monotonic() - started < 12
    assert (f"docs/other.en.md:15: outside link {server}/to-missing was not checked: the run's time limit (external_run_seconds "
            "in pyproject.toml) was reached first — try later, or raise external_run_seconds") in result.stdout.splitlines()
