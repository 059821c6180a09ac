"""Open the dashboard in AppTest, and fail when the page it ran raised.

The frame turns a page's exception into a short message (no traceback on a page); it also
records the page in ``st.session_state[ui.PAGE_FAILED]``, which ``open_dashboard`` and
``assert_page_ran`` check, so the guard never hides a failing page from the tests.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

import ui
from smartcity.i18n import STRINGS

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
PAGE_FAILED_TEXTS = set(STRINGS["page_failed"].values())


def assert_page_ran(app: AppTest) -> AppTest:
    """The run raised nothing: no exception element, no page the frame caught failing."""
    assert not app.exception, [e.value for e in app.exception]
    failed = app.session_state[ui.PAGE_FAILED] if ui.PAGE_FAILED in app.session_state else None  # noqa: SIM401 (AppTest state has no get)
    assert failed is None, f"the page {failed!r} raised (see the log above)"
    assert not [e.value for e in app.error if e.value in PAGE_FAILED_TEXTS]
    return app


def open_dashboard(timeout: float = 60, check: bool = True, first_visit: bool = False, **query: str) -> AppTest:
    """The dashboard as a browser has it once its first map is drawn (a session's first run on
    the overview sends the map alone: ``first_visit`` runs that one)."""
    app = AppTest.from_file(DASHBOARD, default_timeout=timeout)
    for key, value in query.items():
        app.query_params[key] = value
    if not first_visit:
        app.session_state[ui.MAP_SHOWN] = True
    app.run()
    return assert_page_ran(app) if check else app


def open_page(script: str, check: bool = True, **query: str) -> AppTest:
    """The dashboard on the page ``script`` (one of ui.pages.PAGES), with the query that page needs."""
    from ui.pages import PAGES

    entry = next(e for e in PAGES if e.script == script)
    app = open_dashboard(check=check, **query)
    if entry.url_path != "overview":
        app.switch_page(script).run()
    return assert_page_ran(app) if check else app
