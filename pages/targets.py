"""Progress to targets: areas over time against each national target as it was stated at the time."""

import streamlit as st

import ui
from smartcity import chart_legend, claim_card, format_number, format_share, local_year

ui.ensure_frame()

view = ui.view()
st.caption(ui.t("targets_intro"))
targets = ui.cached_targets(ui.stamp())
series = ui.cached_series(ui.stamp(), None)
if targets.empty or series.empty:
    st.stop()  # nothing to compare: the problems box above says why

dated = targets[targets["ends"].notna()]
if not dated.empty:
    latest = dated.iloc[-1]
    now = ui.cached_counts(ui.stamp(), None, None)
    st.info(
        ui.t(
            "target_progress",
            certified=format_number(now.certified, view.lang),
            reported=format_number(now.reported, view.lang),
            share=format_share(now.certified / latest["value"], view.lang),
            value=format_number(latest["value"], view.lang),
            year=local_year(int(latest["target_by"]), view.lang),
        ),
        icon=":material/flag:",
    )
ui.titled_chart(ui.t("targets_chart_title"), ui.cached_targets_chart(ui.stamp(), view.lang))
st.html(chart_legend(series, targets, view.lang))

st.subheader(ui.t("targets_list"))
claims = ui.checked().tables.claims
others = claims[claims["metric"].isin(["target_areas_added", "target_areas_per_year"])]
for _, claim in targets.iterrows():
    st.html(claim_card(claim, view.lang, ui.checked().tables.source_names))
for _, claim in others.iterrows():
    st.html(claim_card(claim, view.lang, ui.checked().tables.source_names))
