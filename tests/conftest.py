"""Shared fixtures: the repository root, a scratch copy of data/, and one built book."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_0253f07aa308d971.txt"


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A writable copy of data/ that nqpf reads instead of the real one."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.setenv("NQPF_ROOT", str(tmp_path))
    return tmp_path / "data"


def copy_project(dest: Path) -> Path:
    """A copy of the project's sources (no build output, no environment) for building."""
    ignore = shutil.ignore_patterns(".venv", "_build", ".git", "node_modules", "__pycache__", ".pytest_cache")
    shutil.copytree(ROOT, dest, ignore=ignore)
    if (ROOT / "node_modules").exists():  # vendored front-end assets come from npm, not git
        os.symlink(ROOT / "node_modules", dest / "node_modules")
    return dest


def build(project: Path, pdf: bool = True, *options: str) -> subprocess.CompletedProcess:
    """Build a project with the book's build command (tools/build_book.py: validation, strict build, scans, PDF)."""
    env = {k: v for k, v in os.environ.items() if k != "NQPF_ROOT"}
    command = [
        sys.executable,
        str(ROOT / "tools" / "build_book.py"),
        str(project),
        *([] if pdf else ["--no-pdf"]),
        *options,
    ]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=project, timeout=1800)


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> Path:
    """The whole book, built once from a fresh copy of the project with the strict flags."""
    project = copy_project(tmp_path_factory.mktemp("book") / "project")
    result = build(project)
    assert result.returncode == 0, f"the book failed to build:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return project / "_build" / "html"


def read_notebook(path: Path):
    """A chapter (MyST text notebook) as an nbformat notebook, through jupytext."""
    import jupytext

    return jupytext.read(path)


def notebook_markdown(name: str) -> str:
    """The prose of a chapter notebook (its markdown cells, joined)."""
    nb = read_notebook(ROOT / "notebooks" / f"{name}.md")
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
