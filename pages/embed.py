"""Embed (``?embed=1``): the map, its legend and "as of" control, and a source line, sized to the
frame a news site puts it in. The allowed embedding origins are the server's setting (README)."""

import streamlit as st

import ui
from smartcity.model.deck import public_url_from_environment
from smartcity.model.urlstate import view_url
from smartcity.output.render import escape, link

ui.ensure_frame()

view = ui.view()
ui.as_of_control(ui.checked().tables, label_visibility="collapsed")
if ui.checked().boundaries is None:
    st.error(ui.t("map_unavailable"), icon=":material/map:")
else:
    ui.show_choropleth(view, "embed_map", height=480, fill_frame=True)
dashboard = view_url(public_url_from_environment(), view)
st.html(f'<p class="scm-embed-source">{escape(ui.t("embed_source"))} · {link(dashboard, ui.t("embed_open"))}</p>')
