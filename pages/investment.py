"""Investment and population: every announced figure with scope and source; coverage by region
and by the kind of body that runs each area; the 2020 pilots and what became of them."""

import pandas as pd
import streamlit as st

import ui
from smartcity.i18n import format_date, format_number, format_share, region_name

ui.ensure_frame()


def show_body_coverage(view) -> None:
    """Areas by the kind of body that runs them; unknown where no source names the body."""
    st.markdown(f"**{ui.t('body_coverage_title')}**")
    bodies = ui.cached_body_coverage(ui.stamp(), view.as_of, view.regions)
    known = int(bodies.loc[bodies["kind"] != "", "areas"].sum())
    kinds = bodies["kind"].map(lambda k: ui.t(f"body_kind_{k}" if k else "body_kind_unknown"))
    st.dataframe(
        pd.DataFrame(
            {
                ui.t("body_kind_col"): kinds,
                ui.t("coverage_areas"): bodies["areas"],
                ui.t("col_provinces"): bodies["provinces"],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    st.caption(ui.t("body_coverage_note", n=known, total=int(bodies["areas"].sum())))


view = ui.view()
if ui.checked().boundaries is not None:
    ui.brief_and_gis_downloads(view)

st.subheader(ui.t("claims_title"))
st.caption(ui.t("claims_intro"))
for title, blocks in ui.cached_claim_cards(ui.stamp(), view.lang):
    st.markdown(f"#### {title}")
    for conflict, cards in blocks:
        if conflict is None:
            for card in cards:
                st.html(card)
            continue
        st.warning(ui.t("conflict_note"), icon=":material/compare_arrows:")
        for column, card in zip(st.columns(len(cards)), cards, strict=True):
            with column:
                st.html(card)

joined = ui.cached_join(ui.stamp(), view.as_of, view.regions)
# No provinces (an unusable provinces.csv): the problems box above says why.
if ui.checked().boundaries is not None and not joined.empty:
    st.subheader(ui.t("population_title"))
    covered, total, summary = ui.cached_coverage(ui.stamp(), view.as_of, view.regions)
    scope = ui.t("population_scope_selection") if view.region else ui.t("population_scope_country")
    st.metric(
        ui.t("population_title"),
        ui.t(
            "population_headline",
            covered=format_number(covered, view.lang),
            share=format_share(covered / total if total else 0, view.lang),
            scope=scope,
            total=format_number(total, view.lang),
        ),
        label_visibility="collapsed",
    )
    st.caption(ui.t("population_year", date=format_date(joined["population_date"].iloc[0], view.lang)))

    st.subheader(ui.t("coverage_title"))
    table = pd.DataFrame(
        {
            ui.t("col_region"): summary["region"].map(lambda r: region_name(r, view.lang)),
            ui.t("coverage_provinces"): [
                f"{c} / {n}" for c, n in zip(summary["provinces_covered"], summary["provinces"], strict=True)
            ],
            ui.t("coverage_share"): (summary["provinces_covered"] / summary["provinces"]).map(
                lambda v: format_share(v, view.lang)
            ),
            ui.t("coverage_areas"): summary["areas"],
            ui.t("population_col"): summary["population"].map(lambda v: format_number(v, view.lang)),
            ui.t("population_covered_col"): summary["population_covered"].map(lambda v: format_number(v, view.lang)),
            ui.t("population_share_col"): summary["population_share"].map(lambda v: format_share(v, view.lang)),
        }
    )
    region_column, body_column = st.columns([3, 2], gap="medium")
    region_column.dataframe(table, hide_index=True, width="stretch")
    with body_column:
        show_body_coverage(view)


pilots = ui.cached_pilots_panel(ui.stamp(), view.lang)
if pilots is not None:
    st.subheader(ui.t("pilots_title"))
    st.html(pilots)
