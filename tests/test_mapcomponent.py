"""The cached map payload sends exactly what st_folium would send for the same map."""

import streamlit_folium as sf

from mapcomponent import component_hash, component_payload, show_map
from smartcity.choropleth import build_choropleth
from smartcity.join import join_to_provinces

COMPARED = ("script", "header", "html", "id", "css_links", "js_links", "key", "returned_objects", "default", "height")


def capture(monkeypatch) -> list[dict]:
    calls: list[dict] = []
    monkeypatch.setattr(sf, "_component_func", lambda **kwargs: calls.append(kwargs))
    return calls


def test_cached_payload_matches_st_folium(real_tables, real_boundaries, monkeypatch):
    calls = capture(monkeypatch)
    labels = {1: "Round 1 (2021)", 2: "Round 2 (2022)"}
    joined = join_to_provinces(real_tables, real_boundaries)
    returned = ["last_object_clicked"]
    sf.st_folium(
        build_choropleth(joined, "area_count", "en", labels, selected="TH-50"),
        key="overview_map",
        height=620,
        use_container_width=True,
        returned_objects=returned,
    )
    payload = component_payload(build_choropleth(joined, "area_count", "en", labels, selected="TH-50"))
    show_map(payload, "overview_map", 620, returned, component_hash(payload, "overview_map"))
    expected, ours = calls
    assert {k: expected[k] for k in COMPARED} == {k: ours[k] for k in COMPARED}
    assert ours["js_links"] == ["/app/static/leaflet/leaflet.js"]
    assert ours["css_links"] == ["/app/static/leaflet/leaflet.css"]
