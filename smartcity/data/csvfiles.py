"""Reading CSV files as a data editor saves them (UTF-8, UTF-8 with BOM, or Thai Windows cp874)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from smartcity.data.problems import Problem

# Excel on Thai Windows saves "CSV (Comma delimited)" in cp874 (a superset of TIS-620) and
# "CSV UTF-8" with a byte-order mark; utf-8-sig reads plain UTF-8 too.
ENCODINGS = ("utf-8-sig", "cp874")
OTHER_DELIMITERS = (";", "\t", "|")


@dataclass(frozen=True)
class CsvTable:
    """The header and rows of a CSV file, every value a stripped string."""

    file: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (row number as a spreadsheet shows it, values)


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Return the text and the encoding it was read with."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    # cp874 leaves a few bytes undefined; say so rather than guess.
    raise UnicodeDecodeError("cp874", raw, 0, 1, "not UTF-8 and not Thai Windows (cp874)")


def read_csv(path: Path) -> tuple[CsvTable | None, list[Problem]]:
    """Read a CSV file into strings; return the table, or None with the reasons it cannot be read."""
    name = path.name
    if not path.is_file():
        return None, [Problem.keyed(name, 0, "(file)", str(path), "problem_file_not_found")]
    try:
        text, _ = decode_bytes(path.read_bytes())
    except UnicodeDecodeError:
        return None, [Problem.keyed(name, 0, "(file)", str(path), "problem_encoding")]
    if not text.strip():
        return None, [Problem.keyed(name, 1, "(header)", "", "problem_empty_file")]
    try:
        records = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        return None, [Problem.keyed(name, 0, "(file)", str(path), "problem_unreadable_csv", error=error)]
    header = [cell.strip() for cell in records[0]]
    delimiter_problem = check_delimiter(name, records[0])
    if delimiter_problem:
        return None, [delimiter_problem]
    rows = []
    problems = []
    for index, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            # A short row is not padded and a long one not cut: which field is missing or extra
            # cannot be known, so nothing in the row is read.
            first = record[0].strip() if record else ""  # the row's key, to find it by
            problems.append(
                Problem.keyed(
                    name, index, "(row)", first, "problem_row_length", found=len(record), expected=len(header)
                )
            )
            continue
        rows.append((index, {column: cell.strip() for column, cell in zip(header, record, strict=True)}))
    return CsvTable(name, header, rows), problems


def check_delimiter(name: str, header: list[str]) -> Problem | None:
    """A header read as one cell that holds ';' or tabs was saved with the wrong delimiter."""
    if len(header) != 1:
        return None
    for delimiter in OTHER_DELIMITERS:
        if delimiter in header[0]:
            shown = "tab" if delimiter == "\t" else delimiter
            return Problem.keyed(name, 1, "(header)", header[0], "problem_delimiter", shown=shown)
    return None
