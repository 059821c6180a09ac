"""Briefing files of a view: the one-page A4 PDF and the GIS zip, read back as their users would."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import zipfile

import pyogrio
import pytest

from smartcity.__main__ import main
from smartcity.model.join import view_join
from smartcity.model.view import AsOf, View
from smartcity.output.brief import brief_html
from smartcity.output.gis import AREA_COLUMNS, CLAIM_COLUMNS, LAYER, PROVINCE_COLUMNS, gis_zip

A4_POINTS = r"59[45]\.?\d* x 84[12]\.?\d* pts \(A4\)"


def poppler(tool: str, path) -> str:
    """What a poppler tool (pdfinfo, pdftotext, pdffonts) reads in the PDF, as other PDF readers do."""
    arguments = [tool, str(path)] + (["-"] if tool == "pdftotext" else [])
    return subprocess.run(arguments, check=True, capture_output=True, text=True).stdout


def assert_one_a4_page_with_fonts_embedded(path) -> str:
    info = poppler("pdfinfo", path)
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    assert re.search(r"^Page size:\s+" + A4_POINTS, info, re.M), info
    fonts = poppler("pdffonts", path).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column
    return " ".join(poppler("pdftotext", path).split())


@pytest.mark.browser  # Chromium prints it
def test_the_south_brief_in_thai_is_one_a4_page_with_the_views_figures_and_sources(tmp_path):
    out = tmp_path / "south.pdf"
    assert main(["brief", "--region", "South", "--round", "2", "--lang", "th", str(out)]) == 0
    text = assert_one_a4_page_with_fonts_embedded(out)
    for shown in (
        "แผนที่เมืองอัจฉริยะประเทศไทย · ภาคใต้",
        "ณ รอบที่ 2 (2565) · มอบตรา 9 ม.ค. 2566",
        "10 จาก 14",  # of the South's 14 provinces, as the overview shows the view
        "พื้นที่ในมุมมองนี้ (10)",
        "หาดใหญ่เมืองอัจฉริยะสีเขียว",
        "กว่า 20,000 ล้านบาท",
        "The Phuket News",  # a source named by its publisher (sources.csv)
        "http://localhost:8501/?region=South&round=2",
    ):
        assert shown in text, shown


@pytest.mark.browser
def test_the_bangkok_brief_in_english_lists_its_areas(tmp_path):
    out = tmp_path / "bangkok.pdf"
    assert main(["brief", "--province", "กทม.", "--round", "4", "--lang", "en", str(out)]) == 0
    text = assert_one_a4_page_with_fonts_embedded(out)
    assert "Areas in Bangkok" in text and "Areas in this view (4)" in text and "Samyan Smart City" in text
    assert "?lang=en&province=TH-10&round=4" in text


def test_a_view_option_that_names_nothing_is_refused_with_its_value(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["brief", "--round", "9", str(tmp_path / "x.pdf")])
    assert "--round 9 is not a round in rounds.csv (1, 2, 3, 4)" in capsys.readouterr().err


def test_the_brief_escapes_what_the_data_says(tiny_tables, tiny_boundaries):
    tiny_tables.areas.loc[0, "name_en"] = "<img src=x onerror=alert(1)>"
    view = View(lang="en", region="North", as_of=AsOf.of_round(tiny_tables, 2))
    html = brief_html(tiny_tables, view_join(tiny_tables, tiny_boundaries, view), view, "http://localhost:8501")
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img src=x" not in html


def test_the_gis_zip_opens_as_gdal_reads_it_with_77_provinces_and_the_documented_columns(tmp_path):
    assert main(["gis", str(tmp_path), "--region", "South", "--round", "2", "--lang", "en"]) == 0
    archive = zipfile.ZipFile(tmp_path / "thailand-smart-city-south-round2-en-gis.zip")
    assert sorted(archive.namelist()) == [
        "LICENCE-boundaries.md", "README.txt", "areas.csv", "claims.csv", "provinces.geojson", "provinces.gpkg",
    ]  # fmt: skip
    archive.extractall(tmp_path / "x")
    for name in ("provinces.gpkg", "provinces.geojson"):
        info = pyogrio.read_info(tmp_path / "x" / name, layer=LAYER if name.endswith("gpkg") else None)
        assert info["features"] == 77
        assert list(info["fields"]) == list(PROVINCE_COLUMNS)
        assert info["crs"] == "EPSG:4326"
    layer = pyogrio.read_dataframe(tmp_path / "x" / "provinces.gpkg", layer=LAYER).set_index("code")
    assert layer["in_view"].sum() == 14 and layer["certified"].sum() == 10
    assert layer.loc["TH-90", "area_names_en"] == "Hat Yai Green Smart City"
    readme = archive.read("README.txt").decode()
    assert all(column in readme for column in [*PROVINCE_COLUMNS, *AREA_COLUMNS, *CLAIM_COLUMNS])
    assert "public domain" in readme and "MIT" in readme


def test_the_gis_areas_table_carries_each_areas_sources(real_tables, real_boundaries):
    view = View(lang="th", region=None, as_of=AsOf.of_round(real_tables, 2))
    data = zipfile.ZipFile(
        io.BytesIO(gis_zip(real_tables, view_join(real_tables, real_boundaries, view), view, "http://x"))
    )
    lines = data.read("areas.csv").decode().splitlines()
    assert lines[0] == ",".join(AREA_COLUMNS)
    assert len(lines) == 31  # the 30 areas of rounds 1 and 2


def test_the_gis_claims_carry_the_kind_of_statement_beside_each_figure(real_tables, real_boundaries):
    view = View(lang="en", region=None, as_of=AsOf.of_round(real_tables, 2))
    data = zipfile.ZipFile(
        io.BytesIO(gis_zip(real_tables, view_join(real_tables, real_boundaries, view), view, "http://x"))
    )
    claims = list(csv.DictReader(io.StringIO(data.read("claims.csv").decode())))
    assert list(claims[0]) == list(CLAIM_COLUMNS)
    by_id = {c["claim_id"]: c for c in claims}
    private = by_id["r2-investment-private-000"]
    assert (private["value"], private["qualifier"], private["statement"], private["statement_label"]) == (
        "20000", "more than", "expected", "expected, not a result",
    )  # fmt: skip
    assert by_id["investment-private-since-2021"]["statement"] == "realised"
    assert "total-2023-areas" not in by_id  # round 3 is after the view


def test_the_gis_areas_show_both_round_one_award_dates(real_tables, real_boundaries):
    view = View(lang="en", region=None, as_of=AsOf.of_round(real_tables, 1))
    data = zipfile.ZipFile(
        io.BytesIO(gis_zip(real_tables, view_join(real_tables, real_boundaries, view), view, "http://x"))
    )
    areas = {a["area_id"]: a for a in csv.DictReader(io.StringIO(data.read("areas.csv").decode()))}
    assert (areas["khon-kaen"]["certified_on"], areas["khon-kaen"]["certified_on_other"]) == (
        "2021-12-24",
        "2021-12-25",
    )
    assert areas["khon-kaen"]["certified_other_source"].startswith("000_746bc5b84a2cf96d.txt; https://thailand.")


def test_the_brief_shows_the_kind_of_statement_beside_each_figure(real_tables, real_boundaries):
    view = View(lang="th", region="Northeast", as_of=AsOf.of_round(real_tables, 2))  # Khon Kaen, round 1
    html = brief_html(real_tables, view_join(real_tables, real_boundaries, view), view, "http://x")
    card = html[html.index("กว่า 20,000 ล้านบาท") - 400 : html.index("กว่า 20,000 ล้านบาท")]
    assert "คาดการณ์ ยังไม่ใช่ผลที่เกิดขึ้น" in card
    assert "ได้รับตราสัญลักษณ์ 24 ธ.ค. 2564 (แหล่งอื่นระบุ 25 ธ.ค. 2564:" in html
