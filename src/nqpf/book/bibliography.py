"""The bibliography: every page of the sources registry (``data/sources.csv``), grouped by the tier of its
original publisher, with what in the book rests on it; and the same registry as BibTeX for a reader's own
reference manager. Nothing is typed twice: both are generated from the registry."""

from __future__ import annotations

import base64
import html
import re

import pandas as pd

from .. import data, l10n
from . import cards, labels

TIERS = data.TIERS

TIER_INTRO = {
    "official": "Pages of the issuing authorities, or official pages carrying their text.",
    "official_press": "The press of record: 新华社, 人民日报, 央视 and 新闻联播, 中国新闻社, 经济日报, 证券日报 and their peers.",
    "media": "Trade and general media; each card that rests on one says so.",
    "republication": "Pages that copy a text whose original publisher they name (the publisher column) or do not.",
}


def uses(card: pd.DataFrame) -> dict[str, list[str]]:
    """For each page id: the claims whose verdicts cite it."""
    out: dict[str, list[str]] = {}
    for cid, sources in zip(card["id"], card["sources"]):
        for s in sources:
            out.setdefault(s.get("id", ""), []).append(cid)
    return out


def _lang(text: str) -> str:
    """The ``lang`` of a name or title as the registry gives it: Chinese if it has Chinese characters."""
    return "zh" if re.search(r"[\u4e00-\u9fff]", str(text)) else "en"


def _entry(row: pd.Series, cited: list[str], lang: str) -> str:
    title = html.escape(str(row["title"] or row["url"]))
    publisher = html.escape(str(row["publisher"]))
    english = f' (<span lang="en">{html.escape(row["publisher_en"])}</span>)' if row.get("publisher_en") else ""
    # titles and names are cited as the pages give them, in their own language (marked, for readers and tests)
    bits = [
        f'<a href="{html.escape(row["url"])}" rel="noopener"><cite lang="{_lang(title)}">{title}</cite></a>',
        f'<span lang="{_lang(publisher)}">{publisher}</span>{english}',
    ]
    if row.get("page_date"):
        bits.append(html.escape(str(row["page_date"])))
    if row.get("attribution"):
        bits.append(f'<span lang="zh">{html.escape(str(row["attribution"]))}</span>')
    links = " ".join(cards.claim_link(c) for c in cited)
    used = f'<br><span class="nqpf-note">{labels.word("cited_by", lang)} {links}</span>' if cited else ""
    return f'<li id="source-{html.escape(row["id"])}" data-source-id="{html.escape(row["id"])}">{". ".join(bits)}{used}</li>'


def html_list(card: pd.DataFrame, lang: str = "en") -> str:
    """The registry as one list per tier (with an anchor per page), most authoritative first."""
    pages = data.sources()
    cited = uses(card)
    parts = []
    for tier in TIERS:
        rows = pages[pages["tier"] == tier].sort_values(["publisher", "page_date", "id"], na_position="last")
        if rows.empty:
            continue
        items = "".join(_entry(r, cited.get(r["id"], []), lang) for _, r in rows.iterrows())
        parts.append(
            f'<section class="nqpf-bib"><h3>{html.escape(labels.TIER[lang][tier].capitalize())} '
            f"({len(rows)})</h3><p>{html.escape(l10n.text(TIER_INTRO[tier], lang))}</p><ol>{items}</ol></section>"
        )
    return "".join(parts)


def _bib_escape(text: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", str(text or ""))


def bibtex() -> str:
    """The registry as BibTeX (``@misc``, one per page; the key is the page's id)."""
    out = []
    for _, row in data.sources().iterrows():
        year = str(row.get("page_date") or "")[:4]
        fields = {
            "author": "{" + _bib_escape(row["publisher"]) + "}",
            "title": "{" + _bib_escape(row["title"]) + "}",
            "howpublished": "\\url{" + row["url"] + "}",
            "year": year,
            "note": _bib_escape(f"{labels.TIER['en'][row['tier']]}; {row.get('attribution') or ''}".strip("; ")),
            "urldate": str(row.get("retrieved") or ""),
        }
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items() if v)
        out.append(f"@misc{{{row['id']},\n{body}\n}}")
    return "\n\n".join(out) + "\n"


def bibtex_link(lang: str = "en") -> str:
    uri = "data:application/x-bibtex;charset=utf-8;base64," + base64.b64encode(bibtex().encode()).decode("ascii")
    text = {"en": "Every page as BibTeX", "zh": "全部来源（BibTeX）"}[lang]
    return f'<p class="nqpf-download"><a href="{uri}" download="nqpf-sources.bib">{text}</a></p>'
