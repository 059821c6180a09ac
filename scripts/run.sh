#!/usr/bin/env bash
# Install what the dashboard needs (first run only) and start it: streamlit run dashboard.py
source "$(dirname "$0")/venv.sh"
ensure_venv "$PROJECT_DIR/requirements.txt"
# Chromium renders the slide PNGs; the Thai fonts make Thai text legible in them.
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'noto sans thai'; then
  apt_install chromium fonts-thai-tlwg fonts-noto-core
fi
cd "$PROJECT_DIR"
exec "$VENV/bin/streamlit" run dashboard.py "$@"
