"""The facts of chapter 3-3, the recommendations: the evidence behind each of the report's four
recommendations recomputed from ``data/``, the two national funds the third names, and the verdicts of the
whole register summed up (by verdict, by what they rest on, by the tier of their sources)."""

from __future__ import annotations

import pandas as pd

from ... import engine
from ...analysis import conclusions, relending, structure
from ...evidence import Context
from ...report import REPORT_QUARTER
from .. import labels, summary
from .. import register as shared
from ..facts import Facts, key, row_ref

#: the funds the third recommendation names: document of data/official/documents.csv → its claim
FUNDS = {"vc_guide_fund": "recommend.vc_guide_fund", "national_financing_guarantee_fund": "recommend.guarantee_fund"}
DOCUMENTS_FILE = "data/official/documents.csv"


def register(context: Context) -> pd.DataFrame:
    """The whole register's verdicts (the page's own card holds only the chapter's claims), from the build's
    shared artifact (:mod:`nqpf.book.register`); ``context`` is kept for callers that pass their own."""
    return shared.load()


def _official(context: Context, indicator: str, period_end=None) -> tuple[float, tuple]:
    """An official value (the most authoritative publication) and its row reference."""
    row = context.official_row(indicator, period_end)
    return float(row["value"]), row_ref(row, context)


def _claim_verdicts(out: Facts, card: pd.DataFrame, ids) -> None:
    """``v_<key>``, ``v_<key>_zh`` and ``why_<key>`` for claims of other chapters this page cites."""
    for row in card[card["id"].isin(list(ids))].to_dict("records"):
        k = key(row["id"])
        for lang in labels.LANGS:
            out.add(
                f"v_{k}{'' if lang == 'en' else '_' + lang}",
                labels.verdict(str(row["verdict"]), lang),
                about=row["statement_en"],
                claim=row["id"],
            )
        out.add(f"why_{k}", row["reason"], about="the reason for the verdict")


def _breadth(context: Context, out: Facts) -> None:
    official = context.official
    loans = conclusions.loan_evidence(official)
    g = loans.growth_period
    out.add("g_period", g.isoformat(), about="the quarter end of the growth figures")
    value, ref = _official(context, "tech_sme_loan_growth_yoy", g)
    out.add("g_sme", value, "{:.1f}%", about="tech-SME loans, growth on a year earlier", row=ref)
    value, ref = _official(context, "all_loans_fc_growth_yoy", g)
    out.add("g_all", value, "{:.1f}%", about="all loans (RMB and foreign currency), growth on a year earlier", row=ref)
    out.add(
        "g_gap",
        loans.growth_gap,
        "{:.1f} percentage points",
        about="tech-SME loan growth less all-loan growth",
        claim="credit.fast_growth",
    )
    out.add(
        "g_ratio",
        loans.tech_sme_growth / loans.all_loans_growth,
        "{:.1f} times",
        about="tech-SME loan growth over all-loan growth",
    )
    shares = conclusions.around(conclusions.loan_shares(official), REPORT_QUARTER)
    for side, row in zip(("before", "after") if len(shares) == 2 else ("at",), shares.to_dict("records")):
        when = row["period_end"]
        out.add(f"sh_{side}_period", when.isoformat(), about=f"a quarter end {side} the report's with both balances")
        for name, indicator in (("sme", "tech_sme_loan_balance"), ("all", "all_loans_fc_balance")):
            value, ref = _official(context, indicator, when)
            out.add(
                f"sh_{side}_{name}",
                row[f"{'tech_sme' if name == 'sme' else 'all_loans'}_balance"],
                "{:,.2f}万亿元",
                about=f"{indicator} at {when}",
                row=ref,
            )
        out.add(
            f"sh_{side}",
            row["share_percent"],
            "{:.1f}%",
            about=f"tech-SME loans as a share of all loans at {when}",
            claim="credit.scale_share_small",
        )
    if loans.access_rate is not None:
        value, ref = _official(context, "tech_sme_loan_access_rate", loans.access_rate_period)
        out.add("a_period", loans.access_rate_period.isoformat(), about="the quarter end of the access rate")
        out.add("a_rate", value, "{:.1f}%", about="share of the registered tech-based SMEs with a loan", row=ref)
        out.add("a_without", 100.0 - value, "{:.1f}%", about="share of the registered tech-based SMEs without a loan")


def _structure(context: Context, out: Facts) -> None:
    official = context.official
    shares = structure.all_credit_shares(official, REPORT_QUARTER)
    at = shares[(shares["period_end"] == REPORT_QUARTER) & (shares["how"] == "derived")]
    derived = structure.year_earlier_shares(official, REPORT_QUARTER)
    out.add("cs_date", REPORT_QUARTER.isoformat(), about="the report's date for its financing-structure claims")
    out.add(
        "cs_later", derived.later.isoformat(), about="the PBOC release the shares at the report's date are derived from"
    )
    for row in at.to_dict("records"):
        suffix = "with" if row["with_government_bonds"] else "without"
        out.add(
            f"cs_{row['definition']}_{suffix}",
            row["share_percent"],
            "{:.1f}%",
            about=f"{row['label']}, share of the TSF stock{'' if suffix == 'with' else ' less government bonds'} "
            f"at {REPORT_QUARTER} (derived)",
            claim="structure.credit_share",
        )
    over = [
        f"{r['label'].lower()} over the stock {'with' if r['with_government_bonds'] else 'without'} government bonds"
        for r in at.to_dict("records")
        if r["share_percent"] >= 80
    ]
    out.add("cs_over80", "; ".join(over) or "none", about="the readings at or above 80% at the report's date")
    definition, with_gov = structure.HEADLINE_DEFINITION
    out.add(
        "cs_headline",
        f"{structure.CREDIT_LABELS[definition].lower()} over the "
        f"{'whole stock' if with_gov else 'stock less government bonds'}",
        about="the engine's headline reading",
    )
    out.add(
        "eq_share",
        derived.percent(("equity_nonfinancial",)),
        "{:.1f}%",
        about=f"non-financial firms' domestic equity, share of the TSF stock at {REPORT_QUARTER} (derived)",
        claim="structure.equity_share_low",
    )


