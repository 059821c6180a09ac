"""The province map at the Streamlit edge: folium's map shown by streamlit-folium.

The base map (boundaries, tooltip heads, behaviour) is the same for every view of a page in one
language, so streamlit-folium keeps its frame; each run passes the view (colours, tooltips,
legend, bounds) as ``feature_group_to_add``, which the frame applies in place. The boundaries
reach the browser as a file the app serves (``static/geo/``), fetched once per frame, when it is
the file the app read; otherwise they are embedded in the map.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from streamlit_folium import st_folium

from smartcity.data.boundaries import boundaries_path_from_environment
from smartcity.i18n import text
from smartcity.model.view import View
from smartcity.output.foliummap import build_base_map, build_view_layer
from smartcity.output.mapassets import SERVED_BOUNDARIES, asset_urls, boundaries_url, served_boundaries_text
from ui.caches import cached_join, cached_map_text, cached_overlays, cached_view_spec, stamp

# What the map sends back: only a clicked province, and only on the overview. Panning and
# zooming send nothing (with streamlit-folium's default, every move reran the page).
CLICK = ["last_active_drawing"]
# Session state: this session's browser has drawn a map. Until then the overview sends the map
# alone (``map_first``): Streamlit's browser fetches each kind of element's script as it first
# draws one, one wave after another, and every widget sent beside the map (filters, figures,
# downloads, their icon font) delayed the map's frame and shared a phone's bandwidth with it.
MAP_SHOWN = "map_shown"
DRAWN = "drawn"  # what the map's frame adds to its value once painted (choropleth.js)
MAP_ALONE = "map_alone"  # session state: the frame decided this run sends the map alone


def map_first() -> bool:
    """The first run of a session: the overview sends its map alone, the rest once it is drawn."""
    return not st.session_state.get(MAP_SHOWN, False)


@st.cache_resource(show_spinner=False, max_entries=4)
def served_boundaries_url(version: str) -> str | None:
    """The URL of the app's copy of the boundary file, when it is the file the app read."""
    path = boundaries_path_from_environment()
    if not (path.is_file() and SERVED_BOUNDARIES.is_file()):
        return None
    if served_boundaries_text(path) != SERVED_BOUNDARIES.read_text(encoding="utf-8"):
        return None
    return boundaries_url()


def show_choropleth(
    view: View,
    key: str,
    height: int,
    metric: str | None = None,
    on_click: Callable[[], None] | None = None,
    fill_frame: bool = False,
    report_drawn: bool = False,
    stage: tuple[str, ...] | None = None,
) -> None:
    """Draw the map ``key`` for ``view`` (coloured by ``metric``, default the view's), or recolour
    it in place; ``on_click`` runs when a province is clicked (``clicked_province(key)``).
    ``fill_frame``: the map fills the height the page's styles give its frame (embedding).
    ``report_drawn``: the frame says when the map is painted, which reruns the page (``map_first``).
    ``stage``: a presenter's stage, its legend's type scaled to the room, showing these layers
    (overlays) and no others."""
    version = stamp()
    joined = cached_join(version, view.as_of, view.regions)
    spec = cached_view_spec(version, view.as_of, view.regions, metric or view.metric, view.lang, view.province)
    if report_drawn:
        spec = {**spec, "reportDrawn": True}
    if stage is not None:
        spec = {**spec, "stage": True, "layersOn": list(stage)}

    def changed() -> None:
        value = st.session_state.get(key) or {}
        if value.get(DRAWN):
            st.session_state[MAP_SHOWN] = True
        elif on_click is not None:
            on_click()

    base = build_base_map(
        joined,
        view.lang,
        served_boundaries_url(version),
        asset_urls(),
        fill_frame=fill_frame,
        overlays=cached_overlays(version),
    )
    st_folium(
        base,
        key=key,
        height=height,
        use_container_width=True,
        returned_objects=CLICK if on_click or report_drawn else [],
        feature_group_to_add=build_view_layer(spec),
        on_change=changed,
    )


def show_map_as_text(view: View) -> None:
    """Under the map: what it shows in one sentence (the map's text alternative, the same as
    its frame's label) and, when the reader asks, the map as a table (sent only then: it
    would add to every filter change)."""
    summary, table = cached_map_text(stamp(), view.as_of, view.regions, view.lang)
    st.caption(summary)
    if st.toggle(text("map_as_table", view.lang), key="map_as_table"):
        st.html(table)


def clicked_province(key: str) -> str | None:
    """The code of the province last clicked on map ``key``, as the browser sent it."""
    result = st.session_state.get(key) or {}
    feature = result.get("last_active_drawing") or {}
    code = (feature.get("properties") or {}).get("code")
    return code if isinstance(code, str) else None
