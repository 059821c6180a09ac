"""The self-contained export opens from file:// with all network blocked and works fully."""

from __future__ import annotations

import gzip
import re
import subprocess

import pytest

from smartcity.__main__ import main
from smartcity.model.milestones import timeline_steps
from smartcity.output.choropleth import SELECTED_OUTLINE
from smartcity.output.export import export_map, export_views, timeline_views
from smartcity.theme import NO_AREA_COLOUR
from testkit.browser import chromium, file_page

NO_AREA = NO_AREA_COLOUR
SHADED = f"() => [...document.querySelectorAll('path[data-code]')].filter(p => p.getAttribute('fill') !== '{NO_AREA}').length"
DASHED = (
    "() => [...document.querySelectorAll('path[data-code]')].filter(p => p.getAttribute('stroke-dasharray')).length"
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("usb")
    assert main(["export", str(out)]) == 0
    return out / "index.html"


def test_the_export_is_one_file_with_everything_inside(exported):
    page = exported.read_text(encoding="utf-8")
    assert "Leaflet 1.9.3" in page
    # Nothing is fetched: no external script, image or stylesheet (Leaflet's attribution link is only a link).
    assert re.findall(r"""src\s*=\s*["']https?:""", page) == []
    assert re.findall(r"""<link[^>]+href\s*=\s*["']https?:""", page) == []
    assert "<script src" not in page and '<link rel="stylesheet"' not in page
    # Every round in both languages, of the country and of each of the six regions, and the
    # timeline's steps; a news reader's phone gets it compressed.
    assert exported.stat().st_size < 800_000
    assert len(gzip.compress(exported.read_bytes(), 6)) < 200 * 1024


def test_the_export_shows_progress(tmp_path, capsys):
    assert main(["export", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line[:4] for line in lines] == ["1/3 ", "2/3 ", "3/3 "]


def test_every_round_has_its_view_made_with_the_dashboards_rules(real_tables, real_boundaries):
    steps = export_views(real_tables, real_boundaries)
    assert [step["en"]["button"] for step in steps] == [
        "Round 1 (2021)",
        "Round 2 (2022)",
        "2023 (reported)",
        "2025 (1 added)",
    ]
    assert [step["en"]["figures"]["areas"] for step in steps] == ["15", "30", "30", "31"]
    assert [step["th"]["figures"]["provinces"] for step in steps] == [
        "11 จาก 77",
        "23 จาก 77",
        "25 จาก 77",
        "25 จาก 77",
    ]
    # The same spec the dashboard's map gets: 77 provinces, a legend of the rounds so far.
    assert all(len(step["th"]["spec"]["styles"]) == 77 for step in steps)
    assert [item["label"] for item in steps[0]["en"]["spec"]["legend"]["items"]] == [
        "Round 1 (2021)",
        "No certified area",
    ]
    assert (
        steps[2]["en"]["caption"] == "As of 2023 (reported) · reported 27 Jul 2023 · 6 more reported, award not found"
    )


def test_folium_writes_the_export_from_the_dashboards_base_map(real_tables, real_boundaries):
    fmap = export_map(real_tables, real_boundaries, "2025-08-27")
    assert fmap.default_js == [] and fmap.default_css == []  # Leaflet is inline instead
    page = fmap.get_root().render()
    assert page.count("window.scmChoropleth.attach(") == 1 and '"coordinates"' in page


@pytest.mark.browser
def test_the_export_works_from_file_with_no_network(exported):
    with chromium() as browser:
        page, attempted, errors = file_page(browser)
        page.goto(exported.as_uri())
        page.wait_for_function("() => document.querySelectorAll('path[data-code]').length === 77")
        assert page.evaluate(SHADED) == 23  # 2025: the two reported-only provinces are outlined, not shaded
        assert page.inner_text("#value-areas") == "31"
        assert page.evaluate(DASHED) == 2
        page.click("#previous")
        assert page.inner_text("#value-areas") == "30"
        assert "6 more reported" in page.inner_text("#caption") or "มีรายงานอีก 6 พื้นที่" in page.inner_text("#caption")
        page.click("#previous")
        assert page.evaluate(DASHED) == 0
        assert page.inner_text("#value-areas") == "30"
        page.click("#previous")
        assert page.evaluate(SHADED) == 11
        assert page.inner_text("#value-areas") == "15"
        assert page.inner_text("#caption") == "ณ รอบที่ 1 (2564) · มอบตรา 24 ธ.ค. 2564"
        page.click("#next")  # round 2: the 30 areas in 23 provinces
        assert page.evaluate(SHADED) == 23
        assert page.inner_text("#value-provinces") == "23 จาก 77"
        page.click("#previous")
        page.click("[data-lang=en]")
        assert page.inner_text("h1") == "Thailand Smart City Map"
        assert page.inner_text("#caption") == "As of Round 1 (2021) · emblems awarded 24 Dec 2021"
        page.click("#play")
        page.wait_for_function("() => document.getElementById('caption').textContent.includes('Round 2')", timeout=8000)
        page.hover("path[data-code='TH-10']")
        assert "Bangkok" in page.inner_text(".leaflet-tooltip")
        assert page.locator("#sources a").count() > 10
        assert all(h.startswith("http") for h in page.eval_on_selector_all("#sources a", "els => els.map(a => a.href)"))
        assert attempted == [] and errors == []
        page.context.close()


@pytest.mark.browser
def test_a_link_opens_the_view_it_names_and_embeds_compactly(exported, real_tables, real_boundaries):
    """The news embed and the QR hand-off: ?lang=en&region=South&round=1&embed=1."""
    south = export_views(real_tables, real_boundaries, "South")[0]["en"]
    with chromium() as browser:
        page, attempted, errors = file_page(browser, width=390, height=700)
        page.goto(exported.as_uri() + "?lang=en&region=South&round=1&embed=1")
        page.wait_for_function("() => document.querySelectorAll('path[data-code]').length === 77")
        assert page.inner_text("#caption") == "As of Round 1 (2021) · emblems awarded 24 Dec 2021 · South"
        assert page.inner_text("#value-areas") == south["figures"]["areas"]
        legend = page.inner_text(".scm-legend")
        assert "Outside the selected region" in legend
        assert page.locator("header").is_hidden() and page.locator("#sources").is_hidden()
        # One button a round, all on screen; the map takes the rest of the frame; nothing scrolls.
        rounds = page.locator("#round-buttons button")
        assert rounds.count() == 4
        assert all(
            rounds.nth(i).bounding_box()["y"] >= 0
            and rounds.nth(i).bounding_box()["x"] + rounds.nth(i).bounding_box()["width"] <= 390
            for i in range(4)
        )
        assert page.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]") == [
            390,
            700,
        ]
        box = page.locator(".folium-map").bounding_box()
        assert box["height"] >= 300 and box["y"] + box["height"] <= 700
        page.goto(exported.as_uri() + "?region=Atlantis&round=9")  # unknown values: the default view
        page.wait_for_function("() => document.querySelectorAll('path[data-code]').length === 77")
        assert page.inner_text("#value-areas") == "31" and page.locator("header").is_visible()
        assert attempted == [] and errors == []
        page.context.close()


