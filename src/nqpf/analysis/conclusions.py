"""The evidence behind the report's four recommendations (section 三), recomputed from ``data/``.

Pure functions of frames the other modules load:

* :func:`loan_evidence` compares loans to tech-based SMEs with all loans (growth and share) from
  ``data/official/tech_loans.csv``, at the period the report uses or the nearest one the data has;
* :func:`credit_share_evidence` picks, from :func:`nqpf.analysis.structure.credit_shares`, the
  period nearest to the report's and the credit share under each definition there;
* :func:`loan_shares` and :func:`around` give tech-SME loans' share of all loans at every quarter end
  that has both balances, and the quarters on either side of the report's when it has none;
* :func:`evidence_rows` lists the official rows (file, line, page) behind the numbers used;
* :data:`EVIDENCE_CLAIMS` and :func:`recommendation_evidence` pair each recommendation with the claims of
  the register that test the diagnosis behind it; :func:`findings` picks the claims whose verdict is a
  finding about the report (the verdicts are the engine's, passed in as the scorecard frame).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..report import REPORT_AS_OF, REPORT_QUARTER
from . import lending

REPORT_PERIOD = REPORT_QUARTER  # the report's loan figures are for end-2024Q1
REPORT_STRUCTURE_PERIOD = REPORT_AS_OF  # its financing-structure claims are "as of mid-2024"


@dataclass(frozen=True)
class LoanEvidence:
    """Tech-SME loans against all loans (RMB and foreign currency), from the PBOC releases."""

    growth_period: dt.date
    tech_sme_growth: float  # % y/y
    all_loans_growth: float  # % y/y
    share_period: dt.date
    tech_sme_balance: float  # 万亿元
    all_loans_balance: float  # 万亿元
    access_rate_period: dt.date | None
    access_rate: float | None  # % of tech SMEs on the register with a loan

    @property
    def growth_gap(self) -> float:
        """Percentage points by which tech-SME loans grew faster than all loans."""
        return self.tech_sme_growth - self.all_loans_growth

    @property
    def share_percent(self) -> float:
        """Tech-SME loans as a percentage of all loans."""
        return 100.0 * self.tech_sme_balance / self.all_loans_balance


def nearest_common(series: list[pd.Series], target: dt.date) -> dt.date:
    """The period end nearest ``target`` (the earlier on a tie) at which every series has a value;
    ``KeyError`` if there is none."""
    common = set.intersection(*(set(s.dropna().index) for s in series))
    if not common:
        raise KeyError("no period end has all of the series")
    return min(common, key=lambda p: (abs((p - target).days), p))


def loan_evidence(official: pd.DataFrame, target: dt.date = REPORT_PERIOD) -> LoanEvidence:
    """Growth and share of loans to tech-based SMEs against all loans (本外币), each at ``target``
    if the data has it, else at the nearest period end that has both figures."""
    sme_growth = lending.series(official, "tech_sme_loan_growth_yoy")
    all_growth = lending.series(official, "all_loans_fc_growth_yoy")
    g = nearest_common([sme_growth, all_growth], target)
    sme = lending.series(official, "tech_sme_loan_balance")  # 万亿元, whatever unit a row was written in
    total = lending.series(official, "all_loans_fc_balance")
    s = nearest_common([sme, total], target)
    access = lending.series(official, "tech_sme_loan_access_rate")
    a = nearest_common([access], target) if not access.empty else None
    return LoanEvidence(
        g,
        float(sme_growth[g]),
        float(all_growth[g]),
        s,
        float(sme[s]),
        float(total[s]),
        a,
        float(access[a]) if a is not None else None,
    )


def evidence_rows(official: pd.DataFrame, wanted: list[tuple[str, dt.date]], every: bool = False) -> pd.DataFrame:
    """The official observations behind a page's numbers: for each ``(indicator, period_end)`` the
    value as written, its unit, the file and line, and the page it was read from (``source``). The most
    authoritative publication comes first (``tier_rank``, as :func:`nqpf.analysis.lending.series` picks it);
    with ``every`` the other publications of the same observation follow it, ``used`` marking the first, so
    that two sources that disagree are both shown. ``KeyError`` names an observation ``data/official/`` does
    not have."""
    rows = []
    for indicator, period in wanted:
        found = official[(official["indicator"] == indicator) & (official["period_end"] == period)]
        if found.empty:
            raise KeyError(f"no official {indicator} at {period} in data/official/")
        if "tier_rank" in found:
            found = found.sort_values("tier_rank", kind="stable")
        for i, r in enumerate(found.to_dict("records")[: None if every else 1]):
            rows.append(
                {
                    "indicator": indicator,
                    "period_end": period,
                    "value": r.get("_raw_value", r["value"]),
                    "unit": r["unit"],
                    "where": f"{r['file']}, line {r['_line']}",
                    "source": r["source"],
                    "used": i == 0,
                }
            )
    return pd.DataFrame(rows)


def credit_share_evidence(shares: pd.DataFrame, target: dt.date = REPORT_STRUCTURE_PERIOD) -> pd.DataFrame:
    """The rows of :func:`nqpf.structure.credit_shares` at the period end nearest ``target`` that
    has every definition with and without government bonds (the earlier on a tie)."""
    complete = shares.groupby("period_end").size()
    full = [p for p, n in complete.items() if n == complete.max()]
    if not full:
        raise KeyError("no period end has a credit share")
    period = min(full, key=lambda p: (abs((p - target).days), p))
    return shares[shares["period_end"] == period].reset_index(drop=True)


def loan_shares(official: pd.DataFrame) -> pd.DataFrame:
    """Tech-SME loans as a share of all loans (本外币) at every quarter end that has both balances:
    ``period_end``, ``tech_sme_balance`` and ``all_loans_balance`` (万亿元), ``share_percent``; oldest first."""
    sme = lending.series(official, "tech_sme_loan_balance")
    total = lending.series(official, "all_loans_fc_balance")
    both = pd.DataFrame({"tech_sme_balance": sme, "all_loans_balance": total}).dropna()
    both["share_percent"] = 100.0 * both["tech_sme_balance"] / both["all_loans_balance"]
    return both.rename_axis("period_end").reset_index()


def around(frame: pd.DataFrame, target: dt.date) -> pd.DataFrame:
    """The row of ``frame`` (a ``period_end`` column) at ``target`` if there is one, else the last row before
    it and the first after it (one of them may be missing)."""
    if (frame["period_end"] == target).any():
        return frame[frame["period_end"] == target].reset_index(drop=True)
    before = frame[frame["period_end"] < target].tail(1)
    after = frame[frame["period_end"] > target].head(1)
    return pd.concat([before, after], ignore_index=True)


#: recommendation (an id of data/report/recommendations.csv) → the claims of the register that test the
#: diagnosis it rests on (the fourth, digital transformation, states no figure the register could test)
EVIDENCE_CLAIMS: dict[str, tuple[str, ...]] = {
    "recommend.breadth": ("credit.fast_growth", "credit.scale_share_small", "credit.tech_sme_access_rate"),
    "recommend.supply_structure": (
        "structure.indirect_dominant",
        "structure.credit_share",
        "structure.equity_share_low",
    ),
    "recommend.government_support": (
        "relending.credit_leverage",
        "recommend.vc_guide_fund",
        "recommend.guarantee_fund",
    ),
    "recommend.digital_transformation": (),
}

#: the verdicts that are findings about the report: a number or wording that does not match, a claim that
#: needs a definition the report does not state, the report disagreeing with itself
FINDINGS = ("differs", "definition_dependent", "inconsistent_report_only")


def recommendation_evidence(
    recommendations: pd.DataFrame, card: pd.DataFrame, evidence: dict[str, tuple[str, ...]] | None = None
) -> pd.DataFrame:
    """One row per (recommendation, claim that tests its diagnosis), in the report's order: ``order``,
    ``heading_zh``, ``heading_en``, ``claim`` (id; empty where the register has none), ``statement_en``,
    ``quote_zh``, ``verdict`` and ``notebook`` from ``card`` (the engine's scorecard). ``KeyError`` names a
    claim of ``evidence`` the card does not have."""
    evidence = EVIDENCE_CLAIMS if evidence is None else evidence
    by_id = card.set_index("id")
    rows = []
    for rec in recommendations.sort_values("order").to_dict("records"):
        ids = evidence.get(rec["id"], ())
        missing = [i for i in ids if i not in by_id.index]
        if missing:
            raise KeyError(f"the scorecard has no claim {', '.join(missing)} (evidence of {rec['id']})")
        head = {k: rec[k] for k in ("order", "heading_zh", "heading_en")}
        if not ids:
            rows.append({**head, "claim": "", "statement_en": "", "quote_zh": "", "verdict": "", "notebook": ""})
        for i in ids:
            row = by_id.loc[i]
            rows.append(
                {
                    **head,
                    "claim": i,
                    "statement_en": row["statement_en"],
                    "quote_zh": row["quote_zh"],
                    "verdict": str(row["verdict"]),
                    "notebook": row["notebook"],
                }
            )
    return pd.DataFrame(
        rows, columns=["order", "heading_zh", "heading_en", "claim", "statement_en", "quote_zh", "verdict", "notebook"]
    )


def findings(card: pd.DataFrame, verdicts: tuple[str, ...] = FINDINGS) -> pd.DataFrame:
    """The claims of ``card`` whose verdict is one of ``verdicts`` (the findings about the report), in the
    card's order."""
    return card[card["verdict"].astype(str).isin(verdicts)]


#: the indicators of the breadth evidence, in words
INDICATOR_LABELS = {
    "tech_sme_loan_growth_yoy": "Tech-SME loans, growth on a year earlier (%)",
    "all_loans_fc_growth_yoy": "All loans (RMB and foreign currency), growth on a year earlier (%)",
    "tech_sme_loan_balance": "Tech-SME loans, balance",
    "all_loans_fc_balance": "All loans (RMB and foreign currency), balance",
    "tech_sme_loan_access_rate": "Registered tech SMEs with a loan (获贷率, %)",
}


def fund_excerpts(documents: pd.DataFrame, sources: pd.DataFrame, funds: tuple[str, ...]) -> pd.DataFrame:
    """The sourced excerpts of the documents ``funds`` (ids of ``data/official/documents.csv``), oldest first
    within each fund: ``document``, ``date``, ``quote``, ``line``, ``source`` and, from ``sources`` (the registry
    indexed by id), ``publisher``, ``tier`` and ``url``."""
    rows = documents[documents["document"].isin(funds)].copy()
    rows["order"] = rows["document"].map({f: i for i, f in enumerate(funds)})
    rows = rows.sort_values(["order", "date"], na_position="last")
    out = rows[["document", "date", "quote", "_line", "source"]].rename(columns={"_line": "line"})
    for column in ("publisher", "tier", "url"):
        out[column] = out["source"].map(sources[column])
    return out.reset_index(drop=True)
