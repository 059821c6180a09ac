"""Investment and population: every announced figure with scope and source; coverage by region."""

import pandas as pd
import streamlit as st

import ui
from smartcity.i18n import format_date, format_number, format_share, region_name

ui.ensure_frame()

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
    st.dataframe(table, hide_index=True, width="stretch")
