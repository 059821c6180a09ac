"""Real-browser benchmark of the dashboard against a blank Streamlit page, in the same run.

    .venv/bin/python -m bench.run            # 5 alternating runs after a warm-up, 20 sessions
    .venv/bin/python -m bench.run --quick    # 1 run, 3 sessions: CI keeps it working, no gating

Headless Debian Chromium (Playwright), every request off 127.0.0.1 refused by Chromium itself.
Each run loads, in alternating order, the blank page, the dashboard and the map alone under a
title (bench/map_only_app.py), timed in the page from navigation start: the dashboard both to its
77 provinces drawn and to its whole default page (a session's first run sends the map alone, the
figures and filters follow once it is drawn); then the concurrency
figures: 20 blank pages at once (Streamlit's own floor under that load), 20 dashboard pages at
once, and one Chromium visitor arriving together with 19 protocol clients (the server's share). Writes a Markdown table to bench/results.md (and prints it). Figures are
medians with the min-max spread.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import platform
import shutil
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

from playwright.async_api import async_playwright

from bench.phone import PHONE_OPTIONS, PHONE_VIEWPORT, PROFILE, phone_visit
from deploy.topology import topology
from testkit.browser import CHROMIUM, CHROMIUM_ARGS, free_port, serving, streamlit_server
from testkit.wire import start_counting_relay
from ui.pages import PAGES as PAGE_ENTRIES

PROJECT_DIR = Path(__file__).resolve().parent.parent

# Times are taken in the page, from navigation start, by a MutationObserver installed before the
# page's own scripts: the frame after the blank page's text or the 77th province shape appears.
# Both pages are timed the same way, with no polling delay from the test driver.
MARKS = """
(() => {
  if (window !== window.top) return;
  window.scmMarks = {};
  const mark = (name) => {
    if (name in window.scmMarks) return;
    window.scmMarks[name] = null;
    requestAnimationFrame(() => { window.scmMarks[name] = performance.now(); });
  };
  // Cheap checks only (no innerText, which forces a layout): the observer must not slow the page.
  const blankText = () => {
    const markdown = document.querySelector("[data-testid='stMarkdownContainer']");
    return markdown && markdown.textContent.includes("Blank page");
  };
  // The whole default page: the map, and the figures and filters beside it.
  const wholePage = () =>
    document.querySelectorAll("[data-testid='stMetric']").length >= 4 &&
    document.querySelectorAll("[data-testid='stSidebar'] [data-testid='stSelectbox']").length >= 2;
  // The map is drawn in streamlit-folium's frame, whose document replaces the one an init script
  // sees: from the frame's appearance, look at its document on every animation frame.
  // The static page (the export's map, the embed) draws in the page itself.
  const mapDrawn = () => {
    const frame = document.querySelector("iframe[title='streamlit_folium.st_folium']");
    const where = frame ? frame.contentDocument : document;
    const shapes = where?.querySelectorAll(".leaflet-overlay-pane path.leaflet-interactive");
    return shapes && shapes.length >= 77;
  };
  const watchMap = () => {
    if (mapDrawn()) { window.scmMarks.map = performance.now(); return; }
    requestAnimationFrame(watchMap);
  };
  let watching = false;
  new MutationObserver(() => {
    if (!watching && document.querySelector("iframe, .leaflet-container")) { watching = true; requestAnimationFrame(watchMap); }
    if (!("content" in window.scmMarks) && blankText()) mark("content");
    if (window.scmMarks.map && !("page" in window.scmMarks) && wholePage()) mark("page");
  }).observe(document, {subtree: true, childList: true, attributes: true});
})();
"""
TARGETS = {
    "ratio": 1.30,
    "tutorial_ratio": 0.80,
    "page_ratio": 1.50,
    "ws_kib": 300,
    "filter_ms": 300,
    "filter_kib": 20,
    "script_ms": 60,
    "mb_per_session": 15,
    "p95_ratio": 3.0,
}
PHONE_TARGETS = {
    "phone_ratio": 1.20,
    "phone_tutorial_ratio": 0.50,
    "phone_extra_kib": 150,
    "one_machine_ratio": 1.10,
    "embed_s": 2.5,
    "embed_kib": 250,
    "second_visit_ratio": 1.15,
}


# Off-machine requests are refused by Chromium itself: every proxied request goes to a closed
# loopback port (Chromium never proxies loopback) and no host name resolves. Playwright's route
# interception (what the tests use, to record what was tried) costs a round trip to this
# process per request, which with 20 pages at once measured the driver, not the dashboard.
CLOSED_PORT = free_port()  # nothing listens there
OFFLINE_ARGS = [
    f"--proxy-server=http://127.0.0.1:{CLOSED_PORT}",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
PROBE_OFF_MACHINE = """() => Promise.all(["http://192.0.2.1/", "https://example.com/"].map(
    (url) => fetch(url, {mode: "no-cors"}).then(() => url, () => null)))"""


async def assert_offline(page) -> None:
    """Fail the benchmark if the browser can reach anything off this machine."""
    reached = [url for url in await page.evaluate(PROBE_OFF_MACHINE) if url]
    if reached:
        raise SystemExit(f"the browser reached {reached}: the benchmark must run offline")


async def new_page(browser, width: int = 1400, height: int = 1400):
    context = await browser.new_context(viewport={"width": width, "height": height})
    await context.add_init_script(MARKS)
    return await context.new_page()


async def page_mark(page, name: str, timeout: float = 120_000) -> float:
    """Seconds from navigation start to the page's mark ``name`` (see MARKS)."""
    handle = await page.wait_for_function(f"window.scmMarks && window.scmMarks[{name!r}]", timeout=timeout)
    return await handle.json_value() / 1000


