"""The claim engine: one verdict per claim, for the notebooks, the book, the CLI and the tests.

A claim (a row of ``data/report/claims.csv``) is checked by the function registered for its ``id``
in :data:`nqpf.checks.REGISTRY`. The function recomputes the claim from ``data/`` and returns
:class:`~nqpf.evidence.Evidence`; the engine compares it with the interval the report's wording
allows (:func:`nqpf.quantities.parse_quantity`) and gives one verdict, which always says what it
rests on (its ``basis``) and cites its sources:

``reproduced``
    a source outside the report agrees: the number as written, the same words, or a qualitative
    statement that holds under the stated reading;
``within_precision``
    a source outside the report gives a number inside the interval the wording allows
    (``5000/0.6 = 8333.3`` is ``8300多亿元``);
``definition_dependent``
    under the headline definition the claim fails, but it holds under another definition the
    sources allow (which one is said);
``differs``
    a source outside the report gives a number outside the interval (the signed gap is reported), a
    qualitative statement fails, or a document's wording differs from the report's;
``consistent_report_only`` / ``inconsistent_report_only``
    the check rests only on the report's own text and tables, which agree (or disagree) with each
    other: never "reproduced";
``not_checkable``
    no public figure or document in ``data/`` settles it; the reason says what was looked for.

A claim computed from other claims' numbers (basis ``arithmetic``) counts as outside evidence only
when every input is itself checked against a source; otherwise its verdict is report-only.

The verdicts' names and the functions of a finished scorecard (sorting, counts, exports, changes between
releases) are in :mod:`nqpf.verdicts`, re-exported here.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict, dataclass

import pandas as pd

from . import data
from .checks import REGISTRY
from .evidence import Context, Evidence, NotCheckable, Registry
from .quantities import UNITS, Quantity, parse_quantity, to_base
from .verdicts import (  # noqa: F401 - re-exported for the book, the CLI and the tests
    EXPORT_COLUMNS,
    REPORT_VERDICTS,
    SOURCE_VERDICTS,
    VERDICTS,
    by_importance,
    changes,
    flat,
    records,
    source_share,
    verdict_counts,
)

#: the register's ``check`` column: ``code`` runs the registered check, ``none`` means not checkable
CHECK_KINDS = ("code", "none")


@dataclass(frozen=True)
class Verdict:
    """The engine's finding on one claim."""

    id: str
    section: str
    quote_zh: str
    statement_en: str
    reported: str
    low: float | str | None
    high: float | str | None
    low_closed: bool
    high_closed: bool
    unit: str
    replicated: float | str | None
    verdict: str
    basis: str
    gap: float | None
    reason: str
    notebook: str
    sources: tuple[dict, ...] = ()
    inputs: tuple[str, ...] = ()
    threshold: str = ""
    alternatives: tuple[dict, ...] = ()
    conflicts: tuple[str, ...] = ()
    wording: tuple[str, str] | None = None

    def as_dict(self) -> dict:
        out = asdict(self)
        out["sources"] = [dict(s) for s in self.sources]
        out["inputs"] = list(self.inputs)
        out["alternatives"] = [dict(a) for a in self.alternatives]
        out["conflicts"] = list(self.conflicts)
        out["wording"] = list(self.wording) if self.wording else None
        return out

    @property
    def best_tier(self) -> str:
        """The most authoritative tier among the sources (empty when there are none)."""
        return data.best_tier(self.sources)


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


def data_dimension(unit: str) -> str:
    return "date" if unit == "date" else UNITS[unit][0]


def _as_base(evidence_value, evidence_unit: str, claim_id: str, quantity: Quantity) -> float:
    if isinstance(evidence_value, dt.date):
        return float(evidence_value.toordinal())
    if evidence_value is None:
        raise ValueError(f"check of {claim_id} returned no value")
    if data_dimension(evidence_unit) != quantity.dimension:
        raise ValueError(
            f"check of {claim_id} returned {evidence_unit}, the claim is in {quantity.unit} ({quantity.dimension})"
        )
    return to_base(float(evidence_value), evidence_unit)


