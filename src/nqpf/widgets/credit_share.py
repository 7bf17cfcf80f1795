"""The widget of chapter 3-2: which components count as credit, and whether government bonds are in the
denominator, at every period end whose shares the data give (the report's end-March 2024 derived from the
release a year later) → the share and whether 80%以上 holds under that definition."""

from __future__ import annotations

import math

import pandas as pd

from .. import data
from ..analysis.structure import CREDIT_DEFINITIONS, CREDIT_LABELS, HEADLINE_DEFINITION, all_credit_shares
from ..report import REPORT_QUARTER
from .core import Control, Result, WidgetSpec

THRESHOLD = 80.0


def share_sentence(
    percent: float, definition: str, with_government_bonds: bool, period: str, how: str, threshold: float = THRESHOLD
) -> str:
    """One sentence: the share, and whether the report's "80%以上" holds under this definition."""
    scope = "the whole TSF stock" if with_government_bonds else "the TSF stock excluding government bonds"
    derived = " (derived from the release a year later)" if how == "derived" else ""
    verdict = "at least" if percent >= threshold else "below"
    return (
        f"{CREDIT_LABELS[definition]} are {percent:.1f}% of {scope} at {period}{derived}: {verdict} the "
        f"{threshold:g}% that 80%以上 needs."
    )


def compute_share(shares: pd.DataFrame, definition: str, with_government_bonds: bool, period: str) -> Result:
    """The credit share for one setting (any definition, either denominator, any period end the data give)."""
    if definition not in CREDIT_DEFINITIONS:
        raise ValueError(f"credit must mean one of {', '.join(CREDIT_DEFINITIONS)}, got {definition!r}")
    if not isinstance(with_government_bonds, bool):
        raise ValueError(f"'government bonds in the denominator' is yes or no, got {with_government_bonds!r}")
    rows = shares[
        (shares["period_end"].astype(str) == str(period))
        & (shares["definition"] == definition)
        & (shares["with_government_bonds"] == with_government_bonds)
    ]
    if rows.empty:
        raise ValueError(
            f"the data give no share for {CREDIT_LABELS[definition]} at {period}: a component is missing "
            "at that period end"
        )
    row = rows.iloc[0]
    if not math.isfinite(row["share_percent"]):
        raise ValueError("the share could not be computed")
    text = share_sentence(row["share_percent"], definition, with_government_bonds, str(period), row["how"])
    return Result(text, round(float(row["share_percent"]), 1))


def spec() -> WidgetSpec:
    """The credit-share widget, built from the data as they are now (periods where every definition can be
    answered with and without government bonds)."""
    shares = all_credit_shares(data.official(only=("tsf_stock",)), REPORT_QUARTER)
    complete = shares.groupby("period_end").size()
    periods = [p for p, n in complete.items() if n == 2 * len(CREDIT_DEFINITIONS)]
    if not periods:
        raise ValueError("no period end in data/official/tsf_stock.csv has every component")
    default = REPORT_QUARTER if REPORT_QUARTER in periods else periods[-1]

    def compute(definition: str, with_government_bonds: bool, period: str) -> Result:
        return compute_share(
            all_credit_shares(data.official(only=("tsf_stock",)), REPORT_QUARTER),
            definition,
            with_government_bonds,
            period,
        )

    labels = {p: f"{p} (derived)" if p == REPORT_QUARTER else str(p) for p in periods}
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
        Control("period", "Period end", tuple((labels[p], str(p)) for p in periods), str(default)),
    ]
    return WidgetSpec("credit_share", controls, compute, title="Is credit 80%以上 of the financing structure?")
