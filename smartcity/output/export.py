"""A self-contained copy of the map for a USB stick: one HTML file, no server, no network.

    python -m smartcity export OUT_DIR

writes OUT_DIR/index.html: the dashboard's map, made by the same folium function
(``foliummap.build_base_map``) and saved by folium, with Leaflet inline, every round's view in
both languages, of the country and of each region, made here with the dashboard's rules
(colours, legend, tooltips, figures), and a round control, language switch and the sources
(``export.js``). The same page is the news embed and the QR hand-off: its URL says the view
(``?lang=en&region=South&round=1``, the dashboard's own names and values; ``?step=N``, a step of
the timeline, as the presenter's QR code opens it; ``&embed=1`` keeps only the map, the round
control and the source line). It opens by double-click
(file://) in Chromium or Firefox. Text from the data files is escaped or set with
``textContent``, and only http(s) URLs become links.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import folium
import geopandas as gpd
from branca.element import Element, MacroElement
from jinja2 import Template

from smartcity.data.tables import REGIONS, Tables
from smartcity.i18n import LANGUAGES, format_date, region_name, text
from smartcity.model.join import join_to_provinces
from smartcity.model.milestones import timeline_steps
from smartcity.model.summaries import headline_figures
from smartcity.model.view import AsOf
from smartcity.output.choropleth import SELECTED_OUTLINE, safe_json, tooltip_head, view_spec
from smartcity.output.datatable import cited_sources
from smartcity.output.foliummap import build_base_map
from smartcity.output.mapassets import GESTURE_DIR, LEAFLET_DIR
from smartcity.output.overlays import programme_overlays
from smartcity.output.render import headline_texts
from smartcity.theme import css

EXPORT_JS = Path(__file__).with_name("export.js").read_text(encoding="utf-8")
METRIC = "first_round"  # the export shows the programme's growth: each province by its first round
# Nothing may be fetched: scripts and styles are inline, images only data: URIs.
CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'"
PAGE_CSS = css("""
html, body { height: auto; }
body { display: flex; flex-direction: column; font-family: $font; color: $ink; }
.scm-export-top { order: -1; }
.folium-map { height: 72vh !important; min-height: 420px; }
header { padding: 12px 20px 6px; display: flex; flex-wrap: wrap; align-items: center; gap: 12px 24px; }
h1 { font-size: 1.6rem; margin: 0; }
.sub { color: $muted; margin: 2px 0 0; }
.langs { margin-left: auto; }
button { font: inherit; font-size: 1rem; padding: 8px 16px; border: 1px solid $button_border; background: $white;
  border-radius: 8px; cursor: pointer; min-height: 44px; }
button[aria-pressed="true"] { background: $primary; color: $white; border-color: $primary; }
.figures { display: flex; gap: 12px; padding: 0 20px; flex-wrap: wrap; }
.figure { border: 1px solid $rule; border-radius: 8px; padding: 8px 14px; min-width: 160px; }
.figure .value { font-size: 2rem; font-weight: 650; }
.controls { display: flex; align-items: center; gap: 8px; padding: 10px 20px; flex-wrap: wrap; }
.caption { font-size: 1.15rem; font-weight: 600; margin-left: 8px; }
footer { padding: 8px 20px 14px; font-size: .85rem; color: $muted; }
footer ul { margin: 4px 0; padding-left: 18px; columns: 2; overflow-wrap: anywhere; }
a { overflow-wrap: anywhere; }
@media (max-width: 640px) { footer ul { columns: 1; } }
/* ?embed=1: a news site's frame holds the map, one button a round, the caption and the source
   line, and nothing scrolls: the map takes the height the rest leaves. */
