"""Checks of section 三, second recommendation: the financing structure (credit, indirect finance, equity)."""

from __future__ import annotations

from ..analysis import structure
from ..evidence import Context, Evidence, NotCheckable, Registry
from ..report import REPORT_QUARTER

STRUCTURE_PERIOD = REPORT_QUARTER

CHECKS = Registry()


EQUITY_LOW_PERCENT = 5.0


MAJORITY_PERCENT = 50.0


def _tsf_table(ctx: Context):
    """The TSF stock by component, built once per engine run."""
    return ctx._get("tsf_table", lambda: structure.stock_table(ctx.official))


def bracketed_share(
    ctx: Context, components: tuple[str, ...], with_government_bonds: bool, threshold: float, above: bool
) -> tuple[structure.Share, str]:
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
        raise NotCheckable(
            f"the components at {STRUCTURE_PERIOD} were not found, and the nearest period ends disagree ({listing})"
        )
    nearest = min(shares, key=lambda s: abs((s.period_end - STRUCTURE_PERIOD).days))
    return nearest, (
        f"the components at {STRUCTURE_PERIOD} were not found on any public page; the nearest "
        f"period ends on either side give {listing} (shown: the nearer one)"
    )


@CHECKS.check("structure.credit_share")
def _credit_share(ctx: Context) -> Evidence:
    name, with_gov = structure.HEADLINE_DEFINITION
    headline, where = bracketed_share(ctx, structure.CREDIT_DEFINITIONS[name], with_gov, 80.0, True)
    others = structure.credit_shares(_tsf_table(ctx).loc[[headline.period_end]])
    alt = "; ".join(
        f"{r.label}{'' if r.with_government_bonds else ', excluding government bonds'}: {r.share_percent:.1f}%"
        for r in others.itertuples()
    )
    return Evidence(
        headline.percent,
        "%",
        f"{structure.CREDIT_LABELS[name]} as a share of the whole TSF stock "
        f"(the headline definition): {headline.percent:.1f}% at {headline.period_end}; {where}. "
        f"Other definitions at {headline.period_end}: {alt}",
        ("data/official/tsf_stock.csv",),
    )


@CHECKS.check("structure.equity_share_low", "structure.equity_share_low_direct")
def _equity_low(ctx: Context) -> Evidence:
    s, where = bracketed_share(ctx, ("equity_nonfinancial",), True, EQUITY_LOW_PERCENT, False)
    return Evidence(
        None,
        "text",
        f"non-financial firms' domestic equity is {s.percent:.1f}% of the TSF stock at "
        f"{s.period_end}; {where}; 'very low' read as under {EQUITY_LOW_PERCENT:g}%",
        ("data/official/tsf_stock.csv",),
        holds=s.percent < EQUITY_LOW_PERCENT,
    )


@CHECKS.check("structure.indirect_dominant")
def _indirect(ctx: Context) -> Evidence:
    s, where = bracketed_share(ctx, structure.CREDIT_DEFINITIONS["loan_type"], True, MAJORITY_PERCENT, True)
    return Evidence(
        None,
        "text",
        f"loan-type (indirect) financing is {s.percent:.1f}% of the TSF stock at "
        f"{s.period_end}; {where}; 'dominant' read as over {MAJORITY_PERCENT:g}%",
        ("data/official/tsf_stock.csv",),
        holds=s.percent > MAJORITY_PERCENT,
    )
