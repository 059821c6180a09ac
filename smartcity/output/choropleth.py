"""What the province map shows for one view: colours, outlines, tooltips, legend, bounds.

The rules of each colouring live in one registry (``METRIC_RULES``), used alike by the map
(``foliummap``), the USB export, the slide and the brief. ``view_spec`` is what one view changes
on the map; the browser applies it in place (``choropleth.js``). Text from data files is
HTML-escaped before it reaches a tooltip, and reaches the legend only through ``textContent``.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import mapping

from smartcity.i18n import format_number, localised, other_language, region_name, text
from smartcity.model.summaries import map_summary
from smartcity.theme import (
    AREA_COUNT_COLOURS,
    BORDER_COLOUR,
    NO_AREA_COLOUR,
    OUTSIDE_COLOUR,
    POPULATION_COLOURS,
    REPORTED_BORDER,
    ROUND_COLOURS,
    SELECTED_BORDER,
    STATUS_COLOURS,
)

THAILAND_BOUNDS = [[5.6, 97.3], [20.5, 105.7]]
POPULATION_BREAKS = (500_000, 1_000_000, 1_500_000, 2_000_000)  # the bins of theme.POPULATION_COLOURS
REPORTED_DASH = "5 4"
TOOLTIP_AREA_LIMIT = 5


@dataclass(frozen=True)
class LegendItem:
    colour: str
    label: str
    dashed: bool = False  # drawn as a dashed outline, as reported-only provinces are


def area_count_colour(count: int) -> str:
    return AREA_COUNT_COLOURS[min(count, len(AREA_COUNT_COLOURS)) - 1]


def round_colour(round_number: int) -> str:
    return ROUND_COLOURS[(round_number - 1) % len(ROUND_COLOURS)]


def population_bin(population: int) -> int:
    return sum(population >= b for b in POPULATION_BREAKS)


def fill_colour(row: pd.Series, metric: str) -> str:
    """The colour of one province for ``metric``; grey where it has no area."""
    if not row["in_selection"]:
        return OUTSIDE_COLOUR
    if row["area_count"] == 0:
        return NO_AREA_COLOUR
    rule = METRIC_RULES[metric]
    # Only the status colouring shows reported-only provinces; the others are about the emblem,
    # so those provinces stay grey there, outlined dashed.
    if not rule.colours_reported and int(row["certified_count"]) == 0:
        return NO_AREA_COLOUR
    return rule.colour(row)


def province_status(row: pd.Series) -> str:
    """renewed (an area renewed), certified (an area holds the emblem), or reported (reports only)."""
    if row["renewed_count"] > 0:
        return "renewed"
    return "certified" if row["certified_count"] > 0 else "reported"


def reported_only(row: pd.Series) -> bool:
    return bool(row["in_selection"] and row["area_count"] > 0 and row["certified_count"] == 0)


def population_labels(lang: str) -> list[str]:
    millions = [format_number(b / 1_000_000, lang) for b in POPULATION_BREAKS]
    unit = "ล้าน" if lang == "th" else "M"
    return [
        f"< {millions[0]} {unit}",
        *[f"{low}–{high} {unit}" for low, high in itertools.pairwise(millions)],
        f"≥ {millions[-1]} {unit}",
    ]


def area_count_legend(covered: pd.DataFrame, lang: str, round_labels: dict[int, str]) -> list[LegendItem]:
    top = len(AREA_COUNT_COLOURS)
    items = []
    for count in range(1, top + 1):
        label = text("legend_area_one", lang) if count == 1 else text("legend_areas", lang, label=count)
        if count == top:
            label = text("legend_areas", lang, label=f"{top}+")
        items.append(LegendItem(area_count_colour(count), label))
    return items


def status_legend(covered: pd.DataFrame, lang: str, round_labels: dict[int, str]) -> list[LegendItem]:
    shown = {province_status(row) for _, row in covered.iterrows()} | {"certified", "reported"}
    return [
        LegendItem(STATUS_COLOURS[s], text(f"legend_status_{s}", lang), dashed=s == "reported")
        for s in STATUS_COLOURS
        if s in shown
    ]


def first_round_legend(covered: pd.DataFrame, lang: str, round_labels: dict[int, str]) -> list[LegendItem]:
    rounds = sorted({int(r) for r in covered["first_round"].dropna()})
    return [LegendItem(round_colour(r), round_labels.get(r, text("round_n", lang, n=r))) for r in rounds]


def population_legend(covered: pd.DataFrame, lang: str, round_labels: dict[int, str]) -> list[LegendItem]:
    return [
        LegendItem(colour, text("legend_population", lang, label=label))
        for colour, label in zip(POPULATION_COLOURS, population_labels(lang), strict=True)
    ]


@dataclass(frozen=True)
class MetricRule:
    """How one colouring of the map works: used alike by the map, the export and the slide."""

    key: str
    colour: Callable[[pd.Series], str]  # a province with an area in the selection
    legend: Callable[[pd.DataFrame, str, dict[int, str]], list[LegendItem]]
    colours_reported: bool = False  # reported-only provinces coloured, not grey and dashed


METRIC_RULES = {
    rule.key: rule
    for rule in (
        MetricRule("area_count", lambda row: area_count_colour(int(row["certified_count"])), area_count_legend),
        MetricRule("status", lambda row: STATUS_COLOURS[province_status(row)], status_legend, colours_reported=True),
        MetricRule("first_round", lambda row: round_colour(int(row["first_round"])), first_round_legend),
        MetricRule(
            "population", lambda row: POPULATION_COLOURS[population_bin(int(row["population"]))], population_legend
        ),
    )
}
METRICS = tuple(METRIC_RULES)


def legend_items(joined: pd.DataFrame, metric: str, lang: str, round_labels: dict[int, str]) -> list[LegendItem]:
    """What each colour means, for the colours this map uses."""
    rule = METRIC_RULES[metric]
    covered = joined[joined["in_selection"] & (joined["area_count"] > 0)]
    items = rule.legend(covered, lang, round_labels)
    items.append(LegendItem(NO_AREA_COLOUR, text("legend_none", lang)))
    if not rule.colours_reported and any(reported_only(row) for _, row in covered.iterrows()):
        items.append(LegendItem("transparent", text("legend_dashed", lang), dashed=True))
    if not joined["in_selection"].all():
        items.append(LegendItem(OUTSIDE_COLOUR, text("legend_outside", lang)))
    return items


def tooltip_head(row: pd.Series, lang: str) -> str:
    """The first lines of a province's tooltip, the same in every view: names and region (escaped)."""
    name = html.escape(row[localised("name", lang)])
    other_name = html.escape(row[localised("name", other_language(lang))])
    return (
        f"<b>{name}</b> <span class='scm-muted'>{other_name}</span><br>{html.escape(region_name(row['region'], lang))}"
    )


