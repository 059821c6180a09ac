"""Each kind of bad input produces one exact, actionable message: file:row: column: value: what is wrong."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from smartcity.__main__ import main
from smartcity.data.validate import check_all

AREAS_HEADER = (
    "area_id, round, name_th, name_en, name_en_basis, province_code, certified_on, source, date_source, "
    "confidence, body, body_kind, body_source, notes"
)


def edit_cell(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell; ``row`` counts as a spreadsheet does (header = 1)."""
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))
    records[row - 1][records[0].index(column)] = value
    write_records(path, records)


def write_records(path: Path, records: list[list[str]], delimiter: str = ",") -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(records)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def drop_column(path: Path, column: str) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))
    position = records[0].index(column)
    write_records(path, [r[:position] + r[position + 1 :] for r in records])


def delete_row(path: Path, row: int) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[: row - 1] + lines[row:]), encoding="utf-8")


CELL_CASES = [
    # (file, row, column, bad value, the one message expected)
    (
        "certified_areas.csv",
        2,
        "province_code",
        "Khon Kean",
        "certified_areas.csv:2: province_code: 'Khon Kean': not a province; did you mean 'Khon Kaen' (TH-40)?",
    ),
    (
        "certified_areas.csv",
        3,
        "province_code",
        "Atlantis",
        "certified_areas.csv:3: province_code: 'Atlantis': not a province code, name or alias",
    ),
    (
        "certified_areas.csv",
        4,
        "area_id",
        "khon-kaen",
        "certified_areas.csv:4: area_id: 'khon-kaen': duplicate area_id; first used on row 2",
    ),
    (
        "certified_areas.csv",
        4,
        "area_id",
        "Phuket City",
        "certified_areas.csv:4: area_id: 'Phuket City': not a slug; expected lower-case letters, digits and hyphens (e.g. 'khon-kaen')",
    ),
    (
        "certified_areas.csv",
        5,
        "certified_on",
        "24/12/2021",
        "certified_areas.csv:5: certified_on: '24/12/2021': not a date; expected YYYY-MM-DD (Gregorian), e.g. 2021-12-24",
    ),
    (
        "certified_areas.csv",
        5,
        "certified_on",
        "2021-02-30",
        "certified_areas.csv:5: certified_on: '2021-02-30': not a date; expected YYYY-MM-DD (Gregorian), e.g. 2021-12-24",
    ),
    ("certified_areas.csv", 6, "round", "two", "certified_areas.csv:6: round: 'two': not a positive integer"),
    ("certified_areas.csv", 6, "round", "0", "certified_areas.csv:6: round: '0': not a positive integer"),
    ("certified_areas.csv", 6, "round", "-1", "certified_areas.csv:6: round: '-1': not a positive integer"),
    ("certified_areas.csv", 6, "round", "9", "certified_areas.csv:6: round: '9': no such round in rounds.csv"),
    ("certified_areas.csv", 7, "name_en", "", "certified_areas.csv:7: name_en: '': required value is missing"),
    (
        "certified_areas.csv",
        7,
        "confidence",
        "sure",
        "certified_areas.csv:7: confidence: 'sure': expected one of 'confirmed', 'single source', 'articles only'",
    ),
    (
        "certified_areas.csv",
        5,
        "certified_on",
        "",
        "certified_areas.csv:5: certified_on: '': blank, and area_status.csv has no 'reported' row for this area: "
        "say what is known of it",
    ),
    (
        "area_status.csv",
        2,
        "status",
        "approved",
        "area_status.csv:2: status: 'approved': expected one of 'reported', 'renewed', 'lapsed'",
    ),
    (
        "area_status.csv",
        2,
        "area_id",
        "lampang",
        "area_status.csv:2: area_id: 'lampang': no such area in certified_areas.csv",
    ),
    (
        "area_status.csv",
        8,
        "date",
        "2021-01-01",
        "area_status.csv:8: date: '2021-01-01': renewed before the area was certified "
        "(certified_areas.csv certified_on: 2021-12-24)",
    ),
    (
        "claims.csv",
        2,
        "target_by",
        "2570",
        "claims.csv:2: target_by: '2570': not a year; expected four digits (Gregorian), e.g. 2027",
    ),
    (
        "certified_areas.csv",
        7,
        "source",
        "somewhere.txt",
        "certified_areas.csv:7: source: 'somewhere.txt': 'somewhere.txt' is neither a file in sources/ nor an http(s) URL",
    ),
    (
        "certified_areas.csv",
        7,
        "source",
        "javascript:alert(1)",
        "certified_areas.csv:7: source: 'javascript:alert(1)': 'javascript:alert(1)' is neither a file in sources/ nor an http(s) URL",
    ),
    (
        "certified_areas.csv",
        9,
        "body_source",
        "",
        "certified_areas.csv:9: body_source: '': required when body is filled (where does it come from?)",
    ),
    ("claims.csv", 2, "source", "", "claims.csv:2: source: '': required value is missing"),
    (
        "claims.csv",
        2,
        "metric",
        "money",
        "claims.csv:2: metric: 'money': expected one of 'investment_mthb', 'investment_musd', 'population_served', "
        "'areas_total', 'provinces_total', 'areas_renewed', 'target_areas', 'target_areas_added', "
        "'target_areas_per_year', 'areas_applied'",
    ),
    ("claims.csv", 3, "value", "lots", "claims.csv:3: value: 'lots': not a number; write digits only, e.g. 20000"),
    (
        "claims.csv",
        3,
        "qualifier",
        "roughly",
        "claims.csv:3: qualifier: 'roughly': expected one of 'more than', 'about', 'at least', 'up to'",
    ),
    (
        "rounds.csv",
        2,
        "awarded_on",
        "2021-12-32",
        "rounds.csv:2: awarded_on: '2021-12-32': not a date; expected YYYY-MM-DD (Gregorian), e.g. 2021-12-24",
    ),
    (
        "rounds.csv",
        3,
        "awarded_source",
        "",
        "rounds.csv:3: awarded_source: '': required when awarded_on is filled (where does it come from?)",
    ),
    (
        "rounds.csv",
        3,
        "areas_stated",
        "16",
        "rounds.csv:3: areas_stated: '16': certified_areas.csv lists 15 areas in round 2",
    ),
    (
        "milestones.csv",
        3,
        "provinces",
        "TH-95;Chiangria",
        "milestones.csv:3: provinces: 'TH-95;Chiangria': not a province; did you mean 'Chiang Rai' (TH-57)?",
    ),
    (
        "milestones.csv",
        3,
        "date",
        "2020-7-2",
        "milestones.csv:3: date: '2020-7-2': not a date; expected YYYY-MM-DD, YYYY-MM or YYYY (Gregorian)",
    ),
    (
        "provinces.csv",
        2,
        "region",
        "Middle",
        "provinces.csv:2: region: 'Middle': expected one of 'North', 'Northeast', 'Central', 'East', 'West', 'South'",
    ),
    ("provinces.csv", 2, "population", "5.6m", "provinces.csv:2: population: '5.6m': not a whole number"),
]


