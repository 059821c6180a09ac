"""Strings from data files are shown as literal text everywhere; none runs as HTML or script."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from test_validation import edit_cell
from testkit.browser import map_frame, offline_page, screenshot, streamlit_server

pytestmark = pytest.mark.browser

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
IMG = '<img src=x onerror="window.__xss=1">'
SCRIPT = "<script>window.__xss=2</script>"
TEMPLATE = "${window.__xss=3}`"
MARKDOWN = "[click](https://evil.example/) ![i](https://evil.example/i.png) **bold**"
PAYLOADS = {
    ("certified_areas.csv", 2, "name_en"): f"KK {IMG}",
    ("certified_areas.csv", 2, "name_th"): f"ขอนแก่น {SCRIPT}",
    ("certified_areas.csv", 3, "name_en"): f"CCS {TEMPLATE}",
    ("certified_areas.csv", 4, "name_en"): f"PKT {MARKDOWN}",
    ("certified_areas.csv", 2, "notes"): f"note {IMG} {TEMPLATE}",
    ("claims.csv", 2, "scope_en"): f"scope {IMG} {SCRIPT}",
    ("milestones.csv", 3, "title_en"): f"MoU {IMG} {TEMPLATE}",
    ("rounds.csv", 2, "label_en"): f"Round 1 {SCRIPT}",
}


def hostile_data(folder: Path) -> Path:
    """A copy of data/ with every payload written into its cell."""
    data = folder / "data"
    shutil.copytree(DATA_DIR, data)
    for (file, row, column), value in PAYLOADS.items():
        edit_cell(data / file, row, column, value)
    return data


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    data = hostile_data(tmp_path_factory.mktemp("hostile"))
    with streamlit_server(env={"SMARTCITY_DATA_DIR": str(data)}) as base_url:
        yield base_url


def assert_nothing_ran(page, dialogs: list[str]) -> None:
    for frame in page.frames:
        assert frame.evaluate("() => window.__xss") is None, frame.url
    assert dialogs == []


@pytest.mark.parametrize(
    ("path", "visible"),
    [
        ("?lang=en&province=TH-40", ["KK " + IMG]),
        ("?lang=th&province=TH-40", ["ขอนแก่น " + SCRIPT]),
        ("?lang=en&province=TH-83", ["PKT " + MARKDOWN]),
        ("investment?lang=en", ["scope " + IMG + " " + SCRIPT]),
        ("timeline?lang=en&step=2", ["MoU " + IMG + " " + TEMPLATE]),
    ],
)
def test_hostile_strings_show_as_text_and_never_run(hostile_server, browser, path, visible):
    page, blocked = offline_page(browser, height=1400)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{hostile_server}/{path}")
    if path.startswith("investment"):  # the figures' cards are folded below the summary
        page.get_by_text("Every figure as announced").click()
    for text in visible:
        page.get_by_text(text, exact=False).locator("visible=true").first.wait_for(timeout=30_000)
    if not path.startswith("investment"):
        frame = map_frame(page)
        frame.wait_for_selector("path[data-code='TH-40']", timeout=30_000)
        frame.locator("path[data-code='TH-40']").hover()  # opens the tooltip with the hostile names
        page.wait_for_timeout(500)
        tooltip = frame.locator(".leaflet-tooltip").inner_text()
        assert ("KK " + IMG) in tooltip or ("ขอนแก่น " + SCRIPT) in tooltip or "Khon Kaen" in tooltip
        assert frame.locator(".leaflet-tooltip img, .scm-legend img").count() == 0  # text, not an element
    page.wait_for_timeout(500)
    assert_nothing_ran(page, dialogs)
    assert page.locator("a[href^='https://evil.example']").count() == 0
    assert page.locator("img[src='x'], img[src^='https://evil']").count() == 0
    assert all("evil.example" not in url for url in blocked.urls)
    screenshot(page, "hostile-" + path.split("?")[0].replace("/", "") + ("-" + path.split("lang=")[1][:2]))
    page.context.close()


def test_hostile_strings_on_the_data_page(hostile_server, browser):
    page, _ = offline_page(browser, height=1400)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{hostile_server}/data?lang=en")
    page.get_by_text("Download CSV").wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    assert_nothing_ran(page, dialogs)
    page.context.close()


@pytest.fixture(scope="module")
def hostile_export(tmp_path_factory):
    from smartcity.__main__ import main

    data = hostile_data(tmp_path_factory.mktemp("hostile-export"))
    out = tmp_path_factory.mktemp("usb")
    assert main(["export", str(out), "--data-dir", str(data)]) == 0
    return out / "index.html"


def test_hostile_strings_in_the_export_show_as_text(hostile_export, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=True)
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_export.as_uri())
    page.wait_for_function("() => document.querySelectorAll('path[data-code]').length === 77")
    page.click("[data-lang=en]")
    assert "Round 1 " + SCRIPT in page.inner_text("#round-buttons")
    page.hover("path[data-code='TH-40']")
    assert "KK " + IMG in page.inner_text(".leaflet-tooltip")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []
    context.close()
