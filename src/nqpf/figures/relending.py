"""The figures of chapter 2-1: what the relending numbers stand for, 图表4 and 图表5 rebuilt, what happened next."""

from __future__ import annotations

import datetime as dt
import math
import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from ..analysis.relending import HISTORY, PREDECESSORS, TOOLS, UNCONFIRMED
from .theme import with_gaps


# --------------------------------------------------------------------------- figures
def comparison_figure(comparison: pd.DataFrame) -> plt.Figure:
    """Horizontal bars: the loans behind each number, outstanding vs capacity."""
    fig, ax = plt.subplots(figsize=(8, 3.6))
    frame = comparison.dropna(subset=["loans"]).iloc[::-1]
    colours = ["#4c72b0" if k == "outstanding" else "#dd8452" for k in frame["kind"]]
    ax.barh(frame["label"], frame["loans"], color=colours)
    for y, v in enumerate(frame["loans"]):
        ax.text(v, y, f" {v:,.0f}", va="center", fontsize=9)
    ax.set_xlabel("Bank loans refinanced 对应贷款 (亿元)")
    ax.set_xlim(0, frame["loans"].max() * 1.15)
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in ("#4c72b0", "#dd8452")]
    fig.legend(
        handles,
        ["Outstanding at end-2024Q1 一季度末余额", "Capacity if fully used 额度用满"],
        loc="lower center",
        ncol=2,
        fontsize=8,
        frameon=False,
    )
    ax.set_title("What the relending numbers stand for 再贷款对应的贷款规模", fontsize=11)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    return fig


def balances_figure(points: pd.DataFrame, tidy: pd.DataFrame, report_date: dt.date | None = None) -> plt.Figure:
    """The rebuilt 图表4: official quarter-end balances as lines where they exist (broken where the
    data stop); the report's own numbers as hollow markers labelled unconfirmed; each tool's quota as a
    reference line; ``report_date`` (the date of the report's balances) as a dotted line."""
    fig, ax = plt.subplots(figsize=(8, 4.2))
    colours = {"tech_innovation_2022": "#4c72b0", "equipment_2022": "#dd8452"}
    official = points[points["source"] == "official"]
    for tool, rows in official.groupby("tool"):
        rows = rows.sort_values("period_end")
        dates, values = with_gaps(list(rows["period_end"]), list(rows["balance"]))
        ax.plot(dates, values, "-o", color=colours[tool], label=TOOLS[tool] + " (official)")
    for k, r in enumerate(points[points["source"] == "report"].itertuples()):
        ax.plot(
            [r.period_end],
            [r.balance],
            "o",
            mfc="white",
            mec=colours[r.tool],
            mew=2,
            ms=9,
            label=f"{TOOLS[r.tool]} ({'official' if r.confirmed else 'report, unconfirmed 未核实'})",
        )
        ax.annotate(
            f"{r.balance:g}亿元",
            (mdates.date2num(r.period_end), r.balance),
            xytext=(-12, 8 - 18 * k),
            textcoords="offset points",
            ha="right",
            fontsize=8,
            color=colours[r.tool],
        )
    quotas = tidy[(tidy["term"] == "quota") & tidy["tool"].isin(PREDECESSORS)]
    for k, q in enumerate(quotas.itertuples()):
        ax.axhline(q.value, color=colours[q.tool], ls=("--", ":")[k % 2], lw=1.4)
        ax.annotate(
            f"{TOOLS[q.tool].split(' 20')[0].split(' relending')[0]} quota 额度 {'≥ ' if q.at_least else ''}"
            f"{q.value:g}亿元 (announced {q.announced:%Y-%m-%d})",
            (mdates.date2num(dt.date(2022, 4, 1)), q.value),
            xytext=(0, 4 + 13 * k),
            textcoords="offset points",
            fontsize=8,
            color=colours[q.tool],
        )
    if official.empty:
        ax.text(
            0.02,
            0.6,
            "No official quarter-end balances of the 2022 tools in data/official/relending.csv.\n"
            "The points are the report's end-2024Q1 numbers:\n" + UNCONFIRMED + ".\nNothing is interpolated.",
            transform=ax.transAxes,
            fontsize=8,
            va="top",
            bbox={"boxstyle": "round", "fc": "#fff8e1", "ec": "#c9a227"},
        )
    top = max(points["balance"].max(), quotas["value"].max()) * 1.4
    if report_date is not None:
        ax.axvline(report_date, color="0.4", ls=":", lw=1)
        ax.annotate(
            "the report's date 报告时点 ",
            (mdates.date2num(report_date), top),
            xytext=(-3, 0),
            textcoords="offset points",
            fontsize=8,
            color="0.3",
            ha="right",
            va="top",
        )
    ax.set_xlim(dt.date(2022, 3, 1), dt.date(2024, 7, 1))
    ax.set_ylim(0, top)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    ax.set_ylabel("Relending balance 再贷款余额 (亿元)")
    ax.legend(loc="lower right", fontsize=7.5)
    ax.set_title("图表4 rebuilt: the predecessor tools 原科技创新再贷款、设备更新改造专项再贷款", fontsize=11)
    fig.tight_layout()
    return fig


