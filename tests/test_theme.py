"""Colours and fonts are named once, in smartcity/theme.py."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from smartcity import theme

PROJECT_DIR = Path(__file__).resolve().parent.parent
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3,6}\b")


def product_files() -> list[Path]:
    return sorted(p for folder in ("smartcity", "ui", "pages") for p in (PROJECT_DIR / folder).glob("*.py"))


def test_no_colour_is_written_outside_the_theme():
    found = [
        f"{path.relative_to(PROJECT_DIR)}:{number}: {line.strip()}"
        for path in product_files()
        if path.name != "theme.py" or path.parent.name != "smartcity"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HEX_COLOUR.search(line)
    ]
    assert found == []


def test_the_streamlit_theme_uses_the_palette():
    config = tomllib.loads((PROJECT_DIR / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
    assert config["primaryColor"] == theme.PRIMARY
    assert config["textColor"] == theme.INK
    assert config["backgroundColor"] == theme.WHITE
    assert config["secondaryBackgroundColor"] == theme.SECONDARY_BACKGROUND


def test_one_font_stack_and_its_print_order():
    assert theme.FONT_STACK.startswith("Sarabun, Garuda, Loma, 'Noto Sans Thai'")
    assert theme.PRINT_FONT_STACK.startswith("'Noto Sans Thai', Sarabun")
    assert sorted(theme.FONT_STACK.split(", ")) == sorted(theme.PRINT_FONT_STACK.split(", "))


def test_a_style_sheet_names_only_known_colours():
    assert theme.css("a { color: $primary; font-family: $font; }") == (
        f"a {{ color: {theme.PRIMARY}; font-family: {theme.FONT_STACK}; }}"
    )
