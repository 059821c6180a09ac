"""The join on three square provinces: counts, first round, names and filters."""

import pandas as pd

from smartcity.model.join import join_to_provinces, select_areas
from smartcity.model.summaries import coverage_by_region, headline_figures, population_covered
from smartcity.model.view import AsOf


def test_names_and_aliases_in_the_area_table_resolve_to_codes(tiny_tables):
    assert list(tiny_tables.areas["province_code"]) == ["TH-01", "TH-01", "TH-03"]


def test_join_counts_areas_per_province(tiny_tables, tiny_boundaries):
    joined = join_to_provinces(tiny_tables, tiny_boundaries)
    assert joined["area_count"].to_dict() == {"TH-01": 2, "TH-02": 0, "TH-03": 1}
    assert joined.loc["TH-01", "first_round"] == 1
    assert joined.loc["TH-03", "first_round"] == 2
    assert pd.isna(joined.loc["TH-02", "first_round"])
    assert joined.loc["TH-01", "area_names_en"] == "City One\nCity One B"
    assert joined.loc["TH-01", "rounds"] == (1, 2)


def test_as_of_round_one(tiny_tables, tiny_boundaries):
    assert tiny_tables.round_index.up_to(1) == (1,)
    joined = join_to_provinces(tiny_tables, tiny_boundaries, AsOf.of_round(tiny_tables, 1))
    assert joined["area_count"].to_dict() == {"TH-01": 1, "TH-02": 0, "TH-03": 0}
    assert headline_figures(joined).rounds == 1


def test_region_filter_keeps_every_shape_but_counts_only_the_region(tiny_tables, tiny_boundaries):
    joined = join_to_provinces(tiny_tables, tiny_boundaries, regions=["South"])
    assert len(joined) == 3
    assert joined["in_selection"].to_dict() == {"TH-01": False, "TH-02": False, "TH-03": True}
    assert joined["area_count"].to_dict() == {"TH-01": 0, "TH-02": 0, "TH-03": 1}
    headline = headline_figures(joined)
    assert (headline.areas, headline.provinces_covered, headline.provinces_total) == (1, 1, 1)


def test_select_areas_carries_province_names(tiny_tables):
    areas = select_areas(tiny_tables, AsOf(rounds=(2,), date=None))
    assert list(areas["area_id"]) == ["b-one", "c-three"]
    assert list(areas["province_en"]) == ["One", "Three"]


def test_coverage_and_population(tiny_tables, tiny_boundaries):
    joined = join_to_provinces(tiny_tables, tiny_boundaries)
    assert population_covered(joined) == (400, 600)
    summary = coverage_by_region(joined).set_index("region")
    assert summary.loc["North", ["provinces", "provinces_covered", "areas", "population_covered"]].tolist() == [
        2,
        1,
        2,
        100,
    ]
    assert summary.loc["South", "population_share"] == 1.0