@pytest.mark.parametrize(("file", "row", "column", "value", "message"), CELL_CASES)
def test_a_bad_cell_gives_exactly_one_message(data_copy, file, row, column, value, message):
    edit_cell(data_copy / file, row, column, value)
    assert [str(p) for p in check_all(data_copy).problems] == [message]


def test_a_missing_column_names_the_columns_found(data_copy):
    drop_column(data_copy / "certified_areas.csv", "source")
    found = AREAS_HEADER.replace(" source,", "")
    expected = f"certified_areas.csv:1: source: '': required column is missing; columns found: {found}"
    assert [str(p) for p in check_all(data_copy).problems] == [expected]


def test_an_empty_file_is_reported(data_copy):
    (data_copy / "claims.csv").write_text("", encoding="utf-8")
    assert [str(p) for p in check_all(data_copy).problems] == [
        "claims.csv:1: (header): '': the file is empty; expected a header row"
    ]


def test_a_missing_file_is_reported(data_copy):
    (data_copy / "milestones.csv").unlink()
    path = data_copy / "milestones.csv"
    assert [str(p) for p in check_all(data_copy).problems] == [f"milestones.csv: (file): '{path}': file not found"]


def test_semicolon_separated_files_are_reported_not_misread(data_copy):
    path = data_copy / "rounds.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))
    write_records(path, records, delimiter=";")
    header = ";".join(records[0])
    assert [str(p) for p in check_all(data_copy).problems] == [
        f"rounds.csv:1: (header): '{header}': columns are separated by ';', not commas; "
        "save the file as 'CSV UTF-8 (Comma delimited)'"
    ]


