"""The tables in data/: their columns, how each cell is checked, and loading them typed.

Every check reports a ``Problem`` naming file, row, column and value; rows with a problem are
left out of the loaded table so that what is sound can still be shown.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from smartcity.data import checks
from smartcity.data.confidence import ARTICLES_ONLY, CONFIRMED, SINGLE, copies, derived_confidence, independent_reports
from smartcity.data.csvfiles import CsvTable, read_csv
from smartcity.data.problems import Problem
from smartcity.data.provinces import Province, ProvinceIndex, split_list
from smartcity.data.rounds import RoundIndex
from smartcity.data.sourcenames import SOURCES_FILE, source_origins_of

PROJECT_DIR = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIR = PROJECT_DIR / "data"
REGIONS = ("North", "Northeast", "Central", "East", "West", "South")
METRICS = (
    "investment_mthb",
    "investment_musd",
    "population_served",
    "areas_total",
    "provinces_total",
    "areas_renewed",
    "target_areas",
    "target_areas_added",
    "target_areas_per_year",
    "areas_applied",
)
# How sure a row is (smartcity.data.confidence: the rule that gives the label from the row's sources).
CONFIDENCES = ("", CONFIRMED, SINGLE, ARTICLES_ONLY)
# Status events after (or instead of) the award in certified_areas.csv's certified_on.
STATUS_EVENTS = ("reported", "renewed", "lapsed")
QUALIFIERS = ("", "more than", "about", "at least", "up to")
# The kind of statement a figure is, set from the words of its source: what was expected or
# estimated, what an approved plan covers, what was announced (a count of decisions or
# applications), what is reported as already realised (money "attracted"), or a target.
STATEMENTS = ("expected", "planned", "announced", "realised", "target")
TARGET_METRICS = ("target_areas", "target_areas_added", "target_areas_per_year")
NAME_EN_BASES = ("", "announced", "reported", "translation")
MILESTONE_KINDS = ("mou", "decision", "ceremony", "renewal", "ascn", "event")
PROVINCE_COUNT = 77
CODE_SHAPE = re.compile(r"TH-\d{2}")

AREAS_FILE = "certified_areas.csv"
ROUNDS_FILE = "rounds.csv"
CLAIMS_FILE = "claims.csv"
MILESTONES_FILE = "milestones.csv"
STATUS_FILE = "area_status.csv"  # optional: without it, areas have only their award date
PILOTS_FILE = "pilots.csv"  # optional: the 12 pilot municipalities of the 2020 MoU
ASCN_FILE = "ascn.csv"  # optional: the ASEAN Smart Cities Network cities
PROGRAMME_FILE = "programme.csv"  # optional: how the programme works, fact by fact
# What a programme.csv row is about: what a certified area receives, who decides, how an area
# applies, the focus areas of the 2020 MoU, the national plans, procurement, people and awards.
PROGRAMME_TOPICS = ("benefit", "governance", "application", "focus_area", "national_plan", "procurement", "people")
MUNICIPALITY_TYPES = ("เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล")  # city, town, subdistrict municipality
ASCN_STATUSES = ("member", "proposed")
# The kind of body that runs an area, where a source names the body (blank: not known).
BODY_KINDS = (
    "city_municipality",  # เทศบาลนคร
    "town_municipality",  # เทศบาลเมือง
    "subdistrict_municipality",  # เทศบาลตำบล
    "provincial_administrative_organization",  # องค์การบริหารส่วนจังหวัด
    "bangkok_metropolitan_administration",
    "province",  # the provincial administration (governor's office)
    "university",
    "state_enterprise",
    "private_company",
)
PROVINCES_FILE = "provinces.csv"


def data_dir_from_environment() -> Path:
    """``SMARTCITY_DATA_DIR`` when set, else the project's data/."""
    configured = os.environ.get("SMARTCITY_DATA_DIR", "").strip()
    return Path(configured) if configured else DEFAULT_DATA_DIR


@dataclass(frozen=True)
class Column:
    name: str
    check: checks.Check = checks.text
    required: bool = True  # the column must be present
    blank_ok: bool = False  # the cell may be empty
    missing: str = "problem_required_value"  # the i18n key of the message for an empty cell


