"""The view a URL describes: parsing query parameters and writing them back, without Streamlit.

Values are language-independent (codes, not labels) so a link works in either language:
``?lang=en&region=South&round=1&province=TH-90&metric=first_round&step=4``. Anything that does
not parse is ignored, so a mistyped link still opens the dashboard.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from urllib.parse import urlencode

from smartcity.choropleth import DEFAULT_METRIC, METRICS
from smartcity.i18n import DEFAULT_LANGUAGE, LANGUAGES
from smartcity.provinces import ProvinceIndex, UnknownProvince
from smartcity.tables import REGIONS
from smartcity.view import View

ALL_REGIONS = "all"
DEFAULTS = {"lang": DEFAULT_LANGUAGE, "region": ALL_REGIONS, "metric": DEFAULT_METRIC, "province": None}


def state_from_query(query: Mapping[str, str], index: ProvinceIndex, rounds: list[int]) -> dict[str, object]:
    """Widget state for the valid parameters in ``query``."""
    state: dict[str, object] = {}
    if query.get("lang") in LANGUAGES:
        state["lang"] = query["lang"]
    region = query.get("region", "")
    matches = [r for r in REGIONS if r.casefold() == region.casefold()]
    if matches:
        state["region"] = matches[0]
    if query.get("round", "").isdigit() and int(query["round"]) in rounds:
        state["round"] = int(query["round"])
    if query.get("province"):
        with contextlib.suppress(UnknownProvince):
            state["province"] = index.resolve(query["province"]).code
    if query.get("metric") in METRICS:
        state["metric"] = query["metric"]
    if query.get("step", "").isdigit():
        state["step"] = int(query["step"])
    return state


def query_from_state(state: Mapping[str, object], last_round: int) -> dict[str, str]:
    """Query parameters for the shareable part of ``state``; defaults are left out."""
    query: dict[str, str] = {}
    for key in ("lang", "region", "metric", "province"):
        value = state.get(key)
        if value is not None and value != DEFAULTS[key]:
            query[key] = str(value)
    if state.get("round") not in (None, last_round):
        query["round"] = str(state["round"])
    if state.get("step") is not None:
        query["step"] = str(state["step"])
    return query


def query_from_view(view: View, latest_round: int | None = None) -> dict[str, str]:
    """The query parameters of ``view`` (defaults left out; the round too when it is ``latest_round``)."""
    state = {
        "lang": view.lang,
        "region": view.region or ALL_REGIONS,
        "metric": view.metric,
        "province": view.province,
        "round": view.as_of.round,
        "step": view.step,
    }
    return query_from_state(state, latest_round if latest_round is not None else -1)


def view_url(base: str, view: View, page: str = "", latest_round: int | None = None) -> str:
    """The public URL that reopens ``view`` (on ``page``: "" the overview, or "timeline" ...)."""
    query = urlencode(query_from_view(view, latest_round))
    return f"{base.rstrip('/')}/{page}" + (f"?{query}" if query else "")
