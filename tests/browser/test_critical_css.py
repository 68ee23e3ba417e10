"""The CSS each page inlines (scripts/hooks/inline_css.py) renders it exactly as the full stylesheets do:
every element's computed style (and its ::before and ::after) is the same with the inlined CSS alone as
with the full stylesheets loaded, on every page, at 390 and 1280 px, light and dark, with and without
JavaScript (before the reader's first interaction, so without Material's bundle). Once the full
stylesheets have loaded they come after the inlined CSS, so what the reader sees then is unchanged.

The properties compared are every longhand that a rule of the stylesheets declares (the inlined CSS and
the full stylesheets, in any @media, @supports or @keyframes): that proves as much as comparing all of
them, at a third of the cost. The two states share the HTML, the browser's own stylesheet, the style
attributes and the scripts, so a property no rule declares gets the same cascaded value in both; its
computed value can then differ only through a property it depends on (its parent's, for inheritance;
font-size for em; color for currentColor; the layout for resolved lengths), and the first such
difference, down the tree, is in a declared property, which is compared.
"""

from __future__ import annotations

import pytest

from tests.project import ALL_PAGES, page_path

pytestmark = pytest.mark.browser

FULL_STYLESHEETS = "**/assets/stylesheets/*.css"
WIDTHS = (390, 1280)

# Every longhand a rule of the page's stylesheets declares (custom properties, --md-…, left out: they are
# not rendered, and the inlined CSS only defines those that its own rules read; the properties that
# read them are compared).
DECLARED = r"""() => {
  const rendered = new Set(Array.from(getComputedStyle(document.documentElement)));
  const names = new Set();
  const walk = rules => {
    for (const rule of rules) {
      if (rule.style) for (const name of rule.style) names.add(name);
      if (rule.cssRules) walk(rule.cssRules);
    }
  };
  for (const sheet of document.styleSheets) {
    let rules;
    try { rules = sheet.cssRules; } catch (error) {
      // Without JavaScript: a <noscript> link the test stopped, to take the inlined-only snapshot (not applied).
      if (sheet.ownerNode.closest('noscript')) continue;
      throw error;
    }
    walk(rules);
  }
  return [...names].filter(name => rendered.has(name) && !name.startsWith('--')).sort();
}"""

# Each element (and its ::before/::after when they have content), in document order, as the ids of its
# computed values (one id per distinct value, kept in the page: long pages would otherwise hold hundreds
# of megabytes of strings; 0 is no id). A pseudo-element without content is all zeros.
READ = r"""const lhElements = () => [document.documentElement, document.body, ...document.querySelectorAll('body *')];
const lhRead = (names, each) => {
  let slot = 0;
  for (const el of lhElements()) {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      const absent = pseudo && (style.content === 'none' || style.content === 'normal');
      each(slot++, absent ? null : style, el, pseudo);
    }
  }
  return slot;
};
const lhValues = window.lhValues || (window.lhValues = {ids: new Map(), strings: ['']});
const lhId = value => {
  let id = lhValues.ids.get(value);
  if (id === undefined) { id = lhValues.strings.length; lhValues.ids.set(value, id); lhValues.strings.push(value); }
  return id;
};"""

SNAPSHOT = r"""([names, key]) => {
""" + READ + r"""
  const ids = new Uint32Array(lhElements().length * 3 * names.length);
  lhRead(names, (slot, style) => {
    if (style) names.forEach((name, i) => { ids[slot * names.length + i] = lhId(style.getPropertyValue(name)); });
  });
  (window.lhSnapshots = window.lhSnapshots || {})[key] = ids;
}"""

