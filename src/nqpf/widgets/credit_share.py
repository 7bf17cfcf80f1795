"""The widget of chapter 3-2: which components count as credit, and whether government bonds are
in the denominator, at every period end whose components were found → the share and whether
80%以上 holds."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import data
from ..analysis.structure import CREDIT_DEFINITIONS, CREDIT_LABELS, HEADLINE_DEFINITION, Share, share, stock_table
from .core import Control, Result, WidgetSpec


# --------------------------------------------------------------------------- the widget
def share_sentence(s: Share, definition: str, threshold: float = 80.0) -> str:
    """One sentence: the share, and whether the report's "80%以上" holds under this definition."""
    scope = "the whole TSF stock" if s.with_government_bonds else "the TSF stock excluding government bonds"
    verdict = "the claim holds" if s.percent >= threshold else "the claim does not hold"
    return (
        f"{CREDIT_LABELS[definition]} are {s.percent:.1f}% of {scope} at {s.period_end}: "
        f"{verdict} under this definition (80%以上 needs at least {threshold:g}%)."
    )


def spec() -> WidgetSpec:
    """The credit-share widget, built from the data as they are now."""
    table = stock_table(data.official())
    periods = [p for p in table.index if not pd.isna(table.loc[p, "rmb_loans"])]
    if not periods:
        raise ValueError("no period end in data/official/tsf_stock.csv has RMB loans")

    def compute(definition: str, with_government_bonds: bool, period: str) -> Result:
        s = share(table, dt.date.fromisoformat(period), CREDIT_DEFINITIONS[definition], with_government_bonds)
        return Result(share_sentence(s, definition), round(s.percent, 1))

    controls = [
        Control(
            "definition",
            "Credit means",
            tuple((CREDIT_LABELS[k], k) for k in CREDIT_DEFINITIONS),
            HEADLINE_DEFINITION[0],
        ),
        Control(
            "with_government_bonds",
            "Government bonds in the denominator",
            (("yes", True), ("no", False)),
            True,
            kind="toggle",
        ),
        Control("period", "Period end", tuple((str(p), str(p)) for p in periods), str(periods[-1])),
    ]
    return WidgetSpec("credit_share", controls, compute, title="Is credit 80%以上 of the financing structure?")
