"""Chapter 3-1's tables and the search record: what the page shows beside its prose (the facts are in :mod:`~nqpf.book.chapters.loans`)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ...analysis import lending
from ...evidence import Context
from ...report import REPORT_QUARTER
from .. import labels
from ..facts import row_ref

UNTIL = dt.date(2025, 12, 31)
#: the prediction band of the projection (1 - alpha)
BAND = 0.8

#: the two groups of firms, in English (the tables' first column)
FIRMS = {"tech_sme": "Tech-based SMEs", "hitech": "High-tech enterprises"}

#: what was searched for the report's 2024Q1 figures that no stored page carries: the claims, examples of
#: the phrasings searched (the report's numbers with their units, the release's sentences and title), the
#: languages and scripts, and what was missing
SEARCHED = (
    (
        "credit.tech_sme_balance",
        "科技型中小企业本外币贷款余额2.7万亿元，同比增长20.4%; 央行 一季度末 科技型中小企业贷款余额2.7万亿元; "
        "2024年一季度金融机构贷款投向统计报告 科技型中小企业 高新技术企业 获贷率; China loans tech SMEs 2.7 "
        "trillion yuan up 20.4 percent end of Q1 2024 PBOC credit structure report",
        "simplified Chinese, English, Spanish",
        "no page gives the balance; the magazine abstract gives only the growth and the access rate, and the "
        "stored copies of 人民网's item on the release stop before its tech-firm paragraph",
    ),
    (
        "credit.tech_sme_firms",
        "获得贷款支持的科技型中小企业21.73万家 获贷率47.9%; 截至一季度末 获得贷款支持的科技型中小企业21.73万家; "
        "21.73万家 in GitHub files; 獲得貸款支持的科技型中小企業21.73萬家; 217,300 technology-based SMEs received loans",
        "simplified and traditional Chinese, English, Korean",
        "no page gives the number of tech SMEs with loans at the end of March 2024",
    ),
    (
        "credit.hitech_balance, credit.hitech_growth",
        "高新技术企业本外币贷款余额14.84万亿元; 高新技术企业贷款余额 同比增长13.6% 一季度末; 14.84万亿元 in GitHub "
        "files; high-tech enterprises loans 14.84 trillion yuan end of March 2024",
        "simplified Chinese, English, Korean",
        "no page gives the high-tech balance or its growth at the end of March 2024",
    ),
    (
        "credit.hitech_firms, credit.hitech_access_rate",
        "一季度末 获得贷款支持的高新技术企业22.24万家 获贷率为55.4%; 22.24万家 in GitHub files; 獲得貸款支持的…高新技術企業",
        "simplified and traditional Chinese, English",
        "no page gives the number of high-tech firms with loans or their access rate at the end of March 2024",
    ),
    (
        "all six",
        "copies of the release on pbc.gov.cn, news.cn, people.com.cn, financialnews.com.cn and cs.com.cn, through the "
        "phrasings above and the release's title",
        "simplified Chinese, English",
        "no page of the PBOC or of the press of record carrying the release's tech-firm paragraph is stored",
    ),
)


def searched() -> pd.DataFrame:
    """:data:`SEARCHED` as a table with human headers."""
    return pd.DataFrame(
        SEARCHED, columns=["Claims", "Searched for (examples)", "Languages and scripts", "What is missing"]
    )


def reported(context: Context) -> dict[str, float]:
    """The report's eight figures, as it writes them (万亿元, %, 万家), by claim id."""
    out = {}
    for cid in lending.REPORT_FIGURES:
        q = context.reported(cid)
        out[cid] = q.value / q.scale
    return out


def places(frame: pd.DataFrame) -> dict[str, int]:
    """The decimals of each numeric column, from the unit in its header: balances in 万亿元 to two places,
    rates, shares and gaps in %, pp or 万家 to one, as the PBOC's releases write them."""
    out = {}
    for column in frame.columns:
        name = str(column)
        if "万亿元" in name:
            out[column] = 2
        elif any(unit in name for unit in ("%", "(pp)", "万家")):
            out[column] = 1
    return out


