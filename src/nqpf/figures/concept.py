"""The figures of chapter 1-1: the term's timeline on a (broken) time axis and the diagram of its
definition, drawn in place of the report's 图表1."""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ..analysis.timeline import KIND_COLOURS, KIND_LABELS, axis_panels, concept_boxes, label_levels


def timeline_figure(table: pd.DataFrame, report_date: dt.date | None = None, max_gap_days: int = 180) -> plt.Figure:
    """The events of :func:`~nqpf.analysis.timeline.timeline_table` on a time axis, coloured by who acted.

    The axis is broken wherever more than ``max_gap_days`` pass without an event
    (:func:`~nqpf.analysis.timeline.axis_panels`): an event far from the rest (the 2018 NBS classification,
    the December 2022 conference) gets a narrow panel of its own. ``report_date`` is marked with a dashed line.
    """
    events = table.drop_duplicates("event").sort_values("date", kind="stable")
    runs = axis_panels(events["date"], max_gap_days)
    spans = [max((run[-1] - run[0]).days, 1) for run in runs]
    widths = [1.25 if len(run) == 1 else max(1.25, span / 55) for run, span in zip(runs, spans)]
    fig, axes = plt.subplots(
        1, len(runs), figsize=(9, 5.2), sharey=True, gridspec_kw={"width_ratios": widths, "wspace": 0.05}
    )
    axes = list(axes) if len(runs) > 1 else [axes]
    used: list[float] = []
    alone = 0
    for ax, run in zip(axes, runs):
        rows = events[events["date"].isin(run)]
        first, last = run[0], run[-1]
        if report_date is not None and ax is axes[-1]:
            last = max(last, report_date)
        pad = 45 if len(run) == 1 else 25
        ax.set_xlim(first - dt.timedelta(days=pad), last + dt.timedelta(days=pad))
        ax.set_facecolor("none")  # labels may reach into the neighbouring panel
        ax.axhline(0, color="0.3", linewidth=1.2)
        if len(run) == 1:  # a panel of its own: alternate above and below the axis
            levels = [1.0 if alone % 2 == 0 else -1.0] * len(rows)
            alone += 1
        else:
            levels = label_levels(rows["date"])
        used += levels
        for (_, r), level in zip(rows.iterrows(), levels):
            colour = KIND_COLOURS[r["kind"]]
            ax.vlines(r["date"], 0, level, color=colour, linewidth=1)
            ax.plot([r["date"]], [0], "o", color=colour, markersize=6, zorder=3)
            ax.annotate(
                f"{_wrap(r['label_en'], 20)}\n{r['label_zh']}\n{r['date'].isoformat()}",
                (r["date"], level),
                ha="center",
                va="bottom" if level > 0 else "top",
                fontsize=6.5,
                linespacing=1.1,
                zorder=4,
                xytext=(0, 2 if level > 0 else -2),
                textcoords="offset points",
                bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": colour, "lw": 0.8},
            )
        ax.grid(False)
        ax.set_yticks([])
        ax.tick_params(axis="x", labelsize=8)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        if len(run) == 1:
            ax.set_xticks([run[0]])
        else:
            ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)
    for i, ax in enumerate(axes):  # the break marks on the time axis
        for x, show in ((0, i > 0), (1, i < len(axes) - 1)):
            if show:
                ax.plot(
                    [x],
                    [0],
                    marker=[(-1, -3), (1, 3)],
                    markersize=10,
                    color="0.3",
                    transform=ax.get_yaxis_transform(),
                    clip_on=False,
                )
    top = max([*used, 0]) + 2.1
    axes[0].set_ylim(min([*used, 0]) - 1.6, top)
    if report_date is not None:
        ax = axes[-1]
        ax.axvline(report_date, color="0.35", linestyle="--", linewidth=1)
        ax.annotate(
            f"Report's date 报告时点 {report_date.isoformat()}",
            (report_date, top),
            ha="right",
            va="top",
            fontsize=7,
            color="0.25",
            xytext=(-3, -2),
            textcoords="offset points",
        )
    handles = [
        plt.Line2D([], [], marker="o", linestyle="", color=c, label=KIND_LABELS[k])
        for k, c in KIND_COLOURS.items()
        if k in set(events["kind"])
    ]
    fig.legend(
        handles=handles, loc="lower center", ncol=len(handles), fontsize=8, frameon=False, bbox_to_anchor=(0.5, -0.02)
    )
    fig.suptitle("新质生产力: from a word to a policy programme 从提出到部署", fontsize=11, fontweight="bold")
    return fig


def _wrap(text: str, width: int) -> str:
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*out, line])


def concept_figure(components: pd.DataFrame) -> plt.Figure:
    """Boxes and arrows: the three factors, their optimal combination, and TFP as the core mark."""
    boxes, arrows = concept_boxes(components)
    fig, ax = plt.subplots(figsize=(8, 4.4))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.axis("off")
    colours = {"component.combination": "#fdebd0", "component.tfp": "#d5f5e3"}
    widths = {"component.combination": 0.27, "component.tfp": 0.27}
    height = 0.2
    for b in boxes.itertuples():
        width = widths.get(b.id, 0.3)
        ax.add_patch(
            FancyBboxPatch(
                (b.x - width / 2, b.y - height / 2),
                width,
                height,
                boxstyle="round,pad=0.01,rounding_size=0.02",
                lw=1.1,
                ec="0.35",
                fc=colours.get(b.id, "#eaf2f8"),
            )
        )
        ax.text(
            b.x,
            b.y + 0.05,
            f"{b.term_zh}\n{_wrap(b.term_en.split(' (')[0], 26)}",
            ha="center",
            va="center",
            fontsize=8,
            fontweight="bold",
            linespacing=1.15,
        )
        ax.text(b.x, b.y - 0.058, f"{b.role_zh}\n({b.role_en})", ha="center", va="center", fontsize=6, color="0.25")
    places = boxes.set_index("id")
    for start, end in arrows:
        (x0, y0), (x1, y1) = places.loc[start, ["x", "y"]], places.loc[end, ["x", "y"]]
        x0, x1 = x0 + widths.get(start, 0.3) / 2, x1 - widths.get(end, 0.3) / 2
        ax.add_patch(FancyArrowPatch((x0, y0), (x1, y1), arrowstyle="-|>", mutation_scale=14, lw=1.2, color="0.3"))
    ax.text(
        0.5,
        0.97,
        "Innovation leads 创新起主导作用 → a leap of the three factors and their combination",
        ha="center",
        va="top",
        fontsize=8.5,
        style="italic",
        color="0.2",
    )
    ax.text(0.16, 0.07, "三要素 the three factors of production", ha="center", fontsize=8, color="0.3")
    return fig