def history_figure(history: pd.DataFrame, report_date: dt.date) -> plt.Figure:
    """What happened next: quota steps and loans (top, 亿元), the relending rate (bottom, %)."""
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 4.5), sharex=True, gridspec_kw={"height_ratios": [3, 1.3]})
    end = dt.date(2026, 6, 30)
    quota = history[history["indicator"] == "sti_2024_quota"]
    top.step(
        [*list(quota["date"]), end],
        [*list(quota["value"]), quota["value"].iloc[-1]],
        where="post",
        color="#4c72b0",
        lw=2,
        label="Quota 总额度",
    )
    for name, marker, colour, (dx, ha) in (
        ("sti_2024_signed_loans", "o", "#dd8452", (4, "left")),
        ("sti_2024_disbursed_loans", "s", "#55a868", (-6, "right")),
        ("sti_2024_loan_balance", "D", "#8172b3", (4, "left")),
    ):
        rows = history[history["indicator"] == name]
        top.plot(rows["date"], rows["value"], marker, color=colour, label=HISTORY[name], ms=7)
        for r in rows.itertuples():
            flag = "*" if r.date_assumed else ""
            top.annotate(
                f"{r.qualifier}{r.value:,.0f}{flag}\n{r.date:%Y-%m-%d}",
                (mdates.date2num(r.date), r.value),
                xytext=(dx, -3),
                textcoords="offset points",
                fontsize=7,
                va="top",
                ha=ha,
            )
    if history["date_assumed"].any():
        top.text(
            0.99,
            0.03,
            "* reference date assumed by the data (source gives none) 日期为推定",
            transform=top.transAxes,
            ha="right",
            fontsize=7,
            color="grey",
        )
    for r in quota.itertuples():
        top.annotate(
            f"{r.value:,.0f} ({r.date:%Y-%m-%d})",
            (mdates.date2num(r.date), r.value),
            xytext=(2, 4),
            textcoords="offset points",
            fontsize=7,
            color="#4c72b0",
        )
    top.set_ylabel("亿元")
    top.legend(loc="upper left", fontsize=7)
    rate = history[history["indicator"] == "sti_2024_rate"]
    bottom.step(
        [*list(rate["date"]), end], [*list(rate["value"]), rate["value"].iloc[-1]], where="post", color="#c44e52", lw=2
    )
    for r in rate.itertuples():
        bottom.annotate(
            f"{r.value:g}% ({r.date:%Y-%m-%d})",
            (mdates.date2num(r.date), r.value),
            xytext=(2, 3),
            textcoords="offset points",
            fontsize=7,
        )
    bottom.set_ylabel("Rate 利率 (%)")
    bottom.set_ylim(1.0, 2.0)
    for ax in (top, bottom):
        ax.axvline(report_date, color="grey", ls=":", lw=1)
    bottom.text(mdates.date2num(report_date), 1.05, " report 报告", fontsize=7, color="grey")
    bottom.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    bottom.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    top.set_title("What happened next: the 2024 tool 科技创新和技术改造再贷款后续", fontsize=11)
    fig.tight_layout()
    return fig


def star_measures_figure(measures: pd.DataFrame, issued: dt.date) -> plt.Figure:
    """The rebuilt 图表5: the CSRC's measures (``star_market_measures.csv``) around their title,
    bilingual; ``issued`` is the sourced issue date (``events.csv``)."""

    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.set_xlim(-1, 1)
    ax.set_ylim(-1, 1)
    ax.axis("off")
    ax.text(
        0,
        0,
        "服务科技创新和\n新质生产力发展的\n八条措施\nEight measures",
        ha="center",
        va="center",
        fontsize=9,
        fontweight="bold",
        bbox={"boxstyle": "circle,pad=0.4", "fc": "#4c72b0", "ec": "none", "alpha": 0.15},
    )
    rows = measures.sort_values("order")
    n = len(rows)
    for k, r in enumerate(rows.itertuples()):
        angle = math.pi / 2 - 2 * math.pi * k / n
        x, y = 0.68 * math.cos(angle), 0.74 * math.sin(angle)
        english = textwrap.fill(r.measure_en, 30)
        ax.text(
            x,
            y,
            f"{int(r.order)}. {r.measure_zh}\n{english}",
            ha="center",
            va="center",
            fontsize=6.8,
            bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "#4c72b0"},
        )
        ax.plot(
            [0.22 * math.cos(angle), 0.45 * math.cos(angle)],
            [0.3 * math.sin(angle), 0.55 * math.sin(angle)],
            color="#4c72b0",
            lw=0.8,
        )
    ax.set_title(f"图表5 rebuilt: the CSRC's {n} STAR Market measures 科创板八条措施 ({issued:%Y-%m-%d})", fontsize=10)
    return fig
