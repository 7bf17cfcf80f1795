"""One check per claim of the register, grouped by the report's sections.

Each function recomputes a claim from ``data/`` and returns :class:`~nqpf.claims.Evidence`,
or raises :class:`~nqpf.claims.NotCheckable` saying what is missing. The engine
(:mod:`nqpf.claims`) turns the evidence into a verdict; nothing here decides one.
"""

from __future__ import annotations

import datetime as dt
import re

from . import lending, local, structure
from .claims import Context, Evidence, NotCheckable, check
from .data import report_text, squeeze
from .quantities import REPORT_AS_OF

REPORT = "data/report/report_zh.txt"
PERIOD_Q1_2024 = lending.REPORT_QUARTER


# --------------------------------------------------------------------------- helpers
def official_evidence(ctx: Context, indicator: str, period_end: str | dt.date | None = None,
                      as_written: str | None = None) -> Evidence:
    """The official figure of ``indicator`` as evidence, citing its page."""
    row = ctx.official_row(indicator, period_end)
    sources = tuple(u for u in (row["source_url"], row["cross_check_url"]) if isinstance(u, str) and u)
    how = (f"official {indicator} at {row['period_end']}: {row['_raw_value']} {row['unit']} "
           f"({row['file']}, line {row['_line']})")
    written = as_written if as_written and squeeze(as_written) in squeeze(row["quote_zh"]) else None
    return Evidence(float(row["value"]), row["unit"], how, sources, as_written=written)


def event_evidence(ctx: Context, event: str) -> Evidence:
    """The sourced date of an official event as evidence."""
    row = ctx.event(event)
    sources = tuple(u for u in (row["source_url"], row["cross_check_url"]) if isinstance(u, str) and u)
    return Evidence(row["date"], "date", f"{event} on {row['date'].isoformat()} (data/official/events.csv, "
                    f"line {row['_line']})", sources)


def count_evidence(n: int, what: str, source: str) -> Evidence:
    return Evidence(float(n), "个", f"{n} {what} counted in {source}", (source,))


def report_section(start: str, end: str | None = None) -> str:
    """The report's text (whitespace removed) from ``start`` up to ``end``."""
    text = report_text()
    i = text.index(squeeze(start))
    j = text.index(squeeze(end), i) if end else len(text)
    return text[i:j]


_ORDINALS = "一二三四五六七八九十"


def count_ordinals(passage: str) -> int:
    """The length of the run 一是, 二是, 三是 … in a passage of the report."""
    n = 0
    while f"{_ORDINALS[n]}是" in passage:
        n += 1
    return n


_PUNCTUATION = str.maketrans({"，": ",", "（": "(", "）": ")", "：": ":", "；": ";", "“": '"', "”": '"',
                              "＋": "+", "《": "<", "》": ">"})


def normalise(text: str) -> str:
    """Compare wording, not typography: no whitespace, ASCII punctuation (pages mix both)."""
    return squeeze(text).translate(_PUNCTUATION)


def document_says(ctx: Context, document: str, phrases: list[str], what: str) -> Evidence:
    """A qualitative claim about an official document's wording: every phrase must be in one of
    its sourced excerpts. A phrase missing from the excerpts is no proof it is missing from the
    document (excerpts are partial), so the claim is then not checkable, not "differs"."""
    rows = ctx.excerpts(document)
    texts = [(int(r["excerpt"]), normalise(r["quote_zh"]), r["source_url"]) for _, r in rows.iterrows()]
    found = {p: [(n, url) for n, t, url in texts if normalise(p) in t] for p in phrases}
    missing = [p for p, hits in found.items() if not hits]
    if missing:
        raise NotCheckable(f"{len(phrases) - len(missing)} of {len(phrases)} {what} are in the sourced excerpts of "
                           f"{document}; not found: {'、'.join(missing)} (the excerpts are partial: the text that would "
                           f"carry them was on no public page this book could read)")
    where = sorted({n for hits in found.values() for n, _ in hits})
    urls = tuple(sorted({url for hits in found.values() for _, url in hits}))
    subject = f"the phrase {phrases[0]} is" if len(phrases) == 1 else f"all {len(phrases)} {what} are"
    return Evidence(None, "text", f"{subject} in the official text ({document}, excerpt "
                    f"{', '.join(map(str, where))} in data/official/documents.csv)", urls, holds=True)