@dataclass(frozen=True)
class TableSpec:
    file: str
    columns: tuple[Column, ...]
    key: str  # the column whose values must be unique; "" for a table of events
    # value column -> the column that must say where that value comes from
    needs_source: dict[str, str] = field(default_factory=dict)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def province_spec() -> TableSpec:
    return TableSpec(
        PROVINCES_FILE,
        (
            Column("code", checks.text),
            Column("name_th"),
            Column("name_en"),
            Column("aliases_en", blank_ok=True),
            Column("aliases_th", blank_ok=True),
            Column("abbr_th", blank_ok=True),
            Column("region", checks.one_of(*REGIONS)),
            Column("population", checks.count),
            Column("population_date", checks.date),
            Column("population_source", checks.text),
            Column("population_crosscheck", required=False, blank_ok=True),
            Column("names_source", required=False, blank_ok=True),
            Column("region_source", required=False, blank_ok=True),
        ),
        key="code",
    )


def table_specs(index: ProvinceIndex, sources_dir: Path) -> dict[str, TableSpec]:
    """The specs of the tables that refer to provinces and sources."""
    province = checks.province(index)
    sources = checks.sources(sources_dir)
    return {
        AREAS_FILE: TableSpec(
            AREAS_FILE,
            (
                Column("area_id", checks.slug),
                Column("round", checks.positive_int),
                # Blank where no Thai-language source gives the title (the 2023 areas).
                Column("name_th", blank_ok=True),
                Column("name_en"),
                Column("name_en_basis", checks.one_of(*NAME_EN_BASES), required=False, blank_ok=True),
                Column("province_code", province),
                # Blank where no award was found; area_status.csv then says what was reported.
                Column("certified_on", checks.date, blank_ok=True),
                Column("source", sources),
                # Sources that support only the date (a ceremony report not naming the area).
                Column("date_source", sources, required=False, blank_ok=True),
                Column("confidence", checks.one_of(*CONFIDENCES), required=False, blank_ok=True),
                Column("body", required=False, blank_ok=True),
                Column("body_kind", checks.one_of("", *BODY_KINDS), required=False, blank_ok=True),
                Column("body_source", sources, required=False, blank_ok=True),
                Column("notes", required=False, blank_ok=True),
            ),
            key="area_id",
            needs_source={"body": "body_source", "body_kind": "body"},
        ),
        ROUNDS_FILE: TableSpec(
            ROUNDS_FILE,
            (
                Column("round", checks.positive_int),
                Column("label_th"),
                Column("label_en"),
                Column("decided_on", checks.date, blank_ok=True),
                Column("decided_source", sources, blank_ok=True),
                Column("awarded_on", checks.date, blank_ok=True),
                Column("awarded_source", sources, blank_ok=True),
                Column("awarded_on_other", checks.date, required=False, blank_ok=True),
                Column("awarded_other_source", sources, required=False, blank_ok=True),
                Column("areas_stated", checks.count, required=False, blank_ok=True),
                Column("provinces_stated", checks.count, required=False, blank_ok=True),
                Column("stated_source", sources, required=False, blank_ok=True),
                Column("notes", required=False, blank_ok=True),
            ),
            key="round",
            needs_source={
                "decided_on": "decided_source",
                "awarded_on": "awarded_source",
                "awarded_on_other": "awarded_other_source",
                "areas_stated": "stated_source",
                "provinces_stated": "stated_source",
            },
        ),
        CLAIMS_FILE: TableSpec(
            CLAIMS_FILE,
            (
                Column("claim_id", checks.slug),
                Column("round", checks.positive_int, blank_ok=True),
                Column("metric", checks.one_of(*METRICS)),
                Column("value", checks.amount),
                Column("qualifier", checks.one_of(*QUALIFIERS), blank_ok=True),
                Column("statement", checks.one_of(*STATEMENTS), missing="problem_statement_missing"),
                # The source's words that make it that kind of statement (verbatim; checked in an article).
                Column("statement_words", blank_ok=True),
                Column("scope_th"),
                Column("scope_en"),
                Column("target_by", checks.year, required=False, blank_ok=True),
                Column("stated_on", checks.partial_date, blank_ok=True),
                Column("source", sources),
                Column("conflict_group", required=False, blank_ok=True),
                Column("notes", required=False, blank_ok=True),
            ),
            key="claim_id",
        ),
        MILESTONES_FILE: TableSpec(
            MILESTONES_FILE,
            (
                Column("milestone_id", checks.slug),
                Column("date", checks.partial_date),
                Column("end_date", checks.date, required=False, blank_ok=True),
                Column("kind", checks.one_of(*MILESTONE_KINDS)),
                Column("title_th"),
                Column("title_en"),
                Column("provinces", checks.province_list(index), blank_ok=True),
                Column("source", sources),
                Column("conflict_group", required=False, blank_ok=True),
                Column("notes", required=False, blank_ok=True),
            ),
            key="milestone_id",
        ),
        STATUS_FILE: TableSpec(
            STATUS_FILE,
            (
                Column("area_id", checks.slug),
                Column("status", checks.one_of(*STATUS_EVENTS)),
                Column("date", checks.date),
                Column("source", sources),
                Column("date_source", sources, required=False, blank_ok=True),
                Column("confidence", checks.one_of(*CONFIDENCES), blank_ok=True),
                Column("notes", required=False, blank_ok=True),
            ),
            key="",
        ),
        SOURCES_FILE: TableSpec(
            SOURCES_FILE,
            (
                Column("source", sources),
                Column("publisher_th"),
                Column("publisher_en"),
                Column("published_on", checks.date, blank_ok=True),
                Column("origin", blank_ok=True),
                Column("notes", required=False, blank_ok=True),
            ),
            key="source",
        ),
        PILOTS_FILE: TableSpec(
            PILOTS_FILE,
            (
                Column("pilot_id", checks.slug),
                Column("name_th"),
                Column("name_en"),
                Column("type", checks.one_of(*MUNICIPALITY_TYPES)),
                Column("province_code", province),
                Column("source", sources),
                Column("area_id", checks.slug, blank_ok=True),  # the certified area it became, if any
                Column("notes"),  # the basis for the match, or why there is none
            ),
            key="pilot_id",
        ),
        ASCN_FILE: TableSpec(
            ASCN_FILE,
            (
                Column("city_id", checks.slug),
                Column("name_th"),
                Column("name_en"),
                Column("province_code", province),
                Column("status_2022", checks.one_of(*ASCN_STATUSES)),  # as 000 gives it (9 Nov 2022)
                Column("status_source", sources),
                Column("joined", checks.year, blank_ok=True),
                Column("joined_source", sources, blank_ok=True),
                Column("proposed_on", checks.date, blank_ok=True),
                Column("counts_toward_targets", checks.one_of("yes", "no", ""), blank_ok=True),
                Column("notes", required=False, blank_ok=True),
            ),
            key="city_id",
            needs_source={"joined": "joined_source"},
        ),
        PROGRAMME_FILE: TableSpec(
            PROGRAMME_FILE,
            (
                Column("fact_id", checks.slug),
                Column("topic", checks.one_of(*PROGRAMME_TOPICS)),
                Column("order", checks.positive_int),  # its place within the topic
                Column("title_th"),
                Column("title_en"),
                Column("detail_th"),
                Column("detail_en"),
                Column("source", sources),
                Column("quote"),  # the source's words it rests on, verbatim (checked in an article)
                Column("as_of", checks.partial_date, blank_ok=True),  # when it was so; blank: undated source
                Column("notes", required=False, blank_ok=True),
            ),
            key="fact_id",
        ),
    }


