"""Checks of section 二（一）: the NFRA guidance, the CSRC's STAR Market measures, Wu Qing's speech."""

from __future__ import annotations

import re

from ..evidence import Context, Evidence, NotCheckable, Registry
from .common import REPORT, count_evidence, count_ordinals, document_says, event_evidence, normalise, report_section

CHECKS = Registry()


@CHECKS.check("nfra.guidance_2024_05")
def _nfra_date(ctx: Context) -> Evidence:
    return event_evidence(ctx, "nfra_five_articles_guidance_2024")


@CHECKS.check("nfra.five_articles_count", "nfra.tech_finance_requirement")
def _nfra_text(ctx: Context) -> Evidence:
    raise NotCheckable("needs the NFRA guidance text, which no stored public page carried")


@CHECKS.check("nfra.equity_investment_pilot")
def _nfra_aic(ctx: Context) -> Evidence:
    later = document_says(ctx, "nfra_aic_equity_pilot_2024", ["股权投资试点范围由上海扩大至"], "phrases")
    raise NotCheckable(
        "the NFRA statement that it was studying a wider AIC equity-investment pilot was not found; "
        f"that it widened the pilot from Shanghai to 18 cities in September 2024 is sourced ({later.how}), "
        "but that came after the report"
    )


@CHECKS.check("csrc.star_measures_date")
def _star_date(ctx: Context) -> Evidence:
    return event_evidence(ctx, "csrc_star_eight_measures_2024")


@CHECKS.check("csrc.star_measures_count")
def _star_count(ctx: Context) -> Evidence:
    in_report = len(ctx.table("star_market_measures"))
    listing = [normalise(q) for q in ctx.excerpts("csrc_star_eight_measures_2024")["quote_zh"] if "1、" in q]
    if not listing:
        raise NotCheckable("no sourced excerpt lists the CSRC's measures")
    official = len(re.findall(r"\d、", listing[0]))
    return Evidence(
        float(official),
        "条",
        f"{official} measures in the CSRC's numbered list (data/official/documents.csv); "
        f"{in_report} in the report's 图表5 (data/report/star_market_measures.csv)",
        ("data/official/documents.csv",),
    )


@CHECKS.check("csrc.hard_tech_priority")
def _hard_tech(ctx: Context) -> Evidence:
    return document_says(
        ctx,
        "csrc_star_eight_measures_2024",
        ["优先支持新产业新业态新技术领域突破关键核心技术的“硬科技”企业在科创板上市"],
        "phrases",
    )


@CHECKS.check("csrc.lujiazui_2024")
def _lujiazui(ctx: Context) -> Evidence:
    return event_evidence(ctx, "lujiazui_forum_2024")


@CHECKS.check("csrc.wu_qing_priorities_count")
def _wu_qing(ctx: Context) -> Evidence:
    passage = report_section("证监会在下一步工作中", "（二）探索落地加快")
    return count_evidence(
        count_ordinals(passage), "priorities (一是…三是) in the speech as the report gives it", REPORT
    )
