"""Command line: ``python -m smartcity validate|export|brief|gis``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from smartcity.data.provinces import UnknownProvince
from smartcity.data.tables import REGIONS
from smartcity.data.validate import Checked, check_all
from smartcity.i18n import LANGUAGES
from smartcity.model.deck import public_url_from_environment
from smartcity.model.join import view_join
from smartcity.model.status import statuses_on
from smartcity.model.view import DEFAULT_METRIC, AsOf, View
from smartcity.output.choropleth import METRICS


def summary_line(checked: Checked) -> str:
    """The one line ``validate`` prints when the data passes."""
    tables = checked.tables
    areas = tables.areas
    boundary_count = 0 if checked.boundaries is None else len(checked.boundaries)
    status = statuses_on(tables, None).value_counts()
    holding = int(status.get("certified", 0) + status.get("renewed", 0))
    events = 0 if tables.statuses is None else len(tables.statuses)
    lapsed = f"; {int(status['lapsed'])} lapsed" if status.get("lapsed") else ""
    return (
        f"ok: {len(areas)} areas in {areas['province_code'].nunique()} provinces over "
        f"{areas['round'].nunique()} rounds ({holding} certified, {int(status.get('renewed', 0))} of them renewed; "
        f"{int(status.get('reported', 0))} reported, award not found{lapsed}); {len(tables.claims)} claims, "
        f"{len(tables.milestones)} milestones, {events} status events, {len(tables.provinces)} provinces, "
        f"{boundary_count} boundaries ({tables.data_dir})"
    )


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
    brief = commands.add_parser(
        "brief",
        help="write the view as a one-page A4 brief (PDF)",
        description="Write OUT.pdf: title, the data's date, the map, the headline figures, the areas (for a "
        "province or region), the announced claims with their sources, and the URL of the view.",
    )
    brief.add_argument("out", type=Path)
    gis = commands.add_parser(
        "gis",
        help="write the view as GIS layers (GeoPackage, GeoJSON, areas table) in one zip",
        description="Write OUT_DIR/thailand-smart-city-<view>-gis.zip (named as the dashboard names it, e.g. "
        "thailand-smart-city-south-round2-en-gis.zip): the 77 provinces with the view's counts as a "
        "GeoPackage and a GeoJSON, the areas as CSV, and a README of the columns, sources and licences.",
    )
    gis.add_argument("out_dir", type=Path)
    for command in (brief, gis):
        add_view_options(command)
    args = parser.parse_args(argv)
    checked = check_all(getattr(args, "data_dir", None))
    if args.command == "export":
        return run_export(checked, args.out_dir)
    if args.command in ("brief", "gis"):
        return run_view_file(checked, args, parser)
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
    from smartcity.output.export import export_site

    if not usable_for_files(checked, "export"):
        return 1
    from smartcity.model.status import data_date

    export_site(checked.tables, checked.boundaries, out_dir, exported_on=data_date(checked.tables))
    return 0


def usable_for_files(checked, doing: str) -> bool:
    """Whether a file can be made from the checked data: not without boundaries (every problem is
    then printed, and why nothing is made); otherwise each row left out is named."""
    if checked.boundaries is None:
        for problem in checked.problems:
            print(problem, file=sys.stderr)
        print(f"cannot {doing}: the boundary file is unusable", file=sys.stderr)
        return False
    for problem in checked.problems:
        print(f"left out: {problem}", file=sys.stderr)
    return True


def add_view_options(command: argparse.ArgumentParser) -> None:
    """The options that describe a view, as the dashboard's URL does."""
    command.add_argument("--lang", choices=LANGUAGES, default="th")
    command.add_argument("--region", help=f"one of {', '.join(REGIONS)} (default: all)")
    command.add_argument("--round", type=int, help="as of this round (default: the latest), as the URL's round")
    command.add_argument("--province", help="a province: code, Thai or English name, or an alias")
    command.add_argument("--metric", choices=METRICS, default=DEFAULT_METRIC, help="what colours the map")


def view_from_args(tables, args) -> View:
    """The view the options describe; a value that names nothing raises ValueError saying so."""
    rounds = tables.round_index
    region = None
    if args.region:
        matches = [r for r in REGIONS if r.casefold() == args.region.casefold()]
        if not matches:
            raise ValueError(f"--region {args.region!r} is not one of {', '.join(REGIONS)}")
        region = matches[0]
    last_round = rounds.latest if args.round is None else rounds.parse(args.round)
    if last_round is None:
        raise ValueError(f"--round {args.round} is not a round in rounds.csv ({', '.join(map(str, rounds.numbers))})")
    province = None
    if args.province:
        try:
            province = tables.index.resolve(args.province).code
        except UnknownProvince as unknown:
            raise ValueError(f"--province {args.province!r}: {unknown}") from None
    return View(
        lang=args.lang, region=region, as_of=AsOf.of_round(tables, last_round), province=province, metric=args.metric
    )


def run_view_file(checked, args, parser: argparse.ArgumentParser) -> int:
    """``brief`` or ``gis``: the view's file, from data that passed validation."""
    if not usable_for_files(checked, f"write the {args.command}"):
        return 1
    try:
        view = view_from_args(checked.tables, args)
    except ValueError as error:
        parser.error(str(error))
    public_url = public_url_from_environment()
    joined = view_join(checked.tables, checked.boundaries, view)
    if args.command == "brief":
        from smartcity.output.brief import brief_pdf

        pdf = brief_pdf(checked.tables, joined, view, public_url, progress=print)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(pdf)
        print(f"wrote {args.out} ({len(pdf) / 1024:.0f} KiB, one A4 page)")
        return 0
    from smartcity.output.gis import gis_zip, gis_zip_name

    args.out_dir.mkdir(parents=True, exist_ok=True)
    target = args.out_dir / gis_zip_name(view)
    target.write_bytes(gis_zip(checked.tables, joined, view, public_url))
    print(f"wrote {target} ({target.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
