"""How the dashboard reaches a browser: compressed, cacheable, the map's files asked for early,
and a session's first overview sending the map before the rest."""

from __future__ import annotations

import asyncio
import gzip
import urllib.request

import pytest

import ui
from bench.load import Session
from deploy.topology import topology
from smartcity.output.iconfont import SUBSET_FILE
from smartcity.output.mapassets import (
    asset_urls,
    boundaries_url,
    component_frame_chunk_urls,
    component_script_url,
    preload_links,
)
from testkit.apptest import open_dashboard
from testkit.browser import map_frame, offline_page

IMMUTABLE = "public, max-age=31536000, immutable"


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, b""


@pytest.fixture(scope="module")
def served():
    with topology(1, diagnostics=False) as running:
        # A replica serves streamlit-folium's files once a session has run the app (it declares
        # the component): one visitor first.
        asyncio.run(Session(running.url).work(until=0))
        yield running.url


def test_the_map_pages_first_response_preloads_the_maps_files(served):
    for path in ("/", "/timeline", "/presenter", "/embed"):
        _, headers, _ = fetch(served + path)
        assert headers["link"] == ", ".join(preload_links()), path
    _, headers, _ = fetch(f"{served}/data")
    assert "link" not in headers  # no map there: nothing to preload
    assert [link.split(";")[0] for link in preload_links()] == [
        f"<{component_script_url()}>",
        f"<{asset_urls()[0][0][1]}>",
        f"<{asset_urls()[1][0][1]}>",
        f"<{boundaries_url()}>",
        *(f"<{url}>" for url in component_frame_chunk_urls()),
    ]
    # Streamlit's code for the frame: the chunk and what it imports beyond the page's first scripts.
    chunks = component_frame_chunk_urls()
    assert chunks[0].startswith("/static/js/ComponentInstance.") and len(chunks) > 1
    for url in chunks:
        status, headers, _ = fetch(served + url)
        assert status == 200 and "immutable" in headers["cache-control"], url


def test_another_app_behind_the_same_proxy_is_not_told_of_the_maps_files():
    with topology(1, diagnostics=False, script="bench/blank_app.py") as blank:
        _, headers, _ = fetch(blank.url + "/")
    assert "link" not in headers


def test_versioned_files_are_compressed_and_kept_for_a_year(served):
    for url in (asset_urls()[0][0][1], asset_urls()[1][0][1], boundaries_url(), component_script_url()):
        status, headers, body = fetch(served + url)
        assert status == 200, url
        assert headers["cache-control"] == IMMUTABLE, url
        assert headers["content-encoding"] == "gzip", url
        assert len(body) < len(gzip.decompress(body)) / 2, url


def test_streamlits_own_scripts_arrive_compressed_and_unversioned_files_are_revalidated(served):
    _, _, page = fetch(f"{served}/")
    script = next(part.split('"')[0] for part in gzip.decompress(page).decode().split('src="')[1:] if ".js" in part)
    status, headers, _ = fetch(f"{served}/{script.removeprefix('./').lstrip('/')}")
    assert status == 200 and headers["content-encoding"] == "gzip"
    _, headers, _ = fetch(f"{served}/app/static/geo/provinces.geojson")  # no ?v=: ask again each time
    assert headers["cache-control"] == "no-cache"


def test_an_error_is_never_kept(served):
    status, headers, _ = fetch(f"{served}/app/static/map/map.000000000000.js")
    assert status == 404 and "immutable" not in headers.get("cache-control", "")


def test_a_sessions_first_overview_sends_the_map_alone():
    first = open_dashboard(first_visit=True)
    # Only what sits above the map comes with it: the title, the language switch (a row of its
    # own on a phone) and the sidebar's heading, so that nothing moves the map when the rest comes.
    assert not first.metric and not first.sidebar.selectbox
    assert [b.key for b in first.button_group] == ["lang_widget"]
    assert [c.proto.component_name for c in first.get("component_instance")] == ["streamlit_folium.st_folium"]
    assert first.session_state[ui.MAP_ALONE] is True
    whole = open_dashboard()  # once the map has said it is drawn
    assert len(whole.metric) == 4 and len(whole.sidebar.selectbox) == 2
    assert whole.session_state[ui.MAP_ALONE] is False


def test_only_the_overview_sends_its_map_first():
    timeline = open_dashboard(first_visit=True)
    timeline.switch_page("pages/timeline.py").run()
    assert timeline.session_state[ui.MAP_ALONE] is False and len(timeline.sidebar.selectbox) == 2


ICON_TEXT_WIDTHS = """() => [...document.querySelectorAll(
    '[data-testid=stIconMaterial], [data-testid=stAlertDynamicIcon]')].map((icon) => {
        const range = document.createRange(); range.selectNodeContents(icon);
        return [icon.textContent, range.getBoundingClientRect().width / parseFloat(getComputedStyle(icon).fontSize)]; })"""


def test_icons_are_drawn_from_the_cut_font_not_spelled_out(served, browser):
    page, blocked = offline_page(browser)
    fonts = []
    page.on("response", lambda r: fonts.append((r.url, r.status, r.body())) if "MaterialSymbols" in r.url else None)
    for path in ("/", "/data"):
        page.goto(served + path)
        map_frame(page) if path == "/" else page.wait_for_selector("[data-testid=stDownloadButton]")
        page.wait_for_function("document.fonts.status === 'loaded'")
        widths = dict(page.evaluate(ICON_TEXT_WIDTHS))
        # A ligature draws an icon one em wide; an icon missing from the font shows its name.
        assert {"touch_app", "layers", "download"} & set(widths), (path, widths)
        assert all(width <= 1.5 for width in widths.values()), (path, widths)
    assert fonts and all(status == 200 and body == SUBSET_FILE.read_bytes() for _, status, body in fonts)
    assert blocked.urls == []