async def time_blank(browser, url: str) -> float:
    page = await new_page(browser)
    await page.goto(url, wait_until="commit", timeout=180_000)
    elapsed = await page_mark(page, "content", timeout=60_000)
    await page.context.close()
    return elapsed


async def wait_for_map(page, timeout: float = 120_000) -> float:
    return await page_mark(page, "map", timeout)


async def time_dashboard(browser, url: str, keep_open: bool = False):
    """Seconds to 77 provinces drawn, websocket bytes received until then, and the page (open,
    with ``keep_open``; close it, or call ``whole_page`` first to wait for the rest of it)."""
    page = await new_page(browser)
    received = [0]
    drawn = asyncio.Event()

    def on_websocket(ws):
        def count(payload):
            if not drawn.is_set():
                received[0] += len(payload if isinstance(payload, bytes) else payload.encode())

        ws.on("framereceived", count)

    page.on("websocket", on_websocket)
    await page.goto(url, wait_until="commit", timeout=180_000)
    elapsed = await wait_for_map(page)
    drawn.set()
    if not keep_open:
        await page.context.close()
        return elapsed, received[0], None
    return elapsed, received[0], page


FILTER_CHANGE = """() => new Promise((resolve) => {
  // Click "as of round 1" in the page; resolve on the frame after Chiang Rai (round 2 only)
  // turns to the no-area grey, so the time covers the rerun, the new view and the restyle.
  const frame = document.querySelector("iframe[title='streamlit_folium.st_folium']").contentDocument;
  const chiangRai = () => frame.querySelector("path[data-code='TH-57']");
  const button = [...document.querySelectorAll("[data-testid='stSidebar'] button")].find((b) => b.innerText.includes("2564"));
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (chiangRai().getAttribute("fill") !== "#e6e6e6") return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - start));
  });
  observer.observe(frame, {subtree: true, attributes: true, attributeFilter: ["fill"]});
  button.click();
})"""


async def whole_page(page) -> float:
    """Seconds from navigation start to the default page's figures and filters shown too."""
    return await page_mark(page, "page", timeout=60_000)


async def time_filter_change(page) -> float:
    """Seconds from clicking "as of round 1" to the map in its new colouring, timed in the page."""
    return await asyncio.wait_for(page.evaluate(FILTER_CHANGE), timeout=60) / 1000


