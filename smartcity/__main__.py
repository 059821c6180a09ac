"""Command line: ``python -m smartcity validate [DATA_DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from smartcity.validate import check_all, summary_line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m smartcity", description="Thailand Smart City Map tools")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser(
        "validate",
        help="check the tables and the boundaries",
        description="Check every table in DATA_DIR (default: $SMARTCITY_DATA_DIR or data/) and the "
        "boundaries ($SMARTCITY_BOUNDARIES or geo/provinces.geojson). Exit 0 when all is well; "
        "otherwise list each problem as file:row: column: value: what is wrong, and exit 1.",
    )
    validate.add_argument("data_dir", nargs="?", type=Path)
    export = commands.add_parser(
        "export",
        help="write a self-contained map (one HTML file) for use with no server and no network",
        description="Write OUT_DIR/index.html: the map with a round control, headline figures, legend, "
        "tooltips, both languages and the sources, with every script and the boundaries inside.",
    )
    export.add_argument("out_dir", type=Path)
    export.add_argument("--data-dir", type=Path, help="tables to export (default: $SMARTCITY_DATA_DIR or data/)")
    args = parser.parse_args(argv)
    checked = check_all(getattr(args, "data_dir", None))
    if args.command == "export":
        return run_export(checked, args.out_dir)
    if checked.problems:
        for problem in checked.problems:
            print(problem)
        count = len(checked.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
        return 1
    print(summary_line(checked))
    return 0


def run_export(checked, out_dir: Path) -> int:
    """Export only data that passed validation; say what was left out and why."""
    from smartcity.export import export_site

    if checked.boundaries is None:
        for problem in checked.problems:
            print(problem, file=sys.stderr)
        print("cannot export: the boundary file is unusable", file=sys.stderr)
        return 1
    for problem in checked.problems:
        print(f"left out: {problem}", file=sys.stderr)
    from smartcity.status import iso

    # The data's latest award (an area with none yet has no date).
    stamp = max((iso(d) for d in checked.tables.areas["certified_on"] if iso(d)), default="")
    export_site(checked.tables, checked.boundaries, out_dir, exported_on=stamp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
