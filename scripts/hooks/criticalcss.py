"""Critical CSS: the part of the site's stylesheets that one built page can use, to inline in its <head>.

Every page inlines the rules of Material's stylesheets (and the site's own) whose selectors can match an
element of that page, and loads the full stylesheets without blocking the first paint. The subset is
computed from the built HTML on every build (scripts/hooks/inline_css.py), so it follows any change to
the theme, the templates or site.css; tests/browser/test_critical_css.py proves that a page styled by it
alone looks exactly like the page with the full stylesheets.

A rule is kept unless one of its selectors names a tag, class, id or attribute (value) that the page does
not contain ("purge" matching, as PurgeCSS does): conservative, since parts it cannot judge (pseudo-classes,
:not(), :is(), :has()) are treated as matching. No CSS library is in the project's dependencies, and
Material's minified CSS needs only this small block parser.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Classes that scripts add before the reader's first interaction, which the built HTML does not contain:
# the deferred-bundle module (overrides/partials/deferred-bundle.html) swaps Material's "no-js" for "js".
SCRIPT_CLASSES = frozenset({"js"})


@dataclass
class PageTokens:
    """What a page's selectors may refer to: tag names, classes, ids and attribute values.

    Attributes in any_value may hold any value (the site's scripts set them).
    """

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=lambda: set(SCRIPT_CLASSES))
    ids: set[str] = field(default_factory=set)
    attributes: dict[str, set[str]] = field(default_factory=dict)
    any_value: set[str] = field(default_factory=set)


_STRING = re.compile(r"\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'")
_WORD = re.compile(r"^[A-Za-z][\w-]*$")


def add_script_tokens(tokens: PageTokens, scripts: list[str]) -> PageTokens:
    """Count every word in a string literal of the site's own scripts as a possible tag, class, id and
    attribute: what they create before the first interaction (the template form's <mark>, the toast's
    class) then keeps its rules. Over-inclusive on purpose; Material's bundle is not read (it waits for
    the first interaction, and the full stylesheets arrive before it runs)."""
    for script in scripts:
        for double, single in _STRING.findall(script):
            for word in (double or single).split():
                if _WORD.match(word):
                    tokens.tags.add(word.lower())
                    tokens.classes.add(word)
                    tokens.ids.add(word)
                    tokens.any_value.add(word.lower())
    return tokens


class _TokenParser(HTMLParser):
    def __init__(self, tokens: PageTokens) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens = tokens

    def handle_starttag(self, tag, attrs) -> None:  # noqa: ANN001 (HTMLParser's signature)
        self.tokens.tags.add(tag.lower())
        for name, value in attrs:
            value = value or ""
            self.tokens.attributes.setdefault(name.lower(), set()).add(value)
            if name == "class":
                self.tokens.classes.update(value.split())
            elif name == "id":
                self.tokens.ids.add(value)

    handle_startendtag = handle_starttag


def page_tokens(html: str) -> PageTokens:
    """Collect the tag names, classes, ids and attribute values that occur in a page's HTML."""
    tokens = PageTokens()
    parser = _TokenParser(tokens)
    parser.feed(html)
    parser.close()
    return tokens


# ---------------------------------------------------------------------------------------------------------
# Parsing: a stylesheet is a list of rules; a rule is (prelude, body) where body is either declarations
# (a string) or a list of nested rules (@media, @supports, @layer ...).

@dataclass
class Rule:
    """One CSS rule: `prelude { body }`, or a statement such as `@charset "UTF-8";` (body None)."""

    prelude: str
    body: str | list[Rule] | None


_NESTING_AT_RULES = ("@media", "@supports", "@layer", "@container", "@document")


def _skip_string(css: str, i: int) -> int:
    quote = css[i]
    i += 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def _block_end(css: str, start: int) -> int:
    """Index just past the `}` that closes the block opened at css[start] == '{'."""
    depth, i = 0, start
    while i < len(css):
        char = css[i]
        if char in "\"'":
            i = _skip_string(css, i)
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("unbalanced braces in stylesheet")


def strip_comments(css: str) -> str:
    """Remove /* comments */ (outside strings)."""
    out, i = [], 0
    while i < len(css):
        if css[i] in "\"'":
            end = _skip_string(css, i)
            out.append(css[i:end])
            i = end
        elif css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = len(css) if end < 0 else end + 2
        else:
            out.append(css[i])
            i += 1
    return "".join(out)