ROW_LENGTH = "the row has {found} values but the header has {expected} columns; nothing in it is read (add or remove the missing or extra comma)"


def test_a_row_with_too_many_values_is_one_error(data_copy):
    path = data_copy / "claims.csv"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + ",extra\n", encoding="utf-8")
    assert [str(p) for p in check_all(data_copy).problems] == [
        "claims.csv:33: (row): 'applied-2020-subdistrict-municipalities': " + ROW_LENGTH.format(found=15, expected=14)
    ]


def test_a_short_row_is_one_error_and_its_last_column_is_not_read_as_blank(data_copy):
    """Without its notes the row used to load as if its notes were blank."""
    path = data_copy / "claims.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))
    records[1] = records[1][:-1]  # r2-investment-private-000 without its notes
    write_records(path, records)
    checked = check_all(data_copy)
    assert [str(p) for p in checked.problems] == [
        "claims.csv:2: (row): 'r2-investment-private-000': " + ROW_LENGTH.format(found=13, expected=14)
    ]
    assert "r2-investment-private-000" not in set(checked.tables.claims["claim_id"])


def test_a_row_missing_a_middle_field_is_one_error_not_one_per_column(data_copy):
    path = data_copy / "certified_areas.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))
    del records[1][3]  # khon-kaen without its name_en: every later value would shift one column left
    write_records(path, records)
    assert [str(p) for p in check_all(data_copy).problems] == [
        "certified_areas.csv:2: (row): 'khon-kaen': " + ROW_LENGTH.format(found=13, expected=14)
    ]


def test_the_row_length_error_is_listed_in_thai_for_a_thai_reader(data_copy):
    path = data_copy / "claims.csv"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + ",extra\n", encoding="utf-8")
    (problem,) = check_all(data_copy).problems
    assert problem.described("th") == (
        "claims.csv:33: (row): 'applied-2020-subdistrict-municipalities': "
        "แถวนี้มี 15 ค่า แต่หัวตารางมี 14 คอลัมน์ จึงไม่อ่านค่าใดในแถวนี้ (เติมหรือลบจุลภาคให้ครบ)"
    )


def test_a_claim_without_its_kind_of_statement_is_an_error(data_copy):
    edit_cell(data_copy / "claims.csv", 2, "statement", "")
    assert [str(p) for p in check_all(data_copy).problems] == [
        "claims.csv:2: statement: '': required: the kind of statement, from the words of the source: "
        "'expected', 'planned', 'announced', 'realised' or 'target'"
    ]


def test_a_claims_file_without_the_statement_column_is_an_error(data_copy):
    drop_column(data_copy / "claims.csv", "statement")
    (problem,) = check_all(data_copy).problems
    assert str(problem).startswith("claims.csv:1: statement: '': required column is missing; columns found: ")


