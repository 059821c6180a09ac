"""The map: folium builds it (77 provinces, no CDN), and each view's colours, escaped tooltips and legend."""

from __future__ import annotations

import json

import folium
import pytest
import streamlit_folium

from smartcity.model.join import join_to_provinces
from smartcity.model.view import AsOf
from smartcity.output.choropleth import (
    AREA_COUNT_COLOURS,
    STATUS_COLOURS,
    legend_items,
    round_colour,
    tooltip_head,
    view_spec,
)
from smartcity.output.choropleth import (
    NO_AREA_COLOUR as NO_AREA_COLOURS_CHECK,
)
from smartcity.output.foliummap import build_base_map, build_choropleth, build_view_layer
from smartcity.output.mapassets import asset_urls, bundle_name, inline_bundle

LABELS = {1: "Round 1 (2021)", 2: "Round 2 (2022)"}


def spec_for(joined, metric: str, lang: str = "en", labels=LABELS, selected: str | None = None) -> dict:
    """The view's spec with each province's style and whole tooltip as the browser makes them."""
    spec = view_spec(joined, metric, lang, labels, selected=selected)
    return spec | {
        "styles": {code: spec["palette"][index] for code, index in spec["styles"].items()},
        "tooltips": {
            code: f"{tooltip_head(row, lang)}<br>{spec['bodies'].get(code, spec['none'])}"
            for code, row in joined.iterrows()
        },
    }


def rendered(fmap) -> str:
    return fmap.get_root().render()


def test_folium_draws_all_77_provinces_with_no_external_url(real_tables, real_boundaries):
    joined = join_to_provinces(real_tables, real_boundaries)
    fmap = build_choropleth(joined, "area_count", "en", LABELS)
    layer = next(c for c in fmap._children.values() if isinstance(c, folium.GeoJson) and c.layer_name == "provinces")
    assert len(layer.data["features"]) == 77
    html = rendered(fmap)
    assert inline_bundle("js") in html  # Leaflet and the map's behaviour: their text names web sites
    html = html.replace(inline_bundle("js"), "").replace(inline_bundle("css"), "")
    assert "http://" not in html and "https://" not in html and "cdn" not in html.lower()
    assert "L.tileLayer" not in html  # no basemap
    assert "window.scmChoropleth.apply(" in html and html.count('"TH-') >= 77


def test_the_dashboard_map_loads_only_the_apps_own_files(real_tables, real_boundaries):
    fmap = build_base_map(
        join_to_provinces(real_tables, real_boundaries), "th", "/app/static/geo/p.geojson", asset_urls()
    )
    # One script (Leaflet and its gesture handling) and one stylesheet: streamlit-folium loads
    # scripts one after another, so each more file is one more wait.
    assert [url for _, url in fmap.default_js] == [f"/app/static/map/{bundle_name('js')}"]
    assert [url for _, url in fmap.default_css] == [f"/app/static/map/{bundle_name('css')}"]
    assert "gestureHandling" in fmap.get_root().render()
    script = streamlit_folium._get_map_string(fmap.get_root().render() and fmap)
    # The boundaries are fetched from the served file (not embedded: the programme layers'
    # points are), by the browser's own request: no jQuery.
    assert "request.open('GET', \"/app/static/geo/p.geojson\", false)" in script and "Polygon" not in script
    assert "$." not in script and "jquery" not in script.lower()


def test_the_base_map_is_the_same_for_every_view_so_the_frame_is_kept(real_tables, real_boundaries):
    """streamlit-folium keys its frame on the base map's script: a filter change must not alter it."""

    def frame_key(joined) -> str:
        fmap = build_base_map(joined, "en", "/app/static/geo/p.geojson", asset_urls())
        fmap.get_root().render()
        return streamlit_folium.generate_js_hash(streamlit_folium._get_map_string(fmap), "overview_map")

    everything = join_to_provinces(real_tables, real_boundaries)
    round_one = join_to_provinces(real_tables, real_boundaries, AsOf(rounds=(1,), date=None), ["South"])
    assert frame_key(everything) == frame_key(round_one)
    assert view_spec(everything, "area_count", "en", LABELS) != view_spec(round_one, "area_count", "en", LABELS)


def test_a_view_layer_carries_only_the_view(real_tables, real_boundaries):
    joined = join_to_provinces(real_tables, real_boundaries)
    fmap = build_base_map(joined, "th", "/app/static/geo/p.geojson", asset_urls())
    fmap.get_root().render()
    group = streamlit_folium._get_feature_group_string(
        build_view_layer(view_spec(joined, "status", "th", LABELS)), fmap
    )
    assert "coordinates" not in group
    assert len(group.encode()) < 12_000


@pytest.mark.parametrize(
    ("metric", "code", "colour"),
    [
        ("area_count", "TH-10", AREA_COUNT_COLOURS[2]),  # Bangkok, 4 areas: the darkest step
        ("area_count", "TH-50", AREA_COUNT_COLOURS[1]),  # Chiang Mai, 2 areas
        ("area_count", "TH-92", AREA_COUNT_COLOURS[0]),  # Trang, 1 area
        ("area_count", "TH-63", NO_AREA_COLOURS_CHECK),  # Tak, none
        ("first_round", "TH-21", round_colour(1)),  # Rayong: first certified in round 1
        ("first_round", "TH-57", round_colour(2)),  # Chiang Rai: round 2
        ("population", "TH-10", "#253494"),  # Bangkok, 5.7 million: the top bin
        ("population", "TH-63", NO_AREA_COLOURS_CHECK),
    ],
)
def test_colours_follow_the_bins(real_tables, real_boundaries, metric, code, colour):
    joined = join_to_provinces(real_tables, real_boundaries, AsOf.of_round(real_tables, 2))
    assert spec_for(joined, metric)["styles"][code]["fillColor"] == colour


