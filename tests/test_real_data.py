"""Contract tests: the real data/ and geo/ files hold the published figures and join without a miss."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import shapely

from smartcity.boundaries import DEFAULT_BOUNDARIES
from smartcity.checks import URL_PATTERN
from smartcity.join import join_to_provinces, rounds_up_to
from smartcity.provinces import split_list
from smartcity.summaries import coverage_by_region, headline_figures, population_covered


def test_the_real_tables_have_no_problems(real_tables):
    assert real_tables.problems == ()


def test_thirty_areas_in_twenty_three_provinces(real_tables):
    areas = real_tables.areas
    assert len(areas) == 30
    assert areas["province_code"].nunique() == 23
    assert areas["area_id"].is_unique


@pytest.mark.parametrize(("round_number", "areas", "provinces"), [(1, 15, 11), (2, 15, 14)])
def test_each_round_has_its_announced_counts(real_tables, round_number, areas, provinces):
    in_round = real_tables.areas[real_tables.areas["round"] == round_number]
    assert (len(in_round), in_round["province_code"].nunique()) == (areas, provinces)


def test_bangkok_has_four_areas_all_from_round_one(real_tables):
    bangkok = real_tables.areas[real_tables.areas["province_code"] == "TH-10"]
    assert sorted(bangkok["area_id"]) == ["makkasan", "phadung-krung-kasem", "rama-4", "sam-yan"]
    assert set(bangkok["round"]) == {1}


def test_round_two_adds_twelve_new_provinces(real_tables):
    areas = real_tables.areas
    first = set(areas.loc[areas["round"] == 1, "province_code"])
    second = set(areas.loc[areas["round"] == 2, "province_code"])
    assert first & second == {"TH-20", "TH-21"}  # Chon Buri and Rayong had round-1 areas
    assert len(second - first) == 12


def test_join_gives_77_provinces_with_54_uncovered(real_tables, real_boundaries):
    joined = join_to_provinces(real_tables, real_boundaries)
    assert len(joined) == 77
    assert joined.geometry.notna().all()
    assert (joined["area_count"] == 0).sum() == 54
    assert joined["area_count"].sum() == 30
    assert joined.loc["TH-10", "area_count"] == 4
    assert joined.loc["TH-21", "rounds"] == (1, 2)
    assert joined.loc["TH-21", "first_round"] == 1
    assert joined.loc["TH-57", "first_round"] == 2
    assert pd.isna(joined.loc["TH-63", "first_round"])


@pytest.mark.parametrize(
    ("last_round", "regions", "areas", "covered", "total"),
    [
        (2, None, 30, 23, 77),
        (1, None, 15, 11, 77),
        (1, ["South"], 3, 3, 14),
        (2, ["South"], 10, 10, 14),
        (2, ["West"], 0, 0, 5),
        (2, ["North"], 5, 4, 9),
        (2, ["Northeast"], 3, 3, 20),
        (2, ["Central", "East"], 12, 6, 29),
    ],
)
def test_headline_figures_for_filters(real_tables, real_boundaries, last_round, regions, areas, covered, total):
    joined = join_to_provinces(real_tables, real_boundaries, rounds_up_to(real_tables, last_round), regions)
    headline = headline_figures(joined)
    assert (headline.areas, headline.provinces_covered, headline.provinces_total) == (areas, covered, total)


def test_every_row_states_its_source_and_every_source_exists(real_tables):
    sources_dir = real_tables.sources_dir
    frames = {
        "areas": real_tables.areas["source"],
        "claims": real_tables.claims["source"],
        "milestones": real_tables.milestones["source"],
    }
    for name, column in frames.items():
        assert column.map(len).gt(0).all(), name
        for sources in column:
            for item in sources:
                assert URL_PATTERN.match(item) or (sources_dir / item).is_file(), (name, item)
    assert real_tables.provinces["population_source"].str.startswith("https://").all()


def test_the_source_articles_are_in_the_project(real_tables):
    names = sorted(p.name for p in real_tables.sources_dir.glob("*.txt"))
    assert names == [
        "000_746bc5b84a2cf96d.txt",
        "001_5adb033cecace4f1.txt",
        "002_9790d4110c210464.txt",
        "003_6378610dc78f26d7.txt",
        "004_a4f79156e6787a6c.txt",
    ]


def test_every_announced_thai_name_appears_in_its_source_article(real_tables):
    """Names are copied exactly: each round's names occur verbatim in article 000."""
    article = (real_tables.sources_dir / "000_746bc5b84a2cf96d.txt").read_text(encoding="utf-8")
    missing = [n for n in real_tables.areas["name_th"] if n not in article]
    assert missing == []


