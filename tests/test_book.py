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


def test_the_scorecard_gives_every_claim_its_card_with_the_engines_verdict(built_book):
    html = page(built_book, "book/scorecard.html")
    card = engine.scorecard()
    for row in card.itertuples():
        match = re.search(
            rf'<tr class="nqpf-claim" data-claim-id="{re.escape(row.id)}"[^>]*data-verdict="(\w+)"'
            rf'[^>]*id="claim-{re.escape(row.id)}"',
            html,
        )
        assert match and match.group(1) == str(row.verdict), row.id


def test_the_intro_names_the_findings_and_the_glued_counts_are_the_engines(built_book):
    card = engine.scorecard()
    html = page(built_book, "book/intro.html")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    assert f"{len(card)} in all" in text
    for cid in card.loc[card["verdict"].astype(str).isin(["differs", "definition_dependent"]), "id"]:
        assert f'data-claim-id="{cid}"' in html, cid
    good, total = engine.source_share(card)
    assert f"Of the {total} verdicts that rest on an outside source, {good} ({100 * good / total:.0f}%)" in text


def _data_uris(html: str) -> list[tuple[str, str, int]]:
    """(file name, CSV text, rows the link says) of every CSV download of a page."""
    import base64
    import html as html_lib

    out = []
    for href, name, rows in re.findall(
        r'<a href="data:text/csv;charset=utf-8;base64,([^"]+)" download="([^"]+)" '
        r'data-rows="(\d+)"',
        html,
    ):
        out.append((name, base64.b64decode(html_lib.unescape(href)).decode("utf-8"), int(rows)))
    return out


def test_every_chapter_links_the_data_of_its_tables_and_figures_as_csv(built_book):
    import csv
    import io

    for path in sorted((built_book / "notebooks").glob("*.html")):
        downloads = _data_uris(path.read_text(encoding="utf-8"))
        assert downloads, f"{path.name} offers no CSV"
        for name, text, rows in downloads:
            records = list(csv.DictReader(io.StringIO(text)))
            assert len(records) == rows, (path.name, name)
            assert name.endswith(".csv") and records, (path.name, name)


def test_the_scorecard_download_has_one_row_per_claim_with_basis_and_sources(built_book):
    import csv
    import io

    [(name, text, rows)] = _data_uris(page(built_book, "book/scorecard.html"))
    records = list(csv.DictReader(io.StringIO(text)))
    assert name == "nqpf-scorecard.csv" and len(records) == rows == len(engine.scorecard())
    assert {"id", "verdict", "basis", "sources", "source_tiers", "reason"} <= set(records[0])


def test_the_data_zip_holds_every_data_file_and_the_dictionary(built_book):
    import zipfile

    with zipfile.ZipFile(built_book / "downloads" / "nqpf-data.zip") as archive:
        names = set(archive.namelist())
    expected = {f"data/{p.relative_to(ROOT / 'data').as_posix()}" for p in (ROOT / "data").rglob("*.csv")}
    assert expected <= names and "data/README.md" in names and "data/catalog.yml" in names


def test_the_pdf_has_every_chapter_and_its_chinese_text(built_book):
    import subprocess

    pdf = built_book / "nqpf-book.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 500_000
    text = re.sub(
        r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    )
    for chapter in ("1-1", "1-2", "2-1", "2-2", "3-1", "3-2", "3-3", "Scorecard", "Bibliography"):
        assert chapter in text, chapter
    for words in ("新质生产力", "科技创新和技术改造再贷款", "科创金融改革试验区"):
        assert words in text, words


def test_every_figure_has_real_alt_text_and_twice_its_displayed_resolution(built_book):
    from PIL import Image

    images = 0
    for path in sorted((built_book / "notebooks").glob("*.html")):
        for tag in re.findall(r"<img [^>]*>", path.read_text(encoding="utf-8")):
            if '\\"' in tag:  # an image inside a widget's JSON state (the precomputed outputs), not the page's
                continue
            src = re.search(r'src="([^"]+)"', tag).group(1)
            if not src.startswith("../_images/"):
                continue
            images += 1
            alt = re.search(r'alt="([^"]*)"', tag)
            assert alt and len(alt.group(1).split()) >= 6 and "/" not in alt.group(1), (path.name, src)
            width = re.search(r'width(?:="|: )(\d+)', tag)
            pixels = Image.open(built_book / src.removeprefix("../")).size[0]
            assert width, (path.name, src, "no displayed width: the PNG is not marked as 2×")
            shown = int(width.group(1))
            assert pixels >= 2 * shown - 2, (path.name, src, pixels, shown)
    assert images >= 10


def _one_page_book(project, code: str):
    """A book with this repository's configuration and a single page running ``code``."""
    project.mkdir()
    shutil.copy(ROOT / "_config.yml", project / "_config.yml")
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