# --------------------------------------------------------------------------- 一 concept
@check("intro.gwr_first_task")
def _gwr_this_year(ctx: Context) -> Evidence:
    return event_evidence(ctx, "gwr_2024")


@check("recommend.count", "recommend.heading_count")
def _recommendation_count(ctx: Context) -> Evidence:
    table = ctx.table("recommendations")
    in_text = count_ordinals(report_section("三、四方面推动金融更好服务新质生产力"))
    if in_text != len(table):
        raise NotCheckable(f"data/report/recommendations.csv has {len(table)} rows, the text runs to {in_text}")
    return count_evidence(len(table), "recommendations (一是…四是)", "data/report/recommendations.csv")


@check("concept.first_proposed")
def _first_proposed(ctx: Context) -> Evidence:
    return event_evidence(ctx, "term_first_proposed")


@check("concept.cewc_2023")
def _cewc(ctx: Context) -> Evidence:
    return event_evidence(ctx, "cewc_2023")


@check("concept.politburo_study_2024")
def _politburo(ctx: Context) -> Evidence:
    return event_evidence(ctx, "politburo_study_2024_01")


@check("concept.cewc_first_inclusion")
def _cewc_first(ctx: Context) -> Evidence:
    said = document_says(ctx, "cewc_2023", ["发展新质生产力"], "phrases")  # the 2023 communiqué does say it
    raise NotCheckable(f"{said.how}; but 'for the first time' needs every earlier communiqué, and the 2022 one "
                       "was not found on a public page")


@check("concept.gwr_2024_first_task")
def _gwr_first_task(ctx: Context) -> Evidence:
    rows = ctx.excerpts("gwr_2024")
    tasks = [normalise(q) for q in rows["quote_zh"] if "扎实做好各项工作" in q]
    if not tasks:
        raise NotCheckable("no sourced excerpt of the 2024 Government Work Report lists its tasks in order")
    first = tasks[0].split("扎实做好各项工作:", 1)[-1].split(";", 1)[0]
    return Evidence(None, "text", f"the 2024 Government Work Report's list of tasks begins with {first} "
                    "(data/official/documents.csv)", tuple(rows["source_url"]),
                    holds=first == normalise("大力推进现代化产业体系建设，加快发展新质生产力"))


@check("concept.dense_mentions")
def _dense_mentions(ctx: Context) -> Evidence:
    sourced = [e for e in ("cewc_2023", "politburo_study_2024_01", "gwr_2024") if _has_event(ctx, e)]
    if not sourced:
        raise NotCheckable("no sourced central meeting or report in data/official/events.csv")
    return Evidence(float(len(sourced)), "个", f"{len(sourced)} central meetings/reports after Sep 2023 with a "
                    f"sourced date mention the term ({', '.join(sourced)}); a lower bound", ("data/official/events.csv",))


def _has_event(ctx: Context, event: str) -> bool:
    try:
        ctx.event(event)
        return True
    except NotCheckable:
        return False


@check("concept.local_gov_task")
def _local_gov(ctx: Context) -> Evidence:
    raise NotCheckable("needs the 31 provincial 2024 government work reports, which data/official/ does not hold")


@check("concept.official_definition")
def _definition(ctx: Context) -> Evidence:
    return document_says(ctx, "politburo_study_2024_01", ["创新起主导作用", "具有高科技、高效能、高质量特征",
                                                           "符合新发展理念的先进生产力质态"], "parts of the definition")


