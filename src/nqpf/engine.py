"""The claim engine: one verdict per claim, for the notebooks, the book, the CLI and the tests.

A claim (a row of ``data/report/claims.csv``) is checked by the function registered for its
``id`` in :data:`nqpf.checks.REGISTRY`. The function recomputes the number from ``data/`` and
returns :class:`~nqpf.evidence.Evidence`; the engine compares it with the interval the report's
wording allows (:func:`nqpf.quantities.parse_quantity`) and gives one of four verdicts:

``reproduced``
    the recomputed value equals the number as written (or a qualitative claim holds);
``within_precision``
    it differs from the written number but lies inside the interval the wording allows
    (``5000/0.6 = 8333.3`` is ``8300多亿元``);
``differs``
    it lies outside; the signed gap to the written number is reported;
``not_checkable``
    no public figure or document in ``data/`` can settle it; the reason is reported.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from . import data
from .checks import REGISTRY
from .evidence import Context, Evidence, NotCheckable, Registry
from .quantities import UNITS, Quantity, parse_quantity, to_base

VERDICTS = ("reproduced", "within_precision", "differs", "not_checkable")


@dataclass(frozen=True)
class Verdict:
    """The engine's finding on one claim."""

    id: str
    section: str
    quote_zh: str
    reported: str
    low: float | str | None
    high: float | str | None
    unit: str
    replicated: float | str | None
    verdict: str
    gap: float | None
    reason: str
    notebook: str
    check: str
    sources: str

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _display_scale(claim_unit: str, quantity: Quantity) -> float:
    if claim_unit in UNITS and UNITS[claim_unit][0] == quantity.dimension:
        return UNITS[claim_unit][2]
    return quantity.scale


def _bound(x: float, scale: float, dimension: str) -> float | str | None:
    if x is None or (isinstance(x, float) and math.isinf(x)):
        return None
    if dimension == "date":
        return dt.date.fromordinal(int(x)).isoformat()
    return round(x / scale, 10)


def _fmt(x: float) -> str:
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def judge(claim: pd.Series, evidence: Evidence) -> tuple[str, float | None, str, float | str | None]:
    """Compare evidence with a claim's reported quantity: (verdict, gap, reason, replicated)."""
    if evidence.holds is not None:
        shown = (
            evidence.value if isinstance(evidence.value, float) else ("holds" if evidence.holds else "does not hold")
        )
        return "reproduced" if evidence.holds else "differs", None, evidence.how, shown
    quantity = parse_quantity(claim["reported"])
    if isinstance(evidence.value, dt.date):
        x = float(evidence.value.toordinal())
        shown: float | str = evidence.value.isoformat()
    else:
        if evidence.value is None:
            raise ValueError(f"check of {claim['id']} returned no value")
        if data_dimension(evidence.unit) != quantity.dimension:
            raise ValueError(
                f"check of {claim['id']} returned {evidence.unit}, "
                f"the claim is in {quantity.unit} ({quantity.dimension})"
            )
        x = to_base(float(evidence.value), evidence.unit)
        shown = None
    scale = _display_scale(claim["unit"], quantity)
    if shown is None:
        shown = round(x / scale, 6)
    single_day = quantity.dimension != "date" or quantity.high - quantity.low <= 1
    exact = quantity.is_exact and single_day and math.isclose(x, quantity.value, rel_tol=1e-9, abs_tol=1e-9)
    same_words = evidence.as_written is not None and data.squeeze(evidence.as_written) == data.squeeze(
        claim["reported"]
    )
    if exact or same_words:
        return "reproduced", 0.0, evidence.how, shown
    if quantity.contains(x):
        return (
            "within_precision",
            (x - quantity.value) / scale if quantity.dimension != "date" else x - quantity.value,
            f"{evidence.how}; inside the range the wording allows",
            shown,
        )
    gap = (x - quantity.value) / scale if quantity.dimension != "date" else x - quantity.value
    unit = claim["unit"] if quantity.dimension != "date" else "days"
    lo = _bound(quantity.low, scale, quantity.dimension)
    hi = _bound(quantity.high, scale, quantity.dimension)
    return (
        "differs",
        gap,
        (
            f"{evidence.how}; outside the range the wording allows "
            f"[{lo}, {hi if hi is not None else '∞'}], off by {_fmt(gap)} {unit}"
        ),
        shown,
    )


def data_dimension(unit: str) -> str:
    return "date" if unit == "date" else UNITS[unit][0]


def evaluate(claim: pd.Series, context: Context | None = None, registry: Registry = REGISTRY) -> Verdict:
    """The verdict on one claim (a row of the claim register)."""
    context = context or Context()
    base = {
        "id": claim["id"],
        "section": claim["section"],
        "quote_zh": claim["quote_zh"],
        "reported": claim["reported"],
        "unit": claim["unit"],
        "notebook": claim["notebook"],
        "check": claim["check"],
    }
    low = high = None
    if claim["unit"] != "text":
        quantity = parse_quantity(claim["reported"])
        scale = _display_scale(claim["unit"], quantity)
        low = _bound(quantity.low, scale, quantity.dimension)
        high = _bound(quantity.high, scale, quantity.dimension)
    base.update(low=low, high=high)
    if claim["check"] == "not_checkable":
        return Verdict(
            **base, replicated=None, verdict="not_checkable", gap=None, reason=claim["check_note"], sources=""
        )
    fn = registry.get(claim["id"])
    if fn is None:
        return Verdict(
            **base,
            replicated=None,
            verdict="not_checkable",
            gap=None,
            reason="no check has been written for this claim yet",
            sources="",
        )
    try:
        evidence = fn(context)
    except NotCheckable as reason:
        return Verdict(**base, replicated=None, verdict="not_checkable", gap=None, reason=str(reason), sources="")
    verdict, gap, reason, shown = judge(claim, evidence)
    return Verdict(
        **base, replicated=shown, verdict=verdict, gap=gap, reason=reason, sources="; ".join(evidence.sources)
    )


def scorecard(context: Context | None = None) -> pd.DataFrame:
    """Every claim with its verdict, in the register's order."""
    context = context or Context()
    rows = [evaluate(claim, context).as_dict() for _, claim in context.claims.iterrows()]
    frame = pd.DataFrame(rows)
    frame["verdict"] = pd.Categorical(frame["verdict"], categories=VERDICTS)
    return frame


def verdict_counts(card: pd.DataFrame) -> dict[str, int]:
    """How many claims got each verdict (all four keys always present)."""
    counts = card["verdict"].value_counts()
    return {v: int(counts.get(v, 0)) for v in VERDICTS}


def verdict_of(claim_id: str, context: Context | None = None) -> Verdict:
    """The verdict on one claim, by id."""
    context = context or Context()
    return evaluate(context.claim(claim_id), context)
