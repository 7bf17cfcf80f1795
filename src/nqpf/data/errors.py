"""What a bad data file reports: one :class:`Problem` per bad cell, gathered in a :class:`DataFileError`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell (or row, or file) of a data file."""

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class DataFileError(ValueError):
    """A data file that is malformed or inconsistent; lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        head = f"{len(self.problems)} problem(s) in the data:" if len(self.problems) > 1 else "a problem in the data:"
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems)]))
