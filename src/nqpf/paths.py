"""Where the project's files are: the leaf of the package.

By rule this module imports nothing from :mod:`nqpf` (as ``owid/etl``'s ``paths.py`` does), so
every other module may use it. The project folder is ``$NQPF_ROOT`` when that is set, else the
nearest parent of the working directory that holds ``data/report/claims.csv``, else the checkout
the package sits in. :func:`describe_root` says which of the three decided, because a stray
``NQPF_ROOT`` would silently swap the data a build reads.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_ROOT = "NQPF_ROOT"
#: set to "1" by the book's build (nqpf.book.sphinx, nqpf.book.execute) for the kernels it starts
BUILD_ENV = "NQPF_BOOK_BUILD"
_MARKER = Path("data") / "report" / "claims.csv"


def root() -> Path:
    """The project folder (see the module docstring for how it is found)."""
    if os.environ.get(ENV_ROOT):
        return Path(os.environ[ENV_ROOT]).resolve()
    for folder in (Path.cwd(), *Path.cwd().parents):
        if (folder / _MARKER).is_file():
            return folder
    return checkout()


def checkout() -> Path:
    """The checkout this package sits in (``src/nqpf/..``)."""
    return Path(__file__).resolve().parents[2]


def describe_root() -> str:
    """One line naming the data folder and what chose it (printed by ``nqpf validate`` and the build)."""
    where = data_dir()
    if os.environ.get(ENV_ROOT):
        return f"data folder: {where} (from ${ENV_ROOT})"
    return f"data folder: {where} (the project folder holding {_MARKER.as_posix()})"


def data_dir() -> Path:
    """The ``data/`` folder of the project."""
    return root() / "data"


def relative(path: Path | str) -> str:
    """A path relative to the project folder when it is inside it (POSIX separators), else as given."""
    p = Path(path).resolve()
    try:
        return p.relative_to(root().resolve()).as_posix()
    except ValueError:
        return str(path)
