"""Chapter 2-2's tables and the helpers they share with its facts (the facts are in :mod:`~nqpf.book.chapters.local`).

:func:`excerpt` (a sourced excerpt of a document), :func:`searched` (claims with what was searched for them)
and :func:`beijing_clauses`, then the display tables with human headers: :func:`amounts_table`,
:func:`shanghai_table`, :func:`arithmetic_table`, :func:`mechanism_table`, :func:`zone_table` and
:func:`clause_table`. All of them are re-exported by :mod:`~nqpf.book.chapters.local`, which the page imports.
"""

from __future__ import annotations

import pandas as pd

from ...analysis import local
from ...checks.common import normalise
from ...evidence import Context

DOCUMENTS = "data/official/documents.csv"


def excerpt(context: Context, document: str, containing: str) -> pd.Series:
    """The sourced excerpt of ``document`` whose quote contains ``containing``."""
    rows = context.documents[context.documents["document"] == document]
    hits = rows[[containing in q for q in rows["quote"]]]
    if hits.empty:
        raise KeyError(f"no excerpt of {document} in {DOCUMENTS} contains {containing!r}")
    return hits.iloc[0]


def searched(card: pd.DataFrame, ids: tuple[str, ...]) -> pd.DataFrame:
    """The claims ``ids`` with the report's words and what was searched for them (the engine's reason)."""
    rows = card.set_index("id").loc[list(ids)]
    return pd.DataFrame(
        {
            "Claim": rows["statement_en"].to_numpy(),
            "The report's words": rows["reported"].to_numpy(),
            "What was searched, and what was found": rows["reason"].to_numpy(),
        }
    )


def beijing_clauses(context: Context) -> pd.DataFrame:
    """Each clause of the report's Beijing goal and the excerpt of the Zhongguancun plan that carries it."""
    passage = context.claim("pilot.beijing_goal_wording")["quote_zh"].removeprefix("提出")
    rows = context.excerpts("zhongguancun_pilot_zone_plan").sort_values("excerpt")
    return local.clauses_in(passage, list(rows["quote"]), normalise)


# --------------------------------------------------------------------------- the chapter's tables (human headers)
YES_NO = {True: "yes", False: "no"}


def amounts_table(amounts: pd.DataFrame) -> pd.DataFrame:
    """The first loans' amounts (:func:`nqpf.analysis.local.first_loan_amounts`) for display."""
    return pd.DataFrame(
        {
            "Region": [f"{en} {zh}" for en, zh in zip(amounts["region_en"], amounts["region_zh"])],
            "Lender": amounts["bank_zh"].str.replace(";", "、"),
            "What": amounts["metric"].map(local.METRICS),
            "The report's words": amounts["reported"],
            "Amount (万元)": amounts["amount_wan"],
            "Written as a floor": (amounts["qualifier"] != "").map(YES_NO),
        }
    )


def shanghai_table(context: Context) -> pd.DataFrame:
    """The report's Shanghai numbers beside the PBOC Shanghai Head Office announcement's."""
    report = context.table("regional_first_loans").set_index("id")["reported"]
    quote = excerpt(context, "sti_relending_first_loans_2024", "签约金额")["quote"]
    return pd.DataFrame(
        {
            "Item": ["First loan 首笔贷款", "Signed total 签约总额"],
            "The report": [report["first_loan.shanghai.first_loan_amount"], report["first_loan.shanghai.signed_total"]],
            "The PBOC Shanghai announcement": [local.counted(quote, "多万元"), local.counted(quote, "亿元")],
        }
    )


def arithmetic_table(ratios: pd.DataFrame) -> pd.DataFrame:
    """The report's own part-of-whole arithmetic (:func:`nqpf.analysis.local.consistency_checks`) for display."""
    return pd.DataFrame(
        {
            "Part over whole": ratios["check"],
            "Part (万元)": ratios["numerator_wan"],
            "Whole (万元)": ratios["denominator_wan"],
            "Share (%)": ratios["ratio_percent"],
            "Share is": ratios["bound"],
            "Part at most the whole": ratios["consistent"].map(YES_NO),
        }
    )


def mechanism_table(mechanisms: pd.DataFrame) -> pd.DataFrame:
    """The provincial mechanisms as the report describes them, for display."""
    return pd.DataFrame(
        {
            "Province": [f"{en} {zh}" for en, zh in zip(mechanisms["region_en"], mechanisms["region_zh"])],
            "Mechanism": mechanisms["mechanism_en"],
            "The report's words": mechanisms["reported"].fillna(""),
            "Refers to": mechanisms["as_of"].fillna("").astype(str),
        }
    )


def zone_table(zones: pd.DataFrame, window: dict) -> pd.DataFrame:
    """The pilot zones with their approvals, ages at the report and place in the three-year window."""
    ages = local.zone_ages(zones, window["end"])
    inside = local.in_window(zones, window["start"], window["end"])["in_window"]
    age = [
        f"{a:.1f}" if f"{a:.1f}" == f"{b:.1f}" else f"{a:.1f}–{b:.1f}"
        for a, b in zip(ages["min_years"], ages["max_years"])
    ]
    return pd.DataFrame(
        {
            "Zone": [f"{zh} ({en.split(' Sci-Tech')[0]})" for zh, en in zip(zones["zone_zh"], zones["zone_en"])],
            "Province": zones["province_zh"],
            "Approved (as sourced)": zones["approved"].astype(str),
            "Date given to the": zones["precision"],
            "Approving departments": zones["departments"],
            "Named in the report": zones["named_in_report"].map(YES_NO),
            "Age at the report (years)": age,
            "Inside the three years before the report": inside.map(YES_NO),
        }
    )


def clause_table(clauses: pd.DataFrame) -> pd.DataFrame:
    """The report's Beijing clauses (:func:`beijing_clauses`) for display."""
    return pd.DataFrame(
        {
            "Clause of the report": clauses["clause"],
            "In the plan's excerpts": clauses["found"].map(YES_NO),
            "Excerpt": clauses["excerpt"].map(lambda n: str(n) if n else ""),
        }
    )
