"""The benchmark tools' own arithmetic: what bench/breakdown.py reports from a profile and a timeline."""

from __future__ import annotations

from pathlib import Path

from bench.breakdown import browser_events, label_runs, time_by_script

PROJECT_DIR = Path(__file__).resolve().parent.parent


def test_main_thread_time_is_summed_by_script_file_with_the_components_blob_named():
    profile = {
        "nodes": [
            {"id": 1, "callFrame": {"url": "", "functionName": "(root)"}},
            {
                "id": 2,
                "callFrame": {"url": "http://127.0.0.1:8501/static/js/react-dom.Dzbslgj4.js", "functionName": "a"},
            },
            {
                "id": 3,
                "callFrame": {"url": "http://127.0.0.1:8501/static/js/react-dom.Dzbslgj4.js", "functionName": "b"},
            },
            {"id": 4, "callFrame": {"url": "blob:http://127.0.0.1:8501/9f1c", "functionName": "update"}},
            {"id": 5, "callFrame": {"url": "", "functionName": "(idle)"}},
            {"id": 6, "callFrame": {"url": "", "functionName": "structuredClone"}},
        ],
        "samples": [2, 3, 2, 4, 5, 6],
        "timeDeltas": [1000, 500, 1500, 2000, 10000, 250],  # microseconds before each sample
    }
    assert time_by_script(profile) == {
        "react-dom.Dzbslgj4.js": 3.0,
        "(a blob: module)": 2.0,
        "(idle)": 10.0,
        "(no file: native or eval)": 0.25,
    }


def test_the_map_message_and_the_long_tasks_before_the_map_are_picked_out_of_a_timeline():
    timeline = {
        "html": 12.0, "bundles": 700.0, "socketOpen": 1100.0,
        "messages": [[1120.0, 407], [1130.0, 9_999], [1400.0, 29_883], [1410.0, 93]],
        "longTasks": [[600.0, 200.0], [1200.0, 150.0], [1700.0, 90.0]],
        "framePage": 1450.0, "frameBundle": 1500.0, "mapScript": 1600.0,
        "boundaries": 1630.0, "map": 1651.0, "content": None,
    }  # fmt: skip
    events = browser_events(timeline)
    assert events["first websocket message"] == 1120.0
    assert events["message with the map (over 20 KB)"] == 1400.0
    assert events["boundaries received (in the frame)"] == 1630.0
    assert events["long tasks before that: count"] == 2.0  # the one at 1700 ms came after the map
    assert events["long tasks before that: total ms"] == 350.0


def test_each_profiled_run_belongs_to_the_last_step_begun_before_it(tmp_path):
    for number, started in ((1, 99.0), (2, 100.5), (3, 101.2), (4, 103.0)):
        (tmp_path / f"{number:04d}.json").write_text(f'{{"started": {started}}}')
    actions = [(100.0, "first | open"), (101.0, "first | filter"), (102.9, "second | open")]
    labels = [label for label, _ in label_runs(tmp_path, actions)]
    assert labels == ["before the visitors", "first | open", "first | filter", "second | open"]
