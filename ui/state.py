"""The view's one owner at the Streamlit edge: read from the URL once per session and from the
widgets' state once per run (``read_view``), written back to the URL after the run.

The state a person would share (language, region, round, province, metric, timeline step) lives
in the URL query string with language-independent values
(``?lang=en&region=South&round=1&province=TH-90``). Streamlit's own ``bind="query-params"`` is
not used because it writes the displayed label, which changes with the language.
"""

from __future__ import annotations

import streamlit as st

from smartcity.i18n import language_from, text
from smartcity.model.urlstate import ALL_REGIONS, DEFAULTS, query_from_view, state_from_query
from smartcity.model.view import AsOf, View
from smartcity.output.render import MOTION_PARAM, REDUCED_MOTION
from ui.caches import checked

VIEW = "view"  # session state: the view this run shows (read_view)


def lang() -> str:
    return language_from(st.session_state.get("lang"))


def t(key: str, **values: object) -> str:
    return text(key, lang(), **values)


def read_view() -> View:
    """The view from the widgets' state, once per run (the frame calls it before the page runs)."""
    tables = checked().tables
    region = st.session_state.get("region")
    province = st.session_state.get("province")
    chosen_round = tables.round_index.parse(st.session_state.get("round"))
    latest_round = tables.round_index.latest
    step = st.session_state.get("step")
    current = View(
        lang=lang(),
        region=None if region in (None, ALL_REGIONS) else region,
        as_of=AsOf.of_round(tables, chosen_round if chosen_round is not None else latest_round or 1),
        province=province if province in {p.code for p in tables.index} else None,
        metric=st.session_state.get("metric", DEFAULTS["metric"]),
        step=step if isinstance(step, int) else None,
    )
    st.session_state[VIEW] = current
    return current


def view() -> View:
    """The view this run shows, as the frame read it (read again only where the frame did not run)."""
    current = st.session_state.get(VIEW)
    return current if isinstance(current, View) else read_view()


def restore_from_url() -> None:
    """Once per session: set the widgets' state from the URL a person opened."""
    if st.session_state.get("url_restored"):
        return
    st.session_state["url_restored"] = True
    tables = checked().tables
    for key, value in state_from_query(st.query_params.to_dict(), tables.index, tables.round_index).items():
        st.session_state[key] = value


def sync_url() -> None:
    """After a run: the URL says what is on screen (defaults left out to keep it short). The view
    is read again: a page's callbacks and its own steps (the timeline's player) may have moved it."""
    wanted = query_from_view(read_view(), checked().tables.round_index.latest)
    # Presenter settings and the motion preference are not widget state: keep them as they came.
    kept = ("present", "interval", MOTION_PARAM)
    wanted |= {key: st.query_params[key] for key in kept if key in st.query_params}
    if wanted != st.query_params.to_dict():
        st.query_params.from_dict(wanted)


def reduced_motion() -> bool:
    """The reader asked the system for reduced motion (the page script put it in the URL)."""
    return st.query_params.get(MOTION_PARAM) == REDUCED_MOTION


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