def _relending(context: Context, out: Facts) -> None:
    terms = relending.terms(context.official)
    announced = terms[terms["tool"] == "sti_2024"].set_index("term")
    quota, share = float(announced.loc["quota", "value"]), float(announced.loc["funding_share", "value"])
    for name, term, fmt in (("rl_quota", "quota", "{:,.0f}亿元"), ("rl_share", "funding_share", "{:.0f}%")):
        row = context.official_rows(f"sti_2024_{term}", announced.loc[term, "announced"])
        ref = row_ref(row.iloc[0], context)
        out.add(
            name,
            float(announced.loc[term, "value"]),
            fmt,
            about=f"the 2024 relending tool's {term} as announced",
            row=ref,
        )
    out.add("rl_announced", announced.loc["quota", "announced"].isoformat(), about="the day the tool was announced")
    out.add(
        "rl_credit",
        relending.supported_credit(quota, share),
        "{:,.1f}亿元",
        about="bank loans the announced quota refinances: quota ÷ funding share",
        claim="relending.credit_leverage",
    )
    history = relending.later_history(context.official)
    quotas = history[history["indicator"] == "sti_2024_quota"].sort_values("date")
    if not quotas.empty:
        latest = quotas.iloc[-1]
        row = context.official_rows("sti_2024_quota", latest["date"]).iloc[0]
        out.add("rl_latest_period", latest["date"].isoformat(), about="the latest quota the data hold")
        out.add(
            "rl_latest_quota",
            latest["value"],
            "{:,.0f}亿元",
            about="the tool's latest quota",
            row=row_ref(row, context),
        )
        out.add(
            "rl_latest_credit",
            relending.supported_credit(float(latest["value"]), share),
            "{:,.0f}亿元",
            about="bank loans the latest quota refinances at the announced funding share",
        )


def _funds(context: Context, out: Facts) -> None:
    docs = context.documents
    for document, claim in FUNDS.items():
        rows = docs[docs["document"] == document].sort_values("date", na_position="last")
        name = key(claim).removeprefix("recommend_")
        out.add(f"{name}_n", len(rows), about=f"excerpts of {document} in {DOCUMENTS_FILE}", claim=claim)
        for side, row in (("first", rows.iloc[0]), ("last", rows.iloc[-1])):
            ref = row_ref(pd.concat([row, pd.Series({"file": DOCUMENTS_FILE})]), context)
            out.add(f"{name}_{side}", str(row["date"]), about=f"the {side} dated excerpt of {document}", row=ref)


def _register(context: Context, out: Facts) -> None:
    card = register(context)
    counts = engine.verdict_counts(card)
    out.add("reg_n_claims", len(card), about="claims in the whole register")
    for verdict, n in counts.items():
        out.add(f"reg_n_{verdict}", n, about=f"claims of the register with the verdict {labels.verdict(verdict)}")
        out.add(f"label_{verdict}", labels.verdict(verdict), about=labels.VERDICT_MEANING["en"][verdict])
    out.add(
        "reg_counts",
        "; ".join(f"{labels.verdict(v)}: {n}" for v, n in counts.items() if n),
        about="the register's verdicts, counted",
    )
    judged = card[card["verdict"].astype(str) != "not_checkable"]
    out.add("reg_n_judged", len(judged), about="claims with a verdict other than not checkable")
    for basis in ("source", "arithmetic", "report"):
        out.add(
            f"reg_judged_{basis}",
            int((judged["basis"] == basis).sum()),
            about=f"of those, verdicts resting on {labels.BASIS['en'][basis]}",
        )
    good, sourced = engine.source_share(card)
    out.add(
        "src_official", good, about="verdicts resting on a source that cite an official or press-of-record original"
    )
    out.add("src_total", sourced, about="verdicts resting on a source")
    out.add(
        "src_pct",
        100.0 * good / sourced if sourced else float("nan"),
        "{:.0f}%",
        about="the share of source-based verdicts that cite an official or press-of-record original",
    )
    found = conclusions.findings(card)
    out.add("reg_n_findings", len(found), about="claims whose verdict is a finding about the report")
    by_part = summary.verdict_by_part(card).drop(index="All")
    top = by_part["not_checkable"].idxmax()
    out.add("nc_part", top, about="the part of the report with the most claims not checkable")
    out.add("nc_part_n", int(by_part.loc[top, "not_checkable"]), about="its claims not checkable")
    out.add("nc_part_total", int(by_part.loc[top, "total"]), about="its claims")
    cited = {i for ids in conclusions.EVIDENCE_CLAIMS.values() for i in ids}
    _claim_verdicts(out, card, cited - set(card.loc[card["notebook"] == "3-3_recommendations", "id"]))


def facts(context: Context, card: pd.DataFrame, out: Facts) -> None:
    """Add the chapter's facts to ``out``."""
    out.add(
        "n_recommendations",
        len(context.table("recommendations")),
        about="recommendations in section 三",
        claim="recommend.count",
    )
    _breadth(context, out)
    _structure(context, out)
    _relending(context, out)
    _funds(context, out)
    _register(context, out)
