"""Headless Chromium (Debian's package, installed by scripts/run.sh with the Thai fonts), which
shapes Thai text: it renders the slide's PNG and prints the brief's PDF. The tests and the
benchmarks drive the same browser."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

CHROMIUM = os.environ.get("SMARTCITY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking")


@contextlib.contextmanager
def offline_page(**options) -> Iterator:
    """A page of a new headless Chromium (``options`` as for ``new_page``) that fetches nothing."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_page(**options)
            page.route("**/*", lambda route: route.abort())  # nothing is fetched
            yield page
        finally:
            browser.close()
