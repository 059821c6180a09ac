"""The programme in date order: steps for the timeline, and cumulative counts over time."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from smartcity.tables import Tables


@dataclass(frozen=True)
class Step:
    """One event on the timeline. ``dates`` holds every date the sources give for it."""

    key: str
    dates: tuple[str, ...]
    kind: str
    title_th: str
    title_en: str
    provinces: tuple[str, ...]
    sources: tuple[str, ...]
    notes: str
    rounds_in_force: tuple[int, ...]  # rounds whose emblems had been awarded by this date

    @property
    def date(self) -> str:
        return self.dates[0]

    @property
    def conflicting(self) -> bool:
        return len(self.dates) > 1


def sort_key(date: str) -> str:
    """Partial ISO dates sort before full dates of the same period: '2018' -> '2018-00-00'."""
    return (date + "-00-00")[:10] if len(date) < 10 else date


def award_dates(tables: Tables) -> dict[int, str]:
    """Each round's award date (the first one the rounds table states)."""
    return {int(r["round"]): str(r["awarded_on"]) for _, r in tables.rounds.iterrows() if r["awarded_on"] is not None}


def rounds_in_force(tables: Tables, date: str) -> tuple[int, ...]:
    return tuple(sorted(r for r, awarded in award_dates(tables).items() if awarded <= sort_key(date)))


def timeline_steps(tables: Tables) -> list[Step]:
    """Milestones in date order; milestones that share a conflict group become one step."""
    milestones = tables.milestones.assign(order=tables.milestones["date"].map(sort_key)).sort_values(["order", "row"])
    steps: list[Step] = []
    merged: dict[str, int] = {}
    for _, row in milestones.iterrows():
        group = row["conflict_group"]
        if group and group in merged:
            earlier = steps[merged[group]]
            steps[merged[group]] = Step(
                key=earlier.key,
                dates=(*earlier.dates, row["date"]),
                kind=earlier.kind,
                title_th=earlier.title_th,
                title_en=earlier.title_en,
                provinces=earlier.provinces,
                sources=(*earlier.sources, *row["source"]),
                notes=earlier.notes,
                rounds_in_force=earlier.rounds_in_force,
            )
            continue
        if group:
            merged[group] = len(steps)
        steps.append(
            Step(
                key=row["milestone_id"],
                dates=(row["date"],),
                kind=row["kind"],
                title_th=row["title_th"],
                title_en=row["title_en"],
                provinces=tuple(row["provinces"] or ()),
                sources=tuple(row["source"]),
                notes=row["notes"],
                rounds_in_force=rounds_in_force(tables, row["date"]),
            )
        )
    return steps


def cumulative_counts(
    tables: Tables, rounds: tuple[int, ...] | list[int], regions: list[str] | None = None
) -> tuple[int, int]:
    """Areas and provinces certified in ``rounds`` (and ``regions``)."""
    areas = tables.areas[tables.areas["round"].isin(list(rounds))]
    if regions is not None:
        region_of = tables.provinces.set_index("code")["region"]
        areas = areas[areas["province_code"].map(region_of).isin(regions)]
    return len(areas), areas["province_code"].nunique()


def cumulative_series(tables: Tables, regions: list[str] | None = None) -> pd.DataFrame:
    """Cumulative areas and provinces at each award date, starting from zero at the first milestone."""
    dates = award_dates(tables)
    first = min([sort_key(d) for d in tables.milestones["date"]] + list(dates.values()), default=None)
    rows = [{"date": first.replace("-00", "-01"), "areas": 0, "provinces": 0}] if first else []
    for awarded in sorted(dates.values()):
        in_force = [r for r, d in dates.items() if d <= awarded]
        areas, provinces = cumulative_counts(tables, in_force, regions)
        rows.append({"date": awarded, "areas": areas, "provinces": provinces})
    last_event = max((sort_key(d) for d in tables.milestones["date"]), default="")
    if rows and last_event > rows[-1]["date"]:
        rows.append({**rows[-1], "date": last_event})  # carry the line on to the latest event
    frame = pd.DataFrame(rows, columns=["date", "areas", "provinces"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame
