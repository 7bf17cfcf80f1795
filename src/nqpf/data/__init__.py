"""Everything under ``data/``: the data dictionary, loading, validation and the report's text.

The public face of the data layer. Every table is read through :func:`load` (or one of the named
loaders below), checked against the schema the data dictionary ``data/catalog.yml`` implies and
the rules of its kind, and every failure becomes a :class:`DataFileError` that names the file,
the line, the column and what was expected. Nothing here writes to ``data/``.

Modules: :mod:`~nqpf.data.io` (reading text and CSV), :mod:`~nqpf.data.catalog` (the
dictionary), :mod:`~nqpf.data.schemas` (pandera schemas), :mod:`~nqpf.data.rules` (what the
numbers mean), :mod:`~nqpf.data.load` (the loaders).
"""

from ..paths import data_dir, describe_root, root
from .catalog import catalog
from .errors import DataFileError, Problem
from .io import in_report, read_csv_lines, report_text, squeeze
from .load import (
    AUTHORITATIVE,
    TIERS,
    best_tier,
    claims,
    documents,
    events,
    load,
    official,
    official_lists,
    report_table,
    sources,
    strip_line,
    validate_all,
)
from .rules import value_spellings

__all__ = [
    "AUTHORITATIVE",
    "TIERS",
    "DataFileError",
    "Problem",
    "best_tier",
    "catalog",
    "claims",
    "data_dir",
    "describe_root",
    "documents",
    "events",
    "in_report",
    "load",
    "official",
    "official_lists",
    "read_csv_lines",
    "report_table",
    "report_text",
    "root",
    "sources",
    "squeeze",
    "strip_line",
    "validate_all",
    "value_spellings",
]