def judge(claim: pd.Series, evidence: Evidence) -> tuple[str, float | None, str, float | str | None]:
    """Compare evidence with a claim's reported quantity: (outcome, gap, reason, replicated), where the
    outcome is ``reproduced``, ``within_precision`` or ``differs`` (before the basis is taken into account)."""
    if evidence.holds is not None:
        shown = (
            evidence.value if isinstance(evidence.value, float) else ("holds" if evidence.holds else "does not hold")
        )
        if evidence.holds:
            return ("within_precision" if evidence.approximate else "reproduced"), None, evidence.how, shown
        return "differs", None, evidence.how, shown
    quantity = parse_quantity(claim["reported"])
    x = _as_base(evidence.value, evidence.unit, claim["id"], quantity)
    scale = _display_scale(claim["unit"], quantity)
    shown: float | str = evidence.value.isoformat() if isinstance(evidence.value, dt.date) else round(x / scale, 6)
    single_day = quantity.dimension != "date" or quantity.high - quantity.low <= 1
    exact = quantity.is_exact and single_day and math.isclose(x, quantity.value, rel_tol=1e-9, abs_tol=1e-9)
    same_words = evidence.as_written is not None and data.squeeze(evidence.as_written) == data.squeeze(
        claim["reported"]
    )
    gap = (x - quantity.value) / scale if quantity.dimension != "date" else x - quantity.value
    if exact or same_words:
        return "reproduced", 0.0, evidence.how, shown
    if quantity.contains(x):
        return "within_precision", gap, f"{evidence.how}; inside the range the wording allows", shown
    unit = {"date": "days", "share": "percentage points"}.get(quantity.dimension, claim["unit"])
    lo = _bound(quantity.low, scale, quantity.dimension)
    hi = _bound(quantity.high, scale, quantity.dimension)
    bracket = "[" if quantity.low_closed else "("
    return (
        "differs",
        gap,
        f"{evidence.how}; outside the range the wording allows {bracket}{lo}, {hi if hi is not None else '∞'}], "
        f"off by {_fmt(gap)} {unit}",
        shown,
    )


def _alternatives(claim: pd.Series, evidence: Evidence) -> tuple[dict, ...]:
    if not evidence.alternatives:
        return ()
    quantity = parse_quantity(claim["reported"])
    scale = _display_scale(claim["unit"], quantity)
    out = []
    for alt in evidence.alternatives:
        x = to_base(float(alt.value), evidence.unit)
        out.append({"label": alt.label, "value": round(x / scale, 6), "holds": bool(quantity.contains(x))})
    return tuple(out)


def _sources(ids, context: Context) -> tuple[dict, ...]:
    out, seen = [], set()
    for source_id in ids:
        if source_id in seen:
            continue
        seen.add(source_id)
        s = context.source(source_id)
        out.append(
            {
                "id": source_id,
                "url": s["url"],
                "publisher": s["publisher"],
                "tier": s["tier"],
                "attribution": s["attribution"] or "",
                "language": s["language"],
                "title": s["title"],
            }
        )
    return tuple(sorted(out, key=lambda s: context.rank(s["id"])))


def _threshold(claim: pd.Series) -> str:
    text = claim.get("threshold") or ""
    why = claim.get("threshold_why") or ""
    return f"{text} ({why})" if text and why else text


def evaluate(claim: pd.Series, context: Context | None = None, registry: Registry = REGISTRY) -> Verdict:
    """The verdict on one claim (a row of the claim register)."""
    context = context or Context()
    if claim["id"] in context.verdicts:
        return context.verdicts[claim["id"]]
    base = {
        "id": claim["id"],
        "section": claim["section"],
        "quote_zh": claim["quote_zh"],
        "statement_en": claim["statement_en"],
        "reported": claim["reported"],
        "unit": claim["unit"],
        "notebook": claim["notebook"],
        "threshold": _threshold(claim),
    }
    low = high = None
    low_closed, high_closed = True, False
    if claim["unit"] != "text":
        quantity = parse_quantity(claim["reported"])
        scale = _display_scale(claim["unit"], quantity)
        low = _bound(quantity.low, scale, quantity.dimension)
        high = _bound(quantity.high, scale, quantity.dimension)
        low_closed, high_closed = quantity.low_closed, quantity.high_closed
    base.update(low=low, high=high, low_closed=low_closed, high_closed=high_closed)
    verdict = _evaluate(claim, context, registry, base)
    context.verdicts[claim["id"]] = verdict
    return verdict


