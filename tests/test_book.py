"""The book builds strictly, shows the engine's verdicts, and a failing notebook fails the build."""

import re
import shutil

import pytest

from conftest import ROOT, build, read_notebook
from nqpf import engine

pytestmark = pytest.mark.build


def page(html_root, name):
    return (html_root / name).read_text(encoding="utf-8")


def test_every_page_of_the_toc_is_built(built_book):
    for name in ["book/intro.html", "book/scorecard.html", "book/data.html", "book/glossary.html"]:
        assert (built_book / name).is_file(), name


def test_no_page_shows_a_traceback_or_an_error_output(built_book):
    for path in built_book.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "Traceback (most recent call last)" not in text, path
        assert 'class="output traceback' not in text and "output stderr" not in text, path


def test_the_scorecard_lists_every_claim_with_the_engines_verdict(built_book):
    html = page(built_book, "book/scorecard.html")
    card = engine.scorecard()
    for row in card.itertuples():
        match = re.search(rf'data-verdict="(\w+)"><td><code>{re.escape(row.id)}</code>', html)
        assert match and match.group(1) == row.verdict, row.id


def test_the_glued_counts_are_the_engines_counts(built_book):
    counts = engine.verdict_counts(engine.scorecard())
    text = re.sub(r"<[^>]+>", "", page(built_book, "book/scorecard.html"))
    expected = (
        f"Of the {sum(counts.values())} claims in the register, {counts['reproduced']} are "
        f"reproduced exactly, {counts['within_precision']} are within the precision"
    )
    assert expected in re.sub(r"\s+", " ", text.replace("**", ""))


def _one_page_book(project, code: str):
    """A book with this repository's configuration and a single page running ``code``."""
    project.mkdir()
    shutil.copy(ROOT / "_config.yml", project / "_config.yml")
    shutil.copy(ROOT / "references.bib", project / "references.bib")
    (project / "vendor").symlink_to(ROOT / "vendor")
    (project / "_toc.yml").write_text("format: jb-book\nroot: page\n", encoding="utf-8")
    (project / "page.md").write_text(
        "---\njupytext:\n  text_representation:\n    format_name: myst\nkernelspec:\n  name: python3\n"
        f"  display_name: Python 3\n---\n\n# Page\n\n```{{code-cell}} ipython3\n{code}\n```\n",
        encoding="utf-8",
    )
    return build(project)


def test_a_notebook_that_raises_fails_the_build(tmp_path):
    control = _one_page_book(tmp_path / "fine", "print('fine 42')")
    assert control.returncode == 0, control.stdout[-2000:]  # the same book without the error builds
    result = _one_page_book(tmp_path / "broken", "raise RuntimeError('boom 42')")
    assert result.returncode != 0
    assert "boom 42" in result.stdout + result.stderr
    page = tmp_path / "broken/_build/html/page.html"
    assert not page.exists() or "boom 42" not in page.read_text(encoding="utf-8")


def _toc_sources():
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    return [p for n in names for p in (ROOT / f"{n}.ipynb", ROOT / f"{n}.md") if p.exists()]


def _code_cells(path):
    return [c for c in read_notebook(path).cells if c.cell_type == "code"]


def test_every_executable_page_ends_by_recording_its_inputs():
    # the data-aware cache (nqpf.provenance) needs this last cell on every page that runs code
    pages = [p for p in _toc_sources() if _code_cells(p)]
    assert len(pages) >= 11
    for path in pages:
        last = _code_cells(path)[-1]
        assert "page.record()" in last.source and "remove-cell" in last.metadata.get("tags", []), path
