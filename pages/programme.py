"""How the programme works: what a certified area receives, who decides, how an area applies, the
2020 MoU's focus areas, the national plans, procurement, people and awards (programme.csv)."""

import streamlit as st

import ui
from smartcity import programme_sections

ui.ensure_frame()

view = ui.view()
st.caption(ui.t("programme_intro"))
tables = ui.checked().tables
sections = programme_sections(tables.programme, view.lang, tables.source_names)
if not sections:
    st.stop()  # no programme.csv, or its rows have problems: the problems box above says why
for title, body in sections:
    st.subheader(title)
    st.html(body)
