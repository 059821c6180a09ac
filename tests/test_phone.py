"""The dashboard on a phone and at every width, in headless Chromium with the network blocked:
the legend hides no province, one finger scrolls the page past the map and two fingers move it,
region and "as of" are on the page, a tapped province's panel comes into view, the page's
language follows the switch, and reduced motion keeps the presenter still until asked."""

from __future__ import annotations

import pytest

from smartcity.output.choropleth import NO_AREA_COLOUR
from testkit.browser import MAP_IFRAME, map_frame, offline_page, screenshot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844, "is_mobile": True, "has_touch": True}
# Each province's representative point (inside it) that the browser finds under a control.
COVERED = """(points) => {
  const map = window.scmChoropleth.state.map;
  const box = map.getContainer().getBoundingClientRect();
  const found = [];
  for (const [code, latlng] of Object.entries(points)) {
    const p = map.latLngToContainerPoint(latlng);
    if (p.x < 0 || p.y < 0 || p.x > box.width || p.y > box.height) { found.push(code + " off the map"); continue; }
    const hit = document.elementFromPoint(box.left + p.x, box.top + p.y);
    const control = hit && hit.closest(".leaflet-control");
    if (control) found.push(code + " under " + control.className);
  }
  return found;
}"""


def open_overview(server, browser, query: str = "lang=en", **size):
    """The overview, offline, once its 77 provinces are drawn: (page, blocked requests, map frame)."""
    page, blocked = offline_page(browser, **size)
    page.goto(f"{server}/?{query}")
    return page, blocked, drawn_map(page)


def drawn_map(page):
    frame = map_frame(page)
    frame.wait_for_function("document.querySelectorAll('path[data-code]').length === 77", timeout=30_000)
    page.wait_for_timeout(500)  # the fit after the styles and the legend are in
    return frame


def sidebar_folded(page) -> bool:
    return page.locator("[data-testid='stSidebar']").get_attribute("data-collapsed") == "true"


def scroll_top(page) -> float:
    return page.evaluate("() => document.querySelector(\"[data-testid='stMain']\").scrollTop")


def map_centre(frame) -> list[float]:
    return frame.evaluate("() => { const c = window.scmChoropleth.state.map.getCenter(); return [c.lat, c.lng]; }")


def swipe_up(page, x: float, y: float, fingers: int) -> None:
    """A touch swipe of 300 px upwards with ``fingers`` fingers side by side, as the phone sends it."""
    cdp = page.context.new_cdp_session(page)

    def touch(kind: str, dy: float) -> None:
        points = [] if kind == "touchEnd" else [{"x": x + 40 * i, "y": y + dy, "id": i} for i in range(fingers)]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", 0)
    for step in range(1, 16):
        touch("touchMove", -20 * step)
        page.wait_for_timeout(16)
    touch("touchEnd", 0)
    page.wait_for_timeout(600)


@pytest.mark.parametrize(
    "query, size",
    [
        ("lang=en", PHONE),
        ("lang=th&metric=status", PHONE),
        ("lang=th&metric=first_round", PHONE),
        ("lang=en&metric=population", PHONE),
        ("lang=th&region=South", PHONE),
        ("lang=en", {"width": 1400, "height": 1000}),
        ("lang=th&metric=status", {"width": 1400, "height": 1000}),
    ],
    ids=[
        "phone-count-en",
        "phone-status",
        "phone-first-round",
        "phone-population",
        "phone-south",
        "desktop",
        "desk-status",
    ],
)
def test_no_province_lies_under_the_legend_or_the_zoom_buttons(server, browser, real_boundaries, query, size):
    page, blocked, frame = open_overview(server, browser, query, **size)
    south_only = "region=South" in query
    points = {
        code: [point.y, point.x]
        for code, point in real_boundaries.geometry.representative_point().items()
        if not south_only or code in SOUTH
    }
    assert frame.locator(".scm-legend").count() == 1
    assert frame.evaluate(COVERED, points) == []
    if size is PHONE and query == "lang=en":
        screenshot(page, "overview-en-phone-legend")
    assert blocked.urls == []
    page.context.close()


SOUTH = {
    "TH-80", "TH-81", "TH-82", "TH-83", "TH-84", "TH-85", "TH-86",
    "TH-90", "TH-91", "TH-92", "TH-93", "TH-94", "TH-95", "TH-96",
}  # fmt: skip


