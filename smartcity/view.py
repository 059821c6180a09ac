"""The view: everything that decides what a person sees, in one small value.

Read once per run at the Streamlit edge (URL and widgets) and passed explicitly to every cache,
map, figure, slide and export, so that none of them works out a date or a filter on its own.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from smartcity.choropleth import DEFAULT_METRIC
from smartcity.i18n import localised
from smartcity.status import round_date, round_date_kind
from smartcity.tables import Tables


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
        rounds = tuple(sorted(int(r) for r in tables.rounds["round"] if r <= last_round))
        return cls(
            rounds=rounds,
            date=round_date(tables, last_round),
            round=last_round,
            date_kind=round_date_kind(tables, last_round),
        )

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


def round_labels(tables: Tables, lang: str) -> dict[int, str]:
    """Each round's label in ``lang`` ("รอบที่ 1 (2564)", "Round 1 (2021)")."""
    return {int(r["round"]): r[localised("label", lang)] for _, r in tables.rounds.iterrows()}
