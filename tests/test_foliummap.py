"""The folium map and its views on three square provinces: palette, tooltips, legend, export steps."""

from __future__ import annotations

import pytest
import streamlit_folium

from smartcity.model.join import join_to_provinces
from smartcity.model.view import AsOf, View
from smartcity.output.choropleth import AREA_COUNT_COLOURS, NO_AREA_COLOUR, OUTSIDE_COLOUR, view_spec
from smartcity.output.export import export_map, export_views
from smartcity.output.foliummap import build_base_map, build_choropleth, build_view_layer
from smartcity.output.mapassets import asset_urls, inline_bundle

LABELS = {1: "Round 1", 2: "Round 2"}


@pytest.fixture
def joined(tiny_tables, tiny_boundaries):
    return join_to_provinces(tiny_tables, tiny_boundaries)


def test_a_view_names_each_province_style_once_in_a_palette(joined):
    spec = view_spec(joined, "area_count", "en", LABELS)
    fills = {code: spec["palette"][index]["fillColor"] for code, index in spec["styles"].items()}
    assert fills == {"TH-01": AREA_COUNT_COLOURS[1], "TH-02": NO_AREA_COLOUR, "TH-03": AREA_COUNT_COLOURS[0]}
    assert len(spec["palette"]) == 3


def test_tooltip_bodies_only_where_there_are_areas(joined):
    spec = view_spec(joined, "area_count", "en", LABELS)
    assert set(spec["bodies"]) == {"TH-01", "TH-03"}
    assert spec["bodies"]["TH-01"] == "2 areas · First certified: Round 1<br>• City One<br>• City One B"
    assert spec["none"] == "No certified area yet"


def test_a_region_filter_greys_the_rest_and_says_so_in_the_legend(tiny_tables, tiny_boundaries):
    south = join_to_provinces(tiny_tables, tiny_boundaries, regions=["South"])
    spec = view_spec(south, "area_count", "en", LABELS)
    assert spec["palette"][spec["styles"]["TH-01"]]["fillColor"] == OUTSIDE_COLOUR
    assert spec["legend"]["items"][-1]["label"] == "Outside the selected region"


def test_the_selected_province_gets_a_style_of_its_own(joined):
    spec = view_spec(joined, "area_count", "en", LABELS, selected="TH-02")
    assert spec["selected"] == "TH-02"
    assert spec["palette"][spec["styles"]["TH-02"]]["weight"] == 3


def test_the_base_map_is_shared_by_views_and_the_layer_carries_the_view(joined, tiny_tables, tiny_boundaries):
    def script(frame_joined):
        fmap = build_base_map(frame_joined, "en", "/app/static/geo/p.geojson", asset_urls())
        fmap.get_root().render()
        return fmap, streamlit_folium._get_map_string(fmap)

    fmap, first = script(joined)
    _, second = script(join_to_provinces(tiny_tables, tiny_boundaries, AsOf(rounds=(1,), date=None)))
    assert streamlit_folium.generate_js_hash(first, "k") == streamlit_folium.generate_js_hash(second, "k")
    layer = streamlit_folium._get_feature_group_string(
        build_view_layer(view_spec(joined, "status", "en", LABELS)), fmap
    )
    assert "scmChoropleth.apply(" in layer and "window.feature_group.length = 0" in layer


def test_one_folium_map_holds_a_whole_view(joined):
    html = build_choropleth(joined, "first_round", "th", {1: "รอบที่ 1", 2: "รอบที่ 2"}).get_root().render()
    assert html.count('"TH-0') >= 3 and "scmChoropleth.apply(" in html
    # Leaflet and the map's behaviour inline; outside them (their text names web sites) no URL.
    assert inline_bundle("js") in html and "https://" not in html.replace(inline_bundle("js"), "").replace(
        inline_bundle("css"), ""
    )


def test_the_export_has_a_step_a_round_in_both_languages(tiny_tables, tiny_boundaries):
    steps = export_views(tiny_tables, tiny_boundaries)
    assert [step["en"]["figures"]["areas"] for step in steps] == ["1", "3"]
    assert [step["en"]["figures"]["provinces"] for step in steps] == ["1 of 3", "2 of 3"]
    assert steps[0]["th"]["caption"] == "ณ รอบที่ 1 · มอบตรา 24 ธ.ค. 2564"
    page = export_map(tiny_tables, tiny_boundaries, "2023-01-09").get_root().render()
    assert "Content-Security-Policy" in page and "<script src" not in page


def test_a_view_reads_as_of_once_for_the_map_and_the_slide(tiny_tables):
    view = View(lang="en", region=None, as_of=AsOf.of_round(tiny_tables, 1))
    assert view.as_of == AsOf(rounds=(1,), date="2021-12-24", round=1, date_kind="awarded")
    assert view.following(AsOf.on("2023-01-09")).as_of.rounds is None
    assert tiny_tables.round_index.labels("th") == {1: "รอบที่ 1", 2: "รอบที่ 2"}


def test_the_programme_layers_escape_data_for_foliums_template_literal(real_tables, real_boundaries):
    """folium's Tooltip writes its text into a JavaScript template literal: a name with a
    backtick, ${...} or markup must arrive as inert text in the rendered map."""
    import dataclasses

    from smartcity.output.overlays import programme_overlays

    hostile = "`${alert(1)}`<img src=x onerror=alert(2)>"
    ascn = real_tables.ascn.copy()
    ascn.loc[0, "name_en"] = hostile
    tables = dataclasses.replace(real_tables, ascn=ascn)
    joined = join_to_provinces(tables, real_boundaries)
    overlays = programme_overlays(tables, joined)
    assert [o.key for o in overlays] == ["pilots", "ascn", "ascn_2022-11-09"]
    assert [len(o.points) for o in overlays] == [12, 3, 4]
    script = build_base_map(joined, "en", overlays=overlays).get_root().render()
    assert "${alert(1)}" not in script and "<img src=x" not in script and "`${" not in script
    # As folium writes the layer's data: JSON with < > & escaped too.
    assert "\\u0026#96;\\u0026#36;{alert(1)}\\u0026#96;\\u0026lt;img src=x onerror=alert(2)\\u0026gt;" in script
