"""Data: the tables, searchable and downloadable as shown; the data dictionary; the sources."""

from pathlib import Path

import streamlit as st

import ui
from smartcity.data.checks import URL_PATTERN
from smartcity.i18n import column_label, text
from smartcity.output.datatable import TABLE_NAMES, cited_sources, csv_bytes, search_rows
from smartcity.output.render import demote_headings, link, source_label

ui.ensure_frame()

view = ui.view()
st.caption(ui.t("data_intro"))
name = ui.choice(ui.t("table"), TABLE_NAMES, "data_table", "areas", lambda n: text(f"table_{n}", view.lang), pills=True)
frame = ui.cached_text_table(ui.stamp(), name)
query = st.text_input(ui.t("search"), placeholder=ui.t("search_placeholder"), key="data_search")
shown = search_rows(frame, query)
st.caption(ui.t("rows_shown", n=len(shown), total=len(frame)))
if shown.empty:
    st.info(ui.t("no_rows"))
else:
    config = {c: st.column_config.TextColumn(column_label(c, view.lang), help=c) for c in shown.columns}
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config)
st.download_button(
    ui.t("download_csv"),
    csv_bytes(shown),
    file_name=f"{name}{'-filtered' if query.strip() else ''}.csv",
    mime="text/csv",
    icon=":material/download:",
)

st.subheader(ui.t("sources_title"))
st.markdown(f"**{ui.t('source_articles')}**")
sources_dir = ui.checked().tables.sources_dir
for article in sorted(sources_dir.glob("*.txt")):
    with st.expander(source_label(article.name, view.lang) + f" — {article.name}"):
        body = article.read_text(encoding="utf-8")
        st.download_button(
            ui.t("download_article"),
            body.encode("utf-8"),
            file_name=article.name,
            mime="text/plain",
            icon=":material/download:",
            key=f"article_{article.name}",
        )
        st.text(body)
st.markdown(f"**{ui.t('source_urls')}**")
urls = [(s, n) for s, n in cited_sources(ui.checked().tables).items() if URL_PATTERN.match(s)]
st.html(
    "<ul>"
    + "".join(f"<li>{link(u, u)} <span class='scm-muted'>({ui.t('cited_by', n=n)})</span></li>" for u, n in urls)
    + "</ul>"
)
st.caption(ui.t("boundaries_credit"))

with st.expander(ui.t("dictionary")):
    readme = Path(__file__).resolve().parent.parent / "data" / "README.md"
    st.markdown(demote_headings(readme.read_text(encoding="utf-8")))
