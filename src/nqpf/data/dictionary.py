"""``data/README.md``, the data dictionary and data-availability statement, generated from ``data/catalog.yml``.

What each file is, where it comes from, what reads it and its columns come from the catalog; row counts,
date ranges, the indicators each statistics file holds and the tiers of the sources are computed from the
files themselves; how a quantity is read comes from :mod:`nqpf.quantities`. Nothing here is typed twice.
"""

from __future__ import annotations

import inspect

import pandas as pd

from .. import quantities
from ..report import DATA_CUTOFF
from .catalog import Column, FileSpec, catalog
from .load import load, sources

TYPE_TEXT = {
    "text": "text",
    "id": "id (`a-z0-9_.`)",
    "snake": "snake_case",
    "claim_id": "dotted id (`section.name`)",
    "date": "date `YYYY-MM-DD`",
    "date_or_month": "`YYYY-MM` or `YYYY-MM-DD`",
    "partial_date": "`YYYY`, `YYYY-MM` or `YYYY-MM-DD`",
    "number": "number",
    "integer": "whole number",
    "url": "`http(s)://` URL",
    "unit": "unit (vocabulary below)",
    "report_quote": "exact quotation of the report",
    "enum": "one of",
    "chapter": "a chapter notebook of `_toc.yml`",
    "source_id": "an id of `sources.csv`",
    "source_ids": "ids of `sources.csv`, `;`-separated",
}


def _type(col: Column) -> str:
    text = TYPE_TEXT[col.type]
    if col.type == "enum":
        text += " " + ", ".join(f"`{v}`" for v in col.values)
    if col.refers:
        path, key = col.refers.split("#")
        text = f"a `{key}` of `{path}`"
    return f"{text}{', optional' if col.optional else ''}"


def _columns(spec: FileSpec) -> list[str]:
    rows = ["| column | type | meaning |", "|---|---|---|"]
    rows += [f"| `{c.name}` | {_type(c)} | {c.meaning} |" for c in spec.columns]
    return rows


def _indicators(spec: FileSpec, frame: pd.DataFrame) -> list[str]:
    rows = ["| indicator | rows | first | last | meaning | source's term |", "|---|---|---|---|---|---|"]
    for name, meta in spec.indicators.items():
        found = frame[frame["indicator"] == name]
        first = found["period_end"].min() if len(found) else ""
        last = found["period_end"].max() if len(found) else ""
        rows.append(
            f"| `{name}` | {len(found)} | {first} | {last} | {meta.get('meaning', '')} | {meta.get('term_zh', '')} |"
        )
    return rows


def _tiers() -> list[str]:
    pages = sources()
    table = pd.crosstab(pages["tier"], pages["page_kind"])
    head = "| tier | " + " | ".join(table.columns) + " | pages |"
    rows = [head, "|---" * (len(table.columns) + 2) + "|"]
    for tier, counts in table.iterrows():
        rows.append(f"| {tier} | " + " | ".join(str(int(v)) for v in counts) + f" | {int(counts.sum())} |")
    return rows


def _section(spec: FileSpec) -> list[str]:
    out = [f"### `{spec.path}`", ""]
    for label, text in (("What", spec.what), ("Where from", spec.where_from), ("Read by", spec.read_by)):
        if text:
            out.append(f"* **{label}:** {text}")
    if spec.key:
        out.append(f"* **Key:** {', '.join(f'`{k}`' for k in spec.key)}")
    if spec.kind == "text":
        return [*out, ""]
    frame = load(spec.path)
    out.append(f"* **Rows:** {len(frame)}")
    out += ["", *_columns(spec)]
    if spec.indicators:
        out += ["", *_indicators(spec, frame)]
    return [*out, ""]


def render() -> str:
    """The text of ``data/README.md``."""
    cat = catalog()
    prose = cat.prose
    lines = [
        "<!-- data/README.md: generated from data/catalog.yml by `nqpf dictionary --write`; do not edit. -->",
        "",
        "# `data/`: data dictionary and data-availability statement",
        "",
        prose.get("intro", ""),
        "",
        "## Contents",
        "",
        "| file | kind | rows |",
        "|---|---|---|",
    ]
    for spec in cat.files.values():
        rows = "the report's text" if spec.kind == "text" else str(len(load(spec.path)))
        lines.append(
            f"| [`{spec.path}`](#{spec.path.replace('/', '').replace('.', '').replace('_', '_')}) | {spec.kind} | {rows} |"
        )
    lines += [
        "",
        "## Conventions shared by every file",
        "",
        prose.get("conventions", ""),
        "",
        f"The data cut-off is {DATA_CUTOFF}.",
        "",
        "## Files",
        "",
    ]
    for spec in cat.files.values():
        lines += _section(spec)
    lines += [
        "## How a reported quantity is read",
        "",
        inspect.getdoc(quantities).split("\n\n", 1)[1],
        "",
        "## Where the numbers come from",
        "",
        "Each page in `sources.csv` has a tier (of its original publisher) and a kind (of the page itself):",
        "",
        *_tiers(),
        "",
        "## Licences and redistribution",
        "",
        prose.get("licences", ""),
        "",
        "## Data availability",
        "",
        "Every claim the engine cannot settle is listed with its reason on the book's data page and in "
        "`nqpf scorecard --verdict not_checkable`; the reason says what was searched for and what was missing.",
        "",
        "## Adding or correcting a data point or a claim",
        "",
        prose.get("adding", ""),
        "",
    ]
    return "\n".join(lines)
