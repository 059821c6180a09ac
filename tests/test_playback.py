"""Stepping through the timeline's steps and the presenter's slides: one rule for both pages."""

from __future__ import annotations

import ui.widgets
from ui.widgets import Playback


def playback(state: dict, last: int = 4) -> Playback:
    return Playback(last, "step", "playing", "moved_at", state=state)


def test_it_starts_where_asked_unless_the_session_shows_a_step():
    state: dict = {}
    playback(state).start_at(4)
    assert state["step"] == 4
    state["step"] = 2
    playback(state).start_at(4)
    assert state["step"] == 2
    state["step"] = 9  # a step the data no longer has
    playback(state).start_at(1)
    assert state["step"] == 1


def test_moving_goes_round_from_the_last_step_to_the_first_and_back():
    state = {"step": 4}
    steps = playback(state)
    steps.move(1)
    assert steps.step == 1
    steps.move(-1)
    assert steps.step == 4


def test_a_playing_run_advances_once_the_interval_is_up_and_a_click_does_not(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(ui.widgets.time, "monotonic", lambda: clock[0])
    state = {"step": 1}
    steps = playback(state)
    steps.toggle()
    assert steps.playing
    clock[0] += 1.0
    steps.tick(True, interval=3)
    assert steps.step == 1  # too soon
    clock[0] += 2.0
    steps.tick(True, interval=3)
    assert steps.step == 2
    clock[0] += 2.9
    steps.move(1)  # a click late in the interval: its run does not advance again
    steps.tick(True, interval=3)
    assert steps.step == 3
    steps.toggle()
    clock[0] += 10
    steps.tick(False, interval=3)
    assert steps.step == 3  # paused