async def wire_bytes_of_filter_change(browser, url: str) -> int:
    """Bytes from the server to the browser, on the wire (the websocket compressed, as served),
    for one filter change: the page loaded through a counting relay, settled, then "as of round 1"."""
    relay_port = free_port()
    server, counter = await start_counting_relay(int(url.rsplit(":", 1)[1]), relay_port)
    try:
        page = await new_page(browser)
        await page.goto(f"http://127.0.0.1:{relay_port}/", wait_until="commit", timeout=180_000)
        await wait_for_map(page)
        await whole_page(page)
        await page.wait_for_timeout(1000)
        before = counter.down
        await time_filter_change(page)
        await page.wait_for_timeout(1000)  # the run's last messages after the map's
        received = counter.down - before
        await page.context.close()
        return received
    finally:
        server.close()


async def protocol_arrival(url: str) -> float | None:
    """Seconds for one protocol client (Streamlit's own websocket messages, as bench/load.py
    speaks them) to open a session and receive the whole default page, the map with its view
    included, in one run. None if it got less."""
    from bench.load import Session  # load.py imports this module: import it when used

    session = Session(url)
    start = time.perf_counter()
    await session.work(until=0)  # opening the page only
    # The map alone first, then the rest once the map is reported drawn: two runs, both with the map.
    whole = session.maps >= 1 and session.round_widget_id is not None and not session.errors
    return time.perf_counter() - start if whole else None


async def crowd_arrival(browser, url: str, crowd: int) -> tuple[float, list[float | None]]:
    """One Chromium visitor arriving together with ``crowd`` protocol clients: the browser's time
    to a drawn map, and each client's time to its map (None where it got none)."""
    browser_result, *clients = await asyncio.gather(
        time_dashboard(browser, url), *(protocol_arrival(url) for _ in range(crowd))
    )
    return browser_result[0], clients


def server_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# Every page the navigation lists, as ui/pages.py lists them.
PAGES = tuple(entry.script for entry in PAGE_ENTRIES if not entry.hidden)


def script_times_ms(runs: int) -> dict[str, float]:
    """Warm server-side script run time per page (AppTest, in process): median of ``runs``."""
    from testkit.apptest import open_dashboard

    results = {}
    for page in PAGES:
        app = open_dashboard(timeout=120)  # the whole page, as after the map-first run
        if page != "pages/overview.py":
            app.switch_page(page).run()
        app.run()  # warm
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            app.run()
            samples.append((time.perf_counter() - start) * 1000)
        results[page] = statistics.median(samples)
    return results


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of ``values`` (nan when empty)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def spread(values: list[float], scale: float = 1.0, digits: int = 0) -> str:
    median = statistics.median(values) * scale
    if len(values) == 1:
        return f"{median:.{digits}f}"
    return f"{median:.{digits}f} ({min(values) * scale:.{digits}f}–{max(values) * scale:.{digits}f})"


def cpu_counters() -> tuple[int, int]:
    """(steal, total) jiffies of all CPUs so far, from /proc/stat."""
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return fields[7] if len(fields) > 7 else 0, sum(fields[:8])


def stolen_since(start: tuple[int, int]) -> float:
    """The share of CPU time since ``start`` that the host gave to other machines (steal): on a
    shared virtual machine, what makes one run slower than the next."""
    steal, total = cpu_counters()
    return (steal - start[0]) / max(total - start[1], 1)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {platform.python_version()}"


def bench_app_script(folder: Path, name: str) -> str:
    """bench/``name`` copied into ``folder`` with the static files it needs beside it."""
    if not (folder / "static").exists():
        shutil.copytree(PROJECT_DIR / "static", folder / "static")
    shutil.copy(PROJECT_DIR / "bench" / name, folder / name)
    return str(folder / name)


@contextlib.contextmanager
def one_machine_server() -> Iterator[str]:
    """What ``scripts/run.sh`` starts, started by that script itself, on a free port."""
    port = free_port()
    command = ["bash", str(PROJECT_DIR / "scripts" / "run.sh")]
    with serving(command, port, {"SMARTCITY_PORT": str(port)}, start_timeout=180, stop_timeout=20) as (url, _):
        yield url


