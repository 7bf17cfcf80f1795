"""Checks of section 二（二）: the first loans, the provincial mechanisms and the pilot zones."""

from __future__ import annotations

import pandas as pd

from ..analysis import local
from ..evidence import Context, Evidence, NotCheckable, Registry
from ..quantities import parse_quantity
from ..report import REPORT_AS_OF
from .common import compare_wording, phrases_in_document, row_sources

CHECKS = Registry()


@CHECKS.check("local.first_loans_done")
def _first_loans_done(ctx: Context, claim: pd.Series) -> Evidence:
    """多家机构: the lenders whose first loan under the new tool a source reports, by the report's date."""
    rows = ctx.documents[ctx.documents["document"] == "sti_relending_first_loans_2024"]
    lenders = rows.dropna(subset=["subject"])
    lenders = lenders[[str(d) <= REPORT_AS_OF.isoformat() for d in lenders["date"]]]
    if lenders.empty:
        raise NotCheckable("no source names a lender that made a first loan under the 2024 tool before the report")
    names = sorted(set(lenders["subject"]))
    if len(names) < 2:
        raise NotCheckable(
            f"only {len(names)} lender ({'、'.join(names)}) has a sourced first loan under the 2024 tool "
            "before the report, and the PBOC's statement that first loans were made names no banks; "
            "多家 (several) needs at least two (searched the banks of the report's examples and 首笔 with "
            "科技创新和技术改造再贷款)"
        )
    return Evidence(
        float(len(names)),
        "家",
        f"{len(names)} lenders with a sourced first loan under the 2024 tool by "
        f"{REPORT_AS_OF} ({'、'.join(names)}; data/official/documents.csv)",
        tuple(dict.fromkeys(s for _, r in lenders.iterrows() for s in row_sources(r))),
    )


def _shanghai(ctx: Context) -> pd.Series:
    rows = ctx.excerpts("sti_relending_first_loans_2024")
    hits = rows[rows["subject"] == "工商银行上海市分行"]
    if hits.empty:
        raise NotCheckable("no source reports ICBC Shanghai's first loan under the 2024 tool")
    return hits.iloc[0]


@CHECKS.check("local.shanghai.first_loan")
def _shanghai_first(ctx: Context, claim: pd.Series) -> Evidence:
    row = _shanghai(ctx)
    written = "5000多万元"
    if written not in row["quote"]:
        raise NotCheckable("the source on ICBC Shanghai's first loan does not state its amount")
    source, report = parse_quantity(written), parse_quantity(claim["reported"])
    holds = source.low >= report.low and source.high <= report.high
    return Evidence(
        None,
        "text",
        f"the PBOC Shanghai head office's announcement, as an unattributed page reposts it, gives {written} (at least 5000万元, under 6000万元), "
        f"which is {claim['reported']} (data/official/documents.csv line {row['_line']})",
        row_sources(row),
        holds=holds,
    )


@CHECKS.check("local.shanghai.signed_total")
def _shanghai_signed(ctx: Context, claim: pd.Series) -> Evidence:
    row = _shanghai(ctx)
    if "签约金额2.4亿元" not in row["quote"]:
        raise NotCheckable("the source on ICBC Shanghai's first loan does not state the signed amount")
    return Evidence(
        2.4,
        "亿元",
        f"the PBOC Shanghai head office's announcement, as an unattributed page reposts it, gives 签约金额2.4亿元 (data/official/documents.csv line {row['_line']})",
        row_sources(row),
    )


@CHECKS.check("local.hubei.measures_identity")
def _hubei_identity(ctx: Context, claim: pd.Series) -> Evidence:
    return phrases_in_document(ctx, "hubei_fiscal_financial_2024", ["财政金融协同服务科技创新"], "phrases")


@CHECKS.check("local.hubei.policy_types")
def _hubei(ctx: Context, claim: pd.Series) -> Evidence:
    return phrases_in_document(
        ctx, "hubei_fiscal_financial_2024", ["财政奖补", "贷款贴息", "政策担保", "风险补偿"], "policy types"
    )


