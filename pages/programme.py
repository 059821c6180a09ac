"""How the programme works: what a certified area receives, who decides, how an area applies, the
2020 MoU's focus areas, the national plans, procurement, people and awards (programme.csv)."""

import streamlit as st

import ui
from smartcity.output.render import programme_sections

ui.ensure_frame()

view = ui.view()
st.caption(ui.t("programme_intro"))
sections = programme_sections(ui.checked().tables.programme, view.lang)
if not sections:
    st.stop()  # no programme.csv, or its rows have problems: the problems box above says why
for title, body in sections:
    st.subheader(title)
    st.html(body)
