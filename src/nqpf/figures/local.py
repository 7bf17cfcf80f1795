"""The figures of chapter 2-2: the first loans, the pilot zones' approvals, the provinces the section names."""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from ..report import REPORT_AS_OF


# --------------------------------------------------------------------------- figures
def first_loans_figure(amounts: pd.DataFrame) -> plt.Figure:
    """Horizontal bars on a log scale: every money amount of the first-loan cases (万元)."""
    frame = amounts.iloc[::-1].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 3.6))
    colours = {"Shanghai": "#4c72b0", "Shenzhen": "#dd8452", "Tianjin": "#55a868", "Fujian": "#c44e52"}
    bars = ax.barh(frame["label"], frame["amount_wan"], color=[colours.get(r, "grey") for r in frame["region_en"]])
    for bar, r in zip(bars, frame.itertuples()):
        if r.qualifier:
            bar.set_hatch("///")
            bar.set_alpha(0.6)
        shown = f"{'>' if r.qualifier else ''}{r.amount_wan:,.0f}万元"
        written = "" if r.reported == f"{r.amount_wan:g}万元" else f" (report 报告: {r.reported})"
        ax.text(r.amount_wan * 1.08, bar.get_y() + bar.get_height() / 2, shown + written, va="center", fontsize=8)
    ax.set_xscale("log")
    ax.set_xlim(frame["amount_wan"].min() / 2, frame["amount_wan"].max() * 8)
    ax.set_xlabel("Amount 金额 (万元, log scale 对数坐标)")
    ax.set_title("First loans under the 2024 relending tool 科技创新再贷款首批贷款", fontsize=11)
    fig.tight_layout()
    return fig


def zones_timeline_figure(frame: pd.DataFrame, readings: dict, as_of: dt.date = REPORT_AS_OF) -> plt.Figure:
    """A timeline of the approvals: a point where the day is sourced, a bar over the year where
    only the year is; the report's date and the window "近三年" would need the first approval in."""
    fig, ax = plt.subplots(figsize=(8, 3.8))
    frame = frame.reset_index(drop=True)
    window_start = as_of - dt.timedelta(days=round(readings["high"] * 365.25))
    ax.axvspan(
        window_start,
        readings["latest_first_approval"],
        color="#55a868",
        alpha=0.15,
        label=f"first approval needed here for 近三年 ({readings['low']:g}–{readings['high']:g} years) 近三年所需区间",
    )
    for y, r in enumerate(frame.itertuples()):
        label = f"{r.zone_zh.replace('科创金融改革试验区', '')} {r.zone_en.split(' Sci-Tech')[0]}"
        if r.precision == "day":
            ax.plot([r.earliest], [y], "o", color="#4c72b0", ms=7)
        else:
            ax.plot([r.earliest, r.latest], [y, y], "-", color="#dd8452", lw=6, alpha=0.7, solid_capstyle="butt")
        ax.text(r.latest + dt.timedelta(days=25), y, f"{label} ({r.approved})", va="center", fontsize=8)
    ax.axvline(as_of, color="grey", ls=":")
    ax.text(as_of, len(frame) - 0.4, " report 报告", fontsize=8, color="grey")
    ax.plot([], [], "o", color="#4c72b0", label="day sourced 具体日期")
    ax.plot([], [], "-", color="#dd8452", lw=6, alpha=0.7, label="only the year sourced 仅知年份")
    ax.set_yticks([])
    ax.set_ylim(-0.8, len(frame) + 1.6)
    ax.set_xlim(dt.date(2020, 10, 1), dt.date(2024, 12, 31))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.legend(loc="upper left", fontsize=7.5, framealpha=0.9)
    ax.set_title(f"Approvals of the {len(frame)} pilot zones 科创金融改革试验区获批时间", fontsize=11)
    fig.tight_layout()
    return fig


def tile_map_figure(roles: pd.DataFrame) -> plt.Figure:
    """A schematic tile map of the provinces: shade = pilot zones hosted, marks = first loan / mechanism."""
    fig, ax = plt.subplots(figsize=(7, 4.5))
    shades = {0: "#eeeeee", 1: "#9ecae1", 2: "#3182bd"}
    for r in roles.itertuples():
        x, y = r.col, -r.row
        ax.add_patch(plt.Rectangle((x - 0.46, y - 0.46), 0.92, 0.92, fc=shades[min(r.zones, 2)], ec="white"))
        ax.text(
            x, y + 0.12, r.province_zh, ha="center", va="center", fontsize=8, color="white" if r.zones >= 2 else "black"
        )
        marks = ("●" if r.first_loan else "") + ("▲" if r.mechanism else "")
        if marks:
            ax.text(x, y - 0.22, marks, ha="center", va="center", fontsize=8, color="#c44e52")
    ax.set_xlim(0.3, 8.7)
    ax.set_ylim(-7.7, 0.7)
    ax.set_aspect("equal")
    ax.axis("off")
    handles = [plt.Rectangle((0, 0), 1, 1, fc=shades[k]) for k in (1, 2)]
    handles += [
        plt.Line2D([], [], ls="", marker="o", color="#c44e52"),
        plt.Line2D([], [], ls="", marker="^", color="#c44e52"),
    ]
    ax.legend(
        handles,
        [
            "1 pilot zone 个试验区",
            "2 pilot zones 个试验区",
            "first relending loan 首笔再贷款",
            "provincial mechanism 地方机制",
        ],
        loc="lower left",
        fontsize=7.5,
        frameon=False,
    )
    ax.set_title("Where section 二(二) looks 报告提及的省份 (schematic tile map 示意)", fontsize=10)
    fig.tight_layout()
    return fig
