"""The province map, made by folium, for the dashboard (shown by streamlit-folium) and the export.

A map is two parts. The *base* (``build_base_map``) is the same for every view on a page: the 77
boundaries in one ``GeoJson`` layer, the tooltip frame and the map's behaviour
(``choropleth.js``). The *view layer* (``build_view_layer``) is what a filter changes: a
``FeatureGroup`` holding one view's colours, tooltips, legend and bounds, which the browser
applies to the base in place. streamlit-folium keys its frame on the base map's script, so
keeping the base constant and passing the view as ``feature_group_to_add`` recolours the same
frame instead of mounting a new one.

No asset comes from a CDN: folium's default scripts and styles are replaced by the app's own
files (``mapassets.asset_urls``) or, in the export, put inline. There is no tile layer. Every string from
a data file is escaped in Python before folium sees it (``choropleth.tooltip_html``, ``safe_json``).
"""

from __future__ import annotations

import re

import folium
import geopandas as gpd
from branca.element import Element, MacroElement
from folium.utilities import JsCode
from jinja2 import Template

from smartcity.output.choropleth import boundary_collection, safe_json, tooltip_head, view_spec
from smartcity.output.mapassets import inline_bundle
from smartcity.output.overlays import Overlay
from smartcity.theme import (
    BORDER_COLOUR,
    FONT_STACK,
    LEGEND_INK,
    MUTED,
    NO_AREA_COLOUR,
    REPORTED_BORDER,
    SEA_COLOUR,
    WHITE,
)

MAP_CSS = f"""
.leaflet-container {{ background: {SEA_COLOUR};
  font-family: {FONT_STACK}; }}
.scm-muted {{ color: {MUTED}; }}
.scm-tooltip {{ white-space: normal; width: max-content; max-width: min(280px, 60vw); font-size: 12px;
  line-height: 1.3; padding: 4px 6px; }}
/* A finger has no hover: a tap opens the province's panel, and its tooltip would only cover the map. */
@media (hover: none) {{ .scm-tooltip {{ display: none; }} }}
.scm-tooltip table, .scm-tooltip td {{ border: 0; padding: 0; }}
.scm-legend {{ background: rgba(255,255,255,.94); padding: 8px 10px; border-radius: 6px; font-size: 13px;
  line-height: 1.35; color: {LEGEND_INK}; box-shadow: 0 1px 4px rgba(0,0,0,.3); max-width: 240px; }}
.scm-legend-title {{ font-weight: 600; margin-bottom: 4px; }}
.scm-phrase {{ white-space: nowrap; }}
path.leaflet-interactive:focus {{ outline: none; }}
.scm-legend-item {{ display: flex; align-items: center; gap: 6px; margin: 2px 0; }}
.scm-swatch {{ display: inline-block; width: 16px; height: 12px; flex: none; border: 1px solid {BORDER_COLOUR}; }}
.scm-swatch-dashed {{ border: 2px dashed {REPORTED_BORDER}; }}
.scm-layers-title {{ margin-top: 6px; }}
.scm-layer-switch {{ cursor: pointer; min-height: 24px; }}
.scm-layer-switch input {{ margin: 0; width: 16px; height: 16px; }}
.scm-dot {{ display: inline-block; width: 10px; height: 10px; border-radius: 50%; border: 2px solid; flex: none; }}
.scm-legend-strip {{ max-width: none; display: flex; flex-wrap: wrap; column-gap: 12px; padding: 6px 8px;
  font-size: 12px; }}
.scm-legend-strip .scm-legend-title {{ flex-basis: 100%; margin-bottom: 2px; }}
.scm-legend-strip .scm-legend-item {{ margin: 1px 0; }}
.leaflet-container:after {{ font-family: inherit; font-size: 18px; text-align: center; }}
/* A presenter's stage: the legend's type grows with the map (2.2% of its height: 13 px on a
   1280x720 stage, 23 px at 1920x1080, 47 px at 3840x2160), so that it reads from the back. */
.scm-stage .scm-legend {{ font-size: max(13px, 2.2vh); max-width: max(240px, 34vw); }}
.scm-stage .scm-swatch {{ width: 1.25em; height: .95em; }}
.scm-stage .scm-dot {{ width: .8em; height: .8em; }}
.scm-stage .scm-layer-switch input {{ font-size: inherit; width: 1em; height: 1em; }}
.scm-stage .scm-layer-switch {{ min-height: 1.5em; }}
.scm-stage .leaflet-control-zoom a {{ width: max(30px, 3vh); height: max(30px, 3vh); line-height: max(30px, 3vh);
  font-size: max(18px, 2.2vh); }}
@media (prefers-reduced-motion: reduce) {{
  *, *::before, *::after {{ animation: none !important; transition: none !important; }}
}}
"""
BASE_STYLE = {"fillColor": NO_AREA_COLOUR, "fillOpacity": 0.92, "color": BORDER_COLOUR, "weight": 0.6}