@check("concept.core_marker")
def _core_marker(ctx: Context) -> Evidence:
    return document_says(ctx, "politburo_study_2024_01", ["以全要素生产率大幅提升为核心标志"], "phrases")


@check("concept.three_factors")
def _three_factors(ctx: Context) -> Evidence:
    table = ctx.table("concept_components")
    factors = table[table["id"].isin(["component.labourers", "component.means_of_labour", "component.objects_of_labour"])]
    return count_evidence(len(factors), "factors (劳动者, 劳动资料, 劳动对象)", "data/report/concept_components.csv")


# --------------------------------------------------------------------------- 一 industries
@check("industries.programme_issued_2023")
def _programme_issued(ctx: Context) -> Evidence:
    return event_evidence(ctx, "new_industry_standard_programme_2023")


@check("industries.programme_period")
def _programme_period(ctx: Context) -> Evidence:
    row = ctx.event("new_industry_standard_programme_2023")
    text = squeeze(f"{row['quote_zh']} {row['note']}")
    holds = bool(re.search(r"2023[─—–-]2035", text))
    return Evidence(None, "text", "the sourced notice's title carries the period 2023─2035",
                    (row["source_url"],), holds=holds)


@check("industries.new_industry_definition")
def _new_industry_definition(ctx: Context) -> Evidence:
    return document_says(ctx, "new_industry_standard_programme_2023",
                         ["新产业是指应用新技术发展壮大的新兴产业和未来产业", "具有创新活跃、技术密集、发展前景广阔等特征",
                          "关系国民经济社会发展和产业结构优化升级全局"], "clauses of the definition")


def _industries(ctx: Context, group: str | None) -> int:
    table = ctx.table("new_industries")
    return int(len(table) if group is None else (table["group"] == group).sum())


@check("industries.emerging_count")
def _emerging(ctx: Context) -> Evidence:
    return count_evidence(_industries(ctx, "emerging"), "emerging industries", "data/report/new_industries.csv")


@check("industries.future_count")
def _future(ctx: Context) -> Evidence:
    return count_evidence(_industries(ctx, "future"), "future industries", "data/report/new_industries.csv")


@check("industries.new_industries_count")
def _new_industries(ctx: Context) -> Evidence:
    return count_evidence(_industries(ctx, None), "new industries (图表2)", "data/report/new_industries.csv")


@check("industries.sei_classification_2018")
def _sei_2018(ctx: Context) -> Evidence:
    return event_evidence(ctx, "nbs_sei_classification_2018")


@check("industries.sei_domains_count")
def _sei_domains(ctx: Context) -> Evidence:
    return count_evidence(len(ctx.table("sei_domains_2018")), "domains", "data/report/sei_domains_2018.csv")


@check("gwr.areas_count")
def _gwr_areas(ctx: Context) -> Evidence:
    areas = ctx.table("gwr2024_items")["area_zh"].nunique()
    return count_evidence(areas, "areas in 图表3", "data/report/gwr2024_items.csv")


def _named_sectors(ctx: Context, area: str) -> list[str]:
    table = ctx.table("gwr2024_named_sectors")
    return list(table.loc[table["area_en"] == area, "sector_zh"])


@check("gwr.traditional_upgrade")
def _gwr_traditional(ctx: Context) -> Evidence:
    return document_says(ctx, "gwr_2024", ["推动传统产业高端化、智能化、绿色化转型"], "phrases")


@check("gwr.emerging_subfields_named")
def _gwr_emerging(ctx: Context) -> Evidence:
    return document_says(ctx, "gwr_2024", _named_sectors(ctx, "emerging_future"), "emerging and future sub-fields")


@check("gwr.digital_subfields_named")
def _gwr_digital(ctx: Context) -> Evidence:
    return document_says(ctx, "gwr_2024", _named_sectors(ctx, "digital_economy"), "digital-economy sub-fields")


