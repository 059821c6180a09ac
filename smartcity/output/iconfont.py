"""Streamlit's icon font, cut to the icons a page can show.

Streamlit draws its ``:material/name:`` icons with one font, Material Symbols Rounded, which
holds some four thousand icons (about 370 KB). Every page asks for it as soon as it shows its
first icon, and on a phone's network it shares the line with the map's code until the map is
drawn. The dashboard and Streamlit's own frontend use a hundred-odd of those icons, so the proxy
in front of the app (deploy/nginx.conf.template) answers the font's URL with a copy that holds
only those (``static/icons/``, served by the app): the same glyphs, reached by the same names.

An icon left out would show its name as text, so the copy keeps every name written as
``:material/name:`` in Streamlit's frontend and in this project's code. The copy is committed;
``python -m smartcity.output.iconfont`` writes it again after a Streamlit update or a new icon
(fontTools, installed with the test tools), and a test fails while it is out of date.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from smartcity.data.tables import PROJECT_DIR
from smartcity.output.mapassets import streamlit_static_dir

ICON_DIR = PROJECT_DIR / "static" / "icons"
SUBSET_FILE = ICON_DIR / "material-symbols-rounded.woff2"
SUBSET_URL = "/app/static/icons/material-symbols-rounded.woff2"
ICON_NAME = re.compile(r":material/([a-z0-9_]+):")
PROJECT_CODE = ("dashboard.py", "pages", "ui", "smartcity")


def streamlit_font() -> Path:
    """The icon font in the installed Streamlit's frontend (its name carries a hash)."""
    return next((streamlit_static_dir() / "static" / "media").glob("MaterialSymbols-Rounded.*.woff2"))


def streamlit_font_url() -> str:
    """The URL Streamlit's stylesheet asks for the font at."""
    return f"/static/media/{streamlit_font().name}"


def icon_names() -> set[str]:
    """Every icon name written as ``:material/name:`` in Streamlit's frontend and in this project."""
    sources = list((streamlit_static_dir() / "static" / "js").glob("*.js"))
    for entry in PROJECT_CODE:
        path = PROJECT_DIR / entry
        sources += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return {name for source in sources for name in ICON_NAME.findall(source.read_text(encoding="utf-8"))}


def ligatures(font) -> dict[str, str]:
    """The font's icon names (the letters a ligature replaces) and the glyph each one draws."""
    letters = {glyph: chr(code) for code, glyph in font.getBestCmap().items()}
    names = {}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = getattr(table, "ExtSubTable", table)
            for first, entries in getattr(table, "ligatures", {}).items():
                for entry in entries:
                    glyphs = [first, *entry.Component]
                    if all(glyph in letters for glyph in glyphs):
                        names["".join(letters[glyph] for glyph in glyphs)] = entry.LigGlyph
    return names


def subset_bytes(source: Path, names: set[str]) -> bytes:
    """``source`` with only the icons called ``names`` (and the letters their names are made of)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(source)
    by_name = ligatures(font)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["rlig"]
    options.layout_closure = False  # only the named icons: every ligature's letters are kept
    options.glyph_names = True
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    characters = {character for name in by_name for character in name}
    subsetter.populate(glyphs=sorted({by_name[name] for name in names if name in by_name}),
                       unicodes=sorted(ord(character) for character in characters))  # fmt: skip
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff2"
    font.save(buffer)
    return buffer.getvalue()


def write_subset() -> Path:
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    SUBSET_FILE.write_bytes(subset_bytes(streamlit_font(), icon_names()))
    return SUBSET_FILE


if __name__ == "__main__":
    written = write_subset()
    print(f"wrote {written.relative_to(PROJECT_DIR)} ({written.stat().st_size:,} bytes)")
