"""The dashboard in headless Chromium with every request off 127.0.0.1 blocked.

Screenshots of every page in both languages are written to artifacts/screenshots/ (git-ignored).
"""

from __future__ import annotations

import pytest

from smartcity.output.choropleth import NO_AREA_COLOUR
from testkit.browser import MAP_IFRAME, map_frame, offline_page, provinces_drawn, screenshot
from ui.pages import READING_PAGES

pytestmark = pytest.mark.browser

# What shows that each page a reader moves between is there, in each language.
MARKERS = {
    "overview": {"th": "จังหวัดที่มีพื้นที่", "en": "Provinces with an area"},
    "programme": {"th": "พื้นที่ที่ได้รับการรับรองได้อะไร", "en": "What a certified area receives"},
    "timeline": {"th": "ได้รับตรา", "en": "Certified"},
    "targets": {"th": "เป้าหมายที่มีการประกาศ", "en": "Targets as stated"},
    "investment": {"th": "กว่า 20,000 ล้านบาท", "en": "more than 20,000 million baht"},
    "data": {"th": "ดาวน์โหลด CSV", "en": "Download CSV"},
}
PAGES = {entry.url_path: entry for entry in READING_PAGES}


def test_every_reading_page_has_its_marker():
    assert set(MARKERS) == set(PAGES)


def wait_for_map(page, count: int = 77):
    frame = map_frame(page)
    frame.wait_for_function(
        f"document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive').length >= {count}",
        timeout=30_000,
    )
    return frame


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_works_offline_in_both_languages(server, browser, name, lang):
    entry, marker = PAGES[name], MARKERS[name]
    page, blocked = offline_page(browser)
    page.goto(f"{server}/{entry.path}?lang={lang}")
    page.get_by_text(marker[lang]).first.wait_for(timeout=30_000)
    if entry.has_map:
        assert provinces_drawn(wait_for_map(page)) == 77
    if name == "overview":
        wait_for_whole_overview(page)
    page.wait_for_timeout(500)
    screenshot(page, f"{name}-{lang}")
    assert page.locator("[data-testid='stException']").count() == 0
    assert blocked.urls == [], f"requests off this machine were attempted: {blocked.urls}"
    page.context.close()


def test_clicking_a_province_lists_its_areas(server, browser):
    # Tall enough that the map needs no scrolling before the click.
    page, blocked = offline_page(browser, height=1500)
    page.goto(f"{server}/?lang=en")
    frame = wait_for_map(page)
    frame.locator("path[data-code='TH-50']").click()  # Chiang Mai
    page.get_by_text("Areas in Chiang Mai").wait_for(timeout=30_000)
    page.locator(".scm-panel").get_by_text("Smart old-city development, Chiang Mai City Municipality").wait_for()
    page.wait_for_function("() => location.search.includes('province=TH-50')")
    screenshot(page, "overview-en-clicked")
    assert blocked.urls == []
    page.context.close()


def test_a_filter_change_restyles_the_map_in_place(server, browser):
    page, blocked = offline_page(browser)
    page.goto(f"{server}/?lang=en")
    frame = wait_for_map(page)
    frame.evaluate("() => { window.chiangRai = document.querySelector(\"path[data-code='TH-57']\"); }")
    assert frame.evaluate("window.chiangRai.getAttribute('fill')") != NO_AREA_COLOUR  # round 2 area
    page.locator("[data-testid='stSidebar'] button", has_text="Round 1 (2021)").click()
    frame.wait_for_function(f"window.chiangRai.getAttribute('fill') === '{NO_AREA_COLOUR}'", timeout=30_000)
    # The same frame and the same shapes, restyled: nothing was mounted or drawn again.
    assert frame.evaluate("window.chiangRai.isConnected") is True
    assert page.locator(MAP_IFRAME).count() == 1
    assert frame.locator("path[data-code]").count() == 77
    assert blocked.urls == []
    page.context.close()


def test_typing_an_alias_selects_the_province(server, browser):
    page, _ = offline_page(browser)
    page.goto(f"{server}/")
    wait_for_map(page)
    box = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").nth(1)
    box.click()
    page.keyboard.type("Korat")
    page.keyboard.press("Enter")
    page.get_by_text("พื้นที่ในจังหวัดนครราชสีมา").wait_for(timeout=30_000)
    page.wait_for_function("() => location.search.includes('province=TH-30')")
    page.context.close()


def test_a_shared_url_reopens_the_same_view(server, browser):
    page, blocked = offline_page(browser)
    page.goto(f"{server}/?lang=en&region=South&round=1&province=Songkhla&metric=first_round")
    wait_for_map(page)
    page.get_by_text("3 of 14", exact=True).wait_for(timeout=30_000)
    page.get_by_text("Songkhla has no certified area under these filters").wait_for()
    page.wait_for_function("() => window.location.search.includes('province=TH-90')")
    shared = page.url
    for key in ("lang=en", "region=South", "round=1", "province=TH-90", "metric=first_round"):
        assert key in shared
    again, _ = offline_page(browser)
    again.goto(shared)
    wait_for_map(again)
    again.get_by_text("3 of 14", exact=True).wait_for(timeout=30_000)
    again.get_by_text("Songkhla has no certified area under these filters").wait_for()
    screenshot(again, "overview-en-shared-url")
    assert blocked.urls == []
    page.context.close()
    again.context.close()


