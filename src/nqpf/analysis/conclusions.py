"""The evidence behind the report's four recommendations (section 三), recomputed from ``data/``.

Pure functions of frames the other modules load:

* :func:`loan_evidence` compares loans to tech-based SMEs with all loans (growth and share) from
  ``data/official/tech_loans.csv``, at the period the report uses or the nearest one the data has;
* :func:`credit_share_evidence` picks, from :func:`nqpf.analysis.structure.credit_shares`, the
  period nearest to the report's and the credit share under each definition there;
* :func:`evidence_rows` lists the official rows (file, line, page) behind the numbers used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..report import REPORT_AS_OF, REPORT_QUARTER
from . import lending

REPORT_PERIOD = REPORT_QUARTER  # the report's loan figures are for end-2024Q1
REPORT_STRUCTURE_PERIOD = REPORT_AS_OF  # its financing-structure claims are "as of mid-2024"


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
    return LoanEvidence(
        g,
        float(sme_growth[g]),
        float(all_growth[g]),
        s,
        float(sme[s]),
        float(total[s]),
        a,
        float(access[a]) if a is not None else None,
    )


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
        rows.append(
            {
                "indicator": indicator,
                "period_end": period,
                "value": r.get("_raw_value", r["value"]),
                "unit": r["unit"],
                "where": f"{r['file']}, line {r['_line']}",
                "source_url": r["source_url"],
            }
        )
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
