"""Checks of section 二（二）: the first loans, the provincial mechanisms and the pilot zones."""

from __future__ import annotations

import re

from ..analysis import local
from ..evidence import Context, Evidence, NotCheckable, Registry
from ..report import REPORT_AS_OF
from .common import REPORT, count_evidence, normalise, report_section

CHECKS = Registry()


@CHECKS.check("local.first_loans_done")
def _first_loans_done(ctx: Context) -> Evidence:
    table = ctx.table("regional_first_loans")
    banks = sorted({b for cell in table["bank_zh"] for b in re.split("[、，,;；]", cell)})
    return Evidence(
        float(len(banks)),
        "家",
        f"{len(banks)} lenders named in the local cases",
        ("data/report/regional_first_loans.csv",),
    )


@CHECKS.check("local.tianjin.banks")
def _tianjin_banks(ctx: Context) -> Evidence:
    table = ctx.table("regional_first_loans")
    banks = {b for cell in table.loc[table["region_en"] == "Tianjin", "bank_zh"] for b in re.split("[、，,;；]", cell)}
    return Evidence(
        float(len(banks)),
        "家",
        f"{len(banks)} banks named for Tianjin: {'、'.join(sorted(banks))}",
        ("data/report/regional_first_loans.csv",),
        holds=len(banks) == 3,
    )


@CHECKS.check("local.hubei.policy_types")
def _hubei(ctx: Context) -> Evidence:
    table = ctx.table("regional_mechanisms")
    rows = table[(table["region_en"] == "Hubei") & table["value"].notna()]
    if rows.empty:
        raise NotCheckable("no count of Hubei's policy types in data/report/regional_mechanisms.csv")
    n = int(rows["value"].iloc[0])
    return Evidence(
        float(n),
        "个",
        f"{n} fiscal-financial policy types listed (多种 = several)",
        ("data/report/regional_mechanisms.csv",),
        holds=n >= 2,
    )


@CHECKS.check(
    "local.jiangsu.campaign",
    "local.jiangsu.units",
    "local.jiangsu.tech_loans_2023",
    "local.guangdong.cities",
    "local.guangdong.documents",
    "local.henan.areas",
    "local.henan.measures",
)
def _provincial(ctx: Context) -> Evidence:
    raise NotCheckable(
        "no release of the provincial regulator or PBOC branch was found on a stored public "
        "page; data/official/ has no provincial figures"
    )


@CHECKS.check("pilot.since_2021")
def _pilot_since(ctx: Context) -> Evidence:
    first = local.zones(ctx.table("pilot_zones")).iloc[0]
    return Evidence(
        first["earliest"],
        "date",
        f"the first zone ({first['zone_en']}) was approved in {first['approved']}",
        (first["source_url"],),
    )


@CHECKS.check("pilot.zones_count")
def _pilot_count(ctx: Context) -> Evidence:
    zones = ctx.table("pilot_zones")
    return count_evidence(len(zones), "zones with a sourced approval", "data/report/pilot_zones.csv")


@CHECKS.check("pilot.three_years")
def _pilot_years(ctx: Context) -> Evidence:
    # measure from the latest day the first approval can be (only its year may be sourced)
    first = local.zones(ctx.table("pilot_zones")).iloc[0]
    years = local.years_between(first["latest"], REPORT_AS_OF)
    return Evidence(
        years,
        "年",
        f"from the first approval ({first['approved']}, latest possible day "
        f"{first['latest']}) to mid-2024 is {years:.2f} years",
        ("data/report/pilot_zones.csv",),
    )


@CHECKS.check("pilot.named_zones")
def _pilot_named(ctx: Context) -> Evidence:
    zones = ctx.table("pilot_zones")
    named = zones[zones["named_in_report"] == "true"]
    return Evidence(
        float(len(named)),
        "个",
        f"{len(named)} of the sourced zones are the ones the report names ({', '.join(named['zone_en'])})",
        ("data/report/pilot_zones.csv",),
        holds=len(named) == 3,
    )


@CHECKS.check("pilot.beijing_years")
def _beijing(ctx: Context) -> Evidence:
    rows = ctx.excerpts("zhongguancun_pilot_zone_plan")
    for _, row in rows.iterrows():
        match = re.search(r"力争通过(\d+)年时间", normalise(row["quote_zh"]))
        if match:
            years = int(match.group(1))
            return Evidence(
                float(years),
                "年",
                f"the Zhongguancun plan: 力争通过{years}年时间 (data/official/documents.csv, line {row['_line']})",
                (row["source_url"],),
            )
    raise NotCheckable("no sourced excerpt of the Zhongguancun plan states its time frame")


@CHECKS.check("pilot.hefei_actions")
def _hefei(ctx: Context) -> Evidence:
    passage = report_section("实施科创金融机构建设", "四大行动")
    items = [p for p in re.split("、", passage.removeprefix("实施")) if p]
    return count_evidence(len(items), "actions listed before 四大行动", REPORT)
