"""Panels and cards escape every value from a data file; only http(s) URLs become links."""

import pandas as pd
import pytest

from smartcity.render import claim_value, link, province_panel, source_links


@pytest.mark.parametrize(
    ("url", "html"),
    [
        (
            "https://example.org/a?b=1&c=2",
            '<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">x</a>',
        ),
        ("javascript:alert(1)", "x"),
        ("data:text/html,<script>", "x"),
        ('https://e.org/"onmouseover="alert(1)', "x"),
    ],
)
def test_only_http_urls_become_links(url, html):
    assert link(url, "x") == html


def test_source_links_name_articles_and_hosts():
    html = source_links(("000_746bc5b84a2cf96d.txt", "https://www.bangkokpost.com/x"), "en")
    assert (
        html
        == 'article 000, <a href="https://www.bangkokpost.com/x" target="_blank" rel="noopener noreferrer">bangkokpost.com</a>'
    )


def test_the_panel_escapes_names(real_tables):
    province = real_tables.provinces.set_index("code", drop=False).loc["TH-10"]
    area = real_tables.areas.iloc[4].copy()
    area["name_en"] = "<img src=x onerror=alert(1)>"
    area["name_en_basis"] = "reported"
    html = province_panel(province, pd.DataFrame([area]), "en", {1: "Round 1 (2021)"})
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img" not in html
    assert "Round 1 (2021) · emblem awarded 24 Dec 2021" in html


def test_unofficial_translations_say_so(real_tables):
    province = real_tables.provinces.set_index("code", drop=False).loc["TH-92"]
    areas = real_tables.areas[real_tables.areas["province_code"] == "TH-92"]
    assert "Si Trang City (unofficial translation)" in province_panel(province, areas, "en", {})
    assert "เมืองศรีตรัง" in province_panel(province, areas, "th", {})


@pytest.mark.parametrize(("lang", "shown"), [("th", "กว่า 20,000 ล้านบาท"), ("en", "more than 20,000 million baht")])
def test_claims_read_as_stated(real_tables, lang, shown):
    claim = real_tables.claims.set_index("claim_id").loc["r2-investment-private-000"]
    assert claim_value(claim, lang) == shown
