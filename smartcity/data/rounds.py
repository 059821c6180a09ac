"""The rounds, normalised once when the tables are loaded: what every view, URL, option and label
reads about a round (its number, its label in each language, the date an "as of" it means)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


def iso(value: object) -> str:
    """A date cell (date, partial ISO text, blank) as sortable ISO text; '' for blank."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


@dataclass(frozen=True)
class Round:
    number: int
    labels: tuple[tuple[str, str], ...]  # (language, label) pairs: hashable, like the round
    awarded_on: str  # the emblems' award ("" where no source gives it: a round only reported)
    decided_on: str

    @property
    def date(self) -> str | None:
        """The date an "as of this round" view means: the award, else the decision."""
        return self.awarded_on or self.decided_on or None

    @property
    def date_kind(self) -> str:
        """ "awarded" (the emblems' award) or "decided" (a report of the decision: award not found)."""
        return "awarded" if self.awarded_on else "decided"

    def label(self, lang: str) -> str:
        return dict(self.labels).get(lang, str(self.number))


@dataclass(frozen=True)
class RoundIndex:
    """Every round in order. The one place a round number from a URL, an option or a widget is
    checked (``parse``) and a round's label or date is looked up."""

    all: tuple[Round, ...] = ()

    @classmethod
    def from_table(cls, table: pd.DataFrame) -> RoundIndex:
        """From rounds.csv as checked (columns round, label_<lang>, awarded_on, decided_on)."""
        label_columns = [c for c in table.columns if c.startswith("label_")]
        rounds = [
            Round(
                number=int(row["round"]),
                labels=tuple((c.removeprefix("label_"), str(row[c])) for c in label_columns),
                awarded_on=iso(row["awarded_on"]),
                decided_on=iso(row["decided_on"]),
            )
            for _, row in table.iterrows()
            if not pd.isna(row["round"])
        ]
        return cls(tuple(sorted(rounds, key=lambda r: r.number)))

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(r.number for r in self.all)

    @property
    def latest(self) -> int | None:
        return self.all[-1].number if self.all else None

    def __contains__(self, number: object) -> bool:
        return number in self.numbers

    def __iter__(self):
        return iter(self.all)

    def __len__(self) -> int:
        return len(self.all)

    def get(self, number: int) -> Round | None:
        return next((r for r in self.all if r.number == number), None)

    def parse(self, value: object) -> int | None:
        """The round ``value`` names (an int or its digits), or None when it names none."""
        text = str(value).strip()
        return int(text) if text.isdigit() and int(text) in self else None

    def up_to(self, last: int) -> tuple[int, ...]:
        """The rounds an "as of round N" view counts: every round up to and including N."""
        return tuple(n for n in self.numbers if n <= last)

    def labels(self, lang: str) -> dict[int, str]:
        """Each round's label in ``lang`` ("รอบที่ 1 (2564)", "Round 1 (2021)")."""
        return {r.number: r.label(lang) for r in self.all}

    def award_dates(self) -> dict[int, str]:
        """Each awarded round's award date."""
        return {r.number: r.awarded_on for r in self.all if r.awarded_on}
