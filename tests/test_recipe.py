"""The README's "How to add a claim or a data point", followed step by step in a scratch copy of the project.

A new page in the sources registry, one data row that cites it, one claim of the report with its check in
the module of its section, the data dictionary regenerated; then the README's two commands (``nqpf validate``,
``nqpf scorecard``) run on the copy, with the copy's own package. The claim must come out with the verdict its
data point implies, and the steps may touch only the files the README names.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PAGE = "example.2024-04-30.tech-sme-loans-q1-2024.example"
CLAIM = "credit.recipe_example"
# the five files the recipe touches, as the README names them
TOUCHED = {
    "data/sources.csv",
    "data/official/tech_loans.csv",
    "data/report/claims.csv",
    "src/nqpf/checks/credit.py",
    "data/README.md",
}


def readme_recipe() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## How to add a claim or a data point", 1)[1].split("\n## ", 1)[0]


def append_row(path: Path, row: dict) -> None:
    """Add a row under the file's header, in its column order (what an editor or a spreadsheet would do)."""
    text = path.read_text(encoding="utf-8")
    header = next(csv.reader([text.splitlines()[0]]))
    assert set(row) <= set(header), set(row) - set(header)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([row.get(column, "") for column in header])
    path.write_text(text + ("" if text.endswith("\n") else "\n") + out.getvalue(), encoding="utf-8")


def snapshot(project: Path) -> dict[str, str]:
    """Every source file of the project with its hash (build output and caches aside: _build holds validated
    frames and the shared verdicts, which any run may write)."""
    return {
        p.relative_to(project).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in project.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.relative_to(project).parts[0] != "_build"
    }


@pytest.fixture
def project(tmp_path) -> Path:
    """A scratch copy of what the recipe and the two commands need: the package's source and the data."""
    dest = tmp_path / "project"
    for name in ("src", "data"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("_toc.yml", "_config.yml", "pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    return dest


def nqpf(project: Path, *args: str) -> subprocess.CompletedProcess:
    """The command line of the copy (its own ``src/nqpf``, its own ``data/``), as ``make validate`` runs it."""
    env = {**os.environ, "NQPF_ROOT": str(project), "PYTHONPATH": str(project / "src")}
    return subprocess.run(
        [sys.executable, "-m", "nqpf.cli", *args], capture_output=True, text=True, env=env, cwd=project, timeout=600
    )


@pytest.mark.parametrize(("value", "verdict"), [("2.7", "reproduced"), ("2.9", "differs")])
def test_the_readme_recipe_adds_a_claim_and_a_data_point(project, value, verdict):
    before = snapshot(project)
    # 1. the page, in the sources registry
    append_row(
        project / "data/sources.csv",
        {
            "id": PAGE,
            "url": "https://example.org/2024/04/30/loan-direction-q1-2024.html",
            "title": "2024年一季度金融机构贷款投向统计报告（示例页）",
            "publisher": "中国人民银行",
            "publisher_en": "People's Bank of China",
            "tier": "official",
            "language": "zh",
            "page_kind": "original",
            "attribution": "来源：中国人民银行",
            "page_date": "2024-04-30",
            "retrieved": "2026-11",
            "note": "An example page for the README's recipe (tests/test_recipe.py).",
        },
    )
    # 2. the data point: the sentence that states it, dated by its own words
    append_row(
        project / "data/official/tech_loans.csv",
        {
            "indicator": "tech_sme_loan_balance",
            "period_end": "2024-03-31",
            "value": value,
            "unit": "万亿元",
            "source": PAGE,
            "quote": f"2024年一季度末，科技型中小企业本外币贷款余额{value}万亿元，同比增长20.4%。",
            "note": "single source; an example row for the recipe.",
        },
    )
    # 3. the claim: a sentence of the report, the quantity it states
    append_row(
        project / "data/report/claims.csv",
        {
            "id": CLAIM,
            "section": "三 四方面推动金融更好服务新质生产力",
            "quote_zh": "截至2024年一季度末，我国科技型中小企业本外币贷款余额2.7万亿元",
            "statement_en": "At end-Q1 2024, RMB+FX loans to tech SMEs stood at 2.7 trillion yuan.",
            "reported": "2.7万亿元",
            "unit": "万亿元",
            "as_of": "2024-03-31",
            "basis": "source",
            "check": "code",
            "check_note": "Compare with the PBOC's 2024Q1 loan-direction statistics.",
            "notebook": "3-1_tech_firm_loans",
        },
    )
    # validation names the missing step: the claim says `check` code, and no check is registered yet
    missing = nqpf(project, "validate")
    assert missing.returncode == 1
    assert f"claim {CLAIM} has check 'code' but no check is registered" in missing.stdout + missing.stderr
    # 4. its check, in the module of its section, as the README shows it
    checks = project / "src/nqpf/checks/credit.py"
    checks.write_text(
        checks.read_text(encoding="utf-8")
        + f'''

@CHECKS.check("{CLAIM}")
def _recipe_example(ctx: Context, claim: pd.Series) -> Evidence:
    return official_evidence(ctx, claim, "tech_sme_loan_balance", REPORT_QUARTER)
''',
        encoding="utf-8",
    )
    # 5. the data dictionary: stale until regenerated
    assert nqpf(project, "dictionary", "--check").returncode == 1
    assert nqpf(project, "dictionary", "--write").returncode == 0

    # the README's two commands
    validated = nqpf(project, "validate")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    said = validated.stdout + validated.stderr
    assert f"data folder: {project / 'data'} (from $NQPF_ROOT)" in said and "data files are valid" in said
    scored = nqpf(project, "scorecard", "--format", "json")
    assert scored.returncode == 0, scored.stderr
    row = next(r for r in json.loads(scored.stdout) if r["id"] == CLAIM)
    assert (row["verdict"], row["basis"], row["replicated"]) == (verdict, "source", float(value))
    assert [s["id"] for s in row["sources"]] == [PAGE] and row["sources"][0]["tier"] == "official"
    assert "data/official/tech_loans.csv" in row["reason"]

    # the derived files follow by themselves: the dictionary's row counts, and the bibliography (generated)
    dictionary = (project / "data/README.md").read_text(encoding="utf-8")
    rows = sum(1 for _ in csv.DictReader((project / "data/official/tech_loans.csv").open(encoding="utf-8")))
    assert f"| [`official/tech_loans.csv`](#officialtech_loanscsv) | statistics | {rows} |" in dictionary
    assert nqpf(project, "dictionary", "--check").returncode == 0
    env = {**os.environ, "NQPF_ROOT": str(project), "PYTHONPATH": str(project / "src")}
    bib = subprocess.run(
        [sys.executable, "-c", "from nqpf.book import bibliography; print(bibliography.bibtex())"],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
        timeout=600,
    )
    assert bib.returncode == 0 and PAGE in bib.stdout, bib.stderr

    # only the files the README names were touched
    after = snapshot(project)
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    assert changed == TOUCHED
    recipe = readme_recipe()
    for path in map(Path, TOUCHED):  # by its path, or by its name and its folder's path
        named = f"`{path.as_posix()}`" in recipe or (
            f"`{path.name}`" in recipe and f"`{path.parent.as_posix()}/`" in recipe
        )
        assert named, f"the README's recipe does not name {path}"
    assert re.search(r"nqpf dictionary --write", recipe) and "make validate" in recipe and "make scorecard" in recipe
