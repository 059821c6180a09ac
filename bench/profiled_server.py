"""The profiled server of bench/breakdown.py: `streamlit run dashboard.py` with each script run
profiled by pyinstrument, its profile and page written to OUT_DIR.

    python -m bench.profiled_server OUT_DIR PORT

It imports nothing of the app: declared before Streamlit's runtime exists, streamlit-folium's
component would be unknown to the server and its files would answer 404.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def serve_profiled(out_dir: Path, port: int) -> None:
    """Run `streamlit run dashboard.py` with each ScriptRunner._run_script call profiled."""
    from pyinstrument import Profiler
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.web import cli

    run_script = script_runner.ScriptRunner._run_script
    counter = iter(range(1, 1_000_000))

    def profiled(self, rerun_data):
        number = next(counter)
        profiler = Profiler(interval=0.001, async_mode="disabled")
        started = time.time()
        profiler.start()
        try:
            return run_script(self, rerun_data)
        finally:
            profiler.stop()
            profiler.last_session.save(out_dir / f"{number:04d}.pyisession")
            meta = {"started": started, "page": rerun_data.page_name, "query": rerun_data.query_string}
            (out_dir / f"{number:04d}.json").write_text(json.dumps(meta))

    script_runner.ScriptRunner._run_script = profiled
    sys.argv = ["streamlit", "run", str(PROJECT_DIR / "dashboard.py"), "--server.port", str(port),
                "--server.address", "127.0.0.1", "--server.headless", "true"]  # fmt: skip
    sys.exit(cli.main())


if __name__ == "__main__":
    serve_profiled(Path(sys.argv[1]), int(sys.argv[2]))
