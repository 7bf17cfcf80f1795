"""pandera schemas built from the data dictionary, and their failures as :class:`Problem` s.

Each column type of ``data/catalog.yml`` becomes a pandera column with the checks it implies
(a pattern, a set of values, a real calendar date, an exact quotation of the report, …). The
row rules that need more than one cell, or the meaning of a quantity, are in :mod:`nqpf.data.rules`.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pandera.pandas as pa

from .. import report
from ..quantities import DATA_UNITS
from .catalog import Column, FileSpec
from .errors import DataFileError, Problem
from .io import in_report

_SNAKE = r"^[a-z][a-z0-9_]*$"
_CLAIM_ID = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$"
_ID = r"^[a-z0-9_.]+$"
_SOURCE_ID = r"^[a-z0-9][a-z0-9_.-]*$"
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATE_OR_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$")

#: the units a column may hold, by the catalog's ``units`` setting
UNIT_SETS = {
    "claim": sorted(DATA_UNITS | {"条", "个"}),
    "data": sorted(DATA_UNITS),
    "statistic": sorted(DATA_UNITS - {"text", "date"}),
}


def http_url(text: str) -> bool:
    """Whether ``text`` is an http(s) URL with a host and no spaces."""
    return bool(_URL.match(str(text)))


def calendar_date(text: str, pattern: re.Pattern = _PARTIAL_DATE) -> bool:
    """Whether ``text`` is a date of the given shape that exists on the calendar."""
    m = pattern.match(str(text))
    if not m:
        return False
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def _element(fn, name: str) -> pa.Check:
    return pa.Check(lambda s: s.map(fn), name=name)


def _column_checks(col: Column) -> list[pa.Check]:
    t = col.type
    if t == "snake":
        return [pa.Check.str_matches(_SNAKE)]
    if t == "claim_id":
        return [pa.Check.str_matches(_CLAIM_ID)]
    if t == "id":
        return [pa.Check.str_matches(_ID)]
    if t == "source_id":
        return [pa.Check.str_matches(_SOURCE_ID)]
    if t == "source_ids":
        return [_element(lambda s: all(re.match(_SOURCE_ID, p.strip()) for p in str(s).split(";")), "id_list")]
    if t == "date":
        return [_element(lambda s: calendar_date(s, _DATE), "calendar_date")]
    if t == "date_or_month":
        return [_element(lambda s: calendar_date(s, _DATE_OR_MONTH), "calendar_date_or_month")]
    if t == "partial_date":
        return [_element(lambda s: calendar_date(s, _PARTIAL_DATE), "calendar_partial_date")]
    if t == "url":
        return [_element(http_url, "http_url")]
    if t == "unit":
        return [pa.Check.isin(UNIT_SETS[col.units], name="known_unit")]
    if t == "report_quote":
        return [pa.Check(lambda s: s.map(in_report), name="in_report")]
    if t == "enum":
        return [pa.Check.isin(list(col.values))]
    if t == "chapter":
        return [pa.Check.isin(list(report.notebooks()), name="known_chapter")]
    return []


def schema(spec: FileSpec) -> pa.DataFrameSchema:
    """The pandera schema of one file of the catalog."""
    columns: dict[str, pa.Column] = {"_line": pa.Column(int), "_raw_value": pa.Column(object, required=False)}
    for col in spec.columns:
        if col.type in ("number", "integer"):
            columns[col.name] = pa.Column(float if col.type == "number" else int, coerce=True, nullable=col.optional)
        else:
            columns[col.name] = pa.Column(object, checks=_column_checks(col), nullable=col.optional)
    # strict: a column the dictionary does not describe is an error (a typo'd header, a stray export column)
    return pa.DataFrameSchema(columns, unique=list(spec.key) or None, strict=True)


_CHECK_TEXT = {
    "in_report": "must be an exact quotation of the report (data/report/report_zh.txt)",
    "known_unit": "must be one of the units {units}",
    "known_chapter": "must be a chapter notebook of _toc.yml ({chapters})",
    "http_url": "must be an http(s) URL with a host and no spaces",
    "calendar_date_or_month": "must be a real date written YYYY-MM or YYYY-MM-DD",
    "calendar_partial_date": "must be a real date written YYYY, YYYY-MM or YYYY-MM-DD",
    "calendar_date": "must be a real date written YYYY-MM-DD",
    "id_list": "must be ids separated by ';'",
    "column_in_schema": "is a column the data dictionary (data/catalog.yml) does not describe: remove it, or describe it there",
}


def _describe(check: str, col: Column | None) -> str:
    for key, text in _CHECK_TEXT.items():
        if check.startswith(key):
            return text.format(
                units=", ".join(UNIT_SETS[col.units] if col else UNIT_SETS["data"]),
                chapters=", ".join(report.notebooks()),
            )
    if check.startswith("str_matches"):
        return f"must match the pattern {check[len('str_matches(') : -1]}"
    if check.startswith("isin"):
        return f"must be one of {check[len('isin(') : -1]}"
    return f"fails the check {check}"


def problems_from(error: pa.errors.SchemaErrors, frame: pd.DataFrame, name: str, spec: FileSpec) -> list[Problem]:
    """pandera's failure cases as one :class:`Problem` per bad cell (duplicates merged per key)."""
    by_name = {c.name: c for c in spec.columns}
    problems: list[Problem] = []
    for _, case in error.failure_cases.iterrows():
        column = case["column"] if isinstance(case["column"], str) else None
        check = str(case["check"])
        idx = case["index"]
        line = int(frame["_line"].iloc[int(idx)]) if idx is not None and pd.notna(idx) else None
        if check == "column_in_dataframe":
            problems.append(Problem(name, 1, str(case["failure_case"]), "required column is missing from the header"))
            continue
        if check == "column_in_schema":
            problems.append(
                Problem(
                    name,
                    1,
                    str(case["failure_case"]),
                    "is a column the data dictionary "
                    "(data/catalog.yml) does not describe: remove it, or describe it there",
                )
            )
            continue
        if "dtype" in check and line is None:
            continue  # the element-level coercion failure names the row
        shown = case["failure_case"]
        if check.startswith("coerce_dtype"):
            wanted = "a whole number" if by_name.get(column) and by_name[column].type == "integer" else "a number"
            message = f"expected {wanted}, got {shown!r}"
        elif check == "not_nullable":
            message = "is empty but required"
        elif "uniqueness" in check or check == "field_uniqueness":
            message = f"duplicate key {shown!r}"
        else:
            message = f"{_describe(check, by_name.get(column))}; got {shown!r}"
        problems.append(Problem(name, line, column, message))
    problems = _merge_duplicates(problems, frame, list(spec.key))
    unique = {(p.line, p.column, p.message): p for p in problems}
    return sorted(unique.values(), key=lambda p: (p.line or 0, p.column or ""))


def _merge_duplicates(problems: list[Problem], frame: pd.DataFrame, key: list[str]) -> list[Problem]:
    """One message per duplicated row, naming the whole key and the other lines that repeat it."""
    dups = [p for p in problems if p.message.startswith("duplicate key")]
    if not dups or not key:
        return problems
    rest = [p for p in problems if not p.message.startswith("duplicate key")]
    lines = sorted({p.line for p in dups if p.line is not None})
    by_key: dict[tuple, list[int]] = {}
    for line in lines:
        row = frame[frame["_line"] == line].iloc[0]
        by_key.setdefault(tuple(row[k] for k in key), []).append(line)
    for values, where in by_key.items():
        for line in where:
            others = ", ".join(str(o) for o in where if o != line)
            shown = values[0] if len(values) == 1 else values
            rest.append(Problem(dups[0].file, line, ", ".join(key), f"duplicate key {shown!r} (also on line {others})"))
    return rest


def validate(frame: pd.DataFrame, spec: FileSpec, name: str) -> pd.DataFrame:
    """``frame`` checked against the schema of ``spec``; :class:`DataFileError` names every bad cell."""
    try:
        return schema(spec).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as error:
        raise DataFileError(problems_from(error, frame, name, spec)) from None
