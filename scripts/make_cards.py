"""Makes the share cards (og:image): docs/assets/cards/card.ja.png and card.en.png, 1200×630.

Renders a small HTML card with the system fonts in Debian's headless Chromium and saves a PNG per
language; static-i18n then serves each as assets/cards/card.png (en/assets/cards/card.png for English).
Run again after the site's name or description changes, and commit the PNGs:

    .venv/bin/python -m scripts.make_cards
"""

from __future__ import annotations

import html
from pathlib import Path

from scripts.check.settings import load_settings
from scripts.chromium import launch
from scripts.hooks import uistrings

PROJECT = Path(__file__).resolve().parents[1]
SETTINGS = load_settings(PROJECT)  # the site's address and languages
OUT = PROJECT / "docs" / "assets" / "cards"
WIDTH, HEIGHT = 1200, 630

PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><style>
  html, body {{ margin: 0; width: {w}px; height: {h}px; }}
  body {{
    box-sizing: border-box; padding: 72px 80px; display: flex; flex-direction: column; justify-content: space-between;
    background: #3f51b5; color: #fff;
    font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", system-ui, sans-serif;
  }}
  h1 {{ margin: 0; font-size: {title_size}px; line-height: 1.25; font-weight: 700; letter-spacing: {spacing}; }}
  p {{ margin: 28px 0 0; font-size: 34px; line-height: 1.5; color: #e8eaf6; }}
  footer {{ display: flex; justify-content: space-between; align-items: flex-end; font-size: 28px; color: #c5cae9; }}
  .mark {{ font-weight: 700; color: #fff; border: 3px solid #fff; border-radius: 10px; padding: 4px 14px; }}
</style></head><body>
  <div><h1>{title}</h1><p>{tagline}</p></div>
  <footer><span>{address}{path}</span><span class="mark">{badge}</span></footer>
</body></html>
"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    names = SETTINGS.site_names
    address = SETTINGS.site_url.split("://", 1)[-1].rstrip("/")  # shown on the card
    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1)
        for lang in SETTINGS.languages:
            card = uistrings.load(PROJECT, lang)["card"]  # tagline and badge: overrides/locales/<lang>.yml
            default = lang == SETTINGS.default_language
            page.set_content(PAGE.format(
                lang=lang, w=WIDTH, h=HEIGHT, title=html.escape(names[lang]), tagline=html.escape(card["tagline"]),
                title_size=64 if lang == "ja" else 60, spacing="0.02em" if lang == "ja" else "0",
                address=html.escape(address), path="/" if default else f"/{lang}/", badge=html.escape(card["badge"]),
            ))
            page.evaluate("document.fonts.ready")
            target = OUT / f"card.{lang}.png"
            page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT})
            print(f"make_cards: wrote {target.relative_to(PROJECT)} ({target.stat().st_size // 1024} KB)")
        browser.close()


if __name__ == "__main__":
    main()
