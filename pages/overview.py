"""Overview: the choropleth, and beside it the headline figures and the selected province's areas."""

from functools import partial

import streamlit as st

import ui
from smartcity.i18n import text
from smartcity.model.join import select_areas
from smartcity.model.urlstate import DEFAULTS
from smartcity.model.view import View
from smartcity.output.choropleth import METRICS
from smartcity.output.render import headline_texts, province_panel, stated_total_card

ui.ensure_frame()


def show_headline(view: View) -> None:
    """Headline figures, the announced total beside the list's, and the validity note."""
    headline = ui.cached_headline(ui.stamp(), view.as_of, view.regions)
    figures = headline_texts(headline, view.lang)
    renewed = ui.t("headline_renewed", n=headline.renewed) if headline.renewed else None
    certified_only = headline.provinces_certified != headline.provinces_covered
    deltas = {
        "areas": renewed,
        "provinces": ui.t("headline_provinces_help", n=headline.provinces_certified) if certified_only else None,
    }
    # One under another: beside the map the column is too narrow for two side by side.
    for key, (label, value) in figures.items():
        st.metric(label, value, delta=deltas.get(key), delta_color="off", delta_arrow="off", border=True)
    total = ui.cached_stated_total(ui.stamp(), view.last_round) if view.region is None else None
    if total is not None:
        st.html(stated_total_card(total, view.lang))
    if headline.renewed or headline.reported:
        st.caption(ui.t("validity_note"))


def choose_metric(view: View) -> None:
    # pills: four options do not fit one row beside the map.
    ui.choice(
        ui.t("metric"), METRICS, "metric", DEFAULTS["metric"], lambda m: text(f"metric_{m}", view.lang), pills=True
    )


def show_downloads(view: View) -> None:
    """The map as a slide, PNG (rendered by Chromium) or SVG."""
    svg = partial(ui.cached_slide_svg, ui.stamp(), view)
    name = f"thailand-smart-city-map-{view.metric}-round{view.last_round}-{view.lang}"
    ui.download_row(
        [
            (ui.t("download_png"), lambda: ui.cached_slide_png(svg()), f"{name}.png", "image/png", ":material/image:"),
            (ui.t("download_svg"), svg, f"{name}.svg", "image/svg+xml", ":material/draw:"),
        ]
    )


def show_province_or_hint(view: View) -> None:
    if view.province:
        tables = ui.checked().tables
        areas = select_areas(tables, view.as_of, view.regions)
        province_areas = areas[areas["province_code"] == view.province]
        joined = ui.cached_join(ui.stamp(), view.as_of, view.regions)
        labels = tables.round_index.labels(view.lang)
        st.html(province_panel(joined.loc[view.province], province_areas, view.lang, labels))
    else:
        st.info(ui.t("map_hint"), icon=":material/touch_app:")


view = ui.view()
map_alone = st.session_state.get(ui.MAP_ALONE, False)  # a session's first run: the map, then the rest
# The map on the left, what colours it and what it shows on the right.
map_column, side_column = st.columns([2, 1], gap="medium")
with map_column:
    if ui.checked().boundaries is None:
        st.error(ui.t("map_unavailable"), icon=":material/map:")
    else:
        ui.show_choropleth(
            view, ui.OVERVIEW_MAP, height=620, on_click=ui.select_clicked_province, report_drawn=map_alone
        )
if not map_alone:
    # On a phone the columns stack: what colours the map comes right under it, before the
    # table and the downloads, which follow both columns.
    with side_column:
        st.page_link("pages/programme.py", label=ui.t("programme_link"), icon=":material/help:")
        choose_metric(view)
        show_province_or_hint(view)
        ui.scroll_to_panel_after_click()
        show_headline(view)
    if ui.checked().boundaries is not None:
        ui.show_map_as_text(view)
        show_downloads(view)
        ui.brief_and_gis_downloads(view)
