"""Replicas behind nginx on loopback, with no containers: the same topology as compose.yaml.

    .venv/bin/python -m deploy.topology --replicas 2 --port 8080   # until Ctrl-C
    .venv/bin/python -m deploy.topology --render-compose            # rewrite deploy/nginx-compose.conf

Starts N ``streamlit run dashboard.py`` replicas on free loopback ports and Debian's nginx in
front of them on ``--port``, with cookie affinity, websocket upgrade and day-long timeouts (see
nginx.conf.template); /export/ serves the static export, written first with
``python -m smartcity export``. Everything lives in a temporary folder; nothing is installed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from smartcity.output.iconfont import SUBSET_URL, streamlit_font_url
from smartcity.output.mapassets import preload_links
from testkit.server import free_port, wait_healthy

PROJECT_DIR = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
COMPOSE_CONF = Path(__file__).resolve().parent / "nginx-compose.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = "/etc/nginx/mime.types"


def render(
    servers: list[str],
    listen: str,
    export_dir: str,
    run_dir: str,
    mime_types: str,
    extra_headers: str = "",
    logs: tuple[str, str] | None = None,
    embed_origins: str | None = None,
    preload: bool = True,
) -> str:
    """The nginx configuration for ``servers`` (host:port of each replica).

    ``logs`` is (error log, access log); default: files in ``run_dir``. ``embed_origins``: the
    sites allowed to frame the dashboard and the export (CSP frame-ancestors; default
    $SMARTCITY_EMBED_ORIGINS, else any: "*"). ``preload``: the map pages' first response names
    the map's files (another app behind the same proxy, as the benchmark's, gets no such header).
    """
    error_log, access_log = logs or (f"{run_dir}/error.log", f"{run_dir}/access.log")
    upstreams = "\n".join(f"        server {server} max_fails=1 fail_timeout=10s;" for server in servers)
    replacements = {
        "__UPSTREAM_SERVERS__": upstreams,
        "__LISTEN__": listen,
        "__EXPORT_DIR__": export_dir,
        "__PID_FILE__": f"{run_dir}/nginx.pid",
        "__ERROR_LOG__": error_log,
        "__ACCESS_LOG__": access_log,
        "__TEMP_DIR__": run_dir,
        "__MIME_TYPES__": mime_types,
        "__EXTRA_HEADERS__": extra_headers,
        "__EMBED_ORIGINS__": embed_origins or embed_origins_from_environment(),
        "__PRELOAD_LINKS__": ", ".join(preload_links()) if preload else "",
        "__ICON_FONT_URL__": streamlit_font_url(),
        "__ICON_SUBSET_URL__": SUBSET_URL,
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in replacements.items():
        text = text.replace(key, value)
    return text


def embed_origins_from_environment() -> str:
    """``SMARTCITY_EMBED_ORIGINS`` (space-separated origins, e.g. "https://news.example"), else "*"."""
    return os.environ.get("SMARTCITY_EMBED_ORIGINS", "").strip() or "*"


def compose_config() -> str:
    """The configuration the nginx container uses: replicas found by the compose service name."""
    return (
        render(
            ["dashboard:8501"],
            "8080",
            "/srv/export",
            "/tmp",
            "/etc/nginx/mime.types",
        )
        .replace(
            "pid /tmp/nginx.pid;", "pid /tmp/nginx.pid;\n# Replicas: every address of 'dashboard' (compose --scale)."
        )
        .replace("/tmp/error.log", "/dev/stderr")
        .replace("/tmp/access.log", "/dev/stdout")
    )


@dataclass
class Topology:
    """A running set of replicas and the nginx in front of them."""

    url: str
    replicas: dict[str, subprocess.Popen] = field(default_factory=dict)  # "127.0.0.1:port" -> process
    nginx: subprocess.Popen | None = None
    run_dir: Path | None = None

    def logs(self) -> str:
        """Everything the replicas wrote (tracebacks included)."""
        return "".join(
            p.read_text(encoding="utf-8", errors="replace") for p in sorted(self.run_dir.glob("replica-*.log"))
        )

    def kill_replica(self, address: str) -> None:
        """Stop one replica at once, as a crash would."""
        process = self.replicas[address]
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)


def start_replica(port: int, env: dict[str, str], log: Path, script: str = "dashboard.py") -> subprocess.Popen:
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
    ]  # fmt: skip
    with log.open("wb") as output:  # the replica's log (and any traceback) stays in the run folder
        return subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=output, stderr=subprocess.STDOUT)


def export_site(export_dir: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "smartcity", "export", str(export_dir)],
        cwd=PROJECT_DIR,
        check=True,
        stdout=subprocess.DEVNULL,
    )


@contextlib.contextmanager
def topology(
    replicas: int = 2,
    port: int | None = None,
    diagnostics: bool = True,
    script: str = "dashboard.py",
    env: dict[str, str] | None = None,
    host: str = "127.0.0.1",
    on_replica: Callable[[int, subprocess.Popen], None] | None = None,
) -> Iterator[Topology]:
    """Start ``replicas`` Streamlit replicas of ``script`` on loopback and nginx in front of them on
    ``host`` (0.0.0.0: every interface, for phones on the room's network); stop everything on exit.

    With ``diagnostics`` nginx adds an X-Replica header naming the replica that answered, so
    tests can tell where each session went. ``on_replica(index, process)`` is called as each
    replica starts, before it serves (the scale test puts it in its CPU budget there).
    """
    if not Path(NGINX).exists():
        raise FileNotFoundError("nginx is not installed (apt-get install nginx); scripts/test.sh installs it")
    run_dir = Path(tempfile.mkdtemp(prefix="scm-topology-"))
    run_dir.chmod(0o755)  # nginx workers (nobody, when started as root) read the export here
    port = port or free_port()
    result = Topology(url=f"http://127.0.0.1:{port}", run_dir=run_dir)
    env = {**os.environ, "SMARTCITY_PUBLIC_URL": os.environ.get("SMARTCITY_PUBLIC_URL", result.url), **(env or {})}
    try:
        export_site(run_dir / "export")
        for index in range(replicas):
            replica_port = free_port()
            log = run_dir / f"replica-{replica_port}.log"
            result.replicas[f"127.0.0.1:{replica_port}"] = process = start_replica(replica_port, env, log, script)
            if on_replica is not None:
                on_replica(index, process)
        for address in result.replicas:
            wait_healthy(f"http://{address}")
        extra = "            add_header X-Replica $upstream_addr;" if diagnostics else ""
        config = render(
            list(result.replicas),
            f"{host}:{port}",
            str(run_dir / "export"),
            str(run_dir),
            MIME_TYPES,
            extra,
            preload=script == "dashboard.py",
        )
        (run_dir / "nginx.conf").write_text(config, encoding="utf-8")
        result.nginx = subprocess.Popen(
            [NGINX, "-p", str(run_dir), "-c", str(run_dir / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        wait_healthy(result.url, timeout=30)
        yield result
    finally:
        for process in [result.nginx, *result.replicas.values()]:
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(run_dir, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--script", default="dashboard.py", help="the app each replica runs")
    parser.add_argument("--host", default="127.0.0.1", help="where nginx listens (0.0.0.0: every interface)")
    parser.add_argument("--render-compose", action="store_true", help=f"write {COMPOSE_CONF.name} and exit")
    args = parser.parse_args()
    if args.render_compose:
        COMPOSE_CONF.write_text(compose_config(), encoding="utf-8")
        print(f"wrote {COMPOSE_CONF}")
        return 0
    # A container's or a service manager's stop is SIGTERM: stop nginx and the replicas with us.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with topology(args.replicas, args.port, diagnostics=False, script=args.script, host=args.host) as running:
        print(f"{args.replicas} replicas behind nginx at {running.url} (export at {running.url}/export/); Ctrl-C stops")
        with contextlib.suppress(KeyboardInterrupt):
            while all(p.poll() is None for p in [running.nginx, *running.replicas.values()]):
                time.sleep(1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
