"""The view: everything that decides what a person sees, in one small value.

Read once per run at the Streamlit edge (URL and widgets) and passed explicitly to every cache,
map, figure, slide and export, so that none of them works out a date or a filter on its own.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from smartcity.data.tables import Tables

DEFAULT_METRIC = "area_count"  # the map a link without ?metric= opens (a key of choropleth.METRIC_RULES)


@dataclass(frozen=True)
class AsOf:
    """What "as of" means: the rounds counted and the date their areas' statuses are taken on.

    ``round`` is the round a person chose (None when the view follows a date, as a timeline step
    does); ``rounds`` None counts every round.
    """

    rounds: tuple[int, ...] | None
    date: str | None
    round: int | None = None
    date_kind: str = "date"  # "awarded", "decided" (a round's award not found) or "date"

    @classmethod
    def of_round(cls, tables: Tables, last_round: int) -> AsOf:
        """Every round up to ``last_round``, with their statuses on that round's date (its award,
        else its decision, as for a round only reported)."""
        chosen = tables.round_index.get(last_round)
        return cls(
            rounds=tables.round_index.up_to(last_round),
            date=chosen.date if chosen else None,
            round=last_round,
            date_kind=chosen.date_kind if chosen else "decided",
        )

    @classmethod
    def latest(cls, tables: Tables) -> AsOf:
        """Every round, on the latest round's date: what a view shows unless told otherwise."""
        latest = tables.round_index.latest
        return cls(rounds=None, date=None) if latest is None else cls.of_round(tables, latest)

    @classmethod
    def on(cls, date: str | None) -> AsOf:
        """Every area announced by ``date``, with its status on that date."""
        return cls(rounds=None, date=date)


@dataclass(frozen=True)
class View:
    """Language, regions, as of, province, metric and timeline step."""

    lang: str
    region: str | None
    as_of: AsOf
    province: str | None = None
    metric: str = DEFAULT_METRIC
    step: int | None = None

    @property
    def regions(self) -> tuple[str, ...] | None:
        """The regions as the cached functions take them (hashable; None: all)."""
        return (self.region,) if self.region else None

    @property
    def last_round(self) -> int | None:
        return self.as_of.round

    def following(self, as_of: AsOf) -> View:
        """The same view on another date (a timeline step, a presenter slide)."""
        return dataclasses.replace(self, as_of=as_of)


def view_file_name(view: View) -> str:
    """A file's name saying which view it holds (the dashboard's downloads and the command line's
    files alike): thailand-smart-city-south-round1-th-83-en."""
    parts = ["thailand-smart-city", view.region or "all", f"round{view.last_round}", view.province or "", view.lang]
    return "-".join(part.lower() for part in parts if part)