def _not_checkable(base: dict, basis: str, reason: str) -> Verdict:
    return Verdict(**base, replicated=None, verdict="not_checkable", basis=basis, gap=None, reason=reason)


def _evaluate(claim: pd.Series, context: Context, registry: Registry, base: dict) -> Verdict:
    basis = claim["basis"]
    if claim["check"] == "none":
        return _not_checkable(base, basis, claim["check_note"])
    fn = registry.get(claim["id"])
    if fn is None:
        raise KeyError(f"claim {claim['id']} has check 'code' but no check is registered for it in nqpf.checks")
    try:
        evidence = fn(context, claim)
    except NotCheckable as reason:
        return _not_checkable(base, basis, str(reason))
    outcome, gap, reason, shown = judge(claim, evidence)
    basis, inputs, sources = evidence.basis, evidence.inputs, tuple(evidence.sources)
    if basis == "arithmetic":
        verdicts = [evaluate(context.claim(i), context, registry) for i in inputs]
        unsourced = [
            v.id for v in verdicts if v.basis != "source" or v.verdict not in ("reproduced", "within_precision")
        ]
        if unsourced:
            basis = "report"
            reason += f"; the inputs {', '.join(unsourced)} are not confirmed by an outside source"
        else:
            sources = tuple(s["id"] for v in verdicts for s in v.sources) + sources
    if basis == "report":
        verdict = "inconsistent_report_only" if outcome == "differs" else "consistent_report_only"
        resolved = _sources([s for s in sources if s in context.sources.index], context)
    else:
        resolved = _sources(sources, context)
        if not any(s["url"] for s in resolved):
            raise ValueError(f"check of {claim['id']} rests on a source but cites no page (data/sources.csv)")
        verdict = outcome
    alternatives = _alternatives(claim, evidence)
    if verdict == "differs" and any(a["holds"] for a in alternatives):
        verdict = "definition_dependent"
        holding = "; ".join(
            f"{a['label']}: {a['value']:.1f}{'%' if claim['unit'] == '%' else ' ' + claim['unit']}"
            for a in alternatives
            if a["holds"]
        )
        reason += f"; it holds under another definition the sources allow ({holding})"
    if evidence.conflicts:
        reason += "; the sources disagree: " + "; ".join(evidence.conflicts)
    return Verdict(
        **base,
        replicated=shown,
        verdict=verdict,
        basis=basis,
        gap=gap,
        reason=reason,
        sources=resolved,
        inputs=tuple(inputs),
        alternatives=alternatives,
        conflicts=tuple(evidence.conflicts),
        wording=evidence.wording,
    )


def scorecard(context: Context | None = None, notebook: str | None = None) -> pd.DataFrame:
    """Every claim with its verdict, in the register's order (only one chapter's claims with ``notebook``)."""
    context = context or Context()
    claims = context.claims
    if notebook is not None:
        claims = claims[claims["notebook"] == notebook]
    rows = [evaluate(claim, context).as_dict() for _, claim in claims.iterrows()]
    frame = pd.DataFrame(rows, columns=list(Verdict.__dataclass_fields__))
    frame["verdict"] = pd.Categorical(frame["verdict"], categories=VERDICTS)
    return frame


def verdict_of(claim_id: str, context: Context | None = None) -> Verdict:
    """The verdict on one claim, by id."""
    context = context or Context()
    return evaluate(context.claim(claim_id), context)


def check_register(context: Context | None = None, registry: Registry = REGISTRY) -> list[str]:
    """What is wrong between the register and the checks: a claim with check ``code`` but no registered
    check, or a registered check for a claim the register does not have. Empty when they agree."""
    context = context or Context()
    ids = set(context.claims["id"])
    problems = [
        f"data/report/claims.csv, line {line}, column 'check': claim {cid} has check 'code' but no check "
        "is registered for it in nqpf.checks"
        for line, cid, kind in zip(context.claims["_line"], context.claims["id"], context.claims["check"])
        if kind == "code" and cid not in registry
    ]
    problems += [
        f"nqpf.checks registers a check for {cid}, which data/report/claims.csv does not have"
        for cid in sorted(set(registry) - ids)
    ]
    return problems