def tooltip_body(row: pd.Series, lang: str, round_labels: dict[int, str]) -> str | None:
    """What a province's tooltip says of its areas in this view (escaped); None where it has none."""
    count = int(row["area_count"])
    if count == 0:
        return None
    key = "tooltip_area_one" if count == 1 else "tooltip_areas"
    summary = text(key, lang, n=count)
    if not pd.isna(row["first_round"]):
        first = round_labels.get(int(row["first_round"]), text("round_n", lang, n=int(row["first_round"])))
        summary += f" · {text('tooltip_first_round', lang, label=first)}"
    names = row[localised("area_names", lang)].split("\n")
    statuses = row["area_statuses"].split("\n")
    shown = list(zip(names, statuses, strict=True))[:TOOLTIP_AREA_LIMIT]
    more = f"<br>… (+{len(names) - len(shown)})" if len(names) > len(shown) else ""
    return (
        f"{html.escape(summary)}<br>" + "<br>".join(f"• {html.escape(area_line(n, s, lang))}" for n, s in shown) + more
    )


def tooltip_html(row: pd.Series, lang: str, round_labels: dict[int, str]) -> str:
    """The tooltip of one province; every value escaped, since it is shown as HTML."""
    body = tooltip_body(row, lang, round_labels)
    return f"{tooltip_head(row, lang)}<br>{html.escape(text('tooltip_none', lang)) if body is None else body}"


def area_line(name: str, status: str, lang: str) -> str:
    """An area's name, with its status unless it simply holds the emblem."""
    if status in ("", "certified"):
        return name
    return f"{name} ({text(f'status_{status}', lang)})"


# Characters that could end a <script> element or start a template literal's ${...}.
SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "`": "\\u0060", "$": "\\u0024"}


def template_literal_safe(escaped_html: str) -> str:
    """HTML (already escaped) that is safe inside a JavaScript template literal too, where folium
    writes some texts (its Tooltip: `<div>...</div>`): a backtick or a ${ from the data would end
    it or run code there. The layers' tooltips go through here wherever folium writes them."""
    return escaped_html.replace("`", "&#96;").replace("$", "&#36;")


