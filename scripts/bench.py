"""Measured, not timed in tests: build time, checker time, and lychee's offline time, as a table.

Run: `.venv/bin/python -m scripts.bench` (add `--runs N`; `--pages` also runs scripts/bench_pages.py, for page
weight and Lighthouse scores).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.sitebuild import build_command, quiet_env

ROOT = Path(__file__).resolve().parent.parent
ENV = quiet_env(PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")


def timed(command: list[str], runs: int) -> tuple[float, float]:
    """Run `command` `runs` times; return the median and the fastest wall time in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=ENV, check=False, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def main() -> None:
    """Print the table of build and check times."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", action="store_true", help="also measure page weight and Lighthouse scores")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "lora-harms"
        python = sys.executable
        rows = [
            ("mkdocs build (ja + en)", timed(build_command(site), args.runs)),
            ("checker, without --external (builds too)", timed([python, "-m", "scripts.check"], args.runs)),
            ("checker --no-build (source rules only)", timed([python, "-m", "scripts.check", "--no-build"], args.runs)),
            ("lychee --offline on the built site", timed(["lychee", "--offline", "--include-fragments", "--index-files", "index.html",
                                                          "--root-dir", temp, "--no-progress", str(site)], args.runs)),
        ]
        pages = sum(1 for _ in site.rglob("index.html"))
    print(f"{'what':44} {'median s':>9} {'best s':>7}")
    print(f"{'-' * 44} {'-' * 9} {'-' * 7}")
    for name, (median, best) in rows:
        print(f"{name:44} {median:9.2f} {best:7.2f}")
    print(f"({args.runs} runs each; {pages} built HTML pages; {os.cpu_count()} cores)")
    if args.pages:
        subprocess.run([python, "-m", "scripts.bench_pages"], cwd=ROOT, env=ENV, check=False)


if __name__ == "__main__":
    main()
