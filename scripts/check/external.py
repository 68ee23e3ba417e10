"""`--external`: try every outside address the pages link to.

Written here rather than handed to lychee because lychee (0.24) retries a `429 Too Many Requests`
after its own fixed wait and ignores the server's `Retry-After`. Plain standard library: a thread pool
bounds concurrency, `http.client` asks each address (redirects followed here, so that a chain can be
named), and a JSON file caches the addresses that answered, so a second run within the cache age asks
nothing. Every request has one deadline for connecting, the headers and the start of the body (a timer
closes the socket when it passes: a socket timeout only bounds each read, and a server dribbling one
byte at a time never trips it), and the whole run has one too. Every failure is an `Outcome`, never an
exception: one bad server cannot cost the results of the others.
"""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .pages import Site
from .problems import Problem
from .settings import Settings

CACHE_FILE = ".cache/external-links.json"
USER_AGENT = "lora-harms-link-check/1.0"
RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
MAX_RETRY_AFTER_SECONDS = 60
MAX_REDIRECTS = 10
BODY_BYTES = 16 * 1024  # read this much of a GET's body: enough to know the answer is really there
RULE = "LH030"
NOT_ASKED = "the run's time limit (external_run_seconds in pyproject.toml) was reached first"


@dataclass(frozen=True)
class Outcome:
    """What one address gave: ok or not, a short reason, and what kind of failure it was.

    `kind`: "dead" (the address answers that it is wrong: fix it), "network" (no or no complete
    answer: try later), "rate-limit" (the server asks us to slow down: try later), "offline".
    """

    ok: bool
    reason: str
    offline: bool = False
    kind: str = "dead"


