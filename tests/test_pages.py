"""An AppTest per page: no exception, and the widgets change what is shown (asserted on values)."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

import ui
import ui.caches
from testkit.apptest import assert_page_ran, open_dashboard, open_page
from ui.pages import PAGES

PAGE_SCRIPTS = [entry.script for entry in PAGES]


def open_app(**query: str) -> AppTest:
    return open_dashboard(**query)


def metrics(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def test_the_overview_opens_in_thai_with_the_programme_totals():
    app = open_app()
    assert not app.exception
    assert metrics(app) == {
        "พื้นที่ที่ได้รับการรับรอง": "31",
        "มีรายงาน ยังไม่พบการมอบตรา": "6",
        "จังหวัดที่มีพื้นที่": "25 จาก 77",
        "ภาคที่มีพื้นที่": "5 จาก 6",
    }
    # The 2025 announcement's "37 cities in 16 provinces" stands beside the list's 25, not corrected.
    stated = next(h.proto.body for h in app.html if "ประกาศ:" in h.proto.body)
    assert "37 เมือง · 16 จังหวัด" in stated and "37 พื้นที่ใน 25 จังหวัด" in stated
    assert "ไม่แก้ไขตัวเลขใด" in stated


def map_args(app: AppTest) -> dict:
    """What the page sent streamlit-folium: the base map's script and the view's feature group."""
    (element,) = [e for e in app.get("component_instance") if e.proto.component_name.endswith("st_folium")]
    return json.loads(element.proto.json_args)


def test_the_overview_sends_the_map_and_its_view_in_the_first_run():
    app = open_app()
    args = map_args(app)
    assert "scmChoropleth.attach" in args["script"] and "Polygon" not in args["script"]  # boundaries fetched
    assert "scmChoropleth.apply" in args["feature_group"]
    assert args["returned_objects"] == ["last_active_drawing"]
    assert all(link.startswith("/app/static/") for link in args["js_links"] + args["css_links"])
    assert (len(app.metric), len(app.sidebar.selectbox), len(app.get("download_button"))) == (4, 2, 4)


def test_a_filter_change_keeps_the_base_map_and_changes_the_view():
    app = open_app(lang="en")
    before = map_args(app)
    app.session_state["round"] = 1
    app.run()
    after = map_args(app)
    assert after["script"] == before["script"] and after["key"] == before["key"]
    assert after["feature_group"] != before["feature_group"]
    assert metrics(app)["Certified areas"] == "15"


@pytest.mark.parametrize("page", PAGE_SCRIPTS)
def test_a_page_that_raises_fails_the_page_tests(page, monkeypatch):
    """The frame shows a short message instead of a traceback; the tests still see the failure."""

    def broken(*args, **kwargs):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(ui, "view", broken)
    app = open_page(page, check=False)
    assert app.session_state[ui.PAGE_FAILED] == page.removeprefix("pages/").removesuffix(".py")
    with pytest.raises(AssertionError, match="raised"):
        assert_page_ran(app)


@pytest.mark.parametrize(
    ("region", "last_round", "areas", "reported", "provinces"),
    [
        ("South", 1, "3", "0", "3 of 14"),
        ("South", 2, "10", "0", "10 of 14"),
        ("South", 3, "10", "1", "11 of 14"),
        ("West", 2, "0", "0", "0 of 5"),
        ("North", 2, "5", "0", "4 of 9"),
        ("all", 2, "30", "0", "23 of 77"),
        ("all", 1, "15", "0", "11 of 77"),
        ("all", 3, "30", "6", "25 of 77"),
        ("all", 4, "31", "6", "25 of 77"),
    ],
)
def test_region_and_round_filters_change_the_headline(region, last_round, areas, reported, provinces):
    app = open_app(lang="en")
    app.selectbox(key="region_widget").set_value(region).run()
    app.pills(key="round_widget").set_value(last_round).run()
    assert not app.exception
    shown = metrics(app)
    assert (shown["Certified areas"], shown["Reported, award not found"], shown["Provinces with an area"]) == (
        areas,
        reported,
        provinces,
    )


def test_the_language_switch_changes_every_label_and_the_url():
    app = open_app()
    app.segmented_control(key="lang_widget").set_value("en").run()
    assert list(metrics(app)) == [
        "Certified areas",
        "Reported, award not found",
        "Provinces with an area",
        "Regions with an area",
    ]
    assert app.query_params["lang"] == ["en"] or app.query_params["lang"] == "en"


def test_a_shared_url_restores_the_view():
    app = open_app(lang="en", region="South", round="1", province="Songkhla", metric="first_round")
    assert not app.exception
    assert app.session_state["province"] == "TH-90"
    assert app.session_state["metric"] == "first_round"
    assert metrics(app)["Provinces with an area"] == "3 of 14"
    assert dict(app.query_params) in (
        {"lang": "en", "region": "South", "round": "1", "province": "TH-90", "metric": "first_round"},
        {"lang": ["en"], "region": ["South"], "round": ["1"], "province": ["TH-90"], "metric": ["first_round"]},
    )


def test_a_selected_province_lists_its_areas():
    app = open_app(lang="en", province="TH-10")
    panel = "".join(h.proto.body for h in app.html)
    assert "Areas in Bangkok" in panel
    for name in ("Samyan Smart City", "Rama 4 District Smart City", "Makkasan Smart City"):
        assert name in panel


@pytest.mark.parametrize(
    ("query", "code"), [("Korat", "TH-30"), ("โคราช", "TH-30"), ("กทม.", "TH-10"), ("Chonburi", "TH-20")]
)
def test_a_province_in_the_url_may_be_any_name_or_alias(query, code):
    app = open_app(province=query)
    assert not app.exception
    assert app.session_state["province"] == code


@pytest.mark.parametrize("page", PAGE_SCRIPTS)
@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_page_runs_in_both_languages(page, lang):
    open_page(page, lang=lang)


def test_the_timeline_steps_and_the_counts_follow():
    app = open_app(lang="en")
    app.switch_page("pages/timeline.py").run()

    def counts() -> tuple[str, str, str]:
        shown = metrics(app)
        return shown["Certified"], shown["Reported"], shown["Provinces"]

    assert counts() == ("31", "6", "25")  # the last step: the 2025 renewals
    assert any("Emblems of 16 cities renewed (5 named)" in h.proto.body for h in app.html)
    app.slider(key="step").set_value(12).run()  # 27 Jul 2023: six areas proposed, no award found
    assert counts() == ("30", "6", "25")
    app.slider(key="step").set_value(10).run()  # the round-2 ceremony
    assert counts() == ("30", "0", "23")
    app.slider(key="step").set_value(5).run()  # the round-1 ceremony (24/25 Dec 2021)
    assert counts() == ("15", "0", "11")
    assert any("Sources give different dates: 24 Dec 2021 / 25 Dec 2021" in h.proto.body for h in app.html)
    app.slider(key="step").set_value(2).run()  # the 2020 MoU, before any emblem
    assert counts() == ("0", "0", "0")


def test_investment_page_shows_conflicting_figures_side_by_side():
    app = open_app(lang="en")
    app.switch_page("pages/investment.py").run()
    bodies = [h.proto.body for h in app.html]
    assert sum("more than 20,000 million baht" in b for b in bodies) == 2
    assert sum("about 20,000 million baht" in b for b in bodies) == 1
    assert sum("more than 15,000 million baht" in b for b in bodies) == 1
    assert [w.value for w in app.warning] == [
        "These figures conflict (different scope or amount), so every source is shown"
    ]
    # The headline is a sentence that wraps, not a one-line metric that cut it at "(66,558…".
    assert app.metric.len == 0
    assert any("27,930,902 people, 42.0% of the national population (66,558,935)" in h.proto.body for h in app.html)


def test_data_page_search_filters_rows_and_the_download_matches():
    app = open_app(lang="en")
    app.switch_page("pages/data.py").run()
    assert len(app.dataframe[0].value) == 37
    app.text_input(key="data_search").input("Bangkok Post").run()
    assert not app.exception
    assert 0 < len(app.dataframe[0].value) < 37


def test_the_targets_page_sets_areas_against_each_target_as_stated():
    app = open_app(lang="en")
    app.switch_page("pages/targets.py").run()
    assert not app.exception
    assert [i.value for i in app.info] == [
        "31 areas certified so far (and 6 more reported): 29.5% of the target of 105 by 2027"
    ]
    cards = [h.proto.body for h in app.html if "scm-card" in h.proto.body]
    assert sum("100 cities by 2022" in c for c in cards) == 2
    assert sum("100 cities by 2024" in c for c in cards) == 1
    assert sum("105 cities by 2027" in c for c in cards) == 2
    assert any("100 cities</div>" in c and "stated Nov 2017" in c for c in cards)  # no year given
    assert any("15 more cities by 2023" in c for c in cards)


@pytest.mark.parametrize(
    ("page", "title"),
    [("pages/timeline.py", "พื้นที่และจังหวัดสะสมตามเวลา"), ("pages/targets.py", "พื้นที่สะสมเทียบเป้าหมาย")],
)
def test_chart_titles_are_page_text_above_the_chart_not_drawn_by_vega(page, title):
    """Vega drew its title at the canvas's top edge and cut off Thai marks above the line."""
    app = open_app(lang="th")
    app.switch_page(page).run()
    assert f"**{title}**" in [m.value for m in app.markdown]
    (chart,) = app.get("vega_lite_chart")
    assert "title" not in json.loads(chart.proto.spec)


