"""The Streamlit edge: cached loading, the shared widgets, and small rendering helpers.

Pages import this module; the logic they call lives in ``smartcity``. The state a person would
share (language, region, round, province, metric, timeline step) lives in the URL query string
with language-independent values (``?lang=en&region=South&round=1&province=TH-90``): read once
when a session opens (``restore_from_url``), written back after every run (``sync_url``).
Streamlit's own ``bind="query-params"`` is not used because it writes the displayed label,
which changes with the language.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st

from mapcomponent import clicked_province, map_drawn, note_drawn, show_map
from smartcity.boundaries import boundaries_path_from_environment
from smartcity.charts import cumulative_chart, stated_targets, targets_chart, vega_lite_spec
from smartcity.choropleth import legend_items, map_spec, province_shapes
from smartcity.datatable import as_text_table
from smartcity.i18n import LANGUAGES, format_date, language_from, region_name, text
from smartcity.join import join_to_provinces, rounds_up_to
from smartcity.presenter import Slide, slides
from smartcity.provinces import UnknownProvince
from smartcity.render import PANEL_CSS, PRESENTER_CSS, claim_card
from smartcity.slides import map_svg, svg_to_png
from smartcity.summaries import (
    Headline,
    StatedTotal,
    coverage_by_region,
    headline_figures,
    population_covered,
    stated_total,
)
from smartcity.tables import REGIONS, Tables, data_dir_from_environment
from smartcity.timeline import Counts, counts_on, cumulative_series, timeline_steps
from smartcity.urlstate import ALL_REGIONS, query_from_state, state_from_query
from smartcity.validate import Checked, check_all

LANGUAGE_LABELS = {"th": "ไทย", "en": "English"}


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
def cached_join(
    version: str, rounds: tuple[int, ...] | None, regions: tuple[str, ...] | None, as_of: str | None
) -> gpd.GeoDataFrame:
    """The join for one filter and date, shared by every session (read-only: callers must not modify it).

    ``as_of`` has no default: Streamlit keys the cache by the arguments as passed, so a call that
    left it out and one that passed None each computed the same join (100-140 ms when cold)."""
    data = checked()
    return join_to_provinces(data.tables, data.boundaries, rounds, regions, as_of)


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_shapes(version: str) -> tuple[str, str]:
    """The boundaries as the map component keeps them: their version and their JSON text."""
    shapes = province_shapes(checked().boundaries)
    return shapes["version"], json.dumps(shapes, ensure_ascii=False, separators=(",", ":"))


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_map_spec(
    version: str,
    metric: str,
    language: str,
    rounds: tuple[int, ...] | None,
    regions: tuple[str, ...] | None,
    selected: str | None,
    height: int,
    as_of: str | None,
) -> str:
    """The map component's spec for one view as JSON text, built once and shared by every session."""
    data = checked()
    joined = cached_join(version, rounds, regions, as_of)
    labels = round_labels(data.tables, language)
    shapes_version = cached_shapes(version)[0]
    spec = map_spec(joined, shapes_version, metric, language, labels, selected=selected, height=height)
    return json.dumps(spec, ensure_ascii=False, separators=(",", ":"))


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_headline(version: str, rounds: tuple[int, ...], regions: tuple[str, ...] | None) -> Headline:
    """The overview's headline figures for one filter, computed once per data version."""
    return headline_figures(cached_join(version, rounds, regions, None))


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_coverage(
    version: str, rounds: tuple[int, ...], regions: tuple[str, ...] | None
) -> tuple[int, int, pd.DataFrame]:
    """Population covered, population in all, and coverage by region for one filter (read-only)."""
    joined = cached_join(version, rounds, regions, None)
    covered, total = population_covered(joined)
    return covered, total, coverage_by_region(joined)


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
def cached_counts(version: str, as_of: str | None, regions: tuple[str, ...] | None) -> Counts:
    """Areas by status on one date (a timeline step), computed once per data version."""
    return counts_on(checked().tables, as_of, list(regions) if regions else None)


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


