"""`--external`: try every outside address the pages link to.

Written here rather than handed to lychee because lychee (0.24) retries a `429 Too Many Requests`
after its own fixed wait and ignores the server's `Retry-After`; everything else is plain standard
library: a thread pool bounds concurrency, urllib follows redirects, and a JSON file caches the
addresses that answered, so a second run within the cache age asks nothing.
"""

from __future__ import annotations

import errno
import http.client
import json
import socket
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path

from .pages import Site
from .problems import Problem
from .settings import Settings

CACHE_FILE = ".cache/external-links.json"
USER_AGENT = "lora-harms-link-check/1.0"
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER_SECONDS = 60


@dataclass(frozen=True)
class Outcome:
    """What one address gave: ok or not, a short reason, and whether the network itself was missing."""

    ok: bool
    reason: str
    offline: bool = False


def _retry_after(error: urllib.error.HTTPError) -> float | None:
    value = error.headers.get("Retry-After") if error.headers else None
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _request(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status


def check_url(url: str, timeout: float, retries: int) -> Outcome:
    """Ask one address (HEAD, then GET if HEAD is refused), retrying busy answers and time-outs."""
    method = "HEAD"
    attempt = 0
    while True:
        try:
            status = _request(url, method, timeout)
            return Outcome(True, f"HTTP {status}")
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                method = "GET"
                continue
            if error.code not in RETRY_STATUSES or attempt >= retries:
                return Outcome(False, f"HTTP {error.code} {error.reason}")
            wait = _retry_after(error)
            time.sleep(min(wait if wait is not None else 2.0**attempt, MAX_RETRY_AFTER_SECONDS))
        except (urllib.error.URLError, TimeoutError) as error:
            reason = getattr(error, "reason", error)
            if not isinstance(reason, TimeoutError):  # socket.timeout is TimeoutError since Python 3.10
                offline = isinstance(reason, socket.gaierror) or getattr(reason, "errno", None) in (errno.ENETUNREACH, errno.EHOSTUNREACH)
                return Outcome(False, f"cannot connect ({reason})", offline=offline)
            if attempt >= retries:
                return Outcome(False, f"no answer within {timeout:g} s")
            time.sleep(2.0**attempt)
        except (ValueError, http.client.HTTPException) as error:  # a malformed address or answer
            return Outcome(False, f"bad address or answer ({error})")
        attempt += 1


def _load_cache(path: Path, max_age_seconds: float) -> dict[str, float]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    now = time.time()
    return {url: checked for url, checked in data.items() if isinstance(checked, (int, float)) and now - checked < max_age_seconds}


def check_external(site: Site, settings: Settings, report=print) -> list[Problem]:
    """Check every http(s) link of the pages; report problems, or say that there is no network."""
    where: dict[str, list[tuple[str, int]]] = {}
    for page in site.all_pages():
        for link in page.links:
            if link.target.startswith(("http://", "https://")):
                where.setdefault(link.target.split("#", 1)[0], []).append((page.rel, link.line))
    cache_path = settings.root / CACHE_FILE
    cached = _load_cache(cache_path, settings.external_cache_max_age_hours * 3600)
    to_check = sorted(url for url in where if url not in cached)
    with ThreadPoolExecutor(max_workers=settings.external_max_concurrency) as pool:
        outcomes = dict(zip(to_check, pool.map(lambda url: check_url(url, settings.external_timeout_seconds, settings.external_max_retries), to_check)))
    if to_check and all(outcome.offline for outcome in outcomes.values()):
        report(f"external links: no network, {len(to_check)} outside addresses were not checked")
        return []
    now = time.time()
    cached.update({url: now for url, outcome in outcomes.items() if outcome.ok})
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    cache_path.write_text(json.dumps(cached, indent=1, sort_keys=True), encoding="utf-8")
    report(f"external links: {len(where)} addresses, {len(to_check)} asked, {len(where) - len(to_check)} from the cache")
    return [
        Problem(rel, line, f"outside link {url} fails: {outcome.reason}", "correct the address, or replace it with the page's new or archived original address",
                rule="LH030", target=url)
        for url, outcome in sorted(outcomes.items()) if not outcome.ok
        for rel, line in where[url]
    ]