class ChoroplethBehaviour(MacroElement):
    """The map's own script and styles: attaches ``choropleth.js`` to the province layer."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        {% macro script(this, kwargs) %}
        window.scmChoropleth.attach({{ this._parent.get_name() }}, {{ this.layer.get_name() }}, {{ this.heads_json }},
          { {% for key, group, texts in this.overlays %}{{ key|tojson }}: {{ group.get_name() }},{% endfor %} },
          {{ this.overlay_texts_json }});
        {% endmacro %}
        """
    )

    def __init__(self, layer: folium.GeoJson, heads: dict[str, str], overlays: list | None = None, lang: str = "th"):
        super().__init__()
        self._name = "ChoroplethBehaviour"
        self.layer = layer
        self.heads_json = safe_json(heads)
        # (key, folium layer, texts in the map's language): the layers the legend switches.
        self.overlays = overlays or []
        self.overlay_texts_json = safe_json({key: texts for key, _, texts in self.overlays})
        self.css = MAP_CSS


class ViewStyle(MacroElement):
    """One view, applied to the base map when the layer holding it is added."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        // streamlit-folium keeps every group it was given (window.feature_group, its issue 247);
        // the old ones are off the map by now, so only this one needs keeping.
        if (window.feature_group) { window.feature_group.length = 0; }
        window.scmChoropleth.apply({{ this.spec_json }});
        {% endmacro %}
        """
    )

    def __init__(self, spec: dict):
        super().__init__()
        self._name = "ViewStyle"
        self.spec_json = safe_json(spec)


class FetchedGeoJson(folium.GeoJson):
    """folium's ``GeoJson`` for data the browser fetches (``embed_link``), with the browser's own
    request instead of jQuery's.

    folium fetches such data with ``$.ajax(url, {async: false})``, the one use of jQuery in this
    map: a synchronous request, so that the layer is filled before the scripts after it run
    (folium pull request 1353). The same synchronous request made with ``XMLHttpRequest`` keeps that order
    and spares the map jQuery's download and its place in streamlit-folium's chain of scripts.
    The rest of the script is folium's own.
    """

    _template = Template("{% macro script(this, kwargs) %}{{ this.script_without_jquery(kwargs) }}{% endmacro %}")
    JQUERY_FETCH = re.compile(r"\$\.ajax\((?P<url>.+?), \{dataType: 'json', async: false\}\)\s*\.done\((?P<add>\w+)\);")

    def script_without_jquery(self, kwargs: dict) -> str:
        script = str(folium.GeoJson._template.module.script(self, kwargs))
        native = (
            "(function (request) { request.open('GET', \\g<url>, false); request.send();"
            " if (request.status === 200) { \\g<add>(JSON.parse(request.responseText)); } })(new XMLHttpRequest());"
        )
        script, count = self.JQUERY_FETCH.subn(native, script)
        expected = 0 if self.embed else 1
        if count != expected:
            raise RuntimeError(f"folium's GeoJson template changed: {count} jQuery fetches, expected {expected}")
        return script


