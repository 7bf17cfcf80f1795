"""The facts of chapter 3-1, credit to tech firms: the report's eight figures for the end of 2024Q1, the
two sources of the tech-SME access rate, growth against all loans, the share of all loans, what the
later releases imply on their re-based registers, and the growth projection from the report's date.

Also :data:`SEARCHED`, the record of what was searched for the 2024Q1 figures no page carries (from the
research notes of the data's compilation), shown by the chapter as a table.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ... import data
from ...analysis import lending
from ...evidence import Context
from ...report import REPORT_QUARTER
from ..facts import Facts, row_ref
from .loans_tables import (  # noqa: F401 - re-exported for the pages
    BAND,
    FIRMS,
    SEARCHED,
    UNTIL,
    _page,
    _row,
    access_marks,
    access_table,
    errors_table,
    figures_table,
    growth_table,
    pages_of,
    places,
    reported,
    restated_table,
    revision_table,
    searched,
    share_table,
)


#: the end of the projection: the last quarter end the PBOC's releases in the data reach
def facts(context: Context, card: pd.DataFrame, out: Facts) -> None:
    """Add the chapter's facts to ``out``."""
    official = context.official
    q1 = REPORT_QUARTER
    report = reported(context)
    for cid in lending.REPORT_FIGURES:
        out.add(
            f"r_{cid.split('.')[1]}",
            context.claim(cid)["reported"],
            about=context.claim(cid)["statement_en"],
            claim=cid,
        )
    out.add("report_quarter", q1.isoformat(), about="the quarter end of the report's loan figures")
    _data_facts(context, official, out)
    _found_facts(context, official, out)
    _access_facts(context, official, report, out)
    _growth_facts(context, official, report, out)
    _share_facts(context, official, report, out)
    _rebasing_facts(context, official, report, out)
    _projection_facts(official, report, out)


def _data_facts(context: Context, official: pd.DataFrame, out: Facts) -> None:
    tech = official[official["indicator"].str.startswith(("tech_sme_", "hitech_"))]
    out.add("n_tech_rows", len(tech), about="rows of data/official/tech_loans.csv for the two groups of firms")
    out.add("n_tech_pages", tech["source"].nunique(), about="pages those rows were read from")
    balance = lending.panel(official, "tech_sme")["balance"].dropna()
    out.add("first_quarter", balance.index.min().isoformat(), about="first quarter end with a tech-SME balance")
    out.add("last_quarter", balance.index.max().isoformat(), about="last quarter end with a tech-SME balance")
    for tier in data.TIERS:
        out.add(
            f"n_rows_{tier}", int((tech["tier"] == tier).sum()), about=f"of those rows, read from a page of tier {tier}"
        )
    total = official[official["indicator"].str.startswith("all_loans_")]
    out.add("n_all_rows", len(total), about="rows for all loans (the benchmark)")
    release = "people-cn.2024-04-30.loan-direction-q1-2024.gsdjw"
    page = context.source(release)
    out.add("release_date", page["page_date"], about=f"the date of {page['title']}", row=_page(context, release))
    out.add(
        "release_page",
        page["title"],
        about="人民网's item on the 2024Q1 loan-direction report",
        row=_page(context, release),
    )
    mirror = "rmrb.2024-11-09.loan-direction-q1-2024.golangjump"
    out.add(
        "release_mirror",
        context.source(mirror)["title"],
        about="a copy of 人民日报's item on the release",
        row=_page(context, mirror),
    )


def _found_facts(context: Context, official: pd.DataFrame, out: Facts) -> None:
    found = [
        cid
        for cid, ind in lending.REPORT_FIGURES.items()
        if not lending.observations_at(official, ind, REPORT_QUARTER).empty
    ]
    out.add("n_figures", len(lending.REPORT_FIGURES), about="the report's figures for the end of 2024Q1")
    out.add("n_found_q1", len(found), about="of them, those some page gives for the same date")
    out.add("n_missing_q1", len(lending.REPORT_FIGURES) - len(found), about="those no stored page gives")


