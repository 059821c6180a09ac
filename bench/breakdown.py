"""Where a page load's time goes: the server's script runs (pyinstrument) and the browser's timeline.

    .venv/bin/python -m bench.breakdown             # 5 loads of each page; writes bench/breakdown.md
    .venv/bin/python -m bench.breakdown --loads 1   # a quick look

Server side: `streamlit run dashboard.py` started with every script run profiled by pyinstrument
in the thread that runs it (Streamlit's ScriptRunner._run_script, wrapped here only), while
headless Chromium takes two visitors in turn through the overview, a filter change and every
other page: the first fills the caches, the second finds them warm. The report lists each run's
wall and CPU time and, for a new session's first run and a filter change (cold and warm), the
functions that took the most time themselves.

Browser side: the blank one-line app and the dashboard, loaded in turn, each with the page's own
clocks: navigation and resource timing, every websocket message (wrapped before Streamlit's
scripts run), long tasks, and the resource timing of streamlit-folium's frame (its page,
Leaflet, jQuery, the boundaries), moved onto the page's clock. Each event is the median
over the loads, in ms from navigation start. Then as many loads again under
Chromium's sampling profiler: the main thread's time by script file.

Every request off 127.0.0.1 is refused by Chromium (the same settings as bench/run.py).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from ui.pages import DEFAULT_PAGE, READING_PAGES

PROJECT_DIR = Path(__file__).resolve().parent.parent

# Before Streamlit's own scripts: record every websocket message and every long task.
RECORDER = """
(() => {
  window.scmMessages = [];
  window.scmSocketOpen = null;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("open", () => { window.scmSocketOpen ??= performance.now(); });
      this.addEventListener("message", (event) => {
        const size = event.data.byteLength ?? event.data.size ?? event.data.length;
        window.scmMessages.push([performance.now(), size]);
      });
    }
  };
  window.scmLongTasks = [];
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) window.scmLongTasks.push([task.startTime, task.duration]);
  }).observe({ type: "longtask", buffered: true });
})();
"""

# Read after the page is done: what happened when, from navigation start.
COLLECT = """() => {
  const resources = performance.getEntriesByType("resource");
  const fetched = (part) => resources.find((r) => r.name.includes(part))?.responseEnd ?? null;
  const navigation = performance.getEntriesByType("navigation")[0];
  const scripts = resources.filter((r) => r.initiatorType === "script" || r.name.endsWith(".js"));
  const beforeSocket = scripts.filter((r) => window.scmSocketOpen === null || r.startTime < window.scmSocketOpen);
  // The map's own loads happen in streamlit-folium's frame: its clock, moved onto the page's.
  const frame = document.querySelector("iframe[title='streamlit_folium.st_folium']")?.contentWindow;
  const shift = frame ? frame.performance.timeOrigin - performance.timeOrigin : 0;
  const inFrame = (part) => {
    const entry = frame?.performance.getEntriesByType("resource").find((r) => r.name.includes(part));
    return entry ? entry.responseEnd + shift : null;
  };
  const frameNavigation = frame?.performance.getEntriesByType("navigation")[0];
  return {
    html: navigation.responseEnd,
    bundles: beforeSocket.length ? Math.max(...beforeSocket.map((r) => r.responseEnd)) : null,
    bundleCount: beforeSocket.length,
    socketOpen: window.scmSocketOpen,
    messages: window.scmMessages,
    longTasks: window.scmLongTasks,
    framePage: frameNavigation ? frameNavigation.responseEnd + shift : null,
    frameBundle: inFrame("static/js/main."),
    mapScript: inFrame("/app/static/map/map."),
    boundaries: inFrame("provinces.geojson"),
    map: window.scmMarks?.map ?? null,
    content: window.scmMarks?.content ?? null,
  };
}"""

MAP_MESSAGE_BYTES = 20_000  # the first run's map element: the base map's script and the view


# --- driving the browser ---------------------------------------------------------------------


async def open_page(browser, url: str):
    """bench/run.py's fresh page (its marks), recording websocket messages and long tasks too."""
    from bench.run import new_page

    page = await new_page(browser)
    await page.add_init_script(RECORDER)
    await page.goto(url, wait_until="commit", timeout=180_000)
    return page


async def load_timeline(browser, url: str, done: str) -> dict:
    """One fresh load of ``url``; the page's timeline once ``done`` (a window.scmMarks name) is set."""
    from bench.run import page_mark

    page = await open_page(browser, url)
    await page_mark(page, done, timeout=60_000)
    await page.wait_for_timeout(300)  # the messages and tasks right after, for the record
    timeline = await page.evaluate(COLLECT)
    await page.context.close()
    return timeline


