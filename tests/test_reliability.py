"""Bad data never produces a traceback: each page names the problem and shows what it still can."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui.caches
from smartcity.output.mapassets import (
    SCRIPT_PARTS,
    STYLE_PARTS,
    bundle_name,
    bundle_paths,
    bundle_text,
    served_boundaries_text,
)
from test_validation import edit_cell
from testkit.apptest import open_page
from ui.pages import PAGES as PAGE_ENTRIES
from ui.pages import PRESENTER_PAGE

PROJECT_DIR = Path(__file__).resolve().parent.parent
DASHBOARD = str(PROJECT_DIR / "dashboard.py")
# The pages under the frame's problems box (the presenter's stage shows no chrome).
PAGES = [entry.script for entry in PAGE_ENTRIES if entry.url_path != PRESENTER_PAGE]
MAP_PAGES = {entry.script for entry in PAGE_ENTRIES if entry.has_map}


def run_page(page: str, lang: str = "en") -> AppTest:
    """``page`` opened in the dashboard; it fails the test if the page raised."""
    return open_page(page, lang=lang)


def problems_shown(app: AppTest) -> list[str]:
    return [line for block in app.code for line in block.value.splitlines()]


@pytest.mark.parametrize("page", PAGES)
def test_a_bad_row_is_named_on_every_page_and_the_rest_is_shown(data_copy, monkeypatch, page):
    edit_cell(data_copy / "certified_areas.csv", 2, "province_code", "Khon Kean")
    monkeypatch.setenv("SMARTCITY_DATA_DIR", str(data_copy))
    app = run_page(page)
    assert not app.exception
    assert [e.value for e in app.error][:1] == ["Problems found in the data files"]
    assert problems_shown(app) == [
        "certified_areas.csv:2: province_code: 'Khon Kean': not a province; did you mean 'Khon Kaen' (TH-40)?"
    ]
    if page == "pages/overview.py":
        assert {m.label: m.value for m in app.metric}["Certified areas"] == "30"  # 31 less the bad row


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["th", "en"])
def test_missing_boundaries_leave_every_page_usable(tmp_path, monkeypatch, page, lang):
    monkeypatch.setenv("SMARTCITY_BOUNDARIES", str(tmp_path / "gone.geojson"))
    app = run_page(page, lang)
    assert not app.exception
    assert problems_shown(app) == [
        f"gone.geojson: (file): '{tmp_path / 'gone.geojson'}': file not found; rebuild it with geo/build_provinces.py"
    ]
    if page in MAP_PAGES:
        expected = {
            "en": "The map cannot be drawn because the province boundary file has problems (see above)",
            "th": "แสดงแผนที่ไม่ได้ เพราะไฟล์ขอบเขตจังหวัดมีปัญหา (ดูรายละเอียดด้านบน)",
        }[lang]
        assert expected in [e.value for e in app.error]
    if page == "pages/overview.py":
        assert {m.label: m.value for m in app.metric}.get("Certified areas", "31") == "31"


def test_an_edited_table_shows_on_a_run_a_second_later_without_a_restart(data_copy, monkeypatch):
    monkeypatch.setenv("SMARTCITY_DATA_DIR", str(data_copy))
    app = run_page("pages/overview.py")
    assert problems_shown(app) == []
    edit_cell(data_copy / "certified_areas.csv", 2, "province_code", "Khon Kean")
    app.run()  # within the second the files' stamp is reused: no listing of data/ on every call
    assert problems_shown(app) == []
    time.sleep(ui.caches.STAMP_SECONDS)
    app.run()
    assert problems_shown(app) == [
        "certified_areas.csv:2: province_code: 'Khon Kean': not a province; did you mean 'Khon Kaen' (TH-40)?"
    ]
    assert {m.label: m.value for m in app.metric}["Certified areas"] == "30"


def test_a_corrupt_boundary_file_is_named(tmp_path, monkeypatch):
    corrupt = tmp_path / "provinces.geojson"
    corrupt.write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("SMARTCITY_BOUNDARIES", str(corrupt))
    app = run_page("pages/overview.py")
    assert not app.exception
    assert problems_shown(app) == [
        f"provinces.geojson: (file): '{corrupt}': not a GeoJSON FeatureCollection (JSONDecodeError); rebuild it with geo/build_provinces.py"
    ]


@pytest.mark.parametrize("page", PAGES)
def test_a_semicolon_csv_is_named_and_the_app_runs(data_copy, monkeypatch, page):
    path = data_copy / "claims.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    monkeypatch.setenv("SMARTCITY_DATA_DIR", str(data_copy))
    app = run_page(page)
    assert not app.exception
    assert problems_shown(app)[0].startswith("claims.csv:1: (header): 'claim_id;round;metric;")


def test_an_empty_data_directory_still_opens(tmp_path, monkeypatch):
    monkeypatch.setenv("SMARTCITY_DATA_DIR", str(tmp_path))
    for page in PAGES:
        app = run_page(page)
        assert not app.exception, page
        assert "provinces.csv: (file): " in problems_shown(app)[-1] or problems_shown(app)


def test_server_settings():
    config = tomllib.loads((PROJECT_DIR / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableStaticServing"] is True
    assert config["server"]["maxUploadSize"] == 1
    assert config["server"]["fileWatcherType"] == "none"
    assert config["server"]["enableWebsocketCompression"] is True
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"


def test_static_serving_holds_only_the_map_assets():
    static = PROJECT_DIR / "static"
    assert sorted(p.relative_to(static).as_posix() for p in static.rglob("*") if p.is_file()) == [
        "geo/provinces.geojson",
        "icons/LICENSE",
        "icons/material-symbols-rounded.woff2",
        "leaflet-gesture-handling/LICENSE",
        "leaflet-gesture-handling/leaflet-gesture-handling.min.css",
        "leaflet-gesture-handling/leaflet-gesture-handling.min.js",
        "leaflet/LICENSE",
        "leaflet/leaflet.css",
        "leaflet/leaflet.js",
        f"map/{bundle_name('css')}",
        f"map/{bundle_name('js')}",
    ]


def test_the_served_leaflet_is_the_pinned_packages_copy():
    import xstatic.pkg.leaflet as xstatic_leaflet
    import xstatic.pkg.leaflet_gesturehandling as xstatic_gestures

    for package, folder, name in (
        (xstatic_leaflet, "leaflet", "leaflet.js"),
        (xstatic_leaflet, "leaflet", "leaflet.css"),
        (xstatic_gestures, "leaflet-gesture-handling", "leaflet-gesture-handling.min.js"),
        (xstatic_gestures, "leaflet-gesture-handling", "leaflet-gesture-handling.min.css"),
    ):
        assert (PROJECT_DIR / "static" / folder / name).read_bytes() == (Path(package.BASE_DIR) / name).read_bytes()


def test_the_maps_bundles_are_made_from_the_served_files():
    """static/map/ holds Leaflet and its plugin as one script, their styles as one sheet, each
    named by its content's hash (python -m smartcity.output.mapassets writes them again)."""
    for kind, path in bundle_paths().items():
        parts = SCRIPT_PARTS if kind == "js" else STYLE_PARTS
        assert path.read_text(encoding="utf-8") == bundle_text(parts)
        for part in parts:
            assert part.read_text(encoding="utf-8").strip() in path.read_text(encoding="utf-8")


