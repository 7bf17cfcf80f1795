"""Checks of the opening and section 一（一）: the term, its dates, its official definition, the outline."""

from __future__ import annotations

import pandas as pd

from ..evidence import Context, Evidence, NotCheckable, Registry
from ..report import REPORT_AS_OF
from .common import (
    compare_wording,
    count_ordinals,
    event_evidence,
    has_event,
    list_evidence,
    normalise,
    phrases_in_document,
    report_section,
    row_sources,
)

CHECKS = Registry()


def _first_task(ctx: Context) -> Evidence:
    """Whether the 2024 Government Work Report's list of tasks begins with the report's words."""
    rows = ctx.excerpts("gwr_2024")
    listing = [r for _, r in rows.iterrows() if "扎实做好各项工作" in r["quote"]]
    heading = [
        r for _, r in rows.iterrows() if normalise(r["quote"]).startswith(normalise("大力推进现代化产业体系建设"))
    ]
    if not listing or not heading:
        raise NotCheckable(
            "no sourced excerpt of the 2024 Government Work Report shows its list of tasks and the heading of task (一)"
        )
    first = normalise(heading[0]["quote"]).split(".", 1)[0]
    holds = first == normalise("大力推进现代化产业体系建设，加快发展新质生产力")
    return Evidence(
        None,
        "text",
        f"the 2024 Government Work Report's tasks open (after '{listing[0]['quote'][-12:]}') "
        f"with task (一): {heading[0]['quote'].split('。')[0]} (data/official/documents.csv lines "
        f"{listing[0]['_line']}, {heading[0]['_line']})",
        row_sources(listing[0]) + row_sources(heading[0]),
        holds=holds,
    )


@CHECKS.check("intro.gwr_first_task")
def _gwr_this_year(ctx: Context, claim: pd.Series) -> Evidence:
    task = _first_task(ctx)
    if not task.holds:
        return task
    date = event_evidence(ctx, "gwr_2024")
    return Evidence(date.value, "date", f"{date.how}; {task.how}", date.sources + task.sources)


@CHECKS.check("concept.gwr_2024_first_task")
def _gwr_first_task(ctx: Context, claim: pd.Series) -> Evidence:
    return _first_task(ctx)


@CHECKS.check("intro.abstract_outline")
def _outline(ctx: Context, claim: pd.Series) -> Evidence:
    # the abstract promises the concept, the practice (policy innovation, local practice) and four areas
    headings = [
        "一、新质生产力的概念和内涵",
        "二、金融支持新质生产力实践进展",
        "（一）金融新政频出",
        "（二）探索落地加快",
        "三、四方面推动金融更好服务新质生产力",
    ]
    found = [h for h in headings if h in report_section("一、新质生产力的概念和内涵")]
    areas = count_ordinals(report_section("三、四方面推动金融更好服务新质生产力"))
    holds = len(found) == len(headings) and areas == 4
    return Evidence(
        None,
        "text",
        f"the body has the parts the abstract announces ({len(found)} of {len(headings)} "
        f"headings: {'、'.join(found)}) and section 三 runs 一是…{'一二三四五六'[areas - 1]}是",
        (),
        basis="report",
        holds=holds,
    )


@CHECKS.check("concept.first_proposed")
def _first_proposed(ctx: Context, claim: pd.Series) -> Evidence:
    return event_evidence(ctx, "term_first_proposed")


@CHECKS.check("concept.cewc_2023")
def _cewc(ctx: Context, claim: pd.Series) -> Evidence:
    return event_evidence(ctx, "cewc_2023")


@CHECKS.check("concept.cewc_first_inclusion")
def _cewc_first(ctx: Context, claim: pd.Series) -> Evidence:
    # 首次: no earlier conference could include a term first used in September 2023
    said = phrases_in_document(ctx, "cewc_2023", ["发展新质生产力"], "phrases")
    coined = ctx.event("term_first_proposed")
    previous = ctx.event("cewc_2022")
    earlier = previous["date"] < coined["date"]
    return Evidence(
        None,
        "text",
        f"{said.how}; the term was first used on {coined['date']} (data/official/events.csv), "
        f"after the previous conference (cewc_2022, {previous['date']}), so December 2023 was the first that could "
        "include it",
        said.sources + row_sources(coined) + row_sources(previous),
        holds=bool(said.holds and earlier),
    )


@CHECKS.check("concept.politburo_study_2024")
def _politburo(ctx: Context, claim: pd.Series) -> Evidence:
    return event_evidence(ctx, "politburo_study_2024_01")


@CHECKS.check("concept.politburo_wording")
def _politburo_wording(ctx: Context, claim: pd.Series) -> Evidence:
    return compare_wording(
        ctx,
        "politburo_study_2024_01",
        claim["quote_zh"].split("特别强调，", 1)[-1],
        "the remark the report attributes to the study session",
    )


@CHECKS.check("concept.dense_mentions")
def _dense_mentions(ctx: Context, claim: pd.Series) -> Evidence:
    sourced = [e for e in ("cewc_2023", "politburo_study_2024_01", "gwr_2024") if has_event(ctx, e)]
    if not sourced:
        raise NotCheckable("no sourced central meeting or report in data/official/events.csv")
    coined = ctx.event("term_first_proposed")["date"]
    later = [e for e in sourced if coined < ctx.event(e)["date"] <= REPORT_AS_OF]
    sources = tuple(s for e in later for s in row_sources(ctx.event(e)))
    return Evidence(
        float(len(later)),
        "个",
        f"{len(later)} central meetings or reports between the term's first use "
        f"({coined}) and the report use it ({', '.join(later)}); a lower bound",
        sources,
    )


@CHECKS.check("concept.local_gov_task")
def _local_gov(ctx: Context, claim: pd.Series) -> Evidence:
    return phrases_in_document(ctx, "local_government_priorities_2024", ["发展新质生产力放在重要位置"], "phrases")


@CHECKS.check("concept.official_definition")
def _definition(ctx: Context, claim: pd.Series) -> Evidence:
    return compare_wording(ctx, "politburo_study_2024_01", claim["quote_zh"], "the definition")


@CHECKS.check("concept.core_marker")
def _core_marker(ctx: Context, claim: pd.Series) -> Evidence:
    return compare_wording(ctx, "politburo_study_2024_01", claim["quote_zh"], "the core marker")


@CHECKS.check("concept.basic_content_wording")
def _basic_content(ctx: Context, claim: pd.Series) -> Evidence:
    return compare_wording(
        ctx, "politburo_study_2024_01", claim["quote_zh"], "the description of its origin and content"
    )


@CHECKS.check("concept.three_factors")
def _three_factors(ctx: Context, claim: pd.Series) -> Evidence:
    return list_evidence(ctx, "factors_of_production", what="factors")
