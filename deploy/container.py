"""The dashboard's image built with podman and run as a container on loopback.

    .venv/bin/python -m deploy.container            # build (or reuse) the image, run it, check it, stop it

Builds with deploy/image.sh (the base from Debian's packages, cached; layers cached by podman)
and runs the image the way a cluster would: as its non-root user, with a read-only root
filesystem (writable tmpfs at /tmp and the user's home only), on the machine's network, with
the settings deploy/image.sh explains.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from testkit.server import free_port, wait_healthy

PROJECT_DIR = Path(__file__).resolve().parent.parent
PODMAN = ["podman", "--runtime", "runc"]
LIMITS = ["--ulimit", "nofile=16384:16384", "--ulimit", "nproc=8192:8192"]
# One tag per checkout: two working copies on one machine do not build over each other's image.
TAG = "localhost/smartcity-map:" + hashlib.sha256(str(PROJECT_DIR).encode()).hexdigest()[:12]


NGINX_TAG = "localhost/smartcity-nginx:" + TAG.rsplit(":", 1)[1]
# runc and the ulimits for podman and podman-compose alike (deploy/image.sh passes them as flags).
CONTAINERS_CONF = PROJECT_DIR / "deploy" / "podman" / "containers.conf"


def podman_missing() -> str | None:
    """Why podman cannot run here, or None."""
    if shutil.which("podman") is None or shutil.which("runc") is None:
        return "podman and runc are not installed (apt-get install podman runc debootstrap; scripts/test.sh does)"
    return None


def build(tag: str = TAG) -> float:
    """Build the image (deploy/image.sh); return the seconds it took."""
    started = time.monotonic()
    result = subprocess.run(
        ["bash", str(PROJECT_DIR / "deploy" / "image.sh"), tag], cwd=PROJECT_DIR, capture_output=True, text=True
    )
    if result.returncode != 0:
        output = f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        raise RuntimeError(f"image build failed ({result.returncode}):\n{output}")
    return time.monotonic() - started


def build_nginx(tag: str = NGINX_TAG) -> None:
    """Debian's nginx on the same base, for compose where nginx:1.27-alpine cannot be pulled."""
    base = subprocess.run(
        ["bash", str(PROJECT_DIR / "deploy" / "base.sh")], check=True, capture_output=True, text=True
    ).stdout.strip()
    result = subprocess.run(
        [*PODMAN, "build", "--network", "host", *LIMITS, "--build-arg", f"BASE={base}", "-t", tag,
         "-f", "deploy/podman/nginx.Dockerfile", "deploy/podman"],
        cwd=PROJECT_DIR, capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"nginx image build failed ({result.returncode}):\n{result.stderr[-3000:]}")


def image_size(tag: str = TAG) -> int:
    """The image's size in bytes, as podman counts it (every layer, the base's too)."""
    out = subprocess.run([*PODMAN, "image", "inspect", tag], check=True, capture_output=True, text=True).stdout
    return int(json.loads(out)[0]["Size"])


@dataclass
class Container:
    name: str
    url: str

    def exec(self, *command: str) -> subprocess.CompletedProcess:
        """Run ``command`` in the container (as its user; ``"--user", "root", ...`` as root)."""
        options = list(command[:2]) if command[:1] == ("--user",) else []
        command = command[len(options) :]
        return subprocess.run([*PODMAN, "exec", *options, self.name, *command], capture_output=True, text=True)

    def health_check(self) -> subprocess.CompletedProcess:
        """The image's own HEALTHCHECK, run once now."""
        return subprocess.run([*PODMAN, "healthcheck", "run", self.name], capture_output=True, text=True)

    def inspect(self) -> dict:
        out = subprocess.run([*PODMAN, "inspect", self.name], check=True, capture_output=True, text=True).stdout
        return json.loads(out)[0]

    def logs(self) -> str:
        return subprocess.run([*PODMAN, "logs", self.name], capture_output=True, text=True).stdout


@contextlib.contextmanager
def running(tag: str = TAG, port: int | None = None) -> Iterator[Container]:
    """Run the image on a free loopback port until the block ends; wait for its health endpoint."""
    port = port or free_port()
    name = f"smartcity-map-{uuid.uuid4().hex[:8]}"
    command = [
        *PODMAN, "run", "--detach", "--name", name, "--network", "host", *LIMITS,
        # A read-only root; /tmp (podman adds it with --read-only) and the user's home (Chromium's
        # profile, for the PNG download) are tmpfs, the home owned by the user (chown: the image's
        # owner of the folder is not carried over to a tmpfs, so it would be root's).
        "--read-only", "--mount", "type=tmpfs,destination=/home/smartcity,chown=true",
        "--env", f"STREAMLIT_SERVER_PORT={port}", "--env", "STREAMLIT_SERVER_ADDRESS=127.0.0.1",
        "--env", f"SMARTCITY_PUBLIC_URL=http://127.0.0.1:{port}",
        tag,
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, text=True)
    container = Container(name=name, url=f"http://127.0.0.1:{port}")
    try:
        try:
            wait_healthy(container.url, timeout=90)
        except TimeoutError as error:
            raise TimeoutError(f"{error}; the container's log:\n{container.logs()[-3000:]}") from error
        yield container
    finally:
        subprocess.run([*PODMAN, "rm", "--force", "--time", "5", name], capture_output=True)


def main() -> int:
    problem = podman_missing()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    seconds = build()
    print(f"built {TAG} in {seconds:.0f} s: {image_size() / 1e6:.0f} MB")
    with running() as container:
        print(f"{container.url}: healthy; health check exit {container.health_check().returncode}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
