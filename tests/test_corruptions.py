"""A battery of plausible corruptions of data/: each must fail validation with a message that names the file,
the line and (where one applies) the column, with no traceback, and without changing a byte on disk.

Each case copies data/, breaks one thing the way a tired editor or a bad export would, runs
``nqpf validate`` on the copy and checks the message. The cases follow the rules of the data dictionary
(data/README.md): values and units stated in their quotes, dates that mean what they say, complete files,
references that resolve.
"""

from __future__ import annotations

import csv
import hashlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT
from nqpf import cli


def read_rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames), list(reader)


def write_rows(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def line_of(path: Path, match: Callable[[dict], bool]) -> int:
    """The line of the first record matching ``match`` (records are one line each in these files)."""
    _, rows = read_rows(path)
    return 2 + next(i for i, r in enumerate(rows) if match(r))


def edit_cell(file: str, match: Callable[[dict], bool], column: str, value: Callable[[str], str] | str):
    """A corruption that sets one cell of the first matching record; returns the record's line."""

    def apply(data: Path) -> int:
        path = data / file
        fields, rows = read_rows(path)
        index = next(i for i, r in enumerate(rows) if match(r))
        old = rows[index][column]
        rows[index][column] = value(old) if callable(value) else value
        write_rows(path, fields, rows)
        return index + 2

    return apply


def edit_rows(file: str, edit: Callable[[list[str], list[dict]], tuple[list[str], list[dict], int | None]]):
    def apply(data: Path) -> int | None:
        path = data / file
        fields, rows, line = edit(*read_rows(path))
        write_rows(path, fields, rows)
        return line

    return apply


def edit_bytes(file: str, edit: Callable[[bytes], bytes], line: int | None = None):
    def apply(data: Path) -> int | None:
        path = data / file
        path.write_bytes(edit(path.read_bytes()))
        return line

    return apply


def by(column: str, value: str) -> Callable[[dict], bool]:
    return lambda r: r[column] == value


def by2(c1: str, v1: str, c2: str, v2: str) -> Callable[[dict], bool]:
    return lambda r: r[c1] == v1 and r[c2] == v2


@dataclass(frozen=True)
class Case:
    name: str
    corrupt: Callable[[Path], int | None]
    file: str
    column: str | None = None
    says: str = ""  # a word the message must contain (what was expected or found)
    line: bool = True  # whether the message must name a line


QUOTA = by("indicator", "tech_innovation_2022_quota")
RATE = by("indicator", "tech_innovation_2022_rate")
SHARE = by("indicator", "sti_2024_funding_share")
ENTRUSTED_FALL = by2("indicator", "tsf_stock_entrusted_loans_growth_yoy", "period_end", "2021-12-31")
TSF_2021 = by2("indicator", "tsf_stock_total", "period_end", "2021-12-31")
FIRST_EVENT = by("event", "term_first_proposed")
RELENDING_QUOTA = by("id", "relending.quota")
FIRST_SOURCE = lambda r: True  # noqa: E731 - the first record
NEXT_GEN_IT = by("id", "xw.next_gen_it")


def _duplicate_third(fields, rows):
    return fields, [*rows, dict(rows[2])], 4


def _drop_unit(fields, rows):
    return [f for f in fields if f != "unit"], rows, None


def _extra_column(fields, rows):
    return [*fields, "comment"], [dict(r, comment="x") for r in rows], None


def _duplicate_source(fields, rows):
    return fields, [*rows, dict(rows[0])], 2


def _unregistered_check(fields, rows):
    new = dict(rows[0], id="intro.invented_claim")
    return fields, [*rows, new], len(rows) + 2


CASES = [
    # the value and its unit as written in the quote
    Case(
        "quota unit 亿元 → 万元",
        edit_cell("official/relending.csv", QUOTA, "unit", "万元"),
        "official/relending.csv",
        "unit",
        "亿元",
    ),
    Case(
        "quota unit 亿元 → 万亿元",
        edit_cell("official/relending.csv", QUOTA, "unit", "万亿元"),
        "official/relending.csv",
        "unit",
    ),
    Case(
        "a balance's sign flipped",
        edit_cell("official/tsf_stock.csv", TSF_2021, "value", lambda v: "-" + v),
        "official/tsf_stock.csv",
        "value",
    ),
    Case(
        "a fall (down 1.6%) stored as a rise",
        edit_cell("official/tsf_stock.csv", ENTRUSTED_FALL, "value", "1.6"),
        "official/tsf_stock.csv",
        "value",
    ),
    Case(
        "a share of 60% written as 0.6",
        edit_cell("official/relending.csv", SHARE, "value", "0.6"),
        "official/relending.csv",
        "value",
    ),
    Case(
        "a share of 60% written as 1",
        edit_cell("official/relending.csv", SHARE, "value", "1"),
        "official/relending.csv",
        "value",
    ),
    Case(
        "a rate changed to a number elsewhere in its quote",
        edit_cell("official/relending.csv", RATE, "value", "21"),
        "official/relending.csv",
        "value",
    ),
    Case("a rate 1.75 → 2", edit_cell("official/relending.csv", RATE, "value", "2"), "official/relending.csv", "value"),
    Case(
        "a value off by one",
        edit_cell("official/relending.csv", QUOTA, "value", "2001"),
        "official/relending.csv",
        "value",
    ),
    Case(
        "text in a numeric column",
        edit_cell("official/relending.csv", QUOTA, "value", "five thousand"),
        "official/relending.csv",
        "value",
        "five thousand",
    ),
    Case(
        "a unit not in the vocabulary",
        edit_cell("official/relending.csv", QUOTA, "unit", "billion"),
        "official/relending.csv",
        "unit",
        "billion",
    ),
    Case(
        "a percentage stored in percentage points",
        edit_cell("official/relending.csv", RATE, "unit", "个百分点"),
        "official/relending.csv",
        "unit",
    ),
    # the register agrees with the report
    Case(
        "a claim's reported changed, its quote not",
        edit_cell("report/claims.csv", RELENDING_QUOTA, "reported", "5001亿元"),
        "report/claims.csv",
        "reported",
        "quote_zh",
    ),
    Case(
        "a reported quantity the parser cannot read",
        edit_cell("report/claims.csv", RELENDING_QUOTA, "reported", "五千亿"),
        "report/claims.csv",
        "reported",
        "五千亿",
    ),
    Case(
        "a quote that is not the report's",
        edit_cell("report/claims.csv", RELENDING_QUOTA, "quote_zh", "设立6000亿元科技创新和技术改造再贷款"),
        "report/claims.csv",
        "quote_zh",
        "report",
    ),
    Case(
        "a basis outside the vocabulary",
        edit_cell("report/claims.csv", RELENDING_QUOTA, "basis", "hearsay"),
        "report/claims.csv",
        "basis",
        "hearsay",
    ),
    Case(
        "a chapter that is not in _toc.yml",
        edit_cell("report/claims.csv", RELENDING_QUOTA, "notebook", "9-9_nowhere"),
        "report/claims.csv",
        "notebook",
        "9-9_nowhere",
    ),
    Case(
        "check none without a note",
        edit_rows(
            "report/claims.csv",
            lambda f, r: (
                f,
                [dict(x, check="none", check_note="") if x["id"] == "relending.quota" else x for x in r],
                2 + [x["id"] for x in r].index("relending.quota"),
            ),
        ),
        "report/claims.csv",
        "check_note",
    ),
    Case(
        "a claim id twice",
        edit_rows("report/claims.csv", lambda f, r: (f, [*r, dict(r[5])], 7)),
        "report/claims.csv",
        "id",
        "duplicate",
    ),
    Case(
        "a claim checked by code with no registered check",
        edit_rows("report/claims.csv", _unregistered_check),
        "report/claims.csv",
        "check",
        "registered",
    ),
    # dates that mean what they say
    Case(
        "an event moved to 2099",
        edit_cell("official/events.csv", FIRST_EVENT, "date", "2099-09-07"),
        "official/events.csv",
        "date",
        "2026-11-30",
    ),
    Case(
        "an event moved by a day its quote contradicts",
        edit_cell("official/events.csv", FIRST_EVENT, "date", "2023-09-08"),
        "official/events.csv",
        "date",
    ),
    Case(
        "an impossible date (30 February)",
        edit_cell("official/tsf_stock.csv", TSF_2021, "period_end", "2021-02-30"),
        "official/tsf_stock.csv",
        "period_end",
        "real date",
    ),
    Case(
        "month 13",
        edit_cell("official/tsf_stock.csv", TSF_2021, "period_end", "2021-13-31"),
        "official/tsf_stock.csv",
        "period_end",
        "real date",
    ),
    Case(
        "a stock dated mid-month",
        edit_cell("official/tsf_stock.csv", TSF_2021, "period_end", "2021-12-30"),
        "official/tsf_stock.csv",
        "period_end",
        "month",
    ),
    Case(
        "a stock moved to a year its quote does not state",
        edit_cell("official/tsf_stock.csv", TSF_2021, "period_end", "2020-12-31"),
        "official/tsf_stock.csv",
        "period_end",
    ),
    Case(
        "a statistic after the data cut-off",
        edit_cell("official/tsf_stock.csv", TSF_2021, "period_end", "2027-12-31"),
        "official/tsf_stock.csv",
        "period_end",
        "2026-11-30",
    ),
    Case(
        "a document excerpt after the cut-off",
        edit_cell("official/documents.csv", FIRST_SOURCE, "date", "2030-03-05"),
        "official/documents.csv",
        "date",
        "2026-11-30",
    ),
    Case(
        "a pilot zone approved in month 13",
        edit_cell("report/pilot_zones.csv", FIRST_SOURCE, "approved", "2021-13"),
        "report/pilot_zones.csv",
        "approved",
    ),
    Case(
        "a page dated 31 April",
        edit_cell("sources.csv", lambda r: bool(r["page_date"]), "page_date", "2024-04-31"),
        "sources.csv",
        "page_date",
        "real date",
    ),
    # complete files, rows and cells
    Case(
        "a byte-order mark on an official CSV",
        edit_bytes("official/tech_loans.csv", lambda b: b"\xef\xbb\xbf" + b, 1),
        "official/tech_loans.csv",
        None,
        "byte-order mark",
    ),
    Case(
        "GBK bytes",
        edit_bytes("official/events.csv", lambda b: b.decode("utf-8").encode("gbk", "replace")),
        "official/events.csv",
        None,
        "GBK",
        line=False,
    ),
    Case(
        "a NUL byte",
        edit_bytes("official/lists.csv", lambda b: b[:200] + b"\x00" + b[200:]),
        "official/lists.csv",
        None,
        "NUL",
        line=False,
    ),
    Case(
        "a file cut off inside a quoted field",
        edit_bytes("official/documents.csv", lambda b: b[: b.rindex(b',"') + 5]),
        "official/documents.csv",
        None,
        "quote",
        line=False,
    ),
    Case(
        "a header-only file",
        edit_bytes("official/events.csv", lambda b: b.split(b"\n", 1)[0] + b"\n"),
        "official/events.csv",
        None,
        "no data rows",
        line=False,
    ),
    Case(
        "an empty file",
        edit_bytes("official/relending.csv", lambda b: b""),
        "official/relending.csv",
        None,
        "empty",
        line=False,
    ),
    Case(
        "a ragged row",
        edit_bytes("official/events.csv", lambda b: b + b"extra,row\n"),
        "official/events.csv",
        None,
        "fields",
    ),
    Case(
        "a cell of only spaces where a value is required",
        edit_cell("official/relending.csv", QUOTA, "source", "   "),
        "official/relending.csv",
        "source",
    ),
    Case(
        "a missing column",
        edit_rows("official/relending.csv", _drop_unit),
        "official/relending.csv",
        "unit",
        "missing",
        line=False,
    ),
    Case(
        "an unexpected column",
        edit_rows("official/relending.csv", _extra_column),
        "official/relending.csv",
        "comment",
        line=False,
    ),
    Case(
        "a duplicate key",
        edit_rows("official/relending.csv", _duplicate_third),
        "official/relending.csv",
        "indicator",
        "duplicate",
    ),
    # references resolve
    Case(
        "a source id not in the registry",
        edit_cell("official/relending.csv", QUOTA, "source", "nobody.2024.x.y"),
        "official/relending.csv",
        "source",
        "nobody.2024.x.y",
    ),
    Case(
        "a cross-check id not in the registry",
        edit_cell("official/relending.csv", QUOTA, "cross_check", "nobody.2024.x.y"),
        "official/relending.csv",
        "cross_check",
        "nobody.2024.x.y",
    ),
    Case(
        "a URL with a space in its host",
        edit_cell("sources.csv", FIRST_SOURCE, "url", lambda u: u.replace("://", "://www. ", 1)),
        "sources.csv",
        "url",
    ),
    Case(
        "a URL that does not parse",
        edit_cell("sources.csv", FIRST_SOURCE, "url", "htp:/m.09115.cn"),
        "sources.csv",
        "url",
    ),
    Case(
        "a tier outside the vocabulary",
        edit_cell("sources.csv", FIRST_SOURCE, "tier", "blog"),
        "sources.csv",
        "tier",
        "blog",
    ),
    Case("a page id twice", edit_rows("sources.csv", _duplicate_source), "sources.csv", "id", "duplicate"),
    Case(
        "an indicator the dictionary does not know",
        edit_cell("official/tsf_stock.csv", TSF_2021, "indicator", "tsf_stock_totl"),
        "official/tsf_stock.csv",
        "indicator",
        "tsf_stock_totl",
    ),
    Case(
        "a crosswalk id that does not exist",
        edit_cell("report/industry_crosswalk.csv", NEXT_GEN_IT, "new_industry_id", "emerging.next_gen_itt"),
        "report/industry_crosswalk.csv",
        "new_industry_id",
        "emerging.next_gen_itt",
    ),
    Case(
        "a list item its quote does not name",
        edit_cell("official/lists.csv", FIRST_SOURCE, "item_zh", "新一代通信技术"),
        "official/lists.csv",
        "item_zh",
    ),
    Case(
        "an unknown CSV in data/official",
        lambda data: (data / "official" / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8") and None,
        "official/notes.csv",
        None,
        "catalog",
        line=False,
    ),
    Case(
        "a file the dictionary names is missing",
        lambda data: (data / "official" / "events.csv").unlink(),
        "official/events.csv",
        None,
        "not found",
        line=False,
    ),
]


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A copy of the project's data, the table of contents and the report, which nqpf reads instead."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "_toc.yml", tmp_path / "_toc.yml")
    monkeypatch.setenv("NQPF_ROOT", str(tmp_path))
    return tmp_path


def test_the_battery_has_at_least_forty_cases_with_distinct_names():
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_corruption_fails_validation_naming_file_line_and_column(case, project, capsys):
    real_data = _hashes(ROOT / "data")
    line = case.corrupt(project / "data")
    corrupted = _hashes(project / "data")

    code = cli.main(["validate"])
    out, err = capsys.readouterr()

    assert code != 0, f"{case.name}: validation passed\n{out}"
    assert "Traceback" not in err + out
    lines = [m for m in err.splitlines() if f"data/{case.file}" in m]
    assert lines, f"{case.name}: no message names data/{case.file}:\n{err}"
    if case.line and line is not None:
        lines = [m for m in lines if f"line {line}" in m]
        assert lines, f"{case.name}: no message names line {line}:\n{err}"
    if case.column:  # a key's message names all its columns: column 'indicator, period_end, source'
        lines = [m for m in lines if re.search(rf"column '([^']*, )?{re.escape(case.column)}(, [^']*)?'", m)]
        assert lines, f"{case.name}: no message names column {case.column}:\n{err}"
    if case.says:
        assert any(case.says.lower() in m.lower() for m in lines), f"{case.name}: no message says {case.says!r}:\n{err}"
    assert _hashes(project / "data") == corrupted, "validation changed the data"
    assert _hashes(ROOT / "data") == real_data, "the real data changed"
