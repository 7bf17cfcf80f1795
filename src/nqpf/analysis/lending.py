"""Credit to tech firms: the PBOC's quarterly loan-direction figures and what they imply.

The PBOC reports, each quarter, the loan balance, year-on-year growth, number of borrowing
firms and loan access rate (获贷率) of two registers of firms: tech-based SMEs (科技型中小企业)
and high-tech enterprises (高新技术企业). The registers are re-based from time to time, so a
later report's growth for the same quarter implies a different level than the one published
then: growth must be read from each report, never computed from levels of different reports.
This module turns ``data/official/tech_loans.csv`` into tidy series and computes the implied
quantities; the notebooks, the widget and the claim engine all call it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..quantities import UNITS
from ..report import REPORT_QUARTER

GROUPS = {"tech_sme": "Tech-based SMEs 科技型中小企业", "hitech": "High-tech enterprises 高新技术企业"}


#: the unit each kind of indicator is shown in
DISPLAY_UNITS = {"balance": "万亿元", "firms_with_loans": "万家", "growth_yoy": "%", "access_rate": "%"}


def _kind(indicator: str) -> str:
    for kind in ("loan_balance", "firms_with_loans", "loan_growth_yoy", "loan_access_rate", "growth_yoy", "balance"):
        if indicator.endswith(kind):
            return kind.removeprefix("loan_")
    raise KeyError(f"not a loan-direction indicator: {indicator}")


def series(official: pd.DataFrame, indicator: str) -> pd.Series:
    """One indicator as a series indexed by quarter end, in its display unit
    (balances in 万亿元, firms in 万家, rates in %)."""
    rows = official[official["indicator"] == indicator].sort_values("period_end")
    if rows.empty:
        return pd.Series(dtype=float, name=indicator)
    target = DISPLAY_UNITS[_kind(indicator)]
    values = [v * UNITS[u][2] / UNITS[target][2] for v, u in zip(rows["value"], rows["unit"])]
    return pd.Series(values, index=list(rows["period_end"]), name=indicator, dtype=float)


def panel(official: pd.DataFrame, group: str) -> pd.DataFrame:
    """The four loan-direction series of a group side by side (NaN where not found)."""
    cols = {
        kind: series(official, f"{group}_{ind}")
        for kind, ind in [
            ("balance", "loan_balance"),
            ("growth_yoy", "loan_growth_yoy"),
            ("firms_with_loans", "firms_with_loans"),
            ("access_rate", "loan_access_rate"),
        ]
    }
    return pd.DataFrame(cols).sort_index()


def all_loans(official: pd.DataFrame) -> pd.DataFrame:
    """All loans (本外币 and RMB) balances and growth, by quarter end."""
    return pd.DataFrame(
        {
            "fc_balance": series(official, "all_loans_fc_balance"),
            "fc_growth_yoy": series(official, "all_loans_fc_growth_yoy"),
            "rmb_balance": series(official, "all_loans_rmb_balance"),
            "rmb_growth_yoy": series(official, "all_loans_rmb_growth_yoy"),
        }
    ).sort_index()


def year_earlier_balance(balance: float, growth_pct: float) -> float:
    """The balance a year before that a balance and its y/y growth imply: B / (1 + g)."""
    if growth_pct <= -100:
        raise ValueError(f"growth of {growth_pct}% is impossible")
    return balance / (1 + growth_pct / 100)


def register_size(firms_with_loans: float, access_rate_pct: float) -> float:
    """The number of firms on the register that 获贷率 implies: firms with loans / access rate."""
    if not 0 < access_rate_pct <= 100:
        raise ValueError(f"an access rate must be in (0, 100]%, got {access_rate_pct}")
    return firms_with_loans / (access_rate_pct / 100)


def loan_share_pct(group_balance_trn: float, all_loans_balance_trn: float) -> float:
    """A group's share of all loans, in percent (both balances in 万亿元)."""
    return 100 * group_balance_trn / all_loans_balance_trn


def _year_before(quarter: dt.date) -> dt.date:
    return dt.date(quarter.year - 1, quarter.month, quarter.day)


