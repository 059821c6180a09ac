"""Reading geo/provinces.geojson: 77 province polygons keyed by ISO 3166-2:TH code."""

from __future__ import annotations

import json
import os
from pathlib import Path

import geopandas as gpd
import shapely

from smartcity.data.problems import Problem
from smartcity.data.provinces import ProvinceIndex
from smartcity.data.tables import PROJECT_DIR

DEFAULT_BOUNDARIES = PROJECT_DIR / "geo" / "provinces.geojson"


def boundaries_path_from_environment() -> Path:
    """``SMARTCITY_BOUNDARIES`` when set, else the project's geo/provinces.geojson."""
    configured = os.environ.get("SMARTCITY_BOUNDARIES", "").strip()
    return Path(configured) if configured else DEFAULT_BOUNDARIES


def read_boundaries(path: Path, index: ProvinceIndex) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    """Read the boundaries; return them indexed by code, or None with the reasons they are unusable."""
    name = path.name
    if not path.is_file():
        return None, [Problem(name, 0, "(file)", str(path), "file not found; rebuild it with geo/build_provinces.py")]
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
        frame = gpd.GeoDataFrame.from_features(collection["features"], crs="EPSG:4326")
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        message = f"not a GeoJSON FeatureCollection ({type(error).__name__}); rebuild it with geo/build_provinces.py"
        return None, [Problem(name, 0, "(file)", str(path), message)]
    if "code" not in frame.columns:
        return None, [Problem(name, 0, "code", "", "features have no 'code' property")]
    problems = boundary_problems(name, frame, index)
    frame = frame[frame["code"].isin([p.code for p in index]) & shapely.is_valid(frame.geometry.values)]
    frame = frame.drop_duplicates("code").set_index("code", drop=False)
    return frame, problems


def boundary_problems(name: str, frame: gpd.GeoDataFrame, index: ProvinceIndex) -> list[Problem]:
    """Feature numbers count from 1, as a person counts them."""
    known = {p.code for p in index}
    problems = []
    seen: dict[str, int] = {}
    for number, (code, geometry) in enumerate(zip(frame["code"], frame.geometry, strict=True), start=1):
        if code not in known:
            problems.append(Problem(name, number, "code", str(code), "not a province code in provinces.csv"))
        elif code in seen:
            problems.append(Problem(name, number, "code", code, f"duplicate; first used by feature {seen[code]}"))
        elif geometry is None or not geometry.is_valid:
            problems.append(Problem(name, number, "geometry", code, "missing or invalid polygon"))
        seen.setdefault(code, number)
    problems += [Problem(name, 0, "code", code, "no boundary for this province") for code in sorted(known - set(seen))]
    return problems