def _zone_page(ctx: Context, zone: pd.Series) -> str:
    """Where a zone's row and its page are: the line of data/report/pilot_zones.csv and the page's publisher."""
    table = ctx.table("pilot_zones")
    line = int(table.loc[table["id"] == zone["id"], "_line"].iloc[0])
    page = ctx.source(zone["source"])
    dated = f" of {page['page_date']}" if isinstance(page["page_date"], str) and page["page_date"] else ""
    return (
        f"data/report/pilot_zones.csv line {line}; its page: {page['publisher']} ({page['tier'].replace('_', ' ')})"
        f"{dated}, and the row's note says how precise the date is"
    )


def _zone_sources(frame: pd.DataFrame) -> tuple[str, ...]:
    """The pages of the zones' approvals: each row's source, then its cross-checks."""
    ids = list(frame["source"]) + [c for checks in frame["cross_check"] for c in checks]
    return tuple(dict.fromkeys(ids))


@CHECKS.check("pilot.since_2021")
def _pilot_since(ctx: Context, claim: pd.Series) -> Evidence:
    frame = local.zones(ctx.table("pilot_zones"))
    first = frame.iloc[0]
    return Evidence(
        first["earliest"],
        "date",
        f"the first zone ({first['zone_en']}) was approved in {first['approved']}",
        _zone_sources(frame.iloc[:1]),
    )


@CHECKS.check("pilot.zones_count")
def _pilot_count(ctx: Context, claim: pd.Series) -> Evidence:
    zones = ctx.table("pilot_zones")
    return Evidence(
        float(len(zones)),
        "个",
        f"{len(zones)} zones, each with a sourced approval "
        "(data/report/pilot_zones.csv): a composite of one page per approval (Jinan, the five Yangtze "
        "River Delta cities in one plan, Zhongguancun); the total of seven is written only on media pages",
        _zone_sources(local.zones(zones)),
    )


@CHECKS.check("pilot.three_years")
def _pilot_years(ctx: Context, claim: pd.Series) -> Evidence:
    # 近三年来 is "over the recent three years" (近 = recent, as in 近年来), not "nearly three years":
    # the zones' work must fall in the three years before the report
    frame = local.zones(ctx.table("pilot_zones"))
    window = local.three_year_window(frame, REPORT_AS_OF)
    return Evidence(
        None,
        "text",
        f"近三年来 reads 'over the past three years', from {window['start']} to the report "
        f"({REPORT_AS_OF}); the first zone ({window['first_zone']}) was approved in "
        f"{window['first_approved']} (no earlier than {window['first_earliest']}), and the last in "
        f"{window['last_approved']}",
        _zone_sources(frame),
        holds=window["n_inside"] == window["n_zones"],
    )


@CHECKS.check("pilot.named_zones")
def _pilot_named(ctx: Context, claim: pd.Series) -> Evidence:
    zones = ctx.table("pilot_zones")
    named = zones[zones["named_in_report"] == "true"]
    return Evidence(
        None,
        "text",
        f"{len(named)} of the sourced zones are the ones the report names ({', '.join(named['zone_en'])})",
        tuple(dict.fromkeys(named["source"])),
        holds=len(named) == 3,
    )


@CHECKS.check("pilot.beijing_years")
def _beijing(ctx: Context, claim: pd.Series) -> Evidence:
    rows = ctx.excerpts("zhongguancun_pilot_zone_plan")
    for _, row in rows.iterrows():
        if "力争通过5年时间" in row["quote"]:
            return Evidence(
                5.0,
                "年",
                f"the Zhongguancun plan: 力争通过5年时间 (data/official/documents.csv, line {row['_line']})",
                row_sources(row),
            )
    raise NotCheckable("no sourced excerpt of the Zhongguancun plan states its time frame")


@CHECKS.check("pilot.beijing_goal_wording")
def _beijing_goal(ctx: Context, claim: pd.Series) -> Evidence:
    clauses = [c for c in claim["quote_zh"].removeprefix("提出").split("，") if c]
    return phrases_in_document(ctx, "zhongguancun_pilot_zone_plan", clauses, "clauses")


@CHECKS.check("pilot.hefei_goal_wording")
def _hefei_goal(ctx: Context, claim: pd.Series) -> Evidence:
    return compare_wording(ctx, "hefei_pilot_zone", claim["quote_zh"], "Hefei's goal")
