"""Local practice in report section 二（二）: first relending loans, provincial mechanisms, pilot zones.

This module owns the arithmetic of the notebook ``2-2_local_practice_and_pilot_zones``:

* :func:`first_loan_amounts` — the money amounts of the first loans under the 2024 relending
  tool (``data/report/regional_first_loans.csv``), in 万元, with the report's qualifiers;
* :func:`consistency_checks` — the ratios the report's own numbers imply (Tianjin's loans
  drawn over credit lines, Shanghai's first loan over the signed total) and whether each part is
  at most its whole: the report's own arithmetic, not evidence about the loans;
* :func:`lenders` — the lending institutions the cases name;
* :func:`zones` and :func:`zone_ages` — the seven sci-tech finance reform pilot zones
  (``data/report/pilot_zones.csv``), their approval dates with the precision the sources give,
  and their age when the report was written;
* :func:`three_year_window` and :func:`in_window` — "近三年来" read as "over the past three years"
  (近 = recent, as in 近年来): the three years before the report, against the zones' approvals;
* :func:`clauses_in`, :func:`clause_containing`, :func:`counted`, :func:`qualified` — reading the report's clauses and
  counts against the sourced excerpts of a document;
* :func:`province_roles` and :data:`TILES` — which provinces the section mentions, for a tile map.

Pure pandas: data in, frames and numbers out.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from ..quantities import to_base
from ..report import REPORT_AS_OF

#: a city the report names → its province (for the tile map)
CITY_PROVINCE = {
    "深圳": "广东",
    "厦门": "福建",
    "南京": "江苏",
    "合肥": "安徽",
    "杭州": "浙江",
    "嘉兴": "浙江",
    "济南": "山东",
}


#: bilingual labels of the metrics of regional_first_loans.csv
METRICS = {
    "first_loan_amount": "First loan 首笔贷款",
    "signed_total": "Signed total 签约总额",
    "loan_disbursed": "Loans disbursed 发放贷款",
    "credit_line": "Credit lines 授信",
}


_MONEY = ("万亿元", "亿元", "万元", "元")


def in_wan(value: float, unit: str) -> float:
    """A money value written in ``unit`` in 万元."""
    return to_base(float(value), unit) / 1e4


# --------------------------------------------------------------------------- first loans
def first_loan_amounts(table: pd.DataFrame) -> pd.DataFrame:
    """The money rows of the first-loan cases, in 万元, largest first.

    Columns: ``id``, ``region_zh``, ``region_en``, ``bank_zh``, ``metric``, ``label`` (bilingual
    region and metric), ``amount_wan``, ``qualifier`` (超过 = more than), ``reported``."""
    money = table[table["unit"].isin(_MONEY)].copy()
    money["amount_wan"] = [in_wan(v, u) for v, u in zip(money["value"], money["unit"])]
    money["qualifier"] = money["qualifier"].fillna("")
    money["label"] = [
        f"{en} {zh} · {METRICS.get(m, m)}" for en, zh, m in zip(money["region_en"], money["region_zh"], money["metric"])
    ]
    cols = ["id", "region_zh", "region_en", "bank_zh", "metric", "label", "amount_wan", "qualifier", "reported"]
    return money[cols].sort_values("amount_wan", ascending=False).reset_index(drop=True)


def amount(table: pd.DataFrame, region_en: str, metric: str) -> float:
    """One amount of :func:`first_loan_amounts`, in 万元."""
    amounts = first_loan_amounts(table)
    rows = amounts[(amounts["region_en"] == region_en) & (amounts["metric"] == metric)]
    if rows.empty:
        raise KeyError(f"no {metric} for {region_en} in data/report/regional_first_loans.csv")
    return float(rows["amount_wan"].iloc[0])


def consistency_checks(table: pd.DataFrame) -> pd.DataFrame:
    """The ratios the report's own numbers imply, and whether each is consistent.

    * Tianjin: loans disbursed over credit lines granted (186/418); consistent if at most 100%.
    * Shanghai: the first loan over the signed total (超过5000万 / 2.4亿); the first loan is
      written as a floor, so the ratio is a lower bound; consistent if the floor is at most 100%.
    """
    amounts = first_loan_amounts(table)
    rows = []
    for region, num, den, what in (
        ("Tianjin", "loan_disbursed", "credit_line", "Tianjin: disbursed ÷ credit lines 发放/授信"),
        ("Shanghai", "first_loan_amount", "signed_total", "Shanghai: first loan ÷ signed total 首笔/签约总额"),
    ):
        pick = amounts[amounts["region_en"] == region].set_index("metric")
        n, d = float(pick.loc[num, "amount_wan"]), float(pick.loc[den, "amount_wan"])
        floor = pick.loc[num, "qualifier"] in ("超过", "超", "逾", "以上")
        rows.append(
            {
                "check": what,
                "numerator_wan": n,
                "denominator_wan": d,
                "ratio_percent": 100 * n / d,
                "bound": "lower bound (numerator is a floor)" if floor else "exact",
                "consistent": n <= d,
            }
        )
    return pd.DataFrame(rows)


def per_firm(table: pd.DataFrame, region_en: str = "Tianjin") -> dict[str, float]:
    """Average credit line and loan per firm where the report gives a number of firms (万元)."""
    rows = table[table["region_en"] == region_en].set_index("metric")
    firms = float(rows.loc["firms", "value"])
    return {
        "firms": firms,
        "credit_line": amount(table, region_en, "credit_line") / firms,
        "loan_disbursed": amount(table, region_en, "loan_disbursed") / firms,
    }


def lenders(table: pd.DataFrame) -> list[str]:
    """The lending institutions named in the cases (as the claim ``local.first_loans_done`` counts them)."""
    return sorted({b for cell in table["bank_zh"] for b in re.split("[、，,;；]", cell) if b})


# --------------------------------------------------------------------------- pilot zones
def _approval_interval(approved: str) -> tuple[dt.date, dt.date, str]:
    """(earliest, latest, precision) of an approval written as YYYY, YYYY-MM or YYYY-MM-DD."""
    parts = [int(p) for p in approved.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day, "day"
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1), "month"
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31), "year"


def zones(table: pd.DataFrame) -> pd.DataFrame:
    """The pilot zones with their approval intervals, oldest first.

    Columns: ``id``, ``zone_zh``, ``zone_en``, ``province_zh``, ``approved`` (as sourced),
    ``earliest``, ``latest``, ``precision`` (day/month/year), ``departments`` (how many approved
    it, read from ``approved_by``), ``plan_title_zh``, ``named_in_report`` (bool), ``source`` (an id of ``data/sources.csv``), ``cross_check`` (a list of ids)."""
    out = []
    for r in table.to_dict("records"):
        earliest, latest, precision = _approval_interval(str(r["approved"]))
        count = re.search(r"(\d+)(?:部委|部门)", r["approved_by"])
        out.append(
            {
                "id": r["id"],
                "zone_zh": r["zone_zh"],
                "zone_en": r["zone_en"],
                "province_zh": r["province_zh"],
                "approved": r["approved"],
                "earliest": earliest,
                "latest": latest,
                "precision": precision,
                "departments": int(count.group(1)) if count else None,
                "plan_title_zh": r["plan_title_zh"],
                "named_in_report": r["named_in_report"] == "true",
                "source": r["source"],
                "cross_check": [c for c in str(r.get("cross_check") or "").split(";") if c],
            }
        )
    frame = pd.DataFrame(out)
    return frame.sort_values(["earliest", "zone_en"]).reset_index(drop=True)


def years_between(start: dt.date, end: dt.date) -> float:
    """Elapsed years (365.25-day years), as the claim engine counts them."""
    return (end - start).days / 365.25


def zone_ages(frame: pd.DataFrame, as_of: dt.date = REPORT_AS_OF) -> pd.DataFrame:
    """Each zone's age at ``as_of`` in years: ``min_years`` (approved on the latest possible day)
    and ``max_years`` (on the earliest)."""
    return frame.assign(
        min_years=[years_between(d, as_of) for d in frame["latest"]],
        max_years=[years_between(d, as_of) for d in frame["earliest"]],
    )


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier (28 February for a 29 February with no match)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def three_year_window(frame: pd.DataFrame, as_of: dt.date = REPORT_AS_OF, years: int = 3) -> dict:
    """The report's "近三年来" against the zones' approvals: the ``years`` calendar years up to ``as_of``.

    近三年来 is 近 + 三年 + 来, "over the recent three years": 近 means *recent* (as in 近年来, 近期), not
    *nearly*. The window runs from the same day ``years`` earlier to ``as_of``, as the claim engine
    reads it. Returns a dict: ``start``, ``end``; ``n_zones`` and ``n_inside`` (zones whose whole
    approval interval lies in the window); ``first_zone``, ``first_approved`` (as sourced),
    ``first_earliest`` (its earliest possible day); ``margin_days`` (how far inside the window that
    earliest day lies); ``last_report_date`` (the latest report date for which the first approval
    would still be inside); ``last_zone`` and ``last_approved``."""
    start = years_before(as_of, years)
    first, last = frame.iloc[0], frame.sort_values("latest").iloc[-1]
    inside = in_window(frame, start, as_of)
    return {
        "start": start,
        "end": as_of,
        "years": years,
        "n_zones": len(frame),
        "n_inside": int(inside["in_window"].sum()),
        "first_zone": first["zone_en"],
        "first_approved": str(first["approved"]),
        "first_earliest": first["earliest"],
        "margin_days": (first["earliest"] - start).days,
        "last_report_date": first["earliest"].replace(year=first["earliest"].year + years),
        "last_zone": last["zone_en"],
        "last_approved": str(last["approved"]),
    }


def in_window(frame: pd.DataFrame, start: dt.date, end: dt.date) -> pd.DataFrame:
    """The zones with ``in_window``: whether the whole approval interval lies between ``start`` and ``end``."""
    return frame.assign(in_window=[start <= a and b <= end for a, b in zip(frame["earliest"], frame["latest"])])


# --------------------------------------------------------------------------- documents
_CLAUSE = re.compile(r"[^，,；;。]+")


def clause_containing(text: str, word: str) -> str:
    """The clause of ``text`` (split at commas, semicolons and full stops) that contains ``word``."""
    for clause in _CLAUSE.findall(text):
        if word in clause:
            return clause.strip()
    raise KeyError(f"no clause of the text contains {word!r}")


def counted(text: str, noun: str) -> str:
    """A count or amount as a text writes it: ``counted(t, "条措施")`` → ``"22条措施"``, ``"个方面"`` → ``"五个方面"``,
    ``"亿元"`` → ``"2.4亿元"``."""
    m = re.search(r"[0-9.一二三四五六七八九十百]+" + re.escape(noun), text)
    if not m:
        raise KeyError(f"the text counts no {noun!r}")
    return m.group(0)


def qualified(text: str, head: str) -> str:
    """The word that qualifies ``head`` after 具有 in ``text``: ``qualified("具有国际影响力的…", "影响力")`` → ``"国际影响力"``."""
    m = re.search(r"具有([^，,的]{1,6}?" + re.escape(head) + ")", text)
    if not m:
        raise KeyError(f"the text has no 具有…{head}")
    return m.group(1)


def clauses_in(passage: str, texts: list[str], normalise=lambda t: t) -> pd.DataFrame:
    """Each clause of the report's ``passage`` and the first of ``texts`` (excerpts, in order) that carries it.

    Columns ``clause``, ``found`` (bool), ``excerpt`` (1-based position in ``texts``, 0 when none). Clauses
    and texts are compared after ``normalise`` (pass the engine's, which ignores punctuation and script)."""
    rows = []
    norm = [normalise(t) for t in texts]
    for clause in _CLAUSE.findall(passage):
        hit = next((i + 1 for i, t in enumerate(norm) if normalise(clause) in t), 0)
        rows.append({"clause": clause, "found": hit > 0, "excerpt": hit})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- provinces
#: a schematic tile layout of the 31 provincial-level regions of the mainland: name → (column, row)
TILES: dict[str, tuple[int, int]] = {
    "黑龙江": (8, 0),
    "内蒙古": (5, 1),
    "北京": (6, 1),
    "吉林": (8, 1),
    "新疆": (1, 2),
    "宁夏": (4, 2),
    "山西": (5, 2),
    "河北": (6, 2),
    "天津": (7, 2),
    "辽宁": (8, 2),
    "西藏": (1, 3),
    "青海": (2, 3),
    "甘肃": (3, 3),
    "陕西": (4, 3),
    "河南": (5, 3),
    "山东": (6, 3),
    "四川": (3, 4),
    "重庆": (4, 4),
    "湖北": (5, 4),
    "安徽": (6, 4),
    "江苏": (7, 4),
    "云南": (3, 5),
    "贵州": (4, 5),
    "湖南": (5, 5),
    "江西": (6, 5),
    "浙江": (7, 5),
    "上海": (8, 5),
    "广西": (4, 6),
    "广东": (5, 6),
    "福建": (6, 6),
    "海南": (5, 7),
}


def province_of(region_zh: str) -> str:
    """The province of a region as the report names it (深圳 → 广东; provinces map to themselves)."""
    return CITY_PROVINCE.get(region_zh, region_zh)


def province_roles(first_loans: pd.DataFrame, mechanisms: pd.DataFrame, pilot: pd.DataFrame) -> pd.DataFrame:
    """One row per province of :data:`TILES`: pilot zones it hosts, and whether the section
    reports a first relending loan or a provincial mechanism there."""
    loans = {province_of(r) for r in first_loans["region_zh"]}
    mech = {province_of(r) for r in mechanisms["region_zh"]}
    counts = pilot["province_zh"].map(province_of).value_counts()
    unknown = (loans | mech | set(counts.index)) - set(TILES)
    if unknown:
        raise KeyError(
            f"regions not on the tile map (add them to nqpf.local.TILES or CITY_PROVINCE): {sorted(unknown)}"
        )
    rows = [
        {
            "province_zh": p,
            "col": c,
            "row": r,
            "zones": int(counts.get(p, 0)),
            "first_loan": p in loans,
            "mechanism": p in mech,
        }
        for p, (c, r) in TILES.items()
    ]
    return pd.DataFrame(rows)