OPTIONAL_FILES = (STATUS_FILE, SOURCES_FILE, PILOTS_FILE, ASCN_FILE, PROGRAMME_FILE)


def check_table(table: CsvTable, spec: TableSpec) -> tuple[pd.DataFrame, list[Problem], set]:
    """Check every cell of ``table`` against ``spec``.

    Returns the sound rows (typed), the problems, and every valid key in the file, including
    keys of rows with other problems, so that references to them do not cascade into more errors.
    """
    problems = [
        Problem.keyed(spec.file, 1, column.name, "", "problem_column_missing", columns=", ".join(table.header))
        for column in spec.columns
        if column.required and column.name not in table.header
    ]
    if problems:
        return empty_frame(spec), problems, set()
    present = [c for c in spec.columns if c.name in table.header]
    first_row_of: dict[str, int] = {}
    records, keys = [], set()
    for number, values in table.rows:
        record, row_problems = check_row(spec, present, number, values)
        key = values.get(spec.key, "") if spec.key else ""
        if key and key in first_row_of:
            first = first_row_of[key]
            row_problems.append(
                Problem.keyed(spec.file, number, spec.key, key, "problem_duplicate", name=spec.key, first=first)
            )
        first_row_of.setdefault(key, number)
        if spec.key and record[spec.key] is not None:
            keys.add(record[spec.key])
        problems.extend(row_problems)
        if not row_problems:
            records.append(record | {"row": number})
    frame = pd.DataFrame.from_records(records, columns=[*spec.column_names, "row"])
    return typed(frame, spec), problems, keys