def _access_facts(context: Context, official: pd.DataFrame, report: dict, out: Facts) -> None:
    cid = "credit.tech_sme_access_rate"
    rows = lending.observations_at(official, "tech_sme_loan_access_rate", REPORT_QUARTER)
    for name, row in zip(("access_first", "access_second"), rows.to_dict("records")):
        page = context.source(row["source"])
        out.add(
            name,
            row["value"],
            "{:.1f}%",
            about=f"tech-SME access rate at {REPORT_QUARTER}, {page['publisher']}",
            row=row_ref(pd.Series(row), context),
        )
        out.add(f"{name}_publisher", page["publisher"], about=page["title"], row=row_ref(pd.Series(row), context))
        out.add(f"{name}_tier", str(page["tier"]).replace("_", " "), about="the tier of the page's original publisher")
    out.add("n_access_pages", len(rows), about=f"pages giving the tech-SME access rate at {REPORT_QUARTER}")
    out.add("access_report", report[cid], "{:.1f}%", about="the report's tech-SME access rate", claim=cid)
    out.add(
        "access_gap",
        abs(rows["value"].iloc[0] - rows["value"].iloc[1]),
        "{:.1f} percentage points",
        about="the gap between the two figures for the same date",
    )
    for group, prefix in (("tech_sme", "access"), ("hitech", "hi_access")):
        restated = lending.restated_rates(official, group)
        at = restated[restated["quarter"] == REPORT_QUARTER]
        if at.empty:
            continue
        r = at.iloc[0]
        line = official[(official["_line"] == r["_line"]) & (official["indicator"] == f"{group}_loan_access_rate")]
        ref = row_ref(line.iloc[0], context)
        out.add(
            f"{prefix}_restated",
            r["restated"],
            "{:.1f}%",
            about=f"the {group} access rate at {REPORT_QUARTER} that the release for {r['release_quarter']} implies "
            "(its rate less the change it states)",
            row=ref,
        )
        out.add(
            f"{prefix}_restated_by", r["release_quarter"].isoformat(), about="the release that restates it", row=ref
        )
        out.add(f"{prefix}_release_rate", r["rate"], "{:.1f}%", about="the rate that release gives", row=ref)
        out.add(
            f"{prefix}_release_change",
            r["change_pp"],
            "{:.1f} percentage points",
            about="the change on a year earlier that release states",
            row=ref,
        )
    out.add(
        "hi_access_report",
        report["credit.hitech_access_rate"],
        "{:.1f}%",
        about="the report's high-tech access rate",
        claim="credit.hitech_access_rate",
    )
    sme = lending.restated_rates(official, "tech_sme").dropna(subset=["published"])
    out.add("n_restated", len(sme), about="tech-SME rates that both a later release restates and a page published")
    big = sme.loc[sme["rebasing_pp"].abs().idxmax()]
    out.add(
        "restate_max",
        abs(big["rebasing_pp"]),
        "{:.1f} percentage points",
        about="the largest gap between a published tech-SME rate and the rate restated a year later",
    )
    out.add("restate_max_quarter", big["quarter"].isoformat(), about="the quarter of that gap")


def _growth_facts(context: Context, official: pd.DataFrame, report: dict, out: Facts) -> None:
    q1 = REPORT_QUARTER
    sme, sme_ref = _row(official, context, "tech_sme_loan_growth_yoy", q1)
    total, total_ref = _row(official, context, "all_loans_fc_growth_yoy", q1)
    out.add("sme_growth_q1", sme, "{:.1f}%", about=f"tech-SME loan growth y/y at {q1}", row=sme_ref)
    row = lending.observations_at(official, "tech_sme_loan_growth_yoy", q1).iloc[0].to_dict()
    out.add(
        "growth_pages",
        " and ".join(p.split(" (")[0] for p in pages_of(context, row)),
        about="the pages giving the tech-SME growth at the report's date",
        row=sme_ref,
    )
    out.add("all_growth_q1", total, "{:.1f}%", about=f"all 本外币 loans' growth y/y at {q1}", row=total_ref)
    out.add("sme_gap_q1", sme - total, "{:.1f} percentage points", about="tech-SME growth less all loans' growth")
    hi = report["credit.hitech_growth"]
    out.add("hi_growth_report", hi, "{:.1f}%", about="the report's high-tech growth", claim="credit.hitech_growth")
    out.add(
        "hi_gap_report",
        hi - total,
        "{:.1f} percentage points",
        about="the report's high-tech growth less all loans' growth (the report's own figure)",
    )
    frame = lending.growth_comparison(official)
    both = frame.dropna(subset=["tech_sme", "all_loans"])
    out.add("n_growth_compared", len(both), about="quarter ends with both tech-SME and all-loan growth")
    out.add(
        "n_growth_faster",
        int((both["gap_tech_sme_pp"] > 0).sum()),
        about="of them, those where tech-SME loans grew faster",
    )
    out.add(
        "sme_gap_min",
        both["gap_tech_sme_pp"].min(),
        "{:.1f} percentage points",
        about="the smallest tech-SME gap over all loans",
    )
    hi_both = frame.dropna(subset=["hitech", "all_loans"])
    out.add("n_hi_compared", len(hi_both), about="quarter ends with both high-tech and all-loan growth")
    out.add("n_hi_faster", int((hi_both["gap_hitech_pp"] > 0).sum()), about="of them, those where they grew faster")
    low = hi_both.loc[hi_both["gap_hitech_pp"].idxmin()]
    out.add(
        "hi_gap_min",
        low["gap_hitech_pp"],
        "{:.1f} percentage points",
        about="the smallest high-tech gap over all loans",
    )
    out.add("hi_gap_min_quarter", low["quarter"].isoformat(), about="the quarter of that gap")
    first = hi_both.iloc[0]
    out.add(
        "hi_gap_first",
        first["gap_hitech_pp"],
        "{:.1f} percentage points",
        about=f"high-tech growth less all loans' growth at {first['quarter']}",
    )
    out.add("hi_gap_first_quarter", first["quarter"].isoformat(), about="the first quarter with high-tech growth")


