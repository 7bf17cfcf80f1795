"""Checks of section 二（一）: the 2024 relending tool, its terms, its predecessors and its leverage."""

from __future__ import annotations

from ..analysis.relending import supported_credit
from ..evidence import Context, Evidence, NotCheckable, Registry
from .common import REPORT, event_evidence, official_evidence

CHECKS = Registry()


@CHECKS.check("relending.launch_date")
def _launch(ctx: Context) -> Evidence:
    return event_evidence(ctx, "sti_relending_2024")


def _term(indicator: str, as_written: str | None = None):
    def fn(ctx: Context) -> Evidence:
        return official_evidence(ctx, indicator, "2024-04-07", as_written)

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
def _first_batch(ctx: Context) -> Evidence:
    return official_evidence(ctx, "sti_2024_first_batch_firms", as_written="近7000家")


@CHECKS.check("relending.first_batch_banks")
def _first_batch_banks(ctx: Context) -> Evidence:
    return official_evidence(ctx, "sti_2024_first_batch_banks")


@CHECKS.check("relending.second_batch_firms")
def _second_batch(ctx: Context) -> Evidence:
    return official_evidence(ctx, "sti_2024_second_batch_firms", as_written="32万余家")


@CHECKS.check("relending.predecessors")
def _predecessors(ctx: Context) -> Evidence:
    old = [i for i in ("tech_innovation_2022_quota", "equipment_2022_quota") if not ctx.official_series(i).empty]
    raise NotCheckable(
        "the two 2022 tools are sourced (" + ", ".join(old) + "), but no sourced official "
        "sentence calls the 2024 tool their continuation (政策接续)"
    )


@CHECKS.check("relending.credit_leverage")
def _credit_leverage(ctx: Context) -> Evidence:
    quota, share = ctx.reported("relending.quota"), ctx.reported("relending.funding_share")
    credit = supported_credit(quota.value / 1e8, share.value)
    return Evidence(
        credit, "亿元", f"{quota.reported} ÷ {share.reported} = {credit:.1f}亿元 (the report's own terms)", (REPORT,)
    )


@CHECKS.check("relending.tech_innovation_2022_balance")
def _tech_2022_balance(ctx: Context) -> Evidence:
    return official_evidence(ctx, "tech_innovation_2022_balance", "2024-03-31")


@CHECKS.check("relending.equipment_2022_balance")
def _equipment_2022_balance(ctx: Context) -> Evidence:
    return official_evidence(ctx, "equipment_2022_balance", "2024-03-31")


@CHECKS.check("relending.predecessor_total")
def _predecessor_total(ctx: Context) -> Evidence:
    a = ctx.reported("relending.tech_innovation_2022_balance")
    b = ctx.reported("relending.equipment_2022_balance")
    total = (a.value + b.value) / 1e8
    return Evidence(total, "亿元", f"{a.reported} + {b.reported} = {total:g}亿元", (REPORT,))
