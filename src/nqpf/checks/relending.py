"""Checks of section 二（一）: the 2024 relending tool, its terms, its predecessors and its leverage."""

from __future__ import annotations

import pandas as pd

from ..analysis.relending import supported_credit
from ..evidence import Context, Evidence, NotCheckable, Registry
from ..report import REPORT_AS_OF, REPORT_YEAR
from .common import compare_wording, event_evidence, official_evidence, row_sources

CHECKS = Registry()

ANNOUNCED = "2024-04-07"


@CHECKS.check("relending.launch_date")
def _launch(ctx: Context, claim: pd.Series) -> Evidence:
    return event_evidence(ctx, "sti_relending_2024")


def _term(indicator: str, as_written: str | None = None):
    def fn(ctx: Context, claim: pd.Series) -> Evidence:
        return official_evidence(ctx, claim, indicator, ANNOUNCED, as_written)

    fn.__name__ = f"_official_{indicator}"
    return fn


CHECKS.check("relending.quota")(_term("sti_2024_quota"))
CHECKS.check("relending.first_loan_quota")(_term("sti_2024_first_loan_quota"))
CHECKS.check("relending.rate")(_term("sti_2024_rate"))
CHECKS.check("relending.term")(_term("sti_2024_term"))
CHECKS.check("relending.rollovers")(_term("sti_2024_max_rollovers"))
CHECKS.check("relending.rollover_term")(_term("sti_2024_rollover_term"))
CHECKS.check("relending.funding_share")(_term("sti_2024_funding_share"))


@CHECKS.check("relending.first_batch_firms")
def _first_batch(ctx: Context, claim: pd.Series) -> Evidence:
    return official_evidence(ctx, claim, "sti_2024_first_batch_firms", as_written="近7000家")


@CHECKS.check("relending.first_batch_banks")
def _first_batch_banks(ctx: Context, claim: pd.Series) -> Evidence:
    return official_evidence(ctx, claim, "sti_2024_first_batch_banks")


@CHECKS.check("relending.second_batch_firms")
def _second_batch(ctx: Context, claim: pd.Series) -> Evidence:
    return official_evidence(ctx, claim, "sti_2024_second_batch_firms", as_written="32万余家")


@CHECKS.check("relending.predecessors")
def _predecessors(ctx: Context, claim: pd.Series) -> Evidence:
    return compare_wording(ctx, "sti_relending_2024", claim["quote_zh"], "the sentence")


@CHECKS.check("relending.continuity_terms")
def _continuity(ctx: Context, claim: pd.Series) -> Evidence:
    """The new tool keeps the predecessors' rate, term and rollovers (the report calls it a continuation)."""
    terms = ("rate", "term", "max_rollovers")
    rows = {}
    for tool in ("sti_2024", "tech_innovation_2022", "equipment_2022"):
        for term in terms:
            found = ctx.official_rows(f"{tool}_{term}")
            if found.empty:
                raise NotCheckable(f"no sourced {term} of {tool} in data/official/relending.csv")
            rows[tool, term] = found.iloc[0]
    same = [
        t
        for t in terms
        if len({rows[tool, t]["value"] for tool in ("sti_2024", "tech_innovation_2022", "equipment_2022")}) == 1
    ]
    listing = "; ".join(f"{t}: {rows['sti_2024', t]['_raw_value']} {rows['sti_2024', t]['unit']}" for t in same)
    shares = {tool: ctx.official_rows(f"{tool}_funding_share") for tool in ("tech_innovation_2022", "equipment_2022")}
    note = ", ".join(f"{tool} {r.iloc[0]['_raw_value']}%" for tool, r in shares.items() if not r.empty)
    sources = tuple(dict.fromkeys(s for r in rows.values() for s in row_sources(r)))
    return Evidence(
        None,
        "text",
        f"{len(same)} of {len(terms)} terms are the same for the 2024 tool and both 2022 tools "
        f"({listing}); the funding share, which the report does not compare, was {note} for the old tools",
        sources,
        holds=len(same) == len(terms),
    )


@CHECKS.check("relending.credit_leverage")
def _credit_leverage(ctx: Context, claim: pd.Series) -> Evidence:
    quota, share = ctx.reported("relending.quota"), ctx.reported("relending.funding_share")
    credit = supported_credit(quota.value / 1e8, share.value)
    return Evidence(
        credit,
        "亿元",
        f"{quota.reported} ÷ {share.reported} = {credit:.1f}亿元",
        (),
        basis="arithmetic",
        inputs=("relending.quota", "relending.funding_share"),
    )


@CHECKS.check("relending.tech_innovation_2022_balance")
def _tech_2022_balance(ctx: Context, claim: pd.Series) -> Evidence:
    return official_evidence(ctx, claim, "tech_innovation_2022_balance", "2024-03-31")


@CHECKS.check("relending.equipment_2022_balance")
def _equipment_2022_balance(ctx: Context, claim: pd.Series) -> Evidence:
    return official_evidence(ctx, claim, "equipment_2022_balance", "2024-03-31")


@CHECKS.check("relending.predecessor_total")
def _predecessor_total(ctx: Context, claim: pd.Series) -> Evidence:
    a = ctx.reported("relending.tech_innovation_2022_balance")
    b = ctx.reported("relending.equipment_2022_balance")
    total = (a.value + b.value) / 1e8
    return Evidence(
        total,
        "亿元",
        f"{a.reported} + {b.reported} = {total:g}亿元",
        (),
        basis="arithmetic",
        inputs=("relending.tech_innovation_2022_balance", "relending.equipment_2022_balance"),
    )


@CHECKS.check("relending.quota_vs_old_balances")
def _quota_vs_balances(ctx: Context, claim: pd.Series) -> Evidence:
    quota = ctx.reported("relending.quota").value / 1e8
    old = ctx.reported("relending.predecessor_total").value / 1e8
    return Evidence(
        None,
        "text",
        f"the new quota ({quota:g}亿元) is {quota / old:.2f} times the old tools' balance ({old:g}亿元)",
        (),
        basis="arithmetic",
        inputs=("relending.quota", "relending.predecessor_total"),
        holds=quota > old,
    )


@CHECKS.check("policy.this_year_series")
def _this_year(ctx: Context, claim: pd.Series) -> Evidence:
    """今年以来: the measures the report goes on to list are all dated in 2024, before the report."""
    events = ("sti_relending_2024", "nfra_five_articles_guidance_2024", "csrc_star_eight_measures_2024")
    dated, missing = [], []
    for e in events:
        try:
            dated.append(ctx.event(e))
        except NotCheckable:
            missing.append(e)
    if not dated:
        raise NotCheckable("none of the measures the report lists has a sourced date")
    inside = [r for r in dated if r["date"].year == REPORT_YEAR and r["date"] <= REPORT_AS_OF]
    listing = ", ".join(f"{r['event']} {r['date']}" for r in dated)
    gap = f"; not dated: {', '.join(missing)}" if missing else ""
    return Evidence(
        None,
        "text",
        f"{len(inside)} of {len(dated)} dated measures fall between 1 January {REPORT_YEAR} "
        f"and the report ({listing}){gap}",
        tuple(s for r in dated for s in row_sources(r)),
        holds=len(inside) == len(dated) and not missing,
    )
