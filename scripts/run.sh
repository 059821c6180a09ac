#!/usr/bin/env bash
# Install what the dashboard needs (first run only) and start it: streamlit run dashboard.py
source "$(dirname "$0")/venv.sh"
ensure_venv "$PROJECT_DIR/requirements.txt"
cd "$PROJECT_DIR"
exec "$VENV/bin/streamlit" run dashboard.py "$@"
