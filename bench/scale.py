"""Scale test on loopback: the same concurrent sessions through nginx at 1 and at 2 replicas.

    .venv/bin/python -m bench.scale                 # 20 and 40 sessions at 1 and 2 replicas, then the kill test
    .venv/bin/python -m bench.scale --quick         # 4 and 8 sessions, 10 s each, 1 trial (keeps the script working)

Each session does what a browser does: GET the page through nginx (which sets the affinity
cookie), open Streamlit's websocket with that cookie, wait for the first run with the map (the
time to a drawn map is measured from the GET), then change "as of round" every ``--think``
seconds for ``--seconds``. Sessions start together, as on announcement day. Each crowd is run
``--trials`` times on the same topology (one at a time); for each topology the report gives
sessions served (got their map) and errors over all trials, the medians of the trials' p50 and
p95 time to the map, each trial's p95, and how nginx split each trial's sessions over the
replicas (the cookie places a new browser by a random key, so the split varies).

Kill test: with 2 replicas, once every session has its map one replica is killed (SIGKILL).
Sessions on it lose their websocket and reconnect as the browser does (same cookie, new page
load); nginx sends them to the live replica. New sessions started after the kill must all land
on the live replica and get their map. Writes bench/scale.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import time
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import websockets

from bench.load import Session
from deploy.topology import topology

PROJECT_DIR = Path(__file__).resolve().parent.parent

VISITOR_THREADS = 100  # more than the largest crowd (40) with its newcomers


def page_headers(url: str, cookie: str | None) -> tuple[str | None, str | None]:
    """GET the page as a browser would; return the affinity cookie and the replica that answered."""
    request = urllib.request.Request(url + "/", headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        set_cookie = response.headers.get("Set-Cookie")
        # nginx lists every replica it tried ("dead, live") when the first was down: the last answered.
        replica = (response.headers.get("X-Replica") or "").split(",")[-1].strip() or None
    if set_cookie:
        cookie = set_cookie.split(";")[0]
    return cookie, replica


class Visitor(Session):
    """A session through nginx: it keeps its cookie and reconnects when its replica goes away."""

    def __init__(self, url: str):
        super().__init__(url)
        self.base = url
        self.cookie: str | None = None
        self.replicas: list[str] = []
        self.time_to_map: float | None = None
        self.disconnects = self.recovered = 0

    async def visit(self, until: float, think: float, reconnect: bool = False) -> None:
        while True:
            started = time.monotonic()
            try:
                self.cookie, replica = await asyncio.to_thread(page_headers, self.base, self.cookie)
                self.replicas.append(replica or "?")
                headers = {"Cookie": self.cookie} if self.cookie else {}
                async with websockets.connect(
                    self.url, subprotocols=["streamlit"], max_size=2**24, additional_headers=headers
                ) as socket:
                    maps_before = self.maps
                    await self.run_script(socket)
                    if self.maps > maps_before:
                        if self.time_to_map is None:
                            self.time_to_map = time.monotonic() - started
                        elif self.disconnects:
                            self.recovered += 1
                    await self.report_drawn(socket)
                    await self.switch_rounds(socket, until, think)
                return
            except (websockets.ConnectionClosed, ConnectionError, OSError) as error:
                if not reconnect or time.monotonic() >= until:
                    self.fail(f"{type(error).__name__}: {error}"[:160])
                    return
                self.disconnects += 1
                await asyncio.sleep(1)  # the browser waits a moment before it reconnects
            except Exception as error:  # anything else is an error
                self.fail(f"{type(error).__name__}: {error}"[:160])
                return


def with_a_thread_per_visitor(coroutine):
    """Run ``coroutine`` with enough threads for every visitor's page GET at once: with asyncio's
    default (6 threads on 2 cores) the GETs of a crowd queued in this client, and that wait
    counted in each session's time to the map."""

    async def run():
        asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=VISITOR_THREADS))
        return await coroutine

    return asyncio.run(run())


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


async def warm(replicas) -> None:
    """One visit straight to each replica, so every one has its caches built before the crowd."""
    await asyncio.gather(*(Visitor(f"http://{address}").visit(time.monotonic(), 0) for address in replicas))


async def crowd(url: str, replicas, sessions: int, seconds: float, think: float) -> dict:
    await warm(replicas)
    until = time.monotonic() + seconds
    visitors = [Visitor(url) for _ in range(sessions)]
    await asyncio.gather(*(v.visit(until, think) for v in visitors))
    times = [v.time_to_map for v in visitors if v.time_to_map is not None]
    placed = Counter(v.replicas[0] for v in visitors if v.replicas)
    return {
        "sessions": sessions,
        "served": len(times),
        "errors": sum(v.errors for v in visitors),
        "runs": sum(v.runs for v in visitors),
        "p50": statistics.median(times) if times else float("nan"),
        "p95": percentile(times, 0.95),
        "split": [placed.get(address, 0) for address in sorted(replicas)],
        "messages": [m for v in visitors for m in v.error_messages][:3],
    }


async def crowds(url: str, replicas, sessions: int, seconds: float, think: float, trials: int) -> dict:
    """The same crowd ``trials`` times; medians of the trials' p50 and p95 (a single p95 of 20-40
    sessions moves with one slow session, and with how the cookie happened to split them)."""
    results = [await crowd(url, replicas, sessions, seconds, think) for _ in range(trials)]
    return {
        "sessions": sessions,
        "trials": trials,
        "served": sum(r["served"] for r in results),
        "errors": sum(r["errors"] for r in results),
        "runs": sum(r["runs"] for r in results),
        "p50": statistics.median(r["p50"] for r in results),
        "p95": statistics.median(r["p95"] for r in results),
        "p95s": [r["p95"] for r in results],
        "splits": [r["split"] for r in results],
        "messages": [m for r in results for m in r["messages"]][:3],
    }


