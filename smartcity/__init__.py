"""Thailand Smart City Map: the tables, the province boundaries, and the join between them.

This package never imports streamlit: the dashboard wraps it (see ``dashboard.py``), tests and
the command line (``python -m smartcity``) use it directly.
"""

from smartcity.data.problems import DataError, Problem

__all__ = ["DataError", "Problem"]
