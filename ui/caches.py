"""Loading and caching at the Streamlit edge: the checked data, and every view's results,
computed once and shared by every session (read-only: callers must not modify what they get).

Each cached function takes the data's version (``stamp()``) and the parts of the view it
depends on, never the whole view, so that e.g. the join is shared by every metric and language.
"""

from __future__ import annotations

import time
from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st

from smartcity.data.boundaries import boundaries_path_from_environment
from smartcity.data.tables import data_dir_from_environment
from smartcity.data.validate import Checked, check_all
from smartcity.model.deck import Slide, public_url_from_environment, slides
from smartcity.model.join import join_to_provinces, select_areas
from smartcity.model.milestones import Counts, counts_on, cumulative_series, timeline_steps
from smartcity.model.summaries import (
    Headline,
    StatedTotal,
    coverage_by_body,
    coverage_by_region,
    headline_figures,
    map_summary,
    population_covered,
    stated_total,
)
from smartcity.model.view import AsOf, View
from smartcity.output.brief import brief_pdf
from smartcity.output.charts import (
    cumulative_chart,
    figures_chart,
    stated_figures,
    stated_targets,
    targets_chart,
    vega_lite_spec,
)
from smartcity.output.choropleth import view_spec
from smartcity.output.datatable import as_text_table
from smartcity.output.gis import gis_zip
from smartcity.output.overlays import Overlay, pilot_outcomes, programme_overlays
from smartcity.output.render import claim_groups, pilots_panel, province_table
from smartcity.output.slide_image import svg_to_png, view_slide_svg


@st.cache_resource(show_spinner=False, max_entries=4)
def load_checked(data_dir: str, boundaries_path: str, stamp: str) -> Checked:
    """Tables and boundaries, read and checked once per process for each location and version."""
    return check_all(Path(data_dir), Path(boundaries_path))


# How old a data stamp may be. Every cached view is keyed by it and a run asks for it a dozen
# times; listing and stat-ing the files each time took 40% of the server's time under a crowd.
STAMP_SECONDS = 1.0
_stamps: dict[tuple[Path, Path], tuple[float, str]] = {}


def read_data_stamp(data_dir: Path, boundaries_path: Path) -> str:
    """Changes when any table or the boundary file is edited, so edits show without a restart."""
    files = [*sorted(data_dir.glob("*.csv")), boundaries_path]
    return ";".join(f"{f.name}:{f.stat().st_mtime_ns}" for f in files if f.exists()) + f"|{data_dir}|{boundaries_path}"


def data_stamp(data_dir: Path, boundaries_path: Path) -> str:
    """The files' stamp, read again once it is STAMP_SECONDS old (an edit shows within a second)."""
    now = time.monotonic()
    taken, stamp = _stamps.get((data_dir, boundaries_path), (-STAMP_SECONDS, ""))
    if now - taken >= STAMP_SECONDS:
        stamp = read_data_stamp(data_dir, boundaries_path)
        _stamps[(data_dir, boundaries_path)] = (now, stamp)
    return stamp


def checked() -> Checked:
    data_dir, boundaries_path = data_dir_from_environment(), boundaries_path_from_environment()
    return load_checked(str(data_dir), str(boundaries_path), data_stamp(data_dir, boundaries_path))


def stamp() -> str:
    return data_stamp(data_dir_from_environment(), boundaries_path_from_environment())


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_join(version: str, as_of: AsOf, regions: tuple[str, ...] | None) -> gpd.GeoDataFrame:
    """The join for one "as of" and region filter, shared by every session and every metric."""
    data = checked()
    return join_to_provinces(data.tables, data.boundaries, as_of, regions)


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_overlays(version: str) -> list[Overlay]:
    """The pilots' and ASCN cities' layers: the same on every map of every view."""
    data = checked()
    return [] if data.boundaries is None else programme_overlays(data.tables, data.boundaries)


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_map_text(version: str, as_of: AsOf, regions: tuple[str, ...] | None, language: str) -> tuple[str, str]:
    """The map's text alternative and the map as a table, for one view (read-only)."""
    joined = cached_join(version, as_of, regions)
    labels = checked().tables.round_index.labels(language)
    return map_summary(joined, language), province_table(joined, language, labels)