def test_an_unknown_kind_of_statement_is_an_error(data_copy):
    edit_cell(data_copy / "claims.csv", 2, "statement", "attracted")
    assert [str(p) for p in check_all(data_copy).problems] == [
        "claims.csv:2: statement: 'attracted': expected one of 'expected', 'planned', 'announced', 'realised', 'target'"
    ]


def test_the_statement_words_must_be_the_articles_words(data_copy):
    edit_cell(data_copy / "claims.csv", 2, "statement_words", "ลงทุนแล้ว")
    edit_cell(data_copy / "claims.csv", 5, "statement_words", "")
    assert [str(p) for p in check_all(data_copy).problems] == [
        "claims.csv:2: statement_words: 'ลงทุนแล้ว': not found in 000_746bc5b84a2cf96d.txt: copy the words "
        "from the article exactly",
        "claims.csv:5: statement_words: '': required: the words of 002_9790d4110c210464.txt that make the "
        "figure this kind of statement",
    ]


def test_a_target_figure_must_be_stated_as_a_target_and_only_a_target(data_copy):
    edit_cell(data_copy / "claims.csv", 10, "statement", "announced")  # target-100-by-2022
    edit_cell(data_copy / "claims.csv", 2, "statement", "target")  # an investment figure
    assert [str(p) for p in check_all(data_copy).problems] == [
        "claims.csv:2: statement: 'target': 'target' is only for the target metrics (target_areas, "
        "target_areas_added, target_areas_per_year), not investment_mthb",
        "claims.csv:10: statement: 'announced': a target_areas figure is a target: the kind of statement must be 'target'",
    ]


def test_a_republished_copy_does_not_raise_confidence(data_copy):
    """localnews2010 republishes 003, Chiang Rai City Municipality's own news: only ryt9 counts."""
    edit_cell(data_copy / "certified_areas.csv", 21, "confidence", "confirmed")  # chiang-rai
    assert [str(p) for p in check_all(data_copy).problems] == [
        "certified_areas.csv:21: confidence: 'confirmed': the sources give 'single source': 1 independent "
        "report(s) beyond the articles in sources/ name the area (ryt9.com); a copy counts as what it copies "
        "(https://www.localnews2010.com/archives/22405 copies 003_6378610dc78f26d7.txt); date_source does not count"
    ]


def test_two_copies_of_one_wire_item_count_once(data_copy):
    edit_cell(data_copy / "certified_areas.csv", 13, "confidence", "confirmed")  # nakhon-sawan: NNT twice
    (problem,) = check_all(data_copy).problems
    assert str(problem).startswith(
        "certified_areas.csv:13: confidence: 'confirmed': the sources give 'single source': 1 independent "
        "report(s) beyond the articles in sources/ name the area (NNT); a copy counts as what it copies "
    )


def test_a_copy_of_a_copy_counts_as_the_first_text(data_copy):
    """A copy of localnews2010's copy of 003 is still 003."""
    sources = data_copy / "sources.csv"
    copy = "https://example.org/copy-of-localnews"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + f"{copy},example,example,,https://www.localnews2010.com/archives/22405,\n",
        encoding="utf-8",
    )
    edit_cell(
        data_copy / "certified_areas.csv", 24, "source", f"000_746bc5b84a2cf96d.txt; {copy}"
    )  # ubon-ratchathani: still articles only
    assert check_all(data_copy).problems == ()


def test_a_deleted_area_is_caught_by_the_rounds_stated_counts(data_copy):
    delete_row(data_copy / "certified_areas.csv", 31)  # Narathiwat, round 2
    assert [str(p) for p in check_all(data_copy).problems] == [
        "rounds.csv:3: areas_stated: '15': certified_areas.csv lists 14 areas in round 2",
        "rounds.csv:3: provinces_stated: '14': certified_areas.csv lists 13 provinces in round 2",
    ]


