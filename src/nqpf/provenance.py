"""What a notebook read, so that a cached build is never stale.

Jupyter Book's execution cache (jupyter-cache) keys a notebook on its code alone: edit a data
file and a cached build shows the old numbers. Every notebook of this book therefore ends with
a cell (tagged ``remove-cell``) that calls :func:`record`: it emits, as a hidden output, the
content hash of every file the notebook read through :mod:`nqpf.data` (or declared with
:func:`note_file`) and of every ``nqpf`` module it imported. The output is stored in the cache
with the rest of the notebook. Before the next build, :mod:`nqpf.sphinx_ext` re-hashes those
files and drops the cache record of every notebook whose inputs changed, so exactly those
notebooks execute again and everything else comes from the cache.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from .paths import root

MIME = "application/vnd.nqpf.provenance+json"
_FILES: dict[str, str] = {}


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _relative(path: Path, root: Path) -> str:
    path = Path(path).resolve()
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def note_file(path: Path | str) -> None:
    """Record that the running notebook read ``path`` (called by the data loaders)."""
    p = Path(path)
    if p.is_file():
        _FILES[_relative(p, root())] = file_hash(p)


def listing_hash(folder: Path) -> str:
    """A hash of the names of the CSV files in a folder (a new or removed file changes it)."""
    names = sorted(p.name for p in Path(folder).glob("*.csv"))
    return hashlib.sha256("\n".join(names).encode()).hexdigest()


def note_listing(folder: Path | str) -> None:
    """Record that the running notebook read every CSV file of ``folder``."""
    _FILES["dir:" + _relative(Path(folder), root())] = listing_hash(Path(folder))


def inputs() -> dict[str, dict[str, str]]:
    """The files read and the ``nqpf`` modules imported so far, each with its hash."""
    base = root()
    modules = {}
    for name, module in sorted(sys.modules.items()):
        source = getattr(module, "__file__", None)
        if (name == "nqpf" or name.startswith("nqpf.")) and source and Path(source).is_file():
            modules[_relative(Path(source), base)] = file_hash(Path(source))
    return {"files": dict(sorted(_FILES.items())), "modules": modules}


def stale_inputs(recorded: dict[str, dict[str, str]], root: Path) -> list[str]:
    """The recorded inputs whose content changed or that no longer exist."""
    changed = []
    for group in ("files", "modules"):
        for name, digest in recorded.get(group, {}).items():
            listing = name.startswith("dir:")
            path = Path(name.removeprefix("dir:"))
            path = path if path.is_absolute() else root / path
            if listing:
                now = listing_hash(path) if path.is_dir() else None
            else:
                now = file_hash(path) if path.is_file() else None
            if now != digest:
                changed.append(name)
    return changed


def find_record(notebook) -> dict | None:
    """The provenance output of an executed notebook (an ``nbformat`` node), if any."""
    for cell in reversed(notebook.get("cells", [])):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if MIME in data:
                return data[MIME]
    return None
