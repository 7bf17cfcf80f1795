"""The figures of chapter 1-1: the term's timeline and the diagram of its definition (图表1)."""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ..analysis.timeline import KIND_COLOURS, KIND_LABELS, concept_boxes, label_levels


def timeline_figure(table: pd.DataFrame, split: dt.date = dt.date(2023, 1, 1)) -> plt.Figure:
    """The events of :func:`timeline_table` on a time axis broken at ``split`` (the 2018 NBS
    classification sits five years before the rest), coloured by who acted."""
    events = table.drop_duplicates("event").sort_values("date")
    early, late = events[events["date"] < split], events[events["date"] >= split]
    widths = [1.3, 6] if len(early) else [6]
    fig, axes = plt.subplots(
        1, len(widths), figsize=(8, 4.6), sharey=True, gridspec_kw={"width_ratios": widths, "wspace": 0.04}
    )
    axes = list(axes) if len(widths) > 1 else [axes]
    panels = ([(axes[0], early, 45)] if len(early) else []) + [(axes[-1], late, 60)]
    used: list[float] = []
    for ax, rows, pad in panels:
        first, last = min(rows["date"]), max(rows["date"])
        ax.set_xlim(first - dt.timedelta(days=pad), last + dt.timedelta(days=pad))
        ax.set_facecolor("none")  # labels may reach into the neighbouring panel
        ax.axhline(0, color="0.3", linewidth=1.2)
        levels = label_levels(rows["date"])
        used += levels
        for (_, r), level in zip(rows.iterrows(), levels):
            colour = KIND_COLOURS[r["kind"]]
            ax.vlines(r["date"], 0, level, color=colour, linewidth=1)
            ax.plot([r["date"]], [0], "o", color=colour, markersize=6, zorder=3)
            ax.annotate(
                f"{r['label_en']}\n{r['label_zh']}\n{r['date'].isoformat()}",
                (r["date"], level),
                ha="center",
                va="bottom" if level > 0 else "top",
                fontsize=6.5,
                zorder=4,
                xytext=(0, 2 if level > 0 else -2),
                textcoords="offset points",
                bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": colour, "lw": 0.8},
            )
        ax.grid(False)
        ax.set_yticks([])
        ax.tick_params(axis="x", labelsize=8)
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)
    axes[-1].xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    axes[-1].xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
    if len(axes) > 1:
        axes[0].xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        axes[0].xaxis.set_major_locator(mdates.MonthLocator(bymonth=(10,)))
        for ax, x in ((axes[0], 1), (axes[1], 0)):  # the break marks on the time axis
            ax.plot(
                [x],
                [0],
                marker=[(-1, -3), (1, 3)],
                markersize=10,
                color="0.3",
                transform=ax.get_yaxis_transform(),
                clip_on=False,
            )
    axes[0].set_ylim(min([*used, 0]) - 1.4, max([*used, 0]) + 1.4)
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
    widths = {"component.combination": 0.25, "component.tfp": 0.25}
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
            f"{b.term_zh}\n{_wrap(b.term_en.split(' (')[0], 22)}",
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
