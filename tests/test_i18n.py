"""Every string in both languages; Thai dates in the Buddhist era; every column and region labelled."""

import datetime as dt
import re
from pathlib import Path

import pytest

from smartcity.data.provinces import ProvinceIndex
from smartcity.data.tables import REGIONS, province_spec, table_specs
from smartcity.i18n import COLUMN_LABELS, REGION_NAMES, STRINGS, format_date, format_number, text

# Keys whose text is empty on purpose in one language (no Thai marker for a translation note).
EMPTY_ON_PURPOSE = {("translation_note", "th"), ("qualifier_", "th"), ("qualifier_", "en")}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_string_has_thai_and_english(key):
    assert set(STRINGS[key]) == {"th", "en"}
    for lang in ("th", "en"):
        assert STRINGS[key][lang] or (key, lang) in EMPTY_ON_PURPOSE, f"{key} has no {lang}"
    assert set(PLACEHOLDER.findall(STRINGS[key]["th"])) == set(PLACEHOLDER.findall(STRINGS[key]["en"]))


def test_every_key_used_in_the_code_exists():
    """Keys passed to t()/text() as literals in pages, ui/ and the package are in the table."""
    root = Path(__file__).resolve().parent.parent
    sources = [*root.glob("ui/*.py"), root / "dashboard.py", *root.glob("pages/*.py"), *root.glob("smartcity/**/*.py")]
    used = set()
    for path in sources:
        used |= set(re.findall(r"""\b(?:t|text)\(\s*["']([a-z_]+)["']\s*[,)]""", path.read_text(encoding="utf-8")))
    assert used, "no keys found: the pattern is wrong"
    assert sorted(used - set(STRINGS)) == []


def test_every_page_has_a_title_in_each_language():
    from ui.pages import PAGES

    assert [(entry.title("th"), entry.title("en")) for entry in PAGES] == [
        ("ภาพรวม", "Overview"),
        ("โครงการทำงานอย่างไร", "How the programme works"),
        ("ลำดับเหตุการณ์", "Timeline"),
        ("ความคืบหน้าเทียบเป้าหมาย", "Progress to targets"),
        ("การลงทุนและประชากร", "Investment and population"),
        ("ข้อมูลและแหล่งที่มา", "Data and sources"),
        ("โหมดนำเสนอ", "Presenter"),
        ("แผนที่สำหรับฝังในเว็บไซต์", "Map for embedding"),
    ]


def test_every_table_column_has_a_label_in_both_languages(tmp_path):
    columns = {c.name for c in province_spec().columns}
    for spec in table_specs(ProvinceIndex([]), tmp_path).values():
        columns |= {c.name for c in spec.columns}
    assert sorted(columns - set(COLUMN_LABELS)) == []
    assert all(set(labels) == {"th", "en"} and all(labels.values()) for labels in COLUMN_LABELS.values())


def test_every_region_has_both_names():
    assert set(REGION_NAMES) == set(REGIONS)
    assert REGION_NAMES["Northeast"] == {"th": "ภาคตะวันออกเฉียงเหนือ", "en": "Northeast"}


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [
        (dt.date(2021, 12, 24), "th", "24 ธ.ค. 2564"),
        (dt.date(2021, 12, 24), "en", "24 Dec 2021"),
        (dt.date(2023, 1, 9), "th", "9 ม.ค. 2566"),
        ("2022-11-30", "th", "30 พ.ย. 2565"),
        ("2018", "th", "2561"),
        ("2018", "en", "2018"),
        ("2021-12", "en", "Dec 2021"),
        (None, "th", ""),
    ],
)
def test_dates_use_the_buddhist_era_in_thai(value, lang, shown):
    assert format_date(value, lang) == shown


@pytest.mark.parametrize(("value", "shown"), [(16_000_000, "16,000,000"), (20000.0, "20,000"), (1.5, "1.5")])
def test_numbers_are_grouped_in_both_languages(value, shown):
    assert format_number(value, "th") == format_number(value, "en") == shown


def test_text_fills_placeholders():
    assert text("of_total", "th", n=23, total=77) == "23 จาก 77"
    assert text("of_total", "en", n=23, total=77) == "23 of 77"


def test_english_counts_of_one_take_the_singular():
    assert text("tooltip_areas", "en", n=1) == "1 area"
    assert text("tooltip_areas", "en", n=2) == "2 areas"
    assert text("tooltip_areas", "en", n=21) == "21 areas"
    assert text("tooltip_areas", "en", n="1,001") == "1,001 areas"
    assert text("map_summary", "en", n=1, total=77, names="Phuket", count=1) == (
        "1 of 77 provinces have an area; the most: Phuket (1 area)"
    )
    assert text("tooltip_areas", "th", n=1) == "1 พื้นที่"