FIRST, SECOND = "first visitor (caches filling)", "second visitor (caches warm)"
# What shows that a page opened from the navigation is drawn.
READY = {
    "programme": "[data-testid='stHtml'] .scm-programme",
    "timeline": "[data-testid='stVegaLiteChart']",
    "targets": "[data-testid='stVegaLiteChart']",
    "investment": "[data-testid='stVegaLiteChart']",  # the summary's charts, first on the page
    "data": "[data-testid='stDataFrame']",
}
# After the overview, every other page a reader moves between, in the navigation's order.
PAGE_READY = {entry.url_path: READY[entry.url_path] for entry in READING_PAGES if entry.url_path != DEFAULT_PAGE}
STEPS = [
    "overview: a new session's first run (the whole page, the map's view included)",
    "overview: filter change (as of round 1)",
    *(f"{name}: opened from the top navigation" for name in PAGE_READY),
]


async def main_thread_profile(browser, url: str, done: str) -> dict[str, float]:
    """One fresh load of ``url`` under Chromium's sampling profiler (CDP), until ``done``: the page's
    main-thread time in ms by script file (or by what V8 calls the rest: program, GC, idle)."""
    from bench.run import new_page, page_mark

    page = await new_page(browser)
    context = page.context
    cdp = await context.new_cdp_session(page)
    await cdp.send("Profiler.enable")
    await cdp.send("Profiler.setSamplingInterval", {"interval": 200})  # microseconds
    await cdp.send("Profiler.start")
    await page.goto(url, wait_until="commit", timeout=180_000)
    await page_mark(page, done, timeout=60_000)
    profile = (await cdp.send("Profiler.stop"))["profile"]
    await context.close()
    return time_by_script(profile)


def time_by_script(profile: dict) -> dict[str, float]:
    """Self time of a V8 CPU profile, summed by the file of each function (ms)."""
    where = {}
    for node in profile["nodes"]:
        frame = node["callFrame"]
        name = frame["url"].rsplit("/", 1)[-1].split("?")[0]
        if not name:
            name = frame["functionName"] if frame["functionName"].startswith("(") else "(no file: native or eval)"
        elif name.startswith("blob:") or frame["url"].startswith("blob:"):
            name = "(a blob: module)"
        where[node["id"]] = name
    totals: dict[str, float] = {}
    for sample, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        totals[where[sample]] = totals.get(where[sample], 0.0) + delta / 1000
    return totals


def cpu_table(blank: list[dict[str, float]], dashboard: list[dict[str, float]], rows: int = 14) -> list[str]:
    """The main thread's time by script, medians over the loads, largest first for the dashboard."""

    def typical(loads: list[dict[str, float]], names: set[str]) -> float:
        return statistics.median(sum(load.get(name, 0.0) for name in names) for load in loads)

    def row(label: str, names: set[str], bold: bool = False) -> str:
        mark = "**" if bold else ""
        return f"| {label} | {mark}{typical(blank, names):.0f}{mark} | {mark}{typical(dashboard, names):.0f}{mark} |"

    busy = {name for load in blank + dashboard for name in load if name != "(idle)"}
    ranked = sorted(busy, key=lambda name: typical(dashboard, {name}), reverse=True)
    return [
        "| main thread, by script | blank page | dashboard |",
        "|---|---:|---:|",
        *(row(name, {name}) for name in ranked[:rows]),
        row("everything else", set(ranked[rows:])),
        row("**busy in all**", busy, bold=True),
        row("idle (waiting for the network or the server)", {"(idle)"}),
    ]


async def visit_every_page(browser, url: str, visitor: str, actions: list[tuple[float, str]]) -> None:
    """A visitor's path through the dashboard, each step noted with its wall-clock start (the
    server's profiles are matched to the steps by their start times)."""
    from bench.run import time_filter_change, wait_for_map, whole_page

    def step(number: int) -> None:
        actions.append((time.time(), f"{visitor} | {STEPS[number]}"))

    step(0)
    page = await open_page(browser, url)
    await wait_for_map(page)
    await whole_page(page)
    await page.wait_for_timeout(500)
    step(1)
    await time_filter_change(page)
    await page.wait_for_timeout(500)
    for number, (name, ready) in enumerate(PAGE_READY.items(), 2):
        step(number)
        await page.locator(f"a[data-testid='stTopNavLink'][href$='/{name}']").click()
        await page.wait_for_selector(ready, timeout=60_000)
        await page.wait_for_timeout(500)
    await page.context.close()