async def visit_pair(browser, url: str, mark: str, throttled: bool = True):
    """A first visit (empty cache) and a second one in the same browser profile (its cache)."""
    options = (
        {"viewport": PHONE_VIEWPORT, **PHONE_OPTIONS} if throttled else {"viewport": {"width": 1400, "height": 900}}
    )
    # bypass_csp: the static page forbids eval, which the driver's wait uses (its own scripts need none).
    context = await browser.new_context(**options, bypass_csp=True)
    await context.add_init_script(MARKS)
    seconds = lambda page: page_mark(page, mark, 180_000)  # noqa: E731
    first = await phone_visit(context, url, seconds, throttled=throttled)
    second = await phone_visit(context, url, seconds, throttled=throttled)
    await context.close()
    return first, second


async def phone_benchmark(browser, runs: int) -> tuple[list[str], dict]:
    """The phone profile (bench/phone.py) against the deploy topology (nginx in front of one
    replica), and in the same run: a blank page and a tutorial map behind the same nginx, the
    one-machine command (scripts/run.sh), the dashboard straight from ``streamlit run``, and the
    news embed (the static export through the topology). Then the second visit on a desktop."""
    samples: dict[str, list] = defaultdict(list)
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        project = {"PYTHONPATH": str(PROJECT_DIR)}
        urls = {
            "map": stack.enter_context(topology(1, diagnostics=False)).url,
            "blank": stack.enter_context(topology(1, diagnostics=False, script="bench/blank_app.py")).url,
            "tutorial": stack.enter_context(
                topology(1, diagnostics=False, script=bench_app_script(folder, "tutorial_app.py"), env=project)
            ).url,
            "one machine": stack.enter_context(one_machine_server()),
            "straight": stack.enter_context(streamlit_server("dashboard.py")),
        }
        urls["embed"] = f"{urls['map']}/export/?lang=th"
        marks = {"blank": "content"}
        for which, url in urls.items():  # warm-up: each server's first script run, its caches
            await visit_pair(browser, url, marks.get(which, "map"), throttled=False)
        for run in range(runs):
            order = list(urls) if run % 2 == 0 else list(reversed(urls))
            for which in order:
                first, second = await visit_pair(browser, urls[which], marks.get(which, "map"))
                samples[which].append(first)
                samples[f"{which} again"].append(second)
        for _ in range(runs):  # the second visit on a desktop, through the topology
            for which in ("blank", "map"):
                samples[f"desktop {which} again"].append(
                    (await visit_pair(browser, urls[which], marks.get(which, "map"), throttled=False))[1]
                )
    return phone_rows(samples)


