"""Each audience's journey in headless Chromium, checked by geometry: nothing wider than the
window, no text cut inside its box, labels that do not run into each other.

Screenshots go to artifacts/screenshots/journey-*.png (git-ignored)."""

from __future__ import annotations

import pytest

from testkit.browser import MAP_IFRAME, map_frame, offline_page, screenshot

pytestmark = pytest.mark.browser

# What overflows or collides, measured in the page: the document and Streamlit's scrolling main
# column against the window; every table and headline against its box; in each chart, each
# block of words against the chart's edges, the other blocks of words and the bars.
GEOMETRY = """() => {
  const box = e => e.getBoundingClientRect();
  const meet = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const main = document.querySelector("[data-testid='stMain']");
  const cut = [...document.querySelectorAll(".scm-headline, .scm-table, .scm-table th, .scm-table td")]
    .filter(e => e.scrollWidth > e.clientWidth + 1 || box(e).right > box(main).right + 1)
    .map(e => e.textContent.slice(0, 60));
  const charts = [...document.querySelectorAll("[data-testid='stVegaLiteChart'] svg.marks")].map(svg => {
    const edge = box(svg);
    const words = [...svg.querySelectorAll("g.mark-text.role-mark text")].map(box);
    const bars = [...svg.querySelectorAll("g.mark-rect.role-mark path")].map(box);
    return {
      width: edge.width,
      parent: box(svg.closest("[data-testid='stVegaLiteChart']").parentElement).width,
      words: words.length,
      outside: words.filter(w => w.left < edge.left - 1 || w.right > edge.right + 1).length,
      overlaps: words.flatMap((a, i) => words.slice(i + 1).filter(b => meet(a, b))).length,
      onBars: words.flatMap(a => bars.filter(b => meet(a, b))).length,
    };
  });
  return {
    window: window.innerWidth,
    document: document.documentElement.scrollWidth,
    main: [main.scrollWidth, main.clientWidth],
    cut, charts,
    cards: [...document.querySelectorAll(".scm-card")].filter(e => e.checkVisibility({visibilityProperty: true}) && box(e).height > 0).length,
    headline: document.querySelector(".scm-headline") && box(document.querySelector(".scm-headline")).bottom,
  };
}"""


@pytest.mark.parametrize(
    ("width", "height", "lang"),
    [(1024, 768, "th"), (1400, 900, "en"), (1920, 1080, "th"), (1920, 1080, "en")],
    ids=["1024-th", "1400-en", "1920-th", "1920-en"],
)
def test_the_policymaker_reads_the_investment_summary(server, browser, width, height, lang):
    page, blocked = offline_page(browser, width=width, height=height)
    page.goto(f"{server}/investment?lang={lang}")
    page.locator(".scm-headline").wait_for(timeout=30_000)
    page.wait_for_function(
        "document.querySelectorAll(\"[data-testid='stVegaLiteChart'] g.mark-text.role-mark text\").length >= 11",
        timeout=30_000,
    )
    page.wait_for_timeout(500)
    geometry = page.evaluate(GEOMETRY)
    screenshot(page, f"journey-policymaker-{width}-{lang}")
    assert geometry["document"] <= geometry["window"]
    assert geometry["main"][0] <= geometry["main"][1]
    assert geometry["cut"] == []
    # The population headline is on the first screen; the figures' cards are folded below.
    assert 0 < geometry["headline"] < height
    assert geometry["cards"] == 0
    assert [c["words"] for c in geometry["charts"]] == [6, 1, 4]
    for chart in geometry["charts"]:
        assert chart["width"] <= chart["parent"] + 1
        assert (chart["outside"], chart["overlaps"], chart["onBars"]) == (0, 0, 0), chart
    # Unfolded, every figure is there with its source.
    page.get_by_text("ทุกตัวเลขตามที่ประกาศ" if lang == "th" else "Every figure as announced").click()
    page.locator(".scm-card").first.wait_for(timeout=10_000)
    assert page.evaluate(GEOMETRY)["document"] <= width
    assert blocked.urls == []
    page.context.close()


