"""The boundaries go to the browser once per session, and again when the browser asks; a map
asked to say it is drawn says so once."""

import json
from dataclasses import dataclass, field

import pytest
import streamlit as st

import mapcomponent

SPEC, SHAPES = json.dumps({"shapes_version": "v1"}), json.dumps({"version": "v1", "features": []})


@dataclass
class FakeComponent:
    """Stands in for the browser side: what each run sent, and the callbacks it was given."""

    sent: list[dict] = field(default_factory=list)
    callbacks: dict = field(default_factory=dict)

    def __call__(self, key, data, height, on_clicked_change, on_missing_shapes_change, on_drawn_change):
        self.sent.append(json.loads(data))
        self.callbacks.update(missing=on_missing_shapes_change, drawn=on_drawn_change)


@pytest.fixture
def component(monkeypatch) -> FakeComponent:
    fake = FakeComponent()
    monkeypatch.setattr(mapcomponent, "province_map", fake)
    st.session_state.clear()
    return fake


def test_the_boundaries_are_sent_once_and_again_when_the_browser_lacks_them(component):
    for _ in range(2):
        mapcomponent.show_map(SPEC, "v1", SHAPES, key="overview_map", height=620)
    assert [message["shapes"] for message in component.sent] == [{"version": "v1", "features": []}, None]
    assert all(message["spec"] == {"shapes_version": "v1"} for message in component.sent)

    st.session_state["overview_map"] = {"missing_shapes": "v1"}  # what the browser's trigger sets
    component.callbacks["missing"]()
    mapcomponent.show_map(SPEC, "v1", SHAPES, key="overview_map", height=620)
    assert component.sent[-1]["shapes"] == {"version": "v1", "features": []}


def test_a_map_asked_to_report_drawn_says_so_and_the_session_remembers(component):
    mapcomponent.show_map(SPEC, "v1", SHAPES, key="overview_map", height=620, report_drawn=True)
    assert component.sent[-1]["report_drawn"] == 1
    assert mapcomponent.map_drawn() is False
    component.callbacks["drawn"]()  # the browser's "drawn" trigger
    assert mapcomponent.map_drawn() is True
    mapcomponent.show_map(SPEC, "v1", SHAPES, key="overview_map", height=620)
    assert component.sent[-1]["report_drawn"] is False
