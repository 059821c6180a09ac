"""The one join everything shows: certified areas per province, on the province boundaries."""

from __future__ import annotations

from collections.abc import Collection

import geopandas as gpd
import pandas as pd

from smartcity.tables import REGIONS, Tables

NAME_SEPARATOR = "\n"


def select_areas(
    tables: Tables, rounds: Collection[int] | None = None, regions: Collection[str] | None = None
) -> pd.DataFrame:
    """The certified areas in ``rounds`` and ``regions`` (None: all), with their province's names."""
    provinces = tables.provinces[["code", "name_th", "name_en", "region"]].rename(
        columns={"code": "province_code", "name_th": "province_th", "name_en": "province_en"}
    )
    areas = tables.areas.merge(provinces, on="province_code", how="left")
    if rounds is not None:
        areas = areas[areas["round"].isin(list(rounds))]
    if regions is not None:
        areas = areas[areas["region"].isin(list(regions))]
    return areas.sort_values(["round", "province_code", "row"]).reset_index(drop=True)


def rounds_up_to(tables: Tables, last_round: int) -> list[int]:
    """The rounds an "as of round N" view counts: every round up to and including N."""
    return sorted(r for r in tables.rounds["round"] if r <= last_round)


def join_to_provinces(
    tables: Tables,
    boundaries: gpd.GeoDataFrame | None,
    rounds: Collection[int] | None = None,
    regions: Collection[str] | None = None,
) -> gpd.GeoDataFrame:
    """One row per province (77) with its boundary and the areas certified in ``rounds``.

    With ``boundaries`` None (the boundary file is unusable) every geometry is empty and the
    counts are still right. Provinces outside ``regions`` stay in the frame (a map still draws them) with
    ``in_selection`` False and no areas counted.

    Returns columns code, name_th, name_en, region, population, population_date, area_count,
    first_round (<NA> where none), rounds (tuple of the rounds with areas there),
    area_names_th, area_names_en (one name a line), in_selection and geometry, indexed by code.
    """
    areas = select_areas(tables, rounds, regions)
    per_province = areas.groupby("province_code").agg(
        area_count=("area_id", "size"),
        first_round=("round", "min"),
        area_names_th=("name_th", NAME_SEPARATOR.join),
        area_names_en=("name_en", NAME_SEPARATOR.join),
        rounds=("round", lambda r: tuple(sorted({int(x) for x in r}))),
    )
    columns = ["code", "name_th", "name_en", "region", "population", "population_date"]
    joined = tables.provinces[columns].merge(per_province, left_on="code", right_index=True, how="left")
    joined["area_count"] = joined["area_count"].fillna(0).astype("int64")
    joined["first_round"] = joined["first_round"].astype("Int64")
    joined[["area_names_th", "area_names_en"]] = joined[["area_names_th", "area_names_en"]].fillna("")
    joined["rounds"] = joined["rounds"].apply(lambda r: r if isinstance(r, tuple) else ())
    joined["in_selection"] = joined["region"].isin(list(regions)) if regions is not None else True
    if boundaries is None:
        return gpd.GeoDataFrame(joined, geometry=[None] * len(joined), crs="EPSG:4326").set_index("code", drop=False)
    geometry = boundaries.geometry.reindex(joined["code"]).values
    return gpd.GeoDataFrame(joined, geometry=geometry, crs=boundaries.crs).set_index("code", drop=False)


def region_order(region: str) -> int:
    return REGIONS.index(region) if region in REGIONS else len(REGIONS)
