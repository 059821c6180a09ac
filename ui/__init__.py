"""The Streamlit edge: what pages import. The logic they call lives in ``smartcity``.

- ``ui.caches``: the checked data and every view's results, cached and shared by sessions;
- ``ui.state``: the view's one owner (URL and widgets -> one ``View`` per run);
- ``ui.widgets``: the shared widgets and page styles;
- ``ui.map``: folium's map, shown by streamlit-folium.
"""

from ui.caches import (
    cached_body_coverage,
    cached_claim_cards,
    cached_counts,
    cached_coverage,
    cached_cumulative_chart,
    cached_headline,
    cached_join,
    cached_pilots_panel,
    cached_series,
    cached_slide_png,
    cached_slide_svg,
    cached_slides,
    cached_stated_total,
    cached_steps,
    cached_targets,
    cached_targets_chart,
    cached_text_table,
    checked,
    stamp,
)
from ui.map import show_choropleth, show_map_as_text
from ui.state import ensure_frame, lang, read_view, reduced_motion, restore_from_url, sync_url, t, view
from ui.widgets import (
    OVERVIEW_MAP,
    as_of_control,
    brief_and_gis_downloads,
    choice,
    download_row,
    inject_css,
    inject_embed_css,
    inject_presenter_css,
    language_switch,
    scroll_to_panel_after_click,
    select_clicked_province,
    shared_filters,
    show_problems,
    titled_chart,
)

PAGE_FAILED = "page_failed"  # session state: the page whose script raised in this run (for tests)

__all__ = [
    "OVERVIEW_MAP",
    "PAGE_FAILED",
    "as_of_control",
    "brief_and_gis_downloads",
    "cached_body_coverage",
    "cached_claim_cards",
    "cached_counts",
    "cached_coverage",
    "cached_cumulative_chart",
    "cached_headline",
    "cached_join",
    "cached_pilots_panel",
    "cached_series",
    "cached_slide_png",
    "cached_slide_svg",
    "cached_slides",
    "cached_stated_total",
    "cached_steps",
    "cached_targets",
    "cached_targets_chart",
    "cached_text_table",
    "checked",
    "choice",
    "download_row",
    "ensure_frame",
    "inject_css",
    "inject_embed_css",
    "inject_presenter_css",
    "lang",
    "language_switch",
    "read_view",
    "reduced_motion",
    "restore_from_url",
    "scroll_to_panel_after_click",
    "select_clicked_province",
    "shared_filters",
    "show_choropleth",
    "show_map_as_text",
    "show_problems",
    "stamp",
    "sync_url",
    "t",
    "titled_chart",
    "view",
]
