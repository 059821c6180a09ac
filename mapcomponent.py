"""The province map at the Streamlit edge: a v2 custom component that keeps its map between runs.

The component (mapcomponent.js) draws with Leaflet in the page itself, not in an iframe, and
keeps its map, layers and boundaries while the session lasts: a filter change sends a new view
and the browser restyles the shapes in place. Its spec is built once per view and shared by
every session as JSON text (``ui.cached_map_spec``), so a run only hands that text over.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

MAP_JS = (Path(__file__).resolve().parent / "mapcomponent.js").read_text(encoding="utf-8")

province_map = st.components.v2.component("smartcity_map", js=MAP_JS, isolate_styles=False)


def show_map(spec_json: str, key: str, height: int, on_click: Callable[[], None] | None = None) -> None:
    """Draw (or restyle) the map ``key`` with a spec from ``smartcity.choropleth.map_spec``.

    ``on_click`` runs when a province is clicked; the clicked code is then
    ``clicked_province(key)``.
    """
    province_map(
        key=key,
        data=spec_json,
        height=height,
        on_clicked_change=on_click or (lambda: None),
    )


def clicked_province(key: str) -> str | None:
    """The code of the province clicked on map ``key`` in this run, as the browser sent it."""
    result = st.session_state.get(key)
    value = result.get("clicked") if result is not None else None
    return value if isinstance(value, str) else None
