"""Command line: `python -m scripts.check [--fix] [--external] [--no-build] [--stale-facts-fail] [--root DIR]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .built import check_build
from .external import check_external
from .fix import apply_fixes
from .pages import load_site
from .rules import run_advisories, run_rules
from .settings import SettingsError, load_settings

STALE_FACTS = "LH014"  # a warning, unless --stale-facts-fail


def main(argv: list[str] | None = None) -> int:
    """Check the site; print every problem as `path:line: what — what to do`; return 1 if any."""
    parser = argparse.ArgumentParser(prog="python -m scripts.check", description="Check links, sections and the two languages of the site.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: the current one)")
    parser.add_argument("--no-build", action="store_true", help="only the rules on the Markdown sources (fast); skip the build and its link checks")
    parser.add_argument("--external", action="store_true", help="also try every outside address (network, cached)")
    parser.add_argument("--fix", action="store_true", help="first repair what needs no judgement (missing heading ids of translations, published.json)")
    parser.add_argument("--stale-facts-fail", action="store_true",
                        help="fail on facts past their re-check date (by default a warning; the weekly workflow sets this)")
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.root.resolve())
    except SettingsError as error:
        print(f"check: {error}", file=sys.stderr)
        return 2
    if args.fix:
        for change in apply_fixes(load_site(settings), settings, load_site):
            print(f"fixed: {change}", file=sys.stderr)
    site = load_site(settings)
    problems = run_rules(site, settings)
    for kind, advisory in sorted(run_advisories(site, settings), key=lambda pair: (pair[1].rule, pair[1])):
        if advisory.rule == STALE_FACTS and args.stale_facts_fail:
            problems.append(advisory)
        else:
            print(f"{kind}: {advisory}", file=sys.stderr)
    if not args.no_build:
        # A hook's warning that a rule has already reported (the citation hook's) is not a second problem.
        found = {(problem.path, problem.line, problem.message) for problem in problems}
        problems += [problem for problem in check_build(site, settings) if (problem.path, problem.line, problem.message) not in found]
    if args.external:
        problems += check_external(site, settings, report=lambda line: print(line, file=sys.stderr))
    problems = sorted(set(problems))
    for problem in problems:
        print(problem)
    pages = sum(len(versions) for versions in site.pages.values())
    if problems:
        files = len({problem.path for problem in problems})
        print(f"check: {len(problems)} problem{'s' * (len(problems) != 1)} in {files} file{'s' * (files != 1)}", file=sys.stderr)
        return 1
    print(f"check: ok — {pages} pages in {len(settings.languages)} languages; links, sections and parity all hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
