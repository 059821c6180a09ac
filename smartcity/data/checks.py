"""Value checks for table cells: each returns the parsed value or raises CellError with a reason."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from smartcity import i18n
from smartcity.data.provinces import ProvinceIndex, UnknownProvince, split_list

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
URL_PATTERN = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


class CellError(ValueError):
    """A cell value that does not fit its column; the message says what was expected.

    ``key`` names the message in i18n.py (filled with ``values``), so that it can be shown in
    the reader's language; the English text is the exception's own."""

    def __init__(self, key: str, **values: object):
        super().__init__(i18n.text(key, "en", **values))
        self.key, self.values = key, values


Check = Callable[[str], object]


def text(value: str) -> str:
    return value


def slug(value: str) -> str:
    if not SLUG.match(value):
        raise CellError("problem_slug")
    return value


def positive_int(value: str) -> int:
    if not re.fullmatch(r"\d+", value) or int(value) < 1:
        raise CellError("problem_positive_int")
    return int(value)


def count(value: str) -> int:
    if not re.fullmatch(r"\d+", value):
        raise CellError("problem_count")
    return int(value)


def year(value: str) -> int:
    if not re.fullmatch(r"\d{4}", value) or not 1900 <= int(value) <= 2200:
        raise CellError("problem_year")
    return int(value)


def amount(value: str) -> float:
    cleaned = value.replace(",", "")
    try:
        number = float(cleaned)
    except ValueError:
        raise CellError("problem_amount") from None
    if number < 0:
        raise CellError("problem_negative")
    return number


def date(value: str) -> dt.date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CellError("problem_date") from None


def period_start(value: str) -> str:
    """The first day of a partial ISO date's period: '2019' -> '2019-01-01', '2017-11' -> '2017-11-01'."""
    return value + "-01" * ((10 - len(value)) // 3)


def partial_date(value: str) -> str:
    """An ISO date of reduced precision (YYYY, YYYY-MM or YYYY-MM-DD), kept as text."""
    if not PARTIAL_DATE.match(value):
        raise CellError("problem_partial_date")
    try:
        dt.date.fromisoformat(period_start(value))
    except ValueError:
        raise CellError("problem_partial_date") from None
    return value


def one_of(*allowed: str) -> Check:
    def check(value: str) -> str:
        if value not in allowed:
            raise CellError("problem_one_of", allowed=", ".join(f"'{a}'" for a in allowed if a))
        return value

    return check


def province(index: ProvinceIndex) -> Check:
    def check(value: str) -> str:
        try:
            return index.resolve(value).code
        except UnknownProvince as unknown:
            raise CellError("problem_province", description=unknown.describe()) from None

    return check


def province_list(index: ProvinceIndex) -> Check:
    single = province(index)

    def check(value: str) -> tuple[str, ...]:
        return tuple(single(item) for item in split_list(value))

    return check


def sources(sources_dir: Path) -> Check:
    """A ';'-separated list of files in data/sources/ or http(s) URLs."""

    def check(value: str) -> tuple[str, ...]:
        items = split_list(value)
        for item in items:
            if URL_PATTERN.match(item):
                continue
            if "/" in item or "\\" in item or not (sources_dir / item).is_file():
                raise CellError("problem_source", item=item, folder=sources_dir.name)
        return tuple(items)

    return check
