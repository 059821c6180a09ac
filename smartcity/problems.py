"""Problems found in data files, worded so that a data editor can act on them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one value of one file.

    ``row`` is the line number as a spreadsheet shows it: the header is row 1, the first data
    row is row 2. ``row`` is 0 for a problem with the file as a whole.
    """

    file: str
    row: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.row}" if self.row else self.file
        return f"{where}: {self.column}: {quote(self.value)}: {self.message}"


def quote(value: str) -> str:
    """Show a value in single quotes, with an empty value made visible."""
    return f"'{value}'"


class DataError(Exception):
    """Raised when data cannot be used at all; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
