"""Panels and cards escape every value from a data file; only http(s) URLs become links."""

import pandas as pd
import pytest

from smartcity.output.render import claim_value, link, province_panel, source_label, source_links


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


def test_source_links_name_articles_by_publisher_and_date_and_reports_by_site():
    html = source_links(("001_5adb033cecace4f1.txt", "https://www.bangkokpost.com/x"), "en")
    assert (
        html
        == 'Post Today, 3 Jul 2020, <a href="https://www.bangkokpost.com/x" target="_blank" rel="noopener noreferrer">bangkokpost.com</a>'
    )


@pytest.mark.parametrize(
    "source, lang, label",
    [
        ("001_5adb033cecace4f1.txt", "th", "โพสต์ทูเดย์, 3 ก.ค. 2563"),
        ("003_6378610dc78f26d7.txt", "en", "Chiang Rai City Municipality news (undated)"),
        ("003_6378610dc78f26d7.txt", "th", "ข่าวเทศบาลนครเชียงราย (ไม่ระบุวันที่)"),
        ("004_a4f79156e6787a6c.txt", "en", "National Telecom (NT) press release, 9 Sep 2021"),
        # A report whose wire sources.csv records: its publisher, with no date claimed.
        (
            "https://www.pattayamail.com/thailandnews/chiang-mai-khon-kaen-rayong-join-asean-smart-cities-network-437046",
            "en",
            "Pattaya Mail",
        ),
        ("099_unlisted.txt", "en", "article 099"),
    ],
)
def test_sources_are_named_as_people_know_them(source, lang, label):
    assert source_label(source, lang) == label


def test_the_panel_escapes_names(real_tables):
    province = real_tables.provinces.set_index("code", drop=False).loc["TH-10"]
    area = real_tables.areas.iloc[4].copy()
    area["name_en"] = "<img src=x onerror=alert(1)>"
    area["name_en_basis"] = "reported"
    html = province_panel(province, pd.DataFrame([area]), "en", {1: "Round 1 (2021)"})
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img" not in html
    assert (
        "Round 1 (2021)" in html
        and "Certified 24 Dec 2021 (25 Dec 2021 in other sources: Phu Nam Thongthin (local leaders) magazine online "
        "(undated), Open Development Thailand) · confidence: confirmed by 2+ independent reports"
        in html
    )


def test_the_panel_gives_each_areas_status_date_and_confidence(real_tables):
    from smartcity.model.join import select_areas

    province = real_tables.provinces.set_index("code", drop=False).loc["TH-50"]
    areas = select_areas(real_tables)
    areas = areas[areas["province_code"] == "TH-50"]
    html = province_panel(province, areas, "th", {3: "ปี 2566 (รายงาน)"})
    assert "Muang Taiyong Buak Khang Smart City (ไม่พบชื่อภาษาไทยในแหล่งข่าว)" in html
    assert (
        "มีรายงาน ยังไม่พบการมอบตรา 27 ก.ค. 2566 · ความเชื่อมั่นของรายงาน (ไม่ใช่ของการมอบตรา): ยืนยันจากรายงานอิสระ 2 แหล่งขึ้นไป"
        in html
    )
    # Why: the reports that name it, a wire counted once.
    assert "ระบุพื้นที่นี้ 4 แหล่ง: bangkokpost.com, NNT, thethaiger.com, nationthailand.com" in html
    assert html.count("scm-status-reported") == 1 and html.count("scm-status-certified") == 2
    khon_kaen = select_areas(real_tables)
    khon_kaen = khon_kaen[khon_kaen["area_id"] == "khon-kaen"]
    html = province_panel(province, khon_kaen, "en", {})
    assert (
        "Certified 24 Dec 2021 (25 Dec 2021 in other sources: Phu Nam Thongthin (local leaders) magazine online "
        "(undated), Open Development Thailand) · Renewed 27 Aug 2025 · confidence: single source" in html
    )
    assert "nationthailand.com" in html
    assert "Named by 1 independent report(s) beyond the source articles: nationthailand.com" in html


def test_the_panel_says_why_an_area_is_articles_only_and_where_its_date_comes_from(real_tables):
    province = real_tables.provinces.set_index("code", drop=False).loc["TH-20"]
    areas = real_tables.areas[real_tables.areas["area_id"] == "saen-suk"]
    html = province_panel(province, areas, "en", {})
    assert "confidence: source articles only" in html
    assert "No report beyond the source articles names this area (date from: plewseengern.com)" in html


def test_unofficial_translations_say_so(real_tables):
    province = real_tables.provinces.set_index("code", drop=False).loc["TH-92"]
    areas = real_tables.areas[real_tables.areas["province_code"] == "TH-92"]
    assert "Si Trang City (unofficial translation)" in province_panel(province, areas, "en", {})
    assert "เมืองศรีตรัง" in province_panel(province, areas, "th", {})


@pytest.mark.parametrize(("lang", "shown"), [("th", "กว่า 20,000 ล้านบาท"), ("en", "more than 20,000 million baht")])
def test_claims_read_as_stated(real_tables, lang, shown):
    claim = real_tables.claims.set_index("claim_id").loc["r2-investment-private-000"]
    assert claim_value(claim, lang) == shown
