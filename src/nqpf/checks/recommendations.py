"""Checks of section 三 and the opening: the four recommendations and the funds they name."""

from __future__ import annotations

from ..evidence import Context, Evidence, NotCheckable, Registry
from .common import count_evidence, count_ordinals, document_says, report_section

CHECKS = Registry()


@CHECKS.check("recommend.count", "recommend.heading_count")
def _recommendation_count(ctx: Context) -> Evidence:
    table = ctx.table("recommendations")
    in_text = count_ordinals(report_section("三、四方面推动金融更好服务新质生产力"))
    if in_text != len(table):
        raise NotCheckable(f"data/report/recommendations.csv has {len(table)} rows, the text runs to {in_text}")
    return count_evidence(len(table), "recommendations (一是…四是)", "data/report/recommendations.csv")


@CHECKS.check("recommend.vc_guide_fund")
def _vc_fund(ctx: Context) -> Evidence:
    return document_says(ctx, "vc_guide_fund", ["设立国家新兴产业创业投资引导基金"], "phrases")


@CHECKS.check("recommend.guarantee_fund")
def _guarantee_fund(ctx: Context) -> Evidence:
    return document_says(ctx, "national_financing_guarantee_fund", ["国家融资担保基金"], "phrases")
