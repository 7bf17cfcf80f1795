"""Execute one page of the book (a MyST text notebook) the way the build does, and report its errors.

Usage: ``python tools/run_page.py notebooks/3-2_financing_structure.md [--out executed.ipynb]``.
Exit 1 naming the cell when a cell raises, writes to stderr with a traceback, or shows an error output.
A quick check while writing a chapter, without building the whole book.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def errors(notebook) -> list[str]:
    """Error outputs of an executed notebook, one line each (cell number and the start of the message)."""
    found = []
    for i, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(f"cell {i}: {output.get('ename')}: {output.get('evalue')}")
            elif output.get("output_type") == "stream" and output.get("name") == "stderr":
                text = output.get("text", "")
                if "Traceback" in text or "Error" in text:
                    found.append(f"cell {i}: stderr: {text.strip().splitlines()[-1][:200]}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page")
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    path = Path(args.page).resolve()
    notebook = jupytext.read(path)
    os.environ.setdefault("NQPF_BOOK_BUILD", "1")
    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    start = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as error:
        print(f"{path.name}: {str(error).splitlines()[-1] if str(error) else error}", file=sys.stderr)
        return 1
    found = errors(notebook)
    if args.out:
        nbformat.write(notebook, args.out)
    for line in found:
        print(f"{path.name}: {line}", file=sys.stderr)
    print(f"{path.name}: executed in {time.perf_counter() - start:.1f} s, {len(found)} error output(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
