"""The shared widgets: the language switch, the sidebar filters, segmented choices, the
problems box, charts under their titles, and the page styles."""

from __future__ import annotations

import time
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from smartcity.data.provinces import UnknownProvince
from smartcity.data.tables import REGIONS, Tables
from smartcity.data.validate import Checked
from smartcity.i18n import LANGUAGES, localised, other_language, region_name, text
from smartcity.model.urlstate import ALL_REGIONS
from smartcity.model.view import View, view_file_name
from smartcity.output.gis import gis_zip_name
from smartcity.output.render import EMBED_CSS, PANEL_CSS, PRESENTER_CSS, page_script, scroll_into_view_script
from ui.caches import cached_brief_pdf, cached_gis_zip, checked, stamp
from ui.map import clicked_province
from ui.state import lang, t

LANGUAGE_LABELS = {"th": "ไทย", "en": "English"}
OVERVIEW_MAP = "overview_map"
SCROLL_TO_PANEL = "scroll_to_panel"  # session state: how many taps asked for the panel
PHONE_FILTERS = "phone_filters"  # the on-page filter row's container key (PANEL_CSS)
PAGE_FOOTER = "page_footer"  # the footer's container: the last thing a whole page sends


def widget_key(state_key: str, place: str = "") -> str:
    """The key of the widget that sets ``state_key`` (``place``: a second widget for the same
    value elsewhere on the page, e.g. the phone's filters)."""
    return f"{state_key}_{place}_widget" if place else f"{state_key}_widget"


def seed_widget(state_key: str, default: object, place: str = "") -> str:
    """Give the widget for ``state_key`` its value from the canonical state; return its key.

    The canonical value (``st.session_state[state_key]``) is what pages, the URL and tests read;
    each widget has a key of its own, set from it before every run and copied back on change.
    Widget state alone is lost when Streamlit cannot map a label sent by the browser back to an
    option (labels change with the language).
    """
    key = widget_key(state_key, place)
    st.session_state.setdefault(state_key, default)
    st.session_state[key] = st.session_state[state_key]
    return key


def copy_widget(state_key: str, place: str = "") -> None:
    st.session_state[state_key] = st.session_state.get(widget_key(state_key, place))


def choice(
    label: str,
    options: list,
    state_key: str,
    default: object,
    format_func: Callable,
    place: str = "",
    pills: bool = False,
    **extra,
) -> object:
    """Buttons, one always chosen, whose value lives in ``st.session_state[state_key]`` (kept
    through language changes by ``seed_widget`` and ``copy_widget``). ``pills``: separate
    buttons that wrap whole, for options that may not fit one row (a segmented control wraps
    into broken segments)."""
    widget = st.pills if pills else st.segmented_control
    if pills:
        extra.setdefault("wrap", True)
    return widget(
        label,
        options,
        format_func=format_func,
        required=True,
        key=seed_widget(state_key, default, place),
        on_change=copy_widget,
        args=(state_key, place),
        **extra,
    )


def language_switch() -> str:
    """Thai by default; English one click away (and via ?lang=en)."""
    choice("ภาษา / Language", LANGUAGES, "lang", "th", LANGUAGE_LABELS.get, label_visibility="collapsed")
    return lang()


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
    code = clicked_province(OVERVIEW_MAP)
    if code in {p.code for p in checked().tables.index}:
        st.session_state["province"] = code
        st.session_state.pop("province_typed", None)
        st.session_state[SCROLL_TO_PANEL] = st.session_state.get(SCROLL_TO_PANEL, 0) + 1


def scroll_to_panel_after_click() -> None:
    """After a tap on the map, the province's panel comes into view (below the map on a phone)."""
    nonce = st.session_state.get(SCROLL_TO_PANEL, 0)
    if nonce and st.session_state.get(f"{SCROLL_TO_PANEL}_done") != nonce:
        st.session_state[f"{SCROLL_TO_PANEL}_done"] = nonce
        st.html(scroll_into_view_script(".scm-panel", nonce), unsafe_allow_javascript=True)


def shared_filters(tables: Tables, map_alone: bool = False) -> None:
    """Region, "as of round" and province, in the sidebar, on every page; region and "as of"
    again at the top of the page on a phone, where the sidebar is folded away (PANEL_CSS shows
    that row only on narrow screens). ``map_alone``: only the phone row's place, empty, so that
    the map below it keeps its place (and its frame) when the filters arrive."""
    if map_alone:
        # The sidebar is there from the first run (the page's column does not move right when its
        # filters come), and the phone row keeps its room.
        st.sidebar.header(t("filters"))
        # Streamlit draws no empty container: a blank line holds the row (PANEL_CSS sizes it).
        st.container(key=PHONE_FILTERS).markdown("&nbsp;")
        return
    with st.sidebar:
        st.header(t("filters"))
        region_filter()
        as_of_control(tables)
        province_filter(tables)
    with st.container(key=PHONE_FILTERS):
        region_filter(PHONE_FILTERS)
        as_of_control(tables, place=PHONE_FILTERS)


def region_filter(place: str = "") -> None:
    """Labels are formatted with the language captured here, not looked up when formatted:
    Streamlit may format options outside the script run."""
    language = lang()
    st.selectbox(
        t("region"),
        [ALL_REGIONS, *REGIONS],
        format_func=lambda r: text("all_regions", language) if r == ALL_REGIONS else region_name(r, language),
        key=seed_widget("region", ALL_REGIONS, place),
        on_change=copy_widget,
        args=("region", place),
    )


