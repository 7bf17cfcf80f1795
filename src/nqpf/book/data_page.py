"""The data page's tables: the files of ``data/`` (from the catalog), the sources registry by tier and kind,
and the licence statement, each computed from the files themselves."""

from __future__ import annotations

import pandas as pd

from .. import data, l10n
from ..data.catalog import catalog
from . import labels


def files_table() -> pd.DataFrame:
    """One row per file of ``data/``: its path, kind, what it holds and its rows."""
    rows = []
    for spec in catalog().files.values():
        n = "" if spec.kind == "text" else len(data.load(spec.path))
        rows.append(
            {"File": f"data/{spec.path}", "Kind": spec.kind, "What it holds": spec.what.split(". ")[0], "Rows": n}
        )
    return pd.DataFrame(rows)


def registry() -> pd.DataFrame:
    """The sources registry as the page offers it for download (every column of data/sources.csv)."""
    return data.sources()


def tiers_table(lang: str = "en") -> pd.DataFrame:
    """Pages of the registry by tier (rows, most authoritative first) and kind of page (columns)."""
    pages = data.sources()
    table = pd.crosstab(pages["tier"], pages["page_kind"])
    order = [t for t in data.TIERS if t in table.index]
    table = table.loc[order]
    table["all pages"] = table.sum(axis=1)
    table.index = [labels.TIER[lang][t] for t in table.index]
    return table.rename_axis("Tier of the original publisher").reset_index()


def licences() -> str:
    """The licence and redistribution statement of the data, per kind of source (Markdown, from the catalog)."""
    return catalog().prose.get("licences", "")


def licences_html(lang: str = "en") -> str:
    """:func:`licences` as HTML in ``lang`` (each paragraph or list item translated as one generated text)."""
    from markdown_it import MarkdownIt

    blocks = [l10n.text(block, lang) for block in licences().split("\n\n")]
    return MarkdownIt("commonmark").render("\n\n".join(blocks))
