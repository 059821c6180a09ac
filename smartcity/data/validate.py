"""Checking a data directory and the boundaries together, as the command line and CI do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

from smartcity.data.boundaries import boundaries_path_from_environment, read_boundaries
from smartcity.data.problems import Problem
from smartcity.data.tables import Tables, read_tables


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