def phone_rows(samples: dict[str, list]) -> tuple[list[str], dict]:
    seconds = {which: [v.seconds for v in visits] for which, visits in samples.items()}
    kib = {which: [v.http_bytes / 1024 for v in visits] for which, visits in samples.items()}
    at_mark = {which: [v.bytes_at_mark / 1024 for v in visits] for which, visits in samples.items()}

    def ratios(top: str, bottom: str) -> list[float]:
        return [a / b for a, b in zip(seconds[top], seconds[bottom], strict=True)]

    extra = [m - b for m, b in zip(at_mark["map"], at_mark["blank"], strict=True)]
    figures = {
        "phone_ratio": statistics.median(ratios("map", "blank")),
        "phone_tutorial_ratio": statistics.median(ratios("map", "tutorial")),
        "phone_extra_kib": statistics.median(extra),
        "one_machine_ratio": statistics.median(ratios("one machine", "map")),
        "embed_s": statistics.median(seconds["embed"]),
        "embed_kib": statistics.median(kib["embed"]),
        "second_visit_ratio": statistics.median(ratios("desktop map again", "desktop blank again")),
    }
    ok = {key: figures[key] <= PHONE_TARGETS[key] for key in PHONE_TARGETS}
    mark = {True: "yes", False: "**no**"}

    def row(label: str, which: str, what: str = "77 provinces drawn") -> str:
        return (
            f"| phone: {label}: {what} | {spread(seconds[which], 1000)} ms; "
            f"{spread(at_mark[which])} KiB by then, {spread(kib[which])} KiB settled | | |"
        )

    rows = [
        row("blank one-line page behind nginx (gzip)", "blank", "first content"),
        row("dashboard through the deploy topology (nginx, 1 replica)", "map"),
        f"| phone: map / blank | {spread(ratios('map', 'blank'), digits=2)} | ≤ {PHONE_TARGETS['phone_ratio']} | {mark[ok['phone_ratio']]} |",
        f"| phone: the map's bytes beyond the blank page's (HTTP, each by its mark) | {spread(extra)} KiB | ≤ {PHONE_TARGETS['phone_extra_kib']} KiB | {mark[ok['phone_extra_kib']]} |",
        row("tutorial streamlit-folium app behind the same nginx", "tutorial"),
        f"| phone: map / tutorial map | {spread(ratios('map', 'tutorial'), digits=2)} | ≤ {PHONE_TARGETS['phone_tutorial_ratio']} | {mark[ok['phone_tutorial_ratio']]} |",
        row("the one-machine command (scripts/run.sh)", "one machine"),
        f"| phone: one-machine command / topology | {spread(ratios('one machine', 'map'), digits=2)} | ≤ {PHONE_TARGETS['one_machine_ratio']} | {mark[ok['one_machine_ratio']]} |",
        row("dashboard straight from `streamlit run` (no proxy; for comparison)", "straight"),
        row("second visit (cache kept): blank", "blank again", "first content"),
        row("second visit (cache kept): dashboard", "map again"),
        f"| phone: news embed (the static page /export/ through the topology): 77 provinces drawn | {spread(seconds['embed'], 1000)} ms | ≤ {PHONE_TARGETS['embed_s'] * 1000:.0f} ms | {mark[ok['embed_s']]} |",
        f"| phone: news embed: bytes over HTTP | {spread(kib['embed'])} KiB | ≤ {PHONE_TARGETS['embed_kib']} KiB | {mark[ok['embed_kib']]} |",
        f"| desktop second visit through the topology: map / blank, both with their cache | {spread(ratios('desktop map again', 'desktop blank again'), digits=2)} | ≤ {PHONE_TARGETS['second_visit_ratio']} | {mark[ok['second_visit_ratio']]} |",
    ]
    return rows, figures


async def phone_only(runs: int) -> tuple[list[str], dict]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS + OFFLINE_ARGS, headless=True
        )
        rows, figures = await phone_benchmark(browser, runs)
        await browser.close()
    return ["| **phone** (" + PROFILE + ") | | | |", *rows], figures


