"""Checks of section 三, first recommendation: loans to tech-based SMEs and high-tech enterprises."""

from __future__ import annotations

import pandas as pd

from ..analysis import lending
from ..evidence import Context, Evidence, NotCheckable, Registry
from ..report import REPORT_QUARTER
from .common import official_evidence, row_sources

CHECKS = Registry()


def _credit_check(indicator: str):
    def fn(ctx: Context, claim: pd.Series) -> Evidence:
        try:
            return official_evidence(ctx, claim, indicator, REPORT_QUARTER)
        except NotCheckable as missing:
            raise NotCheckable(
                f"{missing} (searched for the PBOC's 2024Q1 loan-direction report of 2024-04-30 and "
                f"press reports of it, with the report's number, in Chinese and English)"
                f"{_implied_note(ctx, indicator)}"
            ) from None

    fn.__name__ = f"_credit_{indicator}"
    return fn


def _implied_note(ctx: Context, indicator: str) -> str:
    """What the report a year later implies for the 2024Q1 balance (on its own, re-based register)."""
    if not indicator.endswith("_loan_balance"):
        return ""
    group = indicator.removesuffix("_loan_balance")
    implied = lending.implied_levels(ctx.official, group)
    row = implied[implied["quarter"] == REPORT_QUARTER]
    if row.empty:
        return ""
    r = row.iloc[0]
    return (
        f"; the PBOC report for {r['implied_by_report_of']} implies {r['implied']:.2f}万亿元 for "
        f"{REPORT_QUARTER} (its balance ÷ (1 + its growth)), but on a re-based register, so it is context, "
        "not a check"
    )


# the eight 2024Q1 figures, as the chapter compares them (one map for both)
for _claim, _indicator in lending.REPORT_FIGURES.items():
    CHECKS.check(_claim)(_credit_check(_indicator))


def _all_loans(ctx: Context, what: str) -> tuple[pd.Series, str]:
    for indicator in (f"all_loans_fc_{what}", f"all_loans_rmb_{what}"):
        try:
            return ctx.official_row(indicator, REPORT_QUARTER), indicator
        except NotCheckable:
            continue
    raise NotCheckable(f"no all-loan {what} at {REPORT_QUARTER} in data/official/")


@CHECKS.check("credit.fast_growth")
def _fast_growth(ctx: Context, claim: pd.Series) -> Evidence:
    total, indicator = _all_loans(ctx, "growth_yoy")
    groups = []
    for name, label in (("tech_sme", "tech-SME"), ("hitech", "high-tech-firm")):
        try:
            groups.append((label, ctx.official_row(f"{name}_loan_growth_yoy", REPORT_QUARTER)))
        except NotCheckable:
            continue
    if not groups:
        raise NotCheckable(f"no official tech-firm loan growth at {REPORT_QUARTER} in data/official/")
    parts = ", ".join(f"{label} loans +{row['value']:g}%" for label, row in groups)
    missing = "" if len(groups) == 2 else " (the other group's official growth was not found)"
    sources = tuple(s for _, r in groups for s in row_sources(r)) + row_sources(total)
    return Evidence(
        None,
        "text",
        f"{parts} against all loans +{total['value']:g}% ({indicator}) at end-2024Q1{missing}; "
        "'fast' read as faster than all loans",
        sources,
        holds=all(r["value"] > total["value"] for _, r in groups),
    )


def threshold_percent(claim: pd.Series) -> float:
    """The number in a claim's threshold (``< 10%`` → 10.0)."""
    text = str(claim.get("threshold") or "")
    digits = "".join(c for c in text if c.isdigit() or c == ".")
    if not digits:
        raise KeyError(f"claim {claim['id']} needs a threshold in data/report/claims.csv")
    return float(digits)


@CHECKS.check("credit.scale_share_small")
def _share_small(ctx: Context, claim: pd.Series) -> Evidence:
    limit = threshold_percent(claim)
    total = lending.all_loans(ctx.official)["fc_balance"]
    groups = {g: lending.panel(ctx.official, g)["balance"] for g in ("tech_sme", "hitech")}
    usable = [q for q in total.dropna().index if all(q in b.dropna().index for b in groups.values())]
    if not usable:
        raise NotCheckable("no quarter has both groups' balances and all loans in data/official/")
    before = [q for q in usable if q <= REPORT_QUARTER][-1:]
    after = [q for q in usable if q > REPORT_QUARTER][:1]
    quarters = [REPORT_QUARTER] if REPORT_QUARTER in usable else before + after
    shares = {q: {g: lending.loan_share_pct(b[q], total[q]) for g, b in groups.items()} for q in quarters}
    listing = "; ".join(
        f"{q}: tech-SMEs {v['tech_sme']:.1f}%, high-tech firms {v['hitech']:.1f}%" for q, v in shares.items()
    )
    where = "" if quarters == [REPORT_QUARTER] else " (2024Q1 balances not found; the nearest quarters on either side)"
    holds = all(v < limit for shares_q in shares.values() for v in shares_q.values())
    rows = [
        ctx.official_row(i, q)
        for q in quarters
        for i in ("all_loans_fc_balance", "tech_sme_loan_balance", "hitech_loan_balance")
    ]
    return Evidence(
        None,
        "text",
        f"shares of all 本外币 loans{where}: {listing}",
        tuple(s for r in rows for s in row_sources(r)),
        holds=holds,
    )
