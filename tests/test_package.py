"""The package is usable without Streamlit running."""

import subprocess
import sys


def test_importing_smartcity_does_not_import_streamlit():
    code = (
        "import sys, smartcity, smartcity.tables, smartcity.join, smartcity.summaries, "
        "smartcity.boundaries, smartcity.validate, smartcity.__main__; "
        "print('streamlit' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
