"""The Kubernetes manifests (deploy/k8s/): valid against Kubernetes' own schemas, offline, and in
step with the Dockerfile, the compose file, the nginx template and the scale test's CPU budget."""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from bench import scale
from deploy import container
from deploy.topology import NGINX, compose_config, export_site, render
from testkit.server import free_port

PROJECT_DIR = Path(__file__).resolve().parent.parent
K8S = PROJECT_DIR / "deploy" / "k8s"
KUBERNETES_VERSION = "1.37"  # the newest the schemas of kubernetes-validate (requirements-dev.txt) cover
DOCKERFILE = (PROJECT_DIR / "deploy" / "Dockerfile").read_text(encoding="utf-8")
COMPOSE = yaml.safe_load((PROJECT_DIR / "deploy" / "compose.yaml").read_text(encoding="utf-8"))
TEMPLATE = (PROJECT_DIR / "deploy" / "nginx.conf.template").read_text(encoding="utf-8")


def compose_default(value: str) -> str:
    """What compose uses when the variable is unset: "${NAME:-default}" -> "default"."""
    found = re.fullmatch(r"\$\{\w+:-(.+)\}", value)
    return found.group(1) if found else value


def kustomization() -> dict:
    return yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))


def resources() -> list[dict]:
    return [
        document
        for name in kustomization()["resources"]
        for document in yaml.safe_load_all((K8S / name).read_text(encoding="utf-8"))
    ]


def one(kind: str, name: str) -> dict:
    (found,) = [r for r in resources() if r["kind"] == kind and r["metadata"]["name"] == name]
    return found


def dashboard_pod() -> dict:
    return one("Deployment", "smartcity-dashboard")["spec"]["template"]


def dashboard_container() -> dict:
    (found,) = dashboard_pod()["spec"]["containers"]
    return found


