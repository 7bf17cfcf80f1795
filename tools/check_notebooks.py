"""Check that the book's notebooks are MyST text that jupytext reads and writes back unchanged.

Usage: ``python tools/check_notebooks.py [PATH ...]`` (default: every page of ``notebooks/`` and
``book/``). Exits 1, naming the file, when a notebook is stored as ``.ipynb``, when jupytext's round
trip (read as MyST, write as MyST) changes it (so a cell tag or metadata would be lost), or when it
has no jupytext front matter. Pages of ``book/`` without jupytext front matter are plain pages, not
notebooks, and are skipped. Used by pre-commit and by ``tests/test_notebooks.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext

ROOT = Path(__file__).resolve().parents[1]


def problems(path: Path) -> list[str]:
    """What is wrong with one notebook (empty when nothing is)."""
    if path.suffix == ".ipynb":
        return [f"{path}: notebooks are stored as MyST text (.md); convert it with `jupytext --to myst {path}`"]
    text = path.read_text(encoding="utf-8")
    if path.parent.name == "book" and not text.startswith("---\njupytext:"):
        return []  # a plain MyST page of the book, not a notebook
    notebook = jupytext.reads(text, fmt="md:myst")
    if notebook.metadata.get("jupytext", {}).get("text_representation", {}).get("format_name") != "myst":
        return [f"{path}: no jupytext front matter with format_name: myst"]
    again = jupytext.writes(notebook, fmt="md:myst")
    if again != text:
        return [f"{path}: jupytext's round trip changes the file; run `jupytext --to myst {path}` and review"]
    return []


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted([*ROOT.glob("notebooks/*"), *ROOT.glob("book/*.md")])
    found = [p for path in paths if path.suffix in (".md", ".ipynb") for p in problems(path)]
    for message in found:
        print(message, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
