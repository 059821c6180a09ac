"""Adding a round is a change to data/ only: the URL, the as-of buttons, the map, the command line
and the static export pick it up from rounds.csv and certified_areas.csv."""

from __future__ import annotations

import csv
import json

import pytest

from smartcity.__main__ import main
from smartcity.data.boundaries import DEFAULT_BOUNDARIES, read_boundaries
from smartcity.data.tables import read_tables
from smartcity.model.join import view_join
from smartcity.model.view import AsOf, View
from smartcity.output.export import export_views
from testkit.apptest import open_dashboard

SOURCE = "https://example.org/round-five"


def append_row(path, values: dict[str, str]) -> None:
    with path.open(newline="", encoding="utf-8") as file:
        columns = next(csv.reader(file))
    with path.open("a", newline="", encoding="utf-8") as file:
        csv.writer(file).writerow([values.get(c, "") for c in columns])


@pytest.fixture
def fifth_round(data_copy, monkeypatch):
    append_row(
        data_copy / "rounds.csv",
        {
            "round": "5",
            "label_th": "รอบที่ 5 (2569)",
            "label_en": "Round 5 (2026)",
            "decided_on": "2026-10-01",
            "decided_source": SOURCE,
            "awarded_on": "2026-11-20",
            "awarded_source": SOURCE,
        },
    )
    append_row(
        data_copy / "certified_areas.csv",
        {
            "area_id": "nan-2026",
            "round": "5",
            "name_th": "น่านเมืองอัจฉริยะ",
            "name_en": "Nan Smart City",
            "name_en_basis": "translation",
            "province_code": "TH-55",
            "certified_on": "2026-11-20",
            "source": SOURCE,
            "confidence": "single source",
        },
    )
    monkeypatch.setenv("SMARTCITY_DATA_DIR", str(data_copy))
    return data_copy


def test_a_fifth_round_needs_no_code(fifth_round, tmp_path):
    tables = read_tables(fifth_round)
    assert [p.described("en") for p in tables.problems] == []
    assert tables.round_index.numbers == (1, 2, 3, 4, 5)
    assert tables.round_index.labels("en")[5] == "Round 5 (2026)"

    boundaries, _ = read_boundaries(DEFAULT_BOUNDARIES, tables.index)
    latest = view_join(tables, boundaries, View(lang="en", region=None, as_of=AsOf.latest(tables)))
    assert int(latest["area_count"].sum()) == 38
    assert latest.loc["TH-55", "rounds"] == (2, 5)  # Nan had a round-2 area already
    before = view_join(tables, boundaries, View(lang="en", region=None, as_of=AsOf.of_round(tables, 4)))
    assert int(before["area_count"].sum()) == 37

    assert [v["en"]["button"] for v in export_views(tables, boundaries)][-1] == "Round 5 (2026)"
    assert main(["gis", str(tmp_path), "--round", "5", "--lang", "en"]) == 0


def test_the_dashboard_offers_the_fifth_round(fifth_round):
    app = open_dashboard(lang="en", round="5")
    assert app.session_state["round"] == 5
    assert "Round 5 (2026)" in json.dumps([str(b.proto) for b in app.get("button_group")], ensure_ascii=False)
    assert app.metric[0].value == "32"  # certified areas: 31 and Nan's
