"""A broken page cannot be published: the build command (tools/build_book.py) fails on error output a build
would exit 0 with, on a missing vendored asset or local file, and leaves no stale site behind."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.build

PAGE = (
    "---\njupytext:\n  text_representation:\n    format_name: myst\nkernelspec:\n  name: python3\n"
    "  display_name: Python 3\n---\n\n# Page\n\n```{{code-cell}} ipython3\n{code}\n```\n"
)


def one_page_project(path, code: str, vendor: str = "all"):
    """A project with this repository's configuration and one page running ``code``."""
    path.mkdir(exist_ok=True)
    shutil.copy(ROOT / "_config.yml", path / "_config.yml")
    (path / "_toc.yml").write_text("format: jb-book\nroot: page\n", encoding="utf-8")
    (path / "page.md").write_text(PAGE.format(code=code), encoding="utf-8")
    if not (path / "vendor").exists():
        if vendor == "all":
            (path / "vendor").symlink_to(ROOT / "vendor")
        else:  # the stamp and the widget manager, but no MathJax
            (path / "vendor").mkdir()
            (path / "vendor" / ".installed").touch()
            (path / "vendor" / "html-manager").symlink_to(ROOT / "vendor" / "html-manager")
    return path


def build(project) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_book.py"), str(project), "--no-pdf"],
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_an_error_raised_after_a_cell_fails_the_build_and_names_the_page(tmp_path):
    # an IPython post-execute hook that raises: the cell itself succeeds, the error is printed after it
    code = "ip = get_ipython()\nip.events.register('post_execute', lambda: 1 / 0)\nprint('the cell ran')"
    result = build(one_page_project(tmp_path / "p", code))
    assert result.returncode == 1, result.stdout[-2000:]
    assert "error output in the built pages" in result.stderr and "page.html, cell" in result.stderr
    assert not (tmp_path / "p" / "_build" / "html").exists()


def test_a_failed_rebuild_leaves_no_stale_site(tmp_path):
    project = one_page_project(tmp_path / "p", "print('fine')")
    first = build(project)
    assert first.returncode == 0, first.stderr[-2000:]
    assert (project / "_build" / "html" / "page.html").is_file()

    one_page_project(project, "raise ValueError('a page that breaks')")
    second = build(project)
    assert second.returncode == 1
    assert not (project / "_build" / "html").exists()
    assert (project / "_build" / "html.failed").is_dir()
    assert "no site is published" in second.stderr


def test_a_missing_vendored_asset_fails_the_build_and_names_it(tmp_path):
    result = build(one_page_project(tmp_path / "p", "print('fine')", vendor="no-mathjax"))
    assert result.returncode == 1
    assert "vendor/mathjax/tex-chtml.js" in result.stderr and "Traceback" not in result.stderr


def test_a_page_referencing_a_missing_local_file_fails_the_build(tmp_path):
    code = 'from IPython.display import HTML\nHTML(\'<img src="figures/nowhere.png" alt="a missing figure">\')'
    result = build(one_page_project(tmp_path / "p", code))
    assert result.returncode == 1
    assert "figures/nowhere.png" in result.stderr


def test_invalid_data_stop_the_build_before_anything_is_built(tmp_path, monkeypatch):
    project = one_page_project(tmp_path / "p", "print('fine')")
    shutil.copytree(ROOT / "data", project / "data")
    path = project / "data" / "official" / "relending.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",2000,亿元,", ",2000,万元,", 1), encoding="utf-8")
    result = build(project)
    assert result.returncode == 1
    assert "data/official/relending.csv, line 2, column 'unit'" in result.stderr
    assert "Traceback" not in result.stderr and not (project / "_build").exists()
