"""The map as a streamlit-folium tutorial makes it: one GeoJson (with its own style and tooltip)
per province, the whole map rebuilt each run, st_folium's defaults. The comparison row for the
dashboard's map in bench/run.py.

Only the scripts are pointed at the app's own Leaflet (folium's CDN defaults cannot
load offline, and one failed script stops streamlit-folium drawing anything).
"""

import folium
import streamlit as st
from streamlit_folium import st_folium

from smartcity.data.validate import check_all
from smartcity.model.join import join_to_provinces
from smartcity.output.choropleth import fill_colour

st.set_page_config(page_title="Tutorial map", layout="wide")
st.markdown("### Thailand Smart City Map")
data = check_all()
joined = join_to_provinces(data.tables, data.boundaries)
fmap = folium.Map(location=[13.0, 101.0], zoom_start=5, tiles=None)
fmap.default_js = [("leaflet", "/app/static/leaflet/leaflet.js")]
fmap.default_css = [("leaflet_css", "/app/static/leaflet/leaflet.css")]
for _, row in joined.iterrows():
    colour = fill_colour(row, "area_count")
    folium.GeoJson(
        row.geometry.__geo_interface__,
        style_function=lambda _, colour=colour: {"fillColor": colour, "color": "#8c8c8c", "weight": 0.6},
        tooltip=f"{row['name_en']}: {row['area_count']}",
    ).add_to(fmap)
st_folium(fmap, height=620, width=900)