def _share_facts(context: Context, official: pd.DataFrame, report: dict, out: Facts) -> None:
    cid = "credit.scale_share_small"
    claim = context.claim(cid)
    out.add("threshold_scale_share_small", claim["threshold"], about=claim["threshold_why"], claim=cid)
    out.add(
        "threshold_why_scale_share_small", claim["threshold_why"], about="why the register reads 很小 so", claim=cid
    )
    shares = lending.loan_shares(official).dropna(subset=["tech_sme_share_pct", "hitech_share_pct"])
    near = lending.nearest_quarters(list(shares["quarter"]), REPORT_QUARTER)
    at = shares.set_index("quarter")
    for name, q in zip(("before", "after"), near):
        out.add(f"share_{name}_q", q.isoformat(), about="a quarter end nearest the report's with both balances")
        out.add(
            f"share_sme_{name}",
            at.loc[q, "tech_sme_share_pct"],
            "{:.1f}%",
            about=f"tech-SME loans as a share of all loans at {q}",
        )
        out.add(
            f"share_hi_{name}",
            at.loc[q, "hitech_share_pct"],
            "{:.1f}%",
            about=f"high-tech loans as a share of all loans at {q}",
        )
    out.add(
        "share_hi_max",
        at["hitech_share_pct"].max(),
        "{:.1f}%",
        about="the largest high-tech share at any quarter end shown",
    )
    total, ref = _row(official, context, "all_loans_fc_balance", REPORT_QUARTER)
    out.add("all_balance_q1", total, "{:.2f}万亿元", about=f"all 本外币 loans at {REPORT_QUARTER}", row=ref)
    for group, cid in lending.REPORT_ANCHORS.items():
        value = report[cid]
        short = "sme" if group == "tech_sme" else "hi"
        out.add(f"{short}_balance_report", value, "{:g}万亿元", about=f"the report's {group} balance", claim=cid)
        out.add(
            f"report_share_{short}",
            lending.loan_share_pct(value, total),
            "{:.1f}%",
            about=f"the report's {group} balance ÷ all loans at {REPORT_QUARTER}",
        )


