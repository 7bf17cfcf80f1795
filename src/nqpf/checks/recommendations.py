"""Checks of section 三 and the opening: the four recommendations and the funds they name."""

from __future__ import annotations

import pandas as pd

from ..evidence import Context, Evidence, Registry
from .common import count_ordinals, phrases_in_document, report_count, report_section

CHECKS = Registry()


@CHECKS.check("recommend.count", "recommend.heading_count")
def _recommendation_count(ctx: Context, claim: pd.Series) -> Evidence:
    table = ctx.table("recommendations")
    in_text = count_ordinals(report_section("三、四方面推动金融更好服务新质生产力"))
    evidence = report_count(in_text, "recommendations (一是…) in section 三")
    if in_text != len(table):
        return Evidence(
            evidence.value,
            evidence.unit,
            f"{evidence.how}, but data/report/recommendations.csv has {len(table)} rows",
            (),
            basis="report",
        )
    return evidence


@CHECKS.check("recommend.vc_guide_fund")
def _vc_fund(ctx: Context, claim: pd.Series) -> Evidence:
    return phrases_in_document(ctx, "vc_guide_fund", ["国家新兴产业创业投资引导基金"], "phrases")


@CHECKS.check("recommend.guarantee_fund")
def _guarantee_fund(ctx: Context, claim: pd.Series) -> Evidence:
    return phrases_in_document(ctx, "national_financing_guarantee_fund", ["国家融资担保基金"], "phrases")