async def kill_one(running, sessions: int, newcomers: int, seconds: float, think: float) -> dict:
    url = running.url
    await warm(running.replicas)
    until = time.monotonic() + seconds
    visitors = [Visitor(url) for _ in range(sessions)]
    tasks = [asyncio.create_task(v.visit(until, think, reconnect=True)) for v in visitors]
    deadline = time.monotonic() + 60
    while any(v.time_to_map is None and not v.errors for v in visitors) and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    victim = sorted(running.replicas)[-1]
    on_victim = [v for v in visitors if v.replicas and v.replicas[0] == victim]
    running.kill_replica(victim)
    late = [Visitor(url) for _ in range(newcomers)]
    tasks += [asyncio.create_task(v.visit(until, think)) for v in late]
    await asyncio.gather(*tasks)
    survivors = [v for v in visitors if v not in on_victim]
    return {
        "sessions": sessions,
        "on_killed": len(on_victim),
        "moved_and_served": sum(v.recovered > 0 and v.replicas[-1] != victim for v in on_victim),
        "survivor_errors": sum(v.errors for v in survivors),
        "survivor_runs_ok": all(v.runs > 1 for v in survivors),
        "newcomers": newcomers,
        "newcomers_served": sum(v.time_to_map is not None for v in late),
        "newcomers_on_live": sum(bool(v.replicas) and v.replicas[0] != victim for v in late),
        "newcomer_errors": sum(v.errors for v in late),
        "lost_state": len(on_victim),  # their widget state lived in the killed replica's memory
    }


def run_crowd(replicas: int, sessions: int, seconds: float, think: float, trials: int) -> dict:
    with topology(replicas) as running:
        result = with_a_thread_per_visitor(
            crowds(running.url, list(running.replicas), sessions, seconds, think, trials)
        )
    return {"replicas": replicas, **result}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=20, help="sessions one replica is measured at")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--think", type=float, default=2.0)
    parser.add_argument("--trials", type=int, default=3, help="times each crowd is run (medians reported)")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "bench" / "scale.md")
    args = parser.parse_args()
    base, seconds, trials = (4, 10.0, 1) if args.quick else (args.sessions, args.seconds, args.trials)
    ladder = [base, round(base * 1.6), base * 2]
    rows = [run_crowd(1, base, seconds, args.think, trials), run_crowd(1, base * 2, seconds, args.think, trials)]
    rows += [run_crowd(2, sessions, seconds, args.think, trials) for sessions in ladder]
    with topology(2) as running:
        kill = with_a_thread_per_visitor(kill_one(running, base, max(2, base // 2), seconds, args.think))
    # Capacity at the same p95: the most sessions 2 replicas serve, all with their map and no
    # error, with a median p95 within 10% of one replica's at ``base`` sessions.
    one = rows[0]
    budget = one["p95"] * 1.10
    within = [r for r in rows[2:] if r["errors"] == 0 and r["served"] == r["sessions"] * trials and r["p95"] <= budget]
    two = max(within, key=lambda r: r["sessions"], default=rows[2])
    ratio = two["sessions"] / one["sessions"] if within else 0.0
    ok = one["errors"] == 0 and one["served"] == one["sessions"] * trials and ratio >= 1.6
    ok = ok and all(r["errors"] == 0 for r in rows)
    ok = ok and kill["newcomers_served"] == kill["newcomers"] == kill["newcomers_on_live"]
    ok = ok and kill["survivor_errors"] == 0 and kill["moved_and_served"] == kill["on_killed"]
    lines = [
        f"Scale test {dt.date.today().isoformat()} (loopback, nginx with cookie affinity; sessions start together, "
        f"then change a filter every {args.think:g} s for {seconds:.0f} s; {trials} trial(s) of each crowd, "
        "medians of the trials):",
        "",
        "| replicas | sessions | served | errors | script runs | p50 to map | p95 to map | each trial's p95 | "
        "sessions per replica, by trial |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in rows:
        p95s = ", ".join(f"{p * 1000:.0f}" for p in r["p95s"])
        splits = ", ".join("/".join(str(n) for n in split) for split in r["splits"])
        lines.append(
            f"| {r['replicas']} | {r['sessions']} | {r['served']} of {r['sessions'] * trials} | {r['errors']} | "
            f"{r['runs']} | {r['p50'] * 1000:.0f} ms | {r['p95'] * 1000:.0f} ms | {p95s} ms | {splits} |"
        )
    lines += [
        "",
        f"At the same p95 (within 10% of 1 replica's {one['p95'] * 1000:.0f} ms at {one['sessions']} sessions), "
        f"2 replicas served {two['sessions'] if within else 0} sessions with p95 {two['p95'] * 1000:.0f} ms: "
        f"{ratio:.1f}x (target 1.6x).",
        "",
        f"Kill test: {kill['sessions']} sessions on 2 replicas, one replica killed once all had their map. "
        f"{kill['on_killed']} sessions were on it: {kill['moved_and_served']} reconnected through nginx to the live "
        f"replica and got their map again (their filter state, held by the dead replica, was lost). The "
        f"{kill['sessions'] - kill['on_killed']} on the live replica had {kill['survivor_errors']} errors. "
        f"{kill['newcomers']} new sessions after the kill: {kill['newcomers_on_live']} went to the live replica, "
        f"{kill['newcomers_served']} got their map, {kill['newcomer_errors']} errors.",
        "",
        f"Result: {'pass' if ok else 'FAIL'}",
    ]
    messages = [m for r in rows for m in r["messages"]]
    if messages:
        lines.append("First errors: " + "; ".join(messages[:3]))
    text = "\n".join(lines) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
