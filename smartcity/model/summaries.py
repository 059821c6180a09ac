"""Headline figures and per-region summaries of a joined province frame."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from smartcity.data.tables import Tables
from smartcity.i18n import format_number, localised, text
from smartcity.model.join import region_order
from smartcity.model.status import HOLDS_EMBLEM


@dataclass(frozen=True)
class Headline:
    areas: int
    provinces_covered: int
    provinces_total: int
    regions_covered: int
    regions_total: int
    rounds: int
    certified: int = 0  # areas holding the emblem (renewed ones included)
    renewed: int = 0
    reported: int = 0  # reported or endorsed, award not found
    provinces_certified: int = 0


def headline_figures(joined: pd.DataFrame) -> Headline:
    """Areas (by status), provinces covered of those selected, regions covered, rounds represented."""
    selected = joined[joined["in_selection"]]
    covered = selected[selected["area_count"] > 0]
    return Headline(
        certified=int(selected["certified_count"].sum()),
        renewed=int(selected["renewed_count"].sum()),
        reported=int(selected["reported_count"].sum()),
        provinces_certified=int((selected["certified_count"] > 0).sum()),
        areas=int(selected["area_count"].sum()),
        provinces_covered=len(covered),
        provinces_total=len(selected),
        regions_covered=covered["region"].nunique(),
        regions_total=selected["region"].nunique(),
        rounds=len({r for rounds in covered["rounds"] for r in rounds}),
    )


def map_summary(joined: pd.DataFrame, lang: str) -> str:
    """What the map shows, in one sentence (its text alternative): how many of the selected
    provinces have an area, and which have the most."""
    selected = joined[joined["in_selection"]]
    covered = selected[selected["area_count"] > 0]
    total = format_number(len(selected), lang)
    if covered.empty:
        return text("map_summary_none", lang, total=total)
    most = int(covered["area_count"].max())
    leaders = covered[covered["area_count"] == most].sort_values(localised("name", lang))[localised("name", lang)]
    return text(
        "map_summary",
        lang,
        n=format_number(len(covered), lang),
        total=total,
        names=text("list_separator", lang).join(leaders),
        count=format_number(most, lang),
    )


def coverage_by_body(areas: pd.DataFrame) -> pd.DataFrame:
    """Per kind of implementing body ('' where no source names it): areas, certified areas, and
    provinces. ``areas``: ``join.select_areas`` (the view's areas with their status)."""
    frame = areas.assign(
        kind=areas["body_kind"],
        certified=areas["status"].isin(HOLDS_EMBLEM),
    )
    summary = frame.groupby("kind").agg(
        areas=("area_id", "size"), certified=("certified", "sum"), provinces=("province_code", "nunique")
    )
    # Known kinds first, most areas first; the unknown last.
    order = sorted(summary.index, key=lambda kind: (kind == "", -summary.loc[kind, "areas"], kind))
    return summary.loc[order].reset_index()


def coverage_by_region(joined: pd.DataFrame) -> pd.DataFrame:
    """Per region: provinces, provinces with a certified area, certified and reported areas,
    registered population and the share living in provinces with a certified area."""
    frame = joined[joined["in_selection"]].assign(
        covered=lambda f: f["certified_count"] > 0,
        population_covered=lambda f: f["population"].where(f["certified_count"] > 0, 0),
    )
    summary = frame.groupby("region").agg(
        provinces=("code", "size"),
        provinces_covered=("covered", "sum"),
        areas=("certified_count", "sum"),
        reported=("reported_count", "sum"),
        population=("population", "sum"),
        population_covered=("population_covered", "sum"),
    )
    summary["population_share"] = summary["population_covered"] / summary["population"]
    summary = summary.sort_index(key=lambda index: index.map(region_order))
    return summary.reset_index().astype({"provinces_covered": "int64", "areas": "int64", "reported": "int64"})


def population_covered(joined: pd.DataFrame) -> tuple[int, int]:
    """Registered population living in selected provinces with a certified area, and in all selected provinces."""
    selected = joined[joined["in_selection"]]
    return int(selected.loc[selected["certified_count"] > 0, "population"].sum()), int(selected["population"].sum())


@dataclass(frozen=True)
class StatedTotal:
    """What an announcement said the programme totalled, beside what the area list gives."""

    areas_stated: int | None
    provinces_stated: int | None
    sources: tuple[str, ...]
    areas_listed: int
    provinces_listed: int

    @property
    def conflicting(self) -> bool:
        return (self.areas_stated not in (None, self.areas_listed)) or (
            self.provinces_stated not in (None, self.provinces_listed)
        )


def stated_total(tables: Tables, last_round: int) -> StatedTotal | None:
    """The programme total announced with ``last_round`` (claims areas_total, provinces_total), if any,
    and the counts of the area list up to that round (every status)."""
    claims = tables.claims[(tables.claims["round"] == last_round)]
    stated = {m: claims[claims["metric"] == m] for m in ("areas_total", "provinces_total")}
    if all(frame.empty for frame in stated.values()):
        return None
    areas = tables.areas[tables.areas["round"] <= last_round]
    sources = tuple(dict.fromkeys(s for frame in stated.values() for row in frame["source"] for s in row))
    return StatedTotal(
        areas_stated=int(stated["areas_total"]["value"].iloc[0]) if not stated["areas_total"].empty else None,
        provinces_stated=int(stated["provinces_total"]["value"].iloc[0])
        if not stated["provinces_total"].empty
        else None,
        sources=sources,
        areas_listed=len(areas),
        provinces_listed=areas["province_code"].nunique(),
    )