def test_one_finger_scrolls_the_page_past_the_map_and_two_fingers_move_it(server, browser):
    page, blocked, frame = open_overview(server, browser, **PHONE)
    box = page.locator(MAP_IFRAME).bounding_box()
    x, y = box["x"] + box["width"] / 3, min(box["y"] + 150, 700)
    centre = map_centre(frame)
    swipe_up(page, x, y, fingers=1)
    assert scroll_top(page) > 200, "one finger over the map did not scroll the page"
    assert map_centre(frame) == centre, "one finger moved the map"
    page.evaluate("() => { document.querySelector(\"[data-testid='stMain']\").scrollTop = 0; }")
    page.wait_for_timeout(300)
    box = page.locator(MAP_IFRAME).bounding_box()
    swipe_up(page, box["x"] + box["width"] / 3, min(box["y"] + 150, 700), fingers=2)
    assert map_centre(frame) != centre, "two fingers did not move the map"
    assert scroll_top(page) < 50, "two fingers scrolled the page instead of moving the map"
    assert blocked.urls == []
    page.context.close()


def test_region_and_as_of_are_on_the_page_on_a_phone(server, browser):
    page, blocked, frame = open_overview(server, browser, **PHONE)
    assert sidebar_folded(page)
    filters = page.locator(".st-key-phone_filters")
    filters.locator("[data-testid='stSelectbox']").click()
    page.get_by_role("option", name="South", exact=True).click()
    page.get_by_text("11 of 14", exact=True).wait_for(timeout=30_000)
    page.wait_for_function("() => location.search.includes('region=South')")
    frame.evaluate("() => { window.phuket = document.querySelector(\"path[data-code='TH-83']\"); }")
    assert frame.evaluate("window.phuket.getAttribute('fill')") != NO_AREA_COLOUR  # round 1 area
    filters.get_by_role("radio", name="Round 1 (2021)").click()
    page.wait_for_function("() => location.search.includes('round=1')", timeout=30_000)
    frame.wait_for_function(f"window.phuket.getAttribute('fill') !== '{NO_AREA_COLOUR}'")
    assert sidebar_folded(page)
    screenshot(page, "overview-en-phone-filters")
    assert blocked.urls == []
    page.context.close()


def test_the_filter_row_is_only_on_narrow_screens(server, browser):
    page, blocked = offline_page(browser, width=1400, height=1000)
    page.goto(f"{server}/?lang=en")
    drawn_map(page)
    assert page.locator(".st-key-phone_filters").is_hidden()
    assert page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").first.is_visible()
    assert blocked.urls == []
    page.context.close()


def test_tapping_a_province_on_a_phone_brings_its_panel_into_view(server, browser):
    page, blocked, frame = open_overview(server, browser, **PHONE)
    # The whole map on screen first: headless Chromium scrolls a focused frame that sticks out
    # of the screen into view between the touch and its click, which then lands elsewhere.
    page.evaluate(
        "(selector) => { const main = document.querySelector(\"[data-testid='stMain']\");"
        " main.scrollTop += document.querySelector(selector).getBoundingClientRect().top - 100; }",
        MAP_IFRAME,
    )
    page.wait_for_timeout(300)
    # A finger on Chiang Mai, where the page shows it.
    frame_box = page.locator(MAP_IFRAME).bounding_box()
    point = frame.evaluate(
        """() => { const r = document.querySelector("path[data-code='TH-50']").getBoundingClientRect();
                   const p = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                   return [r.left + r.width / 2, r.top + r.height / 2, p.getAttribute('data-code')]; }"""
    )
    assert point[2] == "TH-50"
    page.touchscreen.tap(frame_box["x"] + point[0], frame_box["y"] + point[1])
    page.get_by_text("Areas in Chiang Mai").wait_for(timeout=30_000)
    page.wait_for_function(
        """() => { const b = document.querySelector('.scm-panel').getBoundingClientRect();
                   return b.top >= 0 && b.top < window.innerHeight - 80; }""",
        timeout=10_000,
    )
    screenshot(page, "overview-en-phone-tapped")
    assert blocked.urls == []
    page.context.close()


