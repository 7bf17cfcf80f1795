"""The dated record around report section 二（一）, beside the relending arithmetic of :mod:`~nqpf.analysis.relending`.

What the report lists, and what happened after it, read from ``data/official/``:

* :data:`THIS_YEAR_MEASURES` and :func:`this_year_measures` — the dated measures the report lists
  after 今年以来;
* :data:`HISTORY`, :func:`later_history` and :func:`history_value` — what happened to the 2024 tool
  after the report, dated;
* :func:`headings_compared` and :func:`boxes_found` — the CSRC's measure headings as the report, an
  outside list and the report's 图表5 give them;
* :func:`in_yi` — a money value in 亿元 (shared with :mod:`~nqpf.analysis.relending`, which imports it
  from here so that this module needs nothing from that one).

All of it is re-exported by :mod:`nqpf.analysis.relending`. Money is in 亿元 throughout. Pure pandas.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from ..data import squeeze
from ..quantities import to_base


# --------------------------------------------------------------------------- units
def in_yi(value: float, unit: str) -> float:
    """A money value written in ``unit`` (万亿元, 亿元, 万元, 元) in 亿元."""
    return to_base(float(value), unit) / 1e8


# --------------------------------------------------------------------------- 今年以来
#: the measures the report lists after 今年以来, by their event in data/official/events.csv
THIS_YEAR_MEASURES: dict[str, str] = {
    "sti_relending_2024": "PBOC: the relending tool 科技创新和技术改造再贷款",
    "nfra_five_articles_guidance_2024": "NFRA: guidance on the five major articles 五篇大文章指导意见",
    "csrc_star_eight_measures_2024": "CSRC: eight STAR Market measures 科创板八条措施",
}


def this_year_measures(events: pd.DataFrame, year: int, as_of: dt.date) -> pd.DataFrame:
    """The measures of :data:`THIS_YEAR_MEASURES` with their sourced dates: ``event``, ``label``,
    ``date`` (None when no date is sourced), ``source`` (an id of ``data/sources.csv``), ``note``,
    and ``in_window`` (dated between 1 January of ``year`` and ``as_of``)."""
    rows = []
    for event, label in THIS_YEAR_MEASURES.items():
        found = events[events["event"] == event]
        row = found.iloc[0] if not found.empty else None
        when = row["date"] if row is not None else None
        rows.append(
            {
                "event": event,
                "label": label,
                "date": when,
                "source": row["source"] if row is not None else "",
                "note": row["note"] if row is not None and isinstance(row["note"], str) else "",
                "in_window": when is not None and when.year == year and when <= as_of,
            }
        )
    return pd.DataFrame(rows, columns=["event", "label", "date", "source", "note", "in_window"])


# --------------------------------------------------------------------------- what happened next
#: the later series of the 2024 tool and their bilingual labels
HISTORY: dict[str, str] = {
    "sti_2024_quota": "Quota 总额度",
    "sti_2024_quota_increase": "Quota increase 新增额度",
    "sti_2024_rate": "Relending rate 再贷款利率",
    "sti_2024_signed_loans": "Loans signed (cumulative) 签约贷款",
    "sti_2024_disbursed_loans": "Loans disbursed (cumulative) 发放贷款",
    "sti_2024_loan_balance": "Loan balance 贷款余额",
}


def _qualifier(quote: str, raw: str) -> str:
    """How the source qualifies a number: 近 (nearly), 超过 (more than) or nothing."""
    q = squeeze(quote)
    number = re.escape(raw)
    if re.search(rf"近{number}", q):
        return "近"
    if re.search(rf"(超过|超|逾){number}", q) or re.search(rf"(?i)exceed{number}", q):
        return "超过"
    return ""


def later_history(official: pd.DataFrame) -> pd.DataFrame:
    """The 2024 tool after the report: quota, quota increases, rate, signed and disbursed loans.

    One row per official observation, oldest first: ``date``, ``indicator``, ``label``,
    ``value`` (亿元 for money, % for the rate), ``unit``, ``qualifier`` (近/超过 as the source
    writes it), ``date_assumed`` (the source states no reference date; see its note),
    ``single_source``, ``source`` (an id of ``data/sources.csv``)."""
    rows = official[official["indicator"].isin(HISTORY)].sort_values(["period_end", "indicator"])
    out = []
    for r in rows.to_dict("records"):
        money = r["unit"] in ("万亿元", "亿元", "万元", "元")
        note = r["note"] if isinstance(r["note"], str) else ""
        out.append(
            {
                "date": r["period_end"],
                "indicator": r["indicator"],
                "label": HISTORY[r["indicator"]],
                "value": in_yi(r["value"], r["unit"]) if money else float(r["value"]),
                "unit": "亿元" if money else r["unit"],
                "qualifier": _qualifier(r["quote"], str(r["_raw_value"])),
                "date_assumed": "assumed" in note.lower(),
                "single_source": not isinstance(r["cross_check"], str) or not r["cross_check"],
                "source": r["source"],
            }
        )
    return pd.DataFrame(
        out,
        columns=[
            "date",
            "indicator",
            "label",
            "value",
            "unit",
            "qualifier",
            "date_assumed",
            "single_source",
            "source",
        ],
    )


def history_value(history: pd.DataFrame, indicator: str, when: str | dt.date | None = None) -> float:
    """One value of :func:`later_history` (the latest if ``when`` is None)."""
    rows = history[history["indicator"] == indicator]
    if when is not None:
        when = dt.date.fromisoformat(when) if isinstance(when, str) else when
        rows = rows[rows["date"] == when]
    if rows.empty:
        raise KeyError(f"no {indicator} {'at ' + str(when) if when else ''} in data/official/relending.csv")
    return float(rows.sort_values("date")["value"].iloc[-1])


# --------------------------------------------------------------------------- the CSRC's measures
def _typography(text: str) -> str:
    """A heading without whitespace and with ASCII commas, so pages that mix full-width and ASCII
    punctuation compare equal."""
    return squeeze(text).replace("，", ",")


def headings_compared(report: pd.DataFrame, official: pd.DataFrame) -> pd.DataFrame:
    """The report's measure headings (``order``, ``measure_zh``, ``measure_en``: the report's table
    ``star_market_measures``) beside an outside list of them (``order``, ``item_zh``, ``source``: rows
    of ``data/official/lists.csv``), position by position: ``order``, ``report``, ``english``,
    ``outside``, ``source`` and ``same`` (the same words, punctuation aside)."""
    mine = report.sort_values("order").reset_index(drop=True)
    theirs = official.sort_values("order").reset_index(drop=True)
    rows = []
    for k in range(max(len(mine), len(theirs))):
        a = mine.iloc[k] if k < len(mine) else None
        b = theirs.iloc[k] if k < len(theirs) else None
        rows.append(
            {
                "order": k + 1,
                "report": a["measure_zh"] if a is not None else "",
                "english": a["measure_en"] if a is not None else "",
                "outside": b["item_zh"] if b is not None else "",
                "source": b["source"] if b is not None else "",
                "same": a is not None and b is not None and _typography(a["measure_zh"]) == _typography(b["item_zh"]),
            }
        )
    return pd.DataFrame(rows, columns=["order", "report", "english", "outside", "source", "same"])


def boxes_found(boxes: str, headings: list[str]) -> list[bool]:
    """For each heading, whether 图表5's boxes (their text as the PDF's text layer runs them together)
    contain it word for word, commas aside."""
    flat = squeeze(boxes).replace("，", "").replace(",", "")
    return [squeeze(h).replace("，", "").replace(",", "") in flat for h in headings]
