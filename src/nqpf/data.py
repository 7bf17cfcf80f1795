"""Loading and validating everything under ``data/``.

Every table is read through :func:`load`, which checks it against a pandera schema and
turns every failure into a :class:`DataFileError` that names the file, the line, the
column and what was expected. Nothing here writes to ``data/``.

Files (the data dictionary in ``data/README.md`` describes their columns):

* ``data/report/report_zh.txt`` — the report's text, the reference for every ``quote_zh``;
* ``data/report/claims.csv`` — the claim register;
* ``data/report/*.csv`` — the report's lists and tables (industries, measures, regional cases…);
* ``data/official/*.csv`` — official statistics and dated events, each row with its source.
"""

from __future__ import annotations

import csv
import functools
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .quantities import DATA_UNITS, QuantityError, parse_quantity

CHECK_KINDS = ("arithmetic", "official", "count", "not_checkable")
NOTEBOOKS = (
    "1-1_concept_and_timeline",
    "1-2_industry_scope",
    "2-1_relending_and_capital_markets",
    "2-2_local_practice_and_pilot_zones",
    "3-1_tech_firm_loans",
    "3-2_financing_structure",
    "3-3_recommendations",
)
CLAIM_UNITS = DATA_UNITS | {"条", "个"}
_SNAKE = r"^[a-z][a-z0-9_]*$"
_CLAIM_ID = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$"
_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
_ISO_DATE_OR_MONTH = r"^\d{4}-\d{2}(-\d{2})?$"


# --------------------------------------------------------------------------- locations
def root() -> Path:
    """The project folder: ``$NQPF_ROOT``, else the nearest parent of the working
    directory holding ``data/report/claims.csv``, else the checkout this package sits in."""
    if os.environ.get("NQPF_ROOT"):
        return Path(os.environ["NQPF_ROOT"]).resolve()
    for folder in (Path.cwd(), *Path.cwd().parents):
        if (folder / "data" / "report" / "claims.csv").is_file():
            return folder
    return Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """The ``data/`` folder of the project."""
    return root() / "data"


# --------------------------------------------------------------------------- errors
@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell (or row) of a data file."""

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
        self.problems = problems
        head = f"{len(problems)} problem(s) in the data:" if len(problems) > 1 else "a problem in the data:"
        super().__init__("\n".join([head, *(f"  - {p}" for p in problems)]))


# --------------------------------------------------------------------------- the report text
def squeeze(text: str) -> str:
    """Remove all whitespace: the PDF extraction breaks lines inside sentences."""
    return "".join(str(text).split())


@functools.lru_cache(maxsize=4)
def _report_text(path: str) -> str:
    return squeeze(Path(path).read_text(encoding="utf-8"))


def _note(path: Path) -> None:
    from .provenance import note_file
    note_file(path)


def report_text() -> str:
    """The report's text with all whitespace removed (what ``quote_zh`` is matched against)."""
    path = data_dir() / "report" / "report_zh.txt"
    _note(path)
    return _report_text(str(path))


def in_report(quote: str) -> bool:
    """Whether a quotation is an exact substring of the report (whitespace ignored)."""
    q = squeeze(quote)
    return bool(q) and q in report_text()


# --------------------------------------------------------------------------- reading
def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(root()))
    except ValueError:
        return str(path)


def read_csv_lines(path: Path) -> pd.DataFrame:
    """Read a CSV as text, keeping each record's line number in ``_line``.

    Ragged rows, a missing file and an empty file fail here, naming the line.
    """
    name = _relative(path)
    if not path.is_file():
        raise DataFileError([Problem(name, None, None, "file not found")])
    _note(path)
    with path.open(encoding="utf-8", newline="") as fh:
        try:
            reader = csv.reader(fh)
            header = next(reader, None)
            if not header:
                raise DataFileError([Problem(name, 1, None, "the file is empty (expected a header row)")])
            rows, lines, problems = [], [], []
            start = reader.line_num + 1
            for record in reader:
                if record and any(cell.strip() for cell in record):
                    if len(record) != len(header):
                        problems.append(Problem(name, start, None,
                                                f"has {len(record)} fields, the header has {len(header)}"))
                    else:
                        rows.append(record)
                        lines.append(start)
                start = reader.line_num + 1
        except UnicodeDecodeError as exc:
            raise DataFileError([Problem(name, None, None, f"is not UTF-8 text ({exc.reason})")]) from None
        except csv.Error as exc:
            raise DataFileError([Problem(name, reader.line_num, None, f"is not valid CSV ({exc})")]) from None
    if problems:
        raise DataFileError(problems)
    frame = pd.DataFrame(rows, columns=[h.strip() for h in header], dtype=object)
    frame = frame.replace({"": None})
    frame.insert(0, "_line", lines)
    return frame