class _Timeout(Exception):
    """The request's deadline passed."""


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _ask(url: str, method: str, seconds: float) -> tuple[int, str, str | None, str | None]:
    """(status, reason, Location, Retry-After) of one request, all within `seconds`; raises on failure."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) address: {url}")
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = kind(parts.hostname, parts.port, timeout=seconds)
    expired = threading.Event()

    def expire() -> None:
        expired.set()
        sock = connection.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)  # wakes a read that is still waiting
            except OSError:
                pass

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request(method, path, headers={"User-Agent": USER_AGENT, "Accept": "*/*", "Host": parts.netloc})
        response = connection.getresponse()
        if method == "GET":
            response.read(BODY_BYTES)
        if expired.is_set():
            raise _Timeout
        return response.status, " ".join(str(response.reason).split()), response.getheader("Location"), response.getheader("Retry-After")
    except TimeoutError:  # the socket's own time-out (one read, or connecting) came first
        raise _Timeout from None
    except (OSError, http.client.HTTPException, ValueError):
        if expired.is_set():
            raise _Timeout from None
        raise
    finally:
        timer.cancel()
        connection.close()


def _via(chain: list[str]) -> str:
    return f" after {len(chain)} redirect{'s' * (len(chain) != 1)} ({' → '.join(chain)})" if chain else ""


def check_url(url: str, timeout: float, retries: int, stop_at: float | None = None) -> Outcome:
    """Ask one address (HEAD, then GET if HEAD is refused), following redirects, retrying busy answers and time-outs."""
    stop_at = stop_at if stop_at is not None else time.monotonic() + 3600
    method, current, chain, attempt = "HEAD", url, [], 0

    def again(wait: float) -> bool:
        nonlocal attempt
        if attempt >= retries or time.monotonic() + wait + timeout > stop_at:
            return False
        attempt += 1
        time.sleep(wait)
        return True

    while True:
        if time.monotonic() >= stop_at:
            return Outcome(False, NOT_ASKED, kind="not-asked")
        try:
            status, reason, location, retry_after = _ask(current, method, timeout)
        except _Timeout:
            if again(2.0**attempt):
                continue
            return Outcome(False, f"no complete answer within {timeout:g} s{_via(chain)}", kind="network")
        except socket.gaierror as error:
            return Outcome(False, f"cannot connect ({' '.join(str(error.strerror or error).split())}){_via(chain)}", offline=True, kind="network")
        except ssl.SSLError as error:
            return Outcome(False, f"secure connection failed ({' '.join(str(error.reason or error).split())}){_via(chain)}", kind="network")
        except (ConnectionError, TimeoutError) as error:  # refused, reset, aborted; a connect timeout
            if again(2.0**attempt):
                continue
            name = {ConnectionRefusedError: "refused", ConnectionResetError: "reset by the server"}.get(type(error), type(error).__name__)
            return Outcome(False, f"connection {name}{_via(chain)}" if name in ("refused", "reset by the server") else f"cannot connect ({name}){_via(chain)}", kind="network")
        except OSError as error:
            offline = getattr(error, "errno", None) in (101, 113)  # ENETUNREACH, EHOSTUNREACH
            return Outcome(False, f"cannot connect ({' '.join(str(error.strerror or error).split())}){_via(chain)}", offline=offline, kind="network")
        except (http.client.HTTPException, ValueError) as error:  # a malformed address or answer
            detail = " ".join(f"{type(error).__name__} {error}".split())[:120]
            return Outcome(False, f"malformed answer ({detail}){_via(chain)}", kind="network")
        if status in REDIRECT_STATUSES and location:
            following = urljoin(current, location.strip())
            if following in chain or following == url or len(chain) >= MAX_REDIRECTS:
                return Outcome(False, f"redirects in a loop or more than {MAX_REDIRECTS} times{_via(chain + [following])}")
            chain.append(following)
            current = following
            method = "GET" if status == 303 else method
            continue
        if method == "HEAD" and status in (400, 403, 405, 501):
            method = "GET"
            continue
        if 200 <= status < 400:
            return Outcome(True, f"HTTP {status}{_via(chain)}")
        if status in RETRY_STATUSES:
            wait = _retry_after(retry_after)
            pause = wait if wait is not None else 2.0**attempt
            if pause <= MAX_RETRY_AFTER_SECONDS and again(pause):
                continue
            if status == 429:
                asked = f", asked to wait {wait:g} s" if wait is not None else ""
                return Outcome(False, f"the server limits requests (HTTP 429{asked}){_via(chain)}", kind="rate-limit")
            return Outcome(False, f"HTTP {status} {reason}{_via(chain)}", kind="network")
        return Outcome(False, f"HTTP {status} {reason}{_via(chain)}")


def _load_cache(path: Path, max_age_seconds: float) -> dict[str, float]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    now = time.time()
    return {url: checked for url, checked in data.items() if isinstance(checked, (int, float)) and now - checked < max_age_seconds}


FIXES = {
    "dead": "correct the address, or replace it with the page's new or archived original address",
    "network": "try later; if it keeps failing, replace it with the page's new or archived original address",
    "rate-limit": "try later: the address itself may be fine",
    "not-asked": "try later, or raise external_run_seconds",
}


def _ask_all(urls: list[str], settings: Settings) -> dict[str, Outcome]:
    """Every address's outcome, with bounded concurrency, within the run's time limit."""
    stop_at = time.monotonic() + settings.external_run_seconds
    pool = ThreadPoolExecutor(max_workers=settings.external_max_concurrency)
    futures = {url: pool.submit(check_url, url, settings.external_timeout_seconds, settings.external_max_retries, stop_at) for url in urls}
    wait(list(futures.values()), timeout=settings.external_run_seconds + settings.external_timeout_seconds + 1)
    pool.shutdown(wait=False, cancel_futures=True)
    outcomes = {}
    for url, future in futures.items():
        if not future.done():
            outcomes[url] = Outcome(False, NOT_ASKED, kind="not-asked")
        elif future.exception() is not None:
            error = future.exception()
            outcomes[url] = Outcome(False, f"could not be asked ({type(error).__name__}: {error})", kind="network")
        else:
            outcomes[url] = future.result()
    return outcomes


def check_external(site: Site, settings: Settings, report=print) -> list[Problem]:
    """Check every http(s) link of the pages; report problems, or say that there is no network."""
    where: dict[str, list[tuple[str, int]]] = {}
    for page in site.all_pages():
        for link in page.links:
            if link.target.lower().startswith(("http://", "https://")):
                where.setdefault(link.target.split("#", 1)[0], []).append((page.rel, link.line))
    cache_path = settings.root / CACHE_FILE
    cached = _load_cache(cache_path, settings.external_cache_max_age_hours * 3600)
    to_check = sorted(url for url in where if url not in cached)
    outcomes = _ask_all(to_check, settings)
    if to_check and all(outcome.offline for outcome in outcomes.values()):
        report(f"external links: no network, {len(to_check)} outside addresses were not checked")
        return []
    now = time.time()
    cached.update({url: now for url, outcome in outcomes.items() if outcome.ok})
    try:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        cache_path.write_text(json.dumps(cached, indent=1, sort_keys=True), encoding="utf-8")
    except OSError as error:
        report(f"external links: the cache {CACHE_FILE} cannot be written ({error.strerror})")
    report(f"external links: {len(where)} addresses, {len(to_check)} asked, {len(where) - len(to_check)} from the cache")
    problems = []
    for url, outcome in sorted(outcomes.items()):
        if outcome.ok:
            continue
        what = f"outside link {url} was not checked: {outcome.reason}" if outcome.kind in ("rate-limit", "not-asked") else f"outside link {url} fails: {outcome.reason}"
        problems += [Problem(rel, line, what, FIXES.get(outcome.kind, FIXES["dead"]), rule=RULE, target=url) for rel, line in where[url]]
    return problems
