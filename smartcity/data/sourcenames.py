"""Sources named as people know them: "Post Today, 3 Jul 2020", not a file name (sources.csv)."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

SOURCES_FILE = "sources.csv"  # optional: publishers, dates and wires of the cited sources


@functools.lru_cache(maxsize=4)
def _read(path: Path, modified: float) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["source"]: row for row in csv.DictReader(handle) if row.get("source")}


def source_names(data_dir: Path | None = None) -> dict[str, dict[str, str]]:
    """sources.csv of ``data_dir`` (default: the data the app reads), by source; empty without it.

    Read here rather than from the loaded tables because labels are made deep in the page
    fragments; ``validate`` checks the same file as a table.
    """
    if data_dir is None:
        from smartcity.data.tables import data_dir_from_environment  # tables checks this file too

        data_dir = data_dir_from_environment()
    path = Path(data_dir) / SOURCES_FILE
    if not path.is_file():
        return {}
    return _read(path, path.stat().st_mtime)


def source_origins_of(data_dir: Path | None = None) -> dict[str, str]:
    """Each source's wire, where sources.csv names one (the confidence rule counts a wire once):
    the one reading of it, for ``validate`` and for the pages' explanations alike."""
    return {source: row["origin"] for source, row in source_names(data_dir).items() if row.get("origin")}
