"""Headless Debian Chromium through Playwright, with every request off this machine blocked.

Used by the browser tests and by bench/. Chromium is started with the flags that keep it from
reaching out on its own (background networking, component updates, sync).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Browser, Page, Route, sync_playwright

from smartcity.chromium import CHROMIUM
from testkit.server import free_port, wait_healthy

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    # Many pages at once (the benchmark's concurrent sessions) must not be throttled as background tabs.
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
PROJECT_DIR = Path(__file__).resolve().parent.parent
ARTIFACTS = PROJECT_DIR / "artifacts" / "screenshots"


@dataclass
class Blocked:
    """Requests the browser tried to make off this machine (all were refused)."""

    urls: list[str] = field(default_factory=list)

    def route(self, route: Route) -> None:
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            self.urls.append(route.request.url)
            route.abort("blockedbyclient")


@contextlib.contextmanager
def streamlit_server(
    script: str = "dashboard.py", env: dict[str, str] | None = None, with_process: bool = False
) -> Iterator:
    """Start ``streamlit run script`` on a free loopback port; yield its base URL (and process)."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
    ]  # fmt: skip
    with serving(command, port, env) as (base_url, process):
        yield (base_url, process) if with_process else base_url


@contextlib.contextmanager
def serving(
    command: list[str],
    port: int,
    env: dict[str, str] | None = None,
    start_timeout: float = 60,
    stop_timeout: float = 10,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run ``command`` (a server that will listen on ``port``) from the project folder; yield its
    base URL and process once its health endpoint answers; stop it afterwards."""
    process = subprocess.Popen(
        command,
        cwd=PROJECT_DIR,
        env={**os.environ, **(env or {})},
        # Not piped: nobody reads them, and a full pipe would stop the server mid-test.
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base_url, timeout=start_timeout)
        yield base_url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=stop_timeout)
        except subprocess.TimeoutExpired:
            process.kill()


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def offline_page(browser: Browser, width: int = 1400, height: int = 1000, **options) -> tuple[Page, Blocked]:
    """A new page whose requests off 127.0.0.1 are refused and recorded."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="th-TH", **options)
    blocked = Blocked()
    context.route("**/*", blocked.route)
    return context.new_page(), blocked


def file_page(browser: Browser, width: int = 1400, height: int = 1000) -> tuple[Page, list[str], list[str]]:
    """A page for a file:// document (the USB export) with every other request refused.

    Returns the page, the URLs it tried to fetch, and its script errors. ``bypass_csp`` lets the
    tests' probes run; the page's own scripts are inline and need no exception.
    """
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    attempted: list[str] = []
    errors: list[str] = []

    def route(r: Route) -> None:
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            attempted.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    return page, attempted, errors


MAP_IFRAME = "iframe[title='streamlit_folium.st_folium']"


def map_frame(page: Page, timeout: float = 30_000):
    """The frame streamlit-folium draws the map in, once its provinces are there."""
    frame = page.wait_for_selector(MAP_IFRAME, timeout=timeout).content_frame()
    frame.wait_for_selector("path[data-code]", state="attached", timeout=timeout)
    return frame


def provinces_drawn(frame) -> int:
    """How many province shapes Leaflet has drawn (SVG paths in the overlay pane)."""
    return frame.locator(".leaflet-overlay-pane path.leaflet-interactive").count()


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
