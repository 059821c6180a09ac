"""The one join everything shows: certified areas per province, on the province boundaries."""

from __future__ import annotations

from collections.abc import Collection

import geopandas as gpd
import pandas as pd

from smartcity.data.tables import REGIONS, Tables
from smartcity.i18n import text
from smartcity.model.status import HOLDS_EMBLEM, latest_events
from smartcity.model.view import AsOf

NAME_SEPARATOR = "\n"


def select_areas(tables: Tables, as_of: AsOf | None = None, regions: Collection[str] | None = None) -> pd.DataFrame:
    """The areas ``as_of`` counts (None: the latest round's view) in ``regions`` (None: all), with
    their province's names and ``status``.

    ``status`` is each area's status on the date ``as_of`` gives (none: the date of the last round
    it counts); areas with no status by then (not yet announced) are left out.
    """
    as_of = as_of or AsOf.latest(tables)
    rounds = as_of.rounds
    latest = latest_events(tables, as_of.date if as_of.date is not None else last_round_date(tables, rounds))
    provinces = tables.provinces[["code", "name_th", "name_en", "region"]].rename(
        columns={"code": "province_code", "name_th": "province_th", "name_en": "province_en"}
    )
    areas = tables.areas.merge(provinces, on="province_code", how="left")
    if rounds is not None:
        areas = areas[areas["round"].isin(list(rounds))]
    if regions is not None:
        areas = areas[areas["region"].isin(list(regions))]
    areas = areas.assign(
        status=areas["area_id"].map(latest["status"]),
        status_date=areas["area_id"].map(latest["date"]),
        status_source=areas["area_id"].map(latest["source"]),
        # As objects: with no areas the mapped column is float, which "" cannot fill.
        status_confidence=areas["area_id"].map(latest["confidence"]).astype(object).fillna(""),
    )
    areas = areas[areas["status"].notna()]
    return areas.sort_values(["round", "province_code", "row"]).reset_index(drop=True)


def last_round_date(tables: Tables, rounds: Collection[int] | None) -> str | None:
    """The date a view of ``rounds`` (None: all) shows when it names none: its last round's."""
    chosen = list(rounds) if rounds is not None else list(tables.round_index.numbers)
    last = tables.round_index.get(max(chosen)) if chosen else None
    return last.date if last else None


def join_to_provinces(
    tables: Tables,
    boundaries: gpd.GeoDataFrame | None,
    as_of: AsOf | None = None,
    regions: Collection[str] | None = None,
) -> gpd.GeoDataFrame:
    """One row per province (77) with its boundary and the areas ``as_of`` counts, with their status then.

    With ``boundaries`` None (the boundary file is unusable) every geometry is empty and the
    counts are still right. Provinces outside ``regions`` stay in the frame (a map still draws them) with
    ``in_selection`` False and no areas counted.

    Returns columns code, name_th, name_en, region, population, population_date, area_count
    (areas of any status), certified_count (holding the emblem), renewed_count, reported_count
    (reported, award not found), status ("certified", "reported" or "" where no area),
    first_round (the first round with an area holding the emblem; <NA> where none), rounds
    (tuple of the rounds with areas there),
    area_names_th, area_names_en (one name a line), area_statuses (one status a line, in the
    same order), in_selection and geometry, indexed by code.
    """
    areas = select_areas(tables, as_of, regions)
    areas = areas.assign(
        holds=areas["status"].isin(HOLDS_EMBLEM),
        renewed=areas["status"] == "renewed",
        reported=areas["status"] == "reported",
        round_if_held=areas["round"].where(areas["status"].isin(HOLDS_EMBLEM)),
        # No Thai title was found for some areas: show the English one, saying so.
        name_th=areas["name_th"].where(areas["name_th"] != "", areas["name_en"] + text("no_thai_name", "th")),
    )
    per_province = areas.groupby("province_code").agg(
        area_count=("area_id", "size"),
        certified_count=("holds", "sum"),
        renewed_count=("renewed", "sum"),
        reported_count=("reported", "sum"),
        area_statuses=("status", NAME_SEPARATOR.join),
        # The first round in which an area there holds the emblem (reported areas do not count).
        first_round=("round_if_held", "min"),
        area_names_th=("name_th", NAME_SEPARATOR.join),
        area_names_en=("name_en", NAME_SEPARATOR.join),
        rounds=("round", lambda r: tuple(sorted({int(x) for x in r}))),
    )
    columns = ["code", "name_th", "name_en", "region", "population", "population_date"]
    joined = tables.provinces[columns].merge(per_province, left_on="code", right_index=True, how="left")
    for column in ("area_count", "certified_count", "renewed_count", "reported_count"):
        joined[column] = joined[column].fillna(0).astype("int64")
    joined["status"] = "certified"
    joined.loc[joined["certified_count"] == 0, "status"] = "reported"
    joined.loc[joined["area_count"] == 0, "status"] = ""
    joined["first_round"] = joined["first_round"].astype("Int64")
    names = ["area_names_th", "area_names_en", "area_statuses"]
    # As objects first: a selection with no areas leaves these all-NaN floats, which "" cannot fill.
    joined[names] = joined[names].astype(object).fillna("")
    joined["rounds"] = joined["rounds"].apply(lambda r: r if isinstance(r, tuple) else ())
    joined["in_selection"] = joined["region"].isin(list(regions)) if regions is not None else True
    if boundaries is None:
        return gpd.GeoDataFrame(joined, geometry=[None] * len(joined), crs="EPSG:4326").set_index("code", drop=False)
    geometry = boundaries.geometry.reindex(joined["code"]).values
    return gpd.GeoDataFrame(joined, geometry=geometry, crs=boundaries.crs).set_index("code", drop=False)


def view_join(tables: Tables, boundaries: gpd.GeoDataFrame | None, view) -> gpd.GeoDataFrame:
    """The join a view shows (its as of and regions): the command line's, as the dashboard caches it."""
    return join_to_provinces(tables, boundaries, view.as_of, view.regions)


def region_order(region: str) -> int:
    return REGIONS.index(region) if region in REGIONS else len(REGIONS)
