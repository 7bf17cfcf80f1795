"""The facts of chapter 2-1, the relending tool and the capital-market measures (report section 二（一）):
the 2024 tool's terms, 今年以来, the 8300多亿元 leverage, the predecessors and what their balances stand for,
the innovation-points batches, what happened to the tool later, the calculator's defaults, the NFRA's
guidance, the CSRC's measures (图表5) and Wu Qing's speech.

The facts on the innovation-points batches, the NFRA and the CSRC are added by
:mod:`~nqpf.book.chapters.relending_measures`. The chapter's display tables (:func:`terms_table` and its data
:func:`terms_data`, :func:`measures_table`, :func:`continuity_table`, :func:`history_table`,
:func:`searched_table`, :func:`headings_table`, :func:`csrc_excerpts`) are built in
:mod:`~nqpf.book.chapters.relending_tables` and re-exported here, so the notebook's cells stay one call long.
"""

from __future__ import annotations

import pandas as pd

from ...analysis import relending
from ...evidence import Context
from ...report import REPORT_AS_OF, REPORT_QUARTER, REPORT_YEAR
from ...widgets import relending as calculator
from ..facts import Facts, row_ref
from . import relending_measures
from .relending_tables import (  # noqa: F401 - re-exported for the pages
    FIVE_ARTICLES,
    NFRA_WORDING,
    STAR,
    TERM_CLAIMS,
    _announced,
    _excerpt,
    _publisher,
    continuity_table,
    csrc_excerpts,
    headings_table,
    history_table,
    measures_table,
    searched_table,
    terms_data,
    terms_table,
)


def facts(context: Context, card: pd.DataFrame, out: Facts) -> None:
    """Add the chapter's facts to ``out``."""
    _pages(context, card, out)
    _terms(context, out)
    _leverage(context, card, out)
    _predecessors(context, card, out)
    _history(context, out)
    _calculator(context, out)
    relending_measures.batches(context, out)
    relending_measures.nfra(context, card, out)
    relending_measures.csrc(context, card, out)


def _pages(context: Context, card: pd.DataFrame, out: Facts) -> None:
    ids = {s["id"] for sources in card["sources"] for s in sources}
    kinds = context.sources.loc[sorted(ids), "page_kind"]
    out.add("n_pages", len(ids), about="pages the verdicts of this chapter rest on (data/sources.csv)")
    out.add("n_pages_original", int((kinds == "original").sum()), about="of them the publisher's own site")


def _terms(context: Context, out: Facts) -> None:
    official = context.official
    out.add(
        "n_relending_rows",
        len(official[official["file"].str.endswith("relending.csv")]),
        about="rows of data/official/relending.csv",
    )
    for name, indicator, fmt, claim in (
        ("quota", "sti_2024_quota", "{:,.0f}亿元", "relending.quota"),
        ("earmark", "sti_2024_first_loan_quota", "{:,.0f}亿元", "relending.first_loan_quota"),
        ("rate", "sti_2024_rate", "{:.2f}%", "relending.rate"),
        ("share", "sti_2024_funding_share", "{:.0f}%", "relending.funding_share"),
        ("term_years", "sti_2024_term", "{:.0f} year", "relending.term"),
        ("rollovers", "sti_2024_max_rollovers", "{:.0f}", "relending.rollovers"),
        ("eligible", "sti_2024_eligible_institutions", "{:.0f}", ""),
    ):
        row = _announced(context, indicator)
        out.add(
            name,
            float(row["value"]),
            fmt,
            about=f"{indicator} as announced on {row['period_end']}",
            claim=claim,
            row=None if claim else row_ref(row, context),
        )
    out.add("n_terms", len(TERM_CLAIMS), about="terms of the 2024 tool the report states")
    launch = context.event("sti_relending_2024")
    out.add(
        "launch_date",
        launch["date"].isoformat(),
        about="the PBOC's announcement of the 2024 tool",
        row=row_ref(launch, context),
    )
    out.add("launch_publisher", _publisher(context, launch["source"]), about="the page that dates the announcement")
    earmark = context.official_rows("sti_2024_first_loan_quota").iloc[0]
    out.add(
        "earmark_publisher",
        _publisher(context, earmark["source"]),
        about="the page the first-loan earmark is read from",
        row=row_ref(earmark, context),
    )
    share = context.official_rows("sti_2024_funding_share").iloc[0]
    out.add(
        "share_publisher",
        _publisher(context, share["source"]),
        about="the page the 60% sentence is read from",
        row=row_ref(share, context),
    )
    measures = relending.this_year_measures(context.events, REPORT_YEAR, REPORT_AS_OF)
    out.add("n_this_year", len(measures), about="measures the report lists after 今年以来")
    out.add("n_this_year_dated", int(measures["date"].notna().sum()), about="of them with a sourced date")
    for event, name in (("sti_relending_2024", "pboc"), ("nfra_five_articles_guidance_2024", "nfra"), (STAR, "csrc")):
        row = context.event(event)
        out.add(f"date_{name}", row["date"].isoformat(), about=row["description_en"], row=row_ref(row, context))
    out.add("report_as_of", REPORT_AS_OF.isoformat(), about="the day the report speaks from (nqpf.report)")