@pytest.mark.parametrize("page", ["pages/timeline.py", "pages/targets.py"])
def test_charts_leave_room_at_the_canvas_edges_for_thai_marks_and_end_points(page):
    """Vega measures text by Latin metrics: the rotated axis title จำนวน lost its upper marks at the
    canvas's left edge, and the last point and target label were cut at the right and top."""
    app = open_app(lang="th")
    app.switch_page(page).run()
    (chart,) = app.get("vega_lite_chart")
    padding = json.loads(chart.proto.spec)["padding"]
    assert padding["left"] >= 10 and padding["top"] >= 10 and padding["right"] >= 10


@pytest.mark.parametrize(("page", "rows"), [("pages/timeline.py", 15), ("pages/targets.py", 10)])
def test_a_cached_chart_spec_keeps_its_data_on_every_run(page, rows):
    """The chart's Vega-Lite spec is made once and cached; Streamlit moves the data out of the
    spec it is given, which must not empty the cached one for the next run or session."""
    import pyarrow as pa

    for _ in range(2):
        app = open_app(lang="en")
        app.switch_page(page).run()
        app.run()
        (chart,) = app.get("vega_lite_chart")
        tables = [pa.ipc.open_stream(d.data.data).read_all() for d in chart.proto.datasets]
        assert tables[0].num_rows == rows
        assert {"date", "series", "count"} <= set(tables[0].column_names)