def _problems_from(error: pa.errors.SchemaErrors, frame: pd.DataFrame, name: str,
                   key: list[str] | None = None) -> list[Problem]:
    problems: list[Problem] = []
    cases = error.failure_cases
    for _, case in cases.iterrows():
        column = case["column"] if isinstance(case["column"], str) else None
        check = str(case["check"])
        idx = case["index"]
        line = int(frame["_line"].iloc[int(idx)]) if idx is not None and pd.notna(idx) else None
        if check == "column_in_dataframe":
            problems.append(Problem(name, 1, str(case["failure_case"]), "required column is missing from the header"))
            continue
        if "dtype" in check and line is None:
            continue  # the element-level coercion failure names the row
        shown = case["failure_case"]
        if check in _ROW_CHECK_COLUMN and line is not None:  # a row-wise check: name the cell it is about
            column = _ROW_CHECK_COLUMN[check]
            shown = frame[column].iloc[int(idx)]
        if check.startswith("coerce_dtype"):
            message = f"expected a number, got {shown!r}"
        elif check == "not_nullable":
            message = "is empty but required"
        elif "uniqueness" in check or check == "field_uniqueness":
            message = f"duplicate key {shown!r}"
        else:
            message = f"{_describe(check)}; got {shown!r}"
        problems.append(Problem(name, line, column, message))
    problems = _merge_duplicates(problems, frame, key)
    unique = {(p.line, p.column, p.message): p for p in problems}
    return sorted(unique.values(), key=lambda p: (p.line or 0, p.column or ""))


def _merge_duplicates(problems: list[Problem], frame: pd.DataFrame, key: list[str] | None) -> list[Problem]:
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
            rest.append(Problem(dups[0].file, line, ", ".join(key),
                                f"duplicate key {shown!r} (also on line {others})"))
    return rest


#: row-wise (DataFrame-level) checks and the column each one is about
_ROW_CHECK_COLUMN = {"parsable_quantity": "reported", "value_in_quote": "value"}

_CHECK_TEXT = {
    "in_report": "must be an exact quotation of the report (data/report/report_zh.txt)",
    "known_unit": f"must be one of the units {sorted(CLAIM_UNITS)}",
    "parsable_quantity": "must be a quantity the parser reads (e.g. 8300多亿元, 80%以上, 八大, 2023年9月)",
    "value_in_quote": "the value must appear, as written, in quote_zh",
    "http_url": "must be an http(s) URL",
}


def _describe(check: str) -> str:
    for key, text in _CHECK_TEXT.items():
        if check.startswith(key):
            return text
    if check.startswith("str_matches"):
        return f"must match the pattern {check[len('str_matches('):-1]}"
    if check.startswith("isin"):
        return f"must be one of {check[len('isin('):-1]}"
    return f"fails the check {check}"


def load(path: Path | str, schema: pa.DataFrameSchema) -> pd.DataFrame:
    """Read ``path`` and validate it against ``schema``; raise :class:`DataFileError`
    naming every bad cell. Returns the validated frame (with its ``_line`` column)."""
    path = Path(path)
    if not path.is_absolute():
        path = root() / path
    frame = read_csv_lines(path)
    name = _relative(path)
    try:
        return schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as error:
        raise DataFileError(_problems_from(error, frame, name, schema.unique)) from None


# --------------------------------------------------------------------------- checks
def _in_report(series: pd.Series) -> pd.Series:
    return series.map(in_report)


def _parsable(series: pd.Series) -> pd.Series:
    def ok(text: str) -> bool:
        try:
            parse_quantity(text)
            return True
        except QuantityError:
            return False
    return series.map(ok)


_CN_SMALL = "零一二三四五六七八九十"


