#!/usr/bin/env bash
# Build the dashboard's image with podman where no container registry can be reached: the base
# comes from Debian's packages (deploy/base.sh, cached), the rest from deploy/Dockerfile.
#
#   bash deploy/image.sh [TAG]      # default localhost/smartcity-map:latest
#
# The podman settings that work on these machines (Debian 12, root, cgroup v1 with a unified
# mount), for the build here and for any `podman run` of the image:
#   --runtime runc        crun, podman's default, refuses: "cgroups in hybrid mode not supported"
#   --network host        RUN steps reach Debian's mirror and PyPI; a server in the container
#                         listens on the machine's loopback
#   --ulimit nofile=16384:16384 --ulimit nproc=8192:8192
#                         the machine's own limits cannot be handed to the container
#                         ("error setting rlimit ... operation not permitted")
#   --format docker       keeps the Dockerfile's HEALTHCHECK (the OCI format drops it)
# Storage: podman's default (overlay, as root) works. Layers are cached between builds, so a
# re-build with unchanged requirements only copies the app's files.
set -euo pipefail
cd "$(dirname "$0")/.."
TAG="${1:-localhost/smartcity-map:latest}"
BASE="$(bash deploy/base.sh)"
podman --runtime runc build \
  --network host \
  --ulimit nofile=16384:16384 --ulimit nproc=8192:8192 \
  --format docker \
  --layers \
  --build-arg BASE="$BASE" \
  -f deploy/Dockerfile -t "$TAG" .
