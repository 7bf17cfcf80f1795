"""What a reader takes away from a page: the data behind each table and figure, as CSV.

A table or figure of the book is drawn from a frame; :func:`table` shows the frame and links the same
frame as a CSV file, and :func:`link` links a frame on its own (under a figure). The CSV travels inside
the page as a ``data:`` URI, so it is written at build time from the very frame the page shows, needs no
file beside the page, works offline and from any sub-path, and is cached with the page's execution.
Every CSV carries its units and its sources as columns (:func:`with_provenance`).
"""

from __future__ import annotations

import base64
import html

import pandas as pd

from .. import l10n
from ..evidence import Context
from .tables import plain_table

LINK_TEXT = {"en": "Download the data (CSV)", "zh": "下载数据（CSV）"}


def csv_text(frame: pd.DataFrame) -> str:
    """A frame as CSV text (UTF-8 with a BOM-free header; the bookkeeping columns dropped)."""
    shown = frame.drop(columns=[c for c in frame.columns if str(c).startswith("_")])
    return shown.to_csv(index=False, lineterminator="\n")


def data_uri(frame: pd.DataFrame) -> str:
    return "data:text/csv;charset=utf-8;base64," + base64.b64encode(csv_text(frame).encode("utf-8")).decode("ascii")


def link_html(frame: pd.DataFrame, filename: str, lang: str = "en", what: str = "") -> str:
    """The HTML of a download link for ``frame`` as ``filename``."""
    label = LINK_TEXT[lang] + ((": " if lang == "en" else "：") + html.escape(l10n.text(what, lang)) if what else "")
    return (
        f'<p class="nqpf-download"><a href="{data_uri(frame)}" download="{html.escape(filename)}" '
        f'data-rows="{len(frame)}">{label}</a></p>'
    )


def link(frame: pd.DataFrame, filename: str, what: str = ""):
    """A download link for the data behind a figure (an output in both languages)."""
    return l10n.Bilingual.of(lambda lang: link_html(frame, filename, lang, what))


def table(
    frame: pd.DataFrame,
    filename: str,
    caption: str = "",
    places: dict[str, int] | None = None,
    data: pd.DataFrame | None = None,
):
    """A table with its caption and, under it, the same frame (or ``data``, the tidy frame it was made from)
    as a CSV download (an output in both languages; the CSV is the same in both)."""
    source = frame if data is None else data
    return l10n.Bilingual.of(
        lambda lang: plain_table(frame, caption, places, lang=lang) + link_html(source, filename, lang)
    )


def with_provenance(rows: pd.DataFrame, context: Context) -> pd.DataFrame:
    """Official rows with their source columns spelled out (page, publisher, tier, the quote, file and line)."""
    pages = context.sources
    out = rows.copy()
    out["source_url"] = out["source"].map(pages["url"])
    out["source_publisher"] = out["source"].map(pages["publisher"])
    out["source_tier"] = out["source"].map(pages["tier"])
    if "_line" in out:
        out["data_line"] = out["_line"]
    keep = [
        c
        for c in (
            "file",
            "indicator",
            "period_end",
            "value",
            "unit",
            "quote",
            "data_line",
            "source",
            "source_url",
            "source_publisher",
            "source_tier",
        )
        if c in out.columns
    ]
    return out[
        keep
        + [
            c
            for c in out.columns
            if c not in keep
            and not str(c).startswith("_")
            and c not in ("tier", "tier_rank", "publisher", "cross_check", "date_context", "note")
        ]
    ]


#: files the build writes beside the pages (relative to _build/html): the book as PDF, the data folder as a zip
PDF = "nqpf-book.pdf"
DATA_ZIP = "downloads/nqpf-data.zip"


def site_link(path: str, text: str, note: str = "", lang: str = "en") -> str:
    """A link from a page (every page sits one folder deep) to a file the build writes at the site's top (each
    edition has its own: the Chinese PDF is the Chinese edition's)."""
    extra = f' <span class="nqpf-note">{html.escape(l10n.text(note, lang))}</span>' if note else ""
    return f'<a href="../{html.escape(path)}" download>{html.escape(l10n.text(text, lang))}</a>{extra}'


def register_links(card: pd.DataFrame, records: list[dict], lang: str = "en") -> str:
    """The whole register with its verdicts, one row per claim, as CSV and as JSON (data: URIs written from the
    very scorecard the page shows)."""
    import json

    from .. import engine

    as_json = json.dumps(records, ensure_ascii=False, indent=1, default=str)
    json_uri = "data:application/json;charset=utf-8;base64," + base64.b64encode(as_json.encode()).decode("ascii")
    words = {
        "en": ("The register with every verdict", "CSV", "JSON", "one row per claim"),
        "zh": ("全部论断及其核查结论", "CSV", "JSON", "每条论断一行"),
    }[lang]
    return (
        f'<p class="nqpf-download">{words[0]} ({words[3]}): '
        f'<a href="{data_uri(engine.flat(card))}" download="nqpf-scorecard.csv" data-rows="{len(card)}">{words[1]}</a>'
        f' · <a href="{json_uri}" download="nqpf-scorecard.json" data-rows="{len(records)}">{words[2]}</a></p>'
    )