def pages_of(context: Context, row: dict) -> list[str]:
    """The publishers of a row's page and of its cross-check pages, the row's own first."""
    ids = [row["source"], *[c.strip() for c in str(row.get("cross_check") or "").split(";") if c.strip()]]
    return [f"{context.source(i)['publisher']} ({str(context.source(i)['tier']).replace('_', ' ')})" for i in ids]


def figures_table(context: Context, card: pd.DataFrame) -> pd.DataFrame:
    """The eight figures: what the report says and what the data give for the same date, on which pages
    (the row's page first, then the pages that cross-check it)."""
    verdicts = card.set_index("id")
    rows = []
    for cid, indicator in lending.REPORT_FIGURES.items():
        found = lending.observations_at(context.official, indicator, REPORT_QUARTER)
        given = "; ".join(
            f"{r['value']:g}{r['unit']} on {', '.join(pages_of(context, r))}" for r in found.to_dict("records")
        )
        claim = context.claim(cid)
        rows.append(
            {
                "Claim": claim["statement_en"],
                "The report": claim["reported"],
                "The data for the same date, and the pages (tier)": given or "no page found",
                "Verdict": labels.verdict(str(verdicts.loc[cid, "verdict"])),
            }
        )
    return pd.DataFrame(rows)


def access_table(context: Context) -> pd.DataFrame:
    """Every figure for the tech-SME access rate at the report's date: the pages that give it, the rate the
    release a year later implies for it, and the report's."""
    official = context.official
    rows = []
    for r in lending.observations_at(official, "tech_sme_loan_access_rate", REPORT_QUARTER).to_dict("records"):
        page = context.source(r["source"])
        rows.append(
            {
                "Figure (%)": r["value"],
                "Who says it": page["publisher_en"],
                "Tier": page["tier"],
                "What the page is": page["title"],
                "The page's words": r["quote"],
                "Page": page["url"],
                "Data line": f"tech_loans.csv, line {r['_line']}",
            }
        )
    restated = lending.restated_rates(official, "tech_sme")
    for r in restated[restated["quarter"] == REPORT_QUARTER].to_dict("records"):
        line = official[(official["_line"] == r["_line"]) & (official["indicator"] == "tech_sme_loan_access_rate")]
        page = context.source(line.iloc[0]["source"])
        rows.append(
            {
                "Figure (%)": r["restated"],
                "Who says it": f"derived: the release for {r['release_quarter']}",
                "Tier": page["tier"],
                "What the page is": page["title"],
                "The page's words": line.iloc[0]["quote"],
                "Page": page["url"],
                "Data line": f"tech_loans.csv, line {r['_line']} ({r['rate']:g}% less {r['change_pp']:g} points)",
            }
        )
    claim = context.claim("credit.tech_sme_access_rate")
    rows.append(
        {
            "Figure (%)": reported(context)["credit.tech_sme_access_rate"],
            "Who says it": "the report",
            "Tier": "",
            "What the page is": "金融支持新质生产力取得明显进展",
            "The page's words": claim["quote_zh"],
            "Page": "",
            "Data line": "report/claims.csv",
        }
    )
    frame = pd.DataFrame(rows)
    frame["Tier"] = frame["Tier"].str.replace("_", " ")
    return frame


def access_marks(context: Context) -> list[tuple[str, float, str]]:
    """The figures for the tech-SME access rate at the report's date as figure marks: (legend, value, marker),
    the most authoritative page first; the one equal to the report's figure is a star."""
    ours = reported(context)["credit.tech_sme_access_rate"]
    marks = []
    rows = lending.observations_at(context.official, "tech_sme_loan_access_rate", REPORT_QUARTER)
    for r in rows.to_dict("records"):
        page = context.source(r["source"])
        who = str(page["publisher_en"]).split(" (")[0]
        same = abs(r["value"] - ours) < 1e-9
        text = f"{who} ({str(page['tier']).replace('_', ' ')}): {r['value']:g}%" + (
            " = the report 报告" if same else ""
        )
        marks.append((text, float(r["value"]), "*" if same else "D"))
    return marks


