"""Checks of the opening and section 一（一）: the term, its dates and its official definition."""

from __future__ import annotations

from ..evidence import Context, Evidence, NotCheckable, Registry
from .common import count_evidence, document_says, event_evidence, has_event, normalise

CHECKS = Registry()


@CHECKS.check("intro.gwr_first_task")
def _gwr_this_year(ctx: Context) -> Evidence:
    return event_evidence(ctx, "gwr_2024")


@CHECKS.check("concept.first_proposed")
def _first_proposed(ctx: Context) -> Evidence:
    return event_evidence(ctx, "term_first_proposed")


@CHECKS.check("concept.cewc_2023")
def _cewc(ctx: Context) -> Evidence:
    return event_evidence(ctx, "cewc_2023")


@CHECKS.check("concept.politburo_study_2024")
def _politburo(ctx: Context) -> Evidence:
    return event_evidence(ctx, "politburo_study_2024_01")


@CHECKS.check("concept.cewc_first_inclusion")
def _cewc_first(ctx: Context) -> Evidence:
    said = document_says(ctx, "cewc_2023", ["发展新质生产力"], "phrases")  # the 2023 communiqué does say it
    raise NotCheckable(
        f"{said.how}; but 'for the first time' needs every earlier communiqué, and the 2022 one "
        "was not found on a public page"
    )


@CHECKS.check("concept.gwr_2024_first_task")
def _gwr_first_task(ctx: Context) -> Evidence:
    rows = ctx.excerpts("gwr_2024")
    tasks = [normalise(q) for q in rows["quote_zh"] if "扎实做好各项工作" in q]
    if not tasks:
        raise NotCheckable("no sourced excerpt of the 2024 Government Work Report lists its tasks in order")
    first = tasks[0].split("扎实做好各项工作:", 1)[-1].split(";", 1)[0]
    return Evidence(
        None,
        "text",
        f"the 2024 Government Work Report's list of tasks begins with {first} (data/official/documents.csv)",
        tuple(rows["source_url"]),
        holds=first == normalise("大力推进现代化产业体系建设，加快发展新质生产力"),
    )


@CHECKS.check("concept.dense_mentions")
def _dense_mentions(ctx: Context) -> Evidence:
    sourced = [e for e in ("cewc_2023", "politburo_study_2024_01", "gwr_2024") if has_event(ctx, e)]
    if not sourced:
        raise NotCheckable("no sourced central meeting or report in data/official/events.csv")
    return Evidence(
        float(len(sourced)),
        "个",
        f"{len(sourced)} central meetings/reports after Sep 2023 with a "
        f"sourced date mention the term ({', '.join(sourced)}); a lower bound",
        ("data/official/events.csv",),
    )


@CHECKS.check("concept.local_gov_task")
def _local_gov(ctx: Context) -> Evidence:
    raise NotCheckable("needs the 31 provincial 2024 government work reports, which data/official/ does not hold")


@CHECKS.check("concept.official_definition")
def _definition(ctx: Context) -> Evidence:
    return document_says(
        ctx,
        "politburo_study_2024_01",
        ["创新起主导作用", "具有高科技、高效能、高质量特征", "符合新发展理念的先进生产力质态"],
        "parts of the definition",
    )


@CHECKS.check("concept.core_marker")
def _core_marker(ctx: Context) -> Evidence:
    return document_says(ctx, "politburo_study_2024_01", ["以全要素生产率大幅提升为核心标志"], "phrases")


@CHECKS.check("concept.three_factors")
def _three_factors(ctx: Context) -> Evidence:
    table = ctx.table("concept_components")
    factors = table[
        table["id"].isin(["component.labourers", "component.means_of_labour", "component.objects_of_labour"])
    ]
    return count_evidence(len(factors), "factors (劳动者, 劳动资料, 劳动对象)", "data/report/concept_components.csv")
