"""Chapter 2-1's tables and the constants they share with its facts (the facts are in :mod:`~nqpf.book.chapters.relending`)."""

from __future__ import annotations

import pandas as pd

from ...analysis import relending
from ...evidence import Context
from ...report import REPORT_AS_OF, REPORT_YEAR
from .. import downloads, labels

STAR = "csrc_star_eight_measures_2024"
FIVE_ARTICLES = "five_major_articles"
#: the report's sentences from the NFRA's guidance (and before it) that no page carried
NFRA_WORDING = (
    "nfra.tech_finance_requirement",
    "nfra.guidance_aim",
    "nfra.guidance_credit_loans",
    "nfra.guidance_loan_plus_investment",
    "nfra.guidance_first_set_insurance",
    "nfra.key_focus_statement",
    "nfra.equity_investment_pilot",
)
#: the claims on the 2024 tool's terms, with the indicator of data/official/relending.csv each rests on
TERM_CLAIMS = {
    "relending.quota": "sti_2024_quota",
    "relending.first_loan_quota": "sti_2024_first_loan_quota",
    "relending.rate": "sti_2024_rate",
    "relending.term": "sti_2024_term",
    "relending.rollovers": "sti_2024_max_rollovers",
    "relending.rollover_term": "sti_2024_rollover_term",
    "relending.funding_share": "sti_2024_funding_share",
}


def _announced(context: Context, indicator: str) -> pd.Series:
    """The first observation of an indicator (the announcement), from its most authoritative page."""
    return context.official_row(indicator, context.official_rows(indicator)["period_end"].min())


def _excerpt(context: Context, document: str, number: int) -> pd.Series:
    rows = context.excerpts(document)
    return rows[rows["excerpt"] == number].iloc[0]


def _publisher(context: Context, source_id: str) -> str:
    s = context.source(source_id)
    return f"{s['publisher']} ({labels.TIER['en'].get(s['tier'], s['tier'])})"


# --------------------------------------------------------------------------- tables
def terms_table(context: Context, card: pd.DataFrame) -> pd.DataFrame:
    """The report's terms of the 2024 tool beside the announced ones: one row per term claim, with the
    page each announced value was read from and the verdict."""
    verdicts = card.set_index("id")
    rows = []
    for claim_id, indicator in TERM_CLAIMS.items():
        row = _announced(context, indicator)
        rows.append(
            {
                "Term": relending.TERMS[indicator.removeprefix("sti_2024_")],
                "The report writes": verdicts.loc[claim_id, "reported"],
                "Announced": f"{row['_raw_value']}{row['unit']}",
                "Dated": row["period_end"].isoformat(),
                "Read from": _publisher(context, row["source"]),
                "Verdict": labels.verdict(str(verdicts.loc[claim_id, "verdict"])),
            }
        )
    return pd.DataFrame(rows)


def terms_data(context: Context) -> pd.DataFrame:
    """The official rows behind :func:`terms_table`, with their pages spelled out (for the CSV)."""
    rows = pd.DataFrame([_announced(context, indicator) for indicator in TERM_CLAIMS.values()])
    return downloads.with_provenance(rows, context)


def measures_table(context: Context) -> pd.DataFrame:
    """The measures the report lists after 今年以来, with their sourced dates and the pages that date them."""
    found = relending.this_year_measures(context.events, REPORT_YEAR, REPORT_AS_OF)
    return pd.DataFrame(
        {
            "Measure": found["label"],
            "Dated": found["date"].map(lambda d: d.isoformat() if d else "no sourced date"),
            "Dated by": found["source"].map(lambda s: _publisher(context, s) if s else ""),
            f"In {REPORT_YEAR}, before the report": found["in_window"],
        }
    )


def continuity_table(context: Context) -> pd.DataFrame:
    """The three tools' terms side by side (display headers; "not stated" where a source is silent)."""
    compared = relending.compare_terms(relending.terms(context.official))

    def cell(value, floor):
        if pd.isna(value):
            return "not stated"
        return f"{'≥ ' if floor else ''}{value:g}"

    out = pd.DataFrame({"Term": compared["label"]})
    for tool, name in relending.TOOLS.items():
        out[name] = [cell(v, f and tool != "sti_2024") for v, f in zip(compared[tool], compared["at_least"])]
    out["Same for all three"] = compared["same"]
    out["Tested by the continuity claim"] = compared["compared"]
    return out


def history_table(context: Context) -> pd.DataFrame:
    """What happened to the 2024 tool after the report, one row per official statement."""
    history = relending.later_history(context.official)
    return pd.DataFrame(
        {
            "Date": history["date"].map(lambda d: d.isoformat()),
            "What": history["label"],
            "As written": history["qualifier"].map({"近": "nearly", "超过": "more than", "": ""}),
            "Value": [
                f"{v:,.2f}{u}" if u == "%" else f"{v:,.0f}{u}" for v, u in zip(history["value"], history["unit"])
            ],
            "Date assumed by the data": history["date_assumed"],
            "Single source": history["single_source"],
            "Read from": history["source"].map(lambda s: _publisher(context, s)),
        }
    )


def headings_table(context: Context) -> pd.DataFrame:
    """The report's eight headings beside the outside list and 图表5's boxes."""
    report = context.table("star_market_measures")
    compared = relending.headings_compared(report, context.official_list(STAR))
    boxes = relending.boxes_found(context.claim("csrc.fig5_boxes")["quote_zh"], list(compared["report"]))
    return pd.DataFrame(
        {
            "No.": compared["order"],
            "The report's text": compared["report"],
            "English": compared["english"],
            "Outside list": compared["outside"],
            "Same words": compared["same"],
            "A box of 图表5": boxes,
        }
    )


def csrc_excerpts(context: Context) -> pd.DataFrame:
    """The report's sentences on the CSRC's purpose and measure 1 beside the excerpts of the release found."""
    rows = []
    for claim_id, excerpt in (
        ("csrc.purpose_wording", 1),
        ("csrc.hard_tech_priority", 2),
        ("csrc.inclusiveness_clause", 4),
    ):
        e = _excerpt(context, STAR, excerpt)
        rows.append(
            {
                "The report": context.claim(claim_id)["quote_zh"],
                "The nearest excerpt found": e["quote"],
                "Read from": _publisher(context, e["source"]),
            }
        )
    return pd.DataFrame(rows)


def searched_table(card: pd.DataFrame, ids: tuple[str, ...] = NFRA_WORDING) -> pd.DataFrame:
    """The report's sentences that no stored page carried, with what was searched (the engine's reason)."""
    rows = card.set_index("id").loc[list(ids)]
    return pd.DataFrame(
        {
            "The report writes": rows["quote_zh"].to_numpy(),
            "In English": rows["statement_en"].to_numpy(),
            "What was searched, and what was found": rows["reason"].to_numpy(),
            "Verdict": [labels.verdict(str(v)) for v in rows["verdict"]],
        }
    )


# --------------------------------------------------------------------------- facts