def province_filter(tables: Tables) -> None:
    language = lang()
    names = {p.code: p for p in tables.index}
    codes = sorted(names, key=lambda c: getattr(names[c], localised("name", language)))
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
            name = getattr(suggestion, localised("name", language))
            st.warning(t("province_suggest", text=value, name=name), icon=":material/search_off:")
        else:
            st.warning(t("province_unknown", text=value), icon=":material/search_off:")


def province_label(province, language: str) -> str:
    other = other_language(language)
    return f"{getattr(province, localised('name', language))} · {getattr(province, localised('name', other))}"


def show_problems(checked_data: Checked) -> None:
    """Problems in the data files, named file:row: column: value, above whatever can still be shown."""
    if not checked_data.problems:
        return
    with st.container(border=True):
        st.error(t("problems_title"), icon=":material/error:")
        st.caption(t("problems_intro"))
        st.caption(t("problems_format"))
        # In the reader's language where the message has one (i18n.py); file, row, column and value as they are.
        st.code("\n".join(p.described(lang()) for p in checked_data.problems), language=None, wrap_lines=True)


def titled_chart(title: str, spec: dict) -> None:
    """A chart (a cached Vega-Lite spec) under its title, the title in the page's own text: drawn
    by Vega at the canvas's top edge, Thai marks above the line (the ื้ and ี่ of พื้นที่) were cut
    off. Streamlit copies the spec before moving its data out, so the cached one stays whole."""
    st.markdown(f"**{title}**")
    st.vega_lite_chart(spec, width="stretch")


def inject_css(script_slot: DeltaGenerator) -> None:
    """The page's styles (Streamlit puts style-only HTML apart, where it takes no place) and its
    script, in ``script_slot`` (an ``st.empty`` at the top of the page)."""
    st.html(PANEL_CSS)
    script_slot.html(page_script(lang()), unsafe_allow_javascript=True)


def inject_embed_css() -> None:
    """Only the map and its control, sized to the frame a news site puts the page in."""
    st.html(EMBED_CSS)


def as_of_control(tables: Tables, label_visibility: str = "visible", place: str = "") -> None:
    """The "as of" round buttons (the sidebar's, or the page's own where there is no sidebar)."""
    language = lang()
    labels = tables.round_index.labels(language)
    rounds = list(tables.round_index.numbers) or [1]
    if st.session_state.get("round") not in rounds:
        st.session_state["round"] = rounds[-1]
    choice(
        t("as_of_round"),
        rounds,
        "round",
        rounds[-1],
        lambda r: labels.get(r, text("round_n", language, n=r)),
        place=place,
        pills=True,
        label_visibility=label_visibility,
    )


def inject_presenter_css() -> None:
    """Full screen for a stage: no Streamlit chrome, no sidebar, type readable from the back."""
    st.html(PRESENTER_CSS)


def download_row(files: list[tuple[str, Callable[[], bytes | str], str, str, str]]) -> None:
    """Download buttons side by side, each (label, make the file, file name, MIME type, icon);
    a file is made only when its button is clicked (Streamlit shows the button busy meanwhile)."""
    for column, (label, make, file_name, mime, icon) in zip(st.columns(len(files)), files, strict=True):
        column.download_button(label, make, file_name=file_name, mime=mime, icon=icon, width="stretch")


def brief_and_gis_downloads(view: View) -> None:
    """The view as a one-page PDF brief and as GIS layers."""
    version, name = stamp(), view_file_name(view)
    download_row(
        [
            (
                t("download_brief"),
                lambda: cached_brief_pdf(version, view),
                f"{name}.pdf",
                "application/pdf",
                ":material/picture_as_pdf:",
            ),
            (
                t("download_gis"),
                lambda: cached_gis_zip(version, view),
                gis_zip_name(view),
                "application/zip",
                ":material/layers:",
            ),
        ]
    )


@dataclass(frozen=True)
class Playback:
    """Steps 1 to ``last`` shown one at a time, moved by hand or, while playing, on a fragment's
    timer: the timeline's steps and the presenter's slides. Kept in session state (``state``):
    the step under ``key``, whether it plays under ``playing_key``, and when it last moved or was
    started or paused under ``moved_key`` (so that a click's run, which comes sooner than the
    timer's, does not advance it a second time)."""

    last: int
    key: str
    playing_key: str
    moved_key: str
    state: MutableMapping = field(default_factory=lambda: st.session_state)

    def start_at(self, step: int) -> None:
        """Show ``step`` unless the session already shows one of the steps."""
        current = self.state.get(self.key)
        if not isinstance(current, int) or not 1 <= current <= self.last:
            self.state[self.key] = step

    @property
    def step(self) -> int:
        return self.state[self.key]

    @property
    def playing(self) -> bool:
        return bool(self.state.get(self.playing_key, False))

    def move(self, delta: int) -> None:
        """``delta`` steps on, from the last round to the first and back."""
        self.state[self.key] = (self.state[self.key] - 1 + delta) % self.last + 1
        self.state[self.moved_key] = time.monotonic()

    def toggle(self) -> None:
        """Play, or pause."""
        self.state[self.playing_key] = not self.playing
        self.state[self.moved_key] = time.monotonic()

    def tick(self, playing: bool, interval: float) -> None:
        """A run of the fragment whose timer was set for ``playing``: a play or pause since needs a
        full run (only it sets the timer); while playing, the next step once ``interval`` is up."""
        if self.playing != playing:
            st.rerun()
        now = time.monotonic()
        if playing and now - self.state.get(self.moved_key, now) >= interval * 0.9:
            self.move(1)
        self.state.setdefault(self.moved_key, now)
