"""Timeline: the rounds and milestones in order; step or play, and the map and counts follow."""

import time

import streamlit as st

import ui
from smartcity.i18n import format_number, localised
from smartcity.model.view import AsOf
from smartcity.output.render import timeline_step

ui.ensure_frame()

PLAY_SECONDS = 3

view = ui.view()
steps = ui.cached_steps(ui.stamp())
st.caption(ui.t("timeline_intro"))
if not steps:
    st.stop()  # no milestones: the problems box above says why

last = len(steps)
if not isinstance(st.session_state.get("step"), int) or not 1 <= st.session_state["step"] <= last:
    st.session_state["step"] = last


def move(delta: int) -> None:
    st.session_state["step"] = (st.session_state["step"] - 1 + delta) % last + 1


def toggle_play() -> None:
    st.session_state["playing"] = not st.session_state.get("playing", False)
    st.session_state["advanced_at"] = time.monotonic()


playing = st.session_state.get("playing", False)


@st.fragment(run_every=PLAY_SECONDS if playing else None)
def stepper() -> None:
    """The step controls, the event, the counts and the map; reruns alone while playing."""
    if st.session_state.get("playing", False) != playing:
        st.rerun()  # play/pause changes the fragment's timer, which only a full run sets
    now = time.monotonic()
    if playing and now - st.session_state.get("advanced_at", now) >= PLAY_SECONDS * 0.9:
        move(1)  # a timer run, not a click: clicks come sooner than the interval
        st.session_state["advanced_at"] = now
    controls = st.columns([1, 1, 1, 5], vertical_alignment="bottom")
    controls[0].button(ui.t("previous"), icon=":material/skip_previous:", on_click=move, args=(-1,), width="stretch")
    controls[1].button(
        ui.t("pause") if st.session_state.get("playing") else ui.t("play"),
        icon=":material/pause:" if st.session_state.get("playing") else ":material/play_arrow:",
        on_click=toggle_play,
        type="primary",
        width="stretch",
    )
    controls[2].button(ui.t("next"), icon=":material/skip_next:", on_click=move, args=(1,), width="stretch")
    controls[3].slider(ui.t("step", n=st.session_state["step"], total=last), 1, last, key="step")
    step = steps[st.session_state["step"] - 1]
    names = {p.code: getattr(p, localised("name", view.lang)) for p in ui.checked().tables.index}
    event_column, map_column = st.columns([2, 3], gap="medium")
    with event_column:
        st.html(timeline_step(step, view.lang, names))
        counts = ui.cached_counts(ui.stamp(), step.on, view.regions)
        figures = st.columns(3)
        # Short labels fit the narrow column; the caption below says what each counts.
        for column, key, value in (
            (figures[0], "step_certified", counts.certified),
            (figures[1], "step_reported", counts.reported),
            (figures[2], "step_provinces", counts.provinces),
        ):
            column.metric(ui.t(key), format_number(value, view.lang), border=True)
        st.caption(" · ".join(ui.t(k) for k in ("cumulative_certified", "headline_reported", "cumulative_provinces")))
    with map_column:
        if ui.checked().boundaries is None:
            st.error(ui.t("map_unavailable"), icon=":material/map:")
            return
        ui.show_choropleth(view.following(AsOf.on(step.on)), "timeline_map", height=460, metric="status")
    ui.sync_url()  # fragment runs skip the frame, which otherwise writes the URL


stepper()

ui.titled_chart(ui.t("chart_title"), ui.cached_cumulative_chart(ui.stamp(), view.regions, view.lang))