@st.cache_resource(show_spinner=False, max_entries=128)
def cached_view_spec(
    version: str, as_of: AsOf, regions: tuple[str, ...] | None, metric: str, language: str, selected: str | None
) -> dict:
    """What one view changes on the map (colours, tooltips, legend, bounds), built once."""
    labels = checked().tables.round_index.labels(language)
    return view_spec(cached_join(version, as_of, regions), metric, language, labels, selected=selected)


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_headline(version: str, as_of: AsOf, regions: tuple[str, ...] | None) -> Headline:
    """The overview's headline figures for one filter, computed once per data version."""
    return headline_figures(cached_join(version, as_of, regions))


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_coverage(version: str, as_of: AsOf, regions: tuple[str, ...] | None) -> tuple[int, int, pd.DataFrame]:
    """Population covered, population in all, and coverage by region for one filter (read-only)."""
    joined = cached_join(version, as_of, regions)
    covered, total = population_covered(joined)
    return covered, total, coverage_by_region(joined)


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_body_coverage(version: str, as_of: AsOf, regions: tuple[str, ...] | None) -> pd.DataFrame:
    """Areas by the kind of body that runs them, for one filter (read-only)."""
    return coverage_by_body(select_areas(checked().tables, as_of, regions))


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_pilots_panel(version: str, language: str) -> str | None:
    """Which 2020 pilots became certified areas, as HTML; None without pilots.csv."""
    tables = checked().tables
    if tables.pilots is None or tables.pilots.empty:
        return None
    became, not_found = pilot_outcomes(tables, language)
    return pilots_panel(became, not_found, language, tables.pilots["source"].iloc[0][0])


@st.cache_resource(show_spinner=False, max_entries=16)
def cached_stated_total(version: str, last_round: int) -> StatedTotal | None:
    """The total announced with a round beside the area list's count, once per data version."""
    return stated_total(checked().tables, last_round)


@st.cache_resource(show_spinner=False, max_entries=8)
def cached_steps(version: str) -> list:
    """The timeline's steps, computed once per data version."""
    return timeline_steps(checked().tables)


@st.cache_resource(show_spinner=False, max_entries=16)
def cached_slides(version: str, language: str) -> list[Slide]:
    """The presenter's slides (16 ms to make), once per data version and language."""
    return slides(checked().tables, language)


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_counts(version: str, on: str | None, regions: tuple[str, ...] | None) -> Counts:
    """Areas by status on one date (a timeline step), computed once per data version."""
    return counts_on(checked().tables, on, list(regions) if regions else None)


@st.cache_resource(show_spinner=False, max_entries=16)
def cached_series(version: str, regions: tuple[str, ...] | None) -> pd.DataFrame:
    """The cumulative series by status (read-only: callers must not modify it)."""
    return cumulative_series(checked().tables, list(regions) if regions else None)


@st.cache_resource(show_spinner=False, max_entries=32)
def cached_cumulative_chart(version: str, regions: tuple[str, ...] | None, language: str) -> dict:
    """The timeline's chart as a Vega-Lite spec (read-only: see titled_chart)."""
    return vega_lite_spec(cumulative_chart(cached_series(version, regions), language))


@st.cache_resource(show_spinner=False, max_entries=8)
def cached_targets(version: str) -> pd.DataFrame:
    """The stated targets with their lines' ends (read-only: callers must not modify it)."""
    return stated_targets(checked().tables)


@st.cache_resource(show_spinner=False, max_entries=8)
def cached_targets_chart(version: str, language: str) -> dict:
    """The targets page's chart as a Vega-Lite spec (read-only: see titled_chart)."""
    return vega_lite_spec(targets_chart(cached_series(version, None), cached_targets(version), language))


@st.cache_resource(show_spinner=False, max_entries=16)
def cached_figures_chart(version: str, metric: str, language: str) -> dict | None:
    """Every announced figure of ``metric`` as a Vega-Lite spec; None when there is none."""
    figures = stated_figures(checked().tables, metric, language)
    return None if figures.empty else vega_lite_spec(figures_chart(figures, metric, language))


@st.cache_resource(show_spinner=False, max_entries=32)
def cached_claim_cards(version: str, language: str) -> list[tuple[str, list[tuple[str | None, list[str]]]]]:
    """Claim cards grouped by round, then by conflict group, as HTML; built once per language."""
    return claim_groups(checked().tables, language)


@st.cache_data(show_spinner=False, max_entries=64)
def cached_text_table(version: str, name: str) -> pd.DataFrame:
    """A table as the Data page shows it (all text), built once per data version."""
    return as_text_table(checked().tables, name)


@st.cache_data(show_spinner=False, max_entries=64)
def cached_slide_svg(version: str, view: View) -> str:
    """The map of ``view`` as a 1920x1080 SVG for slides, dated as its map is (``view.as_of``)."""
    joined = cached_join(version, view.as_of, view.regions)
    return view_slide_svg(joined, view, checked().tables.round_index.labels(view.lang))


@st.cache_data(show_spinner=False, max_entries=32)
def cached_brief_pdf(version: str, view: View) -> bytes:
    """The view's one-page brief (Chromium prints it: about a second), made when first asked for."""
    joined = cached_join(version, view.as_of, view.regions)
    return brief_pdf(checked().tables, joined, view, public_url_from_environment())


@st.cache_data(show_spinner=False, max_entries=32)
def cached_gis_zip(version: str, view: View) -> bytes:
    """The view's GIS layers in one zip, made when first asked for."""
    joined = cached_join(version, view.as_of, view.regions)
    return gis_zip(checked().tables, joined, view, public_url_from_environment())


@st.cache_data(show_spinner=False, max_entries=16)
def cached_slide_png(svg: str) -> bytes:
    return svg_to_png(svg, width=1920)
