"""The map as an image for slides: an SVG drawn here, and a PNG rendered from it by Chromium.

The SVG is 1920x1080 with the title, the date of the view, the legend and a source line. Every
text from the data is XML-escaped. The PNG is the same SVG rendered by headless Chromium (Debian's
package, installed by scripts/run.sh with the Thai fonts), which shapes Thai text correctly.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape, quoteattr

import geopandas as gpd
from shapely.geometry import MultiPolygon, Polygon

from smartcity.chromium import offline_page
from smartcity.i18n import format_date, region_name, text
from smartcity.model.view import View
from smartcity.output.choropleth import REPORTED_DASH, LegendItem, fill_colour, legend_items, reported_only
from smartcity.theme import (
    BORDER_COLOUR,
    INK,
    MUTED,
    OUTSIDE_COLOUR,
    PRIMARY,
    PRINT_FONT_STACK,
    REPORTED_BORDER,
    SEA_COLOUR,
    WHITE,
)

WIDTH, HEIGHT = 1920, 1080
MAP_BOX = (40, 150, 1180, 1010)  # left, top, right, bottom
PADDING = 24


def projector(bounds: tuple[float, float, float, float]):
    """Longitude/latitude to SVG pixels: equirectangular, scaled by cos(latitude) at the centre."""
    minx, miny, maxx, maxy = bounds
    aspect = math.cos(math.radians((miny + maxy) / 2))
    left, top, right, bottom = (MAP_BOX[0] + PADDING, MAP_BOX[1] + PADDING, MAP_BOX[2] - PADDING, MAP_BOX[3] - PADDING)
    scale = min((right - left) / ((maxx - minx) * aspect), (bottom - top) / (maxy - miny))
    offset_x = left + ((right - left) - (maxx - minx) * aspect * scale) / 2
    offset_y = top + ((bottom - top) - (maxy - miny) * scale) / 2

    def project(x: float, y: float) -> tuple[float, float]:
        return offset_x + (x - minx) * aspect * scale, offset_y + (maxy - y) * scale

    return project


def path_data(geometry, project) -> str:
    polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    parts = []
    for polygon in polygons:
        if not isinstance(polygon, Polygon):
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            points = [project(x, y) for x, y in ring.coords]
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    return "".join(parts)


def text_element(x: float, y: float, content: str, size: int, weight: int = 400, fill: str = INK) -> str:
    return (
        f'<text x="{x}" y="{y}" font-size="{size}" font-weight="{weight}" fill="{fill}" '
        f"font-family={quoteattr(PRINT_FONT_STACK)}>{escape(content)}</text>"
    )


def outline(row, metric: str) -> str:
    """A province's stroke: dashed where only reports exist, as on the map."""
    if reported_only(row):
        return f'stroke="{REPORTED_BORDER}" stroke-width="2.4" stroke-dasharray="{REPORTED_DASH.replace(" ", ",")}"'
    return f'stroke="{BORDER_COLOUR}" stroke-width="0.8"'


def map_svg(
    joined: gpd.GeoDataFrame,
    metric: str,
    title: str,
    subtitle: str,
    legend_title: str,
    legend: list[LegendItem],
    source_line: str,
) -> str:
    """A 1920x1080 SVG of the choropleth with its title, date, legend and source line."""
    project = projector(tuple(joined.total_bounds))
    shapes = [
        f'<path data-code={quoteattr(code)} d="{path_data(row.geometry, project)}" fill="{fill_colour(row, metric)}" '
        f'fill-rule="evenodd" {outline(row, metric)}' + (' fill-opacity="0.6"' if row["fill_outside"] else "") + "/>"
        for code, row in joined.assign(fill_outside=~joined["in_selection"]).iterrows()
        if row.geometry is not None
    ]
    legend_x, legend_y = 1260, 260
    items = [text_element(legend_x, legend_y, legend_title, 34, 650)]
    for index, item in enumerate(legend):
        y = legend_y + 40 + index * 52
        stroke = f'stroke="{REPORTED_BORDER}" stroke-width="3" stroke-dasharray="6 5"' if item.dashed else ""
        items.append(
            f'<rect x="{legend_x}" y="{y}" width="44" height="32" fill="{item.colour}" '
            + (stroke or f'stroke="{BORDER_COLOUR}"')
            + "/>"
        )
        items.append(text_element(legend_x + 60, y + 26, item.label, 28))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{WHITE}"/>'
        f'<rect x="{MAP_BOX[0]}" y="{MAP_BOX[1]}" width="{MAP_BOX[2] - MAP_BOX[0]}" height="{MAP_BOX[3] - MAP_BOX[1]}" '
        f'fill="{SEA_COLOUR}"/>'
        + text_element(40, 80, title, 52, 700)
        + text_element(40, 128, subtitle, 32, 400, PRIMARY)
        + "".join(shapes)
        + "".join(items)
        + text_element(40, 1055, source_line, 22, 400, MUTED)
        + "</svg>"
    )


SUBTITLE_KEYS = {"awarded": "slide_subtitle", "decided": "slide_subtitle_decided"}


def slide_subtitle(view: View, round_labels: dict[int, str]) -> str:
    """The slide's line under the title: the view's "as of", dated as its map is, region, metric."""
    as_of, lang = view.as_of, view.lang
    return text(
        SUBTITLE_KEYS.get(as_of.date_kind, "slide_subtitle_date"),
        lang,
        round=round_labels.get(as_of.round, "") if as_of.round is not None else "",
        date=format_date(as_of.date, lang),
        region=", ".join(region_name(r, lang) for r in view.regions) if view.regions else text("all_regions", lang),
        metric=text(f"metric_{view.metric}", lang),
    )


def view_slide_svg(joined: gpd.GeoDataFrame, view: View, round_labels: dict[int, str]) -> str:
    """The slide of ``view`` (its join given): title, the view's dated subtitle, legend, sources."""
    lang, metric = view.lang, view.metric
    return map_svg(
        joined,
        metric,
        title=text("app_title", lang),
        subtitle=slide_subtitle(view, round_labels),
        legend_title=text(f"metric_{metric}", lang),
        legend=legend_items(joined, metric, lang, round_labels),
        source_line=text("slide_source", lang),
    )


def svg_to_png(svg: str, width: int = WIDTH) -> bytes:
    """Render the SVG with headless Chromium at ``width`` pixels (Thai shaped by the browser)."""
    scale = width / WIDTH
    with offline_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=scale) as page:
        page.set_content(f'<html><body style="margin:0">{svg}</body></html>')
        return page.locator("svg").screenshot(type="png")


__all__ = ["OUTSIDE_COLOUR", "map_svg", "slide_subtitle", "svg_to_png", "view_slide_svg"]