def test_each_timeline_step_has_the_view_the_timeline_shows_on_its_date(real_tables, real_boundaries):
    steps, views = timeline_views(real_tables, real_boundaries)
    assert len(steps) == len(timeline_steps(real_tables)) == 16
    assert len(views) < len(steps)  # steps between awards share their view
    assert steps[4]["caption"]["en"].startswith("24 Dec 2021 / 25 Dec 2021 · ")
    assert views[steps[0]["view"]]["en"]["figures"]["areas"] == "0"  # 2017: nothing awarded yet
    assert views[steps[4]["view"]]["en"]["figures"]["areas"] == "15"
    assert views[steps[-1]["view"]]["en"]["figures"]["areas"] == "31"


@pytest.mark.browser
def test_the_presenters_qr_opens_the_same_step_on_the_static_page(exported, real_tables, real_boundaries):
    steps, _ = timeline_views(real_tables, real_boundaries)
    with chromium() as browser:
        page, attempted, errors = file_page(browser, width=390, height=844)
        page.goto(exported.as_uri() + "?lang=en&step=5")
        page.wait_for_function("() => document.querySelectorAll('path[data-code]').length === 77")
        assert page.inner_text("#caption") == steps[4]["caption"]["en"]
        assert page.evaluate(SHADED) == 11 and page.inner_text("#value-areas") == "15"
        assert page.locator("#round-buttons button[aria-pressed='true']").count() == 0
        page.goto(exported.as_uri() + "?step=1")
        page.wait_for_function("() => document.querySelectorAll('path[data-code]').length === 77")
        assert page.evaluate(SHADED) == 0 and page.inner_text("#caption") == steps[0]["caption"]["th"]
        page.click("#next")  # a round chosen leaves the step: round 1 (from the last round, next wraps)
        assert page.inner_text("#value-areas") == "15"
        assert attempted == [] and errors == []
        page.context.close()


