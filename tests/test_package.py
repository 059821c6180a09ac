"""The package is usable without Streamlit running."""

import ast
import subprocess
import sys
from pathlib import Path


def test_importing_smartcity_does_not_import_streamlit():
    code = (
        "import sys, smartcity, smartcity.data.tables, smartcity.model.join, smartcity.model.summaries, "
        "smartcity.data.boundaries, smartcity.data.validate, smartcity.__main__, "
        # These two read Streamlit's built frontend (for the proxy) without importing it.
        "smartcity.output.mapassets, smartcity.output.iconfont; "
        "smartcity.output.mapassets.preload_links(); smartcity.output.iconfont.streamlit_font_url(); "
        "print('streamlit' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


PROJECT = Path(__file__).resolve().parent.parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The project modules ``path`` imports, at any depth of the file (imports inside functions
    count). ``from package import module`` depends on the module, not on the package's door."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in modules else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


def project_graph() -> dict[str, set[str]]:
    paths = [*PROJECT.glob("smartcity/**/*.py"), *PROJECT.glob("ui/*.py")]
    modules = {module_name(p): p for p in paths}
    return {
        name: {m for m in imports_of(path, set(modules)) if m in modules and m != name}
        for name, path in modules.items()
    }


def test_the_package_has_no_circle_of_imports():
    graph = project_graph()
    assert len(graph) > 30, "the package's modules were not found"
    circles = []

    def visit(node: str, trail: list[str]) -> None:
        for target in sorted(graph[node]):
            if target == trail[0]:
                circles.append(" -> ".join([*trail, target]))
            elif target not in trail and target > trail[0]:  # each circle once, from its smallest module
                visit(target, [*trail, target])

    for start in sorted(graph):
        visit(start, [start])
    assert circles == []


def test_reading_the_tables_depends_on_nothing_above_it():
    """smartcity.data reads and checks; the model and the outputs build on it, never the reverse."""
    graph = project_graph()
    upward = {
        f"{name} -> {target}"
        for name, targets in graph.items()
        if name.startswith("smartcity.data")
        for target in targets
        if target.startswith(("smartcity.model", "smartcity.output", "ui"))
    }
    assert upward == set()


def test_the_default_metric_is_one_of_the_metrics():
    from smartcity.model.view import DEFAULT_METRIC
    from smartcity.output.choropleth import METRICS

    assert DEFAULT_METRIC in METRICS


def test_pages_come_in_through_the_package_door():
    """Pages import the package's top level (and ui), never a module inside it."""
    reaching_in = {
        f"{page.name}: {node.module}"
        for page in PROJECT.glob("pages/*.py")
        for node in ast.walk(ast.parse(page.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("smartcity.")
    }
    assert reaching_in == set()
