"""HTML for the book's data tables: readable headers, numbers at the report's precision, links, captions.

Tables wrap instead of scrolling sideways (``nqpf.css``). A table shown on a page can carry the link
to the CSV of the same frame (:func:`nqpf.book.downloads.table_csv` writes it), so a reader can take the
data away.
"""

from __future__ import annotations

import html
import math

import pandas as pd

from .. import l10n
from . import labels

VERDICT_LABELS = labels.VERDICT["en"]


def _cell(value, places: int | None = None, lang: str = "en") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return labels.word("yes" if value else "no", lang)
    if isinstance(value, float):
        if places is not None:
            return f"{value:,.{places}f}"
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    text = str(value)
    if text.startswith(("http://", "https://")):
        return (
            f'<a href="{html.escape(text)}" rel="noopener">{html.escape(text.split("//", 1)[1].split("/", 1)[0])}</a>'
        )
    return html.escape(l10n.text(text, lang))


def plain_table(
    frame: pd.DataFrame,
    caption: str = "",
    places: dict[str, int] | None = None,
    download: str = "",
    lang: str = "en",
    languages: dict[str, str] | None = None,
) -> str:
    """A data frame as an escaped HTML table (no index): ``places`` gives the decimals of numeric columns,
    ``download`` the relative path of its CSV (a link under the table); ``languages`` marks the columns written in
    another language than the page (column → ``lang``). In Chinese (``lang="zh"``) the caption, the
    headers and every text cell are translated (:mod:`nqpf.l10n`); numbers, dates and quotes stay as they are."""
    places = places or {}
    numeric = {
        c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
    }
    head = "".join(f'<th scope="col">{html.escape(l10n.text(str(c), lang))}</th>' for c in frame.columns)
    rows = []
    for row in frame.itertuples(index=False):
        cells = []
        for column, value in zip(frame.columns, row):
            cls = ' class="num"' if column in numeric else ""
            if languages and column in languages:  # a column in another language than the page (a term's rendering)
                cls += f' lang="{languages[column]}"'
            own = lang if not (languages and column in languages) else "en"  # a marked column is shown as it is
            cells.append(f"<td{cls}>{_cell(value, places.get(column), own)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{html.escape(l10n.text(caption, lang))}</caption>" if caption else ""
    link = ""
    if download:
        text = "Download the data (CSV)" if lang == "en" else "下载数据（CSV）"
        link = f'<p class="nqpf-download"><a href="{html.escape(download)}" download>{text}</a></p>'
    return f'<table class="nqpf-table">{cap}<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>{link}'


def badge(verdict: str, lang: str = "en") -> str:
    """A coloured label for a verdict (the same badge the claim cards use)."""
    return (
        f'<span class="nqpf-verdict nqpf-v-{verdict}" data-verdict="{verdict}">{labels.verdict(verdict, lang)}</span>'
    )