def test_each_filters_join_is_computed_once_for_the_map_and_the_figures(monkeypatch):
    """Streamlit keys a cache by the arguments as passed: every caller passes the view's own
    as_of and regions, so the map and the figures share one join."""
    joins = []
    real_join = ui.caches.join_to_provinces

    def counted_join(tables, boundaries, as_of, regions):
        joins.append((as_of, regions))
        return real_join(tables, boundaries, as_of, regions)

    monkeypatch.setattr(ui.caches, "join_to_provinces", counted_join)
    for cache in (ui.cached_join, ui.caches.cached_view_spec, ui.cached_headline, ui.cached_coverage):
        cache.clear()
    app = open_app(lang="en", round="1")
    assert metrics(app)["Certified areas"] == "15"
    assert len(joins) == len(set(joins)) >= 1


def test_investment_page_shows_the_2020_pilots_and_coverage_by_kind_of_body():
    app = open_app(lang="en")
    app.switch_page("pages/investment.py").run()
    assert not app.exception
    pilots = next(h.proto.body for h in app.html if "pilots of the 2 Jul 2020 MoU" in h.proto.body)
    assert "Of the 12 pilots of the 2 Jul 2020 MoU, 6 became certified areas" in pilots
    assert "Became certified areas (6)" in pilots and "Not found among the certified areas (6)" in pilots
    assert "<b>Ban Chang Subdistrict Municipality</b>" in pilots
    assert "Source: Post Today, 3 Jul 2020" in pilots
    bodies = next(h.proto.body for h in app.html if "Kind of body" in h.proto.body)
    rows = re.findall(r'<th scope="row">([^<]+)</th><td class="scm-number">(\d+)</td>', bodies)
    assert dict(rows) == {
        "City municipality": "5",
        "State enterprise": "2",
        "Province (provincial administration)": "1",
        "Town municipality": "1",
        "University": "1",
        "Unknown": "27",
    }
    assert any("(10 of 37 areas)" in c.value for c in app.caption)


