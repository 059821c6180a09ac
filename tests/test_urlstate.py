"""URLs carry language-independent values; anything that does not parse is ignored."""

import pytest

from smartcity.model.urlstate import query_from_view, state_from_query
from smartcity.model.view import AsOf, View


@pytest.mark.parametrize(
    ("query", "state"),
    [
        ({}, {}),
        ({"lang": "en"}, {"lang": "en"}),
        ({"lang": "fr"}, {}),
        ({"region": "south"}, {"region": "South"}),
        ({"region": "Atlantis"}, {}),
        ({"round": "1"}, {"round": 1}),
        ({"round": "9"}, {}),
        ({"round": "one"}, {}),
        ({"province": "TH-90"}, {"province": "TH-90"}),
        ({"province": "Korat"}, {"province": "TH-30"}),
        ({"province": "กทม."}, {"province": "TH-10"}),
        ({"province": "<script>"}, {}),
        ({"metric": "population"}, {"metric": "population"}),
        ({"metric": "x"}, {}),
        ({"step": "4"}, {"step": 4}),
    ],
)
def test_state_from_query(real_tables, query, state):
    assert state_from_query(query, real_tables.index, real_tables.round_index) == state


def test_defaults_are_left_out_of_the_url(real_tables):
    view = View(lang="th", region=None, as_of=AsOf.of_round(real_tables, 2), metric="area_count", province=None)
    assert query_from_view(view, latest_round=2) == {}


def test_a_view_round_trips_through_the_url(real_tables):
    state = {"lang": "en", "region": "South", "round": 1, "province": "TH-90", "metric": "first_round", "step": 3}
    view = View(
        lang="en", region="South", as_of=AsOf.of_round(real_tables, 1), province="TH-90", metric="first_round", step=3
    )
    query = query_from_view(view, latest_round=2)
    assert query == {
        "lang": "en",
        "region": "South",
        "round": "1",
        "province": "TH-90",
        "metric": "first_round",
        "step": "3",
    }
    assert state_from_query(query, real_tables.index, real_tables.round_index) == state
