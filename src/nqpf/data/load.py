"""Loading the files under ``data/``: validated frames, read once per change of a file.

Every table is read through :func:`load`: the text is read by :func:`nqpf.data.io.read_csv_lines`,
checked against the schema the data dictionary implies (:mod:`nqpf.data.schemas`) and the rules
of its kind (:mod:`nqpf.data.rules`). A frame is cached until its file changes on disk, so the
book, the widgets and the tests all read the data as it is now, without reading it twice.

Validation is the slow part of loading (pandera, and rules that read other files), and each page of the
book runs in a kernel of its own. A validated frame is therefore also kept on disk
(``_build/.nqpf/frames``), keyed on the bytes of every file of ``data/`` and the code that validates them: any
change to either validates afresh, so a frame read from disk is exactly the frame validation would give.
The build validates the data first, in one process (``nqpf validate``, then the shared register), so its
kernels read validated frames.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from pathlib import Path

import pandas as pd

from .. import provenance
from ..paths import data_dir, relative, root
from . import rules, schemas
from .catalog import FileSpec, catalog
from .errors import DataFileError, Problem
from .io import read_csv_lines

_CACHE: dict[str, tuple[tuple, pd.DataFrame]] = {}


def _stamp(path: Path) -> tuple:
    stat = path.stat()
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def _post(frame: pd.DataFrame, spec: FileSpec, name: str) -> pd.DataFrame:
    """What each kind of file gets after validation: typed dates, the file it came from."""
    for col in spec.columns:
        if col.type == "date":
            frame[col.name] = [pd.Timestamp(v).date() if isinstance(v, str) else v for v in frame[col.name]]
    if spec.kind == "statistics":
        frame["file"] = name
    frame["_file"] = name  # every row knows its file, for errors, evidence and the links of glued facts
    return frame


_FINGERPRINT: dict[str, tuple] = {}
#: whether validated frames are read from and kept on disk (off while :func:`validate_all` validates afresh)
_DISK = {"on": True}


def _inputs_key() -> str:
    """A hash of every file of ``data/`` and of the validating code (recomputed only when a file's stamp changes)."""
    files = sorted(p for p in data_dir().rglob("*") if p.is_file())
    code = [*sorted(Path(__file__).parent.glob("*.py")), Path(__file__).parents[1] / "quantities.py"]
    stamps = tuple((str(p), *_stamp(p)) for p in [*files, *code])
    if _FINGERPRINT.get("stamps") != stamps:
        digest = hashlib.sha256()
        for p in [*files, *code]:
            digest.update(f"{p.name}\0{provenance.file_hash(p)}\n".encode())
        _FINGERPRINT.update(stamps=stamps, key=digest.hexdigest())
    return _FINGERPRINT["key"]


def _disk(path: str) -> Path:
    return root() / "_build" / ".nqpf" / "frames" / (path.replace("/", "__") + ".pkl")


def _from_disk(path: str, key: str) -> pd.DataFrame | None:
    try:
        stored_key, frame = pickle.loads(_disk(path).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError):
        return None
    return frame if stored_key == key else None


def _to_disk(path: str, key: str, frame: pd.DataFrame) -> None:
    target = _disk(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps((key, frame)))
        os.replace(temporary, target)
    except OSError:  # a read-only checkout still loads, only without the shortcut
        pass


def load(path: str) -> pd.DataFrame:
    """The file ``data/<path>`` (e.g. ``"official/tech_loans.csv"``), validated, with its ``_line`` column.

    Raises :class:`DataFileError` naming every bad cell; the frame returned is the caller's own copy."""
    spec = catalog().get(path)
    full = data_dir() / path
    name = relative(full)
    if not full.is_file():
        raise DataFileError([Problem(name, None, None, "file not found (data/catalog.yml names it)")])
    provenance.note_file(full)
    stamp = _stamp(full)
    cached = _CACHE.get(str(full))
    if cached and cached[0] == stamp:
        return cached[1].copy()
    key = _inputs_key() if _DISK["on"] else ""
    frame = _from_disk(path, key) if key else None
    if frame is not None:
        _CACHE[str(full)] = (stamp, frame)
        return frame.copy()
    frame = read_csv_lines(full)
    if spec.kind == "statistics" and "value" in frame:
        frame["_raw_value"] = frame["value"]
    frame = _post(schemas.validate(frame, spec, name), spec, name)
    problems = rules.check(frame, spec, name, load) + _unresolved_sources(frame, spec, name)
    if problems:
        raise DataFileError(sorted(problems, key=lambda p: (p.line or 0, p.column or "")))
    _CACHE[str(full)] = (stamp, frame)
    if key:
        _to_disk(path, key, frame)
    return frame.copy()


def _unresolved_sources(frame: pd.DataFrame, spec: FileSpec, name: str) -> list[Problem]:
    """A problem for every source id that data/sources.csv does not have."""
    columns = [c.name for c in spec.columns if c.type in ("source_id", "source_ids")]
    if not columns or spec.kind == "sources":
        return []
    known = set(sources()["id"])
    problems = []
    for column in columns:
        for line, cell in zip(frame["_line"], frame[column]):
            for source_id in [p.strip() for p in str(cell).split(";")] if isinstance(cell, str) else []:
                if source_id not in known:
                    problems.append(
                        Problem(
                            name,
                            int(line),
                            column,
                            f"names the source {source_id!r}, which data/sources.csv does not have",
                        )
                    )
    return problems


def sources() -> pd.DataFrame:
    """The sources registry (``data/sources.csv``): one row per page."""
    return load("sources.csv")


def official_lists() -> pd.DataFrame:
    """Official lists, one row per item (``data/official/lists.csv``)."""
    return load("official/lists.csv")


def claims() -> pd.DataFrame:
    """The claim register, validated."""
    return load("report/claims.csv")


def unknown_files(folder: str) -> list[Problem]:
    """A problem for every CSV in ``data/<folder>/`` that the data dictionary does not name."""
    known = {f.path for f in catalog().files.values()}
    out = []
    for p in sorted((data_dir() / folder).glob("*.csv")):
        if (f"{folder}/{p.name}" if folder else p.name) not in known:
            out.append(
                Problem(
                    relative(p),
                    None,
                    None,
                    "is not in the data dictionary data/catalog.yml: add an entry for it there, or remove the file",
                )
            )
    return out


def official(name: str | None = None, only: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Official statistics: one file (``"tech_loans"``) or every statistics file of the dictionary
    stacked (or those named in ``only``, e.g. ``("relending", "tech_loans")``), with a ``file`` column naming where
    each row came from."""
    if name:
        return with_tiers(load(f"official/{name}.csv"))
    if only is not None:  # a page that shows only some files reads only those (and depends on no other)
        return with_tiers(pd.concat([load(f"official/{n}.csv") for n in only], ignore_index=True))
    provenance.note_listing(data_dir() / "official")
    problems = unknown_files("official")
    if problems:
        raise DataFileError(problems)
    frames = [load(spec.path) for spec in catalog().by_kind("statistics")]
    return with_tiers(pd.concat(frames, ignore_index=True))


#: the tiers of a page's original publisher, most authoritative first
TIERS = ("official", "official_press", "media", "republication")
#: the tiers a verdict must cite to count as resting on an official original (the scorecard's source share)
AUTHORITATIVE = TIERS[:2]


def best_tier(sources: list[dict]) -> str:
    """The most authoritative tier among some pages (``{"tier": …}`` dicts); '' when there are none."""
    found = [s["tier"] for s in sources or () if s.get("tier") in TIERS]
    return min(found, key=TIERS.index) if found else ""


def with_tiers(frame: pd.DataFrame) -> pd.DataFrame:
    """Official rows with the tier and publisher of their source (``tier_rank``: 0 for the issuing authority),
    so that where two publications carry the same quantity the more authoritative can be preferred."""
    pages = sources().set_index("id")
    out = frame.assign(tier=frame["source"].map(pages["tier"]), publisher=frame["source"].map(pages["publisher"]))
    return out.assign(tier_rank=out["tier"].map({t: i for i, t in enumerate(TIERS)}))


def events() -> pd.DataFrame:
    """Dated official events (``data/official/events.csv``)."""
    return load("official/events.csv")


def documents() -> pd.DataFrame:
    """Verbatim excerpts of official documents (``data/official/documents.csv``)."""
    return load("official/documents.csv")


def report_table(name: str) -> pd.DataFrame:
    """One of the tables under ``data/report/`` (e.g. ``"new_industries"``), validated."""
    path = f"report/{name}.csv"
    if path not in catalog().files:
        known = sorted(f.stem for f in catalog().files.values() if f.folder == "report" and f.kind != "text")
        raise KeyError(f"unknown report table {name!r}; known: {known}")
    return load(path)


def _loader(spec: FileSpec):
    if spec.kind == "text":
        from .io import report_text

        return report_text
    return functools.partial(load, spec.path)


def validate_all() -> list[str]:
    """Load every file the data dictionary names; return a line per file checked, or raise
    :class:`DataFileError` listing the problems of every bad file (and every unknown file)."""
    problems: list[Problem] = []
    done: list[str] = []
    _DISK["on"] = False  # every file validated afresh, and nothing written (an invalid folder builds nothing)
    try:
        results = {}
        for spec in catalog().files.values():
            try:
                results[spec.path] = _loader(spec)()
            except DataFileError as error:
                results[spec.path] = error
    finally:
        _DISK["on"] = True
    for spec in catalog().files.values():
        try:
            result = results[spec.path]
            if isinstance(result, DataFileError):
                raise result
            rows = f"{len(result)} rows" if isinstance(result, pd.DataFrame) else f"{len(result)} characters"
            done.append(f"data/{spec.path}: {rows} ok")
        except DataFileError as error:
            problems.extend(error.problems)
    for folder in sorted({spec.folder for spec in catalog().files.values()}):
        problems.extend(unknown_files(folder))
    if problems:
        raise DataFileError(list(dict.fromkeys(problems)))
    return done


def strip_line(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop the bookkeeping columns (``_line``, ``_raw_value``) for display."""
    return frame.drop(columns=[c for c in frame.columns if c.startswith("_")])