def build_base_map(
    joined: gpd.GeoDataFrame,
    lang: str,
    boundaries_url: str | None = None,
    assets: tuple[list, list] | None = None,
    fill_frame: bool = False,
    overlays: list[Overlay] | None = None,
) -> folium.Map:
    """The map every view of a page in ``lang`` draws on: 77 provinces, no tiles, no CDN.

    ``joined``: any join (only its boundaries and province names are used, which every view shares).

    ``boundaries_url``: the browser fetches the boundaries from there (the same file, served by
    the app) instead of their being embedded in the map's script, so that the script streamlit-
    folium sends with every rerun stays small. ``assets``: folium's ``default_js`` and
    ``default_css`` for this map (``mapassets.asset_urls``); None puts the same bundles inline (the
    export: one file that fetches nothing). ``fill_frame``: the map takes its frame's whole height, whatever the frame's
    size (an embedded map, whose frame the page sizes). ``overlays``: the programme's other
    layers (``overlays.programme_overlays``), off until the reader switches them on in the legend.
    """
    scripts, styles = assets or ([], [])
    fmap = folium.Map(
        location=[13.0, 101.0],
        zoom_start=5,
        tiles=None,
        min_zoom=4,
        max_zoom=10,
        zoom_snap=0.25,  # fractional zoom lets the country fill a narrow (phone) map
        zoom_delta=0.5,
        attribution_control=False,
        gesture_handling=True,  # the plugin's option (in the map's bundle); its hints come with each view
    )
    fmap.default_js, fmap.default_css = scripts, styles
    if assets is None:  # the map's bundles inline: Leaflet, its gesture handling, the behaviour
        fmap.get_root().header.add_child(Element(f"<style>{inline_bundle('css')}</style>"), name="map_css")
        fmap.get_root().header.add_child(Element(f"<script>{inline_bundle('js')}</script>"), name="map_js")
    layer = FetchedGeoJson(
        boundary_collection(joined, boxes_only=boundaries_url is not None),
        name="provinces",
        style_function=lambda feature: BASE_STYLE,
        on_each_feature=FEATURE_TOOLTIP,
        control=False,
    )
    if boundaries_url is not None:
        # folium fetches a GeoJson given by URL itself; given the data, it embeds it unless told
        # where the browser can fetch the same file (embed_link, as folium sets it for a path).
        layer.embed, layer.embed_link = False, boundaries_url
    layer.add_to(fmap)
    heads = {code: tooltip_head(row, lang) for code, row in joined.iterrows()}
    groups = [
        (overlay.key, overlay_layer(overlay, lang).add_to(fmap), overlay.texts(lang, tooltips=False))
        for overlay in overlays or []
    ]
    ChoroplethBehaviour(layer, heads, groups).add_to(fmap)
    if fill_frame:
        # streamlit-folium's frame draws the map in #map_div, at the height it was given.
        fmap.get_root().header.add_child(Element("<style>#map_div { height: 100vh !important; }</style>"))
    # No fit_bounds here: each view fits itself (choropleth.js), and folium's fit is animated, so
    # its zoom, still running, would land after the view's and undo it.
    return fmap


# Every feature's tooltip is its "tooltip" property, read when it opens (a view or a language
# change only sets the property: choropleth.js). Bound through folium's on_each_feature rather
# than a GeoJsonTooltip, which compiles a template on every render, and the map renders on
# every run.
FEATURE_TOOLTIP = JsCode(
    "function (feature, layer) {"
    " layer.bindTooltip(function (shape) { return shape.feature.properties.tooltip; },"
    " {sticky: true, className: 'scm-tooltip'}); }"
)


def overlay_layer(overlay: Overlay, lang: str) -> folium.GeoJson:
    """One of the programme's layers, off the map until switched on: one folium GeoJson of
    points drawn as circle markers (one element renders far faster than a marker each, and the
    map is rendered on every run)."""
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lng, lat]},
            # Escaped already (overlays.py): the tooltip shows it as HTML.
            "properties": {"tooltip": tooltip},
        }
        for (lat, lng), tooltip in zip(overlay.points, overlay.tooltips[lang], strict=True)
    ]
    # A ring is drawn larger than a dot, so a pilot inside an ASCN city's ring shows.
    style = {
        "radius": 8 if overlay.ring else 5,
        "color": overlay.colour if overlay.ring else WHITE,
        "weight": 3 if overlay.ring else 1.5,
        "fill": not overlay.ring,
        "fillColor": overlay.colour,
        "fillOpacity": 0 if overlay.ring else 1,
    }
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=overlay.key,
        show=False,
        control=False,
        marker=folium.CircleMarker(),
        style_function=lambda feature: style,
        on_each_feature=FEATURE_TOOLTIP,
    )


def build_view_layer(spec: dict) -> folium.FeatureGroup:
    """What one view changes on the map, as the layer streamlit-folium adds to the base map."""
    group = folium.FeatureGroup(name="view", control=False)
    ViewStyle(spec).add_to(group)
    return group


def build_choropleth(
    joined: gpd.GeoDataFrame,
    metric: str,
    lang: str,
    round_labels: dict[int, str],
    selected: str | None = None,
) -> folium.Map:
    """The whole map of one view as one ``folium.Map`` (boundaries embedded, assets left out)."""
    fmap = build_base_map(joined, lang)
    build_view_layer(view_spec(joined, metric, lang, round_labels, selected)).add_to(fmap)
    return fmap
