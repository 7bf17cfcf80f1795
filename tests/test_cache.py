"""A cache that knows about data: a rebuild re-executes exactly the notebooks whose inputs
changed, and the page shows the new number; with nothing changed, nothing executes."""

import csv
import re
import shutil

import pytest

from conftest import build, copy_project
from nqpf import provenance

pytestmark = pytest.mark.build

# a page executed ahead of Sphinx (nqpf.book.execute, as make book does) or by Jupyter Book itself (--serial)
EXECUTED = re.compile(r"\[nqpf\] (\S+\.md): executed in|(\S+\.(?:ipynb|md)): Executed notebook")


def executed(output: str) -> set[str]:
    names = [a or b for a, b in EXECUTED.findall(output)]
    return {"/".join(name.split("/")[-2:]) for name in names}


@pytest.fixture
def built_copy(built_book, tmp_path):
    """A copy of the built project, cache and all, that a test may change."""
    project = built_book.parents[1]
    copy = tmp_path / "project"
    shutil.copytree(project, copy, symlinks=True, ignore=shutil.ignore_patterns("serve-root"))
    return copy


REGISTER = "_build/.nqpf/register.sha256"  # the shared verdicts (nqpf.book.register)


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
    # the chapters that read the file, and, since a verdict changes, the pages that show the whole register
    readers, register_pages = readers_of(built_copy, "data/official/relending.csv"), readers_of(built_copy, REGISTER)
    assert "notebooks/2-1_relending_and_capital_markets.md" in readers and "book/scorecard.md" in register_pages
    assert "book/scorecard.md" not in readers  # it reads the verdicts, not the data
    expected = readers | register_pages

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


def _edit_note(project, relpath: str) -> None:
    """Change one row's note (a column no check reads): the file changes, no verdict does."""
    path = project / relpath
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[0]["note"] = (rows[0]["note"] + " (edited by a test)").strip()
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_a_tsf_note_edit_reexecutes_only_the_pages_that_read_the_file(built_copy):
    readers = readers_of(built_copy, "data/official/tsf_stock.csv")
    assert readers and "book/scorecard.md" not in readers and "book/intro.md" not in readers
    _edit_note(built_copy, "data/official/tsf_stock.csv")
    result = build(built_copy, pdf=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    ran = executed(result.stdout + result.stderr)
    assert ran == readers  # the register pages stay cached: no verdict changed
    assert len(ran) < 14 // 2


def _glued(project) -> dict[str, dict]:
    """Every page's glued values as the site holds them (myst-nb's glue files)."""
    import json

    folder = project / "_build/html/jupyter_execute"
    return {
        str(p.relative_to(folder)): json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(folder.rglob("*.glue.json"))
    }


def _verdicts(project) -> list[tuple[str, str]]:
    page = (project / "_build/html/book/scorecard.html").read_text(encoding="utf-8")
    return re.findall(r'data-claim-id="([^"]+)"[^>]*data-verdict="(\w+)"', page)


def test_a_parallel_build_glues_the_same_values_and_verdicts_as_a_serial_one(tmp_path):
    serial, parallel = copy_project(tmp_path / "serial"), copy_project(tmp_path / "parallel")
    for project, options in ((serial, ["--serial"]), (parallel, ["--jobs", "2"])):
        result = build(project, False, *options)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        ran = executed(result.stdout + result.stderr)
        assert len(ran) == 14, (options, sorted(ran))
        if options == ["--serial"]:
            assert "Executed notebook" in result.stdout + result.stderr  # Jupyter Book ran them, one by one
        else:
            assert "executed 14 page(s)" in result.stdout  # nqpf.book.execute ran them, two at a time
    glued_serial, glued_parallel = _glued(serial), _glued(parallel)
    assert len(glued_serial) >= 13 and glued_serial == glued_parallel  # every page that glues (not the glossary)
    assert _verdicts(serial) == _verdicts(parallel) and len(_verdicts(serial)) > 100