def _rebasing_facts(context: Context, official: pd.DataFrame, report: dict, out: Facts) -> None:
    q1 = REPORT_QUARTER
    for group, short in (("tech_sme", "sme"), ("hitech", "hi")):
        levels = lending.implied_levels(official, group).set_index("quarter")
        if q1 in levels.index:
            out.add(
                f"{short}_q1_implied",
                levels.loc[q1, "implied"],
                "{:.2f}万亿元",
                about=f"the {group} balance at {q1} that the report a year later implies",
            )
            out.add(
                f"{short}_q1_implied_by",
                levels.loc[q1, "implied_by_report_of"].isoformat(),
                about="the release that implies it",
            )
        balance = report[f"credit.{group}_balance"]
        growth = report[f"credit.{group}_growth"]
        out.add(
            f"{short}_prev",
            lending.year_earlier_balance(balance, growth),
            "{:.2f}万亿元",
            about=f"the year-earlier {group} balance the report's balance and growth imply",
        )
        firms = report[f"credit.{group}_firms"]
        rate = report[f"credit.{group}_access_rate"]
        out.add(
            f"{short}_register",
            lending.register_size(firms, rate),
            "{:.1f}万家",
            about=f"the {group} register the report's firm count and access rate imply",
        )
        sizes = lending.register_sizes(official, group)
        before = sizes[[q < q1 for q in sizes.index]]
        after = sizes[[q > q1 for q in sizes.index]]
        out.add(
            f"{short}_register_before",
            before.iloc[-1],
            "{:.1f}万家",
            about=f"the {group} register at {before.index[-1]} (published firms ÷ rate)",
        )
        out.add(
            f"{short}_register_after",
            after.iloc[0],
            "{:.1f}万家",
            about=f"the {group} register at {after.index[0]} (published firms ÷ rate)",
        )
        out.add(
            f"{short}_register_last", sizes.iloc[-1], "{:.1f}万家", about=f"the {group} register at {sizes.index[-1]}"
        )
    sizes = lending.register_sizes(official, "tech_sme")
    out.add(
        "register_before_q",
        sizes.index[[q < q1 for q in sizes.index]][-1].isoformat(),
        about="the last quarter end before the report's with a register size",
    )
    out.add(
        "register_after_q",
        sizes.index[[q > q1 for q in sizes.index]][0].isoformat(),
        about="the first quarter end after the report's with a register size",
    )
    out.add("register_last_q", sizes.index[-1].isoformat(), about="the last quarter end with a register size")
    prev_row = lending.observations_at(official, "tech_sme_loan_balance", dt.date(q1.year - 1, q1.month, q1.day))
    if not prev_row.empty:
        out.add(
            "sme_prev_published",
            prev_row.iloc[0]["value"],
            "{:.2f}万亿元",
            about="the tech-SME balance the PBOC published a year before the report's quarter",
            row=row_ref(prev_row.iloc[0], context),
        )
        out.add("prev_quarter", prev_row.iloc[0]["period_end"].isoformat(), about="that quarter end")
    levels = lending.implied_levels(official, "tech_sme").dropna(subset=["published"])
    big = levels.loc[levels["revision_pct"].abs().idxmax()]
    out.add(
        "max_revision",
        abs(big["revision_pct"]),
        "{:.0f}%",
        about="the largest gap between a published tech-SME balance and the one implied a year later",
    )
    out.add("max_revision_quarter", big["quarter"].isoformat(), about="the quarter of that gap")
    out.add("n_revisions", len(levels), about="quarter ends with both a published and an implied tech-SME balance")


def _projection_facts(official: pd.DataFrame, report: dict, out: Facts) -> None:
    q1 = REPORT_QUARTER
    sme = lending.panel(official, "tech_sme")
    anchor = report["credit.tech_sme_balance"]
    projection = lending.growth_trend_projection(sme["growth_yoy"], anchor, q1, UNTIL, alpha=1 - BAND)
    errors = lending.projection_errors(sme, projection)
    known = sme["growth_yoy"].dropna()
    fitted = known[[q <= q1 for q in known.index]]
    out.add("n_fit", len(fitted), about="tech-SME growth rates published up to the report's quarter")
    out.add("fit_first", fitted.index[0].isoformat(), about="the first of them")
    out.add("fit_first_value", fitted.iloc[0], "{:.1f}%", about="the first growth rate fitted")
    out.add("fit_last_value", fitted.iloc[-1], "{:.1f}%", about="the last growth rate fitted (the report's quarter)")
    out.add("band_pct", BAND * 100, "{:.0f}%", about="the prediction band")
    out.add("until", UNTIL.isoformat(), about="the end of the projection")
    out.add("proj_growth_first", projection.growth[0], "{:.1f}%", about="projected growth a quarter after the report")
    out.add("proj_growth_end", projection.growth[-1], "{:.1f}%", about=f"projected growth at {UNTIL}")
    out.add("proj_end", projection.central[-1], "{:.2f}万亿元", about=f"projected balance at {UNTIL}")
    out.add("proj_end_low", projection.low[-1], "{:.2f}", about="lower end of the band")
    out.add("proj_end_high", projection.high[-1], "{:.2f}万亿元", about="upper end of the band")
    out.add("pub_end", sme["balance"].get(UNTIL, np.nan), "{:.2f}万亿元", about=f"the published balance at {UNTIL}")
    out.add("pub_growth_end", sme["growth_yoy"].get(UNTIL, np.nan), "{:.1f}%", about=f"published growth at {UNTIL}")
    compared = errors.dropna(subset=["published_growth"])
    out.add("n_compared", len(compared), about="projected quarters with a published growth rate")
    out.add(
        "mean_growth_error",
        compared["growth_error_pp"].mean(),
        "{:.1f} percentage points",
        about="published growth less projected growth, on average",
    )
    out.add("n_above", int((compared["growth_error_pp"] > 0).sum()), about="quarters where growth beat the projection")
    hi = lending.panel(official, "hitech")["growth_yoy"].dropna()
    out.add(
        "n_fit_hitech", int(sum(q <= q1 for q in hi.index)), about="high-tech growth rates up to the report's quarter"
    )
