"""Problems found in data files, worded so that a data editor can act on them."""

from __future__ import annotations

from dataclasses import dataclass, field

from smartcity.i18n import text


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
    # The message's key in i18n.py and what fills it, so that the dashboard can say it in the
    # reader's language; "" for a message written only in English.
    key: str = field(default="", compare=False)
    values: tuple[tuple[str, object], ...] = field(default=(), compare=False)

    @classmethod
    def keyed(cls, file: str, row: int, column: str, value: str, key: str, **values: object) -> Problem:
        """A problem whose message is the string ``key`` of i18n.py (English here, either language shown)."""
        return cls(file, row, column, value, text(key, "en", **values), key, tuple(values.items()))

    def __str__(self) -> str:
        return self.described("en")

    def described(self, lang: str) -> str:
        """The line file:row: column: 'value': what is wrong, the last part in ``lang`` where it has a key."""
        where = f"{self.file}:{self.row}" if self.row else self.file
        message = text(self.key, lang, **dict(self.values)) if self.key else self.message
        return f"{where}: {self.column}: {quote(self.value)}: {message}"


def quote(value: str) -> str:
    """Show a value in single quotes, with an empty value made visible."""
    return f"'{value}'"


class DataError(Exception):
    """Raised when data cannot be used at all; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
