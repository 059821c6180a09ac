"""The dashboard's pages, listed once with their titles: the frame navigates over them, and the
tests and the benchmark visit each. A new page is its script in pages/ and a line here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageEntry:
    script: str  # relative to the project folder
    url_path: str
    title_th: str
    title_en: str
    hidden: bool = False  # reached by its URL only, not listed in the navigation
    has_map: bool = False  # shows the province map (or, without boundaries, says why it cannot)

    @property
    def path(self) -> str:
        """Its path under the dashboard's address: "" for the page the address itself opens."""
        return "" if self.url_path == DEFAULT_PAGE else self.url_path

    def title(self, lang: str) -> str:
        return self.title_th if lang == "th" else self.title_en


PAGES = (
    PageEntry("pages/overview.py", "overview", "ภาพรวม", "Overview", has_map=True),
    PageEntry("pages/programme.py", "programme", "โครงการทำงานอย่างไร", "How the programme works"),
    PageEntry("pages/timeline.py", "timeline", "ลำดับเหตุการณ์", "Timeline", has_map=True),
    PageEntry("pages/targets.py", "targets", "ความคืบหน้าเทียบเป้าหมาย", "Progress to targets"),
    PageEntry("pages/investment.py", "investment", "การลงทุนและประชากร", "Investment and population"),
    PageEntry("pages/data.py", "data", "ข้อมูลและแหล่งที่มา", "Data and sources"),
    PageEntry("pages/presenter.py", "presenter", "โหมดนำเสนอ", "Presenter", has_map=True),
    # /embed, or any page with ?embed=true
    PageEntry("pages/embed.py", "embed", "แผนที่สำหรับฝังในเว็บไซต์", "Map for embedding", hidden=True, has_map=True),
)
DEFAULT_PAGE = "overview"
PRESENTER_PAGE = "presenter"
EMBED_PAGE = "embed"
# The pages a reader moves between (the navigation's, less the presenter's full-screen stage).
READING_PAGES = tuple(entry for entry in PAGES if not entry.hidden and entry.url_path != PRESENTER_PAGE)
