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


def zones_timeline_figure(frame: pd.DataFrame, window: dict, as_of: dt.date = REPORT_AS_OF) -> plt.Figure:
    """A timeline of the approvals against the report's "近三年来" (the three years before the report,
    ``window`` from :func:`nqpf.analysis.local.three_year_window`) and its "2021年以来": a point where the
    source gives the day, a bar over the month or year where it gives only that."""
    fig, ax = plt.subplots(figsize=(8, 3.9))
    frame = frame.reset_index(drop=True)
    ax.axvspan(
        window["start"],
        window["end"],
        color="#55a868",
        alpha=0.13,
        label=f"the {window['years']} years before the report 近三年来 (报告前三年)",
    )
    since = dt.date(int(window["first_earliest"].year), 1, 1)
    ax.axvline(since, color="#8172b3", ls="--", lw=1)
    ax.annotate(" 2021年以来 (since 2021)", (mdates.date2num(since), -0.6), fontsize=8, color="#8172b3")
    for y, r in enumerate(frame.itertuples()):
        label = f"{r.zone_zh.replace('科创金融改革试验区', '')} {r.zone_en.split(' Sci-Tech')[0]}"
        if r.precision == "day":
            ax.plot([r.earliest], [y], "o", color="#4c72b0", ms=7)
        else:
            ax.plot([r.earliest, r.latest], [y, y], "-", color="#dd8452", lw=6, alpha=0.8, solid_capstyle="butt")
        ax.text(r.latest + dt.timedelta(days=25), y, f"{label} ({r.approved})", va="center", fontsize=8)
    ax.axvline(as_of, color="0.4", ls=":", lw=1)
    ax.annotate(" the report's date 报告时点", (mdates.date2num(as_of), -0.6), fontsize=8, color="0.3")
    ax.plot([], [], "o", color="#4c72b0", label="day sourced 具体日期")
    ax.plot([], [], "-", color="#dd8452", lw=6, alpha=0.8, label="only the month or year sourced 仅知月份或年份")
    ax.set_yticks([])
    ax.set_ylim(-0.9, len(frame) + 1.4)
    ax.set_xlim(dt.date(2020, 10, 1), dt.date(2025, 3, 31))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.legend(loc="upper left", fontsize=7.5, framealpha=0.9, ncol=2)
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