def test_the_kustomization_lists_every_manifest_once():
    listed = kustomization()["resources"]
    assert sorted(listed) == sorted(p.name for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")
    assert len(set(listed)) == len(listed)
    kinds = sorted((r["kind"], r["metadata"]["name"]) for r in resources())
    assert kinds == [
        ("ConfigMap", "smartcity-export-nginx"),
        ("Deployment", "smartcity-dashboard"),
        ("Deployment", "smartcity-export"),
        ("HorizontalPodAutoscaler", "smartcity-dashboard"),
        ("Ingress", "smartcity"),
        ("PodDisruptionBudget", "smartcity-dashboard"),
        ("Service", "smartcity-dashboard"),
        ("Service", "smartcity-export"),
    ]


@pytest.mark.parametrize("resource", resources(), ids=lambda r: f"{r['kind']}/{r['metadata']['name']}")
def test_every_manifest_validates_against_the_kubernetes_schema(resource):
    # strict: a misspelt or misplaced field (e.g. "readinesProbe") fails instead of being ignored.
    assert kubernetes_validate.validate(resource, KUBERNETES_VERSION, strict=True) == KUBERNETES_VERSION


def test_a_misspelt_field_fails_validation():
    deployment = one("Deployment", "smartcity-dashboard")
    deployment["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = {}
    with pytest.raises(kubernetes_validate.ValidationError) as failure:
        kubernetes_validate.validate(deployment, KUBERNETES_VERSION, strict=True)
    assert "'readinesProbe' was unexpected" in failure.value.message


def test_the_dashboard_runs_the_image_as_compose_does():
    spec = dashboard_container()
    assert spec["image"] == compose_default(COMPOSE["services"]["dashboard"]["image"]) == "smartcity-map"
    assert kustomization()["images"] == [{"name": "smartcity-map", "newTag": "latest"}]
    # One port everywhere: the Dockerfile's, compose's upstream in nginx, the pod's.
    port = int(re.search(r"^EXPOSE (\d+)$", DOCKERFILE, re.M).group(1))
    assert f"server dashboard:{port} " in compose_config()
    assert spec["ports"] == [{"name": "http", "containerPort": port}]
    assert {"name": "STREAMLIT_SERVER_PORT", "value": str(port)} in spec["env"]


def test_the_probes_ask_the_health_endpoint_the_image_checks():
    spec = dashboard_container()
    assert "/_stcore/health" in DOCKERFILE.split("HEALTHCHECK", 1)[1]
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert spec[probe]["httpGet"] == {"path": "/_stcore/health", "port": "http"}


def test_the_pods_run_as_the_images_user_on_a_read_only_root():
    uid = int(re.search(r"useradd --create-home --uid (\d+) smartcity", DOCKERFILE).group(1))
    for name in ("smartcity-dashboard", "smartcity-export"):
        pod = one("Deployment", name)["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["runAsUser"] == uid
        assert pod["automountServiceAccountToken"] is False
        for spec in pod.get("initContainers", []) + pod["containers"]:
            assert spec["securityContext"] == {
                "allowPrivilegeEscalation": False,
                "readOnlyRootFilesystem": True,
                "capabilities": {"drop": ["ALL"]},
            }
            assert set(spec["resources"]["requests"]) == set(spec["resources"]["limits"]) == {"cpu", "memory"}
    # The writable folders are those the image was run with on a read-only root (tests/test_image.py).
    mounts = {m["mountPath"] for m in dashboard_container()["volumeMounts"]}
    assert mounts == {"/tmp", "/home/smartcity"}
    assert "destination=/home/smartcity" in Path(container.__file__).read_text(encoding="utf-8")


def test_each_replica_gets_the_cpu_budget_the_scale_test_measures():
    resources_ = dashboard_container()["resources"]
    assert resources_["requests"]["cpu"] == resources_["limits"]["cpu"] == "250m"
    default_cpu = re.search(r'"--cpu", type=float, default=([\d.]+)', Path(scale.__file__).read_text()).group(1)
    assert float(default_cpu) * 1000 == 250


def test_services_ingress_autoscaler_and_budget_point_at_the_pods():
    for name in ("smartcity-dashboard", "smartcity-export"):
        labels = one("Deployment", name)["spec"]["template"]["metadata"]["labels"]
        assert one("Deployment", name)["spec"]["selector"]["matchLabels"] == labels
        assert one("Service", name)["spec"]["selector"] == labels
        assert one("Service", name)["spec"]["ports"] == [{"name": "http", "port": 80, "targetPort": "http"}]
    backends = {
        path["path"]: path["backend"]["service"]
        for rule in one("Ingress", "smartcity")["spec"]["rules"]
        for path in rule["http"]["paths"]
    }
    assert backends == {
        "/": {"name": "smartcity-dashboard", "port": {"name": "http"}},
        "/export/": {"name": "smartcity-export", "port": {"name": "http"}},
    }
    target = one("HorizontalPodAutoscaler", "smartcity-dashboard")["spec"]["scaleTargetRef"]
    assert target == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "smartcity-dashboard"}
    budget = one("PodDisruptionBudget", "smartcity-dashboard")["spec"]
    assert budget["selector"]["matchLabels"] == dashboard_pod()["metadata"]["labels"]
    assert one("HorizontalPodAutoscaler", "smartcity-dashboard")["spec"]["minReplicas"] > budget["maxUnavailable"]


def test_the_ingress_keeps_sessions_as_the_nginx_template_does():
    annotations = one("Ingress", "smartcity")["metadata"]["annotations"]
    cookie = re.search(r"\$cookie_(\w+) \$scm_affinity", TEMPLATE).group(1)
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert annotations["nginx.ingress.kubernetes.io/affinity-mode"] == "persistent"
    assert annotations["nginx.ingress.kubernetes.io/session-cookie-name"] == cookie == "scm_replica"
    # Day-long websockets: the template's 24h, in the seconds ingress-nginx takes.
    for direction in ("read", "send"):
        hours = int(re.search(rf"proxy_{direction}_timeout (\d+)h;", TEMPLATE).group(1))
        assert annotations[f"nginx.ingress.kubernetes.io/proxy-{direction}-timeout"] == str(hours * 3600) == "86400"
    assert "proxy_buffering off;" in TEMPLATE
    assert annotations["nginx.ingress.kubernetes.io/proxy-buffering"] == "off"
    assert one("Ingress", "smartcity")["spec"]["ingressClassName"] == "nginx"


def export_nginx_conf() -> str:
    return one("ConfigMap", "smartcity-export-nginx")["data"]["default.conf"]


def header_lines(text: str, location: str) -> list[str]:
    block = text.split(f"location {location} {{", 1)[1].split("}", 1)[0]
    return [line.strip() for line in block.splitlines() if line.strip()]


def test_the_export_is_served_as_the_nginx_template_serves_it():
    rendered = render(["127.0.0.1:1"], "8080", "/srv/export", "/tmp", "/etc/nginx/mime.types", embed_origins="*")
    assert header_lines(export_nginx_conf(), "/export/") == header_lines(rendered, "/export/")
    spec = one("Deployment", "smartcity-export")["spec"]["template"]["spec"]
    (init,) = spec["initContainers"]
    assert init["image"] == compose_default(COMPOSE["services"]["export"]["image"]) == "smartcity-map"
    assert (
        init["command"]
        == COMPOSE["services"]["export"]["command"]
        == ["python", "-m", "smartcity", "export", "/srv/export"]
    )
    (nginx,) = spec["containers"]
    compose_nginx = compose_default(COMPOSE["services"]["nginx"]["image"])
    assert nginx["image"].split(":")[1] == compose_nginx.split(":")[1] == "1.27-alpine"


def wait_for(url: str, process: subprocess.Popen, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2):
            return
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer (nginx exit code {process.poll()})")


def test_the_export_nginx_config_serves_the_export_with_its_headers():
    """The ConfigMap's server block, run by Debian's nginx on loopback over a real export."""
    run_dir = Path(tempfile.mkdtemp(prefix="scm-k8s-export-"))
    run_dir.chmod(0o755)  # nginx workers (nobody, when started as root) read the export here
    export_site(run_dir / "export")
    port = free_port()
    server = export_nginx_conf().replace("listen 8080;", f"listen 127.0.0.1:{port};")
    server = server.replace("alias /srv/export/;", f"alias {run_dir}/export/;")
    config = run_dir / "nginx.conf"
    config.write_text(
        f"pid {run_dir}/nginx.pid;\nerror_log {run_dir}/error.log;\nevents {{}}\n"
        f"http {{\ninclude /etc/nginx/mime.types;\naccess_log off;\n{server}\n}}\n",
        encoding="utf-8",
    )
    nginx = subprocess.Popen([NGINX, "-p", str(run_dir), "-c", str(config), "-g", "daemon off;"])
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", nginx)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
            assert response.read() == b"ok\n"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/export/", timeout=5) as response:
            body = response.read()
            assert response.status == 200
            assert response.headers["Cache-Control"] == "public, max-age=300, stale-while-revalidate=86400"
            assert response.headers["Content-Security-Policy"] == "frame-ancestors *"
            assert response.headers["ETag"]
        assert b"Thailand Smart City Map" in body and len(body) > 300_000
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        shutil.rmtree(run_dir, ignore_errors=True)
