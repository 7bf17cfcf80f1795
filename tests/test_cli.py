"""The command line: `nqpf validate` and `nqpf scorecard`."""

import json
import subprocess
import sys

from nqpf import cli, data, engine
from nqpf.book import labels

# the columns of `nqpf scorecard --format json` (engine.EXPORT_COLUMNS, shared with the scorecard page's
# downloads): the verdict with its basis, gap, sources, inputs, alternatives, conflicts and wording
COLUMNS = [
    "id",
    "section",
    "quote_zh",
    "statement_en",
    "reported",
    "low",
    "high",
    "unit",
    "replicated",
    "verdict",
    "basis",
    "gap",
    "reason",
    "threshold",
    "sources",
    "inputs",
    "alternatives",
    "conflicts",
    "wording",
    "notebook",
]


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "nqpf.cli", *args], capture_output=True, text=True, env=env)


def test_scorecard_json_has_every_claim_with_the_documented_columns(capsys):
    assert cli.main(["scorecard", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    # one row per claim of the register
    assert len(rows) == len(data.claims()) and len(rows) >= 100 and list(rows[0]) == COLUMNS
    assert COLUMNS == engine.EXPORT_COLUMNS
    leverage = next(r for r in rows if r["id"] == "relending.credit_leverage")
    assert leverage["verdict"] == "within_precision" and leverage["low"] == 8300
    # 5000亿元 ÷ 60% is arithmetic on two sourced claims, not a number a source states
    assert leverage["basis"] == "arithmetic" and leverage["inputs"] == ["relending.quota", "relending.funding_share"]
    # the sources are objects naming the page, its original publisher and its tier
    assert leverage["sources"] and all({"id", "url", "publisher", "tier"} <= set(s) for s in leverage["sources"])


def test_scorecard_csv_filters_by_verdict(capsys):
    assert cli.main(["scorecard", "--format", "csv", "--verdict", "differs"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].split(",")[:3] == COLUMNS[:3]
    assert len(lines) >= 2 and all(",differs," in line for line in lines[1:])


def test_scorecard_table_ends_with_the_verdict_counts(capsys):
    assert cli.main(["scorecard"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    # every verdict in engine.VERDICTS order (most severe first), labelled as the book labels it
    counts = dict(part.rsplit(": ", 1) for part in last.split(", "))
    assert list(counts) == [labels.verdict(v, "en") for v in engine.VERDICTS]
    assert list(counts)[:2] == ["differs", "depends on definition"]
    assert sum(int(n) for n in counts.values()) == len(data.claims())
    assert [int(n) for n in counts.values()] == list(engine.verdict_counts(engine.scorecard()).values())


def test_validate_passes_on_the_committed_data():
    result = run("validate")
    assert result.returncode == 0 and "data files are valid" in result.stdout


def test_validate_fails_naming_the_bad_cell(data_copy):
    import os

    path = data_copy / "official/events.csv"
    text = path.read_text(encoding="utf-8").replace("2024-06-19", "19 June 2024", 1)
    path.write_text(text, encoding="utf-8")
    result = run("validate", env={**os.environ})
    assert result.returncode == 1
    assert "data/official/events.csv, line" in result.stderr and "column 'date'" in result.stderr