# On the stage: the window, Streamlit's main column, and every part of the stage against the
# window; each button's words against the button; the map's frame; the legend's type.
STAGE = """() => {
  const box = e => e.getBoundingClientRect();
  const main = document.querySelector("[data-testid='stMain']");
  const parts = [...document.querySelectorAll(
    ".scm-present-caption, .scm-present-figure, .scm-present-qr, [data-testid='stButton'] button, iframe")];
  const buttons = [...document.querySelectorAll("[data-testid='stButton'] button")];
  return {
    document: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
    main: [main.scrollHeight, main.clientHeight, main.scrollWidth, main.clientWidth],
    outside: parts.filter(e => box(e).bottom > innerHeight + 1 || box(e).right > innerWidth + 1)
      .map(e => [e.className || e.tagName, Math.round(box(e).bottom), Math.round(box(e).right)]),
    cut: buttons.filter(b => {
      const words = b.querySelector("p");
      return words.scrollWidth > words.clientWidth + 1 || box(words).right > box(b).right + 1;
    }).map(b => b.innerText),
    // An icon's box as wide as its glyph, and clear of the button's name.
    icons: buttons.filter(b => {
      const icon = b.querySelector("[data-testid='stIconMaterial']");
      return box(icon).width < parseFloat(getComputedStyle(icon).fontSize) - 1 || box(icon).right > box(b.querySelector("p")).left;
    }).map(b => b.innerText),
    // A Thai word that a line break entered (render.thai_words).
    broken: [...document.querySelectorAll(".scm-present-caption .scm-word")].filter(w => w.getClientRects().length > 1)
      .map(w => w.textContent),
    frame: box(document.querySelector("iframe")).height,
    figure: parseFloat(getComputedStyle(document.querySelector(".scm-present-figure span")).fontSize),
  };
}"""
SHOWN = """() => { const s = window.scmChoropleth.state;
  return Object.values(s.overlays).filter(g => s.map.hasLayer(g)).reduce((n, g) => n + g.getLayers().length, 0); }"""
LAYERS = """() => Object.fromEntries([...document.querySelectorAll("input[data-layer]")].map(i => [i.dataset.layer, i.checked]))"""


@pytest.mark.parametrize(
    ("width", "height", "lang"),
    [
        (1280, 720, "th"),
        (1366, 768, "en"),
        (1400, 900, "en"),
        (1920, 1080, "th"),
        (2560, 1440, "en"),
        (3840, 2160, "th"),
    ],
)
def test_the_stage_fits_the_screen_it_is_on(server, browser, width, height, lang):
    page, blocked = offline_page(browser, width=width, height=height)
    page.goto(f"{server}/?present=1&interval=120&lang={lang}")
    frame = map_frame(page)
    frame.wait_for_selector(".scm-legend", timeout=30_000)
    # The first step is about the ASEAN Smart Cities Network: its cities are on the map.
    frame.wait_for_function("document.querySelector(\"input[data-layer='ascn']\")?.checked === true", timeout=10_000)
    # Only its founding members of 2018: not the cities proposed in 2022.
    assert frame.evaluate(LAYERS) == {"pilots": False, "ascn": True, "ascn_2022-11-09": False}
    assert frame.evaluate(SHOWN) == 3  # Bangkok, Chon Buri, Phuket
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_timeout(1500)
    stage = page.evaluate(STAGE)
    screenshot(page, f"journey-presenter-{width}x{height}-{lang}")
    assert stage["document"][0] <= width and stage["document"][1] <= height
    assert stage["main"][0] <= stage["main"][1] and stage["main"][2] <= stage["main"][3]
    assert stage["outside"] == [] and stage["cut"] == [] and stage["icons"] == [] and stage["broken"] == []
    # The map takes the height the margins leave; the type grows with the screen.
    assert stage["frame"] >= height * 0.9
    assert stage["figure"] >= height * 0.05
    legend = frame.evaluate("parseFloat(getComputedStyle(document.querySelector('.scm-legend')).fontSize)")
    assert legend >= max(13, height * 0.02)
    # The layers' switches grow with the legend's type.
    switches = frame.evaluate(
        "[...document.querySelectorAll('input[data-layer]')].map(i => i.getBoundingClientRect().height)"
    )
    assert min(switches) >= legend * 0.9, (switches, legend)
    # The 2020 MoU: its pilots, and no longer the network's cities.
    page.get_by_role("button", name="ถัดไป" if lang == "th" else "Next").click()
    frame.wait_for_function("document.querySelector(\"input[data-layer='pilots']\")?.checked === true", timeout=10_000)
    assert frame.evaluate(LAYERS) == {"pilots": True, "ascn": False, "ascn_2022-11-09": False}
    assert page.evaluate(STAGE)["outside"] == []
    screenshot(page, f"journey-presenter-{width}x{height}-{lang}-mou")
    if width <= 1366:  # every later step fits the smallest stages too
        for step in range(3, 17):
            page.get_by_role("button", name="ถัดไป" if lang == "th" else "Next").click()
            page.wait_for_function(f"document.querySelector('.scm-present-url').dataset.url.endsWith('step={step}')")
            page.wait_for_timeout(300)
            stage = page.evaluate(STAGE)
            assert (stage["outside"], stage["cut"], stage["document"]) == ([], [], [width, height]), step
            assert (stage["icons"], stage["broken"]) == ([], []), step
    assert blocked.urls == []
    page.context.close()


