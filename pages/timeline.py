"""Timeline: the rounds and milestones in order; step or play, and the map and counts follow."""

import streamlit as st

import ui
from smartcity import AsOf, format_number, localised, timeline_step

ui.ensure_frame()

PLAY_SECONDS = 3

view = ui.view()
steps = ui.cached_steps(ui.stamp())
st.caption(ui.t("timeline_intro"))
if not steps:
    st.stop()  # no milestones: the problems box above says why

last = len(steps)
playback = ui.Playback(last, "step", "playing", "advanced_at")
playback.start_at(last)
playing = playback.playing


@st.fragment(run_every=PLAY_SECONDS if playing else None)
def stepper() -> None:
    """The step controls, the event, the counts and the map; reruns alone while playing."""
    playback.tick(playing, PLAY_SECONDS)
    controls = st.columns([1, 1, 1, 5], vertical_alignment="bottom")
    controls[0].button(
        ui.t("previous"), icon=":material/skip_previous:", on_click=playback.move, args=(-1,), width="stretch"
    )
    controls[1].button(
        ui.t("pause") if playback.playing else ui.t("play"),
        icon=":material/pause:" if playback.playing else ":material/play_arrow:",
        on_click=playback.toggle,
        type="primary",
        width="stretch",
    )
    controls[2].button(ui.t("next"), icon=":material/skip_next:", on_click=playback.move, args=(1,), width="stretch")
    controls[3].slider(ui.t("step", n=playback.step, total=last), 1, last, key="step")
    step = steps[playback.step - 1]
    names = {p.code: getattr(p, localised("name", view.lang)) for p in ui.checked().tables.index}
    event_column, map_column = st.columns([2, 3], gap="medium")
    with event_column:
        st.html(timeline_step(step, view.lang, names, ui.checked().tables.source_names))
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