def value_spellings(raw: str) -> set[str]:
    """How a number may be written in a source sentence: ``2.70`` → {2.70, 2.7}, ``2`` → {2, 二, 两}."""
    raw = str(raw).strip()
    out = {raw}
    try:
        number = float(raw)
    except ValueError:
        return out
    out.add(f"{number:g}" if abs(number) < 1e6 else raw)
    if number < 0:  # a fall is written as 下降1.6%: the sign is in the words
        out |= value_spellings(raw.lstrip("-"))
    if number.is_integer() and abs(number) >= 1000:
        out.add(f"{int(number):,}")
    if "." in raw:
        out.add(raw.rstrip("0").rstrip("."))
    if number.is_integer() and 0 <= number <= 10:
        out.add(_CN_SMALL[int(number)])
        if number == 2:
            out.add("两")
    return out


def _value_in_quote(frame: pd.DataFrame) -> pd.Series:
    def ok(row) -> bool:
        quote = squeeze(row["quote_zh"] or "")
        raw = row["_raw_value"] if "_raw_value" in row else row["value"]
        return any(s in quote for s in value_spellings(raw))
    return frame.apply(ok, axis=1)


def _http(series: pd.Series) -> pd.Series:
    return series.map(lambda s: str(s).startswith(("http://", "https://")))


IN_REPORT = pa.Check(_in_report, name="in_report", element_wise=False)
HTTP_URL = pa.Check(_http, name="http_url")
KNOWN_UNIT = pa.Check.isin(sorted(CLAIM_UNITS), name="known_unit")


def _text(nullable: bool = False, *checks: pa.Check) -> pa.Column:
    return pa.Column(object, checks=list(checks), nullable=nullable)


# --------------------------------------------------------------------------- schemas
def official_schema() -> pa.DataFrameSchema:
    """Schema of every ``data/official/*.csv`` statistic file."""
    return pa.DataFrameSchema(
        {
            "_line": pa.Column(int),
            "indicator": _text(False, pa.Check.str_matches(_SNAKE)),
            "period_end": _text(False, pa.Check.str_matches(_ISO_DATE)),
            "value": pa.Column(float, coerce=True, nullable=False),
            "unit": _text(False, pa.Check.isin(sorted(DATA_UNITS - {"text", "date"}), name="known_unit")),
            "source_url": _text(False, HTTP_URL),
            "source_title": _text(True),
            "quote_zh": _text(False),
            "cross_check_url": _text(True, HTTP_URL),
            "note": _text(True),
        },
        checks=[pa.Check(_value_in_quote, name="value_in_quote")],
        unique=["indicator", "period_end"],
        strict=False,
    )


def claims_schema() -> pa.DataFrameSchema:
    """Schema of ``data/report/claims.csv``, the claim register."""
    return pa.DataFrameSchema(
        {
            "_line": pa.Column(int),
            "id": _text(False, pa.Check.str_matches(_CLAIM_ID)),
            "section": _text(False),
            "quote_zh": _text(False, IN_REPORT),
            "statement_en": _text(False),
            "reported": _text(False),
            "unit": _text(False, KNOWN_UNIT),
            "as_of": _text(True, pa.Check.str_matches(_ISO_DATE_OR_MONTH)),
            "check": _text(False, pa.Check.isin(list(CHECK_KINDS))),
            "check_note": _text(False),
            "notebook": _text(False, pa.Check.isin(list(NOTEBOOKS))),
        },
        checks=[pa.Check(lambda df: df.apply(_reported_parses, axis=1), name="parsable_quantity")],
        unique=["id"],
        strict=False,
    )


def _reported_parses(row) -> bool:
    if row["unit"] == "text":
        return True
    try:
        parse_quantity(row["reported"])
        return True
    except QuantityError:
        return False


def report_table_schema(columns: dict[str, bool], key: list[str], numeric: tuple[str, ...] = ()) -> pa.DataFrameSchema:
    """Schema of a table of the report's content: ``columns`` maps name → nullable;
    ``quote_zh`` (if present) must quote the report; ``key`` must be unique."""
    cols: dict[str, pa.Column] = {"_line": pa.Column(int)}
    for name, nullable in columns.items():
        if name in numeric:
            cols[name] = pa.Column(float, coerce=True, nullable=nullable)
        elif name == "quote_zh":
            cols[name] = pa.Column(object, checks=[IN_REPORT], nullable=nullable)
        elif name == "id":
            cols[name] = _text(False, pa.Check.str_matches(r"^[a-z0-9_.]+$"))
        elif name == "unit":
            cols[name] = _text(nullable, KNOWN_UNIT)
        elif name == "source_url":
            cols[name] = _text(nullable, HTTP_URL)
        elif name in ("approved", "as_of"):
            cols[name] = _text(nullable, pa.Check.str_matches(r"^\d{4}(-\d{2}(-\d{2})?)?$"))
        elif name == "named_in_report":
            cols[name] = _text(nullable, pa.Check.isin(["true", "false"]))
        else:
            cols[name] = _text(nullable)
    return pa.DataFrameSchema(cols, unique=key, strict=False)


