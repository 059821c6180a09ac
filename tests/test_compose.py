"""deploy/compose.yaml, run for real with podman-compose: two dashboard replicas, nginx and the export.

The dashboard's image is the one tests/test_image.py checks; nginx is Debian's on the same base
(deploy/podman/nginx.Dockerfile), since nginx:1.27-alpine cannot be pulled here. podman's settings
come from deploy/podman/containers.conf. podman-compose missing is a failure: scripts/test.sh
installs it.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from bench.scale import Visitor
from deploy import container
from testkit.server import free_port, wait_healthy

PROJECT_DIR = Path(__file__).resolve().parent.parent


def compose(env: dict[str, str], project: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["podman-compose", "-f", "compose.yaml", "-p", project, *args],
        cwd=PROJECT_DIR / "deploy",
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def stack():
    assert shutil.which("podman-compose"), "podman-compose is not installed (apt-get install podman-compose)"
    problem = container.podman_missing()
    assert problem is None, problem
    container.build()
    container.build_nginx()
    port = free_port()
    project = f"scm{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "CONTAINERS_CONF": str(container.CONTAINERS_CONF),
        "SMARTCITY_IMAGE": container.TAG,
        "SMARTCITY_NGINX_IMAGE": container.NGINX_TAG,
        "SMARTCITY_PORT": str(port),
    }
    up = compose(env, project, "up", "-d")
    try:
        assert up.returncode == 0, up.stdout[-3000:] + up.stderr[-3000:]
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, timeout=90)
        yield url, project
    finally:
        compose(env, project, "down", "-v")
        subprocess.run([*container.PODMAN, "network", "rm", "--force", f"{project}_default"], capture_output=True)


def test_compose_starts_two_replicas_and_nginx_finds_both(stack):
    _, project = stack
    # The export container writes the static map and stops; on a loaded machine that can take
    # longer than the replicas take to answer their health check.
    subprocess.run([*container.PODMAN, "wait", f"{project}_export_1"], capture_output=True, timeout=300)
    states = subprocess.run(
        [*container.PODMAN, "ps", "--all", "--filter", f"label=io.podman.compose.project={project}",
         "--format", "{{.Names}} {{.Status}}"],
        check=True, capture_output=True, text=True,
    ).stdout.split("\n")  # fmt: skip
    states = sorted(" ".join(line.split()[:2]) for line in states if line)  # e.g. "..._nginx_1 Up"
    assert states == [
        f"{project}_dashboard_1 Up",
        f"{project}_dashboard_2 Up",
        f"{project}_export_1 Exited",  # it wrote the export and stopped (exit code 0: below)
        f"{project}_nginx_1 Up",
    ]
    code = subprocess.run(
        [*container.PODMAN, "inspect", "--format", "{{.State.ExitCode}}", f"{project}_export_1"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    assert code == "0"
    # The network's name server may answer a moment after the containers are up: ask again,
    # for at most a minute.
    for _ in range(30):
        lookup = subprocess.run(
            [*container.PODMAN, "exec", f"{project}_nginx_1", "getent", "ahosts", "dashboard"],
            capture_output=True, text=True,
        )  # fmt: skip
        if len({line.split()[0] for line in lookup.stdout.splitlines()}) == 2:
            break
        time.sleep(2)
    assert len({line.split()[0] for line in lookup.stdout.splitlines()}) == 2, lookup.stderr


def test_sessions_through_compose_nginx_get_their_map_and_keep_their_cookie(stack):
    url, _ = stack
    with urllib.request.urlopen(url + "/", timeout=10) as response:
        cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("scm_replica=") and cookie.endswith("; Path=/; HttpOnly; SameSite=Lax")
    visitors = [Visitor(url) for _ in range(4)]

    async def visit_all():
        await asyncio.gather(*(v.visit(time.monotonic() + 8, think=0.5) for v in visitors))

    asyncio.run(visit_all())
    assert [v.errors for v in visitors] == [0] * 4, [v.error_messages for v in visitors]
    assert [(v.time_to_map is not None, v.maps == v.runs, v.runs >= 2) for v in visitors] == [(True, True, True)] * 4


def test_compose_serves_the_export_with_caching_headers(stack):
    url, _ = stack
    with urllib.request.urlopen(url + "/export/", timeout=10) as response:
        body = response.read()
        assert response.headers["Cache-Control"] == "public, max-age=300, stale-while-revalidate=86400"
        assert response.headers["ETag"]
    assert b"Thailand Smart City Map" in body and len(body) > 300_000