@check("gwr.ai_plus")
def _gwr_ai_plus(ctx: Context) -> Evidence:
    return document_says(ctx, "gwr_2024", ["开展“人工智能+”行动"], "phrases")


# --------------------------------------------------------------------------- 二 relending
@check("relending.launch_date")
def _launch(ctx: Context) -> Evidence:
    return event_evidence(ctx, "sti_relending_2024")


def _term(indicator: str, as_written: str | None = None):
    def fn(ctx: Context) -> Evidence:
        return official_evidence(ctx, indicator, "2024-04-07", as_written)
    fn.__name__ = f"_official_{indicator}"
    return fn


check("relending.quota")(_term("sti_2024_quota"))
check("relending.first_loan_quota")(_term("sti_2024_first_loan_quota"))
check("relending.rate")(_term("sti_2024_rate"))
check("relending.term")(_term("sti_2024_term"))
check("relending.rollovers")(_term("sti_2024_max_rollovers"))
check("relending.rollover_term")(_term("sti_2024_rollover_term"))
check("relending.funding_share")(_term("sti_2024_funding_share"))


@check("relending.first_batch_firms")
def _first_batch(ctx: Context) -> Evidence:
    return official_evidence(ctx, "sti_2024_first_batch_firms", as_written="近7000家")


@check("relending.first_batch_banks")
def _first_batch_banks(ctx: Context) -> Evidence:
    return official_evidence(ctx, "sti_2024_first_batch_banks")


@check("relending.second_batch_firms")
def _second_batch(ctx: Context) -> Evidence:
    return official_evidence(ctx, "sti_2024_second_batch_firms", as_written="32万余家")


@check("relending.predecessors")
def _predecessors(ctx: Context) -> Evidence:
    old = [i for i in ("tech_innovation_2022_quota", "equipment_2022_quota")
           if not ctx.official_series(i).empty]
    raise NotCheckable("the two 2022 tools are sourced (" + ", ".join(old) + "), but no sourced official "
                       "sentence calls the 2024 tool their continuation (政策接续)")


def leverage(quota: float, funding_share_percent: float) -> float:
    """The bank credit a relending quota supports when the central bank funds a share of principal."""
    if not 0 < funding_share_percent <= 100:
        raise ValueError(f"funding share must be in (0, 100] percent, got {funding_share_percent}")
    return quota / (funding_share_percent / 100.0)


@check("relending.credit_leverage")
def _credit_leverage(ctx: Context) -> Evidence:
    quota, share = ctx.reported("relending.quota"), ctx.reported("relending.funding_share")
    credit = leverage(quota.value / 1e8, share.value)
    return Evidence(credit, "亿元", f"{quota.reported} ÷ {share.reported} = {credit:.1f}亿元 (the report's own terms)",
                    (REPORT,))


@check("relending.tech_innovation_2022_balance")
def _tech_2022_balance(ctx: Context) -> Evidence:
    return official_evidence(ctx, "tech_innovation_2022_balance", "2024-03-31")


@check("relending.equipment_2022_balance")
def _equipment_2022_balance(ctx: Context) -> Evidence:
    return official_evidence(ctx, "equipment_2022_balance", "2024-03-31")


@check("relending.predecessor_total")
def _predecessor_total(ctx: Context) -> Evidence:
    a = ctx.reported("relending.tech_innovation_2022_balance")
    b = ctx.reported("relending.equipment_2022_balance")
    total = (a.value + b.value) / 1e8
    return Evidence(total, "亿元", f"{a.reported} + {b.reported} = {total:g}亿元", (REPORT,))


# --------------------------------------------------------------------------- 二 regulators and markets
@check("nfra.guidance_2024_05")
def _nfra_date(ctx: Context) -> Evidence:
    return event_evidence(ctx, "nfra_five_articles_guidance_2024")


@check("nfra.five_articles_count", "nfra.tech_finance_requirement")
def _nfra_text(ctx: Context) -> Evidence:
    raise NotCheckable("needs the NFRA guidance text, which no stored public page carried")


