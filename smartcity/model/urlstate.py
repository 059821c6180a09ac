"""The view a URL describes: parsing query parameters and writing them back, without Streamlit.

Values are language-independent (codes, not labels) so a link works in either language:
``?lang=en&region=South&round=1&province=TH-90&metric=first_round&step=4``. Anything that does
not parse is ignored, so a mistyped link still opens the dashboard.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from urllib.parse import urlencode

from smartcity.data.provinces import ProvinceIndex, UnknownProvince
from smartcity.data.rounds import RoundIndex
from smartcity.data.tables import REGIONS
from smartcity.i18n import DEFAULT_LANGUAGE, LANGUAGES
from smartcity.model.view import DEFAULT_METRIC, View
from smartcity.output.choropleth import METRICS

ALL_REGIONS = "all"
DEFAULTS = {"lang": DEFAULT_LANGUAGE, "region": ALL_REGIONS, "metric": DEFAULT_METRIC, "province": None}


def state_from_query(query: Mapping[str, str], index: ProvinceIndex, rounds: RoundIndex) -> dict[str, object]:
    """Widget state for the valid parameters in ``query``."""
    state: dict[str, object] = {}
    if query.get("lang") in LANGUAGES:
        state["lang"] = query["lang"]
    region = query.get("region", "")
    matches = [r for r in REGIONS if r.casefold() == region.casefold()]
    if matches:
        state["region"] = matches[0]
    if (chosen := rounds.parse(query.get("round", ""))) is not None:
        state["round"] = chosen
    if query.get("province"):
        with contextlib.suppress(UnknownProvince):
            state["province"] = index.resolve(query["province"]).code
    if query.get("metric") in METRICS:
        state["metric"] = query["metric"]
    if query.get("step", "").isdigit():
        state["step"] = int(query["step"])
    return state


def query_from_view(view: View, latest_round: int | None = None) -> dict[str, str]:
    """The query parameters of ``view``; defaults are left out (the round too when it is ``latest_round``)."""
    values = {
        "lang": view.lang,
        "region": view.region or ALL_REGIONS,
        "metric": view.metric,
        "province": view.province,
        "round": view.as_of.round if view.as_of.round != latest_round else None,
        "step": view.step,
    }
    return {key: str(value) for key, value in values.items() if value is not None and value != DEFAULTS.get(key)}


def view_url(base: str, view: View, page: str = "", latest_round: int | None = None) -> str:
    """The public URL that reopens ``view`` (on ``page``: "" the overview, or "timeline" ...)."""
    query = urlencode(query_from_view(view, latest_round))
    return f"{base.rstrip('/')}/{page}" + (f"?{query}" if query else "")
