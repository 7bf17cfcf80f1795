"""The verdicts on the whole register, evaluated once per build and shared by the pages that show them all.

The introduction, the scorecard, the conclusions, the data page, the bibliography and the changes page show
every claim's verdict. If each evaluated the register itself, each would read nearly every data file, and an
edit to any file would re-execute them all. Instead :func:`refresh` evaluates it once, before any page runs
(``tools/build_book.py`` calls it), into ``_build/.nqpf/register.pkl``, beside ``register.sha256``: a digest
of the verdicts' content (every column a page can show). A page loads it with :func:`load`, whose
provenance entry is that digest, not the data files: the page re-executes when a verdict, a reason or a source
it shows changes, not whenever a data file is touched.

The artifact is keyed on its inputs (every file of ``data/`` and the code that evaluates: the package less
its book, figure and widget layers). A stale or missing artifact is evaluated afresh where it is needed, so a
notebook opened in JupyterLab is never shown old verdicts; evaluated in a kernel, the page then also records
the data files it read, which only makes its cache entry more cautious.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from .. import provenance
from ..paths import root

if TYPE_CHECKING:  # the engine and pandas are imported only when the register is evaluated or loaded
    import pandas as pd

#: the package's layers below the book: the code whose change can change a verdict
_PRESENTATION = ("book", "widgets", "figures")


def folder() -> Path:
    """Where the artifact lives: ``_build/.nqpf`` of the project."""
    return root() / "_build" / ".nqpf"


def inputs_key() -> str:
    """A hash of everything the verdicts are computed from: the data files and the evaluating code."""
    base = root()
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    code = [p for p in sorted(package.rglob("*.py")) if p.relative_to(package).parts[0] not in _PRESENTATION]
    for path in [*sorted(p for p in (base / "data").rglob("*") if p.is_file()), *code]:
        digest.update(f"{path.name}\0{provenance.file_hash(path)}\n".encode())
    return digest.hexdigest()


def content_digest(card: pd.DataFrame) -> str:
    """A digest of every value of the verdicts, independent of the process that computed them."""
    text = json.dumps(card.to_dict("records"), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _write(path: Path, data: bytes) -> None:
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def refresh() -> bool:
    """Evaluate the register into the artifact unless it is current; return whether it was evaluated."""
    where = folder()
    key = inputs_key()
    key_file, table, digest_file = where / "register.key", where / "register.pkl", where / "register.sha256"
    if key_file.is_file() and table.is_file() and digest_file.is_file() and key_file.read_text() == key:
        return False
    from .. import engine
    from ..evidence import Context

    card = engine.scorecard(Context())
    where.mkdir(parents=True, exist_ok=True)
    _write(table, pickle.dumps(card))
    digest = content_digest(card)
    if not digest_file.is_file() or digest_file.read_text() != digest:  # unchanged verdicts keep their digest
        _write(digest_file, digest.encode())
    _write(key_file, key.encode())
    return True


def load() -> pd.DataFrame:
    """The verdicts on every claim (as :func:`nqpf.engine.scorecard` gives them), from the shared artifact."""
    refresh()
    provenance.note_file(folder() / "register.sha256")
    return pickle.loads((folder() / "register.pkl").read_bytes())


__all__ = ["content_digest", "folder", "inputs_key", "load", "refresh"]
