"""The self-contained export opens from file:// with all network blocked and works fully."""

from __future__ import annotations

import re

import pytest

from browser import chromium
from smartcity.__main__ import main
from smartcity.export import export_data

NO_AREA = "#e6e6e6"
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
    assert exported.stat().st_size < 600_000


def test_the_export_shows_progress(tmp_path, capsys):
    assert main(["export", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line[:4] for line in lines] == ["1/3 ", "2/3 ", "3/3 "]


def test_export_data_holds_77_provinces_and_each_areas_status_by_round(real_tables, real_boundaries):
    data = export_data(real_tables, real_boundaries)
    assert len(data["features"]["features"]) == 77
    assert len(data["areas"]) == 37
    assert [r["round"] for r in data["rounds"]] == [1, 2, 3, 4]
    by_round = list(zip(*(a["status"] for a in data["areas"]), strict=True))
    assert [sum(s in ("certified", "renewed") for s in step) for step in by_round] == [15, 30, 30, 31]
    assert [step.count("reported") for step in by_round] == [0, 0, 6, 6]
    assert [step.count("renewed") for step in by_round] == [0, 0, 0, 5]


@pytest.mark.browser
def test_the_export_works_from_file_with_no_network(exported):
    with chromium() as browser:
        # bypass_csp lets the test's probes run; the page's own scripts are inline and need no CSP exception.
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=True)
        attempted: list[str] = []

        def route(r):
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                attempted.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
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
        context.close()
