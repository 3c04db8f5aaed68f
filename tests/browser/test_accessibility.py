"""Every kind of page, at 1280 and 390 px wide: axe-core finds nothing serious or critical and no
problem of structure (and no contrast problem in the dark theme either), nothing scrolls sideways
on a phone, and every control that stands on its own is a 44 px target."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.live import HEIGHTS, PAGE_KINDS, WIDTHS

pytestmark = pytest.mark.browser

axe = Axe()
BLOCKING = ("serious", "critical")
# What the issue asks of every page, blocking whatever impact axe gives it: headings in order,
# one h1, landmarks that hold all content, a way to skip to it, a title and a language.
STRUCTURE = {
    "heading-order",
    "page-has-heading-one",
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "region",
    "bypass",
    "document-title",
    "html-has-lang",
}


def blocking_violations(page, **options) -> list[dict]:
    # axe-core is injected once per page (it is large); each check then runs it again.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe.axe_script)
    results = page.evaluate(
        "options => axe.run(options)", {"resultTypes": ["violations"], **options}
    )
    return [
        violation
        for violation in results["violations"]
        if violation["impact"] in BLOCKING or violation["id"] in STRUCTURE
    ]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node['target']} {node['html'][:160]}" for node in violation["nodes"])
    return "\n".join(lines)


# Controls that stand on their own (not a link inside a sentence) and measure under 44 x 44 px.
# A checkbox or radio button counts as the whole row its label makes clickable.
SMALL_TARGETS_JS = """
() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary')]
  .map(element => {
    const choice = element.matches('[type=checkbox], [type=radio]') && element.closest('.choice');
    const target = choice || element;
    const box = target.getBoundingClientRect();
    return {element, target, box};
  })
  .filter(({element, box}) => box.width > 0 && box.height > 0
    && getComputedStyle(element).display !== 'inline'
    && !element.closest('.prose'))
  .filter(({box}) => box.width < 44 || box.height < 44)
  .map(({element, box}) =>
    `${element.outerHTML.slice(0, 100)} is ${Math.round(box.width)}x${Math.round(box.height)}`)
"""


def assert_accessible_at_both_widths(page) -> None:
    """The page already open, at each width in turn (the viewport resized, as a person turning
    a tablet would): axe in the light and the dark theme, nothing scrolling sideways, and
    44 px targets."""
    for name, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": HEIGHTS[name]})
        page.emulate_media(color_scheme="light")
        where = f"{page.url} at {width} px"
        assert not (found := blocking_violations(page)), f"{where}:\n{describe(found)}"
        page.emulate_media(color_scheme="dark")
        dark = blocking_violations(page, runOnly=["color-contrast"])
        assert not dark, f"{where}, in the dark theme:\n{describe(dark)}"
        sizes = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert sizes[0] <= sizes[1], f"{where} scrolls sideways: {sizes}"
        assert not (small := page.evaluate(SMALL_TARGETS_JS)), f"{where}:\n" + "\n".join(small)
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": HEIGHTS["desktop"]})
    page.emulate_media(color_scheme="light")  # as it was, for a journey that goes on


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_kind_of_page_is_accessible_at_both_widths(open_page, forum_app, demo, kind):
    page_kind = PAGE_KINDS[kind]
    path = page_kind.url(demo)
    page_kind.prepare(forum_app)
    page = open_page(path, WIDTHS["desktop"], page_kind.email(demo), page_kind.status)

    assert_accessible_at_both_widths(page)