@st.cache_resource(show_spinner=False, max_entries=32)
def cached_claim_cards(version: str, language: str) -> list[tuple[str, list[tuple[str | None, list[str]]]]]:
    """Claim cards grouped by round, then by conflict group, as HTML; built once per language."""
    tables = checked().tables
    labels = round_labels(tables, language)
    claims = tables.claims
    groups = [(labels.get(r, text("round_n", language, n=r)), claims[claims["round"] == r]) for r in sorted(labels)]
    groups.append((text("claims_programme", language), claims[claims["round"].isna()]))
    result = []
    for title, group in groups:
        if group.empty:
            continue
        blocks = []
        for conflict, members in group.groupby(group["conflict_group"].replace("", None), dropna=False, sort=False):
            cards = [claim_card(claim, language) for _, claim in members.iterrows()]
            blocks.append((None if pd.isna(conflict) or len(members) == 1 else str(conflict), cards))
        result.append((title, blocks))
    return result


@st.cache_data(show_spinner=False, max_entries=64)
def cached_text_table(version: str, name: str) -> pd.DataFrame:
    """A table as the Data page shows it (all text), built once per data version."""
    return as_text_table(checked().tables, name)


@st.cache_data(show_spinner=False, max_entries=64)
def cached_slide_svg(
    version: str, metric: str, language: str, rounds: tuple[int, ...], regions: tuple[str, ...] | None
) -> str:
    """The current map as a 1920x1080 SVG for slides, built once per view."""
    data = checked()
    joined = cached_join(version, rounds, regions, None)
    labels = round_labels(data.tables, language)
    last = max(rounds, default=0)
    awarded = data.tables.rounds.set_index("round")["awarded_on"].get(last)
    subtitle = text(
        "slide_subtitle",
        language,
        round=labels.get(last, ""),
        date=format_date(awarded, language),
        region=", ".join(region_name(r, language) for r in regions) if regions else text("all_regions", language),
        metric=text(f"metric_{metric}", language),
    )
    return map_svg(
        joined,
        metric,
        title=text("app_title", language),
        subtitle=subtitle,
        legend_title=text(f"metric_{metric}", language),
        legend=legend_items(joined, metric, language, labels),
        source_line=text("slide_source", language),
    )


@st.cache_data(show_spinner=False, max_entries=16)
def cached_slide_png(svg: str) -> bytes:
    return svg_to_png(svg, width=1920)


def show_choropleth(
    key: str,
    metric: str,
    rounds: tuple[int, ...] | None,
    height: int,
    clickable: bool = False,
    as_of: str | None = None,
) -> None:
    """The choropleth for the current view (areas of ``rounds`` with their status on ``as_of``;
    None: the last round's date); a click selects a province when ``clickable``."""
    current = view()
    rounds = tuple(rounds) if rounds is not None else None
    version = stamp()
    spec = cached_map_spec(version, metric, current.lang, rounds, current.region_key, current.province, height, as_of)
    # Clicks rerun the page; panning and zooming send nothing back.
    on_click = select_clicked_province if clickable else None
    show_map(spec, *cached_shapes(version), key=key, height=height, on_click=on_click, report_drawn=map_first())


def lang() -> str:
    return language_from(st.session_state.get("lang"))


def t(key: str, **values: object) -> str:
    return text(key, lang(), **values)


def round_labels(tables: Tables, language: str) -> dict[int, str]:
    return {int(r["round"]): r[f"label_{language}"] for _, r in tables.rounds.iterrows()}


def seed_widget(state_key: str, default: object) -> str:
    """Give the widget for ``state_key`` its value from the canonical state; return its key.

    The canonical value (``st.session_state[state_key]``) is what pages, the URL and tests read;
    the widget has a key of its own, set from it before every run and copied back on change.
    Widget state alone is lost when Streamlit cannot map a label sent by the browser back to an
    option (labels change with the language).
    """
    widget_key = f"{state_key}_widget"
    st.session_state.setdefault(state_key, default)
    st.session_state[widget_key] = st.session_state[state_key]
    return widget_key


def copy_widget(state_key: str) -> None:
    st.session_state[state_key] = st.session_state.get(f"{state_key}_widget")


