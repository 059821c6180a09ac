"""axe-core on every page, Thai and English, desktop and phone: no serious or critical violation,
and one h1 a page. Runs the engine the package ships, in the page, with the network blocked."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from testkit.browser import offline_page
from ui import PAGE_FOOTER
from ui.pages import EMBED_PAGE, PAGES, PRESENTER_PAGE

pytestmark = pytest.mark.browser
AXE = Axe()
READY = "[data-testid='stMarkdownContainer'], .scm-present-caption, iframe"


def serious_violations(page) -> list[str]:
    """Each serious or critical violation as 'rule: element', so a failure says what to fix."""
    results = AXE.run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node['any'][0]['message'] if node['any'] else ''}"
        for v in results
        if v["impact"] in ("serious", "critical")
        for node in v["nodes"]
    ]


@pytest.mark.parametrize("width", [1400, 390])
@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("entry", PAGES, ids=[entry.url_path for entry in PAGES])
def test_every_page_is_clean_for_axe_and_has_one_h1(server, browser, entry, lang, width):
    page, blocked = offline_page(browser, width=width, height=1000 if width > 500 else 844)
    page.goto(f"{server}/{entry.path}?lang={lang}")
    page.wait_for_selector(READY, state="attached", timeout=30_000)
    # The run is over, the page is whole (a session's first overview is the map alone until it is
    # drawn; a page with its footer is whole; the stage and the embed have none) and nothing is
    # drawn faded as stale (Streamlit greys elements while it runs), and the page's styles are in
    # (they draw captions solid; Streamlit's own are 60% opaque).
    whole = (
        "true"
        if entry.url_path in (PRESENTER_PAGE, EMBED_PAGE)
        else f"!!document.querySelector('.st-key-{PAGE_FOOTER}')"
    )
    page.wait_for_function(
        f"""() => document.querySelector("[data-testid='stApp']")?.dataset.testScriptState === "notRunning"
                 && !document.querySelector("[data-stale='true']") && {whole}
                 && [...document.querySelectorAll("[data-testid='stCaptionContainer']")].every(
                      (caption) => getComputedStyle(caption).opacity === "1")""",
        timeout=30_000,
    )
    page.wait_for_timeout(800)  # the fade back in
    assert serious_violations(page) == []
    assert page.locator("h1").count() == 1
    assert blocked.urls == []
    page.context.close()