PHONE = {"width": 390, "height": 844, "is_mobile": True, "has_touch": True}


def tap_province(page, frame, code: str) -> float:
    """A finger on ``code`` where the page shows it now (the frame partly below the screen, as
    it is after loading); returns the frame's top before the tap."""
    box = page.locator(MAP_IFRAME).bounding_box()
    x, y = frame.evaluate(
        """(code) => { const r = document.querySelector(`path[data-code='${code}']`).getBoundingClientRect();
                      return [r.left + r.width / 2, r.top + r.height / 2]; }""",
        code,
    )
    assert box["y"] + y < PHONE["height"], "the province is on the screen"
    page.touchscreen.tap(box["x"] + x, box["y"] + y)
    return box["y"]


@pytest.mark.parametrize("lang", ["en", "th"])
def test_the_public_on_a_phone_opens_a_province_with_one_tap(server, browser, lang):
    page, blocked = offline_page(browser, **PHONE)
    page.goto(f"{server}/?lang={lang}")
    frame = map_frame(page)
    frame.wait_for_function("document.querySelectorAll('path[data-code]').length === 77", timeout=30_000)
    page.locator(".st-key-phone_filters [data-testid='stSelectbox']").wait_for(timeout=30_000)
    page.wait_for_timeout(800)
    # Under the map, first what colours it and the hint, in a phone's words; the downloads after.
    order = page.evaluate(
        """() => { const top = s => document.querySelector(s).getBoundingClientRect().top;
                   const map = document.querySelector("iframe").getBoundingClientRect().bottom;
                   return [map, top(".st-key-metric_widget"), top("[data-testid='stAlert']"),
                           top("[data-testid='stDownloadButton']")]; }"""
    )
    assert order[0] <= order[1] < order[0] + 120 and order[1] < order[2] < order[3], order
    hint = {
        "en": "Tap or click a province on the map to list its areas, or type its name in “Province” under Filters",
        "th": "แตะหรือคลิกจังหวัดบนแผนที่เพื่อดูรายชื่อพื้นที่ หรือพิมพ์ชื่อจังหวัดในช่อง “จังหวัด” ของตัวกรอง",
    }[lang]
    assert (
        page.locator("[data-testid='stAlert'] [data-testid='stMarkdownContainer']").first.inner_text().strip() == hint
    )
    top = tap_province(page, frame, "TH-50")  # Chiang Mai, at the top of the map
    # One tap: the panel opens, and the tap neither focused the province nor moved the page first.
    title = {"en": "Areas in Chiang Mai", "th": "พื้นที่ในจังหวัดเชียงใหม่"}[lang]
    page.get_by_text(title).wait_for(timeout=15_000)
    assert frame.evaluate("document.activeElement.tagName") != "path"
    assert frame.evaluate("getComputedStyle(document.querySelector(\"path[data-code='TH-50']\")).outlineStyle") in (
        "none",
        "",
    )
    assert top > 0
    # Another "as of": the panel follows it.
    page.locator(".st-key-phone_filters").get_by_role(
        "radio", name="รอบที่ 1 (2564)" if lang == "th" else "Round 1 (2021)"
    ).click()
    page.wait_for_function("() => location.search.includes('round=1')", timeout=30_000)
    page.get_by_text(title).wait_for(timeout=15_000)
    page.wait_for_timeout(500)
    width = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.querySelector(\"[data-testid='stMain']\").scrollWidth]"
    )
    assert width[0] <= PHONE["width"] and width[1] <= PHONE["width"]
    screenshot(page, f"journey-phone-{lang}")
    assert blocked.urls == []
    page.context.close()


WIDE_PAGES = {
    "data?lang=en": "Download CSV",
    "investment?lang=th": "ทุกตัวเลขตามที่ประกาศ",
    "?lang=en&province=TH-10": "Areas in Bangkok",
}


@pytest.mark.parametrize("width", [390, 768, 1024, 1400, 1920])
def test_no_page_is_wider_than_its_window(server, browser, width):
    """Long percent-encoded source URLs break rather than widen the page (the Data page's lists,
    the panels)."""
    for path, marker in WIDE_PAGES.items():
        page, blocked = offline_page(browser, width=width, height=900, is_mobile=width < 500, has_touch=width < 500)
        page.goto(f"{server}/{path}")
        page.get_by_text(marker).first.wait_for(timeout=30_000)
        page.wait_for_timeout(1500)
        sizes = page.evaluate(
            """() => { const main = document.querySelector("[data-testid='stMain']");
                       return [document.documentElement.scrollWidth, main.scrollWidth, main.clientWidth]; }"""
        )
        assert sizes[0] <= width and sizes[1] <= sizes[2], (path, sizes)
        assert blocked.urls == []
        page.context.close()


