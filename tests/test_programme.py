"""The programme beyond the certified areas, on the real files: the 2020 pilots, the ASEAN Smart
Cities Network, the bodies that run the areas, and confidence labels that follow from the
cited sources by the rule in data/README.md."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from smartcity.data.confidence import derived_confidence
from smartcity.data.sourcenames import source_origins_of
from smartcity.data.tables import DEFAULT_DATA_DIR
from smartcity.data.validate import check_all

PILOTS_IN_001 = [
    "เทศบาลนครยะลา", "เทศบาลนครเชียงราย", "เทศบาลเมืองน่าน", "เทศบาลเมืองชุมพร", "เทศบาลนครเกาะสมุย",
    "เทศบาลนครหาดใหญ่", "เทศบาลนครสุราษฎร์ธานี", "เทศบาลนครนครสวรรค์", "เทศบาลนครเชียงใหม่", "เทศบาลเมืองสตูล",
    "เทศบาลเมืองแสนสุข", "เทศบาลตำบลบ้านฉาง",
]  # fmt: skip


def test_the_twelve_pilots_are_001s_list_in_its_order(real_tables):
    pilots = real_tables.pilots
    assert list(pilots["name_th"]) == PILOTS_IN_001
    article = (DEFAULT_DATA_DIR / "sources" / "001_5adb033cecace4f1.txt").read_text(encoding="utf-8")
    assert all(name in article for name in pilots["name_th"])
    assert pilots["type"].value_counts().to_dict() == {"เทศบาลนคร": 7, "เทศบาลเมือง": 4, "เทศบาลตำบล": 1}


def test_the_pilots_that_became_areas(real_tables):
    became = real_tables.pilots.set_index("pilot_id")["area_id"]
    assert became[became != ""].to_dict() == {
        "yala": "yala",
        "chiang-rai": "chiang-rai",
        "koh-samui": "koh-samui",
        "hat-yai": "hat-yai",
        "chiang-mai": "chiang-mai-old-city",
        "saen-suk": "saen-suk",
    }
    assert set(became[became != ""]) <= set(real_tables.areas["area_id"])
    assert all(real_tables.pilots["notes"] != "")  # each says the basis, or why there is none


def test_the_2020_applications_are_claims_as_001_gives_them(real_tables):
    claims = real_tables.claims.set_index("claim_id")
    applied = claims[claims["metric"] == "areas_applied"]["value"].astype(int).to_dict()
    assert applied == {
        "applied-2020": 39,
        "applied-2020-city-municipalities": 7,
        "applied-2020-town-municipalities": 4,
        "applied-2020-subdistrict-municipalities": 1,
    }
    assert all(sources == ("001_5adb033cecace4f1.txt",) for sources in claims.loc[list(applied), "source"])


def test_seven_ascn_cities_three_members_four_proposed(real_tables):
    ascn = real_tables.ascn.set_index("name_en")
    assert ascn["status_2022"].value_counts().to_dict() == {"proposed": 4, "member": 3}
    assert set(ascn.index[ascn["status_2022"] == "member"]) == {"Bangkok", "Chon Buri", "Phuket"}
    assert set(ascn.index[ascn["status_2022"] == "proposed"]) == {"Chiang Mai", "Khon Kaen", "Rayong", "Chachoengsao"}
    assert (ascn["counts_toward_targets"] == "yes").all()  # 000: 'ทั้ง 7 เมืองนับเป็นเป้าหมาย...'
    assert ascn.loc[["Bangkok", "Chon Buri", "Phuket"], "joined"].tolist() == [2018, 2018, 2018]
    assert pd.isna(ascn.loc["Chachoengsao", "joined"])  # accession not found


def test_every_confidence_label_follows_from_its_sources(real_tables):
    origins = source_origins_of(DEFAULT_DATA_DIR)
    for frame in (real_tables.areas, real_tables.statuses):
        for _, row in frame.iterrows():
            assert row["confidence"] == derived_confidence(row["source"], origins), row.get("area_id")


@pytest.mark.parametrize(
    "area_id, label",
    [
        ("chachoengsao", "confirmed"),  # peopleunitynews, dailynews, Bangkok Post
        ("saen-suk", "articles only"),  # named only in 000
        ("nakhon-sawan", "single source"),  # The Phuket News and The Thaiger: one NNT item
        ("mae-moh", "confirmed"),  # opt-news and ten-news (two ten-news pages count once)
        ("ubon-ratchathani", "articles only"),
        ("chiang-rai", "single source"),  # ryt9; localnews2010 republishes 003, the municipality's news
        ("narathiwat", "articles only"),  # matichonweekly carries 002, the municipality's own text
        ("nakhon-rayong", "confirmed"),  # ryt9 and properea; localnews2010 (a copy of 003) does not count
    ],
)
def test_labels_of_areas_the_issue_named(real_tables, area_id, label):
    assert real_tables.areas.set_index("area_id").loc[area_id, "confidence"] == label


def test_a_ceremony_date_report_supports_the_date_not_the_area(real_tables):
    areas = real_tables.areas.set_index("area_id")
    assert "https://plewseengern.com/?p=77378" in areas.loc["saen-suk", "date_source"]
    assert "https://plewseengern.com/?p=77378" not in areas.loc["saen-suk", "source"]
    assert "https://topnews.co.th/news/549570" in areas.loc["satun", "date_source"]


def rewrite_cell(path, key_column, key, column, value):
    records = list(csv.reader(path.open(encoding="utf-8", newline="")))
    header = records[0]
    for record in records[1:]:
        if record[header.index(key_column)] == key:
            record[header.index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(records)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def test_validate_rejects_a_label_the_sources_do_not_give(data_copy):
    rewrite_cell(data_copy / "certified_areas.csv", "area_id", "saen-suk", "confidence", "confirmed")
    assert [str(p) for p in check_all(data_copy).problems] == [
        "certified_areas.csv:14: confidence: 'confirmed': the sources give 'articles only': 0 independent "
        "report(s) beyond the articles in sources/ name the area (none); date_source does not count"
    ]


def test_validate_counts_one_wire_once(data_copy):
    rewrite_cell(data_copy / "certified_areas.csv", "area_id", "nakhon-sawan", "confidence", "confirmed")
    assert [str(p) for p in check_all(data_copy).problems] == [
        "certified_areas.csv:13: confidence: 'confirmed': the sources give 'single source': 1 independent "
        "report(s) beyond the articles in sources/ name the area (NNT); a copy counts as what it copies "
        "(https://www.thephuketnews.com/government-certifies-15-smart-city-implementation-areas-81953.php copies NNT; "
        "https://thethaiger.com/hot-news/technology/smart-city-programme-to-use-digital-technology-to-improve-lives "
        "copies NNT); date_source does not count"
    ]


def test_validate_rejects_a_pilot_name_not_written_as_the_article_does(data_copy):
    rewrite_cell(data_copy / "pilots.csv", "pilot_id", "yala", "name_th", "เทศบาลยะลา")
    assert [str(p) for p in check_all(data_copy).problems] == [
        "pilots.csv:2: name_th: 'เทศบาลยะลา': not found in 001_5adb033cecace4f1.txt: write the name as the article does"
    ]


def test_the_corrections_from_a_read_of_the_sources(real_tables):
    milestones = real_tables.milestones.set_index("milestone_id")
    assert "003_6378610dc78f26d7.txt" in milestones.loc["r2-subcommittee", "source"]
    assert "Provincial Administrative Organization and NT sign" in milestones.loc["chiang-mai-mou", "title_en"]
    claims = real_tables.claims.set_index("claim_id")
    for claim_id in ("total-2022-areas-003", "total-2022-provinces-003"):
        assert claims.loc[claim_id, "source"] == ("003_6378610dc78f26d7.txt",)
        assert claims.loc[claim_id, "stated_on"] in ("", None) or pd.isna(claims.loc[claim_id, "stated_on"])
    rounds = real_tables.rounds.set_index("round")
    # The round-1 ceremony: both dates kept, each with its source, neither chosen away.
    assert str(rounds.loc[1, "awarded_on"]) == "2021-12-24" and str(rounds.loc[1, "awarded_on_other"]) == "2021-12-25"
    hosts = [source.split("/")[2] for source in rounds.loc[1, "awarded_source"]]
    assert hosts == ["plewseengern.com", "www.posttoday.com", "www.ten-news.com"]
    # 25 Dec: 000, and a report that says the emblems were handed over on a Saturday (25 Dec 2021 was one).
    assert rounds.loc[1, "awarded_other_source"] == (
        "000_746bc5b84a2cf96d.txt",
        "https://thailand.opendevelopmentmekong.net/th/news/thailands-15-smart-cities-unveiled/",
    )
    assert "000_746bc5b84a2cf96d.txt" in milestones.loc["r1-ceremony-25", "source"]
    assert len(milestones.loc["r1-ceremony-24", "source"]) == 3
    readme = (DEFAULT_DATA_DIR / "sources" / "README.md").read_text(encoding="utf-8")
    assert "Narathiwat Town Municipality news, undated" in readme


def test_who_runs_each_area_is_sourced_or_blank(real_tables):
    areas = real_tables.areas
    kinds = areas.loc[areas["body_kind"] != "", ["area_id", "body_kind"]].set_index("area_id")["body_kind"]
    assert kinds.value_counts().to_dict() == {
        "city_municipality": 5,
        "state_enterprise": 2,
        "university": 1,
        "province": 1,
        "town_municipality": 1,
    }
    assert (areas.loc[areas["body_kind"] != "", "body_source"].map(len) > 0).all()


def test_every_source_column_counts_as_cited(real_tables):
    from smartcity.output.datatable import TABLE_NAMES, as_text_table, cited_sources

    cited = cited_sources(real_tables)
    # A date-only source and a body-only source are still listed among the sources cited.
    assert cited["https://topnews.co.th/news/549570"] == 17  # 15 round-2 areas' dates, the round, its ceremony
    assert "https://www.psu.ac.th/?page=news&news_code=919" not in cited  # named only in notes
    assert "http://www.yourfmhatyai.com" in " ".join(cited.index)  # Hat Yai's body_source
    assert {"pilots", "ascn", "sources"} <= set(TABLE_NAMES)
    assert len(as_text_table(real_tables, "pilots")) == 12 and len(as_text_table(real_tables, "ascn")) == 7
