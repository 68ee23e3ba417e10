"""The CSS each page inlines (scripts/hooks/inline_css.py) renders it exactly as the full stylesheets do:
every element's computed style (and its ::before and ::after) is the same with the inlined CSS alone as
with the full stylesheets loaded, on every page, at 390 and 1280 px, light and dark, with and without
JavaScript (before the reader's first interaction, so without Material's bundle). Once the full
stylesheets have loaded they come after the inlined CSS, so what the reader sees then is unchanged."""

from __future__ import annotations

import pytest

from tests.project import ALL_PAGES, page_path

pytestmark = pytest.mark.browser

FULL_STYLESHEETS = "**/assets/stylesheets/*.css"
WIDTHS = (390, 1280)

# Each element (and its ::before/::after when they have content) as one string of its computed
# properties; custom properties (--md-…) are left out: they are not rendered, and the inlined CSS only
# defines those that its own rules read.
SNAPSHOT = r"""() => {
  const all = [document.documentElement, document.body, ...document.querySelectorAll('body *')];
  const out = [];
  for (const el of all) {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      if (pseudo && (style.content === 'none' || style.content === 'normal')) { out.push(''); continue; }
      const values = [];
      for (let i = 0; i < style.length; i++) {
        const name = style[i];
        if (!name.startsWith('--')) values.push(name + ':' + style.getPropertyValue(name));
      }
      out.push(values.join(';'));
    }
  }
  return out;
}"""

DIFFERENCES = r"""([before, after]) => {
  const all = [document.documentElement, document.body, ...document.querySelectorAll('body *')];
  const found = [];
  for (let i = 0; i < before.length && found.length < 5; i++) {
    if (before[i] === after[i]) continue;
    const el = all[Math.floor(i / 3)], pseudo = ['', '::before', '::after'][i % 3];
    const a = new Map(before[i].split(';').map(p => p.split(/:(.*)/s).slice(0, 2)));
    const b = new Map(after[i].split(';').map(p => p.split(/:(.*)/s).slice(0, 2)));
    const near = (x, y) => {
      if (x === y) return true;
      if (x === undefined || y === undefined) return false;
      const px = /(-?\d+(?:\.\d+)?)px/g, nx = [...x.matchAll(px)].map(m => +m[1]), ny = [...y.matchAll(px)].map(m => +m[1]);
      return x.replace(px, 'N') === y.replace(px, 'N') && nx.length === ny.length && nx.every((v, j) => Math.abs(v - ny[j]) <= 1);
    };
    const props = [...new Set([...a.keys(), ...b.keys()])].filter(k => !near(a.get(k), b.get(k)));
    if (!props.length) continue;
    props.splice(4)
    const shown = props.map(k => `${k}: ${a.get(k)} (inlined) vs ${b.get(k)} (full)`);
    found.push(`${el.tagName.toLowerCase()}.${el.className}${pseudo}: ${shown.join(', ')}`);
  }
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


def _snapshots(page, name: str) -> None:
    """Take a snapshot at each width, kept in the page (window.lhSnapshots[name][width])."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 844})
        page.evaluate(f"""() => {{ window.lhSnapshots = window.lhSnapshots || {{}};
          (window.lhSnapshots['{name}'] = window.lhSnapshots['{name}'] || {{}})[{width}] = ({SNAPSHOT})(); }}""")


# Without JavaScript, Material shows the light scheme whatever the system's preference: dark without
# JavaScript is the light case again, and is left out to keep the suite short.
@pytest.mark.parametrize(("scheme", "javascript"), [("light", True), ("dark", True), ("light", False)],
                         ids=["light-js", "dark-js", "no-js"])
def test_inlined_css_renders_every_page_like_the_full_stylesheets(new_page, javascript, scheme):
    # Reduced motion: Material then turns transitions off, so both snapshots show finished states.
    page = new_page(java_script_enabled=javascript, color_scheme=scheme, reduced_motion="reduce",
                    viewport={"width": WIDTHS[0], "height": 844})
    differences = {}
    for slug, lang in ALL_PAGES:
        page.route(FULL_STYLESHEETS, lambda route: route.abort())
        page.goto(page_path(slug, lang))
        page.wait_for_load_state("load")
        _snapshots(page, "inlined")
        page.unroute(FULL_STYLESHEETS)
        count = page.evaluate(ADD_FULL_STYLESHEETS)  # (Playwright's scripts run with the page's JavaScript off too)
        for _ in range(200):
            if page.evaluate(LOADED) == count:
                break
            page.wait_for_timeout(50)
        assert page.evaluate(LOADED) == count, f"{slug} ({lang}): the full stylesheets did not load"
        _snapshots(page, "full")
        for width in WIDTHS:
            found = page.evaluate(f"""() => {{ const [a, b] = [lhSnapshots.inlined[{width}], lhSnapshots.full[{width}]];
              return a.length !== b.length ? ['the page changed while loading CSS'] : ({DIFFERENCES})([a, b]); }}""")
            if found:
                differences[f"{slug} ({lang}) {width}px"] = found
    assert differences == {}
