"""The icon font the proxy serves in place of Streamlit's: every icon a page can show, no more."""

from __future__ import annotations

import io

from fontTools.ttLib import TTFont

from deploy.topology import compose_config
from smartcity.output.iconfont import (
    SUBSET_FILE,
    SUBSET_URL,
    icon_names,
    ligatures,
    streamlit_font,
    streamlit_font_url,
    subset_bytes,
)


def test_every_icon_streamlit_or_the_pages_name_is_in_the_served_font():
    full, served = ligatures(TTFont(streamlit_font())), ligatures(TTFont(SUBSET_FILE))
    named = {name for name in icon_names() if name in full}
    # Streamlit's own (the sidebar's arrows, the expander's) and the pages' (touch_app, layers).
    assert {"keyboard_double_arrow_left", "keyboard_double_arrow_right", "expand_more", "touch_app", "layers"} <= named
    assert {name: served.get(name) for name in named} == {name: full[name] for name in named}
    assert len(served) < len(full) / 10  # the point of it: a small part of Streamlit's four thousand


def test_the_committed_font_is_the_one_the_code_makes_now():
    # After a Streamlit update or a new :material/…: icon, python -m smartcity.output.iconfont.
    made = ligatures(TTFont(io.BytesIO(subset_bytes(streamlit_font(), icon_names()))))
    assert ligatures(TTFont(SUBSET_FILE)) == made


def test_the_proxy_answers_streamlits_font_url_with_the_cut_font():
    config = compose_config()
    assert f"location = {streamlit_font_url()} {{\n            proxy_pass http://dashboard{SUBSET_URL};" in config
