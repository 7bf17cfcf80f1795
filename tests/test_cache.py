"""A cache that knows about data: a rebuild re-executes exactly the notebooks whose inputs
changed, and the page shows the new number; with nothing changed, nothing executes."""

import csv
import re
import shutil

import pytest

from conftest import build
from nqpf import provenance

pytestmark = pytest.mark.build

EXECUTED = re.compile(r"(\S+\.(?:ipynb|md)): Executed notebook")


def executed(output: str) -> set[str]:
    return {m.split("/")[-2] + "/" + m.split("/")[-1] for m in EXECUTED.findall(output)}


@pytest.fixture
def built_copy(built_book, tmp_path):
    """A copy of the built project, cache and all, that a test may change."""
    project = built_book.parents[1]
    copy = tmp_path / "project"
    shutil.copytree(project, copy, symlinks=True, ignore=shutil.ignore_patterns("serve-root"))
    return copy


def readers_of(project, relpath: str) -> set[str]:
    """The pages whose cached provenance record lists ``relpath`` (or its folder's listing)."""
    from jupyter_cache import get_cache

    cache = get_cache(str(project / "_build" / ".jupyter_cache"))
    folder = "dir:" + relpath.rsplit("/", 1)[0]
    out = set()
    for record in cache.list_cache_records():
        inputs = provenance.find_record(cache.get_cache_bundle(record.pk).nb)["files"]
        if relpath in inputs or folder in inputs:
            out.add("/".join(record.uri.split("/")[-2:]))
    return out


def test_a_rebuild_with_nothing_changed_executes_nothing(built_copy):
    result = build(built_copy, pdf=False)
    assert result.returncode == 0, result.stdout[-3000:]
    assert executed(result.stdout + result.stderr) == set()


def _verdict_on_page(page, claim: str) -> str:
    match = re.search(rf'data-claim-id="{re.escape(claim)}"[^>]*data-verdict="(\w+)"', page.read_text(encoding="utf-8"))
    assert match, f"{claim} has no card on {page.name}"
    return match.group(1)


def test_a_changed_data_value_reexecutes_exactly_its_readers_and_the_verdict_follows(built_copy):
    page = built_copy / "_build/html/book/scorecard.html"
    assert _verdict_on_page(page, "relending.rate") == "reproduced"
    expected = readers_of(built_copy, "data/official/relending.csv")
    assert "book/scorecard.md" in expected and "notebooks/2-1_relending_and_capital_markets.md" in expected

    # The PBOC's 2024 relending rate, changed (value and its quoted sentence together, so the file stays valid).
    path = built_copy / "data/official/relending.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for row in rows:
        if row["indicator"] == "sti_2024_rate" and row["period_end"] == "2024-04-07":
            row["value"], row["quote"] = "1.85", row["quote"].replace("1.75%", "1.85%")
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    result = build(built_copy, pdf=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert executed(result.stdout + result.stderr) == expected
    assert _verdict_on_page(page, "relending.rate") == "differs"  # the report's 1.75% against the page's 1.85%
