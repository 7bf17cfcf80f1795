"""The figures of chapter 3-2: the composition of the financing stock and the credit share by definition."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns


def composition_figure(table: pd.DataFrame, labels: dict[str, str]) -> plt.Figure:
    """Stacked shares of the TSF stock by component at each period end with every component."""
    complete = table.dropna(subset=list(labels))
    shares = complete[list(labels)].div(complete["total"], axis=0) * 100
    other = 100 - shares.sum(axis=1)
    fig, ax = plt.subplots(figsize=(8, 4.5))
    bottom = None
    x = [str(p) for p in shares.index]
    for i, (key, text) in enumerate(labels.items()):
        ax.bar(x, shares[key], bottom=bottom, label=text, color=sns.color_palette("deep", len(labels) + 1)[i])
        bottom = shares[key] if bottom is None else bottom + shares[key]
    ax.bar(x, other, bottom=bottom, label="Other (ABS, write-offs) 其他", color="0.8")
    ax.set_ylabel("% of the TSF stock 占社会融资规模存量")
    ax.set_ylim(0, 100)
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5))
    return fig


def credit_share_figure(shares: pd.DataFrame, threshold: float = 80.0) -> plt.Figure:
    """Credit share by definition over time, with and without government bonds, and the 80% line."""
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for (label_text, with_gov), rows in shares.groupby(["label", "with_government_bonds"], sort=False):
        style = "-" if with_gov else "--"
        tag = "whole stock 全部" if with_gov else "excl. government bonds 不含政府债券"
        ax.plot(
            list(rows["period_end"]),
            rows["share_percent"],
            style,
            marker="o",
            label=f"{label_text.split(' (')[0]} / {tag}",
        )
    ax.axhline(threshold, color="C3", linewidth=1.5)
    ax.annotate(
        "the report: 80%以上",
        xy=(1.0, threshold),
        xycoords=("axes fraction", "data"),
        xytext=(-4, -12),
        textcoords="offset points",
        ha="right",
        color="C3",
        fontsize=9,
    )
    ax.set_ylabel("Credit share 信贷占比 (%)")
    ax.set_ylim(55, 100)
    ax.legend(fontsize=7, loc="upper left", ncol=2, bbox_to_anchor=(0, -0.12))
    return fig
