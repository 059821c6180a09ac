"""Thailand Smart City Map: the tables, the province boundaries, the join between them, and what
is made from a view.

This package never imports streamlit: the dashboard wraps it (see ``dashboard.py``), tests and
the command line (``python -m smartcity``) use it directly. Its top level is the door the pages
come through: what they use is named here, wherever it lives (``data``, ``model``, ``output``).
"""

from smartcity.data.checks import URL_PATTERN
from smartcity.data.problems import DataError, Problem
from smartcity.i18n import column_label, format_date, format_number, format_share, local_year, localised, text
from smartcity.model.deck import interval_from, public_url_from_environment, qr_svg_data_uri, slide_url
from smartcity.model.join import select_areas
from smartcity.model.urlstate import DEFAULTS, view_url
from smartcity.model.view import AsOf, View
from smartcity.output.charts import chart_legend
from smartcity.output.choropleth import METRICS
from smartcity.output.datatable import TABLE_NAMES, cited_sources, csv_bytes, search_rows
from smartcity.output.render import (
    FIGURE_METRICS,
    body_coverage_table,
    claim_card,
    claim_layout,
    demote_headings,
    escape,
    headline_texts,
    link,
    presenter_caption,
    presenter_qr,
    programme_sections,
    province_panel,
    region_coverage_table,
    source_label,
    stated_total_card,
    timeline_step,
)

__all__ = [
    "DEFAULTS",
    "FIGURE_METRICS",
    "METRICS",
    "TABLE_NAMES",
    "URL_PATTERN",
    "AsOf",
    "DataError",
    "Problem",
    "View",
    "body_coverage_table",
    "chart_legend",
    "cited_sources",
    "claim_card",
    "claim_layout",
    "column_label",
    "csv_bytes",
    "demote_headings",
    "escape",
    "format_date",
    "format_number",
    "format_share",
    "headline_texts",
    "interval_from",
    "link",
    "local_year",
    "localised",
    "presenter_caption",
    "presenter_qr",
    "programme_sections",
    "province_panel",
    "public_url_from_environment",
    "qr_svg_data_uri",
    "region_coverage_table",
    "search_rows",
    "select_areas",
    "slide_url",
    "source_label",
    "stated_total_card",
    "text",
    "timeline_step",
    "view_url",
]