def implied_levels(official: pd.DataFrame, group: str) -> pd.DataFrame:
    """For every quarter: the balance published then, and the balance the report a year
    later implies for it (its balance ÷ (1 + its growth)). The ratio shows the re-basing."""
    p = panel(official, group)
    rows = []
    for quarter, later in p.iterrows():
        earlier = _year_before(quarter)
        if pd.isna(later["balance"]) or pd.isna(later["growth_yoy"]):
            continue
        implied = year_earlier_balance(later["balance"], later["growth_yoy"])
        published = p["balance"].get(earlier, np.nan)
        rows.append(
            {
                "quarter": earlier,
                "published": published,
                "implied_by_report_of": quarter,
                "implied": implied,
                "revision_pct": 100 * (implied / published - 1) if published == published else np.nan,
            }
        )
    return pd.DataFrame(rows)


def register_sizes(official: pd.DataFrame, group: str) -> pd.Series:
    """The register size each quarter's firm count and access rate imply (万家)."""
    p = panel(official, group).dropna(subset=["firms_with_loans", "access_rate"])
    return pd.Series(
        [register_size(f, r) for f, r in zip(p["firms_with_loans"], p["access_rate"])],
        index=p.index,
        name=f"{group}_register",
    )


# --------------------------------------------------------------------------- forecast
@dataclass(frozen=True)
class Projection:
    """A projected path: quarter ends, central balances and a prediction band (万亿元)."""

    quarters: list[dt.date]
    growth: np.ndarray
    central: np.ndarray
    low: np.ndarray
    high: np.ndarray


def quarter_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    """The quarter ends after ``start`` up to and including ``end``."""
    out = []
    for stamp in pd.date_range(pd.Timestamp(start) + pd.offsets.QuarterEnd(1), end, freq="QE"):
        out.append(stamp.date())
    return out


def growth_trend_projection(
    growth: pd.Series, anchor: float, anchor_quarter: dt.date, until: dt.date, alpha: float = 0.2
) -> Projection:
    """Project a balance by extrapolating the linear trend of its y/y growth (OLS, statsmodels).

    Growth rates are the one quantity each PBOC report gives on a consistent basis, so the model
    is fitted to growth, not to levels across register changes. The balance is compounded from
    ``anchor`` (at ``anchor_quarter``) at the projected y/y rate, a quarter at a time
    (``(1 + g)^(1/4)``); the band uses the OLS prediction interval of growth at ``1 - alpha``.
    """
    import statsmodels.api as sm

    known = growth.dropna()
    known = known[[q <= anchor_quarter for q in known.index]]
    if len(known) < 3:
        raise ValueError("at least three growth observations are needed to fit a trend")
    t = np.arange(len(known), dtype=float)
    fit = sm.OLS(known.to_numpy(), sm.add_constant(t)).fit()
    quarters = quarter_ends(anchor_quarter, until)
    t_new = len(known) - 1 + np.arange(1, len(quarters) + 1, dtype=float)
    frame = fit.get_prediction(sm.add_constant(t_new, has_constant="add")).summary_frame(alpha=alpha)
    paths = {}
    for name, col in (("central", "mean"), ("low", "obs_ci_lower"), ("high", "obs_ci_upper")):
        g = frame[col].to_numpy()
        paths[name] = anchor * np.cumprod((1 + g / 100) ** 0.25)
    return Projection(quarters, frame["mean"].to_numpy(), paths["central"], paths["low"], paths["high"])


def constant_growth_path(anchor: float, anchor_quarter: dt.date, growth_pct: float, until: dt.date) -> pd.Series:
    """A balance growing at a constant y/y rate from ``anchor``, compounded quarterly."""
    quarters = quarter_ends(anchor_quarter, until)
    factor = (1 + growth_pct / 100) ** 0.25
    return pd.Series([anchor * factor ** (i + 1) for i in range(len(quarters))], index=quarters, dtype=float)


# --------------------------------------------------------------------------- the widget
REPORT_ANCHORS = {"tech_sme": "credit.tech_sme_balance", "hitech": "credit.hitech_balance"}


SCENARIO_GROWTH = (10.0, 15.0, 20.0, 25.0, 30.0)


SCENARIO_HORIZONS = ("2024-12-31", "2025-12-31")


def scenario(official: pd.DataFrame, anchor: float, group: str, growth_pct: float, horizon: str):
    """A constant-growth path from the report's 2024Q1 balance to ``horizon``, and the published
    balance at the horizon (NaN if none)."""
    until = dt.date.fromisoformat(horizon)
    path = constant_growth_path(anchor, REPORT_QUARTER, growth_pct, until)
    published = panel(official, group)["balance"].get(until, np.nan)
    return path, published
