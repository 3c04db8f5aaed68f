"""`make screenshots`: the main pages, from the demo content, at 1280 and 390 px wide, as PNGs in
docs/screenshots/ (or the folder given). Long pages are cut at a fixed height so each file stays
small; the README shows them."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser import live

# name -> (path, the element the picture starts at: the top of the page when None)
PAGES = {
    "home": ("/", None),
    "condition": ("{condition}", None),
    "question": ("{question}", None),
    "question-answers": ("{question}", "#experiences-heading"),
    "answer": ("{answer}", None),
    "summary-history": ("{summary_history}", None),
}
MAX_HEIGHT = {1280: 1600, 390: 2000}
DARK = ("question", 390)  # one picture of the dark theme


def take(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    taken = []
    with tempfile.TemporaryDirectory() as data, sync_playwright() as playwright:
        app = live.demo_app(Path(data))
        demo = live.demo_pages(app)
        with live.serve(app) as base_url:
            browser = live.launch_chromium(playwright)
            shots = [(name, width, "light") for width in live.WIDTHS.values() for name in PAGES]
            shots.append((*DARK, "dark"))
            for name, width, scheme in shots:
                context = live.new_context(browser, base_url, width, color_scheme=scheme)
                page = context.new_page()
                url, start = PAGES[name]
                page.goto(live.PageKind(url).url(demo))
                top = page.locator(start).bounding_box()["y"] - 16 if start else 0
                height = page.evaluate("document.documentElement.scrollHeight") - top
                suffix = "-dark" if scheme == "dark" else ""
                path = folder / f"{name}-{width}{suffix}.png"
                clip = {"x": 0, "y": top, "width": width, "height": min(height, MAX_HEIGHT[width])}
                page.screenshot(path=path, full_page=True, clip=clip, animations="disabled")
                context.close()
                taken.append(path)
            browser.close()
    return taken


def main() -> int:
    if message := live.chromium_missing_message():
        print(message, file=sys.stderr)
        return 1
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    for path in take(folder):
        print(f"{path}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
