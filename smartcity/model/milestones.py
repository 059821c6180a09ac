"""The programme in date order: steps for the timeline, and cumulative counts over time."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from smartcity.data.tables import Tables
from smartcity.model.status import HOLDS_EMBLEM, status_events, statuses_on


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
    def on(self) -> str:
        """The step's date as a full ISO date, for status lookups (partial dates: the period's start)."""
        return sort_key(self.date)

    @property
    def conflicting(self) -> bool:
        return len(self.dates) > 1


def sort_key(date: str) -> str:
    """Partial ISO dates sort before full dates of the same period: '2018' -> '2018-00-00'."""
    return (date + "-00-00")[:10] if len(date) < 10 else date


def rounds_in_force(tables: Tables, date: str) -> tuple[int, ...]:
    return tuple(sorted(r for r, awarded in tables.round_index.award_dates().items() if awarded <= sort_key(date)))


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


@dataclass(frozen=True)
class Counts:
    """Areas by status on one date, and the provinces they lie in."""

    certified: int  # holding the emblem (renewed included)
    reported: int  # reported or endorsed, award not found
    provinces: int  # with an area of either status
    provinces_certified: int

    @property
    def announced(self) -> int:
        return self.certified + self.reported


def counts_on(tables: Tables, on: str | None, regions: list[str] | None = None) -> Counts:
    """Areas by status on ``on`` (ISO date; None: latest), in ``regions`` (None: all)."""
    status = statuses_on(tables, on)
    areas = tables.areas.assign(status=tables.areas["area_id"].map(status))
    areas = areas[areas["status"].notna()]
    if regions is not None:
        region_of = tables.provinces.set_index("code")["region"]
        areas = areas[areas["province_code"].map(region_of).isin(regions)]
    holding = areas[areas["status"].isin(HOLDS_EMBLEM)]
    return Counts(
        certified=len(holding),
        reported=int((areas["status"] == "reported").sum()),
        provinces=areas["province_code"].nunique(),
        provinces_certified=holding["province_code"].nunique(),
    )


def cumulative_series(tables: Tables, regions: list[str] | None = None) -> pd.DataFrame:
    """Areas certified, areas certified or reported, and provinces, at every status change.

    Starts from zero at the first milestone and carries the last values on to the latest event.
    """
    change_dates = sorted(set(status_events(tables)["date"]))
    first = min([sort_key(d) for d in tables.milestones["date"]] + change_dates, default=None)
    rows = [{"date": first.replace("-00", "-01"), "certified": 0, "announced": 0, "provinces": 0}] if first else []
    for date in change_dates:
        counts = counts_on(tables, date, regions)
        rows.append(
            {"date": date, "certified": counts.certified, "announced": counts.announced, "provinces": counts.provinces}
        )
    last_event = max((sort_key(d) for d in tables.milestones["date"]), default="")
    if rows and last_event > rows[-1]["date"]:
        rows.append({**rows[-1], "date": last_event})  # carry the line on to the latest event
    frame = pd.DataFrame(rows, columns=["date", "certified", "announced", "provinces"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def ascn_entered(city: pd.Series) -> str:
    """When a city entered the network's record: its proposal's date, or the year it joined."""
    if city["status_2022"] != "member" and city["proposed_on"]:
        return str(city["proposed_on"])
    return str(int(city["joined"])) if city["joined"] is not None and not pd.isna(city["joined"]) else ""


def ascn_layers(tables: Tables) -> list[tuple[str, str, pd.DataFrame]]:
    """The ASCN cities as layers by when they entered the record (key, date, cities), the earliest
    first: a step of the timeline shows only those that were there on its date (the founding
    members in 2018, not the cities proposed in 2022)."""
    if tables.ascn is None or tables.ascn.empty:
        return []
    entered = tables.ascn.apply(ascn_entered, axis=1)
    dates = sorted(set(entered))
    return [("ascn" if i == 0 else f"ascn_{date}", date, tables.ascn[entered == date]) for i, date in enumerate(dates)]
