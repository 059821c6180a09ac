"""Each area's status over time: certified (emblem awarded), renewed, reported (award not found), lapsed.

The award comes from certified_areas.csv (``certified_on``); everything else from area_status.csv.
An area's status on a date is its latest event on or before that date; an area with no event
by then is not yet part of the programme.
"""

from __future__ import annotations

import pandas as pd

from smartcity.data.rounds import iso
from smartcity.data.tables import Tables

# The order events of one day apply in: a report, then the award, then a renewal or a lapse.
STATUSES = ("reported", "certified", "renewed", "lapsed")
# Statuses under which an area holds the emblem.
HOLDS_EMBLEM = ("certified", "renewed")
EVENT_COLUMNS = ["area_id", "status", "date", "source", "confidence", "notes"]


def status_events(tables: Tables) -> pd.DataFrame:
    """Every status event of every area, in the order they apply (read-only: made once per
    ``tables``, since every view's join and every timeline date starts from it)."""
    if "status_events" not in tables.derived:
        tables.derived["status_events"] = all_status_events(tables)
    return tables.derived["status_events"]


def all_status_events(tables: Tables) -> pd.DataFrame:
    """status_events, made from the tables (the award dates, then area_status.csv)."""
    awards = tables.areas[tables.areas["certified_on"].map(iso) != ""]
    certified = pd.DataFrame(
        {
            "area_id": awards["area_id"],
            "status": "certified",
            "date": awards["certified_on"].map(iso),
            "source": awards["source"],
            "confidence": awards.get("confidence", ""),
            "notes": "",
        }
    )
    frames = [certified]
    if tables.statuses is not None and not tables.statuses.empty:
        known = tables.statuses[tables.statuses["area_id"].isin(tables.areas["area_id"])]
        frames.append(known.assign(date=known["date"].map(iso))[EVENT_COLUMNS])
    frames = [frame for frame in frames if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    events = pd.concat(frames, ignore_index=True)
    events["order"] = events["status"].map(STATUSES.index)
    return events.sort_values(["date", "order"], kind="stable").drop(columns="order").reset_index(drop=True)


def latest_events(tables: Tables, on: str | None) -> pd.DataFrame:
    """Each area's latest event on or before ``on`` (ISO date; None: latest), indexed by area_id.

    Areas with no event by then (not yet announced) are absent.
    """
    events = status_events(tables)
    if on is not None:
        events = events[events["date"] <= on]
    return events.groupby("area_id", sort=False).last()


def statuses_on(tables: Tables, on: str | None) -> pd.Series:
    """Each area's status on ``on``, indexed by area_id."""
    return latest_events(tables, on)["status"]


def renewal_dates(tables: Tables) -> dict[str, str]:
    """Each renewed area's latest renewal date."""
    events = status_events(tables)
    renewed = events[events["status"] == "renewed"]
    return dict(zip(renewed["area_id"], renewed["date"], strict=True))


def data_date(tables: Tables) -> str:
    """The date the data runs to: its latest award, renewal or report ("" with none)."""
    return max((d for d in status_events(tables)["date"] if d), default="")
