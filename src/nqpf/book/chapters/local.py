"""The facts of chapter 2-2, local practice and the pilot zones: the first loans and the sources found for them,
the report's own arithmetic on them, the provincial mechanisms, and the pilot zones against the three years before
the report (近三年来 read as "over the past three years").

The chapter's display tables and the helpers they share with :func:`facts` (:func:`excerpt`, :func:`searched`,
:func:`beijing_clauses`) are in :mod:`~nqpf.book.chapters.local_tables`, re-exported here for the page."""

from __future__ import annotations

import pandas as pd

from ...analysis import local
from ...evidence import Context
from ...quantities import parse_quantity
from ...report import REPORT_AS_OF
from .. import labels
from ..facts import Facts, row_ref
from .local_tables import (  # noqa: F401 - re-exported for the page
    DOCUMENTS,
    YES_NO,
    amounts_table,
    arithmetic_table,
    beijing_clauses,
    clause_table,
    excerpt,
    mechanism_table,
    searched,
    shanghai_table,
    zone_table,
)

ZONES = "data/report/pilot_zones.csv"

#: the documents whose sourced excerpts this chapter reads
DOCS = (
    "sti_relending_first_loans_2024",
    "hubei_fiscal_financial_2024",
    "zhongguancun_pilot_zone_plan",
    "hefei_pilot_zone",
)

#: the claims of single local deals that no page was found for (Shenzhen, Tianjin, Fujian)
SINGLE_DEALS = (
    "local.shenzhen.loan",
    "local.shenzhen.hours",
    "local.tianjin.banks",
    "local.tianjin.firms",
    "local.tianjin.credit_line",
    "local.tianjin.disbursed",
    "local.fujian.loan",
    "local.fujian.first_in_province",
)
#: the provincial claims of Jiangsu, Guangdong and Henan
PROVINCIAL = (
    "local.jiangsu.campaign",
    "local.jiangsu.units",
    "local.jiangsu.service_system",
    "local.jiangsu.tech_loans_2023",
    "local.guangdong.cities",
    "local.guangdong.documents",
    "local.henan.plan_title",
    "local.henan.areas",
    "local.henan.measures",
)
#: the pilot-zone claims on Nanjing and Hefei that no page was found for
ZONE_UNSOURCED = ("pilot.nanjing_gov_funds", "pilot.hefei_actions", "pilot.hefei_member_library")


