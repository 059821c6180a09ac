"""What the province map shows for one view: colours, outlines, tooltips, legend, bounds.

The map itself is drawn in the browser by mapcomponent.js with Leaflet served from the app's own
static files (no CDN, no tile layer), so it draws with no internet. The boundaries are sent with
a version so the browser keeps them between views and only restyles. Text from data files is
HTML-escaped before it reaches a tooltip, and reaches the legend only through ``textContent``.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
from shapely.geometry import mapping

from smartcity.i18n import format_number, region_name, text

METRICS = ("area_count", "status", "first_round", "population")
THAILAND_BOUNDS = [[5.6, 97.3], [20.5, 105.7]]
SEA_COLOUR = "#dde8f0"
NO_AREA_COLOUR = "#e6e6e6"
OUTSIDE_COLOUR = "#fafafa"
BORDER_COLOUR = "#8c8c8c"
SELECTED_BORDER = "#111111"
# ColorBrewer Blues: 1, 2, 3+ areas. Light grey for none is clearly lighter than the first step.
AREA_COUNT_COLOURS = ("#6baed6", "#2171b5", "#08306b")
# Okabe-Ito, distinguishable with the common colour-vision deficiencies; one colour a round.
ROUND_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
# ColorBrewer YlGnBu (steps 2-6) for registered population of provinces with an area.
POPULATION_BREAKS = (500_000, 1_000_000, 1_500_000, 2_000_000)
POPULATION_COLOURS = ("#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494")
# Okabe-Ito: blue for the emblem, bluish green once renewed, orange where only a report exists.
STATUS_COLOURS = {"certified": "#0072B2", "renewed": "#009E73", "reported": "#E69F00"}
REPORTED_BORDER = "#7a4100"
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
    if metric == "status":
        return STATUS_COLOURS[province_status(row)]
    # The other colourings are about the emblem: reported-only provinces stay grey, outlined dashed.
    certified = int(row["certified_count"])
    if certified == 0:
        return NO_AREA_COLOUR
    if metric == "area_count":
        return area_count_colour(certified)
    if metric == "first_round":
        return round_colour(int(row["first_round"]))
    return POPULATION_COLOURS[population_bin(int(row["population"]))]


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


def legend_items(joined: pd.DataFrame, metric: str, lang: str, round_labels: dict[int, str]) -> list[LegendItem]:
    """What each colour means, for the colours this map uses."""
    covered = joined[joined["in_selection"] & (joined["area_count"] > 0)]
    items: list[LegendItem] = []
    if metric == "area_count":
        top = len(AREA_COUNT_COLOURS)
        for count in range(1, top + 1):
            label = text("legend_area_one", lang) if count == 1 else text("legend_areas", lang, label=count)
            if count == top:
                label = text("legend_areas", lang, label=f"{top}+")
            items.append(LegendItem(area_count_colour(count), label))
    elif metric == "status":
        shown = {province_status(row) for _, row in covered.iterrows()} | {"certified", "reported"}
        items += [
            LegendItem(STATUS_COLOURS[s], text(f"legend_status_{s}", lang), dashed=s == "reported")
            for s in STATUS_COLOURS
            if s in shown
        ]
    elif metric == "first_round":
        rounds = sorted({int(r) for r in covered["first_round"].dropna()})
        items += [LegendItem(round_colour(r), round_labels.get(r, text("round_n", lang, n=r))) for r in rounds]
    else:
        items += [
            LegendItem(colour, text("legend_population", lang, label=label))
            for colour, label in zip(POPULATION_COLOURS, population_labels(lang), strict=True)
        ]
    items.append(LegendItem(NO_AREA_COLOUR, text("legend_none", lang)))
    if metric != "status" and any(reported_only(row) for _, row in covered.iterrows()):
        items.append(LegendItem("transparent", text("legend_dashed", lang), dashed=True))
    if not joined["in_selection"].all():
        items.append(LegendItem(OUTSIDE_COLOUR, text("legend_outside", lang)))
    return items


def tooltip_html(row: pd.Series, lang: str, round_labels: dict[int, str]) -> str:
    """The tooltip of one province; every value escaped, since it is shown as HTML."""
    other = "en" if lang == "th" else "th"
    name, other_name = html.escape(row[f"name_{lang}"]), html.escape(row[f"name_{other}"])
    lines = [
        f"<b>{name}</b> <span style='color:#555'>{other_name}</span>",
        html.escape(region_name(row["region"], lang)),
    ]
    count = int(row["area_count"])
    if count == 0:
        lines.append(html.escape(text("tooltip_none", lang)))
    else:
        key = "tooltip_area_one" if count == 1 else "tooltip_areas"
        summary = text(key, lang, n=count)
        if not pd.isna(row["first_round"]):
            first = round_labels.get(int(row["first_round"]), text("round_n", lang, n=int(row["first_round"])))
            summary += f" · {text('tooltip_first_round', lang, label=first)}"
        lines.append(html.escape(summary))
        names = row[f"area_names_{lang}"].split("\n")
        statuses = row["area_statuses"].split("\n")
        shown = list(zip(names, statuses, strict=True))[:TOOLTIP_AREA_LIMIT]
        more = f"<br>… (+{len(names) - len(shown)})" if len(names) > len(shown) else ""
        lines.append("<br>".join(f"• {html.escape(area_line(n, s, lang))}" for n, s in shown) + more)
    return "<br>".join(lines)


def area_line(name: str, status: str, lang: str) -> str:
    """An area's name, with its status unless it simply holds the emblem."""
    if status in ("", "certified"):
        return name
    return f"{name} ({text(f'status_{status}', lang)})"