def test_conflicting_figures_are_kept_side_by_side(real_tables):
    claims = real_tables.claims.set_index("claim_id")
    investment = claims[claims["conflict_group"] == "r2-investment"]
    assert sorted(investment["value"]) == [15000, 20000, 20000, 20000]
    assert set(investment["qualifier"]) == {"more than", "about"}
    population = claims[claims["metric"] == "population_served"]
    assert sorted(population["value"]) == [16_000_000, 16_000_000, 20_000_000]


def test_both_round_one_award_dates_are_kept_with_their_sources(real_tables):
    rounds = real_tables.rounds.set_index("round")
    assert str(rounds.loc[1, "awarded_on"]) == "2021-12-24"
    assert str(rounds.loc[1, "awarded_on_other"]) == "2021-12-25"
    assert rounds.loc[1, "awarded_other_source"] == ("000_746bc5b84a2cf96d.txt",)
    ceremonies = real_tables.milestones[real_tables.milestones["conflict_group"] == "r1-award-date"]
    assert sorted(ceremonies["date"]) == ["2021-12-24", "2021-12-25"]


def test_provinces_population_is_one_year_and_sums_to_the_national_total(real_tables):
    provinces = real_tables.provinces
    assert len(provinces) == 77
    assert set(provinces["population_date"].astype(str)) == {"2019-12-31"}
    assert provinces["population"].sum() == 66_558_935


def test_six_region_membership(real_tables):
    counts = real_tables.provinces["region"].value_counts().to_dict()
    assert counts == {"Central": 22, "Northeast": 20, "South": 14, "North": 9, "East": 7, "West": 5}


def test_population_living_in_covered_provinces(real_tables, real_boundaries):
    joined = join_to_provinces(real_tables, real_boundaries)
    covered, total = population_covered(joined)
    assert (covered, total) == (27_930_902, 66_558_935)
    by_region = coverage_by_region(joined).set_index("region")
    assert list(by_region.index) == ["North", "Northeast", "Central", "East", "West", "South"]
    assert by_region.loc["South", ["provinces", "provinces_covered", "areas"]].tolist() == [14, 10, 10]
    assert by_region.loc["West", "population_share"] == 0


def test_boundaries_are_small_valid_and_share_borders_exactly(real_boundaries):
    assert Path(DEFAULT_BOUNDARIES).stat().st_size <= 200_000
    assert len(real_boundaries) == 77
    assert shapely.is_valid(real_boundaries.geometry.values).all()
    assert shapely.coverage_is_valid(real_boundaries.geometry.values)


def test_islands_are_kept(real_boundaries):
    parts = real_boundaries.geometry.apply(lambda g: len(getattr(g, "geoms", [g])))
    assert parts.sum() >= 100  # 107 polygons when built; coast islands of Phuket, Krabi, Trat ...
    assert parts["TH-83"] > 1 and parts["TH-84"] > 1 and parts["TH-23"] > 1


def test_boundary_names_match_codes_through_the_alias_table(real_tables):
    import json

    features = json.loads(Path(DEFAULT_BOUNDARIES).read_text(encoding="utf-8"))["features"]
    for feature in features:
        props = feature["properties"]
        assert real_tables.index.resolve(props["name_ne"]).code == props["code"]


def test_split_list_of_sources():
    assert split_list("a.txt; https://x.org/ ;") == ["a.txt", "https://x.org/"]
