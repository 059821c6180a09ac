"""A one-page A4 brief of the view, as PDF: title, the data's date, the map, the headline figures,
the areas (for a province or a region), the announced claims with their qualifier, scope and
source (conflicting ones side by side), and a source line with the URL of the view.

    python -m smartcity brief --region South --round 2 --lang th OUT.pdf

The page is HTML printed by headless Chromium (Debian's package, as the slide PNG is), which
shapes Thai text and embeds the fonts; nothing is fetched. The map is the slide's SVG, drawn with
the dashboard's colours, legend and labels. Every text from the data is HTML-escaped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import geopandas as gpd

from smartcity.chromium import offline_page
from smartcity.data.tables import Tables
from smartcity.i18n import format_date, localised, region_name, text
from smartcity.model.join import select_areas
from smartcity.model.status import data_date
from smartcity.model.summaries import headline_figures
from smartcity.model.urlstate import view_url
from smartcity.model.view import View
from smartcity.output.render import area_name, claim_groups, escape, headline_texts, source_label, status_badge
from smartcity.output.slide_image import slide_subtitle, view_slide_svg
from smartcity.theme import css

BRIEF_METRICS = ("investment_mthb", "investment_musd", "population_served")
MIN_SCALE = 0.5  # smaller than this is not readable on paper; the brief may then take two pages
BRIEF_CSS = css("""
@page { size: A4; margin: 1cm; }
html, body { margin: 0; font-family: $print_font; color: $ink; font-size: 11px; line-height: 1.35; }
h1 { font-size: 20px; margin: 0 0 2px; }
h2 { font-size: 13px; margin: 10px 0 4px; border-bottom: 1px solid $rule; }
.sub { color: $primary; margin: 0; font-size: 12px; }
.muted { color: $muted; }
.map svg { width: 100%; height: auto; max-height: 10cm; display: block; }
.figures { display: flex; gap: 8px; margin: 6px 0; }
.figure { border: 1px solid $rule; border-radius: 6px; padding: 4px 8px; flex: 1; }
.figure b { display: block; font-size: 18px; }
ol { margin: 2px 0; padding-left: 18px; }
li { margin-bottom: 2px; }
.scm-card { border: 1px solid $rule; border-radius: 6px; padding: 4px 8px; margin-bottom: 4px; break-inside: avoid; }
.scm-conflict { border-left: 3px solid $conflict; }
.scm-value { font-weight: 650; font-size: 12px; }
.scm-small { font-size: 10px; }
.scm-muted { color: $muted; }
.scm-tag { font-size: 9px; color: $tag_ink; margin-right: 4px; }
.scm-statement { font-weight: 700; border: 1px solid $tag_ink; border-radius: 6px; padding: 0 3px; }
.scm-statement-expected, .scm-statement-planned { border-style: dashed; }
.scm-status { font-size: 10px; color: $certified_ink; }
.side-by-side { display: flex; gap: 6px; }
.side-by-side > * { flex: 1; }
.note { font-size: 10px; margin: 2px 0 4px; }
footer { margin-top: 8px; font-size: 9.5px; color: $muted; overflow-wrap: anywhere; }
a { color: $primary; }
""")


def brief_title(view: View, tables: Tables) -> str:
    """What the brief covers: the province, else the regions, else the country."""
    if view.province:
        name = tables.index.resolve(view.province)
        return text("panel_title", view.lang, name=getattr(name, localised("name", view.lang)))
    if view.regions:
        return ", ".join(region_name(r, view.lang) for r in view.regions)
    return text("all_regions", view.lang)


def areas_section(tables: Tables, view: View) -> str:
    """The areas of the view's province or regions (the whole country's list is the dashboard's)."""
    if not (view.province or view.regions):
        return ""
    areas = select_areas(tables, view.as_of, view.regions)
    if view.province:
        areas = areas[areas["province_code"] == view.province]
    labels = tables.round_index.labels(view.lang)
    items = "".join(
        f"<li><b>{escape(area_name(area, view.lang))}</b> · {escape(area[localised('province', view.lang)])} · "
        f"{escape(labels.get(int(area['round']), ''))} {status_badge(area, view.lang)} "
        f'<span class="muted">({escape(", ".join(source_label(s, view.lang) for s in area["source"]))})</span></li>'
        for _, area in areas.iterrows()
    )
    body = f"<ol>{items}</ol>" if items else f"<p>{escape(text('no_rows', view.lang))}</p>"
    return f"<h2>{escape(text('brief_areas', view.lang, n=len(areas)))}</h2>{body}"


def claims_section(tables: Tables, view: View) -> str:
    """The investment and population claims of the view's rounds and of the whole programme,
    conflicting ones side by side (the targets are the dashboard's Targets page)."""
    parts = [f"<h2>{escape(text('claims_title', view.lang))}</h2>"]
    for title, blocks in claim_groups(tables, view.lang, view.as_of.rounds, BRIEF_METRICS):
        parts.append(f"<div><b>{escape(title)}</b></div>")
        for conflict, cards in blocks:
            if conflict is None:
                parts += cards
            else:
                parts.append(f'<p class="note">{escape(text("conflict_note", view.lang))}</p>')
                parts.append('<div class="side-by-side">' + "".join(cards) + "</div>")
    return "".join(parts)


def brief_html(tables: Tables, joined: gpd.GeoDataFrame, view: View, public_url: str) -> str:
    """The brief as one HTML page (everything inline); ``joined`` is the view's join."""
    lang = view.lang
    headline = headline_figures(joined)
    labels = tables.round_index.labels(lang)
    svg = view_slide_svg(joined, view, labels)
    figures = headline_texts(headline, lang).values()
    url = view_url(public_url, view)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(text('app_title', lang))}</title><style>{BRIEF_CSS}</style>"
        "</head><body><main>"
        f"<h1>{escape(text('app_title', lang))} · {escape(brief_title(view, tables))}</h1>"
        f'<p class="sub">{escape(slide_subtitle(view, labels))}</p>'
        f'<p class="muted">{escape(text("brief_data_date", lang, date=format_date(data_date(tables), lang)))}</p>'
        f'<div class="map">{svg}</div>'
        '<div class="figures">'
        + "".join(f'<div class="figure">{escape(label)}<b>{escape(value)}</b></div>' for label, value in figures)
        + "</div>"
        + areas_section(tables, view)
        + claims_section(tables, view)
        + f"<footer>{escape(text('footer', lang))} · {escape(text('brief_view_url', lang))}: "
        f"{escape(url)}</footer></main></body></html>"
    )


PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![s\w])")


def page_count(pdf: bytes) -> int:
    return len(PAGE_OBJECT.findall(pdf))


def html_to_pdf(html: str) -> bytes:
    """Print ``html`` to a one-page A4 PDF with headless Chromium, scaled down until it fits."""
    with offline_page() as page:
        page.set_content(html)
        scale = 1.0
        while True:
            pdf = page.pdf(format="A4", scale=scale, print_background=True, prefer_css_page_size=True)
            if page_count(pdf) <= 1 or scale <= MIN_SCALE:
                return pdf
            scale = max(MIN_SCALE, round(scale * 0.9, 3))


def brief_pdf(
    tables: Tables,
    joined: gpd.GeoDataFrame,
    view: View,
    public_url: str,
    progress: Callable[[str], None] = lambda _: None,
) -> bytes:
    """The view's brief as PDF bytes, saying what it does as it goes (Chromium takes a second or two)."""
    progress("1/2 laying out the page")
    html = brief_html(tables, joined, view, public_url)
    progress("2/2 printing it with Chromium")
    return html_to_pdf(html)
