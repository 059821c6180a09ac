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
    args = parser.parse_args(argv)
    checked = check_all(args.data_dir)
    if checked.problems:
        for problem in checked.problems:
            print(problem)
        count = len(checked.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
        return 1
    print(summary_line(checked))
    return 0


if __name__ == "__main__":
    sys.exit(main())
