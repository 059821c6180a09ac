"""Serving at scale: the container files, and replicas behind Debian's nginx on loopback."""

from __future__ import annotations

import asyncio
import time
import urllib.request
from pathlib import Path

import pytest

from bench.scale import Visitor, warm
from deploy.topology import COMPOSE_CONF, compose_config, render, topology
from testkit.browser import chromium, map_frame, offline_page, provinces_drawn

PROJECT_DIR = Path(__file__).resolve().parent.parent

DOCKERFILE = (PROJECT_DIR / "deploy" / "Dockerfile").read_text(encoding="utf-8")


def test_the_compose_nginx_config_is_rendered_from_the_template():
    assert COMPOSE_CONF.read_text(encoding="utf-8") == compose_config()
    for line in (
        "hash $scm_affinity consistent;",
        "proxy_set_header Upgrade $http_upgrade;",
        "proxy_read_timeout 24h;",
        "server dashboard:8501",
        'add_header Cache-Control "public, max-age=300, stale-while-revalidate=86400" always;',
    ):
        assert line in compose_config()


def test_the_image_is_slim_non_root_health_checked_and_offline():
    # The usual slim Python by default; a local Debian base where no registry can be reached.
    assert DOCKERFILE.startswith("#") and "ARG BASE=python:3.11-slim-bookworm\nFROM ${BASE}\n" in DOCKERFILE
    assert "USER smartcity" in DOCKERFILE
    assert "HEALTHCHECK" in DOCKERFILE and "/_stcore/health" in DOCKERFILE
    assert "requirements.txt" in DOCKERFILE and "requirements-dev" not in DOCKERFILE
    for kept_out in ("COPY tests", "COPY bench", "COPY . "):
        assert kept_out not in DOCKERFILE


def test_the_image_holds_every_file_the_app_runs_from_the_top_level():
    copied = {word for line in DOCKERFILE.splitlines() if line.startswith("COPY") for word in line.split()}
    needed = {path.name for pattern in ("*.py", "*.js") for path in PROJECT_DIR.glob(pattern)}
    assert needed == {"dashboard.py"}
    assert needed <= copied
    for package in ("ui/", "smartcity/", "pages/", "static/"):
        assert package in copied


def get(url: str, cookie: str | None = None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers, response.read()


@pytest.fixture(scope="module")
def two_replicas():
    with topology(2) as running:
        asyncio.run(warm(running.replicas))  # each replica builds its caches once, as in service
        yield running


def test_nginx_spreads_new_visitors_and_keeps_each_on_its_replica(two_replicas):
    first_replicas = set()
    for _ in range(12):
        _, headers, _ = get(two_replicas.url + "/")
        cookie = headers["Set-Cookie"].split(";")[0]
        replica = headers["X-Replica"]
        first_replicas.add(replica)
        for _ in range(3):  # later requests with the cookie stay put
            _, again, _ = get(two_replicas.url + "/", cookie)
            assert again["X-Replica"] == replica and again.get("Set-Cookie") is None
    assert first_replicas == set(two_replicas.replicas)


def test_a_session_through_nginx_gets_its_map_and_changes_filters(two_replicas):
    visitor = Visitor(two_replicas.url)
    asyncio.run(visitor.visit(time.monotonic() + 5, think=0.5))
    assert visitor.errors == 0, visitor.error_messages
    # One run opens the page (the map with its view, and the rest); the others change the round.
    assert visitor.round_widget_id is not None
    assert visitor.time_to_map is not None and visitor.runs >= 4 and visitor.maps == visitor.runs


def test_the_static_export_is_served_with_caching_headers(two_replicas):
    status, headers, body = get(two_replicas.url + "/export/")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=300, stale-while-revalidate=86400"
    assert headers["ETag"]
    assert b"Thailand Smart City Map" in body and len(body) > 300_000


@pytest.mark.browser
def test_a_browser_through_nginx_draws_the_map_offline(two_replicas):
    with chromium() as browser:
        page, blocked = offline_page(browser)
        page.goto(two_replicas.url + "/?lang=en")
        frame = map_frame(page)
        frame.wait_for_function(
            "document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive').length >= 77", timeout=30_000
        )
        assert provinces_drawn(frame) == 77
        assert blocked.urls == []
        page.context.close()


def test_after_a_replica_dies_new_visitors_go_to_the_live_one(two_replicas):
    # Last in this module: it kills a replica of the shared topology.
    victim, survivor = sorted(two_replicas.replicas)
    two_replicas.kill_replica(victim)
    visitors = [Visitor(two_replicas.url) for _ in range(6)]

    async def visit_all():
        await asyncio.gather(*(v.visit(time.monotonic(), 0) for v in visitors))

    asyncio.run(visit_all())
    assert [v.errors for v in visitors] == [0] * 6
    assert {v.replicas[0] for v in visitors} == {survivor}
    assert all(v.time_to_map is not None for v in visitors)
    status, _, _ = get(two_replicas.url + "/_stcore/health")
    assert status == 200


def test_the_embedding_origins_are_a_setting_in_nginxs_frame_ancestors(monkeypatch):
    args = (["127.0.0.1:1"], "8080", "/srv/export", "/tmp", "/etc/nginx/mime.types")
    monkeypatch.delenv("SMARTCITY_EMBED_ORIGINS", raising=False)
    assert render(*args).count('add_header Content-Security-Policy "frame-ancestors *" always;') == 2
    monkeypatch.setenv("SMARTCITY_EMBED_ORIGINS", "https://news.example https://www.news.example")
    expected = (
        'add_header Content-Security-Policy "frame-ancestors https://news.example https://www.news.example" always;'
    )
    assert render(*args).count(expected) == 2
