"""The widget of chapter 3-1: a growth assumption × horizon × group → the projected balance of
tech-firm loans against the published path.

The grid (:data:`nqpf.analysis.lending.SCENARIO_GROWTH` × :data:`~nqpf.analysis.lending.SCENARIO_HORIZONS`)
is precomputed for the static book; any other rate is one call of
:func:`nqpf.analysis.lending.constant_growth_path`.
"""

from __future__ import annotations

from .. import data
from ..analysis.lending import GROUPS, REPORT_ANCHORS, SCENARIO_GROWTH, SCENARIO_HORIZONS, panel, scenario
from ..evidence import Context
from ..figures import loans as figures
from ..figures.theme import png_bytes, set_theme
from ..report import REPORT_QUARTER
from .core import Control, Result, WidgetSpec


def spec() -> WidgetSpec:
    """The loan-growth scenario widget. Every result reads the data as they are when it is computed (the
    loaders re-read a file that changed), so a reader who edits ``data/`` in JupyterLab sees fresh numbers."""

    def compute(group: str, growth: float, horizon: str) -> Result:
        official = data.official(only=("tech_loans",))  # the chapter shows this file only
        anchors = {g: Context().reported(c).value / 1e12 for g, c in REPORT_ANCHORS.items()}
        path, published = scenario(official, anchors[group], group, growth, horizon)
        set_theme()
        history = panel(official, group)["balance"].dropna()
        fig = figures.projection_figure(
            history, REPORT_QUARTER, anchors[group], path, f"{GROUPS[group]}: {growth:g}% a year", small=True
        )
        end = path.iloc[-1]
        if published == published:
            gap = 100 * (end / published - 1)
            side = "above" if gap >= 0 else "below"
            vs = (
                f"; that is {abs(gap):.1f}% {side} the {published:.2f}万亿元 the PBOC published for that date "
                "(on a re-based register)"
            )
        else:
            vs = "; the PBOC's balance for that date was not found"
        text = (
            f"At {growth:g}% a year from the report's {anchors[group]:g}万亿元, the balance reaches {end:.2f}万亿元 "
            f"at {horizon}{vs}."
        )
        return Result(text, round(float(end), 2), png_bytes(fig))

    controls = [
        Control("group", "Firms", tuple((label, g) for g, label in GROUPS.items()), "tech_sme", kind="toggle"),
        Control("growth", "Growth a year", tuple((f"{g:g}%", g) for g in SCENARIO_GROWTH), 20.0),
        Control("horizon", "Until", tuple((h, h) for h in SCENARIO_HORIZONS), "2025-12-31", kind="toggle"),
    ]
    return WidgetSpec("loan_growth_scenario", controls, compute, title="A growth scenario for tech-firm loans")