def test_a_shared_timeline_step_reopens(server, browser):
    page, _ = offline_page(browser)
    page.goto(f"{server}/timeline?lang=en&step=5")
    wait_for_map(page)
    page.get_by_text("Sources give different dates: 24 Dec 2021 / 25 Dec 2021").wait_for(timeout=30_000)
    page.context.close()


# In the map's frame: its component value (the "drawn" report) reaches Streamlit 2 s late.
HOLD_DRAWN_REPORT = """
if (window.parent !== window) {
  const send = window.parent.postMessage.bind(window.parent);
  window.parent.postMessage = function (message, origin) {
    if (message && message.type === "streamlit:setComponentValue") {
      setTimeout(function () { send(message, origin); }, 2000);
      return;
    }
    return send(message, origin);
  };
}
"""


def wait_for_whole_overview(page) -> None:
    """The figures, the filters and the downloads beside and below the map."""
    page.wait_for_function(
        """document.querySelectorAll("[data-testid='stMetric']").length === 4 &&
           document.querySelectorAll("[data-testid='stSidebar'] [data-testid='stSelectbox']").length === 2 &&
           document.querySelectorAll("[data-testid='stDownloadButton']").length === 4""",
        timeout=30_000,
    )


@pytest.mark.parametrize(
    ("width", "height", "mobile"),
    [(1400, 1000, False), (1280, 720, False), (390, 844, True)],
    ids=["desktop", "laptop", "phone"],
)
@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_rest_of_the_page_does_not_move_the_map(server, browser, width, height, mobile, lang):
    page, blocked = offline_page(browser, width=width, height=height, is_mobile=mobile, has_touch=mobile)
    # The map's "drawn" report is held back a while, so that the map is measured as the first run
    # leaves it (the map alone) whatever the machine's speed, then once the rest has come.
    page.context.add_init_script(HOLD_DRAWN_REPORT)
    page.goto(f"{server}/?lang={lang}")
    wait_for_map(page)
    page.wait_for_timeout(500)  # the first run's last elements laid out
    box = (
        "() => { const frame = document.querySelector(" + repr(MAP_IFRAME) + ");"
        """ const b = frame.getBoundingClientRect(); window.mapIframe = window.mapIframe || frame;
            return {same: window.mapIframe === frame, top: b.top + scrollY, left: b.left,
                    width: b.width, height: b.height}; }"""
    )
    first = page.evaluate(box)
    wait_for_whole_overview(page)
    page.wait_for_timeout(300)  # a frame or two for layout after the last element
    now = page.evaluate(box)
    assert now["same"], "the map was mounted again when the rest of the page came"
    for side in ("top", "left", "width", "height"):
        assert abs(now[side] - first[side]) <= 1, f"the map's {side} moved from {first[side]} to {now[side]}"
    assert blocked.urls == []
    page.context.close()


def test_the_overview_fits_a_phone(server, browser):
    page, blocked = offline_page(browser, width=390, height=844, is_mobile=True, has_touch=True)
    page.goto(f"{server}/")
    frame = wait_for_map(page)
    assert provinces_drawn(frame) == 77
    wait_for_whole_overview(page)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"the page scrolls sideways on a phone ({width} px)"
    screenshot(page, "overview-th-phone")
    assert blocked.urls == []
    page.context.close()


def step_label(page) -> str:
    return page.locator("[data-testid='stSlider']").inner_text().split("\n")[0]


def test_play_advances_the_timeline_and_pause_stops_it(server, browser):
    page, blocked = offline_page(browser, height=1400)
    page.goto(f"{server}/timeline?lang=en&step=1")
    wait_for_map(page)
    assert step_label(page) == "Step 1 of 16"
    page.get_by_role("button", name="Play").click()
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stSlider']\").innerText.startsWith('Step 1 of')", timeout=10_000
    )
    page.get_by_role("button", name="Pause").click()
    page.wait_for_timeout(500)
    paused_at = step_label(page)
    page.wait_for_timeout(4_000)  # longer than the 3 s interval
    assert step_label(page) == paused_at
    assert blocked.urls == []
    page.context.close()


@pytest.mark.parametrize("path", ["embed?lang=en", "?lang=en&embed=true"])
def test_the_embed_shows_the_map_alone_filling_a_news_sites_frame(server, browser, path):
    page, blocked = offline_page(browser, width=640, height=480)
    page.goto(f"{server}/{path}")
    frame = wait_for_map(page)
    assert page.locator("[data-testid='stSidebar']:visible, [data-testid='stTopNavLinkContainer']:visible").count() == 0
    assert page.locator(".st-key-app_title").count() == 0  # no page title (its h1 is for screen readers only)
    box = page.locator(MAP_IFRAME).bounding_box()
    map_box = frame.locator(".leaflet-container").bounding_box()
    assert box["height"] >= 480 * 0.6 and box["y"] + box["height"] <= 480 + 1, box  # fills the frame, within it
    assert map_box["height"] >= box["height"] - 2  # the map fills its own frame too
    assert frame.locator(".scm-legend").count() == 1
    page.get_by_text("Open the dashboard").wait_for()
    frame.evaluate("() => { window.chiangRai = document.querySelector(\"path[data-code='TH-57']\"); }")
    page.locator("button", has_text="Round 1 (2021)").click()
    frame.wait_for_function(f"window.chiangRai.getAttribute('fill') === '{NO_AREA_COLOUR}'", timeout=30_000)
    screenshot(page, "embed-en-" + ("path" if path.startswith("embed") else "param"))
    assert blocked.urls == []
    page.context.close()