@pytest.mark.parametrize("width", [390, 768, 1024, 1400, 1920])
def test_the_as_of_buttons_never_break_into_pieces(server, browser, width):
    """Thai labels, the longer ones: each button whole (its own rounded border), its label on
    one line, inside its column."""
    page, blocked = offline_page(browser, width=width, height=1000, is_mobile=width < 500, has_touch=width < 500)
    page.goto(f"{server}/?lang=th")
    drawn_map(page)
    # The sidebar's on a wide screen, the page's own on a narrow one (the folded sidebar's is off screen).
    groups = page.locator("[data-testid='stButtonGroup']").filter(has_text="รอบที่ 1 (2564)")
    on_screen = [g for g in groups.all() if (g.bounding_box() or {"x": -1})["x"] >= 0 and g.is_visible()]
    assert len(on_screen) == 1
    shape = on_screen[0].evaluate(
        """(group) => {
          const outer = group.closest("[data-testid='stVerticalBlock']").getBoundingClientRect();
          return [...group.querySelectorAll('button')].map(b => {
            const r = b.getBoundingClientRect(), s = getComputedStyle(b);
            return {text: b.innerText, height: r.height, left: r.left - outer.left, right: outer.right - r.right,
                    radius: Math.min(...['TopLeft', 'TopRight', 'BottomLeft', 'BottomRight']
                      .map(c => parseFloat(s['border' + c + 'Radius']))),
                    borders: Math.min(parseFloat(s.borderLeftWidth), parseFloat(s.borderRightWidth))};
          });
        }"""
    )
    assert len(shape) == 4, shape
    for button in shape:
        assert button["radius"] > 0 and button["borders"] > 0, f"{button['text']} is a broken segment: {button}"
        assert button["left"] >= -1 and button["right"] >= -1, f"{button['text']} sticks out: {button}"
        assert abs(button["height"] - shape[0]["height"]) <= 1, f"{button['text']} wrapped: {shape}"
    assert blocked.urls == []
    page.context.close()


def test_the_pages_language_follows_the_switch(server, browser):
    page, blocked, frame = open_overview(server, browser)
    page.wait_for_function("() => document.documentElement.lang === 'en'", timeout=10_000)
    assert frame.evaluate("document.documentElement.lang") == "en"
    page.get_by_role("radio", name="ไทย").click()
    page.wait_for_function("() => document.documentElement.lang === 'th'", timeout=30_000)
    page.get_by_text("จังหวัดที่มีพื้นที่").first.wait_for()
    frame = map_frame(page)
    frame.wait_for_function("document.documentElement.lang === 'th'", timeout=30_000)
    assert blocked.urls == []
    page.context.close()


def test_the_map_says_what_it_shows(server, browser):
    page, blocked, frame = open_overview(server, browser)
    summary = "25 of 77 provinces have an area; the most: Bangkok (4 areas)"
    page.get_by_text(summary).first.wait_for()
    assert summary in frame.locator(".leaflet-container").get_attribute("aria-label")
    page.get_by_text("The map as a table").click()  # sent only when asked for
    table = page.locator("table.scm-table")
    table.wait_for(timeout=30_000)
    assert table.locator("caption").text_content() == summary
    assert table.locator("tbody tr").count() == 25
    assert table.locator("thead th[scope='col']").count() == 4
    assert table.locator("tbody tr").first.locator("th[scope='row']").text_content() == "Bangkok"
    assert blocked.urls == []
    page.context.close()


def test_reduced_motion_keeps_the_presenter_still_until_asked(server, browser):
    page, blocked = offline_page(browser, width=1920, height=1080, reduced_motion="reduce")
    page.goto(f"{server}/?present=1&interval=2&lang=en")
    page.wait_for_url("**motion=reduce**", timeout=30_000)
    map_frame(page)
    caption = page.locator(".scm-present-caption")
    first = caption.inner_text()
    page.wait_for_timeout(5_000)  # more than two intervals
    assert caption.inner_text() == first, "the stage advanced on its own"
    page.get_by_role("button", name="Next").click()
    page.wait_for_function(f"() => document.querySelector('.scm-present-caption').innerText !== {first!r}")
    second = caption.inner_text()
    page.get_by_role("button", name="Play").click()  # asked: it advances, and pause is one tap away
    page.wait_for_function(
        f"() => document.querySelector('.scm-present-caption').innerText !== {second!r}", timeout=10_000
    )
    assert page.get_by_role("button", name="Pause").is_visible()
    screenshot(page, "presenter-en-reduced-motion")
    assert blocked.urls == []
    page.context.close()