def _official_with_raw(path: Path) -> pd.DataFrame:
    """Load an official file, keeping the value as written for the value-in-quote check."""
    frame = read_csv_lines(path)
    frame["_raw_value"] = frame["value"]
    name = _relative(path)
    try:
        out = official_schema().validate(frame, lazy=True)
    except pa.errors.SchemaErrors as error:
        problems = _problems_from(error, frame, name, ["indicator", "period_end"])
        raise DataFileError([
            Problem(p.file, p.line, "value" if p.message.startswith("the value must") else p.column, p.message)
            for p in problems]) from None
    out["period_end"] = pd.to_datetime(out["period_end"]).dt.date
    out["file"] = name
    return out


# --------------------------------------------------------------------------- public loaders
def claims() -> pd.DataFrame:
    """The claim register, validated."""
    return load(data_dir() / "report" / "claims.csv", claims_schema())


def official(name: str | None = None) -> pd.DataFrame:
    """Official statistics: one file (``"tech_loans"``) or all ``data/official/*.csv``
    statistic files stacked, with a ``file`` column naming where each row came from."""
    folder = data_dir() / "official"
    if not name:
        from .provenance import note_listing
        note_listing(folder)
    names = [name] if name else sorted(p.stem for p in folder.glob("*.csv") if p.stem not in SPECIAL_OFFICIAL)
    frames = [_official_with_raw(folder / f"{n}.csv") for n in names]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=list(official_schema().columns) + ["file"])
    return pd.concat(frames, ignore_index=True)


def events() -> pd.DataFrame:
    """Dated official events (``data/official/events.csv``)."""
    schema = pa.DataFrameSchema(
        {
            "_line": pa.Column(int),
            "event": _text(False, pa.Check.str_matches(_SNAKE)),
            "date": _text(False, pa.Check.str_matches(_ISO_DATE)),
            "date_precision": _text(False, pa.Check.isin(["day", "month"])),
            "description_en": _text(False),
            "source_url": _text(False, HTTP_URL),
            "source_title": _text(True),
            "quote_zh": _text(False),
            "cross_check_url": _text(True, HTTP_URL),
            "note": _text(True),
        },
        unique=["event"],
        strict=False,
    )
    frame = load(data_dir() / "official" / "events.csv", schema)
    frame["date"] = pd.to_datetime(frame["date"]).dt.date
    return frame


def documents() -> pd.DataFrame:
    """Verbatim excerpts of official documents (``data/official/documents.csv``), for the
    claims about what a document says."""
    schema = pa.DataFrameSchema(
        {
            "_line": pa.Column(int),
            "document": _text(False, pa.Check.str_matches(_SNAKE)),
            "excerpt": pa.Column(int, coerce=True, nullable=False),
            "date": _text(True, pa.Check.str_matches(r"^\d{4}(-\d{2}(-\d{2})?)?$")),
            "source_url": _text(False, HTTP_URL),
            "source_title": _text(True),
            "quote_zh": _text(False),
            "cross_check_url": _text(True, HTTP_URL),
            "note": _text(True),
        },
        unique=["document", "excerpt"],
        strict=False,
    )
    return load(data_dir() / "official" / "documents.csv", schema)


#: official files that are not statistic series (they have their own schema)
SPECIAL_OFFICIAL = {"events", "documents"}

