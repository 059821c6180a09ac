"""Checking a data directory and the boundaries together, as the command line and CI do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

from smartcity.boundaries import boundaries_path_from_environment, read_boundaries
from smartcity.problems import Problem
from smartcity.status import statuses_on
from smartcity.tables import Tables, read_tables


@dataclass(frozen=True)
class Checked:
    tables: Tables
    boundaries: gpd.GeoDataFrame | None
    problems: tuple[Problem, ...]


def check_all(data_dir: Path | None = None, boundaries_path: Path | None = None) -> Checked:
    """Read every table and the boundaries; collect every problem."""
    tables = read_tables(data_dir)
    boundaries, boundary_problems = read_boundaries(boundaries_path or boundaries_path_from_environment(), tables.index)
    return Checked(tables, boundaries, tuple(sorted([*tables.problems, *boundary_problems])))


def summary_line(checked: Checked) -> str:
    tables = checked.tables
    areas = tables.areas
    boundary_count = 0 if checked.boundaries is None else len(checked.boundaries)
    status = statuses_on(tables, None).value_counts()
    holding = int(status.get("certified", 0) + status.get("renewed", 0))
    events = 0 if tables.statuses is None else len(tables.statuses)
    lapsed = f"; {int(status['lapsed'])} lapsed" if status.get("lapsed") else ""
    return (
        f"ok: {len(areas)} areas in {areas['province_code'].nunique()} provinces over "
        f"{areas['round'].nunique()} rounds ({holding} certified, {int(status.get('renewed', 0))} of them renewed; "
        f"{int(status.get('reported', 0))} reported, award not found{lapsed}); {len(tables.claims)} claims, "
        f"{len(tables.milestones)} milestones, {events} status events, {len(tables.provinces)} provinces, "
        f"{boundary_count} boundaries ({tables.data_dir})"
    )
