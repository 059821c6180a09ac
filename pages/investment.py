"""Investment and population: first a summary (every announced figure as a chart, the registered
population in provinces with an area, coverage by region and by kind of body), then every figure
with its words and source, folded; the 2020 pilots and what became of them."""

import streamlit as st

import ui
from smartcity.i18n import format_date, format_number, format_share
from smartcity.output.charts import FIGURE_METRICS
from smartcity.output.render import body_coverage_table, escape, region_coverage_table

ui.ensure_frame()

view = ui.view()
charts = [(metric, ui.cached_figures_chart(ui.stamp(), metric, view.lang)) for metric in FIGURE_METRICS]
charts = [(metric, spec) for metric, spec in charts if spec is not None]
joined = ui.cached_join(ui.stamp(), view.as_of, view.regions)
# No provinces (an unusable provinces.csv): the problems box above says why.
with_population = ui.checked().boundaries is not None and not joined.empty

if with_population:
    covered, total, summary = ui.cached_coverage(ui.stamp(), view.as_of, view.regions)
    scope = ui.t("population_scope_selection") if view.region else ui.t("population_scope_country")
    st.subheader(ui.t("population_title"))
    # A sentence, not st.metric: a metric's value is one line and was cut off at "(66,558…".
    headline = ui.t(
        "population_headline",
        covered=format_number(covered, view.lang),
        share=format_share(covered / total if total else 0, view.lang),
        scope=scope,
        total=format_number(total, view.lang),
    )
    st.html(f'<p class="scm-headline">{escape(headline)}</p>')
    st.caption(ui.t("population_year", date=format_date(joined["population_date"].iloc[0], view.lang)))

st.subheader(ui.t("claims_title"))
if charts:
    st.caption(ui.t("figures_note"))
    for metric, spec in charts:
        ui.titled_chart(ui.t(f"figures_title_{metric}"), spec)
else:
    st.info(ui.t("claims_none"), icon=":material/info:")

if with_population:
    region_column, body_column = st.columns([3, 2], gap="medium")
    with region_column:
        st.markdown(f"**{ui.t('coverage_title')}**")
        st.html(region_coverage_table(summary, view.lang))
    with body_column:
        st.markdown(f"**{ui.t('body_coverage_title')}**")
        bodies = ui.cached_body_coverage(ui.stamp(), view.as_of, view.regions)
        st.html(body_coverage_table(bodies, view.lang))
        known = int(bodies.loc[bodies["kind"] != "", "areas"].sum())
        st.caption(ui.t("body_coverage_note", n=known, total=int(bodies["areas"].sum())))

groups = ui.cached_claim_cards(ui.stamp(), view.lang)
if groups:
    with st.expander(ui.t("claims_every_figure")):
        st.caption(ui.t("claims_intro"))
        for title, blocks in groups:
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

pilots = ui.cached_pilots_panel(ui.stamp(), view.lang)
if pilots is not None:
    st.subheader(ui.t("pilots_title"))
    st.html(pilots)

if ui.checked().boundaries is not None:
    ui.brief_and_gis_downloads(view)
