"""The command line: `nqpf validate` and `nqpf scorecard`."""

import json
import subprocess
import sys

from nqpf import cli

COLUMNS = [
    "id",
    "section",
    "quote_zh",
    "reported",
    "low",
    "high",
    "unit",
    "replicated",
    "verdict",
    "reason",
    "notebook",
]


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "nqpf.cli", *args], capture_output=True, text=True, env=env)


def test_scorecard_json_has_every_claim_with_the_documented_columns(capsys):
    assert cli.main(["scorecard", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert 90 <= len(rows) <= 110 and list(rows[0]) == COLUMNS
    leverage = next(r for r in rows if r["id"] == "relending.credit_leverage")
    assert leverage["verdict"] == "within_precision" and leverage["low"] == 8300


def test_scorecard_csv_filters_by_verdict(capsys):
    assert cli.main(["scorecard", "--format", "csv", "--verdict", "differs"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].split(",")[:3] == COLUMNS[:3]
    assert len(lines) >= 2 and all(",differs," in line for line in lines[1:])


def test_scorecard_table_ends_with_the_verdict_counts(capsys):
    assert cli.main(["scorecard"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("reproduced: ") and "not_checkable: " in last


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