def facts(context: Context, card: pd.DataFrame, out: Facts) -> None:
    """Add the chapter's facts to ``out``."""
    first_loans = context.table("regional_first_loans")
    mechanisms = context.table("regional_mechanisms")
    pilot = context.table("pilot_zones")
    docs = context.documents
    verdicts = card.set_index("id")["verdict"]

    out.add("report_date", REPORT_AS_OF.isoformat(), about="the day the report speaks from (截至目前)")
    out.add("n_first_loan_rows", len(first_loans), about="rows of data/report/regional_first_loans.csv")
    out.add("n_mechanism_rows", len(mechanisms), about="rows of data/report/regional_mechanisms.csv")
    out.add("n_zone_rows", len(pilot), about=f"rows of {ZONES}")
    out.add(
        "n_excerpts",
        int(docs["document"].isin(DOCS).sum()),
        about="sourced excerpts of the documents this chapter reads (data/official/documents.csv)",
    )

    # the first loans
    amounts = local.first_loan_amounts(first_loans)
    out.add("n_regions", first_loans["region_en"].nunique(), about="regions with a first-loan case in the report")
    out.add(
        "span",
        amounts["amount_wan"].max() / amounts["amount_wan"].min(),
        "{:.0f}",
        about="largest over smallest money amount of the cases",
    )
    named = local.lenders(first_loans)
    out.add("n_named_lenders", len(named), about="lenders the report's own cases name", claim="local.first_loans_done")
    out.add("named_lenders", "、".join(named), about="the lenders the report's own cases name")
    lenders = docs[(docs["document"] == "sti_relending_first_loans_2024")].dropna(subset=["subject"])
    out.add(
        "n_sourced_lenders",
        lenders["subject"].nunique(),
        about="lenders whose first loan under the tool a source reports",
        claim="local.first_loans_done",
    )
    shanghai = excerpt(context, "sti_relending_first_loans_2024", "签约金额")
    out.add(
        "sourced_lender",
        shanghai["subject"],
        about="the lender with a sourced first loan",
        row=row_ref(shanghai, context),
    )
    pbc = excerpt(context, "sti_relending_first_loans_2024", "首笔科技创新贷款")
    out.add(
        "pbc_date",
        context.source(pbc["source"])["page_date"],
        about="date of the PBOC's progress release",
        row=row_ref(pbc, context),
    )
    out.add(
        "pbc_words",
        local.clause_containing(pbc["quote"], "首笔科技创新贷款"),
        about="the PBOC's words",
        row=row_ref(pbc, context),
    )
    out.add(
        "pbc_banks",
        local.counted(pbc["quote"], "家全国性银行"),
        about="the banks the PBOC pushed its list to",
        row=row_ref(pbc, context),
    )

    # Shanghai: the report against the PBOC Shanghai Head Office announcement
    page = context.source(shanghai["source"])
    at = row_ref(shanghai, context)
    as_written = local.counted(shanghai["quote"], "多万元")
    out.add("sh_source_first", as_written, about="first loan, as the announcement writes it", row=at)
    out.add(
        "sh_source_signed",
        local.counted(shanghai["quote"], "亿元"),
        about="signed amount, as the announcement writes it",
        row=at,
    )
    written = parse_quantity(as_written)
    out.add("sh_source_low", written.low / 1e4, "{:,.0f}万元", about="the announcement's first loan: from", row=at)
    out.add(
        "sh_source_high",
        written.high / 1e4,
        "{:,.0f}万元",
        about="the announcement's first loan: up to (not included)",
        row=at,
    )
    out.add(
        "sh_report_first",
        first_loans.set_index("id").loc["first_loan.shanghai.first_loan_amount", "reported"],
        about="the report's first loan",
        claim="local.shanghai.first_loan",
    )
    out.add(
        "sh_report_signed",
        first_loans.set_index("id").loc["first_loan.shanghai.signed_total", "reported"],
        about="the report's signed total",
        claim="local.shanghai.signed_total",
    )
    out.add("sh_page", page["publisher_en"], about="the page the announcement was read on", row=at)
    out.add("sh_tier", labels.TIER["en"][page["tier"]], about="the tier of that page", row=at)
    out.add("n_single", len(SINGLE_DEALS), about="claims on the Shenzhen, Tianjin and Fujian deals")
    out.add(
        "n_single_nc",
        int((verdicts.loc[list(SINGLE_DEALS)] == "not_checkable").sum()),
        about="of those, without a page",
    )

    # the report's own arithmetic
    ratios = local.consistency_checks(first_loans)
    per_firm = local.per_firm(first_loans)
    out.add("n_arith", len(ratios), about="part-of-whole checks on the report's own numbers")
    out.add("n_arith_ok", int(ratios["consistent"].sum()), about="of those, where the part is at most the whole")
    out.add("tianjin_ratio", ratios.iloc[0]["ratio_percent"], "{:.1f}%", about="Tianjin: loans over credit lines")
    out.add(
        "shanghai_ratio",
        ratios.iloc[1]["ratio_percent"],
        "{:.1f}%",
        about="Shanghai: first loan over signed total (lower bound)",
    )
    signed = local.amount(first_loans, "Shanghai", "signed_total")
    out.add(
        "sh_source_ratio_high",
        100 * written.high / 1e4 / signed,
        "{:.1f}%",
        about="Shanghai: the announcement's first loan over the signed total, upper end",
    )
    out.add(
        "tianjin_line",
        local.amount(first_loans, "Tianjin", "credit_line"),
        "{:,.0f}万元",
        about="Tianjin credit lines",
        claim="local.tianjin.credit_line",
    )
    out.add(
        "tianjin_drawn",
        local.amount(first_loans, "Tianjin", "loan_disbursed"),
        "{:,.0f}万元",
        about="Tianjin loans disbursed",
        claim="local.tianjin.disbursed",
    )
    out.add("tianjin_firms", per_firm["firms"], "{:.0f}", about="Tianjin firms", claim="local.tianjin.firms")
    out.add("line_per_firm", per_firm["credit_line"], "{:.1f}万元", about="Tianjin credit line per firm")
    out.add("drawn_per_firm", per_firm["loan_disbursed"], "{:.1f}万元", about="Tianjin loan per firm")
    out.add(
        "shanghai_first",
        local.amount(first_loans, "Shanghai", "first_loan_amount"),
        "{:,.0f}万元",
        about="Shanghai first loan (floor)",
        claim="local.shanghai.first_loan",
    )
    out.add(
        "shanghai_signed", signed, "{:,.0f}万元", about="Shanghai signed total", claim="local.shanghai.signed_total"
    )

    # provinces
    out.add("n_mech_provinces", mechanisms["region_en"].nunique(), about="provinces with a mechanism in the report")
    out.add("n_provincial", len(PROVINCIAL), about="claims on Jiangsu, Guangdong and Henan")
    out.add(
        "n_provincial_nc",
        int((verdicts.loc[list(PROVINCIAL)] == "not_checkable").sum()),
        about="of those, without a page",
    )
    roles = local.province_roles(first_loans, mechanisms, pilot)
    out.add(
        "n_provinces_named",
        int((roles["zones"].gt(0) | roles["first_loan"] | roles["mechanism"]).sum()),
        about="provincial-level regions the section names",
    )
    out.add("n_provinces", len(roles), about="provincial-level regions of the mainland")
    hubei = excerpt(context, "hubei_fiscal_financial_2024", "条措施")
    out.add(
        "hubei_measures",
        local.counted(hubei["quote"], "条措施"),
        about="Hubei's measures, as the page counts them",
        row=row_ref(hubei, context),
    )
    out.add(
        "hubei_areas",
        local.counted(hubei["quote"], "个方面"),
        about="their areas, as the page counts them",
        row=row_ref(hubei, context),
    )
    out.add(
        "hubei_page",
        context.source(hubei["source"])["publisher_en"],
        about="the page on Hubei's measures",
        row=row_ref(hubei, context),
    )
    press = excerpt(context, "hubei_fiscal_financial_2024", "新聞發佈會")
    out.add(
        "hubei_press",
        context.source(press["source"])["publisher_en"],
        about="the report of the press conference",
        row=row_ref(press, context),
    )

    # pilot zones
    zones = local.zones(pilot)
    ages = local.zone_ages(zones).set_index("id")
    window = local.three_year_window(zones)
    lines = pilot.set_index("id")
    page_of = {r.id: row_ref(lines.loc[r.id], context) for r in zones.itertuples()}
    first = zones.iloc[0]
    wave = zones[zones["precision"] == "day"]
    beijing = zones[zones["id"] == "pilot_zone.beijing_zhongguancun"].iloc[0]
    out.add("n_zones", len(zones), about="sourced pilot zones", claim="pilot.zones_count")
    out.add("first_zone", first["zone_en"].split(" Sci-Tech")[0], about="the first zone", row=page_of[first["id"]])
    out.add("first_approved", first["approved"], about="its approval, as sourced", row=page_of[first["id"]])
    jinan_page = context.source(first["source"])
    out.add("first_page", jinan_page["publisher_en"], about="the page of the first approval", row=page_of[first["id"]])
    out.add("first_page_date", jinan_page["page_date"] or "undated", about="that page's date", row=page_of[first["id"]])
    out.add("first_earliest", first["earliest"].isoformat(), about="its earliest possible approval day")
    out.add("n_wave", len(wave), about="zones approved under the Yangtze River Delta plan")
    out.add(
        "wave_date", wave["earliest"].min().isoformat(), about="their plan's issue day", row=page_of[wave.iloc[0]["id"]]
    )
    out.add("wave_departments", int(wave["departments"].iloc[0]), about="departments issuing it")
    out.add(
        "beijing_year", int(beijing["earliest"].year), about="Zhongguancun's approval year", row=page_of[beijing["id"]]
    )
    out.add("beijing_departments", int(beijing["departments"]), about="departments issuing it")
    out.add("n_steps", zones["plan_title_zh"].nunique(), about="plans the zones were approved under")
    out.add("n_named", int(zones["named_in_report"].sum()), about="zones the report names", claim="pilot.named_zones")
    out.add("window_start", window["start"].isoformat(), about="three years before the report")
    out.add("window_years", window["years"], about="the years of 近三年来")
    out.add("n_inside", window["n_inside"], about="zones approved inside the window", claim="pilot.three_years")
    out.add(
        "margin_days",
        window["margin_days"],
        "{:,} days",
        about="how far inside the window the first zone's earliest possible approval day lies",
    )
    out.add(
        "last_report_date",
        window["last_report_date"].isoformat(),
        about="the latest report date that keeps the first approval inside the window",
    )
    out.add("jinan_min", ages.loc[first["id"], "min_years"], "{:.1f}", about="Jinan's age at the report, from")
    out.add("jinan_max", ages.loc[first["id"], "max_years"], "{:.1f}", about="Jinan's age at the report, to")
    out.add(
        "wave_years",
        ages.loc[wave.iloc[0]["id"], "min_years"],
        "{:.1f}",
        about="the Yangtze River Delta zones' age at the report",
    )
    out.add("beijing_min", ages.loc[beijing["id"], "min_years"], "{:.1f}", about="Zhongguancun's age, from")
    out.add("beijing_max", ages.loc[beijing["id"], "max_years"], "{:.1f}", about="Zhongguancun's age, to")
    out.add("n_under_two", int((ages["max_years"] < 2).sum()), about="zones under two years old at the report")

    # Beijing's plan and Hefei's goal
    plan = excerpt(context, "zhongguancun_pilot_zone_plan", "力争通过")
    out.add(
        "beijing_plan_years",
        local.clause_containing(plan["quote"], "力争通过"),
        about="the Zhongguancun plan's time frame",
        row=row_ref(plan, context),
    )
    years = context.reported("pilot.beijing_years").value
    out.add("beijing_target", int(beijing["earliest"].year + years), about="approval year plus the plan's years")
    out.add(
        "beijing_page",
        context.source(plan["source"])["publisher_en"],
        about="the page of the plan's excerpts",
        row=row_ref(plan, context),
    )
    out.add(
        "beijing_tier",
        labels.TIER["en"][context.source(plan["source"])["tier"]],
        about="that page's tier",
        row=row_ref(plan, context),
    )
    clauses = beijing_clauses(context)
    out.add(
        "n_beijing_clauses",
        len(clauses),
        about="clauses of the report's Beijing goal",
        claim="pilot.beijing_goal_wording",
    )
    out.add(
        "n_beijing_found",
        int(clauses["found"].sum()),
        about="of those, in the plan's excerpts",
        claim="pilot.beijing_goal_wording",
    )
    out.add("n_beijing_excerpts", int(clauses["excerpt"].nunique()), about="excerpts of the plan they are in")
    yrd = excerpt(context, "hefei_pilot_zone", "合肥市打造")
    clause = local.clause_containing(yrd["quote"], "合肥市")
    out.add("hefei_plan_clause", clause, about="the Yangtze River Delta plan on Hefei", row=row_ref(yrd, context))
    out.add("hefei_plan_word", local.qualified(clause, "影响力"), about="the plan's word", row=row_ref(yrd, context))
    out.add(
        "hefei_report_word",
        local.qualified(context.claim("pilot.hefei_goal_wording")["quote_zh"], "影响力"),
        about="the report's word",
        claim="pilot.hefei_goal_wording",
    )
    six = excerpt(context, "hefei_pilot_zone", "大行动")
    out.add(
        "hefei_regulator_actions",
        local.counted(six["quote"], "大行动"),
        about="the banking regulator's actions for the Hefei zone",
        row=row_ref(six, context),
    )
    out.add(
        "hefei_page",
        context.source(yrd["source"])["publisher_en"],
        about="the page of that sentence",
        row=row_ref(yrd, context),
    )
