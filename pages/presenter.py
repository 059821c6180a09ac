"""Presenter: full screen, large type, auto-advancing through the rounds and milestones."""

import time

import streamlit as st

import ui
from smartcity.model.deck import interval_from, public_url_from_environment, qr_svg_data_uri, slide_url
from smartcity.model.view import AsOf
from smartcity.output.render import presenter_caption, presenter_qr

ui.ensure_frame()

view = ui.view()
deck = ui.cached_slides(ui.stamp(), view.lang)
if not deck:
    st.stop()
interval = interval_from(st.query_params.get("interval", ""))
last = len(deck)
if not isinstance(st.session_state.get("slide"), int) or not 1 <= st.session_state["slide"] <= last:
    st.session_state["slide"] = 1
# It advances on its own, unless the reader asked the system for reduced motion: then only when asked.
st.session_state.setdefault("presenting", not ui.reduced_motion())


def move(delta: int) -> None:
    st.session_state["slide"] = (st.session_state["slide"] - 1 + delta) % last + 1
    st.session_state["shown_at"] = time.monotonic()


def toggle() -> None:
    st.session_state["presenting"] = not st.session_state["presenting"]
    st.session_state["shown_at"] = time.monotonic()


playing = st.session_state["presenting"]


@st.fragment(run_every=interval if playing else None)
def stage() -> None:
    if st.session_state["presenting"] != playing:
        st.rerun()  # play/pause changes the timer, which only a full run sets
    now = time.monotonic()
    if playing and now - st.session_state.get("shown_at", now) >= interval * 0.9:
        move(1)
    st.session_state.setdefault("shown_at", now)
    slide = deck[st.session_state["slide"] - 1]
    counts = ui.cached_counts(ui.stamp(), slide.step.on, None)
    url = slide_url(public_url_from_environment(), view.lang, slide.number)
    side, stage_map = st.columns([2, 5], gap="large")
    with side:
        st.html(
            presenter_caption(
                slide.date, slide.caption, counts.certified, counts.provinces_certified, view.lang, counts.reported
            )
        )
        # Named buttons (a screen reader reads the name, not a glyph); pause is always one tap
        # away, on a row of its own so that every name fits.
        buttons = st.columns(2)
        buttons[0].button(
            ui.t("previous"),
            key="present_back",
            icon=":material/skip_previous:",
            on_click=move,
            args=(-1,),
            width="stretch",
        )
        buttons[1].button(
            ui.t("next"), key="present_next", icon=":material/skip_next:", on_click=move, args=(1,), width="stretch"
        )
        presenting = st.session_state["presenting"]
        st.button(
            ui.t("pause") if presenting else ui.t("play"),
            key="present_toggle",
            icon=":material/pause:" if presenting else ":material/play_arrow:",
            on_click=toggle,
            type="primary",
            width="stretch",
        )
        st.html(presenter_qr(url, qr_svg_data_uri(url)))
    with stage_map:
        slide_view = view.following(AsOf.on(slide.step.on))
        # The map takes the stage's height (PRESENTER_CSS), whatever the screen.
        ui.show_choropleth(
            slide_view, "presenter_map", height=960, metric="status", fill_frame=True, stage=slide.layers
        )


stage()
