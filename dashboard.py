"""Thailand Smart City Map: the frame. Page config, language, shared filters, navigation."""

import logging

import streamlit as st

import ui

# No page_icon: a Material icon there is fetched from a font CDN, which fails offline.
st.set_page_config(page_title="Thailand Smart City Map", layout="wide")

ui.restore_from_url()
presenting = st.query_params.get("present") == "1"
overview = st.Page("pages/overview.py", title=ui.t("page_overview"), url_path="overview", default=not presenting)
pages = [
    overview,
    st.Page("pages/timeline.py", title=ui.t("page_timeline"), url_path="timeline"),
    st.Page("pages/targets.py", title=ui.t("page_targets"), url_path="targets"),
    st.Page("pages/investment.py", title=ui.t("page_investment"), url_path="investment"),
    st.Page("pages/data.py", title=ui.t("page_data"), url_path="data"),
    st.Page("pages/presenter.py", title=ui.t("page_presenter"), url_path="presenter", default=presenting),
]
page = st.navigation(pages, position="hidden" if presenting else "top")
presenting = presenting or page.url_path == "presenter"
st.set_page_config(page_title=ui.t("app_title"))
ui.inject_css()
checked = ui.checked()
map_first = ui.decide_map_first(page is overview and not presenting, checked)

if presenting:
    ui.inject_presenter_css()
else:
    title_column, language_column = st.columns([5, 1], vertical_alignment="center")
    with language_column:
        if not map_first:
            ui.language_switch()
    with title_column, st.container(key="app_title"):
        st.markdown(f"### {ui.t('app_title')}")
        st.caption(ui.t("app_subtitle"))
    ui.show_problems(checked)
    ui.shared_filters(checked.tables, header_only=map_first)

try:
    page.run()
except Exception:  # a page never shows a traceback; the server log keeps it
    logging.getLogger("smartcity").exception("page %s failed", page.url_path)
    st.error(ui.t("page_failed"), icon=":material/error:")
if not presenting:
    st.divider()
    st.caption(ui.t("footer"))
ui.sync_url()