# --- the report ------------------------------------------------------------------------------


def median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def browser_events(timeline: dict) -> dict[str, float | None]:
    """The moments of one load that the report compares, in ms from navigation start."""
    messages = timeline["messages"]
    first_message = messages[0][0] if messages else None
    map_message = next((at for at, size in messages if size and size > MAP_MESSAGE_BYTES), None)
    end = timeline["map"] or timeline["content"]
    tasks = [(start, length) for start, length in timeline["longTasks"] if end is None or start < end]
    return {
        "HTML received": timeline["html"],
        "Streamlit's scripts received": timeline["bundles"],
        "websocket open": timeline["socketOpen"],
        "first websocket message": first_message,
        "message with the map (over 20 KB)": map_message,
        "map frame's page received": timeline["framePage"],
        "streamlit-folium's script received": timeline["frameBundle"],
        "the map's script (Leaflet and its plugin) received (in the frame)": timeline["mapScript"],
        "boundaries received (in the frame)": timeline["boundaries"],
        "first content painted (blank) / 77 provinces painted (dashboard)": end,
        "long tasks before that: count": float(len(tasks)),
        "long tasks before that: total ms": float(sum(length for _, length in tasks)),
    }


def browser_table(blank: list[dict], dashboard: list[dict]) -> list[str]:
    rows = ["| event | blank page | dashboard |", "|---|---:|---:|"]
    blank_events = [browser_events(t) for t in blank]
    dashboard_events = [browser_events(t) for t in dashboard]

    def cell(events: list[dict], name: str) -> str:
        value = median([e[name] for e in events])
        return "" if value is None else f"{value:.0f}"

    for name in blank_events[0]:
        rows.append(f"| {name} | {cell(blank_events, name)} | {cell(dashboard_events, name)} |")
    return rows


def label_runs(profile_dir: Path, actions: list[tuple[float, str]]) -> list[tuple[str, Path]]:
    """Each profiled run with the visitor's step it belongs to (the last step begun before it)."""
    labelled = []
    for meta_path in sorted(profile_dir.glob("*.json")):
        started = json.loads(meta_path.read_text())["started"]
        step = next((name for begun, name in reversed(actions) if begun <= started + 0.05), "before the visitors")
        labelled.append((step, meta_path.with_suffix(".pyisession")))
    return labelled


def own_time_lines(session, limit: int = 12) -> list[str]:
    """The functions that took the most time themselves in a run (pyinstrument's flat view)."""
    from pyinstrument.renderers import ConsoleRenderer

    text = ConsoleRenderer(unicode=True, color=False, flat=True, flat_time="self").render(session)
    lines = [line.rstrip() for line in text.splitlines() if line.strip() and line.lstrip()[0].isdigit()]
    return lines[:limit]


def server_section(runs: list[tuple[str, Path]]) -> list[str]:
    """Each step's script runs for the first visitor (caches filling) and the second (warm)."""
    from pyinstrument.session import Session

    sessions: dict[tuple[str, str], list] = {}
    for label, path in runs:
        visitor, _, step = label.partition(" | ")
        sessions.setdefault((step, visitor), []).append(Session.load(str(path)))

    def wall(step: str, visitor: str) -> str:
        found = sessions.get((step, visitor), [])
        return " + ".join(f"{s.duration * 1000:.0f} ({s.cpu_time * 1000:.0f}) ms" for s in found) or "(no run)"

    lines = [
        "Wall time of each script run (its thread's CPU time in brackets; the rest is waiting, for",
        "the GIL among other things), profiler's overhead included. bench/run.py's warm figures,",
        "taken without a profiler, are the ones to compare with the targets.",
        "",
        f"| visitor's step | {FIRST} | {SECOND} |",
        "|---|---:|---:|",
    ]
    for step in STEPS:
        lines.append(f"| {step} | {wall(step, FIRST)} | {wall(step, SECOND)} |")
    for step, visitor in ((STEPS[0], SECOND), (STEPS[1], FIRST), (STEPS[1], SECOND)):
        for session in sessions.get((step, visitor), [])[:1]:
            lines += [
                "",
                f"Own time, {step}, {visitor} ({session.duration * 1000:.0f} ms, sampled every 1 ms):",
                "",
                "```",
                *own_time_lines(session),
                "```",
            ]
    return lines


