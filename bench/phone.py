"""A visit on a phone's network, as Lighthouse's mobile profile throttles it, in headless Chromium.

390x844 with touch, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, the CPU slowed 2x, all
through Chromium's DevTools protocol (``Network.emulateNetworkConditions``,
``Emulation.setCPUThrottlingRate``), so every request of the page and of its frames, the
websocket included, pays the network a phone has. Used by bench/run.py; on its own it prints one
visit's waterfall (what was fetched, when, how many bytes on the wire):

    .venv/bin/python -m bench.phone URL [--mark map|content]
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass, field

PHONE_VIEWPORT = {"width": 390, "height": 844}
PHONE_OPTIONS = {"device_scale_factor": 3, "is_mobile": True, "has_touch": True}
ROUND_TRIP_MS = 150
DOWN_BITS, UP_BITS = 1_600_000, 750_000
CPU_SLOWDOWN = 2
PROFILE = (
    f"{PHONE_VIEWPORT['width']}x{PHONE_VIEWPORT['height']} touch, {ROUND_TRIP_MS} ms round trip, "
    f"{DOWN_BITS / 1e6:.1f} Mbit/s down, {UP_BITS / 1e3:.0f} kbit/s up, CPU {CPU_SLOWDOWN}x slower"
)


@dataclass
class Visit:
    """One visit: seconds to its mark, bytes received over HTTP (as sent: compressed where it
    was) and over the websocket (as the page received them), and each request's story.
    ``bytes_at_mark``: HTTP bytes received by the time the mark was reached; ``http_bytes``: by
    the time the page had settled (no request open for a second)."""

    seconds: float = 0.0
    http_bytes: int = 0
    bytes_at_mark: int = 0
    websocket_bytes: int = 0
    requests: dict[str, dict] = field(default_factory=dict)

    def open_requests(self) -> int:
        return sum(1 for r in self.requests.values() if "end" not in r and not r.get("socket"))

    def waterfall(self) -> list[str]:
        # An event can come for a request whose start was not seen (a socket, a served-from-cache
        # entry): it sorts first, at the origin.
        rows = sorted(self.requests.values(), key=lambda r: r.get("start", 0))
        origin = min((r["start"] for r in rows if "start" in r), default=0)
        return [
            f"{(r.get('start', origin) - origin) * 1000:7.0f} "
            f"{(r.get('end', r.get('start', origin)) - origin) * 1000:7.0f} ms"
            f" {r.get('bytes', 0) / 1024:7.1f} KiB {'(cache)' if r.get('cached') else '       '} {r['url'][:110]}"
            for r in rows
        ]


async def throttle(context, page) -> object:
    """Put ``page`` on the phone's network and CPU; return the DevTools session that does it."""
    cdp = await context.new_cdp_session(page)
    await cdp.send("Network.enable")
    await cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": ROUND_TRIP_MS,
            "downloadThroughput": DOWN_BITS / 8,
            "uploadThroughput": UP_BITS / 8,
        },
    )
    await cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return cdp


def record(cdp, visit: Visit) -> None:
    """Count what the page receives, from the DevTools protocol's own network events."""

    def sent(event):
        visit.requests[event["requestId"]] = {"url": event["request"]["url"], "start": event["timestamp"]}

    def failed(event):
        entry = visit.requests.setdefault(event["requestId"], {"url": "?"})
        entry["end"] = event["timestamp"]

    def cached(event):
        visit.requests.setdefault(event["requestId"], {"url": "?"})["cached"] = True

    def finished(event):
        entry = visit.requests.setdefault(event["requestId"], {"url": "?"})
        entry["end"], entry["bytes"] = event["timestamp"], event["encodedDataLength"]
        visit.http_bytes += event["encodedDataLength"]

    def frame(event):
        visit.websocket_bytes += len(event["response"]["payloadData"])

    def socket(event):
        visit.requests.setdefault(event["requestId"], {"url": event["url"]})["socket"] = True

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.requestServedFromCache", cached)
    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.loadingFailed", failed)
    cdp.on("Network.webSocketFrameReceived", frame)
    cdp.on("Network.webSocketCreated", socket)


async def phone_context(browser, init_script: str):
    context = await browser.new_context(viewport=PHONE_VIEWPORT, **PHONE_OPTIONS)
    await context.add_init_script(init_script)
    return context


async def phone_visit(context, url: str, mark, timeout: float = 180_000, throttled: bool = True) -> Visit:
    """Open ``url`` in a new page of ``context`` on the phone's network (``throttled``; else as
    the machine serves it); ``mark(page)`` returns the seconds from navigation start to what
    counts as arrived. A second visit in the same context finds the first one's HTTP cache."""
    page = await context.new_page()
    if throttled:
        cdp = await throttle(context, page)
    else:
        cdp = await context.new_cdp_session(page)
        await cdp.send("Network.enable")
    visit = Visit()
    record(cdp, visit)
    await page.goto(url, wait_until="commit", timeout=timeout)
    visit.seconds = await mark(page)
    visit.bytes_at_mark = visit.http_bytes
    await settle(page, visit)
    await page.close()
    return visit


async def settle(page, visit: Visit, quiet_ms: int = 1000, limit_ms: int = 20_000) -> None:
    """Wait until no request has been open for ``quiet_ms`` (at most ``limit_ms``)."""
    quiet = waited = 0
    while quiet < quiet_ms and waited < limit_ms:
        await page.wait_for_timeout(100)
        waited += 100
        quiet = quiet + 100 if visit.open_requests() == 0 else 0


def main() -> None:
    from playwright.async_api import async_playwright

    from bench.run import MARKS, OFFLINE_ARGS, page_mark
    from testkit.browser import CHROMIUM, CHROMIUM_ARGS

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("--mark", default="map", choices=["map", "content"])
    parser.add_argument("--visits", type=int, default=1, help="visits in one context (the later ones warm)")
    args = parser.parse_args()

    async def run() -> None:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS + OFFLINE_ARGS, headless=True
            )
            context = await phone_context(browser, MARKS)
            for number in range(args.visits):
                visit = await phone_visit(context, args.url, lambda page: page_mark(page, args.mark, 180_000))
                print(f"visit {number + 1}: {PROFILE}")
                print("\n".join(visit.waterfall()))
                print(
                    f"=> {visit.seconds:.2f} s to {args.mark}, {visit.bytes_at_mark / 1024:.0f} KiB over HTTP by then; "
                    f"{visit.http_bytes / 1024:.0f} KiB once settled, "
                    f"{visit.websocket_bytes / 1024:.0f} KiB over the websocket"
                )
            await browser.close()

    asyncio.run(run())


if __name__ == "__main__":
    main()
