"""Soak test of the presenter view: hundreds of auto-advances, and the server's and the page's
memory over them.

    .venv/bin/python -m bench.soak                   # 500 advances at 0.5 s; exit 1 if memory grew > 10%

Opens /?present=1&interval=0.5 in headless Chromium (network off 127.0.0.1 blocked), counts
the caption changes, and reads the server's resident memory and the page's JavaScript heap
(after a forced garbage collection, through Chromium's DevTools protocol; the map's frame is
same-origin, so it shares the page's heap) after the first 50 advances and at the end. Each
advance hands streamlit-folium a new view layer, and streamlit-folium keeps every one it was
given (its issue #247) unless the view trims the list. Writes bench/soak.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from bench.run import server_rss_mb
from testkit.browser import chromium, map_frame, offline_page, streamlit_server

PROJECT_DIR = Path(__file__).resolve().parent.parent

WARM_ADVANCES = 50
LIMIT = 1.10


def js_heap_mb(cdp) -> float:
    """The page's JavaScript heap in use, after a full garbage collection."""
    cdp.send("HeapProfiler.collectGarbage")
    return cdp.send("Runtime.getHeapUsage")["usedSize"] / 1e6


def soak(advances: int, interval: float) -> dict[str, float]:
    with streamlit_server(with_process=True) as (url, process), chromium() as browser:
        page, blocked = offline_page(browser, width=1920, height=1080)
        cdp = page.context.new_cdp_session(page)
        page.goto(f"{url}/?present=1&interval={interval}")
        frame = map_frame(page, timeout=60_000)
        seen, last, warm_rss, warm_heap = 0, "", None, None
        started = time.monotonic()
        deadline = started + advances * interval * 6 + 120
        while seen < advances and time.monotonic() < deadline:
            caption = page.locator(".scm-present-caption").last.inner_text()
            if caption != last:
                seen += 1 if last else 0
                last = caption
                if seen == WARM_ADVANCES:
                    warm_rss, warm_heap = server_rss_mb(process.pid), js_heap_mb(cdp)
            page.wait_for_timeout(interval * 250)
        end_rss, end_heap = server_rss_mb(process.pid), js_heap_mb(cdp)
        groups = frame.evaluate("() => (window.feature_group || []).length")
        if blocked.urls:
            raise SystemExit(f"requests off this machine were attempted: {blocked.urls[:3]}")
        return {
            "warm_rss": warm_rss or float("nan"),
            "end_rss": end_rss,
            "warm_heap": warm_heap or float("nan"),
            "end_heap": end_heap,
            "groups": groups,
            "seen": seen,
            "seconds": time.monotonic() - started,
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--advances", type=int, default=500)
    parser.add_argument("--interval", type=float, default=0.5)
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "bench" / "soak.md")
    args = parser.parse_args()
    r = soak(args.advances, args.interval)
    rss, heap = r["end_rss"] / r["warm_rss"], r["end_heap"] / r["warm_heap"]
    ok = r["seen"] >= args.advances and rss <= LIMIT and heap <= LIMIT
    text = (
        f"Soak {dt.date.today().isoformat()}: presenter view, interval {args.interval} s, {r['seen']} advances in "
        f"{r['seconds']:.0f} s; server memory {r['warm_rss']:.1f} MB after {WARM_ADVANCES} advances, "
        f"{r['end_rss']:.1f} MB at the end ({(rss - 1) * 100:+.1f}%); the page's JS heap {r['warm_heap']:.1f} MB "
        f"after {WARM_ADVANCES}, {r['end_heap']:.1f} MB at the end ({(heap - 1) * 100:+.1f}%); view layers kept "
        f"by streamlit-folium at the end: {r['groups']} (limit +{(LIMIT - 1) * 100:.0f}% each): "
        f"{'pass' if ok else 'FAIL'}\n"
    )
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
