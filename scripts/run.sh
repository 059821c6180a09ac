#!/usr/bin/env bash
# Install what the dashboard needs (first run only) and start it on http://localhost:8501
# (SMARTCITY_PORT sets another port): one Streamlit server with nginx in front of it, as the
# deploy topology has it, so that a phone gets Streamlit's scripts compressed and the map's files
# from its cache on a second visit (Streamlit itself sends its scripts uncompressed).
source "$(dirname "$0")/venv.sh"
ensure_venv "$PROJECT_DIR/requirements.txt"
# Chromium renders the slide PNGs; the Thai fonts make Thai text legible in them; nginx serves.
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'noto sans thai' || [ ! -x /usr/sbin/nginx ]; then
  apt_install chromium fonts-thai-tlwg fonts-noto-core nginx
fi
cd "$PROJECT_DIR"
exec "$VENV/bin/python" -m deploy.topology --replicas 1 --host "${SMARTCITY_HOST:-0.0.0.0}" --port "${SMARTCITY_PORT:-8501}"
