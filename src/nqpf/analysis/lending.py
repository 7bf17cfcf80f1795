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
import re
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
    rows = official[official["indicator"] == indicator]
    if "tier_rank" in rows:  # two publications of one quarter: keep the more authoritative
        rows = rows.sort_values(["period_end", "tier_rank"]).drop_duplicates("period_end")
    rows = rows.sort_values("period_end")
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


def register_table(official: pd.DataFrame) -> pd.DataFrame:
    """Both groups' register sizes (万家) side by side, by quarter end (NaN where a group has none)."""
    frame = pd.DataFrame({f"{g}_register": register_sizes(official, g) for g in GROUPS}).sort_index()
    return frame.rename_axis("quarter").reset_index()


# --------------------------------------------------------------------------- forecast
@dataclass(frozen=True)
class Projection:
    """A projected path: quarter ends, central balances and a prediction band (万亿元)."""

    quarters: list[dt.date]
    growth: np.ndarray
    central: np.ndarray
    low: np.ndarray
    high: np.ndarray

    @property
    def path(self) -> pd.Series:
        """The central path as a series indexed by quarter end."""
        return pd.Series(self.central, index=self.quarters, dtype=float, name="projected_balance")


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


# --------------------------------------------------------------------------- the chapter's comparisons
#: the eight figures the report gives for the end of 2024Q1, by claim id → indicator
REPORT_FIGURES = {
    "credit.tech_sme_balance": "tech_sme_loan_balance",
    "credit.tech_sme_growth": "tech_sme_loan_growth_yoy",
    "credit.tech_sme_firms": "tech_sme_firms_with_loans",
    "credit.tech_sme_access_rate": "tech_sme_loan_access_rate",
    "credit.hitech_balance": "hitech_loan_balance",
    "credit.hitech_growth": "hitech_loan_growth_yoy",
    "credit.hitech_firms": "hitech_firms_with_loans",
    "credit.hitech_access_rate": "hitech_loan_access_rate",
}


def observations_at(official: pd.DataFrame, indicator: str, quarter: dt.date) -> pd.DataFrame:
    """Every row of ``indicator`` at ``quarter``, one per source, the most authoritative first
    (two publications of one quantity and date are both kept in the data)."""
    rows = official[(official["indicator"] == indicator) & (official["period_end"] == quarter)]
    order = ["tier_rank", "source"] if "tier_rank" in rows else ["source"]
    return rows.sort_values(order).reset_index(drop=True)


def growth_comparison(official: pd.DataFrame) -> pd.DataFrame:
    """Y/y loan growth of each group against all loans (本外币, the loan-direction reports' benchmark) at
    every quarter end with a tech-firm growth rate; the gaps are in percentage points (NaN where a side is
    missing)."""
    total = all_loans(official)["fc_growth_yoy"]
    frame = pd.DataFrame({g: panel(official, g)["growth_yoy"] for g in GROUPS}).dropna(how="all")
    frame["all_loans"] = total.reindex(frame.index)
    for g in GROUPS:
        frame[f"gap_{g}_pp"] = frame[g] - frame["all_loans"]
    return frame.rename_axis("quarter").reset_index()


def loan_shares(official: pd.DataFrame) -> pd.DataFrame:
    """Each group's balance as a share of all 本外币 loans, at every quarter end where the group's balance
    and all loans are both published (a share is NaN where the group's balance is missing)."""
    total = all_loans(official)["fc_balance"].dropna()
    frame = pd.DataFrame({f"{g}_balance": panel(official, g)["balance"] for g in GROUPS}).reindex(total.index)
    frame["all_loans_balance"] = total
    frame = frame.dropna(subset=[f"{g}_balance" for g in GROUPS], how="all")
    for g in GROUPS:
        frame[f"{g}_share_pct"] = 100 * frame[f"{g}_balance"] / frame["all_loans_balance"]
    return frame.rename_axis("quarter").reset_index()


def nearest_quarters(quarters, quarter: dt.date) -> list[dt.date]:
    """``[quarter]`` if it is among ``quarters``, else the nearest one on either side (those that exist)."""
    quarters = sorted(quarters)
    if quarter in quarters:
        return [quarter]
    before = [q for q in quarters if q < quarter][-1:]
    after = [q for q in quarters if q > quarter][:1]
    return before + after


#: how a release states the change of an access rate on a year earlier: 比去年同期高3.6个百分点,
#: 比上年末高2个百分点, 较2024年同期上升2.8个百分点 (simplified or traditional characters)
_CHANGE = re.compile(
    r"(?:比(?:去年|上年)(?P<when>同期|末)|较(?P<year>\d{4})年(?P<when2>同期|末))(?:高|上升|提高)"
    r"(?P<pp>\d+(?:\.\d+)?)[个個]百分[点點]"
)


def _restated_quarter(quarter: dt.date, when: str, year: str | None) -> dt.date:
    base_year = int(year) if year else quarter.year - 1
    return dt.date(base_year, 12, 31) if when == "末" else dt.date(base_year, quarter.month, quarter.day)


def restated_rates(official: pd.DataFrame, group: str) -> pd.DataFrame:
    """What each release says, on its own register, of the access rate a year earlier: the rate it gives
    less the change it states (获贷率…比去年同期高 x 个百分点), against the rate published for that date.

    A gap between the two is the re-basing of the register (firms added to or dropped from the list).
    Rows whose quote states no change in percentage points are skipped."""
    rows = official[official["indicator"] == f"{group}_loan_access_rate"]
    published = panel(official, group)["access_rate"]
    out = []
    for row in rows.sort_values("period_end").to_dict("records"):
        text = str(row["quote"])
        at = max(text.find("获贷率"), text.find("獲貸率"))
        match = _CHANGE.search(text, max(at, 0))
        if match is None:
            continue
        when = match["when"] or match["when2"]
        earlier = _restated_quarter(row["period_end"], when, match["year"])
        change = float(match["pp"])
        out.append(
            {
                "release_quarter": row["period_end"],
                "rate": float(row["value"]),
                "change_pp": change,
                "quarter": earlier,
                "restated": round(float(row["value"]) - change, 1),
                "published": published.get(earlier, np.nan),
                "source": row["source"],
                "_line": row.get("_line"),
            }
        )
    frame = pd.DataFrame(out)
    if not frame.empty:
        frame["rebasing_pp"] = frame["restated"] - frame["published"]
    return frame


def projection_errors(history: pd.DataFrame, projection: Projection) -> pd.DataFrame:
    """The projection against what the PBOC later published, quarter by quarter (growth in %, balances in
    万亿元; errors as published less projected, in points and percent)."""
    frame = pd.DataFrame(
        {
            "quarter": projection.quarters,
            "projected_growth": projection.growth,
            "published_growth": [history["growth_yoy"].get(q, np.nan) for q in projection.quarters],
            "projected_balance": projection.central,
            "low": projection.low,
            "high": projection.high,
            "published_balance": [history["balance"].get(q, np.nan) for q in projection.quarters],
        }
    )
    frame["growth_error_pp"] = frame["published_growth"] - frame["projected_growth"]
    frame["balance_error_pct"] = 100 * (frame["published_balance"] / frame["projected_balance"] - 1)
    frame["in_band"] = (frame["published_balance"] >= frame["low"]) & (frame["published_balance"] <= frame["high"])
    return frame
