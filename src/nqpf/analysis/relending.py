"""The relending arithmetic of report section 二（一）: the 2024 tool, its two predecessors, the calculator.

The PBOC's 科技创新和技术改造再贷款 (2024) refinances a share of the principal of eligible bank
loans, so a relending amount ``R`` stands for ``R / s`` of loans when the PBOC funds a share ``s``.
This module owns that arithmetic for the notebook ``2-1_relending_and_capital_markets``, the
claim engine (``relending.credit_leverage``) and the relending calculator:

* :data:`TOOLS` — the three relending tools, by the indicator prefix used in
  ``data/official/relending.csv``, with bilingual names;
* :func:`terms` / :func:`terms_wide` — each tool's announced terms (quota, rate, term,
  rollovers, funding share), as sourced;
* :func:`supported_credit` — the bank loans a relending amount refinances;
* :func:`report_balances`, :func:`predecessor_loans`, :func:`loan_comparison` — what the old
  tools' end-2024Q1 balances stand for under their own funding shares and under 60% for both;
* :func:`balance_points` — quarter-end balances of the 2022 tools: official ones where
  ``data/official/`` has them, otherwise only the report's end-2024Q1 numbers, marked unconfirmed;
* :func:`compare_terms` — the three tools' terms side by side, and whether the 2024 tool kept each;
* :func:`calculate` and :func:`describe` — the calculator's arithmetic and its sentence.

The dated record around the section — :func:`this_year_measures` (今年以来), :func:`later_history`
(the 2024 tool after the report), :func:`headings_compared` and :func:`boxes_found` (the CSRC's
measures) and :func:`in_yi` — is in :mod:`~nqpf.analysis.relending_record` and re-exported here.

Money is in 亿元 throughout; official rows written in 万亿元 are converted. Pure pandas.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

import pandas as pd

from ..data import squeeze
from ..quantities import parse_quantity
from .relending_record import (  # noqa: F401 - re-exported for the notebook, the figures and the book
    HISTORY,
    THIS_YEAR_MEASURES,
    boxes_found,
    headings_compared,
    history_value,
    in_yi,
    later_history,
    this_year_measures,
)

#: indicator prefix in data/official/relending.csv → bilingual name of the tool
TOOLS: dict[str, str] = {
    "tech_innovation_2022": "2022 tech-innovation relending 科技创新再贷款",
    "equipment_2022": "2022 equipment-upgrade relending 设备更新改造专项再贷款",
    "sti_2024": "2024 tech-innovation & technical-transformation relending 科技创新和技术改造再贷款",
}


PREDECESSORS = ("tech_innovation_2022", "equipment_2022")


#: the terms of a tool (indicator suffix) with their display label
TERMS: dict[str, str] = {
    "quota": "Quota 额度 (亿元)",
    "first_loan_quota": "of which first-loan earmark 其中首贷额度 (亿元)",
    "rate": "Relending rate 利率 (%)",
    "term": "Term 期限 (years)",
    "max_rollovers": "Rollovers 可展期 (times)",
    "rollover_term": "Each rollover 每次展期 (years)",
    "funding_share": "PBOC funds 按贷款本金 (% of principal)",
    "eligible_institutions": "Eligible lenders 发放对象 (institutions)",
}


#: the claim of the register that reports each predecessor's end-2024Q1 balance
BALANCE_CLAIMS: dict[str, str] = {
    "tech_innovation_2022": "relending.tech_innovation_2022_balance",
    "equipment_2022": "relending.equipment_2022_balance",
}


UNCONFIRMED = "report, not confirmed by an official source 报告数字，未经官方来源核实"


# --------------------------------------------------------------------------- terms
def supported_credit(relending: float, funding_share_percent: float) -> float:
    """The bank loans a relending amount refinances when the PBOC funds ``funding_share_percent``
    of each loan's principal: ``relending / share``. Same units in and out (亿元 in this book).
    The claim engine uses it for ``relending.credit_leverage``, so the page, the calculator and the
    verdict cannot disagree. Raises ``ValueError`` for a share outside (0, 100] or a value that is
    not a finite number."""
    for name, x in (("relending", relending), ("funding share", funding_share_percent)):
        if not isinstance(x, (int, float)) or isinstance(x, bool) or not math.isfinite(x):
            raise ValueError(f"the {name} must be a finite number, got {x!r}")
    if not 0 < funding_share_percent <= 100:
        raise ValueError(f"funding share must be in (0, 100] percent, got {funding_share_percent}")
    return relending / (funding_share_percent / 100.0)


def _open_ended(quote: str, raw: str) -> bool:
    """Whether the source writes the number as a floor (``2000亿元以上``)."""
    return bool(re.search(rf"{re.escape(raw)}(亿元|万亿元|%)?以上", squeeze(quote)))


def terms(official: pd.DataFrame) -> pd.DataFrame:
    """The announced terms of each tool, tidy: one row per (tool, term).

    For each ``{tool}_{term}`` indicator the earliest observation is taken (the announcement; the
    2024 tool's later quota and rate changes are in :func:`later_history`). Columns: ``tool``,
    ``name``, ``term``, ``label``, ``value`` (money in 亿元), ``unit``, ``at_least`` (the source
    writes ``以上``), ``announced``, ``source`` (an id of ``data/sources.csv``), ``line``.
    """
    out = []
    for tool, name in TOOLS.items():
        for term, label in TERMS.items():
            rows = official[official["indicator"] == f"{tool}_{term}"].sort_values("period_end")
            if rows.empty:
                continue
            row = rows.iloc[0]
            money = row["unit"] in ("万亿元", "亿元", "万元", "元")
            out.append(
                {
                    "tool": tool,
                    "name": name,
                    "term": term,
                    "label": label,
                    "value": in_yi(row["value"], row["unit"]) if money else float(row["value"]),
                    "unit": "亿元" if money else row["unit"],
                    "at_least": _open_ended(row["quote"], str(row["_raw_value"])),
                    "announced": row["period_end"],
                    "source": row["source"],
                    "line": int(row["_line"]),
                }
            )
    return pd.DataFrame(
        out, columns=["tool", "name", "term", "label", "value", "unit", "at_least", "announced", "source", "line"]
    )


def terms_wide(tidy: pd.DataFrame) -> pd.DataFrame:
    """The terms as a display table: one row per term, one column per tool; a term a source does
    not state is shown as "not stated", a floor as "≥ value"."""

    def shown(row) -> str:
        text = f"{row['value']:g}"
        return f"≥ {text}" if row["at_least"] else text

    cells = tidy.assign(shown=tidy.apply(shown, axis=1))
    wide = cells.pivot(index="label", columns="name", values="shown")
    wide = wide.reindex(
        index=[v for v in TERMS.values() if v in set(tidy["label"])],
        columns=[TOOLS[t] for t in TOOLS if TOOLS[t] in wide.columns],
    )
    announced = tidy.groupby("name")["announced"].min()
    wide.loc["Announced 发布"] = [announced[c].isoformat() for c in wide.columns]
    return wide.fillna("not stated").rename_axis(index="Term 条款", columns=None).reset_index()


def term_value(tidy: pd.DataFrame, tool: str, term: str) -> float:
    """One announced term of one tool (e.g. ``("equipment_2022", "funding_share")`` → 100.0)."""
    rows = tidy[(tidy["tool"] == tool) & (tidy["term"] == term)]
    if rows.empty:
        raise KeyError(f"no sourced {term} for {tool} in data/official/relending.csv")
    return float(rows["value"].iloc[0])


#: the terms the report's 政策接续 is tested on (rate, term, rollovers: the ones all three tools state)
CONTINUITY_TERMS = ("rate", "term", "max_rollovers")


def compare_terms(tidy: pd.DataFrame) -> pd.DataFrame:
    """The three tools' announced terms side by side, numeric: one row per term of :data:`TERMS`
    that any tool states, one column per tool of :data:`TOOLS` (NaN where its source does not state
    the term), ``at_least`` (some source writes the value as a floor), ``same`` (every tool states
    it and the values are equal) and ``compared`` (one of :data:`CONTINUITY_TERMS`)."""
    wide = tidy.pivot(index="term", columns="tool", values="value").reindex(columns=list(TOOLS))
    floors = tidy.groupby("term")["at_least"].any()
    rows = []
    for term, label in TERMS.items():
        if term not in wide.index:
            continue
        values = wide.loc[term]
        rows.append(
            {
                "term": term,
                "label": label,
                **values.to_dict(),
                "at_least": bool(floors.get(term, False)),
                "same": bool(values.notna().all() and values.nunique() == 1),
                "compared": term in CONTINUITY_TERMS,
            }
        )
    return pd.DataFrame(rows, columns=["term", "label", *TOOLS, "at_least", "same", "compared"])


# --------------------------------------------------------------------------- the predecessors
def report_balances(claims: pd.DataFrame) -> dict[str, float]:
    """The old tools' end-2024Q1 relending balances as the report writes them (亿元), from the
    claim register (``1548亿元``, ``1567亿元``)."""
    out = {}
    for tool, claim_id in BALANCE_CLAIMS.items():
        row = claims[claims["id"] == claim_id]
        if row.empty:
            raise KeyError(f"no claim {claim_id!r} in data/report/claims.csv")
        out[tool] = parse_quantity(row["reported"].iloc[0]).value / 1e8
    return out


def predecessor_loans(balances: dict[str, float], shares: dict[str, float]) -> pd.DataFrame:
    """The loans each old tool's relending balance stands for: ``balance / share``.

    ``balances`` in 亿元 and ``shares`` in percent, both keyed by tool. One row per tool and
    a ``Total 合计`` row."""
    rows = [
        {
            "tool": t,
            "name": TOOLS[t],
            "balance": balances[t],
            "funding_share": shares[t],
            "loans": supported_credit(balances[t], shares[t]),
        }
        for t in balances
    ]
    frame = pd.DataFrame(rows)
    total = {
        "tool": "total",
        "name": "Total 合计",
        "balance": frame["balance"].sum(),
        "funding_share": float("nan"),
        "loans": frame["loans"].sum(),
    }
    return pd.concat([frame, pd.DataFrame([total])], ignore_index=True)


def loan_comparison(tidy: pd.DataFrame, balances: dict[str, float]) -> pd.DataFrame:
    """The loans behind each number of the section, in 亿元, for the like-for-like comparison.

    Rows: the old balances at their own funding shares and at 60% for both; the old quotas at
    their own shares (a capacity, as the report's 8300多亿元 is); the new tool's quota and its
    first-loan earmark at 60%. ``kind`` says whether a row is an outstanding amount or a capacity.
    """
    own = {t: term_value(tidy, t, "funding_share") for t in PREDECESSORS}
    new_share = term_value(tidy, "sti_2024", "funding_share")
    at_own = predecessor_loans(balances, own).iloc[-1]["loans"]
    at_new = predecessor_loans(balances, dict.fromkeys(PREDECESSORS, new_share)).iloc[-1]["loans"]
    old_capacity = sum(supported_credit(term_value(tidy, t, "quota"), own[t]) for t in PREDECESSORS)
    rows = [
        ("old_balances_own_shares", "Old balances, own shares 原工具余额（各自比例）", "outstanding", at_own),
        (
            "old_balances_60",
            f"Old balances, if {new_share:g}% for both 原工具余额（均按{new_share:g}%）",
            "outstanding",
            at_new,
        ),
        ("old_quotas_own_shares", "Old quotas, own shares 原工具额度（各自比例）", "capacity", old_capacity),
        (
            "new_quota",
            "New tool's quota 新工具额度",
            "capacity",
            supported_credit(term_value(tidy, "sti_2024", "quota"), new_share),
        ),
        (
            "new_first_loan_earmark",
            "of which first-loan earmark 其中首贷额度",
            "capacity",
            supported_credit(term_value(tidy, "sti_2024", "first_loan_quota"), new_share)
            if not tidy[(tidy["tool"] == "sti_2024") & (tidy["term"] == "first_loan_quota")].empty
            else float("nan"),
        ),
    ]
    return pd.DataFrame(rows, columns=["id", "label", "kind", "loans"])


def balance_points(official: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Quarter-end relending balances of the 2022 tools, for the rebuilt 图表4.

    Official rows (indicator ``{tool}_balance``) come first, with ``source = "official"``; the
    report's end-2024Q1 numbers are added with ``source = "report"`` and ``confirmed`` False
    unless an official row of the same date and value exists. Nothing is interpolated."""
    rows = []
    for tool in PREDECESSORS:
        for r in official[official["indicator"] == f"{tool}_balance"].itertuples():
            rows.append(
                {
                    "tool": tool,
                    "name": TOOLS[tool],
                    "period_end": r.period_end,
                    "balance": in_yi(r.value, r.unit),
                    "source": "official",
                    "confirmed": True,
                }
            )
    official_rows = pd.DataFrame(rows)
    for tool, value in report_balances(claims).items():
        as_of = claims.loc[claims["id"] == BALANCE_CLAIMS[tool], "as_of"].iloc[0]
        when = dt.date.fromisoformat(as_of)
        same = (
            not official_rows.empty
            and (
                (official_rows["tool"] == tool)
                & (official_rows["period_end"] == when)
                & ((official_rows["balance"] - value).abs() < 0.5)
            ).any()
        )
        rows.append(
            {
                "tool": tool,
                "name": TOOLS[tool],
                "period_end": when,
                "balance": value,
                "source": "report",
                "confirmed": bool(same),
            }
        )
    return pd.DataFrame(rows, columns=["tool", "name", "period_end", "balance", "source", "confirmed"])


# --------------------------------------------------------------------------- the calculator
@dataclass(frozen=True)
class Calculation:
    """One setting of the relending calculator; money in 亿元, rates in percent.

    ``spread`` is the bank's lending rate minus the relending rate (percentage points);
    ``market_rate`` is the rate at which the bank would otherwise fund itself (an assumption of
    the reader, not a sourced number)."""

    quota: float
    funding_share: float
    take_up: float
    spread: float
    market_rate: float
    relending_rate: float

    @property
    def relending(self) -> float:
        """Relending the PBOC actually lends: quota × take-up."""
        return self.quota * self.take_up / 100.0

    @property
    def credit(self) -> float:
        """Bank loans that relending refinances: relending ÷ funding share."""
        return supported_credit(self.relending, self.funding_share)

    @property
    def own_funding(self) -> float:
        """The part of those loans the banks fund themselves."""
        return self.credit - self.relending

    @property
    def lending_rate(self) -> float:
        return self.relending_rate + self.spread

    @property
    def saving(self) -> float:
        """Annual interest banks save by funding the relending part at the relending rate
        instead of at ``market_rate``: relending × (market rate − relending rate)."""
        return self.relending * (self.market_rate - self.relending_rate) / 100.0

    @property
    def margin(self) -> float:
        """Banks' annual interest margin on the relending-funded part: relending × spread."""
        return self.relending * self.spread / 100.0


def calculate(
    quota: float, funding_share: float, take_up: float, spread: float, market_rate: float, relending_rate: float
) -> Calculation:
    """A :class:`Calculation`, validating the inputs (shares in (0, 100], amounts ≥ 0)."""
    if quota < 0:
        raise ValueError(f"the quota must be at least 0亿元, got {quota}")
    if not 0 < take_up <= 100:
        raise ValueError(f"take-up must be in (0, 100] percent, got {take_up}")
    calc = Calculation(quota, funding_share, take_up, spread, market_rate, relending_rate)
    calc.credit  # noqa: B018  (raises for an impossible funding share)
    return calc


def describe(calc: Calculation) -> str:
    """The calculator's sentence for one setting."""
    return (
        f"Quota {calc.quota:,.0f}亿元, {calc.take_up:g}% used: the PBOC lends {calc.relending:,.0f}亿元 of "
        f"relending, which at a {calc.funding_share:g}% funding share refinances {calc.credit:,.1f}亿元 of bank "
        f"loans (banks fund the other {calc.own_funding:,.1f}亿元 themselves). Lending at "
        f"{calc.relending_rate:g}% + {calc.spread:g} pp = {calc.lending_rate:.2f}%, banks earn "
        f"{calc.margin:,.1f}亿元 a year on the relending-funded part. Against the illustrative funding rate "
        f"of {calc.market_rate:g}%, relending at {calc.relending_rate:g}% saves them {calc.saving:,.1f}亿元 "
        f"a year; funded at {calc.market_rate:g}% that part would earn {calc.margin - calc.saving:,.1f}亿元."
    )


def relending_rate_2024(official: pd.DataFrame) -> float:
    """The 2024 tool's relending rate as announced (the report's 1.75%)."""
    return term_value(terms(official), "sti_2024", "rate")
