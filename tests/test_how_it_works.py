"""How the programme works (programme.csv): every fact sourced, its quote the article's words, shown in both languages."""

from __future__ import annotations

from smartcity.data.validate import check_all
from smartcity.output.render import programme_sections
from tests.test_validation import edit_cell


def test_the_table_holds_what_the_articles_say_of_how_the_programme_works(real_tables):
    programme = real_tables.programme.set_index("fact_id")
    assert list(programme["topic"].drop_duplicates()) == [
        "benefit", "governance", "application", "focus_area", "national_plan", "procurement", "people",
    ]  # fmt: skip
    assert "จากบีโอไอ" in programme.loc["benefit-boi", "quote"]
    focus = programme[programme["topic"] == "focus_area"].sort_values("order")
    assert list(focus["title_en"]) == [
        "Traffic and safety", "Quality of life", "Public health", "Infrastructure", "Public utilities",
    ]  # fmt: skip
    assert set(focus["source"]) == {("001_5adb033cecace4f1.txt",)}
    assert programme.loc["secretariat", "source"] == ("003_6378610dc78f26d7.txt",)
    assert "Smart City Ambassadors" in programme.loc["smart-city-ambassadors", "title_en"]


def test_a_quote_that_is_not_the_articles_words_is_an_error(data_copy):
    edit_cell(data_copy / "programme.csv", 2, "quote", "ได้รับเงินอุดหนุน")
    assert [str(p) for p in check_all(data_copy).problems] == [
        "programme.csv:2: quote: 'ได้รับเงินอุดหนุน': not found in 000_746bc5b84a2cf96d.txt: copy the words from "
        "the article exactly"
    ]


def test_the_sections_read_in_order_in_both_languages_with_their_sources(real_tables):
    english = programme_sections(real_tables.programme, "en")
    assert [title for title, _ in english] == [
        "What a certified area receives", "Who decides", "How an area applies",
        "The five focus areas of the 2020 MoU (Department of Local Administration and depa)",
        "The link to the national plans", "Public procurement", "People and awards",
    ]  # fmt: skip
    assert "investment promotion from the Board of Investment" in english[0][1]
    assert "Phu Nam Thongthin (local leaders) magazine online (undated)" in english[0][1]
    thai = dict(programme_sections(real_tables.programme, "th"))
    assert "ฝ่ายเลขานุการ: ดีป้า" in thai["ใครตัดสิน"] and "ข่าวเทศบาลนครเชียงราย (ไม่ระบุวันที่)" in thai["ใครตัดสิน"]


def test_the_sections_escape_what_the_data_says(real_tables):
    programme = real_tables.programme.copy()
    programme.loc[0, "title_en"] = "<script>alert(1)</script>"
    (_title, body), *_ = programme_sections(programme, "en")
    assert "&lt;script&gt;" in body and "<script>" not in body
