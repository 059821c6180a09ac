"""Load test on loopback: many concurrent sessions load the map and change filters for a while.

    .venv/bin/python -m bench.load                      # 30 sessions for 60 s
    .venv/bin/python -m bench.load --sessions 5 --seconds 15

Each session speaks Streamlit's own websocket protocol, as the browser does (protobuf BackMsg
and ForwardMsg over /_stcore/stream), so the server does all its real work (script runs, the
map payload, deltas) while 30 clients cost this 2-core machine little. A session opens the
overview, waits for the run that brings the map with its view, then keeps switching "as of round" between 1 and 2,
each time waiting for the run to finish with the map in it, then pausing ``--think`` seconds
as a person reading the map would (0 hammers the server back to back). /_stcore/health is
polled every second throughout. The baseline is taken after one session has loaded the views the
load uses (so shared caches are full); after the sessions close, memory is sampled every 5 s for
up to 3 minutes (Streamlit keeps a closed session's state for a while) until it is back within 20%.
Bounded in count and time; loopback only. Writes bench/load.md; exits 1 on any error, a session without its map, a failed health check, or memory not back within 20%.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import re
import sys
import time
import urllib.request
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.run import server_rss_mb
from testkit.browser import streamlit_server

PROJECT_DIR = Path(__file__).resolve().parent.parent

ROUND_LABELS = {1: "รอบที่ 1 (2564)", 2: "รอบที่ 2 (2565)"}
RUN_TIMEOUT = 60.0
MAP_COMPONENT = "streamlit_folium.st_folium"  # the component streamlit-folium declares


class Session:
    """One client: its websocket, the widgets it has seen, and its tallies."""

    def __init__(self, url: str):
        self.url = url.replace("http://", "ws://") + "/_stcore/stream"
        self.round_widget_id: str | None = None
        self.map_widget_id: str | None = None
        self.map_reports_drawn = False  # the last run sent the map alone, to say when it is drawn
        self.maps = self.runs = self.errors = 0
        self.error_messages: list[str] = []

    async def run_script(self, socket, widget_states=(), values=()) -> None:
        """One run, until it finishes with the map and its view in it. ``widget_states``: (id,
        labels chosen); ``values``: (id, a component's JSON value)."""
        message = BackMsg()
        message.rerun_script.query_string = ""
        for widget_id, labels in widget_states:
            state = message.rerun_script.widget_states.widgets.add()
            state.id = widget_id
            state.string_array_value.data.extend(labels)
        for widget_id, payload in values:
            state = message.rerun_script.widget_states.widgets.add()
            state.id = widget_id
            state.json_value = json.dumps(payload)
        await socket.send(message.SerializeToString())
        self.map_reports_drawn = False
        saw_map = False
        deadline = time.monotonic() + RUN_TIMEOUT
        while True:
            raw = await asyncio.wait_for(socket.recv(), timeout=max(0.1, deadline - time.monotonic()))
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                which = element.WhichOneof("type")
                if which == "exception":
                    self.fail(f"exception on the page: {element.exception.message[:120]}")
                elif which == "component_instance" and element.component_instance.component_name == MAP_COMPONENT:
                    view_layer = json.loads(element.component_instance.json_args)["feature_group"]
                    saw_map = "scmChoropleth.apply" in view_layer
                    self.map_widget_id = element.component_instance.id
                    self.map_reports_drawn = re.search(r'"reportDrawn":\s*true', view_layer) is not None
                elif which == "button_group" and element.button_group.id.endswith("-round_widget"):
                    self.round_widget_id = element.button_group.id
            elif kind == "script_finished":
                break
        self.runs += 1
        if saw_map:
            self.maps += 1
        else:
            self.fail("a run finished without the map")

    async def open_page(self, socket) -> None:
        """The first run (the map alone, with its view), and the rerun the browser asks for once
        the map is drawn, which brings the rest of the page."""
        await self.run_script(socket)
        await self.report_drawn(socket)

    async def report_drawn(self, socket) -> None:
        """Say the map is drawn, as the map's frame does (choropleth.js), if the last run asked."""
        if self.map_reports_drawn and self.map_widget_id:
            await self.run_script(socket, values=[(self.map_widget_id, {"last_active_drawing": None, "drawn": True})])

    def fail(self, message: str) -> None:
        self.errors += 1
        if len(self.error_messages) < 3:
            self.error_messages.append(message)

    async def switch_rounds(self, socket, until: float, think: float) -> None:
        """Switch "as of round" between 1 and 2 until ``until``, pausing ``think`` s after each run."""
        chosen = 1
        while time.monotonic() < until and self.round_widget_id:
            await self.run_script(socket, [(self.round_widget_id, [ROUND_LABELS[chosen]])])
            chosen = 3 - chosen
            await asyncio.sleep(think)

    async def work(self, until: float, think: float = 0.0) -> None:
        try:
            async with websockets.connect(self.url, subprotocols=["streamlit"], max_size=2**24) as socket:
                await self.open_page(socket)
                await self.switch_rounds(socket, until, think)
        except Exception as error:  # every failure counts as an error
            self.fail(f"{type(error).__name__}: {error}"[:160])


async def watch_health(url: str, until: float, results: list[bool]) -> None:
    def check() -> bool:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as response:
                return response.status == 200
        except OSError:
            return False

    while time.monotonic() < until:
        results.append(await asyncio.to_thread(check))
        await asyncio.sleep(1)


async def settle(pid: int, target: float, limit: float = 180.0) -> tuple[float, float]:
    """Memory after the sessions close: sample until it is within ``target`` MB or ``limit`` s pass."""
    started = time.monotonic()
    while True:
        await asyncio.sleep(5)
        rss = server_rss_mb(pid)
        if rss <= target or time.monotonic() - started >= limit:
            return rss, time.monotonic() - started


async def load(url: str, pid: int, sessions: int, seconds: float, think: float) -> dict:
    # One session loads the map and switches round 1 and 2 for a second first, so the shared,
    # bounded caches (joins and map payloads per view) hold the views the load uses before the
    # baseline: what is measured after the crowd leaves is then what the sessions left behind.
    warm = Session(url)
    await warm.work(time.monotonic() + 1.0)
    await asyncio.sleep(2)
    start_rss = server_rss_mb(pid)
    until = time.monotonic() + seconds
    clients = [Session(url) for _ in range(sessions)]
    health: list[bool] = []
    peak = [start_rss]

    async def sample_memory():
        while time.monotonic() < until:
            peak.append(server_rss_mb(pid))
            await asyncio.sleep(1)

    await asyncio.gather(*(c.work(until, think) for c in clients), watch_health(url, until, health), sample_memory())
    end_rss, settled_after = await settle(pid, start_rss * 1.20)
    return {
        "sessions": sessions,
        "with_map": sum(c.maps > 0 for c in clients),
        "runs": sum(c.runs for c in clients),
        "errors": sum(c.errors for c in clients),
        "messages": [m for c in clients for m in c.error_messages][:5],
        "health_ok": sum(health),
        "health_total": len(health),
        "start_rss": start_rss,
        "peak_rss": max(peak),
        "end_rss": end_rss,
        "settled_after": settled_after,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=2.0, help="seconds each session pauses between changes")
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "bench" / "load.md")
    args = parser.parse_args()
    with streamlit_server(with_process=True) as (url, process):
        r = asyncio.run(load(url, process.pid, args.sessions, args.seconds, args.think))
    back = r["end_rss"] / r["start_rss"]
    ok = r["errors"] == 0 and r["with_map"] == r["sessions"] and r["health_ok"] == r["health_total"] and back <= 1.20
    text = (
        f"Load {dt.date.today().isoformat()}: {r['sessions']} concurrent sessions for {args.seconds:.0f} s on loopback, "
        f"{args.think:g} s between filter changes; "
        f"{r['runs']} script runs (each with the map), {r['errors']} errors, {r['with_map']}/{r['sessions']} sessions got "
        f"their map, health {r['health_ok']}/{r['health_total']} OK; server memory {r['start_rss']:.0f} MB before, "
        f"{r['peak_rss']:.0f} MB peak, {r['end_rss']:.0f} MB {r['settled_after']:.0f} s after the sessions closed "
        f"({(back - 1) * 100:+.0f}%; limit +20%): {'pass' if ok else 'FAIL'}\n"
    )
    if r["messages"]:
        text += "First errors: " + "; ".join(r["messages"]) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