def parse(css: str) -> list[Rule]:
    """Parse a stylesheet into rules; nested at-rules hold lists of rules."""
    css = strip_comments(css)
    rules: list[Rule] = []
    i = 0
    while i < len(css):
        # The prelude runs to the next top-level `{` or `;` (statements such as @charset, @import).
        j = i
        while j < len(css) and css[j] not in "{;":
            j = _skip_string(css, j) if css[j] in "\"'" else j + 1
        prelude = " ".join(css[i:j].split())
        if j >= len(css):
            break
        if css[j] == ";":
            if prelude:
                rules.append(Rule(prelude, None))
            i = j + 1
            continue
        end = _block_end(css, j)
        inner = css[j + 1:end - 1]
        if prelude.lower().startswith(_NESTING_AT_RULES):
            rules.append(Rule(prelude, parse(inner)))
        else:
            rules.append(Rule(prelude, inner.strip()))
        i = end
    return rules


def serialize(rules: list[Rule]) -> str:
    """Write rules back as compact CSS."""
    parts = []
    for rule in rules:
        if rule.body is None:
            parts.append(f"{rule.prelude};")
        elif isinstance(rule.body, list):
            parts.append(f"{rule.prelude}{{{serialize(rule.body)}}}")
        else:
            parts.append(f"{rule.prelude}{{{rule.body}}}")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------------------
# Matching

