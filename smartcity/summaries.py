"""Headline figures and per-region summaries of a joined province frame."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from smartcity.join import region_order


@dataclass(frozen=True)
class Headline:
    areas: int
    provinces_covered: int
    provinces_total: int
    regions_covered: int
    regions_total: int
    rounds: int


def headline_figures(joined: pd.DataFrame) -> Headline:
    """Areas, provinces covered of those selected, regions covered, rounds represented."""
    selected = joined[joined["in_selection"]]
    covered = selected[selected["area_count"] > 0]
    return Headline(
        areas=int(selected["area_count"].sum()),
        provinces_covered=len(covered),
        provinces_total=len(selected),
        regions_covered=covered["region"].nunique(),
        regions_total=selected["region"].nunique(),
        rounds=len({r for rounds in covered["rounds"] for r in rounds}),
    )


def coverage_by_region(joined: pd.DataFrame) -> pd.DataFrame:
    """Per region: provinces, provinces with an area, areas, registered population and its share covered."""
    frame = joined[joined["in_selection"]].assign(
        covered=lambda f: f["area_count"] > 0,
        population_covered=lambda f: f["population"].where(f["area_count"] > 0, 0),
    )
    summary = frame.groupby("region").agg(
        provinces=("code", "size"),
        provinces_covered=("covered", "sum"),
        areas=("area_count", "sum"),
        population=("population", "sum"),
        population_covered=("population_covered", "sum"),
    )
    summary["population_share"] = summary["population_covered"] / summary["population"]
    summary = summary.sort_index(key=lambda index: index.map(region_order))
    return summary.reset_index().astype({"provinces_covered": "int64", "areas": "int64"})


def population_covered(joined: pd.DataFrame) -> tuple[int, int]:
    """Registered population living in selected provinces with an area, and in all selected provinces."""
    selected = joined[joined["in_selection"]]
    return int(selected.loc[selected["area_count"] > 0, "population"].sum()), int(selected["population"].sum())
