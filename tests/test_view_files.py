"""The brief, the GIS files and the export are the view a person has on screen: the command line's
options and the page's download buttons give the same view, and each file says and holds that
view (language, region, as of, province)."""

from __future__ import annotations

import csv
import io
import subprocess
import zipfile
from types import SimpleNamespace

import pytest

import ui
from smartcity.__main__ import main, view_from_args
from smartcity.i18n import text
from smartcity.model.deck import public_url_from_environment
from smartcity.model.join import view_join
from smartcity.model.urlstate import view_url
from smartcity.output.brief import brief_html
from smartcity.output.gis import gis_zip
from testkit.apptest import open_dashboard

# A view that is not the default in any of its parts.
QUERY = {"lang": "en", "region": "South", "round": "1", "province": "TH-83"}
OPTIONS = ["--lang", "en", "--region", "south", "--round", "1", "--province", "Phuket"]


@pytest.fixture(scope="module")
def page_view():
    """The view the overview's download buttons are given (pages/overview.py), opened from its URL."""
    app = open_dashboard(**QUERY)
    return app.session_state[ui.state.VIEW]


def cli_view(tables):
    return view_from_args(
        tables, SimpleNamespace(lang="en", region="south", round=1, province="Phuket", metric="area_count")
    )


def test_the_command_line_and_the_page_describe_the_same_view(page_view, real_tables):
    assert cli_view(real_tables) == page_view
    assert (page_view.lang, page_view.region, page_view.as_of.round, page_view.province) == ("en", "South", 1, "TH-83")
    # Its URL reopens it.
    assert view_url("https://x", page_view).endswith("?lang=en&region=South&province=TH-83&round=1")


def test_the_gis_zip_is_the_same_file_from_the_command_line_and_the_button(
    tmp_path, page_view, real_tables, real_boundaries
):
    assert main(["gis", str(tmp_path), *OPTIONS]) == 0
    # The same name as the button gives it.
    written = zipfile.ZipFile(tmp_path / "thailand-smart-city-south-round1-th-83-en-gis.zip")
    downloaded = zipfile.ZipFile(
        io.BytesIO(
            gis_zip(
                real_tables,
                view_join(real_tables, real_boundaries, page_view),
                page_view,
                public_url_from_environment(),
            )
        )
    )
    for name in ("areas.csv", "claims.csv", "README.txt", "provinces.geojson"):
        assert written.read(name) == downloaded.read(name), name
    # And it holds that view: the South's round-1 areas, the round-1 and programme-wide figures,
    # in English, with the URL that reopens it.
    areas = list(csv.DictReader(io.StringIO(written.read("areas.csv").decode())))
    provinces = real_tables.provinces
    south = set(provinces.loc[provinces["region"] == "South", "code"])
    assert areas and {a["round"] for a in areas} == {"1"} and {a["province_code"] for a in areas} <= south
    claims = list(csv.DictReader(io.StringIO(written.read("claims.csv").decode())))
    assert {c["round"] for c in claims} <= {"1", ""}
    assert all(c["statement_label"] == text("statement_" + c["statement"], "en") for c in claims)
    readme = written.read("README.txt").decode()
    assert "round 1" in readme and "regions: South" in readme and "language: en" in readme
    assert "province: Phuket (TH-83)" in readme
    assert "?lang=en&region=South&province=TH-83&round=1" in readme


def test_the_brief_is_the_same_page_from_the_command_line_and_the_button(
    tmp_path, page_view, real_tables, real_boundaries
):
    url = public_url_from_environment()
    page = brief_html(real_tables, view_join(real_tables, real_boundaries, page_view), page_view, url)
    cli = cli_view(real_tables)
    assert brief_html(real_tables, view_join(real_tables, real_boundaries, cli), cli, url) == page
    out = tmp_path / "brief.pdf"
    assert main(["brief", str(out), *OPTIONS]) == 0
    words = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split())
    # Phuket's areas as of round 1, in English, in the South, and the URL of that view.
    assert "Areas in Phuket" in words and "Round 1 (2021)" in words and "South" in words
    assert "lang=en&region=South&province=TH-83&round=1" in words.replace(" ", "")
