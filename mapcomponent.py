"""The map at the Streamlit edge: build the streamlit-folium payload once per view, then reuse it.

``st_folium`` renders the whole folium map (templates, 150 KB of GeoJSON) on every script run,
about 200 ms here. The payload it sends depends only on the view (language, metric, rounds,
regions, selected province), so it is built once per view and cached; each run then only hands
the cached payload to the same streamlit-folium component. The preparation below mirrors
``streamlit_folium.st_folium`` 0.27.4 (pinned in requirements.txt);
tests/test_mapcomponent.py fails if the two ever send different arguments.
"""

from __future__ import annotations

from collections.abc import Callable

import branca
import folium
import folium.elements
import streamlit as st
import streamlit_folium as sf


def walk(element):
    """Every element of a map that brings its own scripts or styles (as st_folium walks them)."""
    if isinstance(element, branca.colormap.ColorMap | folium.elements.JSCSSMixin):
        yield element
    for child in getattr(element, "_children", {}).values():
        yield from walk(child)


def component_payload(fmap: folium.Map) -> dict:
    """What st_folium would send to its component for ``fmap``, minus the per-call options."""
    fmap.get_root().render()
    fmap.render()
    html = sf._get_html(fmap)
    header = sf._get_header(fmap)
    script = sf._get_map_string(fmap)
    css_links: list[str] = []
    js_links: list[str] = []
    for element in walk(fmap):
        css_links.extend(href for _, href in getattr(element, "default_css", []))
        js_links.extend(src for _, src in getattr(element, "default_js", []))
    southwest, northeast = fmap.get_bounds()
    return {
        "script": script,
        "header": header,
        "html": html,
        "id": sf.get_full_id(fmap),
        "css_links": list(dict.fromkeys(css_links)),
        "js_links": list(dict.fromkeys(js_links)),
        "bounds": {
            "_southWest": {"lat": southwest[0], "lng": southwest[1]},
            "_northEast": {"lat": northeast[0], "lng": northeast[1]},
        },
        "zoom": fmap.options.get("zoom"),
    }


def show_map(
    payload: dict,
    key: str,
    height: int,
    returned_objects: list[str],
    hash_key: str,
    on_change: Callable[[], None] | None = None,
):
    """Hand a cached payload to the streamlit-folium component; return what it reports."""
    defaults = {
        "last_clicked": None,
        "last_object_clicked": None,
        "last_object_clicked_tooltip": None,
        "bounds": payload["bounds"],
        "zoom": payload["zoom"],
    }

    def changed() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})
        if on_change is not None:
            on_change()

    return sf._component_func(
        script=payload["script"],
        header=payload["header"],
        html=payload["html"],
        id=payload["id"],
        key=hash_key,
        height=height,
        width=None,
        returned_objects=returned_objects,
        default={k: v for k, v in defaults.items() if k in returned_objects},
        zoom=None,
        center=None,
        feature_group=None,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        css_links=payload["css_links"],
        js_links=payload["js_links"],
        on_change=changed,
        wrap_longitude=False,
    )


def component_hash(payload: dict, key: str) -> str:
    """The component key st_folium derives from the map script and the caller's key."""
    return sf.generate_js_hash(payload["script"], key, False)