def test_the_programme_page_says_how_it_works_in_both_languages_with_sources():
    app = open_app(lang="en")
    app.switch_page("pages/programme.py").run()
    assert not app.exception
    assert [s.value for s in app.subheader][:3] == [
        "What a certified area receives",
        "Who decides",
        "How an area applies",
    ]
    benefit = next(h.proto.body for h in app.html if "Board of Investment" in h.proto.body)
    assert "Phu Nam Thongthin (local leaders) magazine online (undated)" in benefit
    thai = open_app()
    thai.switch_page("pages/programme.py").run()
    assert not thai.exception
    assert "ใครตัดสิน" in [s.value for s in thai.subheader]


def test_the_overview_links_to_how_the_programme_works():
    app = open_app(lang="en")
    (link,) = [e for e in app.get("page_link") if "how" in e.proto.label.lower()]
    assert link.proto.label == "How the smart-city programme works"


def test_investment_cards_say_what_kind_of_statement_each_figure_is():
    app = open_app(lang="en")
    app.switch_page("pages/investment.py").run()
    assert not app.exception
    card = next(h.proto.body for h in app.html if "more than 20,000 million baht" in h.proto.body)
    assert "expected, not a result" in card
    realised = next(h.proto.body for h in app.html if "30,900" in h.proto.body)
    assert "reported as already realised" in realised


def figures_in(spec: dict) -> list[dict]:
    """The rows a figures chart draws (its one data set)."""
    (rows,) = spec["datasets"].values()
    return rows


def test_investment_page_opens_on_a_summary_and_folds_every_figure_below():
    app = open_app(lang="en")
    app.switch_page("pages/investment.py").run()
    assert not app.exception
    charts = [c.proto.spec for c in app.get("vega_lite_chart")]
    assert len(charts) == 3  # baht, US dollars, people
    baht = json.loads(charts[0])
    # Streamlit moves the data out of the spec; the cached spec keeps it.
    spec = ui.cached_figures_chart(ui.stamp(), "investment_mthb", "en")
    rows = figures_in(spec)
    assert baht["layer"] and len(rows) == 6
    # Every figure of round 2 stands on its own, none summed or merged, each with its words.
    round_2 = [r["text"] for r in rows if r["text"].startswith("Round 2 (2022)")]
    assert [line.split("\n")[0] for line in round_2] == [
        "Round 2 (2022) · more than 20,000 million baht",
        "Round 2 (2022) · more than 20,000 million baht",
        "Round 2 (2022) · about 20,000 million baht",
        "Round 2 (2022) · more than 15,000 million baht",
    ]
    assert all(line.split("\n")[1] == "expected, not a result" for line in round_2)
    assert "private investment (unclear whether for the 15 new or all 30 areas)" in round_2[1].replace("\n", " ")
    realised = next(r for r in rows if r["statement"] == "realised")
    assert realised["value"] == 30900 and realised["source"] == "nationthailand.com"
    people = figures_in(ui.cached_figures_chart(ui.stamp(), "population_served", "en"))
    assert sorted(r["value"] for r in people) == [1_800_000, 16_000_000, 16_000_000, 20_000_000]
    # The cards are still there, folded below the summary.
    (folded,) = app.expander
    assert folded.label == "Every figure as announced, with its source"
    assert sum("more than 20,000 million baht" in h.proto.body for h in folded.get("html")) == 2


def test_an_empty_claims_table_says_so_instead_of_a_heading_over_nothing(data_copy, monkeypatch):
    claims = data_copy / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    monkeypatch.setenv("SMARTCITY_DATA_DIR", str(data_copy))
    app = open_app(lang="en")
    app.switch_page("pages/investment.py").run()
    assert not app.exception
    assert [i.value for i in app.info] == ["No investment or population figure is recorded in claims.csv yet."]
    assert len(app.get("vega_lite_chart")) == 0
    assert app.expander.len == 0
