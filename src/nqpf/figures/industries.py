"""The figure of chapter 1-2: the crosswalk of the report's three industry lists, as a heatmap."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns


def crosswalk_figure(matrix: pd.DataFrame, notes: pd.DataFrame) -> plt.Figure:
    """A seaborn heatmap of :func:`presence`, each filled cell annotated with the list's own name."""
    fig, ax = plt.subplots(figsize=(8, 5))
    sns.heatmap(
        matrix,
        ax=ax,
        cmap=sns.light_palette("#2f6fb0", as_cmap=True),
        vmin=0,
        vmax=1.6,
        cbar=False,
        annot=notes,
        fmt="",
        annot_kws={"fontsize": 5.5},
        linewidths=0.5,
        linecolor="white",
        yticklabels=True,
    )
    ax.set_xticklabels([_two_lines(t.get_text()) for t in ax.get_xticklabels()], rotation=0, fontsize=7)
    ax.xaxis.tick_top()
    ax.tick_params(axis="y", labelsize=6, length=0)
    ax.tick_params(axis="x", length=0)
    ax.set_ylabel("")
    return fig


def _two_lines(label: str) -> str:
    head, _, rest = label.partition(" ")
    words = label.split(" ")
    half = (len(words) + 1) // 2
    return " ".join(words[:half]) + "\n" + " ".join(words[half:]) if rest else head