@check("nfra.equity_investment_pilot")
def _nfra_aic(ctx: Context) -> Evidence:
    later = document_says(ctx, "nfra_aic_equity_pilot_2024", ["股权投资试点范围由上海扩大至"], "phrases")
    raise NotCheckable("the NFRA statement that it was studying a wider AIC equity-investment pilot was not found; "
                       f"that it widened the pilot from Shanghai to 18 cities in September 2024 is sourced ({later.how}), "
                       "but that came after the report")


@check("csrc.star_measures_date")
def _star_date(ctx: Context) -> Evidence:
    return event_evidence(ctx, "csrc_star_eight_measures_2024")


@check("csrc.star_measures_count")
def _star_count(ctx: Context) -> Evidence:
    in_report = len(ctx.table("star_market_measures"))
    listing = [normalise(q) for q in ctx.excerpts("csrc_star_eight_measures_2024")["quote_zh"] if "1、" in q]
    if not listing:
        raise NotCheckable("no sourced excerpt lists the CSRC's measures")
    official = len(re.findall(r"\d、", listing[0]))
    return Evidence(float(official), "条", f"{official} measures in the CSRC's numbered list (data/official/documents.csv); "
                    f"{in_report} in the report's 图表5 (data/report/star_market_measures.csv)",
                    ("data/official/documents.csv",))


@check("csrc.hard_tech_priority")
def _hard_tech(ctx: Context) -> Evidence:
    return document_says(ctx, "csrc_star_eight_measures_2024",
                         ["优先支持新产业新业态新技术领域突破关键核心技术的“硬科技”企业在科创板上市"], "phrases")


@check("csrc.lujiazui_2024")
def _lujiazui(ctx: Context) -> Evidence:
    return event_evidence(ctx, "lujiazui_forum_2024")


@check("csrc.wu_qing_priorities_count")
def _wu_qing(ctx: Context) -> Evidence:
    passage = report_section("证监会在下一步工作中", "（二）探索落地加快")
    return count_evidence(count_ordinals(passage), "priorities (一是…三是) in the speech as the report gives it",
                          REPORT)


# --------------------------------------------------------------------------- 二 local practice
@check("local.first_loans_done")
def _first_loans_done(ctx: Context) -> Evidence:
    table = ctx.table("regional_first_loans")
    banks = sorted(set(b for cell in table["bank_zh"] for b in re.split("[、，,;；]", cell)))
    return Evidence(float(len(banks)), "家", f"{len(banks)} lenders named in the local cases", (
        "data/report/regional_first_loans.csv",))


@check("local.tianjin.banks")
def _tianjin_banks(ctx: Context) -> Evidence:
    table = ctx.table("regional_first_loans")
    banks = set(b for cell in table.loc[table["region_en"] == "Tianjin", "bank_zh"] for b in re.split("[、，,;；]", cell))
    return Evidence(float(len(banks)), "家", f"{len(banks)} banks named for Tianjin: {'、'.join(sorted(banks))}",
                    ("data/report/regional_first_loans.csv",), holds=len(banks) == 3)


@check("local.hubei.policy_types")
def _hubei(ctx: Context) -> Evidence:
    table = ctx.table("regional_mechanisms")
    rows = table[(table["region_en"] == "Hubei") & table["value"].notna()]
    if rows.empty:
        raise NotCheckable("no count of Hubei's policy types in data/report/regional_mechanisms.csv")
    n = int(rows["value"].iloc[0])
    return Evidence(float(n), "个", f"{n} fiscal-financial policy types listed (多种 = several)",
                    ("data/report/regional_mechanisms.csv",), holds=n >= 2)


@check("local.jiangsu.campaign", "local.jiangsu.units", "local.jiangsu.tech_loans_2023",
       "local.guangdong.cities", "local.guangdong.documents", "local.henan.areas", "local.henan.measures")
