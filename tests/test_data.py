"""Provenance and validation: quotes are the report's words, bad files name file, line and column."""

import csv
import re
from pathlib import Path

import pytest

from conftest import ROOT, SEED
from nqpf import data


def rewrite(path: Path, edit):
    """Apply ``edit`` to the rows of a CSV (a list of dicts) and write it back."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = list(reader.fieldnames), list(reader)
    fields, rows = edit(fields, rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def problems_of(loader) -> list[data.Problem]:
    with pytest.raises(data.DataFileError) as info:
        loader()
    return info.value.problems


def test_the_committed_data_is_valid():
    lines = data.validate_all()
    assert any(line.startswith("data/report/claims.csv") for line in lines)
    assert len(lines) >= 14


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed is not beside this checkout")
def test_the_report_copy_is_the_seed():
    assert (ROOT / "data/report/report_zh.txt").read_bytes() == SEED.read_bytes()


def test_every_quote_in_the_register_and_tables_is_in_the_report():
    tables = [data.claims()] + [
        data.load(f.path) for f in data.catalog().by_kind("report_table") + data.catalog().by_kind("book_table")
    ]
    quotes = [q for t in tables if "quote_zh" in t for q in t["quote_zh"].dropna()]
    assert len(quotes) > 150
    assert [q for q in quotes if not data.in_report(q)] == []


def test_the_register_holds_every_checkable_statement_with_unique_ids():
    claims = data.claims()
    assert 120 <= len(claims) <= 140
    assert claims["id"].is_unique
    assert set(claims["basis"]) == {"source", "arithmetic", "report"}


def test_every_official_number_is_stated_in_its_quote_with_its_unit_and_sign():
    from nqpf.quantities import stated_quantities

    official = data.official()
    assert len(official) > 300
    for _, row in official.iterrows():
        stated = stated_quantities(row["quote"])
        assert any(
            abs(s.number - abs(row["value"])) < 1e-9 and s.unit == row["unit"] and s.negative == (row["value"] < 0)
            for s in stated
        ), (row["file"], row["_line"])


def test_a_missing_column_is_named(data_copy):
    rewrite(data_copy / "official/relending.csv", lambda f, r: ([c for c in f if c != "unit"], r))
    problems = problems_of(lambda: data.official("relending"))
    assert any(
        p.file == "data/official/relending.csv" and p.column == "unit" and "missing" in p.message for p in problems
    )


def test_text_in_a_numeric_column_names_file_line_and_column(data_copy):
    def edit(fields, rows):
        rows[4]["value"] = "five thousand"
        return fields, rows

    rewrite(data_copy / "official/relending.csv", edit)
    [problem] = [p for p in problems_of(lambda: data.official("relending")) if "number" in p.message]
    assert (problem.file, problem.line, problem.column) == ("data/official/relending.csv", 6, "value")
    assert "five thousand" in str(problem)


def test_an_unknown_unit_is_named(data_copy):
    def edit(fields, rows):
        rows[0]["unit"] = "billion"
        return fields, rows

    rewrite(data_copy / "official/tech_loans.csv", edit)
    problems = problems_of(lambda: data.official("tech_loans"))
    assert any(p.line == 2 and p.column == "unit" and "billion" in str(p) for p in problems)


def test_a_duplicate_key_is_named_on_both_lines(data_copy):
    rewrite(data_copy / "official/relending.csv", lambda f, r: (f, [*r, r[2]]))
    problems = problems_of(lambda: data.official("relending"))
    last = len((data_copy / "official/relending.csv").read_text(encoding="utf-8").splitlines())
    dup = [p for p in problems if "duplicate" in p.message]
    key = "indicator, period_end, source"
    assert [(p.line, p.column) for p in dup] == [(4, key), (last, key)]
    assert f"also on line {last}" in dup[0].message and "tech_innovation_2022_term" in dup[0].message


def test_a_quote_not_in_the_report_is_named(data_copy):
    def edit(fields, rows):
        rows[10]["quote_zh"] = "这句话不在报告里"
        return fields, rows

    rewrite(data_copy / "report/claims.csv", edit)
    problems = problems_of(data.claims)
    assert [(p.line, p.column) for p in problems] == [(12, "quote_zh")]
    assert "exact quotation of the report" in problems[0].message


def test_a_value_missing_from_its_source_sentence_is_named(data_copy):
    def edit(fields, rows):
        rows[0]["value"] = str(float(rows[0]["value"]) + 1)
        return fields, rows

    rewrite(data_copy / "official/relending.csv", edit)
    problems = problems_of(lambda: data.official("relending"))
    assert [(p.line, p.column) for p in problems] == [(2, "value")]


def test_an_unreadable_reported_quantity_is_named(data_copy):
    def edit(fields, rows):
        row = next(r for r in rows if r["id"] == "relending.quota")
        row["reported"] = "五千亿"
        return fields, rows

    rewrite(data_copy / "report/claims.csv", edit)
    problems = problems_of(data.claims)
    assert {p.column for p in problems} == {"reported"}
    assert any("quantity the parser reads" in p.message and "五千亿" in str(p) for p in problems)


def test_a_ragged_row_is_named(data_copy):
    path = data_copy / "official/events.csv"
    path.write_text(path.read_text(encoding="utf-8") + "extra,row\n", encoding="utf-8")
    problems = problems_of(data.events)
    assert problems[0].line == len(path.read_text(encoding="utf-8").splitlines())
    assert "fields" in problems[0].message


def test_validation_never_writes_to_data(data_copy):
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    data.validate_all()
    assert before == {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}


def test_the_data_dictionary_lists_every_file_with_its_row_count():
    # data/README.md's contents table: | [`official/tech_loans.csv`](#...) | statistics | 119 |
    readme = (ROOT / "data/README.md").read_text(encoding="utf-8")
    listed = {name: int(n) for name, n in re.findall(r"\| \[`([\w/]+\.csv)`\]\([^)]*\) \| \w+ \| (\d+) \|", readme)}
    files = sorted(str(p.relative_to(ROOT / "data")) for p in (ROOT / "data").rglob("*.csv"))
    assert sorted(listed) == files
    for name, rows in listed.items():
        with (ROOT / "data" / name).open(encoding="utf-8", newline="") as fh:
            assert sum(1 for _ in csv.DictReader(fh)) == rows, name


def test_the_data_dictionary_is_current():
    from nqpf.data import dictionary

    assert (ROOT / "data/README.md").read_text(encoding="utf-8") == dictionary.render(), "run `nqpf dictionary --write`"


def test_a_url_must_have_a_scheme_and_a_host_without_spaces():
    from nqpf.data.schemas import http_url

    assert http_url("https://www.gov.cn/zhengce/content/2024-03/12/content_6939153.htm")
    assert http_url("http://m.09115.cn/jilin/guonei/153913.html")
    for bad in (
        "www.gov.cn/x",
        "htp://x.cn/",
        "https://",
        "https://www. gov.cn/x",
        "https:// gov.cn",
        "ftp://x.cn/a",
        "https://gov.cn/a b",
    ):
        assert not http_url(bad), bad