def _leverage(context: Context, card: pd.DataFrame, out: Facts) -> None:
    tidy = relending.terms(context.official)
    quota = relending.term_value(tidy, "sti_2024", "quota")
    share = relending.term_value(tidy, "sti_2024", "funding_share")
    earmark = relending.term_value(tidy, "sti_2024", "first_loan_quota")
    row = card.set_index("id").loc["relending.credit_leverage"]
    credit = relending.supported_credit(quota, share)
    out.add(
        "credit",
        credit,
        "{:,.1f}亿元",
        about="loans the full quota refinances at the announced share",
        claim="relending.credit_leverage",
    )
    out.add(
        "credit_low", row["low"], "{:,.0f}亿元", about="the least 8300多亿元 allows", claim="relending.credit_leverage"
    )
    out.add(
        "credit_high",
        row["high"],
        "{:,.0f}亿元",
        about="the bound 8300多亿元 stays below",
        claim="relending.credit_leverage",
    )
    out.add("multiplier", credit / quota, "{:.2f}", about="loans refinanced per yuan of relending (1 ÷ share)")
    out.add(
        "earmark_credit",
        relending.supported_credit(earmark, share),
        "{:,.1f}亿元",
        about="loans the first-loan earmark refinances at the same share",
    )


def _predecessors(context: Context, card: pd.DataFrame, out: Facts) -> None:
    official = context.official
    tidy = relending.terms(official)
    term = lambda tool, name: relending.term_value(tidy, tool, name)  # noqa: E731
    excerpt = context.excerpts("sti_relending_2024").iloc[0]
    out.add(
        "continuation_publisher",
        _publisher(context, excerpt["source"]),
        about="the page with the 政策接续 sentence",
        row=row_ref(excerpt, context),
    )
    out.add(
        "continuation_date", context.source(excerpt["source"])["page_date"], about="the date that page gives itself"
    )
    compared = relending.compare_terms(tidy)
    tested = compared[compared["compared"]]
    out.add("n_continuity", len(tested), about="terms the continuity claim compares (rate, term, rollovers)")
    out.add(
        "n_continuity_same",
        int(tested["same"].sum()),
        about="of them the same for all three tools",
        claim="relending.continuity_terms",
    )
    for tool, name in (("tech_innovation_2022", "tech"), ("equipment_2022", "equip")):
        out.add(
            f"share_{name}",
            term(tool, "funding_share"),
            "{:.0f}%",
            about=f"{tool}: PBOC share of principal",
            row=row_ref(context.official_rows(f"{tool}_funding_share").iloc[0], context),
        )
        out.add(
            f"quota_{name}",
            term(tool, "quota"),
            "{:,.0f}亿元",
            about=f"{tool}: announced quota",
            row=row_ref(context.official_rows(f"{tool}_quota").iloc[0], context),
        )
        out.add(
            f"announced_{name}", tidy[tidy["tool"] == tool]["announced"].min().isoformat(), about=f"{tool}: announced"
        )
    out.add(
        "equipment_cap",
        float(context.official_rows("equipment_2022_max_loan_rate").iloc[0]["value"]),
        "{:.1f}%",
        about="the 2022 equipment tool's cap on the rate banks could charge",
        row=row_ref(context.official_rows("equipment_2022_max_loan_rate").iloc[0], context),
    )

    balances = relending.report_balances(context.claims)
    shares = {t: term(t, "funding_share") for t in relending.PREDECESSORS}
    loans = relending.predecessor_loans(balances, shares).set_index("tool")["loans"]
    comparison = relending.loan_comparison(tidy, balances).set_index("id")["loans"]
    total = sum(balances.values())
    out.add(
        "bal_tech",
        balances["tech_innovation_2022"],
        "{:,.0f}亿元",
        about="the report's end-2024Q1 balance",
        claim="relending.tech_innovation_2022_balance",
    )
    out.add(
        "bal_equip",
        balances["equipment_2022"],
        "{:,.0f}亿元",
        about="the report's end-2024Q1 balance",
        claim="relending.equipment_2022_balance",
    )
    out.add("bal_total", total, "{:,.0f}亿元", about="the two balances added", claim="relending.predecessor_total")
    out.add("balance_date", REPORT_QUARTER.isoformat(), about="the date of the report's balances")
    out.add(
        "n_official_balances",
        int(sum((official["indicator"] == f"{t}_balance").sum() for t in relending.PREDECESSORS)),
        about="official quarter-end balances of the 2022 tools in data/official/relending.csv",
    )
    out.add(
        "quota_ratio",
        term("sti_2024", "quota") / total,
        "{:.2f}",
        about="the new quota over the old tools' balance",
        claim="relending.quota_vs_old_balances",
    )
    out.add("loans_tech", loans["tech_innovation_2022"], "{:,.1f}亿元", about="loans behind the tech tool's balance")
    out.add("loans_equip", loans["equipment_2022"], "{:,.1f}亿元", about="loans behind the equipment tool's balance")
    out.add(
        "loans_own",
        comparison["old_balances_own_shares"],
        "{:,.1f}亿元",
        about="loans behind both balances at the tools' own shares",
    )
    out.add(
        "loans_60",
        comparison["old_balances_60"],
        "{:,.1f}亿元",
        about="loans behind both balances if the new tool's share applied to both",
    )
    overstated = comparison["old_balances_60"] - comparison["old_balances_own_shares"]
    out.add("overstated", overstated, "{:,.1f}亿元", about="what a uniform share adds")
    out.add(
        "overstated_pct",
        100 * overstated / comparison["old_balances_own_shares"],
        "{:.1f}%",
        about="the same, relative to the loans at the tools' own shares",
    )
    out.add(
        "old_capacity",
        comparison["old_quotas_own_shares"],
        "{:,.1f}亿元",
        about="loans the old quotas could refinance at their own shares",
    )
    out.add(
        "capacity_ratio",
        comparison["new_quota"] / comparison["old_quotas_own_shares"],
        "{:.2f}",
        about="the new tool's capacity over the old tools'",
    )
    out.add(
        "new_vs_old_loans",
        comparison["new_quota"] / comparison["old_balances_own_shares"],
        "{:.2f}",
        about="the new tool's capacity over the loans behind the old balances",
    )
    out.add(
        "used_tech",
        100 * balances["tech_innovation_2022"] / term("tech_innovation_2022", "quota"),
        "{:.1f}%",
        about="the tech tool's balance as a share of its quota",
    )
    out.add(
        "used_equip",
        100 * balances["equipment_2022"] / term("equipment_2022", "quota"),
        "{:.1f}%",
        about="the equipment tool's balance as a share of its quota (a ceiling: the quota is a floor)",
    )


