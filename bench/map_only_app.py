"""The overview's map alone under a title: what the map costs, apart from the rest of the page.

bench/run.py runs this from a temporary folder that also holds a copy of static/ (Streamlit serves
static/ beside the main script), with the project folder on PYTHONPATH.
"""

import streamlit as st

import ui

st.set_page_config(page_title="Map only", layout="wide")
st.markdown("### Thailand Smart City Map")
ui.show_choropleth(ui.read_view(), ui.OVERVIEW_MAP, height=620)
