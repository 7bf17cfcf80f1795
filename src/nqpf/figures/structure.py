"""The figures of chapter 3-2: the composition of the financing stock and the credit share by definition.

Dates sit on a time axis; lines join consecutive quarters only and break where the data stop
(:func:`nqpf.figures.theme.with_gaps`); the report's date is marked.
"""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from .theme import with_gaps


def composition_figure(shares: pd.DataFrame, labels: dict[str, str], report_date: dt.date) -> plt.Figure:
    """Stacked shares of the TSF stock by component at each period end (``shares``: one row per period end,
    one column per component, in percent; ``how`` says whether a row is derived), on a time axis."""
    fig, ax = plt.subplots(figsize=(8, 4.6))
    palette = sns.color_palette("deep", len(labels) + 1)
    bottom = pd.Series(0.0, index=shares.index)
    width = 55  # days
    for i, (key, text) in enumerate(labels.items()):
        ax.bar(list(shares.index), shares[key], width=width, bottom=bottom, label=text, color=palette[i])
        bottom = bottom + shares[key]
    ax.bar(
        list(shares.index), 100 - bottom, width=width, bottom=bottom, label="Other (ABS, write-offs) 其他", color="0.8"
    )
    for d, how in zip(shares.index, shares["how"]):
        if how == "derived":
            ax.annotate("derived 推算", (mdates.date2num(d), 101), ha="center", fontsize=8, color="0.3")
    ax.axvline(report_date, color="0.4", ls=":", lw=1)
    ax.set_ylabel("% of the TSF stock 占社会融资规模存量")
    ax.set_ylim(0, 106)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=3, frameon=False)
    fig.tight_layout()
    return fig


def credit_share_figure(shares: pd.DataFrame, report_date: dt.date, threshold: float = 80.0) -> plt.Figure:
    """Credit share by definition over time, with (solid) and without (dashed) government bonds; derived
    points hollow; the report's 80% as a line."""
    fig, ax = plt.subplots(figsize=(8, 5))
    for i, ((label_text, with_gov), rows) in enumerate(shares.groupby(["label", "with_government_bonds"], sort=False)):
        rows = rows.sort_values("period_end")
        colour = f"C{i // 2}"
        dates, values = with_gaps(list(rows["period_end"]), list(rows["share_percent"]))
        ax.plot(
            dates,
            values,
            "-" if with_gov else "--",
            color=colour,
            lw=1.6,
            label=f"{label_text.split(' (')[0]} / {'whole stock 全部' if with_gov else 'excl. government bonds 不含政府债券'}",
        )
        for d, v, how in zip(rows["period_end"], rows["share_percent"], rows["how"]):
            ax.plot([d], [v], "o", color=colour, mfc="white" if how == "derived" else colour, ms=6)
    ax.axhline(threshold, color="C3", linewidth=1.5)
    ax.annotate(
        "the report: 80%以上",
        xy=(1.0, threshold),
        xycoords=("axes fraction", "data"),
        xytext=(-4, 4),
        textcoords="offset points",
        ha="right",
        color="C3",
        fontsize=10,
    )
    ax.axvline(report_date, color="0.4", ls=":", lw=1)
    ax.annotate(" the report's date 报告时点", (mdates.date2num(report_date), 56), fontsize=9, color="0.3")
    ax.set_ylabel("Credit share 信贷占比 (%)")
    ax.set_ylim(55, 100)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.legend(fontsize=8, loc="upper center", ncol=2, bbox_to_anchor=(0.5, -0.08), frameon=False)
    fig.tight_layout()
    return fig