def _provincial(ctx: Context) -> Evidence:
    raise NotCheckable("no release of the provincial regulator or PBOC branch was found on a stored public "
                       "page; data/official/ has no provincial figures")


@check("pilot.since_2021")
def _pilot_since(ctx: Context) -> Evidence:
    first = local.zones(ctx.table("pilot_zones")).iloc[0]
    return Evidence(first["earliest"], "date", f"the first zone ({first['zone_en']}) was approved in "
                    f"{first['approved']}", (first["source_url"],))


@check("pilot.zones_count")
def _pilot_count(ctx: Context) -> Evidence:
    zones = ctx.table("pilot_zones")
    return count_evidence(len(zones), "zones with a sourced approval", "data/report/pilot_zones.csv")


@check("pilot.three_years")
def _pilot_years(ctx: Context) -> Evidence:
    # measure from the latest day the first approval can be (only its year may be sourced)
    first = local.zones(ctx.table("pilot_zones")).iloc[0]
    years = local.years_between(first["latest"], REPORT_AS_OF)
    return Evidence(years, "年", f"from the first approval ({first['approved']}, latest possible day "
                    f"{first['latest']}) to mid-2024 is {years:.2f} years", ("data/report/pilot_zones.csv",))


@check("pilot.named_zones")
def _pilot_named(ctx: Context) -> Evidence:
    zones = ctx.table("pilot_zones")
    named = zones[zones["named_in_report"] == "true"]
    return Evidence(float(len(named)), "个", f"{len(named)} of the sourced zones are the ones the report names "
                    f"({', '.join(named['zone_en'])})", ("data/report/pilot_zones.csv",), holds=len(named) == 3)


@check("pilot.beijing_years")
def _beijing(ctx: Context) -> Evidence:
    rows = ctx.excerpts("zhongguancun_pilot_zone_plan")
    for _, row in rows.iterrows():
        match = re.search(r"力争通过(\d+)年时间", normalise(row["quote_zh"]))
        if match:
            years = int(match.group(1))
            return Evidence(float(years), "年", f"the Zhongguancun plan: 力争通过{years}年时间 "
                            f"(data/official/documents.csv, line {row['_line']})", (row["source_url"],))
    raise NotCheckable("no sourced excerpt of the Zhongguancun plan states its time frame")


@check("pilot.hefei_actions")
def _hefei(ctx: Context) -> Evidence:
    passage = report_section("实施科创金融机构建设", "四大行动")
    items = [p for p in re.split("、", passage.removeprefix("实施")) if p]
    return count_evidence(len(items), "actions listed before 四大行动", REPORT)


# --------------------------------------------------------------------------- 三 credit to tech firms
_CREDIT = {
    "credit.tech_sme_balance": "tech_sme_loan_balance",
    "credit.tech_sme_growth": "tech_sme_loan_growth_yoy",
    "credit.tech_sme_firms": "tech_sme_firms_with_loans",
    "credit.tech_sme_access_rate": "tech_sme_loan_access_rate",
    "credit.hitech_balance": "hitech_loan_balance",
    "credit.hitech_growth": "hitech_loan_growth_yoy",
    "credit.hitech_firms": "hitech_firms_with_loans",
    "credit.hitech_access_rate": "hitech_loan_access_rate",
}


def _credit_check(indicator: str):
    def fn(ctx: Context) -> Evidence:
        try:
            return official_evidence(ctx, indicator, PERIOD_Q1_2024)
        except NotCheckable as missing:
            raise NotCheckable(f"{missing}{_implied_note(ctx, indicator)}") from None
    fn.__name__ = f"_credit_{indicator}"
    return fn


