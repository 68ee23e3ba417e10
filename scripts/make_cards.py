"""Makes the share cards (og:image): docs/assets/cards/card.ja.png and card.en.png, 1200×630.

Renders a small HTML card with the system fonts in Debian's headless Chromium and saves a PNG per
language; static-i18n then serves each as assets/cards/card.png (en/assets/cards/card.png for English).
Run again after the site's name or description changes, and commit the PNGs:

    .venv/bin/python -m scripts.make_cards
"""

from __future__ import annotations

import html
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parents[1]
OUT = PROJECT / "docs" / "assets" / "cards"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
WIDTH, HEIGHT = 1200, 630

# The line under the site's name, per language (the card is read in a feed, so it says what the site is for).
TAGLINES = {
    "ja": "絵柄・キャラクター・実在の人物を無断でまねるLoRAの仕組みと、通報・削除申請の方法を出典つきで",
    "en": "How LoRAs copy artists' styles, characters and real people without consent, and how to report one, with sources",
}

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


def mkdocs_config() -> dict:
    """mkdocs.yml, read as plain strings."""
    return yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def site_names() -> dict[str, str]:
    """The site's name per language, from mkdocs.yml (ja: site_name; others: the i18n plugin's site_name)."""
    config = mkdocs_config()
    names = {"ja": config["site_name"]}
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"]["languages"]:
                if language.get("site_name"):
                    names[language["locale"]] = language["site_name"]
    return names


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    names = site_names()
    address = mkdocs_config()["site_url"].split("://", 1)[-1].rstrip("/")  # shown on the card
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1)
        for lang, tagline in TAGLINES.items():
            page.set_content(PAGE.format(
                lang=lang, w=WIDTH, h=HEIGHT, title=html.escape(names[lang]), tagline=html.escape(tagline),
                title_size=64 if lang == "ja" else 60, spacing="0.02em" if lang == "ja" else "0",
                address=html.escape(address), path="/" if lang == "ja" else "/en/", badge="日本語 · English" if lang == "ja" else "English · 日本語",
            ))
            page.evaluate("document.fonts.ready")
            target = OUT / f"card.{lang}.png"
            page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT})
            print(f"make_cards: wrote {target.relative_to(PROJECT)} ({target.stat().st_size // 1024} KB)")
        browser.close()


if __name__ == "__main__":
    main()
