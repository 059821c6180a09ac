"""Soak test of the presenter view: hundreds of auto-advances, and the server's memory over them.

    .venv/bin/python bench/soak.py                   # 500 advances at 0.5 s; exit 1 if memory grew > 10%

Opens /?present=1&interval=0.5 in headless Chromium (network off 127.0.0.1 blocked), counts
the caption changes, and reads the server's resident memory after the first 50 advances and at
the end. Writes bench/soak.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT_DIR / "tests"), str(PROJECT_DIR), str(PROJECT_DIR / "bench")]

from browser import chromium, map_frame, offline_page, streamlit_server  # noqa: E402
from run import server_rss_mb  # noqa: E402

WARM_ADVANCES = 50
LIMIT = 1.10


def soak(advances: int, interval: float) -> tuple[float, float, int, float]:
    with streamlit_server(with_process=True) as (url, process), chromium() as browser:
        page, blocked = offline_page(browser, width=1920, height=1080)
        page.goto(f"{url}/?present=1&interval={interval}")
        map_frame(page).wait_for_selector("path[data-code]", timeout=60_000)
        seen, last, warm_rss = 0, "", None
        started = time.monotonic()
        deadline = started + advances * interval * 6 + 120
        while seen < advances and time.monotonic() < deadline:
            caption = page.locator(".scm-present-caption").last.inner_text()
            if caption != last:
                seen += 1 if last else 0
                last = caption
                if seen == WARM_ADVANCES:
                    warm_rss = server_rss_mb(process.pid)
            page.wait_for_timeout(interval * 250)
        end_rss = server_rss_mb(process.pid)
        if blocked.urls:
            raise SystemExit(f"requests off this machine were attempted: {blocked.urls[:3]}")
        return warm_rss or float("nan"), end_rss, seen, time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--advances", type=int, default=500)
    parser.add_argument("--interval", type=float, default=0.5)
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "bench" / "soak.md")
    args = parser.parse_args()
    warm, end, seen, seconds = soak(args.advances, args.interval)
    ratio = end / warm
    ok = seen >= args.advances and ratio <= LIMIT
    text = (
        f"Soak {dt.date.today().isoformat()}: presenter view, interval {args.interval} s, {seen} advances in "
        f"{seconds:.0f} s; server memory {warm:.1f} MB after {WARM_ADVANCES} advances, {end:.1f} MB at the end "
        f"({(ratio - 1) * 100:+.1f}%; limit +{(LIMIT - 1) * 100:.0f}%): {'pass' if ok else 'FAIL'}\n"
    )
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