# The current computed styles against a snapshot: up to five elements that differ, four properties each.
# Lengths may differ by up to a pixel (sub-pixel text positions vary between loads).
DIFFERENCES = r"""([names, key]) => {
""" + READ + r"""
  const before = window.lhSnapshots[key];
  if (before.length !== lhElements().length * 3 * names.length) return ['the page changed while loading CSS'];
  const near = (x, y) => {
    if (x === y) return true;
    const px = /(-?\d+(?:\.\d+)?)px/g, nx = [...x.matchAll(px)].map(m => +m[1]), ny = [...y.matchAll(px)].map(m => +m[1]);
    return x.replace(px, 'N') === y.replace(px, 'N') && nx.length === ny.length && nx.every((v, j) => Math.abs(v - ny[j]) <= 1);
  };
  const found = [];
  lhRead(names, (slot, style, el, pseudo) => {
    if (found.length >= 5) return;
    const props = [], at = slot * names.length;
    if (!before[at] !== !style) {  // content with one CSS and not with the other
      props.push(`content: ${before[at] ? lhValues.strings[before[at + names.indexOf('content')]] : 'none'} (inlined) vs ${style ? style.content : 'none'} (full)`);
    } else if (style) {
      names.forEach((name, i) => {
        const a = lhValues.strings[before[at + i]], b = style.getPropertyValue(name);
        if (a !== b && !near(a, b)) props.push(`${name}: ${a} (inlined) vs ${b} (full)`);
      });
    }
    if (props.length) found.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') || ''}${pseudo || ''}: ${props.slice(0, 4).join(', ')}`);
  });
  return found;
}"""

# Adds the full stylesheets after the inlined CSS; returns how many. (Load events do not reach scripts
# when the page's JavaScript is off, so the test polls LOADED instead.)
ADD_FULL_STYLESHEETS = """() => {
  const held = document.getElementById('lh-stylesheets');
  const hrefs = [...held.content.querySelectorAll('link')].map(link => new URL(link.getAttribute('href'), location.href).href);
  for (const href of hrefs) {
    const link = document.createElement('link');
    link.rel = 'stylesheet'; link.href = href; link.dataset.lhFull = '';
    document.head.appendChild(link);
  }
  return hrefs.length;
}"""
LOADED = "() => [...document.querySelectorAll('link[data-lh-full]')].filter(link => link.sheet).length"


def _add_full_stylesheets(page, where: str) -> None:
    count = page.evaluate(ADD_FULL_STYLESHEETS)  # (Playwright's scripts run with the page's JavaScript off too)
    for _ in range(200):
        if page.evaluate(LOADED) == count:
            break
        page.wait_for_timeout(50)
    assert page.evaluate(LOADED) == count, f"{where}: the full stylesheets did not load"


@pytest.fixture(scope="module")
def declared(chromium, base_url) -> list[str]:
    """The longhands the stylesheets declare (the same stylesheets on every page; each page checks it)."""
    context = chromium.new_context(base_url=base_url)
    try:
        page = context.new_page()
        page.goto(page_path("index", "en"))
        _add_full_stylesheets(page, "index (en)")
        names = page.evaluate(DECLARED)
    finally:
        context.close()
    assert len(names) > 100 and "content" in names, names
    return names


# Without JavaScript, Material shows the light scheme whatever the system's preference: dark without
# JavaScript is the light case again, and is left out to keep the suite short.
@pytest.mark.parametrize(("scheme", "javascript"), [("light", True), ("dark", True), ("light", False)],
                         ids=["light-js", "dark-js", "no-js"])
def test_inlined_css_renders_every_page_like_the_full_stylesheets(new_page, declared, javascript, scheme):
    # Reduced motion: Material then turns transitions off, so both snapshots show finished states.
    page = new_page(java_script_enabled=javascript, color_scheme=scheme, reduced_motion="reduce",
                    viewport={"width": WIDTHS[0], "height": 844})
    differences = {}
    for slug, lang in ALL_PAGES:
        page.route(FULL_STYLESHEETS, lambda route: route.abort())
        page.goto(page_path(slug, lang))
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 844})
            page.evaluate(SNAPSHOT, [declared, f"inlined {width}"])
        page.unroute(FULL_STYLESHEETS)
        _add_full_stylesheets(page, f"{slug} ({lang})")
        assert set(page.evaluate(DECLARED)) <= set(declared), f"{slug} ({lang}) has stylesheets of its own"
        for width in reversed(WIDTHS):
            page.set_viewport_size({"width": width, "height": 844})
            if found := page.evaluate(DIFFERENCES, [declared, f"inlined {width}"]):
                differences[f"{slug} ({lang}) {width}px"] = found
    assert differences == {}
