"""The closing page (notebook 3-3): the verdicts summed up, and the evidence behind the
report's four recommendations (section 三), recomputed from ``data/``.

Pure functions of frames the other modules load:

* :func:`verdict_table` and :func:`verdict_by_part` count the engine's verdicts
  (:func:`nqpf.claims.scorecard`) by section of the report;
* :func:`loan_evidence` compares loans to tech-based SMEs with all loans (growth and share) from
  ``data/official/tech_loans.csv``, at the period the report uses or the nearest one the data has;
* :func:`credit_share_evidence` picks, from :func:`nqpf.structure.credit_shares`, the period
  nearest to the report's and the credit share under each definition there;
* :func:`evidence_rows` lists the official rows (file, line, page) behind the numbers used;
* :func:`verdict_figure` draws the verdict counts (call :func:`nqpf.plots.set_theme` first).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import matplotlib.pyplot as plt
import pandas as pd

from . import lending
from .claims import VERDICTS
from .quantities import REPORT_AS_OF

#: the report's parts, by the first character of a claim's section
PARTS: dict[str, str] = {
    "导": "Opening 导语",
    "一": "一 Concept and industries 概念和内涵",
    "二": "二 Progress 实践进展",
    "三": "三 What remains 四方面推动",
}
VERDICT_NAMES = {"reproduced": "reproduced 复现", "within_precision": "within precision 精度内",
                 "differs": "differs 不符", "not_checkable": "not checkable 无法核查"}
VERDICT_COLOURS = {"reproduced": "#1a7f37", "within_precision": "#2f6fb0", "differs": "#c0392b",
                   "not_checkable": "#9aa0a6"}
REPORT_PERIOD = lending.REPORT_QUARTER  # the report's loan figures are for end-2024Q1
REPORT_STRUCTURE_PERIOD = REPORT_AS_OF  # its financing-structure claims are "as of mid-2024"


def _section_key(section: str) -> tuple[int, str]:
    return ("导一二三".find(section[0]), section)


def verdict_table(card: pd.DataFrame, by: str = "section") -> pd.DataFrame:
    """Claims per verdict (columns, the four verdicts and ``total``) for each value of ``by``
    (rows, in the report's order), with a last row ``All``. Sums equal the register size."""
    counts = pd.crosstab(card[by].astype(str), card["verdict"].astype(str))
    counts = counts.reindex(columns=list(VERDICTS), fill_value=0)
    counts = counts.loc[sorted(counts.index, key=_section_key)] if by == "section" else counts
    counts["total"] = counts.sum(axis=1)
    counts.loc["All"] = counts.sum(axis=0)
    counts.index.name = by
    counts.columns.name = None
    return counts.astype(int)


def verdict_by_part(card: pd.DataFrame) -> pd.DataFrame:
    """:func:`verdict_table` by part of the report (导语, 一, 二, 三) with bilingual names."""
    parts = card.assign(part=card["section"].str[0].map(PARTS))
    table = verdict_table(parts, by="part")
    order = [p for p in PARTS.values() if p in table.index] + ["All"]
    return table.loc[order]


@dataclass(frozen=True)
class LoanEvidence:
    """Tech-SME loans against all loans (RMB and foreign currency), from the PBOC releases."""

    growth_period: dt.date
    tech_sme_growth: float  # % y/y
    all_loans_growth: float  # % y/y
    share_period: dt.date
    tech_sme_balance: float  # 万亿元
    all_loans_balance: float  # 万亿元
    access_rate_period: dt.date | None
    access_rate: float | None  # % of tech SMEs on the register with a loan

    @property
    def growth_gap(self) -> float:
        """Percentage points by which tech-SME loans grew faster than all loans."""
        return self.tech_sme_growth - self.all_loans_growth

    @property
    def share_percent(self) -> float:
        """Tech-SME loans as a percentage of all loans."""
        return 100.0 * self.tech_sme_balance / self.all_loans_balance


def nearest_common(series: list[pd.Series], target: dt.date) -> dt.date:
    """The period end nearest ``target`` (the earlier on a tie) at which every series has a value;
    ``KeyError`` if there is none."""
    common = set.intersection(*(set(s.dropna().index) for s in series))
    if not common:
        raise KeyError("no period end has all of the series")
    return min(common, key=lambda p: (abs((p - target).days), p))


def loan_evidence(official: pd.DataFrame, target: dt.date = REPORT_PERIOD) -> LoanEvidence:
    """Growth and share of loans to tech-based SMEs against all loans (本外币), each at ``target``
    if the data has it, else at the nearest period end that has both figures."""
    sme_growth = lending.series(official, "tech_sme_loan_growth_yoy")
    all_growth = lending.series(official, "all_loans_fc_growth_yoy")
    g = nearest_common([sme_growth, all_growth], target)
    sme = lending.series(official, "tech_sme_loan_balance")  # 万亿元, whatever unit a row was written in
    total = lending.series(official, "all_loans_fc_balance")
    s = nearest_common([sme, total], target)
    access = lending.series(official, "tech_sme_loan_access_rate")
    a = nearest_common([access], target) if not access.empty else None
    return LoanEvidence(g, float(sme_growth[g]), float(all_growth[g]), s, float(sme[s]), float(total[s]),
                        a, float(access[a]) if a is not None else None)


def evidence_rows(official: pd.DataFrame, wanted: list[tuple[str, dt.date]]) -> pd.DataFrame:
    """The official observations behind a page's numbers: for each ``(indicator, period_end)`` the
    value as written, its unit, the file and line, and the page it was read from. ``KeyError``
    names an observation ``data/official/`` does not have."""
    rows = []
    for indicator, period in wanted:
        found = official[(official["indicator"] == indicator) & (official["period_end"] == period)]
        if found.empty:
            raise KeyError(f"no official {indicator} at {period} in data/official/")
        r = found.iloc[0]
        rows.append({"indicator": indicator, "period_end": period, "value": r.get("_raw_value", r["value"]),
                     "unit": r["unit"], "where": f"{r['file']}, line {r['_line']}", "source_url": r["source_url"]})
    return pd.DataFrame(rows)


def credit_share_evidence(shares: pd.DataFrame, target: dt.date = REPORT_STRUCTURE_PERIOD) -> pd.DataFrame:
    """The rows of :func:`nqpf.structure.credit_shares` at the period end nearest ``target`` that
    has every definition with and without government bonds (the earlier on a tie)."""
    complete = shares.groupby("period_end").size()
    full = [p for p, n in complete.items() if n == complete.max()]
    if not full:
        raise KeyError("no period end has a credit share")
    period = min(full, key=lambda p: (abs((p - target).days), p))
    return shares[shares["period_end"] == period].reset_index(drop=True)


def verdict_figure(by_part: pd.DataFrame) -> plt.Figure:
    """Horizontal stacked bars: claims per verdict in each part of the report."""
    table = by_part.drop(index="All", errors="ignore")[list(VERDICTS)]
    fig, ax = plt.subplots(figsize=(8, 3.4))
    left = pd.Series(0, index=table.index)
    labels = list(table.index)[::-1]
    for verdict in VERDICTS:
        values = table[verdict].reindex(labels)
        ax.barh(labels, values, left=left.reindex(labels), color=VERDICT_COLOURS[verdict],
                label=VERDICT_NAMES[verdict])
        for y, (x0, w) in enumerate(zip(left.reindex(labels), values)):
            if w:
                ax.text(x0 + w / 2, y, str(int(w)), ha="center", va="center", fontsize=8, color="white")
        left = left.add(table[verdict], fill_value=0)
    ax.set_xlabel("Claims 论断数")
    ax.legend(fontsize=8, ncol=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    ax.grid(axis="y", visible=False)
    return fig
