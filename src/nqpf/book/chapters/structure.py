"""The facts of chapter 3-2, the financing structure: the shares of the TSF stock at the report's date,
derived from the release a year later, under every definition of credit."""

from __future__ import annotations

import pandas as pd

from ...analysis import structure
from ...evidence import Context
from ...report import REPORT_QUARTER
from ..facts import Facts

CLAIM = "structure.credit_share"


def facts(context: Context, card: pd.DataFrame, out: Facts) -> None:
    """Add the chapter's facts to ``out``."""
    official = context.official
    derived = structure.year_earlier_shares(official, REPORT_QUARTER)
    out.add("report_quarter", REPORT_QUARTER.isoformat(), about="the report's date for these claims")
    out.add(
        "line",
        float(card.set_index("id").loc[CLAIM, "low"]),
        "{:.0f}%",
        claim=CLAIM,
        about="the report's line: credit is 80%以上 of the financing structure",
    )
    out.add("later", derived.later.isoformat(), about="the release the shares are derived from")
    loan_type = structure.CREDIT_DEFINITIONS["loan_type"]
    for name, components in structure.CREDIT_DEFINITIONS.items():
        for with_gov, suffix in ((True, ""), (False, "_nogov")):
            out.add(
                f"share_{name}{suffix}",
                derived.percent(components, with_gov),
                "{:.1f}%",
                about=f"{structure.CREDIT_LABELS[name]} as a share of the TSF stock"
                f"{'' if with_gov else ' less government bonds'} at {REPORT_QUARTER} (derived)",
                claim=CLAIM,
            )
    out.add(
        "share_equity",
        derived.percent(("equity_nonfinancial",)),
        "{:.1f}%",
        about=f"non-financial firms' domestic equity, share of the TSF stock at {REPORT_QUARTER} (derived)",
        claim="structure.equity_share_low",
    )
    out.add(
        "share_gov",
        derived.shares["government_bonds"],
        "{:.1f}%",
        about=f"government bonds, share of the TSF stock at {REPORT_QUARTER} (derived)",
    )
    out.add(
        "share_bonds_equity",
        derived.percent(("corporate_bonds", "equity_nonfinancial")),
        "{:.1f}%",
        about="corporate bonds and equity: direct financing of firms (derived)",
    )
    out.add(
        "share_residual",
        100 - sum(derived.shares.values()),
        "{:.1f}%",
        about="what the eight stated components leave: ABS of deposit-taking institutions and loans written off",
    )
    out.add("rmb_then", derived.shares["rmb_loans"], "{:.1f}%", about="RMB loans' share at the report's date")
    out.add("rmb_later", derived.methods["rmb_loans"], about="how the RMB-loan share was derived")

    shares = structure.all_credit_shares(official, REPORT_QUARTER)
    complete = structure.composition(official)
    out.add("n_level_periods", len(complete), about="period ends whose eight components are all in the data")
    out.add("level_periods", ", ".join(str(p) for p in complete.index), about="those period ends")
    holding = shares[shares["share_percent"] >= 80].groupby(["definition", "with_government_bonds"]).size()
    total = shares.groupby(["definition", "with_government_bonds"]).size()
    always = [
        f"{structure.CREDIT_LABELS[d]}{'' if g else ', excluding government bonds'}"
        for (d, g), n in total.items()
        if holding.get((d, g), 0) == n
    ]
    never = [
        f"{structure.CREDIT_LABELS[d]}{'' if g else ', excluding government bonds'}"
        for (d, g), n in total.items()
        if holding.get((d, g), 0) == 0
    ]
    out.add("holds_always", "; ".join(always) or "none", about="definitions at or above 80% at every period end shown")
    out.add("holds_never", "; ".join(never) or "none", about="definitions below 80% at every period end shown")
    lt = shares[(shares["definition"] == "loan_type")]
    out.add(
        "loantype_min",
        lt[lt["with_government_bonds"]]["share_percent"].min(),
        "{:.1f}%",
        about="lowest loan-type share of the whole stock at the period ends shown",
    )
    out.add(
        "loantype_max",
        lt[lt["with_government_bonds"]]["share_percent"].max(),
        "{:.1f}%",
        about="highest loan-type share of the whole stock at the period ends shown",
    )
    out.add(
        "loantype_nogov_min",
        lt[~lt["with_government_bonds"]]["share_percent"].min(),
        "{:.1f}%",
        about="lowest loan-type share of the stock excluding government bonds",
    )
    out.add("n_loantype", len(loan_type), about="loan-type components")
    for cid in ("structure.equity_share_low", "structure.indirect_dominant", "credit.scale_share_small"):
        rows = context.claims[context.claims["id"] == cid]
        if not rows.empty and rows.iloc[0]["threshold"]:
            out.add(
                f"threshold_{cid.split('.')[1]}",
                rows.iloc[0]["threshold"],
                about=rows.iloc[0]["threshold_why"],
                claim=cid,
            )