def _implied_note(ctx: Context, indicator: str) -> str:
    """What the report a year later implies for the 2024Q1 balance (on its own, re-based register)."""
    if not indicator.endswith("_loan_balance"):
        return ""
    group = indicator.removesuffix("_loan_balance")
    implied = lending.implied_levels(ctx.official, group)
    row = implied[implied["quarter"] == PERIOD_Q1_2024]
    if row.empty:
        return ""
    r = row.iloc[0]
    return (f"; the PBOC report for {r['implied_by_report_of']} implies {r['implied']:.2f}万亿元 for "
            f"{PERIOD_Q1_2024} (its balance ÷ (1 + its growth)), but on a re-based register, so it is context, "
            f"not a check")


for _claim, _indicator in _CREDIT.items():
    check(_claim)(_credit_check(_indicator))


def _all_loans(ctx: Context, what: str) -> tuple:
    for indicator in (f"all_loans_fc_{what}", f"all_loans_rmb_{what}"):
        try:
            return ctx.official_row(indicator, PERIOD_Q1_2024), indicator
        except NotCheckable:
            continue
    raise NotCheckable(f"no all-loan {what} at {PERIOD_Q1_2024} in data/official/")


@check("credit.fast_growth")
def _fast_growth(ctx: Context) -> Evidence:
    total, indicator = _all_loans(ctx, "growth_yoy")
    groups = []
    for name, label in (("tech_sme", "tech-SME"), ("hitech", "high-tech-firm")):
        try:
            groups.append((label, ctx.official_row(f"{name}_loan_growth_yoy", PERIOD_Q1_2024)))
        except NotCheckable:
            continue
    if not groups:
        raise NotCheckable(f"no official tech-firm loan growth at {PERIOD_Q1_2024} in data/official/")
    parts = ", ".join(f"{label} loans +{row['value']:g}%" for label, row in groups)
    missing = "" if len(groups) == 2 else " (the other group's official growth was not found)"
    return Evidence(None, "text", f"{parts} against all loans +{total['value']:g}% ({indicator}) at "
                    f"end-2024Q1{missing}", tuple(r["source_url"] for _, r in groups) + (total["source_url"],),
                    holds=all(r["value"] > total["value"] for _, r in groups))


SMALL_SHARE_PERCENT = 10.0


@check("credit.scale_share_small")
def _share_small(ctx: Context) -> Evidence:
    total = lending.all_loans(ctx.official)["fc_balance"]
    groups = {g: lending.panel(ctx.official, g)["balance"] for g in ("tech_sme", "hitech")}
    usable = [q for q in total.dropna().index if all(q in b.dropna().index for b in groups.values())]
    if not usable:
        raise NotCheckable("no quarter has both groups' balances and all loans in data/official/")
    before = [q for q in usable if q <= PERIOD_Q1_2024][-1:]
    after = [q for q in usable if q > PERIOD_Q1_2024][:1]
    quarters = [PERIOD_Q1_2024] if PERIOD_Q1_2024 in usable else before + after
    shares = {q: {g: lending.loan_share_pct(b[q], total[q]) for g, b in groups.items()} for q in quarters}
    listing = "; ".join(f"{q}: tech-SMEs {v['tech_sme']:.1f}%, high-tech firms {v['hitech']:.1f}%"
                        for q, v in shares.items())
    where = "" if quarters == [PERIOD_Q1_2024] else f" (2024Q1 balances not found; the nearest quarters on either side)"
    holds = all(v < SMALL_SHARE_PERCENT for shares_q in shares.values() for v in shares_q.values())
    return Evidence(None, "text", f"shares of all 本外币 loans{where}: {listing}; 'very small' read as under "
                    f"{SMALL_SHARE_PERCENT:g}%", ("data/official/tech_loans.csv",), holds=holds)


# --------------------------------------------------------------------------- 三 financing structure
STRUCTURE_PERIOD = PERIOD_Q1_2024
EQUITY_LOW_PERCENT = 5.0
MAJORITY_PERCENT = 50.0


def _tsf_table(ctx: Context):
    """The TSF stock by component, built once per engine run."""
    return ctx._get("tsf_table", lambda: structure.stock_table(ctx.official))