def choice(label: str, options: list, state_key: str, default: object, format_func: Callable, **extra) -> object:
    """Segmented buttons, one always chosen, whose value lives in ``st.session_state[state_key]``
    (kept through language changes by ``seed_widget`` and ``copy_widget``)."""
    return st.segmented_control(
        label,
        options,
        format_func=format_func,
        required=True,
        key=seed_widget(state_key, default),
        on_change=copy_widget,
        args=(state_key,),
        **extra,
    )


MAP_FIRST = "map_first"  # session state: this run is the session's first, map-only, overview


def decide_map_first(on_overview: bool, checked_data: Checked) -> bool:
    """Whether this run sends the overview's title and map alone, as a session's first run does.

    Chromium draws nothing of a new page, the map included, until it has rendered every Streamlit
    widget sent with it: with the filters, figures and downloads the map took about twice a blank
    page's time, and about 1.3 times alone. So the first run sends the map alone; the browser says
    when it is drawn, and that rerun adds the rest beside and below the map, moving nothing
    already on screen. Any other page or run is whole.
    """
    first = on_overview and checked_data.boundaries is not None and not map_drawn()
    if not first:
        note_drawn()  # the trick is for a session's first page only
    st.session_state[MAP_FIRST] = first
    return first


def map_first() -> bool:
    return bool(st.session_state.get(MAP_FIRST))


def language_switch() -> str:
    """Thai by default; English one click away (and via ?lang=en)."""
    choice("ภาษา / Language", LANGUAGES, "lang", "th", LANGUAGE_LABELS.get, label_visibility="collapsed")
    return lang()


@dataclass(frozen=True)
class View:
    """What the shared filters select, and the data behind them."""

    tables: Tables
    boundaries: gpd.GeoDataFrame | None
    lang: str
    region: str | None
    last_round: int
    province: str | None

    @property
    def regions(self) -> list[str] | None:
        return [self.region] if self.region else None

    @property
    def region_key(self) -> tuple[str, ...] | None:
        """The regions as the cached functions take them (hashable; None: all)."""
        return tuple(self.regions) if self.regions else None

    @property
    def rounds(self) -> list[int]:
        return rounds_up_to(self.tables, self.last_round)

    def joined(self) -> gpd.GeoDataFrame:
        """The join for this view (cached, shared: read it, do not modify it)."""
        return cached_join(stamp(), tuple(self.rounds), self.region_key, None)


def resolve_typed_province() -> None:
    """A name typed into the province box (alias, either language) becomes its code."""
    value = st.session_state.get("province_widget")
    st.session_state["province"] = value
    st.session_state.pop("province_typed", None)
    if not value:
        return
    tables = checked().tables
    try:
        st.session_state["province"] = tables.index.resolve(value).code
    except UnknownProvince as unknown:
        st.session_state["province_typed"] = (value, unknown.suggestion)
        st.session_state["province"] = None


def select_clicked_province() -> None:
    """A click on the map selects the province it names (a code the data knows, nothing else)."""
    code = clicked_province("overview_map")
    if code in {p.code for p in checked().tables.index}:
        st.session_state["province"] = code
        st.session_state.pop("province_typed", None)