@pytest.mark.parametrize("encoding", ["cp874", "utf-8-sig", "tis-620"])
def test_excel_on_thai_windows_encodings_read_the_same(data_copy, real_tables, encoding):
    path = data_copy / "certified_areas.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    checked = check_all(data_copy)
    assert checked.problems == ()
    assert list(checked.tables.areas["name_th"]) == list(real_tables.areas["name_th"])


def test_undecodable_bytes_are_reported(data_copy):
    (data_copy / "claims.csv").write_bytes(b"claim_id,round\n\x80\xdb\xfc\n")
    assert [str(p) for p in check_all(data_copy).problems] == [
        f"claims.csv: (file): '{data_copy / 'claims.csv'}': cannot be read as UTF-8 or Thai Windows (cp874) "
        "text; save it as 'CSV UTF-8'"
    ]


def test_rows_with_problems_are_left_out_and_the_rest_load(data_copy):
    edit_cell(data_copy / "certified_areas.csv", 2, "province_code", "Khon Kean")
    tables = check_all(data_copy).tables
    assert len(tables.areas) == 36
    assert "khon-kaen" not in set(tables.areas["area_id"])


def test_missing_boundaries_are_reported(data_copy, tmp_path):
    missing = tmp_path / "nowhere.geojson"
    assert [str(p) for p in check_all(data_copy, missing).problems] == [
        f"nowhere.geojson: (file): '{missing}': file not found; rebuild it with geo/build_provinces.py"
    ]


def test_corrupt_boundaries_are_reported(data_copy, tmp_path):
    corrupt = tmp_path / "provinces.geojson"
    corrupt.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    assert [str(p) for p in check_all(data_copy, corrupt).problems] == [
        f"provinces.geojson: (file): '{corrupt}': not a GeoJSON FeatureCollection (JSONDecodeError); "
        "rebuild it with geo/build_provinces.py"
    ]


def test_cli_prints_a_summary_and_exits_0_on_the_real_data(capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "ok: 37 areas in 25 provinces over 4 rounds (31 certified, 5 of them renewed; 6 reported, award not found); "
        "32 claims, 17 milestones, 11 status events, 77 provinces, 77 boundaries"
    )


def test_cli_lists_every_problem_and_exits_1(data_copy, capsys):
    edit_cell(data_copy / "certified_areas.csv", 2, "province_code", "Khon Kean")
    edit_cell(data_copy / "claims.csv", 2, "source", "")
    assert main(["validate", str(data_copy)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "certified_areas.csv:2: province_code: 'Khon Kean': not a province; did you mean 'Khon Kaen' (TH-40)?",
        "claims.csv:2: source: '': required value is missing",
    ]
    assert captured.err == "2 problems found\n"


def test_cli_reads_smartcity_data_dir(data_copy, capsys, monkeypatch):
    edit_cell(data_copy / "claims.csv", 2, "source", "")
    monkeypatch.setenv("SMARTCITY_DATA_DIR", str(data_copy))
    assert main(["validate"]) == 1
    assert "claims.csv:2: source: '': required value is missing" in capsys.readouterr().out


def test_cell_problems_are_listed_in_thai_for_a_thai_reader(data_copy):
    edit_cell(data_copy / "certified_areas.csv", 2, "certified_on", "24/12/2564")
    edit_cell(data_copy / "claims.csv", 2, "statement", "")
    first, second = check_all(data_copy).problems
    assert first.described("th") == (
        "certified_areas.csv:2: certified_on: '24/12/2564': ไม่ใช่วันที่ ต้องเป็น YYYY-MM-DD แบบคริสต์ศักราช เช่น 2021-12-24"
    )
    assert str(first) == (
        "certified_areas.csv:2: certified_on: '24/12/2564': not a date; expected YYYY-MM-DD (Gregorian), e.g. 2021-12-24"
    )
    assert second.described("th").startswith("claims.csv:2: statement: '': ต้องระบุชนิดของข้อความตามถ้อยคำของแหล่งที่มา")
