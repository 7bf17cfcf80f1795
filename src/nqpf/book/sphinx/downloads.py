"""The data folder as a zip beside the pages (``downloads/nqpf-data.zip``), written when an HTML build ends.

A zip of the files themselves (every CSV, the report's text, the catalog and the generated dictionary
``README.md``), so a reader takes away exactly what the build read. Entries are sorted and dated 1980-01-01,
so the same data give the same bytes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from sphinx.util import logging

from ...paths import data_dir
from ..downloads import DATA_ZIP

logger = logging.getLogger(__name__)

KEEP = {".csv", ".txt", ".yml", ".md"}


def write_data_zip(target: Path, folder: Path | None = None) -> int:
    """Write the zip of ``folder`` (default: the data folder) to ``target``; return the number of files."""
    folder = folder or data_dir()
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in KEEP)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"data/{path.relative_to(folder).as_posix()}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return len(files)


def _write(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / DATA_ZIP
    n = write_data_zip(target)
    logger.info(f"[nqpf] wrote {DATA_ZIP} ({n} files of the data folder)")


def setup(app):
    app.connect("build-finished", _write)