def typed(frame: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """Whole-number columns as nullable integers; text columns (free or from a list) with '' for blank."""
    for column in spec.columns:
        values = frame[column.name]
        if column.check in (checks.positive_int, checks.count, checks.year):
            frame[column.name] = values.astype("Int64")
        elif values.map(lambda v: isinstance(v, str) or v is None or (isinstance(v, float) and pd.isna(v))).all():
            frame[column.name] = values.fillna("").astype(str)
    return frame


def check_row(
    spec: TableSpec, columns: list[Column], number: int, values: dict[str, str]
) -> tuple[dict[str, object], list[Problem]]:
    record: dict[str, object] = {c.name: None for c in spec.columns}
    problems = []
    for column in columns:
        value = values.get(column.name, "")
        if not value:
            if not column.blank_ok:
                problems.append(Problem.keyed(spec.file, number, column.name, value, column.missing))
            continue
        try:
            record[column.name] = column.check(value)
        except checks.CellError as error:
            problems.append(Problem.keyed(spec.file, number, column.name, value, error.key, **error.values))
    for value_column, source_column in spec.needs_source.items():
        if values.get(value_column) and not values.get(source_column):
            problems.append(
                Problem.keyed(spec.file, number, source_column, "", "problem_needs_source", filled=value_column)
            )
    return record, problems


def empty_frame(spec: TableSpec) -> pd.DataFrame:
    return typed(pd.DataFrame(columns=[*spec.column_names, "row"]), spec)


@dataclass(frozen=True)
class Tables:
    """The loaded, checked tables. Rows with problems are left out; ``problems`` says which."""

    areas: pd.DataFrame
    rounds: pd.DataFrame
    claims: pd.DataFrame
    milestones: pd.DataFrame
    provinces: pd.DataFrame
    index: ProvinceIndex
    problems: tuple[Problem, ...]
    data_dir: Path
    statuses: pd.DataFrame | None = None  # area_status.csv; None when the file is absent
    sources: pd.DataFrame | None = None  # sources.csv; None when the file is absent
    pilots: pd.DataFrame | None = None  # pilots.csv
    ascn: pd.DataFrame | None = None  # ascn.csv
    programme: pd.DataFrame | None = None  # programme.csv
    # The rounds as every view reads them (numbers, labels, dates), from ``rounds`` once.
    round_index: RoundIndex = field(default_factory=RoundIndex)
    # Tables derived from these, made once (see status.status_events): the tables never change.
    derived: dict[str, pd.DataFrame] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def sources_dir(self) -> Path:
        return self.data_dir / "sources"


def read_provinces(
    data_dir: Path, expected_count: int | None = PROVINCE_COUNT
) -> tuple[pd.DataFrame, ProvinceIndex, list[Problem]]:
    """Read provinces.csv and build the name index every other table resolves through.

    ``expected_count`` is 77 for Thailand; None skips the count (small test fixtures).
    """
    spec = province_spec()
    table, problems = read_csv(data_dir / PROVINCES_FILE)
    if table is None:
        return empty_frame(spec), ProvinceIndex([]), problems
    frame, found, _ = check_table(table, spec)
    problems += found
    bad_codes = ~frame["code"].str.fullmatch(r"TH-\d{2}")
    for _, row in frame[bad_codes].iterrows():
        problems.append(Problem.keyed(PROVINCES_FILE, row["row"], "code", row["code"], "problem_province_code"))
    frame = frame[~bad_codes]
    # Names resolve through every row that has them, so one bad population figure does not
    # turn each mention of that province elsewhere into an "unknown province" error.
    named_rows = [v for _, v in table.rows if CODE_SHAPE.fullmatch(v.get("code", "")) and v.get("name_en")]
    if expected_count is not None and not problems and len(frame) != expected_count:
        problems.append(
            Problem.keyed(PROVINCES_FILE, 0, "(rows)", str(len(frame)), "problem_province_count", n=expected_count)
        )
    try:
        index = ProvinceIndex(
            (Province(v["code"], v.get("name_th", ""), v["name_en"]), names_of(v)) for v in named_rows
        )
    except ValueError as error:
        problems.append(Problem(PROVINCES_FILE, 0, "aliases", "", str(error)))
        index = ProvinceIndex([])
    frame = frame.assign(population=frame["population"].astype("int64"))
    return frame.reset_index(drop=True), index, problems


def names_of(values: dict[str, str]) -> list[str]:
    """Every alias of a provinces.csv row."""
    return [name for column in ("aliases_en", "aliases_th", "abbr_th") for name in split_list(values.get(column, ""))]


def read_tables(data_dir: Path | None = None, province_count: int | None = PROVINCE_COUNT) -> Tables:
    """Read and check every table in ``data_dir`` (default: ``SMARTCITY_DATA_DIR`` or data/)."""
    data_dir = Path(data_dir) if data_dir else data_dir_from_environment()
    provinces, index, problems = read_provinces(data_dir, province_count)
    frames, keys = {}, {}
    for file, spec in table_specs(index, data_dir / "sources").items():
        if file in OPTIONAL_FILES and not (data_dir / file).exists():
            frames[file], keys[file] = None, None
            continue
        table, read_problems = read_csv(data_dir / file)
        problems += read_problems
        if table is None:
            frames[file], keys[file] = empty_frame(spec), None
            continue
        frames[file], found, keys[file] = check_table(table, spec)
        problems += found
    areas_complete = not any(p.file == AREAS_FILE for p in problems)
    problems += check_references(frames, keys[ROUNDS_FILE], areas_complete)
    areas_complete = not any(p.file == AREAS_FILE for p in problems)
    statuses_complete = not any(p.file == STATUS_FILE for p in problems)
    problems += check_statuses(frames[AREAS_FILE], frames[STATUS_FILE], areas_complete, statuses_complete)
    problems += check_confidence(frames, source_origins_of(data_dir))
    problems += check_pilots(frames[PILOTS_FILE], frames[AREAS_FILE], data_dir / "sources", areas_complete)
    problems += check_statements(frames[CLAIMS_FILE], data_dir / "sources")
    problems += check_quotes(frames[PROGRAMME_FILE], PROGRAMME_FILE, "quote", data_dir / "sources")
    return Tables(
        areas=with_other_award_dates(frames[AREAS_FILE], frames[ROUNDS_FILE]),
        rounds=frames[ROUNDS_FILE],
        claims=frames[CLAIMS_FILE],
        milestones=frames[MILESTONES_FILE],
        provinces=provinces,
        index=index,
        problems=tuple(sorted(problems)),
        data_dir=data_dir,
        statuses=frames[STATUS_FILE],
        sources=frames[SOURCES_FILE],
        pilots=frames[PILOTS_FILE],
        ascn=frames[ASCN_FILE],
        programme=frames[PROGRAMME_FILE],
        round_index=RoundIndex.from_table(frames[ROUNDS_FILE]),
    )


def with_other_award_dates(areas: pd.DataFrame, rounds: pd.DataFrame) -> pd.DataFrame:
    """The areas with ``certified_on_other`` and ``certified_other_source``: the other award date
    a source gives for the area's round (rounds.csv ``awarded_on_other``) where the area's date is
    the round's, so that wherever the date is shown the other is shown beside it."""
    other = {
        int(r["round"]): (r["awarded_on"], r["awarded_on_other"], r["awarded_other_source"])
        for _, r in rounds.iterrows()
        if r.get("awarded_on_other") is not None and not pd.isna(r.get("awarded_on_other"))
    }

    def pick(area: pd.Series, position: int) -> object:
        awarded, *alternative = other.get(area["round"], (None, None, None))
        same = awarded is not None and area["certified_on"] == awarded
        return alternative[position] if same else (None if position == 0 else ())

    if areas.empty:
        return areas.assign(certified_on_other=None, certified_other_source=None)
    return areas.assign(
        certified_on_other=areas.apply(pick, axis=1, position=0),
        certified_other_source=areas.apply(pick, axis=1, position=1),
    )


def check_references(frames: dict[str, pd.DataFrame], known_rounds: set | None, areas_complete: bool) -> list[Problem]:
    """Rounds named in other tables exist, and each round's stated counts match the area list.

    The counts are compared only when every row of the area list is sound; otherwise the
    rows' own problems say more than a count that is off. ``known_rounds`` is None when
    rounds.csv could not be read at all: its own problem is then the one to report.
    """
    areas, rounds, claims = frames[AREAS_FILE], frames[ROUNDS_FILE], frames[CLAIMS_FILE]
    if known_rounds is None:
        return []
    problems = [
        Problem.keyed(file, row["row"], "round", str(row["round"]), "problem_no_such", table=ROUNDS_FILE, thing="round")
        for file, frame in ((AREAS_FILE, areas), (CLAIMS_FILE, claims))
        for _, row in frame.iterrows()
        if not pd.isna(row["round"]) and row["round"] not in known_rounds
    ]
    areas_complete = areas_complete and not any(p.file == AREAS_FILE for p in problems)
    if rounds.empty or areas.empty or not areas_complete:
        return problems
    area_counts = Counter(areas["round"])
    province_counts = areas.groupby("round")["province_code"].nunique()
    for _, row in rounds.iterrows():
        number = row["round"]
        for column, actual, noun in (
            ("areas_stated", area_counts.get(number, 0), "areas"),
            ("provinces_stated", int(province_counts.get(number, 0)), "provinces"),
        ):
            stated = row.get(column)
            if not pd.isna(stated) and int(stated) != actual:
                values = {"actual": actual, "number": number}
                key = f"problem_stated_{noun}"
                problems.append(Problem.keyed(ROUNDS_FILE, row["row"], column, str(int(stated)), key, **values))
    return problems


def check_statuses(
    areas: pd.DataFrame, statuses: pd.DataFrame | None, areas_complete: bool, statuses_complete: bool
) -> list[Problem]:
    """Every status event names a known area and fits its award date; every area has a status.

    An area with no award date must have a ``reported`` event (what is known of it); a renewal
    or a lapse needs an award before it, and a report must not come after the award. Events of
    areas missing from the loaded list are checked only when every area row is sound: otherwise
    the area row's own problem is the one to fix; likewise an area's missing report is named only
    when every status row is sound.
    """
    events = statuses if statuses is not None else pd.DataFrame(columns=["area_id", "status", "date", "row"])
    problems = []
    awarded = dict(zip(areas["area_id"], areas["certified_on"], strict=True))
    for _, event in events.iterrows():
        area_id, status, date = event["area_id"], event["status"], event["date"]
        if area_id not in awarded:
            if areas_complete:
                problems.append(
                    Problem.keyed(
                        STATUS_FILE, event["row"], "area_id", area_id, "problem_no_such", table=AREAS_FILE, thing="area"
                    )
                )
            continue
        award = awarded.get(area_id)
        if status in ("renewed", "lapsed") and (award is None or pd.isna(award) or award > date):
            values = {"status": status, "award": award or "blank"}
            problems.append(
                Problem.keyed(STATUS_FILE, event["row"], "date", str(date), "problem_before_award", **values)
            )
        if status == "reported" and award is not None and not pd.isna(award) and award < date:
            problems.append(
                Problem.keyed(STATUS_FILE, event["row"], "date", str(date), "problem_report_after", award=award)
            )
    if problems or not statuses_complete:
        return problems
    reported = set(events.loc[events["status"] == "reported", "area_id"])
    for _, area in areas.iterrows():
        if (area["certified_on"] is None or pd.isna(area["certified_on"])) and area["area_id"] not in reported:
            problems.append(Problem.keyed(AREAS_FILE, area["row"], "certified_on", "", "problem_no_report"))
    return problems


def check_confidence(frames: dict[str, pd.DataFrame | None], origins: dict[str, str]) -> list[Problem]:
    """Every confidence label is the one the rule gives from the row's sources (confidence.py)."""
    problems = []
    for file in (AREAS_FILE, STATUS_FILE):
        frame = frames.get(file)
        if frame is None or "confidence" not in frame:
            continue
        for _, row in frame.iterrows():
            label, expected = row["confidence"], derived_confidence(row["source"], origins)
            if label and label != expected:
                reports = independent_reports(row["source"], origins)
                copied = "; ".join(f"{source} copies {original}" for source, original in copies(row["source"], origins))
                values = {"expected": expected, "n": len(reports), "names": ", ".join(reports) or "none"}
                key = "problem_confidence_copies" if copied else "problem_confidence"
                values |= {"copies": copied} if copied else {}
                problems.append(Problem.keyed(file, row["row"], "confidence", label, key, **values))
    return problems


def check_statements(claims: pd.DataFrame, sources_dir: Path) -> list[Problem]:
    """A target figure is stated as a target, and the words that make a claim the kind of statement
    it is are the words of the article it cites (a URL's page cannot be read here)."""
    problems = []
    articles: dict[str, str] = {}
    for _, claim in claims.iterrows():
        is_target = claim["metric"] in TARGET_METRICS
        if is_target != (claim["statement"] == "target"):
            key = "problem_statement_target" if is_target else "problem_statement_not_target"
            problems.append(
                Problem.keyed(CLAIMS_FILE, claim["row"], "statement", claim["statement"], key, metric=claim["metric"])
            )
        cited = [s for s in claim["source"] if (sources_dir / s).is_file()]
        if not cited:
            continue
        for source in cited:
            articles.setdefault(source, (sources_dir / source).read_text(encoding="utf-8"))
        words, names = claim["statement_words"], ", ".join(cited)
        if not words:
            problems.append(
                Problem.keyed(
                    CLAIMS_FILE, claim["row"], "statement_words", "", "problem_statement_words_missing", sources=names
                )
            )
        elif not any(words in articles[source] for source in cited):
            problems.append(
                Problem.keyed(
                    CLAIMS_FILE, claim["row"], "statement_words", words, "problem_statement_words", sources=names
                )
            )
    return problems


def check_quotes(frame: pd.DataFrame | None, file: str, column: str, sources_dir: Path) -> list[Problem]:
    """Each row's quoted words are in one of the articles it cites (a URL's page cannot be read here)."""
    if frame is None:
        return []
    problems = []
    for _, row in frame.iterrows():
        cited = [s for s in row["source"] if (sources_dir / s).is_file()]
        if cited and not any(row[column] in (sources_dir / s).read_text(encoding="utf-8") for s in cited):
            problems.append(
                Problem.keyed(
                    file, row["row"], column, row[column], "problem_statement_words", sources=", ".join(cited)
                )
            )
    return problems


def check_pilots(
    pilots: pd.DataFrame | None, areas: pd.DataFrame, sources_dir: Path, areas_complete: bool
) -> list[Problem]:
    """Each pilot's Thai name is written as its source article writes it, and the area it
    became is in the area list."""
    if pilots is None:
        return []
    problems = []
    known = set(areas["area_id"])
    cited = {source for sources in pilots["source"] for source in sources}
    articles = {s: (sources_dir / s).read_text(encoding="utf-8") for s in cited if (sources_dir / s).is_file()}
    for _, pilot in pilots.iterrows():
        for source in pilot["source"]:
            if source in articles and pilot["name_th"] not in articles[source]:
                name = pilot["name_th"]
                problems.append(
                    Problem.keyed(PILOTS_FILE, pilot["row"], "name_th", name, "problem_pilot_name", source=source)
                )
        if pilot["area_id"] and areas_complete and pilot["area_id"] not in known:
            area_id = pilot["area_id"]
            problems.append(
                Problem.keyed(
                    PILOTS_FILE, pilot["row"], "area_id", area_id, "problem_no_such", table=AREAS_FILE, thing="area"
                )
            )
    return problems