@pytest.mark.browser
def test_the_exports_layers_switch_on_and_off_in_both_languages(exported):
    markers = "() => document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive').length"
    with chromium() as browser:
        page, attempted, errors = file_page(browser)
        page.goto(exported.as_uri())
        page.wait_for_function("() => document.querySelectorAll('path[data-code]').length === 77")
        assert page.evaluate(markers) == 77
        page.locator(".scm-layer-switch", has_text="เทศบาลนำร่อง 12 แห่ง (2563)").locator("input").check()
        assert page.evaluate(markers) == 77 + 12
        page.click("[data-lang=en]")
        ascn = page.locator(".scm-layer-switch", has_text="ASEAN Smart Cities Network").locator("input")
        ascn.check()
        page.locator(".scm-layer-switch input[data-layer='ascn_2022-11-09']").check()
        assert page.evaluate(markers) == 77 + 12 + 7
        assert page.locator(".scm-layer-switch input[data-layer='pilots']").is_checked()  # kept through relabelling
        tooltips = page.evaluate(
            "() => window.scmChoropleth.state.overlays['ascn_2022-11-09'].getLayers().map(m => m.feature.properties.tooltip)"
        )
        assert any("Proposed to the ASCN on 9 Nov 2022; accession not found" in t for t in tooltips)
        page.click("#next")  # another view: the layers stay
        assert page.evaluate(markers) == 77 + 12 + 7
        ascn.uncheck()
        assert page.evaluate(markers) == 77 + 12 + 4
        assert attempted == [] and errors == []
        page.context.close()


def pixels_near(image, colour: str, within: int = 40) -> int:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return sum(
        count
        for count, (pr, pg, pb, *_) in image.getcolors(maxcolors=1 << 20)
        if abs(pr - r) + abs(pg - g) + abs(pb - b) <= within
    )


@pytest.mark.browser
def test_the_export_draws_in_firefox(exported, tmp_path):
    """Debian's Firefox ESR opens the file headless, with no network, and draws both rounds' colours."""
    from PIL import Image

    from smartcity.output.choropleth import round_colour

    shot, profile = tmp_path / "firefox.png", tmp_path / "profile"
    profile.mkdir()
    subprocess.run(
        ["firefox-esr", "--headless", "--no-remote", "--profile", str(profile),
         "--window-size", "1400,1000", "--screenshot", str(shot), exported.as_uri()],
        check=True, timeout=120, capture_output=True,
    )  # fmt: skip
    image = Image.open(shot).convert("RGB")
    # Round 1 (blue) and round 2 (orange) provinces: only there once the page's script has run.
    assert pixels_near(image, round_colour(1)) > 3000
    assert pixels_near(image, round_colour(2)) > 3000


def test_a_region_is_read_in_any_case_as_the_dashboard_and_the_command_line_read_it(exported):
    """``?region=south`` is the South on the dashboard and ``--region south`` on the command line:
    the export opens the South too, not the whole country."""
    with chromium() as browser:
        page, attempted, errors = file_page(browser)
        page.goto(exported.as_uri() + "?lang=en&region=south&round=1")
        page.wait_for_function("() => document.querySelectorAll('path[data-code]').length === 77")
        assert page.inner_text("#caption") == "As of Round 1 (2021) · emblems awarded 24 Dec 2021 · South"
        assert attempted == [] and errors == []
        page.context.close()


def test_a_link_with_a_province_outlines_it_on_every_round(exported):
    """``?province=TH-90`` (the dashboard's share link names the province so) outlines Songkhla as
    the dashboard outlines a chosen province, and keeps it outlined as the rounds change."""

    def outline(page, code: str) -> tuple[str | None, str | None]:
        path = page.locator(f'path[data-code="{code}"]')
        return path.get_attribute("stroke"), path.get_attribute("stroke-width")

    with chromium() as browser:
        page, attempted, errors = file_page(browser)
        page.goto(exported.as_uri() + "?lang=en&region=South&round=1&province=th-90")
        page.wait_for_function("() => document.querySelectorAll('path[data-code]').length === 77")
        assert outline(page, "TH-90") == (SELECTED_OUTLINE["color"], "3")
        assert outline(page, "TH-80")[1] != "3"
        page.click("#next")
        assert outline(page, "TH-90") == (SELECTED_OUTLINE["color"], "3")
        page.goto(exported.as_uri() + "?lang=en&region=South&round=1")
        page.wait_for_function("() => document.querySelectorAll('path[data-code]').length === 77")
        assert outline(page, "TH-90")[1] != "3"
        assert attempted == [] and errors == []
        page.context.close()
