"""Checks of section 三, second recommendation: the financing structure (credit, indirect finance, equity).

The report's date for these claims is end-March 2024. No release of that date with the components
was found, so the shares at 2024Q1 are derived from the PBOC's release for end-March 2025, which
states each component's share and its change on a year earlier in percentage points
(:func:`nqpf.analysis.structure.year_earlier_shares`); the derivation is shown in the reason.
"""

from __future__ import annotations

import pandas as pd

from ..analysis import structure
from ..evidence import Alternative, Context, Evidence, NotCheckable, Registry
from ..report import REPORT_QUARTER
from .common import row_sources
from .credit import threshold_percent

CHECKS = Registry()


def _shares(ctx: Context) -> structure.DerivedShares:
    """The component shares at the report's quarter, derived once per engine run."""
    return ctx._get("tsf_shares_2024q1", lambda: structure.year_earlier_shares(ctx.official, REPORT_QUARTER))


def _share_evidence(ctx: Context, components: tuple[str, ...], label: str) -> tuple[float, float, str, tuple[str, ...]]:
    try:
        shares = _shares(ctx)
    except KeyError as missing:
        raise NotCheckable(f"the TSF stock's structure at {REPORT_QUARTER} cannot be derived: {missing}") from None
    with_gov = shares.percent(components)
    without = shares.percent(components, with_government_bonds=False)
    how = (
        f"{label}: {with_gov:.1f}% of the whole TSF stock at {REPORT_QUARTER} ({shares.derivation(components)}); "
        f"{without:.1f}% of the stock excluding government bonds"
    )
    rows = shares.rows_for(components, with_government_bonds=False)
    return with_gov, without, how, tuple(dict.fromkeys(s for r in rows for s in row_sources(r)))


@CHECKS.check("structure.credit_share")
def _credit_share(ctx: Context, claim: pd.Series) -> Evidence:
    name, _ = structure.HEADLINE_DEFINITION
    with_gov, without, how, sources = _share_evidence(
        ctx, structure.CREDIT_DEFINITIONS[name], structure.CREDIT_LABELS[name]
    )
    alternatives = [Alternative(f"{structure.CREDIT_LABELS[name]}, excluding government bonds", without)]
    for other in ("all_loans", "rmb_loans"):
        comps = structure.CREDIT_DEFINITIONS[other]
        alternatives += [
            Alternative(f"{structure.CREDIT_LABELS[other]}{suffix}", value)
            for suffix, value in (
                ("", _shares(ctx).percent(comps)),
                (", excluding government bonds", _shares(ctx).percent(comps, with_government_bonds=False)),
            )
        ]
    return Evidence(
        with_gov,
        "%",
        f"the headline reading, credit as a share of the whole financing stock: {how}",
        sources,
        alternatives=tuple(alternatives),
    )


@CHECKS.check("structure.equity_share_low", "structure.equity_share_low_direct")
def _equity_low(ctx: Context, claim: pd.Series) -> Evidence:
    limit = threshold_percent(claim)
    value, _, how, sources = _share_evidence(ctx, ("equity_nonfinancial",), "non-financial firms' domestic equity")
    return Evidence(None, "text", how, sources, holds=value < limit)


@CHECKS.check("structure.indirect_dominant")
def _indirect(ctx: Context, claim: pd.Series) -> Evidence:
    limit = threshold_percent(claim)
    value, _, how, sources = _share_evidence(
        ctx, structure.CREDIT_DEFINITIONS["loan_type"], "loan-type (indirect) financing"
    )
    return Evidence(None, "text", how, sources, holds=value > limit)
