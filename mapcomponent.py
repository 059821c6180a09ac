"""The province map at the Streamlit edge: a v2 custom component that keeps its map between runs.

The component (mapcomponent.js) draws with Leaflet in the page itself, not in an iframe, and
keeps its map, layers and boundaries while the session lasts: a filter change sends a new view
and the browser restyles the shapes in place. Its spec is built once per view and shared by
every session as JSON text (``ui.cached_map_spec``), so a run only hands that text over.

The boundaries (150 KB of the 180 KB) go to the browser once per session and version: Streamlit
sends a component's whole data on every run, so runs after the first leave them out, and the
browser keeps them for every map on its page. If a page lacks them (a reconnect to a fresh
page), the component asks and the next run sends them again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

MAP_JS = (Path(__file__).resolve().parent / "mapcomponent.js").read_text(encoding="utf-8")

province_map = st.components.v2.component("smartcity_map", js=MAP_JS, isolate_styles=False)


SENT = "map_shapes_sent"  # session state: the boundary versions this session's page holds
DRAWN = "map_drawn"  # session state: this session's page has drawn a map


def show_map(
    spec_json: str,
    shapes_version: str,
    shapes_json: str,
    key: str,
    height: int,
    on_click: Callable[[], None] | None = None,
    report_drawn: bool = False,
) -> None:
    """Draw (or restyle) the map ``key`` with a spec from ``smartcity.choropleth.map_spec``.

    ``shapes_json`` (from ``province_shapes``) is sent only if this session has not sent that
    version yet. ``on_click`` runs when a province is clicked; the clicked code is then
    ``clicked_province(key)``. With ``report_drawn`` the browser says when the map is drawn (or
    could not be), and that rerun finds ``map_drawn()`` true.
    """
    sent = st.session_state.setdefault(SENT, set())
    shapes = "null" if shapes_version in sent else shapes_json
    sent.add(shapes_version)
    asked = drawn_request() if report_drawn else "false"
    province_map(
        key=key,
        # Bytes, not text: Streamlit would encode text as JSON again and hash that copy (2 ms a
        # first run), and the browser would parse it twice.
        data=f'{{"spec":{spec_json},"shapes":{shapes},"report_drawn":{asked}}}'.encode(),
        height=height,
        on_clicked_change=on_click or (lambda: None),
        on_missing_shapes_change=lambda: resend_shapes(key),
        on_drawn_change=note_drawn,
    )


def drawn_request() -> str:
    """A new number on every run that asks: the browser calls the component only when its data
    changes, and a request it never saw again (a lost rerun) would leave the page waiting."""
    st.session_state["map_drawn_requests"] = st.session_state.get("map_drawn_requests", 0) + 1
    return str(st.session_state["map_drawn_requests"])


def note_drawn() -> None:
    st.session_state[DRAWN] = True


def map_drawn() -> bool:
    """Whether this session's page has drawn a map (and said so)."""
    return bool(st.session_state.get(DRAWN))


def resend_shapes(key: str) -> None:
    """The browser lacks the boundaries it was told to draw: send them on this run."""
    result = st.session_state.get(key)
    version = result.get("missing_shapes") if result is not None else None
    st.session_state.get(SENT, set()).discard(version)


def clicked_province(key: str) -> str | None:
    """The code of the province clicked on map ``key`` in this run, as the browser sent it."""
    result = st.session_state.get(key)
    value = result.get("clicked") if result is not None else None
    return value if isinstance(value, str) else None
