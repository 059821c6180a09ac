"""The product's colours and fonts, named once: the map, the charts, the pages' CSS, the export,
the slide and the brief all take them from here.

Colours on the map and in the charts are from palettes that stay distinguishable with the
common colour-vision deficiencies (Okabe-Ito; ColorBrewer's sequential ramps). Text colours keep
WCAG AA contrast (4.5:1) on white. ``.streamlit/config.toml`` repeats the page's own colours
(primary, text, backgrounds), since Streamlit reads them from there; a test checks they agree.
"""

from __future__ import annotations

from string import Template

# Okabe-Ito: one colour a round, the status colours, the charts' series and the layers' markers.
OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "bluish_green": "#009E73",
    "reddish_purple": "#CC79A7",
    "sky_blue": "#56B4E9",
    "vermillion": "#D55E00",
    "yellow": "#F0E442",
}

# Text and lines on the pages, the export, the brief and the slide.
WHITE = "#ffffff"
INK = "#1c2430"  # body text (Streamlit's textColor)
PRIMARY = "#0b5394"  # links, a selected button, the date under a title (Streamlit's primaryColor)
SECONDARY_BACKGROUND = "#f2f5f9"  # Streamlit's secondaryBackgroundColor
MUTED = "#4a5565"  # secondary text: 7.6:1 on white
RULE = "#d5dbe3"  # card and table borders
BUTTON_BORDER = "#9aa6b5"
TAG_BACKGROUND = "#e8eef6"
TAG_INK = "#23364d"
LEGEND_INK = "#222222"
# A status badge: its border in the status's map colour, its text a darker shade that reads on white.
STATUS_INK = {"certified": "#00446b", "renewed": "#00573f", "reported": "#5c3100"}
CONFLICT = OKABE_ITO["orange"]  # the edge of a card whose sources disagree

# The map.
SEA_COLOUR = "#dde8f0"
NO_AREA_COLOUR = "#e6e6e6"
OUTSIDE_COLOUR = "#fafafa"
BORDER_COLOUR = "#8c8c8c"
SELECTED_BORDER = "#111111"
# ColorBrewer Blues: 1, 2, 3+ areas. Light grey for none is clearly lighter than the first step.
AREA_COUNT_COLOURS = ("#6baed6", "#2171b5", "#08306b")
ROUND_COLOURS = tuple(OKABE_ITO.values())
# ColorBrewer YlGnBu (steps 2-6) for registered population of provinces with an area.
POPULATION_COLOURS = ("#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494")
# Blue for the emblem, bluish green once renewed, orange where only a report exists.
STATUS_COLOURS = {"certified": OKABE_ITO["blue"], "renewed": OKABE_ITO["bluish_green"], "reported": OKABE_ITO["orange"]}
REPORTED_BORDER = "#7a4100"  # the dashed outline of a province with reports only
# The programme's other layers, apart from the blues of the choropleth.
PILOT_COLOUR, ASCN_COLOUR = OKABE_ITO["vermillion"], OKABE_ITO["reddish_purple"]

# The charts.
GREY_SERIES = "#555555"
SERIES_COLOURS = {"certified": OKABE_ITO["blue"], "announced": OKABE_ITO["orange"], "provinces": GREY_SERIES}
TARGET_COLOUR = OKABE_ITO["reddish_purple"]
# One a target (of one value and year), in the order stated (the targets chart and its legend).
TARGET_COLOURS = (TARGET_COLOUR, "#882255", OKABE_ITO["vermillion"], "#6F3F8F")
FIGURE_INK = "#1f2a37"
# The kind of statement a figure is (claims.csv statement).
STATEMENT_COLOURS = {
    "expected": OKABE_ITO["orange"],
    "planned": OKABE_ITO["sky_blue"],
    "announced": GREY_SERIES,
    "realised": OKABE_ITO["bluish_green"],
    "target": TARGET_COLOUR,
}

# Fonts. A Thai font first: without one, a canvas (Vega) or a fallback font loses the tone marks.
THAI_FONTS = ("Sarabun", "Garuda", "Loma", "Noto Sans Thai", "Tahoma")
GENERIC_FONTS = ("system-ui", "sans-serif")


def font_stack(fonts: tuple[str, ...]) -> str:
    """A CSS font-family list; names with spaces quoted (valid in CSS, SVG and Vega alike)."""
    return ", ".join(f"'{font}'" if " " in font else font for font in fonts)


FONT_STACK = font_stack(THAI_FONTS + GENERIC_FONTS)  # pages, map, export, charts
# For print (the brief, and the slide's SVG it embeds): Noto Sans Thai first, since its tone marks
# are placed by the font's own positioning, so a PDF's text layer keeps the real characters (TLWG
# fonts such as Garuda substitute private-use glyphs).
PRINT_FONT_STACK = font_stack(("Noto Sans Thai", *(f for f in THAI_FONTS if f != "Noto Sans Thai"), *GENERIC_FONTS))

CSS_NAMES = {
    "white": WHITE,
    "ink": INK,
    "primary": PRIMARY,
    "muted": MUTED,
    "rule": RULE,
    "button_border": BUTTON_BORDER,
    "tag_background": TAG_BACKGROUND,
    "tag_ink": TAG_INK,
    "conflict": CONFLICT,
    "certified": STATUS_COLOURS["certified"],
    "renewed": STATUS_COLOURS["renewed"],
    "reported_border": REPORTED_BORDER,
    "certified_ink": STATUS_INK["certified"],
    "renewed_ink": STATUS_INK["renewed"],
    "reported_ink": STATUS_INK["reported"],
    "font": FONT_STACK,
    "print_font": PRINT_FONT_STACK,
}


def css(template: str) -> str:
    """A style sheet with each ``$name`` replaced by that colour or font stack (``CSS_NAMES``);
    an unknown name raises."""
    return Template(template).substitute(CSS_NAMES)
