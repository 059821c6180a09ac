"""The map's scripts and styles as the browser fetches them: one versioned file of each.

streamlit-folium loads a map's scripts one after another, each requested only once the one
before it has run, and its stylesheets only after every script (its frontend's ``loadScripts``).
So the dashboard's map has one script, Leaflet with its gesture-handling plugin, and one
stylesheet, each named by a hash of its content so that a proxy or CDN may cache it for a year
(``Cache-Control: immutable``) and the page may ask for it early (``preload_links``). The
boundaries the browser fetches are a lighter copy of geo/'s (``served_boundaries_text``).

The bundles are made from the pinned xstatic packages' files in ``static/`` (tests check those
are the packages' copies) and committed under ``static/map/``; ``python -m smartcity.output.mapassets``
writes them (and the served boundaries) again after a package or boundary update, and a test
fails while they differ.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import re
from pathlib import Path

from smartcity.data.tables import PROJECT_DIR

STATIC_DIR = PROJECT_DIR / "static"
STATIC_URL = "/app/static"  # where Streamlit serves static/ (server.enableStaticServing)
BUNDLE_DIR = STATIC_DIR / "map"
LEAFLET_DIR = STATIC_DIR / "leaflet"
GESTURE_DIR = STATIC_DIR / "leaflet-gesture-handling"
GESTURE_JS, GESTURE_CSS = "leaflet-gesture-handling.min.js", "leaflet-gesture-handling.min.css"
SERVED_BOUNDARIES = STATIC_DIR / "geo" / "provinces.geojson"
# The browser's copy of the boundaries: coordinates to 0.001 degree (about 110 m; the provinces
# are simplified far more coarsely than that), and only the code each shape needs.
SERVED_DECIMALS = 3

# In the order they must run (the plugin extends Leaflet; the map's own behaviour uses both) and
# cascade. The behaviour travels with Leaflet, fetched once and cached, rather than in the map's
# script, which streamlit-folium sends again with every rerun.
MAP_BEHAVIOUR = PROJECT_DIR / "smartcity" / "output" / "choropleth.js"
SCRIPT_PARTS = (LEAFLET_DIR / "leaflet.js", GESTURE_DIR / GESTURE_JS, MAP_BEHAVIOUR)
STYLE_PARTS = (LEAFLET_DIR / "leaflet.css", GESTURE_DIR / GESTURE_CSS)


def file_version(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()[:12]


def bundle_text(parts: tuple[Path, ...]) -> str:
    """The parts one after another, each headed by its name (Leaflet's licences are in static/)."""
    pieces = []
    for part in parts:
        body = part.read_text(encoding="utf-8").rstrip()
        home = STATIC_DIR if part.is_relative_to(STATIC_DIR) else PROJECT_DIR
        pieces.append(f"/* {part.relative_to(home)} */\n{body}\n")
    # ";" between scripts: a part that ends without one must not run into the next.
    return ";\n".join(pieces) if parts[0].suffix == ".js" else "\n".join(pieces)


def inline_bundle(kind: str) -> str:
    """A bundle as it goes inside a page's ``<script>`` or ``<style>`` (the export's, a test's map)."""
    if kind == "css":
        return bundle_text(STYLE_PARTS)
    return bundle_text(SCRIPT_PARTS).replace("</script", "<\\/script")


@functools.cache  # the map asks on every rerun; the bundles do not change while the app runs
def bundle_name(kind: str) -> str:
    """``map.<hash>.js`` or ``map.<hash>.css``: the name changes whenever the content does."""
    text = bundle_text(SCRIPT_PARTS if kind == "js" else STYLE_PARTS)
    return f"map.{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}.{kind}"


def bundle_paths() -> dict[str, Path]:
    return {kind: BUNDLE_DIR / bundle_name(kind) for kind in ("js", "css")}


def asset_urls(base: str = STATIC_URL) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The map's ``default_js`` and ``default_css`` for folium: the two bundles, served by the app."""
    return [("map", f"{base}/map/{bundle_name('js')}")], [("map_css", f"{base}/map/{bundle_name('css')}")]


def boundaries_url(base: str = STATIC_URL) -> str:
    """The served boundaries, versioned like the bundles."""
    return f"{base}/geo/{SERVED_BOUNDARIES.name}?v={file_version(SERVED_BOUNDARIES)}"


def installed_package_dir(name: str) -> Path:
    """Where the installed package ``name`` lives, found without importing it (this package never
    imports Streamlit): its frontend's built files are read from there."""
    return Path(importlib.util.find_spec(name).origin).parent


def streamlit_static_dir() -> Path:
    """Streamlit's built frontend: its page, scripts and fonts."""
    return installed_package_dir("streamlit") / "static"


def component_script_url() -> str | None:
    """The URL Streamlit serves streamlit-folium's frame script at (its name carries a hash)."""
    build = installed_package_dir("streamlit_folium") / "frontend" / "build"
    index = (build / "index.html").read_text(encoding="utf-8") if (build / "index.html").is_file() else ""
    found = re.search(r'src="\./(static/js/main\.[0-9a-f]+\.js)"', index)
    return f"/component/streamlit_folium.st_folium/{found.group(1)}" if found else None


def component_frame_chunk_urls() -> list[str]:
    """Streamlit's own code for a component's frame: the chunk that draws it and the chunks it
    imports that the page's first scripts do not. Streamlit asks for them only once the map's
    element has arrived, a round trip before it can make the frame."""
    static = streamlit_static_dir()
    index = (static / "index.html").read_text(encoding="utf-8")
    entry = re.search(r'src="\./(static/js/index\.[\w-]+\.js)"', index)
    found = entry and re.search(r"ComponentInstance\.[\w-]+\.js", (static / entry.group(1)).read_text(encoding="utf-8"))
    if not found:
        return []
    chunk = (static / "static" / "js" / found.group(0)).read_text(encoding="utf-8")
    imported = dict.fromkeys(re.findall(r'from"\./([\w.-]+\.js)"', chunk))
    return [f"/static/js/{name}" for name in [found.group(0), *imported] if name not in index]


def preload_links(base: str = STATIC_URL) -> list[str]:
    """``Link`` header values that let a page's first response start the map's downloads, so
    that the map's frame, which appears only once Streamlit has drawn the page around it, finds
    them in the browser's cache (they are cacheable: versioned URLs, immutable)."""
    (_, script), (_, style) = asset_urls(base)[0][0], asset_urls(base)[1][0]
    component = component_script_url()
    # Low priority: on a phone's line they share it with Streamlit's own scripts, which the page
    # needs first (measured on the phone profile: the map drew about 0.2 s sooner).
    low = "; fetchpriority=low"
    return [
        *([f"<{component}>; rel=preload; as=script{low}"] if component else []),
        f"<{script}>; rel=preload; as=script{low}",
        f"<{style}>; rel=preload; as=style{low}",
        f"<{boundaries_url(base)}>; rel=preload; as=fetch; crossorigin=anonymous{low}",
        *(f"<{url}>; rel=modulepreload" for url in component_frame_chunk_urls()),
    ]


def served_boundaries_text(source: Path) -> str:
    """The served copy of the boundary file ``source``: its coordinates rounded, repeated points
    dropped. Neighbours share their borders point for point, so rounding keeps them shared."""
    import geopandas as gpd
    import numpy as np
    import shapely

    provinces = gpd.read_file(source)[["code", "geometry"]]
    rounded = shapely.transform(provinces.geometry.values, lambda xy: np.round(xy, SERVED_DECIMALS))
    provinces["geometry"] = shapely.remove_repeated_points(rounded)
    return provinces.to_json(drop_id=True, separators=(",", ":"))


def write_bundles() -> dict[str, Path]:
    """Write the bundles under static/map/, removing those of other versions."""
    BUNDLE_DIR.mkdir(exist_ok=True)
    paths = bundle_paths()
    for stale in BUNDLE_DIR.glob("map.*"):
        if stale not in paths.values():
            stale.unlink()
    for kind, path in paths.items():
        path.write_text(bundle_text(SCRIPT_PARTS if kind == "js" else STYLE_PARTS), encoding="utf-8")
    return paths


if __name__ == "__main__":
    SERVED_BOUNDARIES.write_text(served_boundaries_text(PROJECT_DIR / "geo" / "provinces.geojson"), encoding="utf-8")
    for written in [SERVED_BOUNDARIES, *write_bundles().values()]:
        print(f"wrote {written.relative_to(PROJECT_DIR)} ({written.stat().st_size / 1024:.0f} KiB)")
