#!/usr/bin/env bash
# Install what the tests need (first run only: Python packages, Debian's chromium and firefox-esr, Thai fonts, nginx)
# and run every check: lint, format, data validation, and the whole pytest suite.
source "$(dirname "$0")/venv.sh"
ensure_venv "$PROJECT_DIR/requirements-dev.txt"
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'noto sans thai' || [ ! -x /usr/sbin/nginx ] ||
  [ ! -x /usr/bin/firefox-esr ] || [ ! -x /usr/bin/pdftotext ]; then
  # nginx: the replicas-behind-a-load-balancer tests (deploy/topology.py) start their own.
  # firefox-esr: the USB export is also opened in Firefox, headless. poppler-utils: the brief's
  # PDF is read back (pages, text layer, fonts).
  apt_install chromium fonts-thai-tlwg fonts-noto-core nginx firefox-esr poppler-utils
fi
if [ ! -x /usr/bin/podman ] || [ ! -x /usr/sbin/runc ] || [ ! -x /usr/sbin/debootstrap ] ||
  [ ! -x /usr/bin/podman-compose ]; then
  # The image is built and run in the tests (tests/test_image.py), and compose.yaml with it
  # (tests/test_compose.py): podman with runc, podman-compose, and debootstrap for the base from
  # Debian's packages (deploy/base.sh).
  apt_install podman runc debootstrap podman-compose
fi
cd "$PROJECT_DIR"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/python" -m smartcity validate
"$VENV/bin/python" -m pytest "$@"
