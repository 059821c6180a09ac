"""Presenter: full screen, large type, auto-advancing through the rounds and milestones."""

import streamlit as st

import ui
from smartcity import (
    AsOf,
    interval_from,
    presenter_caption,
    presenter_qr,
    public_url_from_environment,
    qr_svg_data_uri,
    slide_url,
)

ui.ensure_frame()

view = ui.view()
deck = ui.cached_slides(ui.stamp(), view.lang)
if not deck:
    st.stop()
interval = interval_from(st.query_params.get("interval", ""))
last = len(deck)
playback = ui.Playback(last, "slide", "presenting", "shown_at")
playback.start_at(1)
# It advances on its own, unless the reader asked the system for reduced motion: then only when asked.
st.session_state.setdefault("presenting", not ui.reduced_motion())
playing = playback.playing


@st.fragment(run_every=interval if playing else None)
def stage() -> None:
    playback.tick(playing, interval)
    slide = deck[playback.step - 1]
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
            on_click=playback.move,
            args=(-1,),
            width="stretch",
        )
        buttons[1].button(
            ui.t("next"),
            key="present_next",
            icon=":material/skip_next:",
            on_click=playback.move,
            args=(1,),
            width="stretch",
        )
        st.button(
            ui.t("pause") if playback.playing else ui.t("play"),
            key="present_toggle",
            icon=":material/pause:" if playback.playing else ":material/play_arrow:",
            on_click=playback.toggle,
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
