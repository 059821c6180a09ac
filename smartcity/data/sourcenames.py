"""Sources named as people know them: "Post Today, 3 Jul 2020", not a file name (sources.csv).

sources.csv is read and checked with the other tables (``tables.read_tables``); what is here
takes its rows, as ``Tables.source_names`` holds them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd

SOURCES_FILE = "sources.csv"  # optional: publishers, dates and wires of the cited sources
SourceNames = Mapping[str, Mapping[str, str]]  # a source -> its row of sources.csv


def as_written(value: object) -> str:
    """A checked cell as the file writes it: a date in ISO form, a list's one item, blank as ''."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return "; ".join(value)
    return str(value)


def source_names(sources: pd.DataFrame | None) -> dict[str, dict[str, str]]:
    """The rows of sources.csv (the checked table; None without the file) by source."""
    if sources is None:
        return {}
    names = {}
    for record in sources.drop(columns="row", errors="ignore").to_dict("records"):
        row = {column: as_written(value) for column, value in record.items()}
        if row.get("source"):
            names[row["source"]] = row
    return names


def source_origins(names: SourceNames) -> dict[str, str]:
    """Each source's wire, where sources.csv names one (the confidence rule counts a wire once):
    the one reading of it, for the checks and for the pages' explanations alike."""
    return {source: row["origin"] for source, row in names.items() if row.get("origin")}
