"""The boundaries go to the browser once per session, and again when the browser asks."""

import json

import streamlit as st

import mapcomponent


def test_the_boundaries_are_sent_once_and_again_when_the_browser_lacks_them(monkeypatch):
    sent: list[dict] = []
    callbacks: dict = {}

    def fake_component(key, data, height, on_clicked_change, on_missing_shapes_change, on_drawn_change):
        sent.append(json.loads(data))
        callbacks["missing"] = on_missing_shapes_change

    monkeypatch.setattr(mapcomponent, "province_map", fake_component)
    st.session_state.clear()
    spec, shapes = json.dumps({"shapes_version": "v1"}), json.dumps({"version": "v1", "features": []})
    for _ in range(2):
        mapcomponent.show_map(spec, "v1", shapes, key="overview_map", height=620)
    assert [message["shapes"] for message in sent] == [{"version": "v1", "features": []}, None]
    assert all(message["spec"] == {"shapes_version": "v1"} for message in sent)

    st.session_state["overview_map"] = {"missing_shapes": "v1"}  # what the browser's trigger sets
    callbacks["missing"]()
    mapcomponent.show_map(spec, "v1", shapes, key="overview_map", height=620)
    assert sent[-1]["shapes"] == {"version": "v1", "features": []}


def test_a_map_asked_to_report_drawn_says_so_and_the_session_remembers(monkeypatch):
    sent: list[dict] = []
    callbacks: dict = {}

    def fake_component(key, data, height, on_clicked_change, on_missing_shapes_change, on_drawn_change):
        sent.append(json.loads(data))
        callbacks["drawn"] = on_drawn_change

    monkeypatch.setattr(mapcomponent, "province_map", fake_component)
    st.session_state.clear()
    spec, shapes = json.dumps({"shapes_version": "v1"}), json.dumps({"version": "v1", "features": []})
    mapcomponent.show_map(spec, "v1", shapes, key="overview_map", height=620, report_drawn=True)
    assert sent[-1]["report_drawn"] == 1
    assert mapcomponent.map_drawn() is False
    callbacks["drawn"]()  # the browser's "drawn" trigger
    assert mapcomponent.map_drawn() is True
    mapcomponent.show_map(spec, "v1", shapes, key="overview_map", height=620)
    assert sent[-1]["report_drawn"] is False