def _history(context: Context, out: Facts) -> None:
    history = relending.later_history(context.official)
    tidy = relending.terms(context.official)
    share = relending.term_value(tidy, "sti_2024", "funding_share")
    quotas = history[history["indicator"] == "sti_2024_quota"].sort_values("date").reset_index(drop=True)
    rates = history[history["indicator"] == "sti_2024_rate"].sort_values("date").reset_index(drop=True)
    for k, r in quotas.iterrows():
        ref = row_ref(context.official_row("sti_2024_quota", r["date"]), context)
        out.add(f"quota_{k}", r["value"], "{:,.0f}亿元", about=f"the tool's quota from {r['date']}", row=ref)
        out.add(f"quota_{k}_date", r["date"].isoformat(), about="the date of that quota", row=ref)
    for k, r in rates.iterrows():
        ref = row_ref(context.official_row("sti_2024_rate", r["date"]), context)
        out.add(f"rate_{k}", r["value"], "{:.2f}%", about=f"the tool's relending rate from {r['date']}", row=ref)
        out.add(f"rate_{k}_date", r["date"].isoformat(), about="the date of that rate", row=ref)
    signed = history[history["indicator"] == "sti_2024_signed_loans"].sort_values("date").iloc[-1]
    out.add(
        "signed_end",
        signed["value"],
        {"超过": "more than {:,.0f}亿元", "近": "nearly {:,.0f}亿元"}.get(signed["qualifier"], "{:,.0f}亿元"),
        about="loans signed under the tool, the latest statement",
    )
    out.add(
        "signed_end_date",
        signed["date"].isoformat(),
        about="the date of that statement",
        row=row_ref(context.official_row("sti_2024_signed_loans", signed["date"]), context),
    )
    disbursed = relending.history_value(history, "sti_2024_disbursed_loans")
    capacity = relending.supported_credit(quotas["value"].iloc[1], share)
    out.add("disbursed", disbursed, "{:,.0f}亿元", about="loans disbursed under the tool, the latest statement")
    out.add("capacity_2025", capacity, "{:,.1f}亿元", about="loans the raised quota could refinance at the share")
    out.add("disbursed_vs_capacity", 100 * disbursed / capacity, "{:.0f}%", about="disbursed loans over that capacity")
    out.add("n_history", len(history), about="later official statements in the data")
    out.add("n_single", int(history["single_source"].sum()), about="of them with a single source")
    out.add("n_assumed", int(history["date_assumed"].sum()), about="of them with a reference date assumed")


def _calculator(context: Context, out: Facts) -> None:
    spec = calculator.spec()
    defaults = {c.name: c.default for c in spec.controls}
    calc = relending.calculate(**defaults, relending_rate=relending.relending_rate_2024(context.official))
    out.add("calc_credit", calc.credit, "{:,.1f}亿元", about="the calculator at its defaults: loans refinanced")
    out.add("calc_saving", calc.saving, "{:,.1f}亿元", about="interest saved a year at the illustrative funding rate")
    out.add("calc_margin", calc.margin, "{:,.1f}亿元", about="margin a year on the relending-funded part")
    out.add("calc_market", calc.market_rate, "{:.1f}%", about="the default illustrative funding rate (not sourced)")
    out.add("calc_spread", calc.spread, "{:.2f} percentage points", about="the default spread")
    out.add("calc_settings", len(list(spec.settings())), about="settings precomputed for the static book")
    out.add(
        "market_options",
        " and ".join(f"{v:.1f}%" for _, v in calculator.MARKET_RATE_OPTIONS),
        about="the illustrative funding rates offered",
    )
