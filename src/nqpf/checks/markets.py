"""Checks of section 二（一）: the NFRA guidance, the CSRC's STAR Market measures, Wu Qing's speech."""

from __future__ import annotations

import re

import pandas as pd

from ..data import squeeze
from ..evidence import Context, Evidence, NotCheckable, Registry
from .common import (
    COUNT,
    compare_wording,
    count_ordinals,
    event_evidence,
    list_evidence,
    phrases_in_document,
    report_section,
    same_items,
    stated_count,
)

CHECKS = Registry()


@CHECKS.check("nfra.guidance_2024_05")
def _nfra_date(ctx: Context, claim: pd.Series) -> Evidence:
    return event_evidence(ctx, "nfra_five_articles_guidance_2024")


@CHECKS.check("nfra.five_articles_count")
def _five_articles(ctx: Context, claim: pd.Series) -> Evidence:
    return list_evidence(ctx, "five_major_articles", what="articles")


@CHECKS.check("nfra.equity_investment_pilot")
def _nfra_aic(ctx: Context, claim: pd.Series) -> Evidence:
    later = phrases_in_document(ctx, "nfra_aic_equity_pilot_2024", ["股权投资试点范围由上海扩大至"], "phrases")
    raise NotCheckable(
        "no statement before the report that the NFRA was studying a wider AIC equity-investment pilot "
        "was found (searched NFRA, State Council Information Office and CCTV texts of January to June "
        f"2024); that it widened the pilot from Shanghai to 18 cities in September 2024 is sourced "
        f"({later.how}), but that came after the report"
    )


@CHECKS.check("csrc.star_measures_date")
def _star_date(ctx: Context, claim: pd.Series) -> Evidence:
    return event_evidence(ctx, "csrc_star_eight_measures_2024")


@CHECKS.check("csrc.star_measures_count")
def _star_count(ctx: Context, claim: pd.Series) -> Evidence:
    # 新闻联播 and 中新网 state the count (8条措施, 八条措施); the list of the eight headings is on media pages only
    return stated_count(
        ctx, "csrc_star_eight_measures_2024", rf"{COUNT}条措施", "measures", list_name="csrc_star_eight_measures_2024"
    )


def _report_measures() -> list[str]:
    passage = report_section("明确提出如下政策措施：", "其中具体提到")
    return [m for m in re.split("；", passage.removeprefix(squeeze("明确提出如下政策措施：")).rstrip("。")) if m]


@CHECKS.check("csrc.measures_wording")
def _star_wording(ctx: Context, claim: pd.Series) -> Evidence:
    return same_items(ctx, "csrc_star_eight_measures_2024", _report_measures(), what="measure headings")


@CHECKS.check("csrc.fig5_boxes")
def _fig5(ctx: Context, claim: pd.Series) -> Evidence:
    boxes = squeeze(claim["quote_zh"])
    text = _report_measures()
    missing = [m for m in text if m.replace("，", "") not in boxes.replace("，", "")]
    return Evidence(
        None,
        "text",
        f"{len(text) - len(missing)} of the {len(text)} measures the text lists are boxes of "
        "图表5 word for word" + (f"; not in the figure: {'、'.join(missing)}" if missing else ""),
        (),
        basis="report",
        holds=not missing,
    )


@CHECKS.check("csrc.hard_tech_priority")
def _hard_tech(ctx: Context, claim: pd.Series) -> Evidence:
    return compare_wording(ctx, "csrc_star_eight_measures_2024", claim["quote_zh"], "the sentence")


@CHECKS.check("csrc.purpose_wording")
def _purpose(ctx: Context, claim: pd.Series) -> Evidence:
    return compare_wording(ctx, "csrc_star_eight_measures_2024", claim["quote_zh"], "the stated purpose")


@CHECKS.check("csrc.lujiazui_2024")
def _lujiazui(ctx: Context, claim: pd.Series) -> Evidence:
    return event_evidence(ctx, "lujiazui_forum_2024")


@CHECKS.check("csrc.wu_qing_priorities_count")
def _wu_qing(ctx: Context, claim: pd.Series) -> Evidence:
    passage = report_section("证监会在下一步工作中", "（二）探索落地加快")
    n = count_ordinals(passage)
    extra = ""
    try:
        other = phrases_in_document(ctx, "wu_qing_lujiazui_2024", ["high-frequency"], "points")
        extra = f"; the speech covered more than these: Xinhua also reports a point on misconduct and {other.how}"
    except NotCheckable:
        pass
    return Evidence(
        float(n),
        "个",
        f"{n} priorities (一是…{'一二三四五'[n - 1]}是) in the speech as the report gives it; "
        f"no text of the speech itself was found{extra}",
        (),
        basis="report",
    )