async def benchmark(runs: int, sessions: int) -> tuple[list[str], dict]:
    with ExitStack() as stack:
        dashboard = stack.enter_context(streamlit_server("dashboard.py", with_process=True))
        blank = stack.enter_context(streamlit_server("bench/blank_app.py", with_process=True))
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        project = {"PYTHONPATH": str(PROJECT_DIR)}  # the apps import the project's package
        map_only_url = stack.enter_context(streamlit_server(bench_app_script(folder, "map_only_app.py"), env=project))
        tutorial_url = stack.enter_context(streamlit_server(bench_app_script(folder, "tutorial_app.py"), env=project))
        (dash_url, dash_process), (blank_url, _) = dashboard, blank
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS + OFFLINE_ARGS, headless=True
            )
            await time_blank(browser, blank_url)  # warm-up: caches, first script runs
            probe = await new_page(browser)
            await probe.goto(blank_url)
            await assert_offline(probe)
            await probe.context.close()
            await time_dashboard(browser, dash_url)
            await time_dashboard(browser, map_only_url)
            await time_dashboard(browser, tutorial_url)
            blank_times, map_times, page_times, ws_bytes, filter_times, map_only_times = [], [], [], [], [], []
            tutorial_times = []
            for run in range(runs):
                order = ("blank", "map", "map only", "tutorial")
                for which in order if run % 2 == 0 else reversed(order):
                    if which == "map only":
                        map_only_times.append((await time_dashboard(browser, map_only_url))[0])
                    elif which == "tutorial":
                        tutorial_times.append((await time_dashboard(browser, tutorial_url))[0])
                    elif which == "blank":
                        blank_times.append(await time_blank(browser, blank_url))
                    else:
                        elapsed, received, page = await time_dashboard(browser, dash_url, keep_open=True)
                        map_times.append(elapsed)
                        ws_bytes.append(received)
                        page_times.append(await whole_page(page))
                        filter_times.append(await time_filter_change(page))
                        await page.context.close()
            wire_bytes = [await wire_bytes_of_filter_change(browser, dash_url) for _ in range(max(runs, 1))]
            # The floor under the same load: as many blank pages at once, in the same browser.
            concurrent_blank = sorted(await asyncio.gather(*(time_blank(browser, blank_url) for _ in range(sessions))))
            single_page = (await time_dashboard(browser, dash_url, keep_open=True))[2]
            rss_one = server_rss_mb(dash_process.pid)
            concurrent = await asyncio.gather(
                *(time_dashboard(browser, dash_url, keep_open=True) for _ in range(sessions))
            )
            rss_many = server_rss_mb(dash_process.pid)
            for _, _, page in concurrent:
                await page.context.close()
            await single_page.context.close()
            crowds = [await crowd_arrival(browser, dash_url, sessions - 1) for _ in range(max(runs, 1))]
            phone, phone_figures = await phone_benchmark(browser, max(min(runs, 3), 1))
            await browser.close()
    scripts = script_times_ms(max(runs, 3))
    concurrent_times = sorted(t for t, _, _ in concurrent)
    p95 = percentile(concurrent_times, 0.95)
    blank_p95 = percentile(concurrent_blank, 0.95)
    crowd_browser = sorted(t for t, _ in crowds)
    crowd_clients = [t for _, clients in crowds for t in clients]
    crowd_served = sorted(t for t in crowd_clients if t is not None)
    ratios = [m / b for m, b in zip(map_times, blank_times, strict=True)]
    map_only_ratios = [m / b for m, b in zip(map_only_times, blank_times, strict=True)]
    tutorial_ratios = [m / t for m, t in zip(map_times, tutorial_times, strict=True)]
    map_only_tutorial = [m / t for m, t in zip(map_only_times, tutorial_times, strict=True)]
    page_ratios = [m / b for m, b in zip(page_times, blank_times, strict=True)]
    per_session = (rss_many - rss_one) / max(sessions, 1)
    figures = {
        "ratio": statistics.median(ratios),
        "tutorial_ratio": statistics.median(tutorial_ratios),
        "ws_kib": statistics.median(ws_bytes) / 1024,
        "filter_ms": statistics.median(filter_times) * 1000,
        "filter_kib": statistics.median(wire_bytes) / 1024,
        "script_ms": max(scripts.values()),
        "mb_per_session": per_session,
        "p95_ratio": p95 / statistics.median(map_times),
    }
    figures["page_ratio"] = statistics.median(page_ratios)
    ok = {key: figures[key] <= TARGETS[key] for key in TARGETS}
    mark = {True: "yes", False: "**no**"}
    rows = [
        "| measure | median (min–max) | target | met |",
        "|---|---|---|---|",
        f"| blank page: navigation to first content | {spread(blank_times, 1000)} ms | (baseline) | |",
        f"| dashboard: navigation to 77 provinces drawn | {spread(map_times, 1000)} ms | | |",
        f"| map / blank | {spread(ratios, digits=2)} | ≤ {TARGETS['ratio']} | {mark[ok['ratio']]} |",
        f"| dashboard: navigation to the whole default page (figures and filters too); / blank | {spread(page_times, 1000)} ms; {spread(page_ratios, digits=2)} | ≤ {TARGETS['page_ratio']} | {mark[ok['page_ratio']]} |",
        f"| the map alone under a title (bench/map_only_app.py): 77 provinces drawn; / blank | {spread(map_only_times, 1000)} ms; {spread(map_only_ratios, digits=2)} | (what the map itself costs) | |",
        f"| tutorial-style streamlit-folium map (bench/tutorial_app.py): 77 provinces drawn | {spread(tutorial_times, 1000)} ms | | |",
        f"| dashboard map / tutorial map | {spread(tutorial_ratios, digits=2)} | ≤ {TARGETS['tutorial_ratio']} | {mark[ok['tutorial_ratio']]} |",
        f"| the map alone under a title / tutorial map (the same page around each map) | {spread(map_only_tutorial, digits=2)} | | |",
        f"| websocket messages received until the map is drawn (decompressed) | {spread(ws_bytes, 1 / 1024)} KiB | ≤ {TARGETS['ws_kib']} KiB | {mark[ok['ws_kib']]} |",
        f"| filter change (as of round 1) to new colouring | {spread(filter_times, 1000)} ms | ≤ {TARGETS['filter_ms']} ms | {mark[ok['filter_ms']]} |",
        f"| filter change: bytes from the server on the wire (websocket compressed) | {spread(wire_bytes, 1 / 1024)} KiB | ≤ {TARGETS['filter_kib']} KiB | {mark[ok['filter_kib']]} |",
    ]
    rows += [
        f"| warm script run, {page.split('/')[1].removesuffix('.py')} | {value:.0f} ms | ≤ {TARGETS['script_ms']} ms | {mark[value <= TARGETS['script_ms']]} |"
        for page, value in scripts.items()
    ]
    rows += [
        f"| server memory, 1 session | {rss_one:.0f} MB | | |",
        f"| server memory, {sessions + 1} sessions | {rss_many:.0f} MB ({per_session:.1f} MB per added session) | ≤ {TARGETS['mb_per_session']} MB per session | {mark[ok['mb_per_session']]} |",
        f"| {sessions} concurrent sessions: all drew the map; p95 time to map | {p95 * 1000:.0f} ms ({figures['p95_ratio']:.2f}× single) | ≤ {TARGETS['p95_ratio']}× | {mark[ok['p95_ratio']]} |",
        f"| {sessions} blank pages at once in the same browser (the floor under that load): p95 time to first content | {blank_p95 * 1000:.0f} ms ({blank_p95 / statistics.median(blank_times):.2f}× single blank) | (Streamlit's own cost) | |",
        f"| {sessions} concurrent sessions' p95 / {sessions} blank pages' p95 | {p95 / blank_p95:.2f} | (compare map / blank, single) | |",
        f"| {sessions} sessions arriving together, 1 Chromium + {sessions - 1} protocol clients ({len(crowds)} trials): Chromium's time to map | {spread(crowd_browser, 1000)} ms ({statistics.median(crowd_browser) / statistics.median(map_times):.2f}× single, median) | (server side of the line above) | |",
        f"| the protocol clients in those trials: got the whole page; time to it (one run, the map and its view included) | {len(crowd_served)} of {len(crowd_clients)}; p95 {percentile(crowd_served, 0.95) * 1000:.0f} ms | | |",
    ]
    return ["| **phone** (" + PROFILE + ") | | | |", *phone, "| **desktop** (1400x900, loopback) | | | |", *rows], {
        **figures,
        **phone_figures,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="1 run and 3 sessions (CI)")
    parser.add_argument("--phone-only", action="store_true", help="only the phone profile's rows")
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "bench" / "results.md")
    args = parser.parse_args()
    runs, sessions = (1, 3) if args.quick else (args.runs, args.sessions)
    counters = cpu_counters()
    load_before = os.getloadavg()[0]
    rows, _ = asyncio.run(phone_only(runs) if args.phone_only else benchmark(runs, sessions))
    header = (
        f"Benchmark {dt.date.today().isoformat()}, {'quick mode, ' if args.quick else ''}{runs} run(s), "
        f"{sessions} concurrent sessions; {machine()}; Chromium headless, network off 127.0.0.1 blocked; "
        f"CPU time taken by the host for other machines during the run (steal): {stolen_since(counters):.0%}; "
        f"load average (1 min) {load_before:.1f} before the run, {os.getloadavg()[0]:.1f} after it "
        f"(above 2 on these 2 cores, other programs were running too).\n\n"
    )
    text = header + "\n".join(rows) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
