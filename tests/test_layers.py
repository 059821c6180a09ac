"""The programme's other layers on the dashboard's map, in headless Chromium with the network
blocked: the 2020 pilots and the ASEAN Smart Cities Network switch on and off from the legend,
in Thai and English, with tooltips, and stay on through a filter change."""

from __future__ import annotations

import pytest

from testkit.browser import map_frame, offline_page, screenshot

pytestmark = pytest.mark.browser

MARKERS = "() => document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive').length"
LABELS = {
    "th": ("เทศบาลนำร่อง 12 แห่ง (2563)", "เครือข่ายเมืองอัจฉริยะอาเซียน (ASCN)", "เทศบาลนำร่องตาม MoU"),
    "en": (
        "The 12 pilot municipalities (2020)",
        "ASEAN Smart Cities Network",
        "Pilot municipality of the DLA-depa MoU",
    ),
}


def switch(frame, layer: str):
    return frame.locator(f".scm-layer-switch input[data-layer='{layer}']")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_pilots_and_the_ascn_cities_switch_on_and_off(server, browser, lang):
    page, blocked = offline_page(browser)
    page.goto(f"{server}/?lang={lang}")
    frame = map_frame(page)
    frame.wait_for_function(f"({MARKERS})() === 77", timeout=30_000)  # the layers start off
    pilots_label, ascn_label, pilot_tooltip = LABELS[lang]
    assert frame.locator(".scm-layer-switch", has_text=pilots_label).count() == 1
    assert frame.locator(".scm-layer-switch", has_text=ascn_label).count() == 1
    switch(frame, "pilots").check()
    frame.wait_for_function(f"({MARKERS})() === 77 + 12")
    switch(frame, "ascn").check()  # the founding members; the cities proposed in 2022 are a layer of their own
    frame.wait_for_function(f"({MARKERS})() === 77 + 12 + 3")
    switch(frame, "ascn_2022-11-09").check()
    frame.wait_for_function(f"({MARKERS})() === 77 + 12 + 7")
    # A pilot's tooltip, in the page's language: Chiang Mai's pilot became the old-city area.
    marker = frame.evaluate_handle(
        """() => { const group = window.scmChoropleth.state.overlays.pilots;
                   return group.getLayers().find(m => m.feature.properties.tooltip.includes('เทศบาลนครเชียงใหม่')).getElement(); }"""
    )
    marker.hover(force=True)
    tooltip = frame.locator(".leaflet-tooltip").last.inner_text()
    assert pilot_tooltip in tooltip
    screenshot(page, f"overview-{lang}-layers")
    # Kept through a filter change (the legend is redrawn with each view).
    view = frame.evaluate("window.scmChoropleth.state.spec.id")
    page.locator("[data-testid='stSidebar'] [role='radio']").first.click()  # as of round 1
    page.wait_for_function("() => location.search.includes('round=1')", timeout=30_000)
    frame.wait_for_function(f"window.scmChoropleth.state.spec.id !== {view!r}", timeout=30_000)
    assert switch(frame, "pilots").is_checked() and frame.evaluate(MARKERS) == 77 + 12 + 7
    switch(frame, "pilots").uncheck()
    switch(frame, "ascn").uncheck()
    switch(frame, "ascn_2022-11-09").uncheck()
    frame.wait_for_function(f"({MARKERS})() === 77")
    assert blocked.urls == []
    page.context.close()
