"""The package is usable without Streamlit running."""

import subprocess
import sys


def test_importing_smartcity_does_not_import_streamlit():
    code = (
        "import sys, smartcity, smartcity.data.tables, smartcity.model.join, smartcity.model.summaries, "
        "smartcity.data.boundaries, smartcity.data.validate, smartcity.__main__; "
        "print('streamlit' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
