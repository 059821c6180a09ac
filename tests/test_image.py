"""The image, built with podman and run as a container, as a cluster runs it.

Built by deploy/image.sh (the base from Debian's packages, cached on this machine; podman's layer
cache makes a re-build with unchanged requirements take seconds) and run by deploy/container.py:
non-root, read-only root filesystem, on loopback. podman missing is a failure, not a skip:
scripts/test.sh installs it.
"""

from __future__ import annotations

import asyncio
import time
import urllib.request

import pytest

from bench.scale import Visitor
from deploy import container
from testkit.browser import chromium, map_frame, offline_page, provinces_drawn


@pytest.fixture(scope="module")
def image():
    problem = container.podman_missing()
    assert problem is None, problem
    seconds = container.build()
    size = container.image_size()
    print(f"\nimage {container.TAG}: built in {seconds:.0f} s, {size / 1e6:.0f} MB")
    return container.TAG


@pytest.fixture(scope="module")
def dashboard(image):
    with container.running(image) as running:
        yield running


def test_the_container_answers_its_health_check(dashboard):
    check = dashboard.health_check()
    assert check.returncode == 0, check.stdout + check.stderr
    assert "unhealthy" not in check.stdout
    with urllib.request.urlopen(dashboard.url + "/_stcore/health", timeout=10) as response:
        assert response.status == 200 and response.read() == b"ok"


def test_the_container_runs_as_its_user_on_a_read_only_root(dashboard):
    assert dashboard.exec("id", "-u").stdout.strip() == "10001"
    settings = dashboard.inspect()
    assert settings["HostConfig"]["ReadonlyRootfs"] is True
    assert settings["Config"]["User"] == "smartcity"
    for path in ("/app/data/certified_areas.csv", "/app/geo/provinces.geojson", "/app/dashboard.py"):
        as_user = dashboard.exec("sh", "-c", f"echo x >> {path}")
        assert as_user.returncode == 2 and as_user.stderr == f"sh: 1: cannot create {path}: Permission denied\n"
        # Not even root in the container may change them: the root filesystem is read-only.
        as_root = dashboard.exec("--user", "root", "sh", "-c", f"echo x >> {path}")
        assert as_root.returncode == 2 and as_root.stderr == f"sh: 1: cannot create {path}: Read-only file system\n"
    assert dashboard.exec("touch", "/home/smartcity/profile", "/tmp/scratch").returncode == 0
    # Even on a writable root the app's files are root's and not the user's to change.
    owners = dashboard.exec("stat", "-c", "%U %a", "/app/data", "/app/geo", "/app/data/certified_areas.csv").stdout
    assert owners.split("\n")[:3] == ["root 755", "root 755", "root 644"]


def test_the_container_serves_the_dashboard_and_a_session_gets_its_map(dashboard):
    with urllib.request.urlopen(dashboard.url + "/", timeout=10) as response:
        assert response.status == 200 and b'<div id="root">' in response.read()
    visitor = Visitor(dashboard.url)
    asyncio.run(visitor.visit(time.monotonic() + 3, think=0.5))
    assert visitor.errors == 0, visitor.error_messages
    assert visitor.time_to_map is not None and visitor.maps == visitor.runs >= 2


@pytest.mark.browser
def test_a_browser_draws_the_map_from_the_container_offline(dashboard):
    with chromium() as browser:
        page, blocked = offline_page(browser)
        page.goto(dashboard.url + "/?lang=en")
        frame = map_frame(page, timeout=60_000)
        frame.wait_for_function(
            "document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive').length >= 77", timeout=30_000
        )
        assert provinces_drawn(frame) == 77
        assert blocked.urls == []
        page.context.close()