def feature_collection(joined: gpd.GeoDataFrame, lang: str, round_labels: dict[int, str]) -> dict:
    """Province features with only what the browser needs: the code and the tooltip."""
    features = [
        {
            "type": "Feature",
            "id": code,
            "properties": {"code": code, "tooltip": tooltip_html(row, lang, round_labels)},
            "geometry": mapping(row.geometry),
        }
        for code, row in joined.iterrows()
        if row.geometry is not None
    ]
    return {"type": "FeatureCollection", "features": features}


def safe_json(value: object) -> str:
    """JSON that is also safe inside an HTML <script> element (the static export embeds it)."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def province_shapes(joined: gpd.GeoDataFrame) -> dict:
    """The boundaries the browser keeps between views: geometry keyed by code, and a version.

    The version changes only when the geometry does, so the map redraws shapes only then.
    """
    features = [
        {"type": "Feature", "id": code, "properties": {}, "geometry": mapping(geometry)}
        for code, geometry in joined.geometry.items()
        if geometry is not None
    ]
    version = hashlib.sha1(json.dumps(features, separators=(",", ":")).encode()).hexdigest()[:12]
    return {"version": version, "features": features}


def map_spec(
    joined: gpd.GeoDataFrame,
    shapes_version: str,
    metric: str,
    lang: str,
    round_labels: dict[int, str],
    selected: str | None = None,
    height: int = 620,
    asset_base: str = "/app/static",
) -> dict:
    """Everything the map component draws for one view: ``metric`` in ``lang``, ``selected`` outlined.

    ``shapes_version`` is the version ``province_shapes`` gave the boundaries (the browser keeps
    the shapes themselves, sent once: see mapcomponent.py). ``asset_base`` is the URL folder that holds
    leaflet/leaflet.js and leaflet/leaflet.css (the app's own static files: no CDN).
    """
    if metric not in METRICS:
        raise ValueError(f"metric {metric!r} is not one of {', '.join(METRICS)}")
    metric_name = text(f"metric_{metric}", lang)
    return {
        "styles": {code: province_style(row, metric, code == selected) for code, row in joined.iterrows()},
        "tooltips": {code: tooltip_html(row, lang, round_labels) for code, row in joined.iterrows()},
        "legend": {
            "title": metric_name,
            "items": [
                {"colour": i.colour, "label": i.label, "dashed": i.dashed}
                for i in legend_items(joined, metric, lang, round_labels)
            ],
        },
        "bounds": selection_bounds(joined),
        "selected": selected,
        "label": text("map_label", lang, metric=metric_name),
        "shapes_version": shapes_version,
        "height": height,
        "sea": SEA_COLOUR,
        "dashed": REPORTED_BORDER,
        "hover": {"weight": 2.5, "color": SELECTED_BORDER},
        "assets": {"js": f"{asset_base}/leaflet/leaflet.js", "css": f"{asset_base}/leaflet/leaflet.css"},
    }


def province_style(row: pd.Series, metric: str, selected: bool) -> dict:
    style = {
        "fillColor": fill_colour(row, metric),
        "fillOpacity": 0.92 if row["in_selection"] else 0.6,
        "color": SELECTED_BORDER if selected else BORDER_COLOUR,
        "weight": 3 if selected else 0.6,
    }
    if reported_only(row) and not selected:
        style |= {"color": REPORTED_BORDER, "weight": 2, "dashArray": REPORTED_DASH}
    return style


def selection_bounds(joined: gpd.GeoDataFrame) -> list[list[float]]:
    """South-west and north-east corners of the selected provinces (all of Thailand if none)."""
    selected = joined[joined["in_selection"]]
    if selected.empty or len(selected) == len(joined):
        return THAILAND_BOUNDS
    minx, miny, maxx, maxy = selected.total_bounds
    return [[float(miny), float(minx)], [float(maxy), float(maxx)]]
