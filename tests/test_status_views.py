"""Statuses beyond 2022 as a person sees them: the map, the timeline and the targets, in both languages.

Headless Chromium, every request off 127.0.0.1 blocked; screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import pytest

from testkit.browser import map_frame, offline_page, provinces_drawn, screenshot

pytestmark = pytest.mark.browser

DASHED = "document.querySelectorAll('.leaflet-overlay-pane path[stroke-dasharray]').length"


def drawn_map(page):
    frame = map_frame(page)
    frame.wait_for_function(
        "document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive').length >= 77", timeout=30_000
    )
    return frame


@pytest.mark.parametrize(
    ("lang", "legend", "stated"),
    [
        ("th", "มีรายงาน ยังไม่พบการมอบตรา", "ประกาศ: 36 เมือง · 25 จังหวัด"),
        ("en", "Reported only, award not found", "Announced: 36 cities · 25 provinces"),
    ],
)
def test_as_of_2023_the_map_tells_certified_from_reported(server, browser, lang, legend, stated):
    page, blocked = offline_page(browser, height=1300)
    page.goto(f"{server}/?lang={lang}&round=3&metric=status")
    frame = drawn_map(page)
    assert provinces_drawn(frame) == 77
    frame.wait_for_function(f"{DASHED} === 2")  # Samut Prakan and Nakhon Si Thammarat: reported only
    codes = frame.eval_on_selector_all(
        ".leaflet-overlay-pane path[stroke-dasharray]", "els => els.map(e => e.getAttribute('data-code')).sort()"
    )
    assert codes == ["TH-11", "TH-80"]
    assert legend in frame.inner_text(".scm-legend")
    page.get_by_text(stated).wait_for(timeout=15_000)
    # The figures follow the map (a session's first run sends the map alone): wait for all four.
    page.wait_for_function("document.querySelectorAll(\"[data-testid='stMetricValue']\").length === 4")
    metrics = page.locator("[data-testid='stMetricValue']").all_inner_texts()
    assert metrics[:2] == ["30", "6"]
    screenshot(page, f"status-overview-2023-{lang}")
    assert blocked.urls == []
    page.context.close()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_2025_conflict_and_the_timeline_renewals(server, browser, lang):
    page, blocked = offline_page(browser, height=1300)
    page.goto(f"{server}/?lang={lang}")
    drawn_map(page)
    conflict = {"th": "ไม่แก้ไขตัวเลขใด", "en": "neither is corrected"}[lang]
    page.get_by_text(conflict).wait_for(timeout=15_000)
    screenshot(page, f"status-overview-2025-{lang}")
    page.goto(f"{server}/timeline?lang={lang}")
    frame = drawn_map(page)
    renewal = {"th": "ต่ออายุตราสัญลักษณ์เมืองอัจฉริยะ 16 เมือง", "en": "Emblems of 16 cities renewed"}[lang]
    page.get_by_text(renewal).wait_for(timeout=15_000)
    frame.wait_for_function(f"{DASHED} === 2")
    page.locator("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg").first.wait_for()
    screenshot(page, f"status-timeline-2025-{lang}")
    page.goto(f"{server}/timeline?lang={lang}&step=11")  # ASEAN network: Chiang Mai, Khon Kaen, Rayong join
    drawn_map(page)
    ascn = {"th": "เครือข่ายเมืองอัจฉริยะอาเซียน", "en": "ASEAN Smart Cities Network"}[lang]
    page.get_by_text(ascn).first.wait_for(timeout=15_000)
    screenshot(page, f"status-timeline-ascn-{lang}")
    assert blocked.urls == []
    page.context.close()


@pytest.mark.parametrize(
    ("lang", "progress"),
    [
        ("th", "ปัจจุบัน 31 พื้นที่ได้รับตรา (และมีรายงานอีก 6) คิดเป็น 29.5% ของเป้าหมาย 105 ภายในปี 2570"),
        ("en", "31 areas certified so far (and 6 more reported): 29.5% of the target of 105 by 2027"),
    ],
)
def test_the_targets_page_draws_its_chart(server, browser, lang, progress):
    page, blocked = offline_page(browser, height=1600)
    page.goto(f"{server}/targets?lang={lang}")
    page.get_by_text(progress).wait_for(timeout=30_000)
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    chart.locator("canvas, svg").first.wait_for(timeout=30_000)
    assert chart.bounding_box()["height"] > 300
    screenshot(page, f"status-targets-{lang}")
    assert blocked.urls == []
    page.context.close()


def test_status_events_are_made_once_per_tables_and_afresh_for_new_tables(real_tables):
    """Every view's join and every timeline date starts from them: made once, shared read-only."""
    from smartcity.data.tables import DEFAULT_DATA_DIR, read_tables
    from smartcity.model.status import status_events

    assert status_events(real_tables) is status_events(real_tables)
    fresh = read_tables(DEFAULT_DATA_DIR)
    assert status_events(fresh) is not status_events(real_tables)
    assert status_events(fresh).equals(status_events(real_tables))
