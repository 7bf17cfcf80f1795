"""Reading the files under ``data/`` as text, refusing what is not clean UTF-8 CSV.

Every CSV is read through :func:`read_csv_lines`, which keeps each record's line number (so
errors and evidence can cite it) and refuses, with a message naming the file and line, a byte
order mark, a NUL byte, bytes that are not UTF-8 (GBK, say), a ragged row, a header-only file
and a truncated last record. Nothing here writes to ``data/``.
"""

from __future__ import annotations

import csv
import functools
import io
from pathlib import Path

import pandas as pd

from .. import provenance
from ..paths import data_dir, relative
from .errors import DataFileError, Problem

_BOM = b"\xef\xbb\xbf"


def squeeze(text: str) -> str:
    """Remove all whitespace: the PDF extraction breaks lines inside sentences."""
    return "".join(str(text).split())


def decode(path: Path) -> str:
    """The text of a data file; :class:`DataFileError` for a BOM, a NUL byte or non-UTF-8 bytes."""
    name = relative(path)
    raw = path.read_bytes()
    if raw.startswith(_BOM):
        raise DataFileError(
            [Problem(name, 1, None, "starts with a byte-order mark (BOM); save it as UTF-8 without a BOM")]
        )
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise DataFileError([Problem(name, line, None, "contains a NUL byte (\\x00); the file is binary or corrupted")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = " (it looks like GBK: save it as UTF-8)" if _looks_gbk(raw) else ""
        raise DataFileError(
            [Problem(name, line, None, f"is not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start}{hint}")]
        ) from None


def _looks_gbk(raw: bytes) -> bool:
    try:
        raw.decode("gbk")
        return True
    except UnicodeDecodeError:
        return False


@functools.lru_cache(maxsize=4)
def _report_text(path: str, stamp: tuple[int, int]) -> str:
    return squeeze(decode(Path(path)))


def report_text() -> str:
    """The report's text with all whitespace removed (what every ``quote_zh`` in ``report/`` is matched against)."""
    path = data_dir() / "report" / "report_zh.txt"
    if not path.is_file():
        raise DataFileError([Problem(relative(path), None, None, "file not found (the report's text)")])
    provenance.note_file(path)
    stat = path.stat()
    return _report_text(str(path), (stat.st_mtime_ns, stat.st_size))


def in_report(quote: str) -> bool:
    """Whether a quotation is an exact substring of the report (whitespace ignored)."""
    q = squeeze(quote)
    return bool(q) and q in report_text()


def read_csv_lines(path: Path) -> pd.DataFrame:
    """Read a CSV as text, keeping each record's line number in ``_line``.

    Cells are stripped; a cell holding only whitespace is empty (``None``). A missing file, an
    empty or header-only file, a ragged or truncated row fail here, naming the line.
    """
    name = relative(path)
    if not path.is_file():
        raise DataFileError([Problem(name, None, None, "file not found")])
    provenance.note_file(path)
    text = decode(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows, lines, problems = [], [], []
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise DataFileError([Problem(name, 1, None, "the file is empty (expected a header row)")])
        header = [h.strip() for h in header]
        blank = [i + 1 for i, h in enumerate(header) if not h]
        if blank:
            problems.append(Problem(name, 1, None, f"header field {blank[0]} is empty"))
        start = reader.line_num + 1
        for record in reader:
            if record and any(cell.strip() for cell in record):
                if len(record) != len(header):
                    problems.append(
                        Problem(name, start, None, f"has {len(record)} fields, the header has {len(header)}")
                    )
                else:
                    rows.append([cell.strip() for cell in record])
                    lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataFileError([Problem(name, reader.line_num, None, f"is not valid CSV ({exc})")]) from None
    if text and not text.endswith(("\n", "\r")) and rows and _unterminated_quote(text):
        problems.append(Problem(name, lines[-1], None, "the last record is cut off (an unterminated quote)"))
    if not problems and not rows:
        problems.append(Problem(name, 2, None, "has a header but no data rows"))
    if problems:
        raise DataFileError(problems)
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    frame = frame.replace({"": None})
    frame.insert(0, "_line", lines)
    return frame


def _unterminated_quote(text: str) -> bool:
    return text.count('"') % 2 == 1
