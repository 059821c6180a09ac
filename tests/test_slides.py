"""Slide images: a 1920x1080 SVG with title, date, legend and source line; a PNG at least 1920 px wide."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest

from smartcity.model.join import join_to_provinces
from smartcity.output.choropleth import LegendItem, legend_items
from smartcity.output.slide_image import map_svg, slide_subtitle, svg_to_png
from testkit.browser import ARTIFACTS

SVG_NS = "{http://www.w3.org/2000/svg}"
LABELS = {1: "รอบที่ 1 (2564)", 2: "รอบที่ 2 (2565)"}


@pytest.fixture
def svg(real_tables, real_boundaries) -> str:
    joined = join_to_provinces(real_tables, real_boundaries)
    return map_svg(
        joined,
        "first_round",
        title="แผนที่เมืองอัจฉริยะประเทศไทย",
        subtitle="ณ รอบที่ 2 (2565) · มอบตรา 9 ม.ค. 2566",
        legend_title="รอบที่ได้รับครั้งแรก",
        legend=legend_items(joined, "first_round", "th", LABELS),
        source_line="ที่มา: ข่าวและเอกสารเผยแพร่",
    )


def test_the_svg_has_every_province_title_legend_and_source(svg):
    root = ET.fromstring(svg)
    assert (root.get("width"), root.get("height")) == ("1920", "1080")
    paths = root.findall(f"{SVG_NS}path")
    assert len(paths) == 77
    texts = [t.text for t in root.iter(f"{SVG_NS}text")]
    assert texts[:2] == ["แผนที่เมืองอัจฉริยะประเทศไทย", "ณ รอบที่ 2 (2565) · มอบตรา 9 ม.ค. 2566"]
    assert "รอบที่ 1 (2564)" in texts and "ไม่มีพื้นที่ที่ได้รับการรับรอง" in texts
    assert texts[-1] == "ที่มา: ข่าวและเอกสารเผยแพร่"
    shaded = [p for p in paths if p.get("fill") != "#e6e6e6"]
    assert len(shaded) == 23


def test_svg_text_is_escaped(real_tables, real_boundaries):
    joined = join_to_provinces(real_tables, real_boundaries)
    svg = map_svg(joined, "area_count", "<script>x</script>", "&", "t", [LegendItem("#fff", '"><img>')], "s")
    root = ET.fromstring(svg)  # still well-formed
    assert [t.text for t in root.iter(f"{SVG_NS}text")][:2] == ["<script>x</script>", "&"]
    assert "<script>" not in svg and "<img>" not in svg


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.browser
def test_the_png_is_1920_wide_and_saved_for_a_look(svg):
    png = svg_to_png(svg)
    assert png_size(png) == (1920, 1080)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "slide-th.png").write_bytes(png)
    assert png_size(svg_to_png(svg, width=3840)) == (3840, 2160)


@pytest.mark.parametrize(
    ("last_round", "lang", "subtitle"),
    [
        (1, "en", "As of Round 1 (2021) · emblems awarded 24 Dec 2021 · All regions · coloured by Number of areas"),
        (2, "th", "ณ รอบที่ 2 (2565) · มอบตรา 9 ม.ค. 2566 · ทุกภาค · ระบายสีตามจำนวนพื้นที่"),
        # A round whose award was not found: the map shows it on the reported decision's date.
        (3, "en", "As of 2023 (reported) · reported 27 Jul 2023 · All regions · coloured by Number of areas"),
        (4, "en", "As of 2025 (1 added) · emblems awarded 27 Aug 2025 · All regions · coloured by Number of areas"),
    ],
)
def test_the_slide_is_dated_as_the_map_is_for_every_as_of(real_tables, last_round, lang, subtitle):
    from smartcity.i18n import format_date
    from smartcity.model.view import AsOf, View

    view = View(lang=lang, region=None, as_of=AsOf.of_round(real_tables, last_round))
    assert slide_subtitle(view, real_tables.round_index.labels(lang)) == subtitle
    assert format_date(view.as_of.date, lang) in subtitle  # the date the map's join uses
