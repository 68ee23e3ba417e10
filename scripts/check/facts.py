"""The fact base rules: facts/*.yml is valid, pages cite only checked facts, outside links come from cited facts.

What fails the check: a facts file that breaks the schema, a citation of an unknown id, a citation of an
unverified fact, and an outside link (or an e-mail address or phone number) that no fact cited on the
same page gives. What is only reported (on standard error, never failing the default run):

- warning: a fact past its re-check date (`checked` + `recheck_days` before today), with the pages that
  cite it. `--stale-facts-fail` makes these fail, for a scheduled job that wants an overdue re-check to
  fail (no workflow passes it yet); the default run only warns, so that an overdue re-check never blocks a
  contributor's unrelated pull request;
- warning: a citation of a fact that a newer entry corrects (`corrected_by`) without that entry in the same
  marker: "cite R-66 instead". Not failing, because an older entry may still be the right source for what
  was true at the time; `[[R-66, R-9]]` (the older entry through the one that corrects it) is quiet;
- note: a checked fact that no page cites (the fact sheet lists it anyway).
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import unquote

from scripts.hooks import factbase
from scripts.hooks.factbase import FactError

from .pages import Page, Site
from .problems import Problem
from .settings import Settings


def _problem(error: FactError) -> Problem:
    return Problem(error.path, error.line, error.message, error.fix)


def _cited(page: Page, site: Site) -> list[factbase.Fact]:
    ids = dict.fromkeys(fact_id for marker in page.citations for fact_id in marker.ids)
    return [site.facts.facts[fact_id] for fact_id in ids if fact_id in site.facts.facts]


def _citing_pages(site: Site) -> dict[str, list[str]]:
    """For each fact id, the page files that cite it."""
    result: dict[str, list[str]] = {}
    for page in site.all_pages():
        for fact_id in dict.fromkeys(i for marker in page.citations for i in marker.ids):
            result.setdefault(fact_id, []).append(page.rel)
    return result


def check_fact_base(site: Site, settings: Settings) -> list[Problem]:
    """Every facts/*.yml entry follows the schema; ids are unique; corrected_by names a fact."""
    return [_problem(error) for error in site.facts.errors]


def check_cited_facts_exist(site: Site, settings: Settings) -> list[Problem]:
    """Every `[[ID]]` names a fact of the fact base."""
    return [_problem(e) for page in site.all_pages() for e in factbase.unknown_citations(page.rel, page.citations, site.facts)]


def check_unverified_not_cited(site: Site, settings: Settings) -> list[Problem]:
    """No page cites an unverified fact."""
    return [_problem(e) for page in site.all_pages() for e in factbase.unverified_citations(page.rel, page.citations, site.facts)]


def _listed_by(url: str, site: Site) -> list[str]:
    """The facts that give this address as a source (a corrected fact: the one that corrects it)."""
    wanted = factbase.normalise_url(url)
    ids = [fact.corrected_by or fact.id for fact in site.facts.facts.values() if fact.status != "unverified"
           and any(s.url and factbase.normalise_url(s.url) == wanted for s in fact.sources)]
    return list(dict.fromkeys(ids))


def _hint(ids: list[str], what: str) -> str:
    if ids:
        shown = ", ".join(ids[:3]) + (" …" if len(ids) > 3 else "")
        return f"cite the fact that gives it in the sentence the link supports ({shown} {'gives' if len(ids) == 1 else 'give'} it), e.g. [[{ids[0]}]]"
    return f"link only {what} a fact this page cites gives: add it to that fact's sources in facts/*.yml (the original address), then cite the fact here"


def check_outside_links_are_sources(site: Site, settings: Settings) -> list[Problem]:
    """Outside links on a page are sources of facts the page cites; e-mail and phone links appear in their claims."""
    own = tuple(address.rstrip("/") for address in settings.own_addresses if address)
    problems = []
    for page in site.all_pages():
        cited = _cited(page, site)
        sources = {factbase.normalise_url(s.url) for fact in cited for s in fact.sources if s.url}
        claims = " ".join(text for fact in cited for text in fact.claim.values())
        for link in page.links:
            target = link.target
            lower = target.lower()
            if lower.startswith(("http://", "https://")):
                if any(pattern.search(target) for pattern in settings.forbidden_links):
                    continue  # a model page: check_forbidden_links says never to link it at all
                if any(target.startswith(prefix) for prefix in own) or factbase.normalise_url(target) in sources:
                    continue
                problems.append(Problem(page.rel, link.line, f"outside link {target} is not a source of any fact this page cites",
                                        _hint(_listed_by(target, site), "addresses")))
            elif lower.startswith("mailto:"):
                address = unquote(target[len("mailto:"):]).split("?", 1)[0]
                if address.lower() in claims.lower():
                    continue
                ids = [f.id for f in site.facts.facts.values() if f.status != "unverified" and address.lower() in " ".join(f.claim.values()).lower()]
                problems.append(Problem(page.rel, link.line, f"e-mail link {address} is not in the claim of any fact this page cites",
                                        _hint(ids, "e-mail addresses")))
            elif lower.startswith("tel:"):
                number = factbase.phone_digits(target[len("tel:"):])
                if number in factbase.phones_in(claims):
                    continue
                ids = [f.id for f in site.facts.facts.values() if f.status != "unverified" and number in factbase.phones_in(" ".join(f.claim.values()))]
                problems.append(Problem(page.rel, link.line, f"phone link {unquote(target[len('tel:'):])} is not in the claim of any fact this page cites",
                                        _hint(ids, "phone numbers")))
    return problems


def check_stale_facts(site: Site, settings: Settings) -> list[Problem]:
    """(warning) A fact whose re-check date has passed, with the pages that cite it."""
    today = dt.date.today()
    citing = _citing_pages(site)
    problems = []
    for fact in site.facts.facts.values():
        if fact.due >= today or fact.status == "unverified":
            continue
        pages = ", ".join(citing.get(fact.id, [])) or "no page"
        problems.append(Problem(fact.file, fact.line,
                                f"{fact.id} was due to be checked again by {fact.due.isoformat()} (checked {fact.checked.isoformat()}, every {fact.recheck_days} days); cited on {pages}",
                                "read its sources again; then set checked to that day, and change the claim (both languages) and the pages if the sources changed"))
    return problems


def check_corrected_not_cited(site: Site, settings: Settings) -> list[Problem]:
    """(warning) A citation of a fact that a newer entry corrects."""
    return [_problem(e) for page in site.all_pages() for e in factbase.corrected_citations(page.rel, page.citations, site.facts)]


def check_uncited_facts(site: Site, settings: Settings) -> list[Problem]:
    """(note) A checked, current fact that no page cites."""
    citing = _citing_pages(site)
    return [
        Problem(fact.file, fact.line, f"{fact.id} is cited on no page",
                "nothing to do unless a page states it: then cite it there (the fact sheet lists it either way)")
        for fact in site.facts.facts.values()
        if fact.id not in citing and fact.status != "unverified" and not fact.corrected_by
    ]
