"""The figure of chapter 3-3: the verdicts of the whole register counted by part of the report."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..engine import VERDICTS

#: one colour per verdict: the badges' colours (``--nqpf-v-*`` of nqpf.css, light theme), except a light grey for
#: "not checkable" so that it stands apart from "consistent (report only)" beside it
VERDICT_COLOURS = {
    "differs": "#a4261c",
    "definition_dependent": "#8a4b00",
    "inconsistent_report_only": "#7a2e6e",
    "within_precision": "#1f5fa8",
    "reproduced": "#17692e",
    "consistent_report_only": "#5b5f66",
    "not_checkable": "#c4c7c5",
}
#: the colour of the counts written on the bars (white unless the bar is light)
TEXT_COLOURS = {"not_checkable": "#202124"}


def verdict_figure(by_part: pd.DataFrame, names: dict[str, str]) -> plt.Figure:
    """Horizontal stacked bars: claims per verdict in each part of the report, the report's order from the top.

    ``by_part`` is :func:`nqpf.book.summary.verdict_by_part` (its ``All`` row is left out); ``names`` maps each
    verdict to its legend label (the book's labels, so the figure and the badges say the same). A verdict no
    claim has is left out of the legend."""
    table = by_part.drop(index="All", errors="ignore")[list(VERDICTS)]
    shown = [v for v in VERDICTS if table[v].sum() > 0]
    labels = list(table.index)[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(labels) + 1.6))
    left = pd.Series(0.0, index=labels)
    for verdict in shown:
        values = table[verdict].reindex(labels).astype(float)
        ax.barh(labels, values, left=left, color=VERDICT_COLOURS[verdict], label=names[verdict])
        for y, (x0, w) in enumerate(zip(left, values)):
            if w:
                ax.text(
                    x0 + w / 2,
                    y,
                    f"{w:.0f}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color=TEXT_COLOURS.get(verdict, "white"),
                )
        left = left + values
    ax.set_xlabel("Claims 论断数")
    ax.legend(fontsize=8, ncol=min(len(shown), 3), loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    ax.grid(axis="y", visible=False)
    return fig
