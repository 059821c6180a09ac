"""Tables as the Data page shows and downloads them: every value as text, searchable."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from smartcity.data.tables import Tables

TABLE_NAMES = (
    "areas", "statuses", "rounds", "claims", "milestones", "programme", "pilots", "ascn", "sources", "provinces",
)  # fmt: skip
# The tables whose rows cite sources (sources.csv describes them rather than citing them).
CITING_TABLES = ("areas", "statuses", "rounds", "claims", "milestones", "programme", "pilots", "ascn")


def cell_text(value: object) -> str:
    """A cell as it is written in the CSV file: lists joined by '; ', dates in ISO form."""
    if value is None or (not isinstance(value, tuple | list) and pd.isna(value)):
        return ""
    if isinstance(value, tuple | list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def as_text_table(tables: Tables, name: str) -> pd.DataFrame:
    """The loaded table ``name`` with the file's columns, every value as text."""
    frame = getattr(tables, name)
    if frame is None:  # an optional table that is absent
        return pd.DataFrame()
    frame = frame.drop(columns=["row"], errors="ignore")
    return frame.apply(lambda column: column.map(cell_text)).astype(str) if len(frame) else frame.astype(str)


def search_rows(frame: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows where any cell contains every word of ``query`` (case-insensitive)."""
    words = query.casefold().split()
    if not words:
        return frame
    joined = frame.apply(lambda row: " ".join(row).casefold(), axis=1)
    mask = joined.map(lambda line: all(word in line for word in words))
    return frame[mask]


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so Excel on Thai Windows opens it with Thai intact."""
    return frame.to_csv(index=False).encode("utf-8-sig")


def cited_sources(tables: Tables) -> pd.Series:
    """Every source cited in any table, in any of its source columns (``source``, and those
    ending in ``_source``: a date's, a body's, a round's award), with how many rows cite it."""
    counts: dict[str, int] = {}
    for name in CITING_TABLES:
        frame = getattr(tables, name)
        if frame is None:
            continue
        columns = [c for c in frame.columns if c == "source" or c.endswith("_source")]
        for _, row in frame[columns].iterrows():
            cited = {source for value in row if isinstance(value, tuple | list) for source in value}
            for source in cited:
                counts[source] = counts.get(source, 0) + 1
    return pd.Series(counts, dtype="int64").sort_values(ascending=False)
