"""Shared fixtures: the real tables and boundaries, and a three-province miniature of them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from smartcity.data.boundaries import DEFAULT_BOUNDARIES, read_boundaries
from smartcity.data.tables import DEFAULT_DATA_DIR, read_tables
from testkit.browser import chromium, streamlit_server

PROJECT_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def real_tables():
    return read_tables(DEFAULT_DATA_DIR)


@pytest.fixture(scope="session")
def real_boundaries(real_tables):
    boundaries, problems = read_boundaries(DEFAULT_BOUNDARIES, real_tables.index)
    assert problems == []
    return boundaries


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ for tests that break one thing in it."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


TINY_PROVINCES = """code,name_th,name_en,aliases_en,aliases_th,abbr_th,region,population,population_date,population_source
TH-01,หนึ่ง,One,Uno,,,North,100,2019-12-31,https://example.org/pop
TH-02,สอง,Two,,สองสอง,,North,200,2019-12-31,https://example.org/pop
TH-03,สาม,Three,,,,South,300,2019-12-31,https://example.org/pop
"""
TINY_AREAS = """area_id,round,name_th,name_en,province_code,certified_on,source
a-one,1,เมืองหนึ่ง,City One,TH-01,2021-12-24,https://example.org/a
b-one,2,เมืองหนึ่งบี,City One B,Uno,2023-01-09,https://example.org/b
c-three,2,เมืองสาม,City Three,สาม,2023-01-09,note.txt
"""
TINY_ROUNDS = """round,label_th,label_en,decided_on,decided_source,awarded_on,awarded_source
1,รอบที่ 1,Round 1,,,2021-12-24,https://example.org/r1
2,รอบที่ 2,Round 2,,,2023-01-09,https://example.org/r2
"""
TINY_CLAIMS = """claim_id,round,metric,value,qualifier,statement,statement_words,scope_th,scope_en,stated_on,source
c1,2,investment_mthb,100,more than,expected,is expected,ขอบเขต,scope,2022-11-09,https://example.org/c
"""
TINY_MILESTONES = """milestone_id,date,kind,title_th,title_en,provinces,source
m1,2020-07-02,mou,หัวข้อ,Title,TH-01;Two,https://example.org/m
"""


def square(x: float, y: float) -> dict:
    ring = [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


@pytest.fixture
def tiny_dir(tmp_path: Path) -> Path:
    """Three square provinces side by side (One, Two in the North; Three in the South)."""
    folder = tmp_path / "tiny"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "note.txt").write_text("a source\n", encoding="utf-8")
    for name, text in {
        "provinces.csv": TINY_PROVINCES,
        "certified_areas.csv": TINY_AREAS,
        "rounds.csv": TINY_ROUNDS,
        "claims.csv": TINY_CLAIMS,
        "milestones.csv": TINY_MILESTONES,
    }.items():
        (folder / name).write_text(text, encoding="utf-8")
    features = [
        {"type": "Feature", "properties": {"code": f"TH-0{i + 1}"}, "geometry": square(100 + i, 15)} for i in range(3)
    ]
    (folder / "provinces.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return folder


@pytest.fixture
def tiny_tables(tiny_dir):
    tables = read_tables(tiny_dir, province_count=None)
    assert tables.problems == ()
    return tables


@pytest.fixture
def tiny_boundaries(tiny_dir, tiny_tables):
    boundaries, problems = read_boundaries(tiny_dir / "provinces.geojson", tiny_tables.index)
    assert problems == []
    return boundaries


@pytest.fixture(scope="module")
def server():
    """The dashboard on a free loopback port, for one test module (modules may override it)."""
    with streamlit_server() as base_url:
        yield base_url


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium, for one test module."""
    with chromium() as instance:
        yield instance
