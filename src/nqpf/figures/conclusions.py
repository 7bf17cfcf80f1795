"""The figure of chapter 3-3: the verdicts counted by part of the report."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..engine import VERDICTS

VERDICT_NAMES = {
    "reproduced": "reproduced 复现",
    "within_precision": "within precision 精度内",
    "differs": "differs 不符",
    "not_checkable": "not checkable 无法核查",
}


VERDICT_COLOURS = {
    "reproduced": "#1a7f37",
    "within_precision": "#2f6fb0",
    "differs": "#c0392b",
    "not_checkable": "#9aa0a6",
}


def verdict_figure(by_part: pd.DataFrame) -> plt.Figure:
    """Horizontal stacked bars: claims per verdict in each part of the report."""
    table = by_part.drop(index="All", errors="ignore")[list(VERDICTS)]
    fig, ax = plt.subplots(figsize=(8, 3.4))
    left = pd.Series(0, index=table.index)
    labels = list(table.index)[::-1]
    for verdict in VERDICTS:
        values = table[verdict].reindex(labels)
        ax.barh(labels, values, left=left.reindex(labels), color=VERDICT_COLOURS[verdict], label=VERDICT_NAMES[verdict])
        for y, (x0, w) in enumerate(zip(left.reindex(labels), values)):
            if w:
                ax.text(x0 + w / 2, y, str(int(w)), ha="center", va="center", fontsize=8, color="white")
        left = left.add(table[verdict], fill_value=0)
    ax.set_xlabel("Claims 论断数")
    ax.legend(fontsize=8, ncol=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    ax.grid(axis="y", visible=False)
    return fig