#: report tables: file stem → (columns with nullability, key, numeric columns)
REPORT_TABLES: dict[str, tuple[dict[str, bool], list[str], tuple[str, ...]]] = {
    "new_industries": (
        {"id": False, "name_zh": False, "name_en": False, "group": False, "order": False, "quote_zh": False},
        ["id"], ("order",)),
    "sei_domains_2018": (
        {"id": False, "name_zh": False, "name_en": False, "order": False, "quote_zh": False},
        ["id"], ("order",)),
    "gwr2024_items": (
        {"id": False, "area_zh": False, "area_en": False, "item_no": False, "item_zh": False,
         "item_en": False, "sub_no": True, "named_sectors_zh": True, "quote_zh": False},
        ["id"], ("item_no",)),
    "gwr2024_named_sectors": (
        {"sector_zh": False, "sector_en": False, "area_en": False, "quote_zh": False},
        ["sector_zh"], ()),
    "star_market_measures": (
        {"id": False, "order": False, "measure_zh": False, "measure_en": False, "quote_zh": False},
        ["id"], ("order",)),
    "regional_first_loans": (
        {"id": False, "region_zh": False, "region_en": False, "bank_zh": False, "bank_en": False,
         "borrower_zh": True, "borrower_en": True, "metric": False, "reported": False, "value": True,
         "unit": True, "qualifier": True, "quote_zh": False},
        ["id"], ("value",)),
    "regional_mechanisms": (
        {"id": False, "region_zh": False, "region_en": False, "mechanism_zh": False, "mechanism_en": False,
         "metric": False, "reported": True, "value": True, "unit": True, "qualifier": True, "as_of": True,
         "quote_zh": False},
        ["id"], ("value",)),
    "pilot_zones": (
        {"id": False, "zone_zh": False, "zone_en": False, "province_zh": False, "approved": False,
         "approved_by": False, "plan_title_zh": False, "named_in_report": False, "quote_zh": True,
         "source_url": False, "source_quote_zh": False, "note": True},
        ["id"], ()),
    "recommendations": (
        {"id": False, "order": False, "heading_zh": False, "heading_en": False, "quote_zh": False},
        ["id"], ("order",)),
    "concept_components": (
        {"id": False, "term_zh": False, "term_en": False, "role_zh": False, "role_en": False, "quote_zh": False},
        ["id"], ()),
    "glossary": ({"term_zh": False, "term_en": False, "meaning_en": False}, ["term_zh"], ()),
    # this book's judgement, not the report's: which item of each industry list is the same industry
    # (checked against the three lists by nqpf.industries.check_crosswalk)
    "industry_crosswalk": (
        {"id": False, "concept_en": False, "new_industry_id": True, "sei_domain_id": True,
         "gwr_sector_zh": True, "rationale": False},
        ["id"], ()),
}


def report_table(name: str) -> pd.DataFrame:
    """One of the report's tables under ``data/report/`` (e.g. ``"new_industries"``), validated."""
    if name not in REPORT_TABLES:
        raise KeyError(f"unknown report table {name!r}; known: {sorted(REPORT_TABLES)}")
    columns, key, numeric = REPORT_TABLES[name]
    return load(data_dir() / "report" / f"{name}.csv", report_table_schema(columns, key, numeric))


def validate_all() -> list[str]:
    """Load every file under ``data/``; return a line per file checked, or raise
    :class:`DataFileError` listing the problems of every bad file."""
    problems: list[Problem] = []
    done: list[str] = []
    loaders = [("data/report/claims.csv", claims)]
    loaders += [(f"data/report/{n}.csv", functools.partial(report_table, n)) for n in sorted(REPORT_TABLES)]
    folder = data_dir() / "official"
    loaders += [(f"data/official/{p.name}", functools.partial(official, p.stem))
                for p in sorted(folder.glob("*.csv")) if p.stem not in SPECIAL_OFFICIAL]
    if (folder / "events.csv").exists():
        loaders.append(("data/official/events.csv", events))
    if (folder / "documents.csv").exists():
        loaders.append(("data/official/documents.csv", documents))
    for name, loader in loaders:
        try:
            frame = loader()
            done.append(f"{name}: {len(frame)} rows ok")
        except DataFileError as error:
            problems.extend(error.problems)
    unknown = sorted(p.name for p in (data_dir() / "report").glob("*.csv")
                     if p.stem not in REPORT_TABLES and p.stem != "claims")
    for name in unknown:
        problems.append(Problem(f"data/report/{name}", None, None,
                                "is not a known report table (add it to nqpf.data.REPORT_TABLES)"))
    if problems:
        raise DataFileError(problems)
    return done


def strip_line(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop the bookkeeping columns (``_line``, ``_raw_value``) for display."""
    return frame.drop(columns=[c for c in frame.columns if c.startswith("_")])