def split_top_level(text: str, separator: str = ",") -> list[str]:
    """Split on separator outside parentheses, brackets and strings."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        char = text[i]
        if char in "\"'":
            i = _skip_string(text, i)
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
        i += 1
    parts.append(text[start:])
    return [part.strip() for part in parts]


_IDENT = r"(?:\\.|[\w-])+"
_ATTRIBUTE = re.compile(r"\[\s*(" + _IDENT + r")\s*(?:([~|^$*]?=)\s*(\"[^\"]*\"|'[^']*'|[^\]\s]+)\s*([iIsS])?\s*)?\]")
_FUNCTIONAL_PSEUDO = re.compile(r"::?[\w-]+\(")
_PSEUDO = re.compile(r"::?[\w-]+")
_CLASS_OR_ID = re.compile(r"([.#])(" + _IDENT + r")")
_TAG = re.compile(r"(?:^|(?<=[\s>+~]))(" + _IDENT + r")")


def _unescape(ident: str) -> str:
    return re.sub(r"\\(.)", r"\1", ident)


def _without_functional_pseudos(selector: str) -> str:
    """Drop :not(...), :is(...), :has(...), :nth-child(...) and the like, with their arguments."""
    while True:
        match = _FUNCTIONAL_PSEUDO.search(selector)
        if not match:
            return selector
        depth, i = 1, match.end()
        while i < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[i], 0)
            i += 1
        selector = selector[:match.start()] + selector[i:]


def _attribute_matches(values: set[str], operator: str, expected: str, ignore_case: bool) -> bool:
    if ignore_case:
        values, expected = {value.lower() for value in values}, expected.lower()
    tests = {
        "=": lambda value: value == expected,
        "~=": lambda value: expected in value.split(),
        "|=": lambda value: value == expected or value.startswith(expected + "-"),
        "^=": lambda value: value.startswith(expected),
        "$=": lambda value: value.endswith(expected),
        "*=": lambda value: expected in value,
    }
    return any(tests[operator](value) for value in values)


def selector_may_match(selector: str, tokens: PageTokens) -> bool:
    """False only when the selector names something the page does not contain."""
    selector = _without_functional_pseudos(selector)
    for match in _ATTRIBUTE.finditer(selector):
        name, operator, value, flag = match.groups()
        attribute = _unescape(name).lower()
        if attribute in tokens.any_value:
            continue
        values = tokens.attributes.get(attribute)
        if values is None:
            return False
        if operator:
            expected = value[1:-1] if value[0] in "\"'" else _unescape(value)
            if not _attribute_matches(values, operator, expected, bool(flag and flag in "iI")):
                return False
    selector = _ATTRIBUTE.sub(" ", selector)
    selector = _PSEUDO.sub("", selector)
    for kind, name in _CLASS_OR_ID.findall(selector):
        if _unescape(name) not in (tokens.classes if kind == "." else tokens.ids):
            return False
    selector = _CLASS_OR_ID.sub("", selector)
    for name in _TAG.findall(selector):
        if name.lower() not in tokens.tags:
            return False
    return True


def _keyframe_names(css: str) -> set[str]:
    return set(re.findall(r"[\w-]+", css))


def critical_rules(rules: list[Rule], tokens: PageTokens) -> list[Rule]:
    """The rules that may apply to the page; at-rules keep only such rules and are dropped when empty."""
    kept: list[Rule] = []
    for rule in rules:
        prelude = rule.prelude.lower()
        if rule.body is None:
            continue  # @charset, @import: not needed (or not allowed) in a <style> element
        if isinstance(rule.body, list):
            inner = critical_rules(rule.body, tokens)
            if inner:
                kept.append(Rule(rule.prelude, inner))
        elif prelude.startswith(("@font-face", "@page", "@property", "@counter-style")):
            kept.append(Rule(rule.prelude, rule.body))
        elif prelude.startswith(("@keyframes", "@-webkit-keyframes")):
            kept.append(Rule(rule.prelude, rule.body))  # dropped below when no kept rule names it
        else:
            selectors = [s for s in split_top_level(rule.prelude) if selector_may_match(s, tokens)]
            if selectors:
                kept.append(Rule(",".join(selectors), rule.body))
    return kept


def _drop_unused_keyframes(rules: list[Rule]) -> list[Rule]:
    text = serialize([r for r in rules if not r.prelude.lower().startswith(("@keyframes", "@-webkit-keyframes"))])
    used = _keyframe_names(text)
    return [r for r in rules
            if not r.prelude.lower().startswith(("@keyframes", "@-webkit-keyframes"))
            or r.prelude.split()[-1] in used]


_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")


def _declarations(rules: list[Rule]):
    """Every (rule, declarations) pair whose body is declarations, nested rules included."""
    for rule in rules:
        if isinstance(rule.body, list):
            yield from _declarations(rule.body)
        elif isinstance(rule.body, str) and not rule.prelude.lower().startswith(("@keyframes", "@-webkit-keyframes")):
            yield rule, split_top_level(rule.body, ";")


def _drop_unused_custom_properties(rules: list[Rule]) -> list[Rule]:
    """Remove custom property definitions (--name: ...) that no kept declaration reads with var().

    Material defines many (icons as SVG data addresses, colours of components a page lacks). A definition
    that only a rule outside the critical subset reads is defined again by the full stylesheet.
    """
    pairs = list(_declarations(rules))
    used: set[str] = set()
    definitions: dict[str, list[str]] = {}
    for _, declarations in pairs:
        for declaration in declarations:
            name, _, value = declaration.partition(":")
            name = name.strip()
            if name.startswith("--"):
                definitions.setdefault(name, []).append(value)
            else:
                used.update(_VAR_USE.findall(value))
    pending = list(used)
    while pending:  # a used property may read others
        for value in definitions.get(pending.pop(), []):
            for name in _VAR_USE.findall(value):
                if name not in used:
                    used.add(name)
                    pending.append(name)
    for rule, declarations in pairs:
        kept = [d for d in declarations if d and (not d.strip().startswith("--") or d.partition(":")[0].strip() in used)]
        rule.body = ";".join(kept)
    return _drop_empty(rules)


def _drop_empty(rules: list[Rule]) -> list[Rule]:
    kept = []
    for rule in rules:
        if isinstance(rule.body, list):
            rule.body = _drop_empty(rule.body)
            if rule.body:
                kept.append(rule)
        elif rule.body:
            kept.append(rule)
    return kept


def critical_css(stylesheets: list[tuple[list[Rule], bool]], html: str, scripts: list[str] = ()) -> str:
    """The CSS that may apply to the page html, as one compact string.

    stylesheets: (parsed rules, purge) in cascade order; a sheet with purge False is kept whole (the
    site's own). scripts: the site's own JavaScript (see add_script_tokens).
    """
    tokens = add_script_tokens(page_tokens(html), list(scripts))
    rules: list[Rule] = []
    for parsed, purge in stylesheets:
        rules.extend(critical_rules(parsed, tokens) if purge else copy.deepcopy(parsed))
    return serialize(_drop_unused_keyframes(_drop_unused_custom_properties(rules)))
