"""Scale test on loopback: replicas with a fixed CPU budget each, as a Kubernetes limit gives them.

    .venv/bin/python -m bench.scale             # 1, 2 and 4 replicas, 3 trials of each crowd, the kill test (~5 min)
    .venv/bin/python -m bench.scale --quick     # small crowds, 1 trial: keeps the script working (~2 min)

Every replica (a ``streamlit run`` process, deploy/topology.py) runs in its own cgroup with a CPU
quota (``--cpu``, default a quarter of a core: cgroup v1's cpu.cfs_quota_us over a 100 ms period),
as a pod with ``limits.cpu: 250m`` would. nginx and this load generator run outside those budgets,
in a group of their own with no quota. Both groups sit under one parent with the highest CPU
weight (cpu.shares), so the budgets are the replicas' to use even while other programs keep this
machine's two cores busy, as a pod's CPU request is. The replicas' four quarters make one core;
the other is left to nginx, the load generator and the rest. Where the quota cannot be set (no
writable cgroup v1 cpu controller, not root) the test says so and fails: on shared cores, more
replicas only share the same two cores and the comparison says nothing about replicas.

Each session does what a browser does: GET the page through nginx (which sets the affinity
cookie), open Streamlit's websocket with that cookie, wait for the first run with the map (the
time to a drawn map is measured from the GET), then change "as of round" every ``--think``
seconds for ``--seconds``. Sessions start together, as on announcement day. Each crowd is run
``--trials`` times on the same replicas; each row gives sessions served (got their map) and
errors over all trials, the medians of the trials' p50 and p95 time to the map, each trial's
p95, and how nginx split each trial's sessions over the replicas (the cookie places a new
browser by a random key, so the split varies and the busiest replica sets the p95).

Capacity at the same p95: for 2 and 4 replicas, the largest crowd served with every session its
map, no error, and a median p95 within 10% of one replica's p95 at ``--sessions``. The target is
4 replicas serving at least 3 times the sessions of one (not 4 times: a random split leaves one
replica busier than the others).

Kill test: 4 replicas and a crowd of twice ``--sessions``; once every session has its map one
replica is killed (SIGKILL). Sessions on it lose their websocket and reconnect as the browser
does (same cookie, new page load); nginx sends them to a live replica. New sessions started
after the kill must all land on live replicas and get their map. Writes bench/scale.md (this
run's report, then a table of every full run, kept from the file); exits 1 unless every check
passes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import statistics
import subprocess
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

VISITOR_THREADS = 100  # more than the largest crowd (64)
CPU_CGROUP = Path("/sys/fs/cgroup/cpu")
PERIOD_US = 100_000  # the CFS period; the quota is a share of it
MAX_SHARES = 262_144  # cgroup v1's highest cpu.shares


class CpuBudgets:
    """Per-replica CPU quotas with cgroup v1's cpu controller (Kubernetes' CPU limit, by hand).

    ``<root>/smartcity-scale-<pid>/`` (cpu.shares at its highest) holds ``harness/`` (this
    process, hence nginx and the load generator: no quota) and ``replica-N/`` (one replica each,
    cpu.cfs_quota_us = ``cores`` x cpu.cfs_period_us). Removed on exit.
    """

    def __init__(self, cores: float, root: Path = CPU_CGROUP):
        self.cores = cores
        self.root = root
        self.parent = root / f"smartcity-scale-{os.getpid()}"
        self.groups: list[Path] = []

    @staticmethod
    def unavailable(root: Path = CPU_CGROUP) -> str | None:
        """Why a CPU quota cannot be set here, or None."""
        if not (root / "cpu.cfs_quota_us").exists():
            return (
                f"no cgroup v1 cpu controller at {root} (no {root / 'cpu.cfs_quota_us'}): the per-replica CPU quota "
                "cannot be set, and replicas sharing this machine's cores would measure the machine, not replicas"
            )
        probe = root / f"smartcity-scale-probe-{os.getpid()}"
        try:
            probe.mkdir()
            (probe / "cpu.cfs_quota_us").write_text(str(PERIOD_US // 4))
        except OSError as error:
            return (
                f"cannot set a CPU quota in {root} ({error.strerror}; run as root): the per-replica CPU quota "
                "cannot be set, and replicas sharing this machine's cores would measure the machine, not replicas"
            )
        finally:
            with contextlib.suppress(OSError):
                probe.rmdir()
        return None

    def __enter__(self) -> CpuBudgets:
        self.parent.mkdir()
        (self.parent / "cpu.shares").write_text(str(MAX_SHARES))
        self._move(os.getpid(), self._group("harness"))
        return self

    def _group(self, name: str) -> Path:
        group = self.parent / name
        group.mkdir(exist_ok=True)
        if group not in self.groups:
            self.groups.append(group)
        return group

    @staticmethod
    def _move(pid: int, group: Path) -> None:
        (group / "cgroup.procs").write_text(str(pid))

    def place(self, index: int, process: subprocess.Popen) -> None:
        """Put a replica (every thread of it) in its own group with the quota."""
        group = self._group(f"replica-{index}")
        (group / "cpu.cfs_period_us").write_text(str(PERIOD_US))
        (group / "cpu.cfs_quota_us").write_text(str(round(self.cores * PERIOD_US)))
        self._move(process.pid, group)

    def quota(self, index: int) -> float:
        """The quota replica ``index`` runs under, in cores, as the kernel holds it."""
        group = self.parent / f"replica-{index}"
        return int((group / "cpu.cfs_quota_us").read_text()) / int((group / "cpu.cfs_period_us").read_text())

    def throttled(self, index: int) -> tuple[int, int]:
        """(periods, periods in which the quota ran out) for replica ``index`` so far."""
        stat = dict(line.split() for line in (self.parent / f"replica-{index}" / "cpu.stat").read_text().splitlines())
        return int(stat["nr_periods"]), int(stat["nr_throttled"])

    def __exit__(self, *exc) -> None:
        self._move(os.getpid(), self.root)
        for group in [*self.groups, self.parent]:
            deadline = time.monotonic() + 10
            while group.exists():
                try:
                    group.rmdir()  # fails while a process (a replica still exiting) is in it
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)


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


def ladder(budgets: CpuBudgets, replicas: int, crowds_: list[int], seconds: float, think: float, trials: int):
    """Each crowd in ``crowds_`` ``trials`` times on the same ``replicas``, each in its CPU budget."""
    rows = []
    with topology(replicas, on_replica=budgets.place) as running:
        quotas = [budgets.quota(index) for index in range(replicas)]
        for sessions in crowds_:
            before = [budgets.throttled(index) for index in range(replicas)]
            result = with_a_thread_per_visitor(
                crowds(running.url, list(running.replicas), sessions, seconds, think, trials)
            )
            after = [budgets.throttled(index) for index in range(replicas)]
            periods = sum(a[0] - b[0] for a, b in zip(after, before, strict=True))
            throttled = sum(a[1] - b[1] for a, b in zip(after, before, strict=True))
            rows.append({"replicas": replicas, "quotas": quotas, "periods": periods, "throttled": throttled, **result})
    return rows


def kill_test(budgets: CpuBudgets, sessions: int, seconds: float, think: float) -> dict:
    with topology(4, on_replica=budgets.place) as running:
        return with_a_thread_per_visitor(kill_one(running, sessions, max(2, sessions // 2), seconds, think))


def capacity(rows: list[dict], replicas: int, budget: float) -> dict | None:
    """The largest crowd ``replicas`` served whole, without error, at a median p95 within ``budget``."""
    within = [
        r
        for r in rows
        if r["replicas"] == replicas
        and r["errors"] == 0
        and r["served"] == r["sessions"] * r["trials"]
        and r["p95"] <= budget
    ]
    return max(within, key=lambda r: r["sessions"], default=None)


def report(args, base: int, seconds: float, trials: int, rows: list[dict], kill: dict) -> tuple[str, bool]:
    one = rows[0]
    budget = one["p95"] * 1.10
    caps = {k: capacity(rows, k, budget) for k in (1, 2, 4)}
    ratio = {k: (caps[k]["sessions"] / base if caps[k] else 0.0) for k in (2, 4)}
    kill_ok = (
        kill["newcomers_served"] == kill["newcomers"] == kill["newcomers_on_live"]
        and kill["newcomer_errors"] == 0
        and kill["survivor_errors"] == 0
        and kill["survivor_runs_ok"]
        and kill["moved_and_served"] == kill["on_killed"] > 0
    )
    errors = sum(r["errors"] for r in rows)
    unserved = sum(r["sessions"] * r["trials"] - r["served"] for r in rows)
    ok = caps[1] is one and ratio[4] >= 3.0 and errors == 0 and unserved == 0 and kill_ok
    lines = [
        f"Scale test {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC (loopback; each replica in its own cgroup with a "
        f"CPU quota of {args.cpu:g} core, nginx and the load generator outside the quotas; nginx with cookie "
        f"affinity; sessions start together, then change a filter every {args.think:g} s for {seconds:.0f} s; "
        f"{trials} trial(s) of each crowd, medians of the trials):",
        "",
        "| replicas | sessions | served | errors | script runs | p50 to map | p95 to map | each trial's p95 | "
        "sessions per replica, by trial | quota periods throttled |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---|---:|",
    ]
    for r in rows:
        p95s = ", ".join(f"{p * 1000:.0f}" for p in r["p95s"])
        splits = ", ".join("/".join(str(n) for n in split) for split in r["splits"])
        lines.append(
            f"| {r['replicas']} | {r['sessions']} | {r['served']} of {r['sessions'] * r['trials']} | {r['errors']} | "
            f"{r['runs']} | {r['p50'] * 1000:.0f} ms | {r['p95'] * 1000:.0f} ms | {p95s} ms | {splits} | "
            f"{r['throttled']} of {r['periods']} |"
        )

    def served_at(k: int) -> str:
        cap = caps[k]
        if cap is None:
            return f"{k} replicas: no crowd within it"
        return (
            f"{k} replicas: {cap['sessions']} sessions (p95 {cap['p95'] * 1000:.0f} ms, {cap['sessions'] / base:.1f}x)"
        )

    lines += [
        "",
        f"At the same p95 (within 10% of 1 replica's {one['p95'] * 1000:.0f} ms at {base} sessions): "
        f"1 replica: {base} sessions; {served_at(2)}; {served_at(4)}. Target: 4 replicas at least 3x.",
        "",
        f"Kill test: {kill['sessions']} sessions on 4 replicas, one replica killed once all had their map. "
        f"{kill['on_killed']} sessions were on it: {kill['moved_and_served']} reconnected through nginx to a live "
        f"replica and got their map again (their filter state, held by the dead replica, was lost). The "
        f"{kill['sessions'] - kill['on_killed']} on live replicas had {kill['survivor_errors']} errors. "
        f"{kill['newcomers']} new sessions after the kill: {kill['newcomers_on_live']} went to live replicas, "
        f"{kill['newcomers_served']} got their map, {kill['newcomer_errors']} errors.",
        "",
        f"Result: {'pass' if ok else 'FAIL'}",
    ]
    messages = [m for r in rows for m in r["messages"]]
    if messages:
        lines.append("First errors: " + "; ".join(messages[:3]))
    return "\n".join(lines) + "\n", ok


HISTORY = "## Every run"
HISTORY_HEADER = [
    HISTORY,
    "",
    "| run (UTC) | 1 replica: sessions, p95 | 2 replicas at that p95 | 4 replicas at that p95 | errors | "
    "sessions without a map | kill test (moved and served / on the killed replica; newcomers served) | result |",
    "|---|---|---|---|---:|---:|---|---|",
]


def summary_row(base: int, rows: list[dict], kill: dict, ok: bool) -> str:
    one = rows[0]
    budget = one["p95"] * 1.10

    def at(k: int) -> str:
        cap = capacity(rows, k, budget)
        return f"{cap['sessions']} ({cap['sessions'] / base:.1f}x, p95 {cap['p95'] * 1000:.0f} ms)" if cap else "none"

    unserved = sum(r["sessions"] * r["trials"] - r["served"] for r in rows)
    return (
        f"| {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} | {base}, {one['p95'] * 1000:.0f} ms | {at(2)} | {at(4)} | "
        f"{sum(r['errors'] for r in rows)} | {unserved} | {kill['moved_and_served']}/{kill['on_killed']}; "
        f"{kill['newcomers_served']}/{kill['newcomers']} | {'pass' if ok else 'FAIL'} |"
    )


def history(out: Path, row: str) -> str:
    """The table of every full run so far (kept from ``out``), with this one added last."""
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    kept = old.split(HISTORY, 1)[1].splitlines()[4:] if HISTORY in old else []
    return "\n" + "\n".join([*HISTORY_HEADER, *[line for line in kept if line.startswith("| ")], row]) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=16, help="the crowd one replica is measured at")
    parser.add_argument("--cpu", type=float, default=0.25, help="each replica's CPU quota, in cores")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--think", type=float, default=2.0)
    parser.add_argument("--trials", type=int, default=3, help="times each crowd is run (medians reported)")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "bench" / "scale.md")
    args = parser.parse_args()
    problem = CpuBudgets.unavailable(CPU_CGROUP)
    if problem:
        print(f"Scale test not run: {problem}", file=sys.stderr)
        return 1
    base, seconds, trials = (3, 8.0, 1) if args.quick else (args.sessions, args.seconds, args.trials)
    with CpuBudgets(args.cpu, CPU_CGROUP) as budgets:
        rows = ladder(budgets, 1, [base], seconds, args.think, trials)
        rows += ladder(budgets, 2, [round(base * 1.5), base * 2], seconds, args.think, trials)
        rows += ladder(budgets, 4, [base * 3, base * 4], seconds, args.think, trials)
        kill = kill_test(budgets, base * 2, seconds, args.think)
    text, ok = report(args, base, seconds, trials, rows, kill)
    if not args.quick:
        text += history(args.out, summary_row(base, rows, kill, ok))
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