html.scm-embed header, html.scm-embed .figures, html.scm-embed #sources-title, html.scm-embed #sources,
html.scm-embed #credits, html.scm-embed #previous, html.scm-embed #play, html.scm-embed #next { display: none; }
html.scm-embed body { height: 100vh; margin: 0; overflow: hidden; }
html.scm-embed .folium-map { flex: 1 1 0; height: auto !important; min-height: 0; }
html.scm-embed footer, html.scm-embed .controls { padding: 4px 8px; gap: 4px; }
html.scm-embed button { min-height: 36px; padding: 4px 10px; font-size: .9rem; }
html.scm-embed .caption { font-size: .9rem; margin-left: 0; }
""")


class ExportPage(MacroElement):
    """The page around the map: header, figures, round control, footer, and their script."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        {% macro html(this, kwargs) %}
        <div class="scm-export-top">
          <header>
            <div><h1 id="title"></h1><p class="sub" id="subtitle"></p></div>
            <div class="langs" role="group" aria-label="ภาษา / Language">
              <button type="button" data-lang="th">ไทย</button>
              <button type="button" data-lang="en">English</button>
            </div>
          </header>
          <section class="figures" aria-live="polite">
            <div class="figure"><div id="label-areas"></div><div class="value" id="value-areas"></div></div>
            <div class="figure"><div id="label-provinces"></div><div class="value" id="value-provinces"></div></div>
            <div class="figure"><div id="label-regions"></div><div class="value" id="value-regions"></div></div>
          </section>
          <nav class="controls">
            <button type="button" id="previous"></button>
            <button type="button" id="play"></button>
            <button type="button" id="next"></button>
            <span id="round-buttons" role="group"></span>
            <span class="caption" id="caption" aria-live="polite"></span>
          </nav>
        </div>
        <footer>
          <div id="exported"></div>
          <div><strong id="sources-title"></strong><ul id="sources"></ul></div>
          <div id="credits"></div>
        </footer>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        {{ this.js }}({{ this.data_json }});
        {% endmacro %}
        """
    )

    def __init__(self, data: dict):
        super().__init__()
        self._name = "ExportPage"
        self.css = PAGE_CSS
        self.js = EXPORT_JS
        self.data_json = safe_json(data)


def export_views(tables: Tables, boundaries: gpd.GeoDataFrame, region: str | None = None) -> list[dict[str, dict]]:
    """Every round's view in each language (of ``region``, or the whole country): the map's
    spec, the figures and the caption."""
    steps = []
    for round_number in tables.round_index.numbers:
        as_of = AsOf.of_round(tables, round_number)
        joined = join_to_provinces(tables, boundaries, as_of, [region] if region else None)
        headline = headline_figures(joined)
        views = {}
        for lang in LANGUAGES:
            labels = tables.round_index.labels(lang)
            key = "export_caption" if as_of.date_kind == "awarded" else "export_caption_decided"
            caption = text(key, lang, round=labels[round_number], date=format_date(as_of.date, lang))
            if region:
                caption += " · " + region_name(region, lang)
            if headline.reported:
                caption += " · " + text("export_reported_count", lang, n=headline.reported)
            views[lang] = {
                "spec": view_spec(joined, METRIC, lang, labels),
                "button": labels[round_number],
                "round": round_number,
                "caption": caption,
                "figures": {key: value for key, (_, value) in headline_texts(headline, lang).items()},
            }
        steps.append(views)
    return steps


def timeline_views(tables: Tables, boundaries: gpd.GeoDataFrame) -> tuple[list[dict], list[dict]]:
    """The timeline's steps as the static page shows them (``?step=N``, the dashboard's own step
    numbers, for the presenter's QR code): each step's map as the timeline has it on that step's
    date (``AsOf.on``), coloured as the export is, with the step's date and event as caption.
    Returns the steps (each naming its view) and the distinct views (many steps share one)."""
    views: list[dict] = []
    steps = []
    for step in timeline_steps(tables):
        as_of = AsOf.on(step.on)
        joined = join_to_provinces(tables, boundaries, as_of)
        headline = headline_figures(joined)
        view = {
            lang: {
                "spec": view_spec(joined, METRIC, lang, tables.round_index.labels(lang)),
                "figures": {key: value for key, (_, value) in headline_texts(headline, lang).items()},
            }
            for lang in LANGUAGES
        }
        if view not in views:
            views.append(view)
        dates = {lang: " / ".join(format_date(date, lang) for date in step.dates) for lang in LANGUAGES}
        titles = {"th": step.title_th, "en": step.title_en}
        steps.append(
            {"view": views.index(view), "caption": {lang: f"{dates[lang]} · {titles[lang]}" for lang in LANGUAGES}}
        )
    return steps, views


def page_strings(lang: str, exported_on: str) -> dict[str, str]:
    """The page's fixed text in ``lang``, from the one strings table."""
    return {
        "title": text("app_title", lang),
        "subtitle": text("export_subtitle", lang),
        "areas": text("headline_areas", lang),
        "provinces": text("headline_provinces", lang),
        "regions": text("headline_regions", lang),
        "previous": text("previous", lang),
        "next": text("next", lang),
        "play": text("play", lang),
        "pause": text("pause", lang),
        "rounds": text("export_rounds", lang),
        "sources": text("sources_title", lang),
        "credits": text("export_credits", lang),
        "exported": text("export_exported", lang, date=format_date(exported_on, lang)),
    }


def export_map(tables: Tables, boundaries: gpd.GeoDataFrame, exported_on: str) -> folium.Map:
    """The export as one folium map: the dashboard's base map, Leaflet inline, every view inside."""
    latest = join_to_provinces(tables, boundaries)
    overlays = programme_overlays(tables, latest)
    fmap = build_base_map(latest, "th", overlays=overlays)  # no asset URLs: the map's bundles inline
    header = fmap.get_root().header
    header.add_child(Element(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'), name="csp", index=0)
    # Every source any table cites: the export's statuses and milestones rest on some of them too.
    sources = sorted(cited_sources(tables).index)
    data = {
        # Every round's views of the whole country ("") and of each region: a link picks one
        # (?region=South&round=1&lang=en, the dashboard's own values).
        "views": {region or "": export_views(tables, boundaries, region) for region in (None, *REGIONS)},
        "timeline": dict(zip(("steps", "views"), timeline_views(tables, boundaries), strict=True)),
        "selectedOutline": SELECTED_OUTLINE,
        "heads": {lang: {code: tooltip_head(row, lang) for code, row in latest.iterrows()} for lang in LANGUAGES},
        "strings": {lang: page_strings(lang, exported_on) for lang in LANGUAGES},
        "overlays": {lang: {o.key: o.texts(lang) for o in overlays} for lang in LANGUAGES},
        "sources": sources,
    }
    ExportPage(data).add_to(fmap)
    return fmap


def export_site(
    tables: Tables,
    boundaries: gpd.GeoDataFrame,
    out_dir: Path,
    exported_on: str,
    progress: Callable[[str], None] = print,
) -> Path:
    """Write out_dir/index.html (saved by folium) and the Leaflet licence; return the page's path."""
    progress(f"1/3 making every round's view of the {len(boundaries)} provinces, by region too, in both languages")
    fmap = export_map(tables, boundaries, exported_on)
    progress(f"2/3 building the page ({len(tables.areas)} areas, {len(boundaries)} provinces)")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "index.html"
    fmap.save(str(target))
    for name, folder in (("leaflet", LEAFLET_DIR), ("leaflet-gesture-handling", GESTURE_DIR)):
        (out_dir / f"LICENSE-{name}.txt").write_text((folder / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8")
    progress(f"3/3 wrote {target} ({target.stat().st_size / 1024:.0f} KiB); open it by double-click, no network needed")
    return target