# The language switch's two names, each whole inside its button, and the switch inside the page.
SWITCH = """() => {
  const box = e => e.getBoundingClientRect();
  const main = box(document.querySelector("[data-testid='stMainBlockContainer']"));
  return [...document.querySelectorAll(".st-key-lang_widget button")].map(b => {
    const words = b.querySelector("p") || b;
    const r = box(b), clip = box(b.closest("[data-testid='stColumn']"));
    return {name: b.innerText.trim(), cut: words.scrollWidth > words.clientWidth + 1,
            outside: r.left < Math.max(main.left, clip.left) - 1 || r.right > Math.min(main.right, clip.right) + 1};
  });
}"""


@pytest.mark.parametrize("width", [390, 768, 1024, 1400])
def test_the_language_switch_is_whole(server, browser, width):
    page, blocked = offline_page(browser, width=width, height=800, is_mobile=width < 500, has_touch=width < 500)
    page.goto(f"{server}/?lang=th")
    page.locator(".st-key-lang_widget button").nth(1).wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    buttons = page.evaluate(SWITCH)
    assert buttons == [
        {"name": "ไทย", "cut": False, "outside": False},
        {"name": "English", "cut": False, "outside": False},
    ]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert blocked.urls == []
    page.context.close()


# On the targets chart: no words among the lines (they ran into each other and into the lines),
# and its legend's names whole, apart and inside the page.
TARGETS = """() => {
  const box = e => e.getBoundingClientRect();
  const meet = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const svg = document.querySelector("[data-testid='stVegaLiteChart'] svg.marks");
  const main = box(document.querySelector("[data-testid='stMainBlockContainer']"));
  const names = [...document.querySelectorAll(".scm-chart-legend li")];
  return {
    onChart: svg.querySelectorAll("g.mark-text.role-mark text, .role-legend-label text").length,
    names: names.map(n => n.innerText.trim()),
    cut: names.filter(n => n.scrollWidth > n.clientWidth + 1 || box(n).right > main.right + 1).length,
    overlaps: names.flatMap((a, i) => names.slice(i + 1).filter(b => meet(box(a), box(b)))).length,
    document: document.documentElement.scrollWidth,
  };
}"""


@pytest.mark.parametrize(("width", "lang"), [(390, "th"), (390, "en"), (1024, "th"), (1400, "en")])
def test_the_targets_are_named_without_overlap(server, browser, width, lang):
    page, blocked = offline_page(browser, width=width, height=900, is_mobile=width < 500, has_touch=width < 500)
    page.goto(f"{server}/targets?lang={lang}")
    page.locator("[data-testid='stVegaLiteChart'] svg.marks g.mark-rule").first.wait_for(timeout=30_000)
    page.locator(".scm-chart-legend").scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    chart = page.evaluate(TARGETS)
    screenshot(page, f"journey-targets-{width}-{lang}")
    assert chart["onChart"] == 0
    assert (chart["cut"], chart["overlaps"]) == (0, 0), chart
    assert chart["document"] <= width
    targets = {
        "en": ["Target: 100 by 2022 (stated 2019; 2020)", "Target: 100 by 2024 (stated 2020)"],
        "th": ["เป้าหมาย 100 ภายใน 2565 (ประกาศ 2562; 2563)", "เป้าหมาย 100 ภายใน 2567 (ประกาศ 2563)"],
    }[lang]
    assert chart["names"][2:4] == targets and len(chart["names"]) == 5
    assert blocked.urls == []
    page.context.close()


LEGENDS = """() => [...document.querySelectorAll("[data-testid='stVegaLiteChart'] svg.marks")].flatMap(svg => {
  const edge = svg.getBoundingClientRect();
  return [...svg.querySelectorAll(".role-legend-label text")].map(t => t.getBoundingClientRect())
    .filter(b => b.left < edge.left - 1 || b.right > edge.right + 1).map(() => 1);
}).length"""


@pytest.mark.parametrize(("width", "lang"), [(390, "th"), (390, "en"), (1024, "en")])
def test_the_timeline_charts_legend_is_whole(server, browser, width, lang):
    page, blocked = offline_page(browser, width=width, height=900, is_mobile=width < 500, has_touch=width < 500)
    page.goto(f"{server}/timeline?lang={lang}")
    page.locator("[data-testid='stVegaLiteChart'] svg.marks .role-legend-label text").first.wait_for(
        state="attached", timeout=30_000
    )
    page.wait_for_timeout(500)
    assert page.evaluate(LEGENDS) == 0
    assert blocked.urls == []
    page.context.close()
