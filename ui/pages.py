"""The dashboard's pages, listed once: the frame navigates over them and the tests visit each."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageEntry:
    script: str  # relative to the project folder
    title_key: str  # its title in the strings table
    url_path: str
    hidden: bool = False  # reached by its URL only, not listed in the navigation


PAGES = (
    PageEntry("pages/overview.py", "page_overview", "overview"),
    PageEntry("pages/programme.py", "page_programme", "programme"),
    PageEntry("pages/timeline.py", "page_timeline", "timeline"),
    PageEntry("pages/targets.py", "page_targets", "targets"),
    PageEntry("pages/investment.py", "page_investment", "investment"),
    PageEntry("pages/data.py", "page_data", "data"),
    PageEntry("pages/presenter.py", "page_presenter", "presenter"),
    PageEntry("pages/embed.py", "page_embed", "embed", hidden=True),  # /embed, or ?embed=true
)
DEFAULT_PAGE = "overview"
PRESENTER_PAGE = "presenter"
EMBED_PAGE = "embed"
