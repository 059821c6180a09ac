"""The map is a folium.Map we can inspect: 77 features, colours by bin, escaped tooltips, no CDN."""

from __future__ import annotations

import json
import re

import pytest

from smartcity.choropleth import (
    AREA_COUNT_COLOURS,
    STATUS_COLOURS,
    build_choropleth,
    legend_items,
    province_at,
    round_colour,
)
from smartcity.choropleth import (
    NO_AREA_COLOUR as NO_AREA_COLOURS_CHECK,
)
from smartcity.join import join_to_provinces, rounds_up_to

LABELS = {1: "Round 1 (2021)", 2: "Round 2 (2022)"}


def geojson_of(fmap) -> dict:
    layer = next(c for c in fmap._children.values() if type(c).__name__ == "GeoJson")
    return layer.data, layer


def test_all_77_provinces_are_drawn_with_no_external_url(real_tables, real_boundaries):
    fmap = build_choropleth(join_to_provinces(real_tables, real_boundaries), "area_count", "en", LABELS)
    data, _ = geojson_of(fmap)
    assert len(data["features"]) == 77
    rendered = fmap.get_root().render()
    assert re.findall(r"https?://", rendered) == []
    assert '"/app/static/leaflet/leaflet.js"' in rendered or "/app/static/leaflet/leaflet.js" in rendered
    assert "cdn" not in rendered.lower()


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
    joined = join_to_provinces(real_tables, real_boundaries, rounds_up_to(real_tables, 2))
    fmap = build_choropleth(joined, metric, "en", LABELS)
    _, layer = geojson_of(fmap)
    assert layer.style_function({"id": code})["fillColor"] == colour


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
    fmap = build_choropleth(join_to_provinces(real_tables, real_boundaries), "status", "en", LABELS)
    data, layer = geojson_of(fmap)
    style = layer.style_function({"id": code})
    assert style["fillColor"] == colour
    assert ("dashArray" in style) is dashed
    legend = [i.label for i in legend_items(join_to_provinces(real_tables, real_boundaries), "status", "en", LABELS)]
    assert legend == [
        "Has a certified area",
        "Has a renewed area",
        "Reported only, award not found",
        "No certified area",
    ]
    tooltip = next(f for f in data["features"] if f["id"] == "TH-24")["properties"]["tooltip"]
    assert "Tambon Theppharat (Reported, award not found)" in tooltip


def test_reported_only_provinces_are_outlined_in_every_colouring(real_tables, real_boundaries):
    joined = join_to_provinces(real_tables, real_boundaries, rounds_up_to(real_tables, 3))
    for metric in ("area_count", "first_round", "population"):
        _, layer = geojson_of(build_choropleth(joined, metric, "th", LABELS))
        assert layer.style_function({"id": "TH-11"})["dashArray"] == "5 4"
        assert "dashArray" not in layer.style_function({"id": "TH-10"})
        labels = [i.label for i in legend_items(joined, metric, "th", LABELS)]
        assert labels[-1] == "เส้นประ: มีรายงาน ยังไม่พบการมอบตรา"


def test_no_area_is_clearly_distinct_from_one_area():
    def luminance(hex_colour: str) -> float:
        r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    assert luminance(NO_AREA_COLOURS_CHECK) - luminance(AREA_COUNT_COLOURS[0]) > 0.15


def test_tooltips_name_the_province_in_the_language_and_list_its_areas(real_tables, real_boundaries):
    joined = join_to_provinces(real_tables, real_boundaries)
    data, _ = geojson_of(build_choropleth(joined, "area_count", "th", LABELS))
    tooltip = next(f for f in data["features"] if f["id"] == "TH-10")["properties"]["tooltip"]
    assert tooltip.startswith("<b>กรุงเทพมหานคร</b>")
    assert "4 พื้นที่" in tooltip and "สามย่านสมาร์ทซิตี้" in tooltip


def test_hostile_names_are_escaped_in_tooltips_and_legend(tiny_tables, tiny_boundaries):
    joined = join_to_provinces(tiny_tables, tiny_boundaries)
    joined.loc["TH-01", "area_names_en"] = "<img src=x onerror=alert(1)>\n${alert(2)}`"
    joined.loc["TH-01", "name_en"] = "<script>alert(3)</script>"
    labels = {1: "</script><script>alert(4)</script>", 2: "R2"}
    fmap = build_choropleth(joined, "first_round", "en", labels)
    data, _ = geojson_of(fmap)
    tooltip = next(f for f in data["features"] if f["id"] == "TH-01")["properties"]["tooltip"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in tooltip
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in tooltip
    rendered = fmap.get_root().render()
    assert "<img src=x" not in rendered and "<script>alert" not in rendered
    assert "</script><script>alert(4)" not in rendered


def test_the_legend_says_what_each_colour_means(real_tables, real_boundaries):
    joined = join_to_provinces(real_tables, real_boundaries, rounds_up_to(real_tables, 2), regions=["South"])
    items = [i.label for i in legend_items(joined, "area_count", "en", LABELS)]
    assert items == ["1 area", "2 areas", "3+ areas", "No certified area", "Outside the selected region"]
    items = [
        i.label
        for i in legend_items(
            join_to_provinces(real_tables, real_boundaries, rounds_up_to(real_tables, 2)), "first_round", "th", LABELS
        )
    ]
    assert items[-1] == "ไม่มีพื้นที่ที่ได้รับการรับรอง"


def test_a_region_filter_zooms_to_the_region(real_tables, real_boundaries):
    fmap = build_choropleth(
        join_to_provinces(real_tables, real_boundaries, rounds_up_to(real_tables, 2), ["South"]),
        "area_count",
        "en",
        LABELS,
    )
    rendered = fmap.get_root().render()
    bounds = json.loads(re.search(r"fitBounds\(\s*(\[\[.*?\]\])", rendered, re.S).group(1))
    (south, west), (north, _) = bounds
    assert 5 < south < 6.5 and north < 11.5 and west > 97


@pytest.mark.parametrize(
    ("lat", "lng", "code"),
    [(18.79, 98.98, "TH-50"), (13.75, 100.5, "TH-10"), (7.89, 98.38, "TH-83"), (10.0, 95.0, None)],
)
def test_a_click_resolves_to_the_province_under_it(real_boundaries, lat, lng, code):
    assert province_at(real_boundaries, lat, lng) == code


def test_an_unknown_metric_is_refused(tiny_tables, tiny_boundaries):
    with pytest.raises(ValueError, match="metric 'money' is not one of area_count, status, first_round, population"):
        build_choropleth(join_to_provinces(tiny_tables, tiny_boundaries), "money", "en", LABELS)
