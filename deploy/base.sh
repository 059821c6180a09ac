#!/usr/bin/env bash
# The image's base where no container registry can be reached: Debian 12 (bookworm, the release
# python:3.11-slim-bookworm is built on) from Debian's own packages, with its python3 (3.11) and
# venv, imported into podman as localhost/smartcity-base:bookworm.
#
#   bash deploy/base.sh            # prints the base image's name; builds it only when it is missing
#
# Kept between runs on this machine: podman's own store, and the root filesystem's tarball in
# $SMARTCITY_BASE_CACHE (default /var/cache/smartcity-map), so a machine whose podman store was
# reset imports the tarball in seconds instead of running debootstrap again (about 30 s plus the
# download). The tarball also holds the certificate authorities this machine trusts (its
# /usr/local/share/ca-certificates), so pip inside the build reaches PyPI through the same
# gateway as the machine does.
set -euo pipefail

BASE_IMAGE="${SMARTCITY_BASE_IMAGE:-localhost/smartcity-base:bookworm}"
CACHE="${SMARTCITY_BASE_CACHE:-/var/cache/smartcity-map}"
TARBALL="$CACHE/base-bookworm.tar"
PODMAN=(podman --runtime runc)

if "${PODMAN[@]}" image exists "$BASE_IMAGE"; then
  echo "$BASE_IMAGE"
  exit 0
fi

if [ ! -s "$TARBALL" ]; then
  command -v debootstrap >/dev/null || {
    echo "debootstrap is not installed (apt-get install debootstrap)" >&2
    exit 1
  }
  # The same Debian mirror this machine's apt uses.
  mirror="$(grep -hoE '^URIs: *[^ ]+/debian$' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 | awk '{print $2}')"
  mirror="${mirror:-$(grep -hoE '^deb +[^ ]+/debian ' /etc/apt/sources.list 2>/dev/null | head -1 | awk '{print $2}')}"
  mkdir -p "$CACHE"
  root="$(mktemp -d "$CACHE/root.XXXXXX")"
  trap 'rm -rf "$root"' EXIT
  echo "building the base from Debian's packages (debootstrap bookworm) into $TARBALL" >&2
  debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates bookworm "$root" ${mirror:+"$mirror"} >&2
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
    chroot "$root" update-ca-certificates >/dev/null
  fi
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/archives/*.deb
  tar -C "$root" -c . >"$TARBALL.part"
  mv "$TARBALL.part" "$TARBALL"
fi

"${PODMAN[@]}" import --quiet "$TARBALL" "$BASE_IMAGE" >/dev/null
echo "$BASE_IMAGE"
