"""Checks of section 一（二）: the new-industry programme, the NBS classification, the 2024 Government Work Report."""

from __future__ import annotations

import re

from ..data import squeeze
from ..evidence import Context, Evidence, Registry
from .common import count_evidence, document_says, event_evidence

CHECKS = Registry()


@CHECKS.check("industries.programme_issued_2023")
def _programme_issued(ctx: Context) -> Evidence:
    return event_evidence(ctx, "new_industry_standard_programme_2023")


@CHECKS.check("industries.programme_period")
def _programme_period(ctx: Context) -> Evidence:
    row = ctx.event("new_industry_standard_programme_2023")
    text = squeeze(f"{row['quote_zh']} {row['note']}")
    holds = bool(re.search(r"2023[─—–-]2035", text))
    return Evidence(
        None, "text", "the sourced notice's title carries the period 2023─2035", (row["source_url"],), holds=holds
    )


@CHECKS.check("industries.new_industry_definition")
def _new_industry_definition(ctx: Context) -> Evidence:
    return document_says(
        ctx,
        "new_industry_standard_programme_2023",
        [
            "新产业是指应用新技术发展壮大的新兴产业和未来产业",
            "具有创新活跃、技术密集、发展前景广阔等特征",
            "关系国民经济社会发展和产业结构优化升级全局",
        ],
        "clauses of the definition",
    )


def _industries(ctx: Context, group: str | None) -> int:
    table = ctx.table("new_industries")
    return int(len(table) if group is None else (table["group"] == group).sum())


@CHECKS.check("industries.emerging_count")
def _emerging(ctx: Context) -> Evidence:
    return count_evidence(_industries(ctx, "emerging"), "emerging industries", "data/report/new_industries.csv")


@CHECKS.check("industries.future_count")
def _future(ctx: Context) -> Evidence:
    return count_evidence(_industries(ctx, "future"), "future industries", "data/report/new_industries.csv")


@CHECKS.check("industries.new_industries_count")
def _new_industries(ctx: Context) -> Evidence:
    return count_evidence(_industries(ctx, None), "new industries (图表2)", "data/report/new_industries.csv")


@CHECKS.check("industries.sei_classification_2018")
def _sei_2018(ctx: Context) -> Evidence:
    return event_evidence(ctx, "nbs_sei_classification_2018")


@CHECKS.check("industries.sei_domains_count")
def _sei_domains(ctx: Context) -> Evidence:
    return count_evidence(len(ctx.table("sei_domains_2018")), "domains", "data/report/sei_domains_2018.csv")


@CHECKS.check("gwr.areas_count")
def _gwr_areas(ctx: Context) -> Evidence:
    areas = ctx.table("gwr2024_items")["area_zh"].nunique()
    return count_evidence(areas, "areas in 图表3", "data/report/gwr2024_items.csv")


def _named_sectors(ctx: Context, area: str) -> list[str]:
    table = ctx.table("gwr2024_named_sectors")
    return list(table.loc[table["area_en"] == area, "sector_zh"])


@CHECKS.check("gwr.traditional_upgrade")
def _gwr_traditional(ctx: Context) -> Evidence:
    return document_says(ctx, "gwr_2024", ["推动传统产业高端化、智能化、绿色化转型"], "phrases")


@CHECKS.check("gwr.emerging_subfields_named")
def _gwr_emerging(ctx: Context) -> Evidence:
    return document_says(ctx, "gwr_2024", _named_sectors(ctx, "emerging_future"), "emerging and future sub-fields")


@CHECKS.check("gwr.digital_subfields_named")
def _gwr_digital(ctx: Context) -> Evidence:
    return document_says(ctx, "gwr_2024", _named_sectors(ctx, "digital_economy"), "digital-economy sub-fields")


@CHECKS.check("gwr.ai_plus")
def _gwr_ai_plus(ctx: Context) -> Evidence:
    return document_says(ctx, "gwr_2024", ["开展“人工智能+”行动"], "phrases")