def safe_json(value: object) -> str:
    """JSON that is also safe inside an HTML <script> element and a JavaScript template literal."""
    encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in SCRIPT_ESCAPES.items():
        encoded = encoded.replace(character, escaped)
    return encoded


def boundary_collection(boundaries: gpd.GeoDataFrame, boxes_only: bool = False) -> dict:
    """The boundaries as the map's one GeoJson layer takes them: geometry and code only.

    ``boxes_only``: each province as its bounding box, for a map whose browser fetches the real
    file (folium then reads the data only for the map's bounds and the features' ids, and
    walking every coordinate for the bounds took a third of a run).
    """
    return {
        "type": "FeatureCollection",
        "features": [
            # "tooltip" is filled in by each view (choropleth.js); folium checks the field exists.
            {
                "type": "Feature",
                "id": code,
                "properties": {"code": code, "tooltip": ""},
                "geometry": mapping(shapely.box(*geometry.bounds) if boxes_only else geometry),
            }
            for code, geometry in boundaries.geometry.items()
            if geometry is not None
        ],
    }


def view_spec(
    joined: gpd.GeoDataFrame,
    metric: str,
    lang: str,
    round_labels: dict[int, str],
    selected: str | None = None,
) -> dict:
    """Everything a view changes on the map: ``metric`` in ``lang``, ``selected`` outlined.

    Styles are indices into a short palette (a few distinct styles serve 77 provinces), so a
    filter change sends little. Tooltips are HTML with every value escaped.
    """
    if metric not in METRIC_RULES:
        raise ValueError(f"metric {metric!r} is not one of {', '.join(METRICS)}")
    metric_name = text(f"metric_{metric}", lang)
    palette: list[dict] = []
    styles: dict[str, int] = {}
    for code, row in joined.iterrows():
        style = province_style(row, metric, code == selected)
        if style not in palette:
            palette.append(style)
        styles[code] = palette.index(style)
    spec = {
        "palette": palette,
        "styles": styles,
        # The heads are the base map's (foliummap.build_base_map); the browser joins a head to
        # its body as tooltip_html does.
        "bodies": {
            code: body for code, row in joined.iterrows() if (body := tooltip_body(row, lang, round_labels)) is not None
        },
        "none": html.escape(text("tooltip_none", lang)),
        "legend": {
            "title": metric_name,
            "layersTitle": text("layers_title", lang),
            "items": [
                {"colour": i.colour, "label": i.label, "dashed": i.dashed}
                for i in legend_items(joined, metric, lang, round_labels)
            ],
        },
        "bounds": selection_bounds(joined),
        "selected": selected,
        "label": f"{text('map_label', lang, metric=metric_name)}. {map_summary(joined, lang)}",
        "lang": lang,
        "gestures": {
            "touch": text("gesture_touch", lang),
            "scroll": text("gesture_scroll", lang),
            "scrollMac": text("gesture_scroll_mac", lang),
        },
        "hover": {"weight": 2.5, "color": SELECTED_BORDER},
    }
    spec["id"] = hashlib.sha1(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:12]
    return spec


# A selected province's outline, over whatever its colouring gives it (the static page applies
# it in the browser for ?province=).
SELECTED_OUTLINE = {"color": SELECTED_BORDER, "weight": 3, "dashArray": None}


def province_style(row: pd.Series, metric: str, selected: bool) -> dict:
    """A province's Leaflet style. Every key is always given (dashArray None where solid):
    Leaflet's setStyle keeps what a new style leaves out, so a province once dashed stayed dashed."""
    style = {
        "fillColor": fill_colour(row, metric),
        "fillOpacity": 0.92 if row["in_selection"] else 0.6,
        "color": BORDER_COLOUR,
        "weight": 0.6,
        "dashArray": None,
    }
    if reported_only(row):
        style |= {"color": REPORTED_BORDER, "weight": 2, "dashArray": REPORTED_DASH}
    return style | SELECTED_OUTLINE if selected else style


def selection_bounds(joined: gpd.GeoDataFrame) -> list[list[float]]:
    """South-west and north-east corners of the selected provinces (all of Thailand if none)."""
    selected = joined[joined["in_selection"]]
    if selected.empty or len(selected) == len(joined):
        return THAILAND_BOUNDS
    minx, miny, maxx, maxy = selected.total_bounds
    return [[float(miny), float(minx)], [float(maxy), float(maxx)]]
