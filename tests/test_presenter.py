"""Presenter mode: slides, interval bounds, the hand-off URL and its QR code; the stage in a browser."""

from __future__ import annotations

import io
import re

import pytest

from smartcity.model.deck import interval_from, qr_svg_data_uri, slide_url, slides
from testkit.browser import chromium, map_frame, offline_page, screenshot, streamlit_server


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("8", 8), ("2.5", 2.5), ("0", 0.5), ("-5", 0.5), ("9999", 120), ("abc", 8), ("", 8), ("nan", 8)],
)
def test_interval_is_bounded(value, seconds):
    assert interval_from(value) == seconds


def test_slides_follow_the_timeline(real_tables):
    deck = slides(real_tables, "en")
    assert len(deck) == 16
    assert deck[4].date == "24 Dec 2021 / 25 Dec 2021"
    assert deck[-1].step.rounds_in_force == (1, 2, 4)  # round 3 was reported, never awarded
    assert deck[-1].caption == "Emblems of 16 cities renewed (5 named)"


@pytest.mark.parametrize(
    ("lang", "slide", "url"),
    [
        ("th", 3, "https://scm.example/export/?step=3"),
        ("en", 10, "https://scm.example/export/?lang=en&step=10"),
    ],
)
def test_slide_url(lang, slide, url):
    assert slide_url("https://scm.example", lang, slide) == url


def decode_qr(svg_data_uri: str) -> str:
    """Rasterise the SVG QR code with a real browser and decode it with zxing."""
    import zxingcpp
    from PIL import Image

    with chromium() as browser:
        page = browser.new_page(viewport={"width": 400, "height": 400})
        page.set_content(f'<img id="qr" src="{svg_data_uri}" style="width:360px;height:360px">')
        png = page.locator("#qr").screenshot()
    return zxingcpp.read_barcode(Image.open(io.BytesIO(png))).text


def test_the_qr_code_decodes_to_the_slide_url():
    url = slide_url("https://scm.example", "en", 5)
    assert decode_qr(qr_svg_data_uri(url)) == url


@pytest.fixture(scope="module")
def server():
    with streamlit_server(env={"SMARTCITY_PUBLIC_URL": "https://scm.example"}) as base_url:
        yield base_url


PAUSE = {"th": "หยุด", "en": "Pause"}


def caption(page) -> str:
    return page.locator(".scm-present-caption").inner_text()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_stage_fills_1920x1080_advances_and_pauses(server, lang):
    with chromium() as browser:
        page, blocked = offline_page(browser, width=1920, height=1080)
        page.goto(f"{server}/?present=1&interval=2&lang={lang}")
        map_frame(page).wait_for_selector("path[data-code='TH-10']", timeout=30_000)
        assert page.locator("[data-testid='stSidebar']").is_hidden()
        sizes = page.evaluate(
            "() => [...document.querySelectorAll('*')].filter(e => e.scrollHeight > e.clientHeight + 1 "
            "&& ['auto','scroll'].includes(getComputedStyle(e).overflowY)).length"
        )
        assert sizes == 0, "something on the stage scrolls"
        assert page.evaluate("() => document.documentElement.scrollHeight") <= 1080
        font = page.evaluate(
            "() => parseFloat(getComputedStyle(document.querySelector('.scm-present-figure span')).fontSize)"
        )
        assert font >= 48
        first = caption(page)
        screenshot(page, f"presenter-{lang}")
        page.wait_for_function(
            f"() => document.querySelector('.scm-present-caption').innerText !== {first!r}", timeout=8_000
        )
        url = page.locator(".scm-present-url").get_attribute("data-url")
        assert url.startswith("https://scm.example/export/?")
        assert (("lang=en" in url) == (lang == "en")) and re.search(r"step=\d+", url)
        qr = page.locator(".scm-present-qr img").get_attribute("src")
        assert qr.startswith("data:image/svg+xml")
        page.get_by_role("button", name=PAUSE[lang]).click()
        page.wait_for_timeout(700)
        paused = caption(page)
        page.wait_for_timeout(3_000)
        assert caption(page) == paused
        assert blocked.urls == []
        page.context.close()


def test_each_step_shows_the_layer_of_its_subject(real_tables):
    by_key = {slide.step.key: slide.layers for slide in slides(real_tables, "en")}
    # The network's cities as they were on the step's date: in 2018 its three founding members,
    # not the cities proposed in 2022.
    assert by_key["ascn-founding-members"] == ("ascn",)
    assert by_key["ascn-proposed-4"] == ("ascn", "ascn_2022-11-09")
    assert by_key["ascn-joined-3"] == ("ascn", "ascn_2022-11-09")
    assert by_key["dla-depa-mou"] == ("pilots",)  # the MoU whose source lists the pilots
    assert by_key["chiang-mai-mou"] == ()  # another MoU: not the pilots'
    assert by_key["r1-ceremony-24"] == ()