def check_complete(runs: list[tuple[str, Path]], dashboard: list[dict]) -> None:
    """Stop with a message rather than write a report with holes in it."""
    labels = {label for label, _ in runs}
    missing = [f"{v} | {s}" for v in (FIRST, SECOND) for s in STEPS if f"{v} | {s}" not in labels]
    if missing:
        raise SystemExit(f"no script run was profiled for: {'; '.join(missing)}")
    for timeline in dashboard:
        events = browser_events(timeline)
        absent = [
            name
            for name in ("message with the map (over 20 KB)", "boundaries received (in the frame)")
            if events[name] is None
        ]
        if absent:
            raise SystemExit(f"the dashboard's timeline lacks: {', '.join(absent)}")


def keep_profiles(runs: list[tuple[str, Path]], folder: Path) -> None:
    """Every run's pyinstrument session and its call tree as text, named by step, for a closer look."""
    from pyinstrument.renderers import ConsoleRenderer
    from pyinstrument.session import Session

    folder.mkdir(parents=True, exist_ok=True)
    for number, (label, path) in enumerate(runs, 1):
        name = f"{number:02d}-" + "".join(c if c.isalnum() else "-" for c in label.lower())[:90]
        session = Session.load(str(path))
        session.save(str(folder / f"{name}.pyisession"))
        tree = ConsoleRenderer(unicode=True, color=False, show_all=False).render(session)
        (folder / f"{name}.txt").write_text(f"{label}\n\n{tree}", encoding="utf-8")


async def profile(loads: int, keep: Path | None) -> list[str]:
    import subprocess

    from playwright.async_api import async_playwright

    from bench.run import OFFLINE_ARGS, assert_offline, cpu_counters, machine, stolen_since
    from testkit.browser import CHROMIUM, CHROMIUM_ARGS, free_port, streamlit_server, wait_healthy

    counters = cpu_counters()

    with tempfile.TemporaryDirectory() as folder, streamlit_server("bench/blank_app.py") as blank_url:
        profile_dir = Path(folder)
        port = free_port()
        # Its own module: the server must not import the app (ui) before Streamlit's runtime
        # exists, or streamlit-folium's component is declared outside it and its files answer 404.
        server = subprocess.Popen(
            [sys.executable, "-m", "bench.profiled_server", str(profile_dir), str(port)],
            cwd=PROJECT_DIR, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, timeout=60)
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(
                    executable_path=CHROMIUM, args=CHROMIUM_ARGS + OFFLINE_ARGS, headless=True
                )
                probe = await browser.new_page()
                await assert_offline(probe)
                await probe.close()
                await load_timeline(browser, blank_url, "content")  # warm-up
                await load_timeline(browser, url, "map")
                blank, dashboard = [], []
                for _ in range(loads):
                    blank.append(await load_timeline(browser, blank_url, "content"))
                    dashboard.append(await load_timeline(browser, url, "map"))
                cpu_blank, cpu_dashboard = [], []
                for _ in range(loads):
                    cpu_blank.append(await main_thread_profile(browser, blank_url, "content"))
                    cpu_dashboard.append(await main_thread_profile(browser, url, "map"))
                for path in profile_dir.iterdir():
                    path.unlink()  # the profiles of the visitors' paths only
                actions: list[tuple[float, str]] = []
                for visitor in (FIRST, SECOND):
                    await visit_every_page(browser, url, visitor, actions)
                await browser.close()
            time.sleep(1)  # the last run's profile is written after its page is shown
        finally:
            server.terminate()
            server.wait(timeout=20)
        runs = label_runs(profile_dir, actions)
        check_complete(runs, dashboard)
        if keep:
            keep_profiles(runs, keep)
        today = time.strftime("%Y-%m-%d")
        return [
            f"Profile {today}, {machine()}; server and browser on the same machine; CPU time taken by "
            f"the host for other machines during the run (steal): {stolen_since(counters):.0%}.",
            "",
            f"## The browser: one page load, median of {loads} fresh loads each (ms from navigation start)",
            "",
            *browser_table(blank, dashboard),
            "",
            "Where the page's main thread spent that time, from Chromium's sampling profiler (ms from",
            f"navigation start to the blank page's content or the 77 provinces drawn; medians of {loads}",
            "more loads each, profiled; file names are Streamlit's bundle chunks, or V8's own names):",
            "",
            *cpu_table(cpu_blank, cpu_dashboard),
            "",
            "## The server: every script run on a visitor's path (pyinstrument)",
            "",
            *server_section(runs),
        ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loads", type=int, default=5, help="fresh loads of each page for the browser timeline")
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "bench" / "breakdown.md")
    parser.add_argument("--keep", type=Path, help="also write every run's profile and call tree to this folder")
    args = parser.parse_args()
    report = "\n".join(asyncio.run(profile(args.loads, args.keep))) + "\n"
    args.out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