@pytest.mark.parametrize(
    ("code", "colour", "dashed"),
    [
        ("TH-40", STATUS_COLOURS["renewed"], False),  # Khon Kaen, renewed 2025
        ("TH-10", STATUS_COLOURS["certified"], False),  # Bangkok
        ("TH-11", STATUS_COLOURS["reported"], True),  # Samut Prakan: reported 2023, no award found
        ("TH-80", STATUS_COLOURS["reported"], True),
        ("TH-63", NO_AREA_COLOURS_CHECK, False),
    ],
)
def test_the_status_colouring_and_the_dashed_outline(real_tables, real_boundaries, code, colour, dashed):
    spec = spec_for(join_to_provinces(real_tables, real_boundaries), "status")
    style = spec["styles"][code]
    assert style["fillColor"] == colour
    assert (style["dashArray"] is not None) is dashed
    legend = [i.label for i in legend_items(join_to_provinces(real_tables, real_boundaries), "status", "en", LABELS)]
    assert legend == [
        "Has a certified area",
        "Has a renewed area",
        "Reported only, award not found",
        "No certified area",
    ]
    tooltip = spec["tooltips"]["TH-24"]
    assert "Tambon Theppharat (Reported, award not found)" in tooltip


def test_reported_only_provinces_are_outlined_in_every_colouring(real_tables, real_boundaries):
    joined = join_to_provinces(real_tables, real_boundaries, AsOf.of_round(real_tables, 3))
    for metric in ("area_count", "first_round", "population"):
        styles = spec_for(joined, metric, "th")["styles"]
        assert styles["TH-11"]["dashArray"] == "5 4"
        assert styles["TH-10"]["dashArray"] is None
        labels = [i.label for i in legend_items(joined, metric, "th", LABELS)]
        assert labels[-1] == "เส้นประ: มีรายงาน ยังไม่พบการมอบตรา"


def test_no_area_is_clearly_distinct_from_one_area():
    def luminance(hex_colour: str) -> float:
        r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    assert luminance(NO_AREA_COLOURS_CHECK) - luminance(AREA_COUNT_COLOURS[0]) > 0.15


def test_tooltips_name_the_province_in_the_language_and_list_its_areas(real_tables, real_boundaries):
    joined = join_to_provinces(real_tables, real_boundaries)
    tooltip = spec_for(joined, "area_count", "th")["tooltips"]["TH-10"]
    assert tooltip.startswith("<b>กรุงเทพมหานคร</b>")
    assert "4 พื้นที่" in tooltip and "สามย่านสมาร์ทซิตี้" in tooltip


def test_hostile_names_are_escaped_in_tooltips_and_legend(tiny_tables, tiny_boundaries):
    joined = join_to_provinces(tiny_tables, tiny_boundaries)
    joined.loc["TH-01", "area_names_en"] = "<img src=x onerror=alert(1)>\n${alert(2)}`"
    joined.loc["TH-01", "name_en"] = "<script>alert(3)</script>"
    labels = {1: "</script><script>alert(4)</script>", 2: "R2"}
    spec = spec_for(joined, "first_round", labels=labels)
    tooltip = spec["tooltips"]["TH-01"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in tooltip
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in tooltip
    assert "<img src=x" not in json.dumps(spec["tooltips"]) and "<script>alert" not in json.dumps(spec["tooltips"])
    # The legend is drawn with textContent (choropleth.js), so its labels stay as given.
    assert "</script><script>alert(4)</script>" in [i["label"] for i in spec["legend"]["items"]]
    # In the page folium writes, nothing of them can close the script or run in a template literal.
    html = rendered(build_choropleth(joined, "first_round", "en", labels))
    assert "<img src=x" not in html and "<script>alert" not in html and "</script><script>alert(4)" not in html
    assert "${alert(2)}" not in html


def test_the_legend_says_what_each_colour_means(real_tables, real_boundaries):
    joined = join_to_provinces(real_tables, real_boundaries, AsOf.of_round(real_tables, 2), regions=["South"])
    items = [i.label for i in legend_items(joined, "area_count", "en", LABELS)]
    assert items == ["1 area", "2 areas", "3+ areas", "No certified area", "Outside the selected region"]
    items = [
        i.label
        for i in legend_items(
            join_to_provinces(real_tables, real_boundaries, AsOf.of_round(real_tables, 2)), "first_round", "th", LABELS
        )
    ]
    assert items[-1] == "ไม่มีพื้นที่ที่ได้รับการรับรอง"


def test_a_region_filter_zooms_to_the_region(real_tables, real_boundaries):
    spec = spec_for(
        join_to_provinces(real_tables, real_boundaries, AsOf.of_round(real_tables, 2), ["South"]), "area_count"
    )
    (south, west), (north, _) = spec["bounds"]
    assert 5 < south < 6.5 and north < 11.5 and west > 97


def test_the_selected_province_is_outlined_and_named(real_tables, real_boundaries):
    spec = spec_for(join_to_provinces(real_tables, real_boundaries), "area_count", selected="TH-50")
    assert spec["selected"] == "TH-50"
    assert spec["styles"]["TH-50"]["weight"] == 3 and spec["styles"]["TH-10"]["weight"] == 0.6


def test_an_unknown_metric_is_refused(tiny_tables, tiny_boundaries):
    with pytest.raises(ValueError, match="metric 'money' is not one of area_count, status, first_round, population"):
        spec_for(join_to_provinces(tiny_tables, tiny_boundaries), "money")
