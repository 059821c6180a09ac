"""Open the dashboard in AppTest as a browser does: after a map-first run, say the map is drawn."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from mapcomponent import DRAWN
from ui import MAP_FIRST

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")


def map_reported_drawn(app: AppTest) -> AppTest:
    """What the map component's "drawn" trigger does (mapcomponent.note_drawn), then the rerun."""
    if MAP_FIRST in app.session_state and app.session_state[MAP_FIRST] is True:
        app.session_state[DRAWN] = True
        app.run()
    return app


def open_dashboard(timeout: float = 60, **query: str) -> AppTest:
    app = AppTest.from_file(DASHBOARD, default_timeout=timeout)
    for key, value in query.items():
        app.query_params[key] = value
    return map_reported_drawn(app.run())