def test_the_served_boundaries_are_the_boundary_file_rounded():
    """The browser fetches static/geo/provinces.geojson: geo/'s file as built, rounded to 0.001
    degree, with the 77 codes and borders that neighbours still share point for point."""
    import json

    served = PROJECT_DIR / "static" / "geo" / "provinces.geojson"
    assert served.read_text(encoding="utf-8") == served_boundaries_text(PROJECT_DIR / "geo" / "provinces.geojson")
    features = json.loads(served.read_text(encoding="utf-8"))["features"]
    built = json.loads((PROJECT_DIR / "geo" / "provinces.geojson").read_text(encoding="utf-8"))["features"]
    assert len(features) == 77
    assert [f["properties"] for f in features] == [{"code": f["properties"]["code"]} for f in built]
    assert served.stat().st_size < (PROJECT_DIR / "geo" / "provinces.geojson").stat().st_size * 0.9
    points = {}
    for feature in features:
        rings = feature["geometry"]["coordinates"]
        polygons = rings if feature["geometry"]["type"] == "MultiPolygon" else [rings]
        for ring in (ring for polygon in polygons for ring in polygon):
            for xy in ring:
                points.setdefault(tuple(xy), set()).add(feature["properties"]["code"])
    # Bangkok (TH-10) and Nonthaburi (TH-12) share a border: at least a few points in common.
    assert sum(1 for codes in points.values() if {"TH-10", "TH-12"} <= codes) >= 5


def test_the_app_never_writes_to_data_or_geo(tmp_path):
    """Open every page; data/ and geo/ are byte-identical afterwards."""

    def snapshot() -> dict[str, bytes]:
        return {str(p): p.read_bytes() for d in ("data", "geo") for p in (PROJECT_DIR / d).rglob("*") if p.is_file()}

    before = snapshot()
    for page in PAGES:
        assert not run_page(page).exception
    assert snapshot() == before