def shared_filters(tables: Tables, header_only: bool = False) -> None:
    """Region, "as of round" and province, in the sidebar, on every page (the header alone on a
    map-first run: the sidebar takes its width at once, so the map is not narrowed later).

    Labels are formatted with the language captured here, not looked up when formatted:
    Streamlit may format options outside the script run.
    """
    language = lang()
    with st.sidebar:
        st.header(t("filters"))
        if header_only:
            return
        st.selectbox(
            t("region"),
            [ALL_REGIONS, *REGIONS],
            format_func=lambda r: text("all_regions", language) if r == ALL_REGIONS else region_name(r, language),
            key=seed_widget("region", ALL_REGIONS),
            on_change=copy_widget,
            args=("region",),
        )
        labels = round_labels(tables, language)
        rounds = sorted(labels) or [1]
        if st.session_state.get("round") not in rounds:
            st.session_state["round"] = rounds[-1]
        choice(t("as_of_round"), rounds, "round", rounds[-1], lambda r: labels.get(r, text("round_n", language, n=r)))
        names = {p.code: p for p in tables.index}
        codes = sorted(names, key=lambda c: getattr(names[c], f"name_{language}"))
        st.selectbox(
            t("province"),
            codes,
            format_func=lambda c: province_label(names[c], language) if c in names else c,
            placeholder=t("province_placeholder"),
            help=t("province_help"),
            accept_new_options=True,
            key=seed_widget("province", None),
            on_change=resolve_typed_province,
        )
        typed = st.session_state.get("province_typed")
        if typed:
            value, suggestion = typed
            if suggestion:
                name = getattr(suggestion, f"name_{language}")
                st.warning(t("province_suggest", text=value, name=name), icon=":material/search_off:")
            else:
                st.warning(t("province_unknown", text=value), icon=":material/search_off:")


def view() -> View:
    """The current view, from the shared widgets' state (the frame renders them first)."""
    data = checked()
    rounds = sorted(int(r) for r in data.tables.rounds["round"]) or [1]
    region = st.session_state.get("region")
    province = st.session_state.get("province")
    chosen_round = st.session_state.get("round")
    return View(
        tables=data.tables,
        boundaries=data.boundaries,
        lang=lang(),
        region=None if region in (None, ALL_REGIONS) else region,
        last_round=int(chosen_round) if chosen_round in rounds else rounds[-1],
        province=province if province in {p.code for p in data.tables.index} else None,
    )


def province_label(province, language: str) -> str:
    other = "en" if language == "th" else "th"
    return f"{getattr(province, f'name_{language}')} · {getattr(province, f'name_{other}')}"


def show_problems(checked_data: Checked) -> None:
    """Problems in the data files, named file:row: column: value, above whatever can still be shown."""
    if not checked_data.problems:
        return
    with st.container(border=True):
        st.error(t("problems_title"), icon=":material/error:")
        st.caption(t("problems_intro"))
        st.caption(t("problems_format"))
        st.code("\n".join(str(p) for p in checked_data.problems), language=None, wrap_lines=True)


def titled_chart(title: str, spec: dict) -> None:
    """A chart (a cached Vega-Lite spec) under its title, the title in the page's own text: drawn
    by Vega at the canvas's top edge, Thai marks above the line (the ื้ and ี่ of พื้นที่) were cut
    off. Streamlit copies the spec before moving its data out, so the cached one stays whole."""
    st.markdown(f"**{title}**")
    st.vega_lite_chart(spec, width="stretch")


def inject_css() -> None:
    st.html(PANEL_CSS)


def inject_presenter_css() -> None:
    """Full screen for a stage: no Streamlit chrome, no sidebar, type readable from the back."""
    st.html(PRESENTER_CSS)


def restore_from_url() -> None:
    """Once per session: set the widgets' state from the URL a person opened."""
    if st.session_state.get("url_restored"):
        return
    st.session_state["url_restored"] = True
    data = checked()
    rounds = [int(r) for r in data.tables.rounds["round"]]
    for key, value in state_from_query(st.query_params.to_dict(), data.tables.index, rounds).items():
        st.session_state[key] = value


def sync_url() -> None:
    """After a run: the URL says what is on screen (defaults left out to keep it short)."""
    rounds = [int(r) for r in checked().tables.rounds["round"]]
    wanted = query_from_state(dict(st.session_state), max(rounds, default=1))
    # Presenter settings are not widget state: keep them as the presenter typed them.
    wanted |= {key: st.query_params[key] for key in ("present", "interval") if key in st.query_params}
    if wanted != st.query_params.to_dict():
        st.query_params.from_dict(wanted)


def ensure_frame() -> None:
    """Run pages through dashboard.py even for the first visitor after a restart.

    Streamlit treats a folder named pages/ as the old multipage layout until the first
    st.navigation call in the process; a deep link opened before that (e.g. /timeline) would
    run the page alone, without the frame. Switching the flag off and rerunning lets
    dashboard.py route the same URL through st.navigation.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
