"""The dashboard's pages, listed once: the frame navigates over them and the tests visit each."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageEntry:
    script: str  # relative to the project folder
    title_key: str  # its title in the strings table
    url_path: str
    hidden: bool = False  # reached by its URL only, not listed in the navigation
    has_map: bool = False  # shows the province map (or, without boundaries, says why it cannot)

    @property
    def path(self) -> str:
        """Its path under the dashboard's address: "" for the page the address itself opens."""
        return "" if self.url_path == DEFAULT_PAGE else self.url_path


PAGES = (
    PageEntry("pages/overview.py", "page_overview", "overview", has_map=True),
    PageEntry("pages/programme.py", "page_programme", "programme"),
    PageEntry("pages/timeline.py", "page_timeline", "timeline", has_map=True),
    PageEntry("pages/targets.py", "page_targets", "targets"),
    PageEntry("pages/investment.py", "page_investment", "investment"),
    PageEntry("pages/data.py", "page_data", "data"),
    PageEntry("pages/presenter.py", "page_presenter", "presenter", has_map=True),
    PageEntry("pages/embed.py", "page_embed", "embed", hidden=True, has_map=True),  # /embed, or ?embed=true
)
DEFAULT_PAGE = "overview"
PRESENTER_PAGE = "presenter"
EMBED_PAGE = "embed"
# The pages a reader moves between (the navigation's, less the presenter's full-screen stage).
READING_PAGES = tuple(entry for entry in PAGES if not entry.hidden and entry.url_path != PRESENTER_PAGE)