def restated_table(official: pd.DataFrame) -> pd.DataFrame:
    """Access rates as published and as the release a year later restates them, both groups."""
    frames = []
    for group in lending.GROUPS:
        r = lending.restated_rates(official, group)
        frames.append(
            pd.DataFrame(
                {
                    "Firms": FIRMS[group],
                    "Quarter end": r["quarter"].astype(str),
                    "Published then (%)": r["published"],
                    "Restated by the release of": r["release_quarter"].astype(str),
                    "Its rate (%)": r["rate"],
                    "Stated change (pp)": r["change_pp"],
                    "Restated (%)": r["restated"],
                    "Restated less published (pp)": r["rebasing_pp"],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def growth_table(official: pd.DataFrame) -> pd.DataFrame:
    """Growth of each group and of all loans, and the gaps in points, by quarter end."""
    g = lending.growth_comparison(official)
    return pd.DataFrame(
        {
            "Quarter end": g["quarter"].astype(str),
            "Tech-based SMEs (%)": g["tech_sme"],
            "High-tech enterprises (%)": g["hitech"],
            "All loans, 本外币 (%)": g["all_loans"],
            "Tech-SMEs less all loans (pp)": g["gap_tech_sme_pp"],
            "High-tech less all loans (pp)": g["gap_hitech_pp"],
        }
    )


def share_table(official: pd.DataFrame) -> pd.DataFrame:
    """Each group's balance and its share of all loans, by quarter end; the quarters nearest the report's
    marked."""
    s = lending.loan_shares(official)
    both = s.dropna(subset=["tech_sme_share_pct", "hitech_share_pct"])
    near = lending.nearest_quarters(list(both["quarter"]), REPORT_QUARTER)
    return pd.DataFrame(
        {
            "Quarter end": s["quarter"].astype(str),
            "Tech-based SMEs (万亿元)": s["tech_sme_balance"],
            "High-tech enterprises (万亿元)": s["hitech_balance"],
            "All loans, 本外币 (万亿元)": s["all_loans_balance"],
            "Tech-SME share (%)": s["tech_sme_share_pct"],
            "High-tech share (%)": s["hitech_share_pct"],
            "Nearest the report's quarter": s["quarter"].isin(near),
        }
    )


def revision_table(official: pd.DataFrame) -> pd.DataFrame:
    """For each group and quarter: the balance published then and the one implied by the release a year later."""
    frames = []
    for group in lending.GROUPS:
        lv = lending.implied_levels(official, group)
        frames.append(
            pd.DataFrame(
                {
                    "Firms": FIRMS[group],
                    "Quarter end": lv["quarter"].astype(str),
                    "Published then (万亿元)": lv["published"],
                    "Implied by the release of": lv["implied_by_report_of"].astype(str),
                    "Implied (万亿元)": lv["implied"],
                    "Implied less published (%)": lv["revision_pct"],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def errors_table(errors: pd.DataFrame) -> pd.DataFrame:
    """The projection against what the PBOC published, with human headers."""
    return pd.DataFrame(
        {
            "Quarter end": errors["quarter"].astype(str),
            "Projected growth (%)": errors["projected_growth"],
            "Published growth (%)": errors["published_growth"],
            "Growth: published less projected (pp)": errors["growth_error_pp"],
            "Projected balance (万亿元)": errors["projected_balance"],
            "Band (万亿元)": [f"{lo:.2f}–{hi:.2f}" for lo, hi in zip(errors["low"], errors["high"])],
            "Published balance (万亿元)": errors["published_balance"],
            "Published in the band": errors["in_band"].where(errors["published_balance"].notna()),
        }
    )


def _page(context: Context, source_id: str) -> tuple:
    """A page of the sources registry as a fact's link (file, line, url, publisher)."""
    page = context.source(source_id)
    return ("data/sources.csv", int(page["_line"]), page["url"], page["publisher"])


def _row(official: pd.DataFrame, context: Context, indicator: str, quarter: dt.date) -> tuple[float, tuple]:
    """The most authoritative row of ``indicator`` at ``quarter``: its value and its link."""
    row = lending.observations_at(official, indicator, quarter).iloc[0]
    return float(row["value"]), row_ref(row, context)
