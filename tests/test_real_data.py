"""Contract tests: the real data/ and geo/ files hold the published figures and join without a miss."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import shapely

from smartcity.data.boundaries import DEFAULT_BOUNDARIES
from smartcity.data.checks import URL_PATTERN
from smartcity.data.provinces import split_list
from smartcity.model.join import join_to_provinces, select_areas
from smartcity.model.summaries import coverage_by_region, headline_figures, population_covered
from smartcity.model.view import AsOf


def test_the_real_tables_have_no_problems(real_tables):
    assert real_tables.problems == ()


def test_thirty_areas_in_twenty_three_provinces_as_of_round_two(real_tables):
    areas = select_areas(real_tables, AsOf.of_round(real_tables, 2))
    assert len(areas) == 30
    assert areas["province_code"].nunique() == 23
    assert set(areas["status"]) == {"certified"}
    assert real_tables.areas["area_id"].is_unique


def test_as_of_2023_thirty_six_areas_in_twenty_five_provinces_six_of_them_reported(real_tables):
    areas = select_areas(real_tables, AsOf.of_round(real_tables, 3))
    assert (len(areas), areas["province_code"].nunique()) == (36, 25)
    assert areas["status"].value_counts().to_dict() == {"certified": 30, "reported": 6}
    new = areas[areas["round"] == 3].set_index("area_id")
    assert sorted(new.index) == [
        "lampang-2023",
        "muang-taiyong-buak-khang",
        "nakhon-si-thammarat-municipality",
        "nikhom-phatthana",
        "samut-prakan-2023",
        "theppharat",
    ]
    assert set(new["status"]) == {"reported"}
    assert set(new["status_date"]) == {"2023-07-27"}
    assert set(new["status_confidence"]) == {"confirmed"}
    assert set(new["name_th"]) == {""}  # no Thai title found: left blank, not invented
    assert new["certified_on"].isna().all()
    assert sorted(set(new["province_code"]) - set(real_tables.areas.query("round <= 2")["province_code"])) == [
        "TH-11",
        "TH-80",
    ]


def test_as_of_2025_one_more_certified_and_five_renewed(real_tables):
    areas = select_areas(real_tables, AsOf.of_round(real_tables, 4)).set_index("area_id")
    assert (len(areas), areas["province_code"].nunique()) == (37, 25)
    assert areas["status"].value_counts().to_dict() == {"certified": 26, "reported": 6, "renewed": 5}
    assert sorted(areas.index[areas["status"] == "renewed"]) == [
        "chiang-rai",
        "khon-kaen",
        "korat",
        "phuket",
        "wangchan-valley",
    ]
    assert areas.loc["phuket-2025", "status"] == "certified"
    assert areas.loc["phuket-2025", "name_th"] == "ภูเก็ตทินิคอนวัลเลย์"


def test_every_area_has_a_confidence(real_tables):
    assert set(real_tables.areas["confidence"]) == {"confirmed", "single source", "articles only"}
    assert set(real_tables.statuses["confidence"]) == {"confirmed", "single source"}


def test_the_2025_stated_total_is_kept_beside_the_area_list(real_tables):
    claims = real_tables.claims.set_index("claim_id")
    assert claims.loc["total-2025-areas", "value"] == 37
    assert claims.loc["total-2025-provinces", "value"] == 16  # as stated, not corrected to 25
    assert select_areas(real_tables, AsOf.of_round(real_tables, 4))["province_code"].nunique() == 25


def test_targets_as_stated_at_the_time(real_tables):
    claims = real_tables.claims
    targets = claims[claims["metric"] == "target_areas"].sort_values(["stated_on", "claim_id"])
    assert [(t.value, t.target_by, t.stated_on) for t in targets.itertuples()] == [
        (100, pd.NA, "2017-11"),
        (100, 2022, "2019"),
        (100, 2024, "2020"),
        (100, 2022, "2020"),
        (105, 2027, "2024-06-19"),
        (105, 2027, "2025-08-27"),
    ]


@pytest.mark.parametrize(("round_number", "areas", "provinces"), [(1, 15, 11), (2, 15, 14), (3, 6, 6), (4, 1, 1)])
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
    joined = join_to_provinces(real_tables, real_boundaries, AsOf.of_round(real_tables, 2))
    assert len(joined) == 77
    assert joined.geometry.notna().all()
    assert (joined["area_count"] == 0).sum() == 54
    assert joined["area_count"].sum() == 30
    assert joined.loc["TH-10", "area_count"] == 4
    assert joined.loc["TH-21", "rounds"] == (1, 2)
    assert joined.loc["TH-21", "first_round"] == 1
    assert joined.loc["TH-57", "first_round"] == 2
    assert pd.isna(joined.loc["TH-63", "first_round"])


def test_join_as_of_2025_counts_each_status(real_tables, real_boundaries):
    joined = join_to_provinces(real_tables, real_boundaries)
    assert (joined["area_count"] == 0).sum() == 52
    assert joined[["area_count", "certified_count", "renewed_count", "reported_count"]].sum().tolist() == [37, 31, 5, 6]
    assert joined.loc["TH-11", "status"] == "reported"  # Samut Prakan: only the 2023 report
    assert joined.loc["TH-50", ["certified_count", "reported_count"]].tolist() == [2, 1]
    assert (joined["status"] == "certified").sum() == 23


@pytest.mark.parametrize(
    ("last_round", "regions", "areas", "covered", "total"),
    [
        (2, None, 30, 23, 77),
        (3, None, 36, 25, 77),
        (4, None, 37, 25, 77),
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
    joined = join_to_provinces(real_tables, real_boundaries, AsOf.of_round(real_tables, last_round), regions)
    headline = headline_figures(joined)
    assert (headline.areas, headline.provinces_covered, headline.provinces_total) == (areas, covered, total)


def test_every_row_states_its_source_and_every_source_exists(real_tables):
    sources_dir = real_tables.sources_dir
    frames = {
        "areas": real_tables.areas["source"],
        "statuses": real_tables.statuses["source"],
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
    """Names are copied exactly: the names of rounds 1 and 2 occur verbatim in article 000."""
    article = (real_tables.sources_dir / "000_746bc5b84a2cf96d.txt").read_text(encoding="utf-8")
    first_two = real_tables.areas[real_tables.areas["round"] <= 2]
    missing = [n for n in first_two["name_th"] if n not in article]
    assert missing == []


def test_conflicting_figures_are_kept_side_by_side(real_tables):
    claims = real_tables.claims.set_index("claim_id")
    investment = claims[claims["conflict_group"] == "r2-investment"]
    assert sorted(investment["value"]) == [15000, 20000, 20000, 20000]
    assert set(investment["qualifier"]) == {"more than", "about"}
    population = claims[claims["metric"] == "population_served"]
    assert sorted(population["value"]) == [1_800_000, 16_000_000, 16_000_000, 20_000_000]


def test_both_round_one_award_dates_are_kept_with_their_sources(real_tables):
    rounds = real_tables.rounds.set_index("round")
    assert str(rounds.loc[1, "awarded_on"]) == "2021-12-24"
    assert str(rounds.loc[1, "awarded_on_other"]) == "2021-12-25"
    # 25 Dec: 000, and a report that says the emblems were handed over on a Saturday (25 Dec 2021 was one).
    assert rounds.loc[1, "awarded_other_source"] == (
        "000_746bc5b84a2cf96d.txt",
        "https://thailand.opendevelopmentmekong.net/th/news/thailands-15-smart-cities-unveiled/",
    )
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


@pytest.mark.parametrize(("last_round", "south_areas"), [(2, 10), (4, 11)])
def test_population_living_in_provinces_with_a_certified_area(real_tables, real_boundaries, last_round, south_areas):
    # Reported areas do not count: the 2023 provinces (Samut Prakan, Nakhon Si Thammarat) stay out.
    joined = join_to_provinces(real_tables, real_boundaries, AsOf.of_round(real_tables, last_round))
    covered, total = population_covered(joined)
    assert (covered, total) == (27_930_902, 66_558_935)
    by_region = coverage_by_region(joined).set_index("region")
    assert list(by_region.index) == ["North", "Northeast", "Central", "East", "West", "South"]
    assert by_region.loc["South", ["provinces", "provinces_covered", "areas"]].tolist() == [14, 10, south_areas]
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


@pytest.mark.parametrize(
    ("last_round", "stated", "listed", "conflicting"),
    [
        (1, None, None, None),
        (2, (30, 23), (30, 23), False),
        (3, (36, 25), (36, 25), False),
        (4, (37, 16), (37, 25), True),
    ],
)
def test_announced_totals_beside_the_area_list(real_tables, last_round, stated, listed, conflicting):
    from smartcity.model.summaries import stated_total

    total = stated_total(real_tables, last_round)
    if stated is None:
        assert total is None
        return
    assert (total.areas_stated, total.provinces_stated) == stated
    assert (total.areas_listed, total.provinces_listed) == listed
    assert total.conflicting is conflicting
