"""The data dictionary, ``data/catalog.yml``: one place for what every data file is.

For each file the catalog gives its kind (the claim register, a table of the report, a file of
official statistics, …), its key, and its columns with their types; in prose, what it is, where it
comes from and what reads it. :mod:`nqpf.data.schemas` builds the pandera schemas from it,
:func:`nqpf.data.validate_all` rejects a file it does not name, and
:func:`nqpf.data.dictionary.render` writes ``data/README.md`` from it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import data_dir, relative
from .errors import DataFileError, Problem

#: the column types the catalog may name (checked by :mod:`nqpf.data.schemas`)
COLUMN_TYPES = (
    "text",
    "id",
    "snake",
    "claim_id",
    "date",
    "date_or_month",
    "partial_date",
    "number",
    "integer",
    "url",
    "unit",
    "report_quote",
    "enum",
    "chapter",
    "source_id",
    "source_ids",
)
#: the kinds of files
FILE_KINDS = ("text", "register", "report_table", "book_table", "statistics", "events", "documents", "sources", "lists")


@dataclass(frozen=True)
class Column:
    """One column of a data file as the catalog describes it."""

    name: str
    type: str
    meaning: str
    optional: bool = False
    values: tuple[str, ...] = ()
    units: str = "data"
    allowed: str = ""
    refers: str = ""


@dataclass(frozen=True)
class FileSpec:
    """One file of ``data/`` as the catalog describes it (``path`` relative to ``data/``)."""

    path: str
    kind: str
    what: str
    where_from: str = ""
    read_by: str = ""
    key: tuple[str, ...] = ()
    columns: tuple[Column, ...] = ()
    indicators: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)

    @property
    def stem(self) -> str:
        return Path(self.path).stem

    @property
    def folder(self) -> str:
        """The folder under ``data/`` (empty for a file at the top of ``data/``)."""
        return self.path.rsplit("/", 1)[0] if "/" in self.path else ""

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"data/{self.path} has no column {name!r} in data/catalog.yml")


@dataclass(frozen=True)
class Catalog:
    files: dict[str, FileSpec]
    prose: dict

    def by_kind(self, kind: str) -> list[FileSpec]:
        return [f for f in self.files.values() if f.kind == kind]

    def get(self, path: str) -> FileSpec:
        try:
            return self.files[path]
        except KeyError:
            raise KeyError(f"data/{path} is not in the data dictionary data/catalog.yml") from None


def _catalog_path() -> Path:
    return data_dir() / "catalog.yml"


def _columns(raw: dict, where: str, problems: list[Problem]) -> tuple[Column, ...]:
    out = []
    for name, spec in (raw or {}).items():
        spec = spec or {}
        kind = spec.get("type", "text")
        if kind not in COLUMN_TYPES:
            problems.append(
                Problem(
                    "data/catalog.yml",
                    None,
                    None,
                    f"{where}, column {name!r}: unknown type {kind!r} (known: {', '.join(COLUMN_TYPES)})",
                )
            )
            continue
        out.append(
            Column(
                name,
                kind,
                str(spec.get("meaning", "")),
                bool(spec.get("optional", False)),
                tuple(str(v) for v in spec.get("values", ())),
                str(spec.get("units", "data")),
                str(spec.get("allowed", "")),
                str(spec.get("refers", "")),
            )
        )
    return tuple(out)


@functools.lru_cache(maxsize=4)
def _load(path: str, stamp: tuple[int, int]) -> Catalog:
    import yaml

    from .io import decode

    try:
        raw = yaml.safe_load(decode(Path(path)))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(
            [
                Problem(
                    relative(path),
                    mark.line + 1 if mark else None,
                    None,
                    f"is not valid YAML ({getattr(exc, 'problem', exc)})",
                )
            ]
        ) from None
    problems: list[Problem] = []
    shared = {name: spec.get("columns", {}) for name, spec in (raw.get("schemas") or {}).items()}
    files = {}
    for name, spec in (raw.get("files") or {}).items():
        kind = spec.get("kind")
        if kind not in FILE_KINDS:
            problems.append(Problem(relative(path), None, None, f"file {name}: unknown kind {kind!r}"))
            continue
        columns = spec.get("columns") or shared.get(spec.get("schema", ""), {})
        known = {"kind", "what", "where_from", "read_by", "key", "columns", "indicators", "schema"}
        files[name] = FileSpec(
            name,
            kind,
            str(spec.get("what", "")),
            str(spec.get("where_from", "")),
            str(spec.get("read_by", "")),
            tuple(spec.get("key") or ()),
            _columns(columns, f"file {name}", problems),
            dict(spec.get("indicators") or {}),
            {k: v for k, v in spec.items() if k not in known},
        )
    if problems:
        raise DataFileError(problems)
    return Catalog(files, {k: v for k, v in raw.items() if k not in ("files", "schemas")})


def catalog() -> Catalog:
    """The data dictionary, read once per change of ``data/catalog.yml``."""
    path = _catalog_path()
    if not path.is_file():
        raise DataFileError([Problem(relative(path), None, None, "file not found (the data dictionary)")])
    from .. import provenance

    provenance.note_file(path)
    stat = path.stat()
    return _load(str(path), (stat.st_mtime_ns, stat.st_size))
