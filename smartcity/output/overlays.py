"""The programme's other layers on the map: the 12 pilot municipalities of 2020 and the ASEAN
Smart Cities Network cities, as markers at their province that a reader switches on in the legend.

Each layer is the same in every view (the base map holds it, so a filter change sends nothing
for it); only its texts depend on the language. Markers stand at the province's representative
point (inside it), not at the town: the tables give a province, not coordinates.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from smartcity.data.tables import Tables
from smartcity.i18n import LANGUAGES, format_date, localised, other_language, text
from smartcity.model.milestones import ascn_layers
from smartcity.output.choropleth import template_literal_safe
from smartcity.output.render import area_name
from smartcity.theme import ASCN_COLOUR, PILOT_COLOUR

SAME_PROVINCE_SHIFT = 0.3  # degrees east, so two markers in one province are both visible


@dataclass(frozen=True)
class Overlay:
    key: str
    colour: str
    ring: bool  # drawn as a ring (ASCN) rather than a filled dot (pilots)
    points: tuple[tuple[float, float], ...]  # (lat, lng), one per marker
    labels: dict[str, str]  # language -> the legend's label
    tooltips: dict[str, tuple[str, ...]]  # language -> one escaped HTML tooltip per marker

    def texts(self, lang: str, tooltips: bool = True) -> dict:
        """What the browser needs to label the layer in ``lang`` (choropleth.js setOverlays);
        ``tooltips`` False leaves out the markers' tooltips (the base map has them already)."""
        texts = {"label": self.labels[lang], "colour": self.colour, "ring": self.ring}
        return texts | {"tooltips": list(self.tooltips[lang])} if tooltips else texts


def marker_points(codes: list[str], provinces: gpd.GeoDataFrame) -> tuple[tuple[float, float], ...]:
    """Each code's province representative point; repeats in a province shifted east.
    ``provinces``: the boundaries, or any join (a geometry for each code)."""
    points, seen = [], {}
    for code in codes:
        point = provinces.geometry[code].representative_point()
        shift = seen.get(code, 0)
        seen[code] = shift + 1
        points.append((round(point.y, 4), round(point.x + shift * SAME_PROVINCE_SHIFT, 4)))
    return tuple(points)


def names_head(row: pd.Series, lang: str) -> str:
    """The name in ``lang``, bold, then in the other language (escaped)."""
    name, other_name = row[localised("name", lang)], row[localised("name", other_language(lang))]
    return f"<b>{html.escape(name)}</b> <span class='scm-muted'>{html.escape(other_name)}</span>"


def pilot_tooltip(pilot: pd.Series, areas: pd.DataFrame, lang: str) -> str:
    lines = [names_head(pilot, lang)]
    lines.append(html.escape(text("pilot_of_2020", lang)))
    if pilot["area_id"] and pilot["area_id"] in areas.index:
        lines.append(html.escape(text("pilot_became", lang, name=area_name(areas.loc[pilot["area_id"]], lang))))
    else:
        lines.append(html.escape(text("pilot_no_area", lang)))
    return template_literal_safe("<br>".join(lines))


def ascn_tooltip(city: pd.Series, lang: str) -> str:
    lines = [names_head(city, lang)]
    joined = city["joined"]
    has_joined = joined is not None and not pd.isna(joined)
    if city["status_2022"] == "member":
        lines.append(html.escape(text("ascn_member_since", lang, year=format_date(str(int(joined)), lang))))
    else:
        proposed = format_date(city["proposed_on"], lang)
        key = "ascn_proposed_joined" if has_joined else "ascn_proposed_not_found"
        year = format_date(str(int(joined)), lang) if has_joined else ""
        lines.append(html.escape(text(key, lang, date=proposed, year=year)))
    return template_literal_safe("<br>".join(lines))


def ascn_label(key: str, date: str, lang: str) -> str:
    if key == "ascn":
        return text("layer_ascn", lang)
    # The legend breaks its lines at spaces (choropleth.js legendRow): a date is kept on one line.
    return text("layer_ascn_later", lang, date=format_date(date, lang).replace(" ", "\u00a0"))


def programme_overlays(tables: Tables, provinces: gpd.GeoDataFrame) -> list[Overlay]:
    """The pilots' and the ASCN cities' layers, for the provinces ``provinces`` (the boundaries,
    or any join) has a boundary for."""
    areas = tables.areas.set_index("area_id")
    drawable = {code for code, geometry in provinces.geometry.items() if geometry is not None and not geometry.is_empty}
    pilots = lambda row, lang: pilot_tooltip(row, areas, lang)  # noqa: E731
    layers = [
        ("pilots", PILOT_COLOUR, False, tables.pilots, pilots, {lang: text("layer_pilots", lang) for lang in LANGUAGES})
    ]
    layers += [
        (key, ASCN_COLOUR, True, cities, ascn_tooltip, {lang: ascn_label(key, date, lang) for lang in LANGUAGES})
        for key, date, cities in ascn_layers(tables)
    ]
    overlays = []
    for key, colour, ring, frame, tooltip, labels in layers:
        if frame is None or frame.empty:
            continue
        rows = frame[frame["province_code"].isin(drawable)]
        overlays.append(
            Overlay(
                key,
                colour,
                ring,
                marker_points(list(rows["province_code"]), provinces),
                labels,
                {lang: tuple(tooltip(row, lang) for _, row in rows.iterrows()) for lang in LANGUAGES},
            )
        )
    return overlays


def pilot_outcomes(tables: Tables, lang: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The pilots that became certified areas (pilot, area) and those that did not (pilot, why)."""
    if tables.pilots is None:
        return [], []
    areas = tables.areas.set_index("area_id")
    became, not_yet = [], []
    for _, pilot in tables.pilots.iterrows():
        if pilot["area_id"] and pilot["area_id"] in areas.index:
            became.append((pilot[localised("name", lang)], area_name(areas.loc[pilot["area_id"]], lang)))
        else:
            not_yet.append((pilot[localised("name", lang)], pilot["notes"]))
    return became, not_yet
