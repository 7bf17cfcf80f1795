"""China's financing structure from the stock of aggregate financing (社会融资规模存量).

The report says credit is "80%以上" of the financing structure. Whether that holds depends
on what counts as credit and whether government bonds count as financing of the real
economy; this module computes the share under each definition so the notebooks, the
widget and the claim engine agree. Pure pandas: data in, frames and numbers out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..quantities import to_base

#: the components of the TSF stock, in the PBOC's order, with bilingual labels
COMPONENTS: dict[str, str] = {
    "rmb_loans": "RMB loans 人民币贷款",
    "fx_loans": "Foreign-currency loans 外币贷款",
    "entrusted_loans": "Entrusted loans 委托贷款",
    "trust_loans": "Trust loans 信托贷款",
    "undiscounted_bankers_acceptances": "Undiscounted bankers' acceptances 未贴现银行承兑汇票",
    "corporate_bonds": "Corporate bonds 企业债券",
    "government_bonds": "Government bonds 政府债券",
    "equity_nonfinancial": "Domestic equity of non-financial firms 非金融企业境内股票",
    "abs_deposit_institutions": "ABS of deposit-taking institutions 存款类金融机构资产支持证券",
    "loans_written_off": "Loans written off 贷款核销",
}


#: what may count as "credit" (信贷), narrowest first
CREDIT_DEFINITIONS: dict[str, tuple[str, ...]] = {
    "rmb_loans": ("rmb_loans",),
    "all_loans": ("rmb_loans", "fx_loans"),
    "loan_type": ("rmb_loans", "fx_loans", "entrusted_loans", "trust_loans", "undiscounted_bankers_acceptances"),
}


CREDIT_LABELS = {
    "rmb_loans": "RMB loans only",
    "all_loans": "RMB + foreign-currency loans",
    "loan_type": "All loan-type items (loans, entrusted, trust, undiscounted acceptances)",
}


HEADLINE_DEFINITION = ("loan_type", True)  # (credit definition, government bonds in the denominator)


@dataclass(frozen=True)
class Share:
    """A share of the TSF stock at one period end, with what went into it."""

    period_end: dt.date
    components: tuple[str, ...]
    with_government_bonds: bool
    numerator: float  # yuan
    denominator: float  # yuan

    @property
    def percent(self) -> float:
        return 100.0 * self.numerator / self.denominator


def stock_table(official: pd.DataFrame) -> pd.DataFrame:
    """TSF stock levels as a wide table: one row per period end, one column per component
    (and ``total``), in yuan. Periods missing the total are dropped."""
    rows = official[
        official["indicator"].str.match(r"^tsf_stock_[a-z_]+$")
        & ~official["indicator"].str.endswith(("_growth_yoy", "_share"))
    ].copy()
    if rows.empty:
        return pd.DataFrame(columns=["total", *COMPONENTS])
    rows["component"] = rows["indicator"].str.removeprefix("tsf_stock_")
    rows["yuan"] = [to_base(v, u) for v, u in zip(rows["value"], rows["unit"])]
    wide = rows.pivot_table(index="period_end", columns="component", values="yuan", aggfunc="first")
    wide = wide.reindex(columns=["total", *COMPONENTS])
    return wide.dropna(subset=["total"]).sort_index()


def share(
    table: pd.DataFrame, period_end: dt.date, components: tuple[str, ...], with_government_bonds: bool = True
) -> Share:
    """The share of ``components`` in the TSF stock at ``period_end``.

    Without government bonds the denominator is the total less government bonds (financing
    of firms and households only). Raises ``KeyError`` naming what is missing."""
    if period_end not in table.index:
        raise KeyError(f"no TSF stock total at {period_end}")
    row = table.loc[period_end]
    missing = [c for c in components if pd.isna(row.get(c))]
    if not with_government_bonds and pd.isna(row.get("government_bonds")):
        missing.append("government_bonds")
    if missing:
        raise KeyError(f"TSF stock at {period_end} lacks {', '.join(missing)}")
    numerator = float(sum(row[c] for c in components))
    denominator = float(row["total"] - (0 if with_government_bonds else row["government_bonds"]))
    return Share(period_end, tuple(components), with_government_bonds, numerator, denominator)


def credit_shares(table: pd.DataFrame) -> pd.DataFrame:
    """Credit share under every definition, with and without government bonds, at every
    period end where the components are known. Tidy: one row per (period, definition)."""
    out = []
    for period in table.index:
        for name, components in CREDIT_DEFINITIONS.items():
            for with_gov in (True, False):
                try:
                    s = share(table, period, components, with_gov)
                except KeyError:
                    continue
                out.append(
                    {
                        "period_end": period,
                        "definition": name,
                        "label": CREDIT_LABELS[name],
                        "with_government_bonds": with_gov,
                        "share_percent": s.percent,
                    }
                )
    return pd.DataFrame(out, columns=["period_end", "definition", "label", "with_government_bonds", "share_percent"])


def bracketing_periods(
    table: pd.DataFrame, target: dt.date, components: tuple[str, ...], with_government_bonds: bool
) -> list[dt.date]:
    """The last period end on or before ``target`` and the first after it at which the share
    can be computed (one of them may be missing); the exact period if it is available."""
    usable = []
    for period in table.index:
        try:
            share(table, period, components, with_government_bonds)
            usable.append(period)
        except KeyError:
            continue
    if target in usable:
        return [target]
    before = [p for p in usable if p < target]
    after = [p for p in usable if p > target]
    return ([before[-1]] if before else []) + ([after[0]] if after else [])


# --------------------------------------------------------------------------- the widget
def share_sentence(s: Share, definition: str, threshold: float = 80.0) -> str:
    """One sentence: the share, and whether the report's "80%以上" holds under this definition."""
    scope = "the whole TSF stock" if s.with_government_bonds else "the TSF stock excluding government bonds"
    verdict = "the claim holds" if s.percent >= threshold else "the claim does not hold"
    return (
        f"{CREDIT_LABELS[definition]} are {s.percent:.1f}% of {scope} at {s.period_end}: "
        f"{verdict} under this definition (80%以上 needs at least {threshold:g}%)."
    )
