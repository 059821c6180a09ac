"""The language's rules are written once, in smartcity/i18n.py: localised columns, the other
language, the year as each language writes it."""

from __future__ import annotations

import re
from pathlib import Path

from smartcity.i18n import local_year, localised, other_language, year_offset

PROJECT_DIR = Path(__file__).resolve().parent.parent
# A column named from a language: f"name_{lang}", "title_" + lang, f'scope_{view.lang}' ...
LANGUAGE_COLUMN = re.compile(
    r"""_\{(?:[a-z_]+\.)?lang(?:uage)?\}["']|["'][a-z_]+_["']\s*\+\s*(?:[a-z_]+\.)?lang(?:uage)?\b"""
)
BUDDHIST_ERA = re.compile(r"\b543\b")


def product_files() -> list[Path]:
    files = [PROJECT_DIR / "dashboard.py"]
    files += [p for folder in ("smartcity", "ui", "pages") for p in sorted((PROJECT_DIR / folder).glob("*.py"))]
    return [p for p in files if p.relative_to(PROJECT_DIR).as_posix() != "smartcity/i18n.py"]


def matches(pattern: re.Pattern) -> list[str]:
    return [
        f"{path.relative_to(PROJECT_DIR)}:{number}: {line.strip()}"
        for path in product_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_the_pattern_finds_a_localised_column():
    assert LANGUAGE_COLUMN.search("""row[f"name_{lang}"]""")
    assert LANGUAGE_COLUMN.search("""getattr(p, f'name_{view.lang}')""")
    assert LANGUAGE_COLUMN.search("""row["title_" + lang]""")
    assert not LANGUAGE_COLUMN.search("""text(f"metric_{metric}", lang)""")


def test_localised_columns_are_named_only_by_i18n():
    assert matches(LANGUAGE_COLUMN) == []


def test_the_buddhist_era_is_added_only_by_i18n():
    assert matches(BUDDHIST_ERA) == []


def test_the_language_helpers():
    assert localised("name", "th") == "name_th"
    assert localised("area_names", "en") == "area_names_en"
    assert other_language("th") == "en"
    assert other_language("en") == "th"
    assert local_year(2021, "th") == 2564
    assert local_year(2021, "en") == 2021
    assert year_offset("en") == 0
