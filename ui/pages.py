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

    def title(self, lang: str) -> str:
        return self.title_th if lang == "th" else self.title_en


PAGES = (
    PageEntry("pages/overview.py", "overview", "ภาพรวม", "Overview"),
    PageEntry("pages/programme.py", "programme", "โครงการทำงานอย่างไร", "How the programme works"),
    PageEntry("pages/timeline.py", "timeline", "ลำดับเหตุการณ์", "Timeline"),
    PageEntry("pages/targets.py", "targets", "ความคืบหน้าเทียบเป้าหมาย", "Progress to targets"),
    PageEntry("pages/investment.py", "investment", "การลงทุนและประชากร", "Investment and population"),
    PageEntry("pages/data.py", "data", "ข้อมูลและแหล่งที่มา", "Data and sources"),
    PageEntry("pages/presenter.py", "presenter", "โหมดนำเสนอ", "Presenter"),
    # /embed, or any page with ?embed=true
    PageEntry("pages/embed.py", "embed", "แผนที่สำหรับฝังในเว็บไซต์", "Map for embedding", hidden=True),
)
DEFAULT_PAGE = "overview"
PRESENTER_PAGE = "presenter"
EMBED_PAGE = "embed"