def bracketed_share(ctx: Context, components: tuple[str, ...], with_government_bonds: bool,
                    threshold: float, above: bool) -> tuple[structure.Share, str]:
    """The share at the report's quarter; if its components were not found, at the nearest
    period ends on either side, provided both lead to the same conclusion about ``threshold``.
    Returns the share used and a sentence saying which periods were compared."""
    table = _tsf_table(ctx)
    periods = structure.bracketing_periods(table, STRUCTURE_PERIOD, components, with_government_bonds)
    if not periods:
        raise NotCheckable("no period end in data/official/tsf_stock.csv has the components needed")
    shares = [structure.share(table, p, components, with_government_bonds) for p in periods]
    if periods == [STRUCTURE_PERIOD]:
        return shares[0], f"at {STRUCTURE_PERIOD}"
    sides = {(s.percent > threshold) == above for s in shares}
    listing = " and ".join(f"{s.period_end}: {s.percent:.1f}%" for s in shares)
    if len(sides) > 1:
        raise NotCheckable(f"the components at {STRUCTURE_PERIOD} were not found, and the nearest period "
                           f"ends disagree ({listing})")
    nearest = min(shares, key=lambda s: abs((s.period_end - STRUCTURE_PERIOD).days))
    return nearest, (f"the components at {STRUCTURE_PERIOD} were not found on any public page; the nearest "
                     f"period ends on either side give {listing} (shown: the nearer one)")


@check("structure.credit_share")
def _credit_share(ctx: Context) -> Evidence:
    name, with_gov = structure.HEADLINE_DEFINITION
    headline, where = bracketed_share(ctx, structure.CREDIT_DEFINITIONS[name], with_gov, 80.0, True)
    others = structure.credit_shares(_tsf_table(ctx).loc[[headline.period_end]])
    alt = "; ".join(f"{r.label}{'' if r.with_government_bonds else ', excluding government bonds'}: "
                    f"{r.share_percent:.1f}%" for r in others.itertuples())
    return Evidence(headline.percent, "%", f"{structure.CREDIT_LABELS[name]} as a share of the whole TSF stock "
                    f"(the headline definition): {headline.percent:.1f}% at {headline.period_end}; {where}. "
                    f"Other definitions at {headline.period_end}: {alt}", ("data/official/tsf_stock.csv",))


@check("structure.equity_share_low", "structure.equity_share_low_direct")
def _equity_low(ctx: Context) -> Evidence:
    s, where = bracketed_share(ctx, ("equity_nonfinancial",), True, EQUITY_LOW_PERCENT, False)
    return Evidence(None, "text", f"non-financial firms' domestic equity is {s.percent:.1f}% of the TSF stock at "
                    f"{s.period_end}; {where}; 'very low' read as under {EQUITY_LOW_PERCENT:g}%",
                    ("data/official/tsf_stock.csv",), holds=s.percent < EQUITY_LOW_PERCENT)


@check("structure.indirect_dominant")
def _indirect(ctx: Context) -> Evidence:
    s, where = bracketed_share(ctx, structure.CREDIT_DEFINITIONS["loan_type"], True, MAJORITY_PERCENT, True)
    return Evidence(None, "text", f"loan-type (indirect) financing is {s.percent:.1f}% of the TSF stock at "
                    f"{s.period_end}; {where}; 'dominant' read as over {MAJORITY_PERCENT:g}%",
                    ("data/official/tsf_stock.csv",), holds=s.percent > MAJORITY_PERCENT)


@check("recommend.vc_guide_fund")
def _vc_fund(ctx: Context) -> Evidence:
    return document_says(ctx, "vc_guide_fund", ["设立国家新兴产业创业投资引导基金"], "phrases")


@check("recommend.guarantee_fund")
def _guarantee_fund(ctx: Context) -> Evidence:
    return document_says(ctx, "national_financing_guarantee_fund", ["国家融资担保基金"], "phrases")
