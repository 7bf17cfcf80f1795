"""The figures of chapter 3-1: tech-firm loan growth against all loans, their share of all loans, the
access rates and the re-based registers, and the growth projection from the report's date.

Every figure puts quarter ends on a true time axis, breaks its lines where a quarter is missing
(:func:`nqpf.figures.theme.with_gaps`) and marks the report's date. Functions take frames and series
from :mod:`nqpf.analysis.lending` and return the figure; they compute nothing themselves.
"""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from .theme import with_gaps

REPORT_LABEL = "The report's date 报告时点"


def _time_axis(ax: plt.Axes) -> None:
    """Quarter ends on a date axis: a tick each January and July, labelled by year (and Jul)."""
    locator = mdates.MonthLocator(bymonth=(1, 7))
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=(4, 10)))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))


def _legend(ax: plt.Axes, ncol: int = 2) -> None:
    """The legend below the axes, so it never hides a point."""
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=ncol, frameon=False)


def _mark_report(ax: plt.Axes, report_date: dt.date, label: bool = True) -> None:
    ax.axvline(report_date, color="C3", linestyle=":", linewidth=1.2, label=REPORT_LABEL if label else None)


def _line(ax: plt.Axes, series: pd.Series, style: str = "o-", **kwargs) -> None:
    """A quarterly series as a line that breaks where a quarter is missing."""
    s = series.dropna()
    dates, values = with_gaps(list(s.index), list(s.to_numpy()))
    ax.plot(dates, values, style, **kwargs)


def growth_figure(
    growth: dict[str, pd.Series], report_points: dict[str, tuple[dt.date, float]], report_date: dt.date
) -> plt.Figure:
    """Y/y loan growth by quarter for each series (label → series, in %), with the report's figures (stars)."""
    fig, ax = plt.subplots(figsize=(8, 4.3))
    colors = {}
    for i, (label_text, s) in enumerate(growth.items()):
        colors[label_text] = "0.45" if i == len(growth) - 1 else f"C{i}"
        _line(ax, s, color=colors[label_text], label=label_text)
    for j, (label_text, (quarter, value)) in enumerate(report_points.items()):
        ax.plot(
            [quarter],
            [value],
            marker="*",
            markersize=15,
            linestyle="none",
            color=colors.get(label_text, "C3"),
            markeredgecolor="black",
            markeredgewidth=0.6,
            label="The report's figures 报告数据" if j == 0 else None,
        )
    _mark_report(ax, report_date)
    ax.set_ylabel("Year-on-year growth 同比增长 (%)")
    ax.set_ylim(bottom=0)
    _time_axis(ax)
    _legend(ax, ncol=3)
    return fig


def share_figure(
    shares: dict[str, pd.Series],
    threshold: float,
    report_points: dict[str, tuple[dt.date, float]],
    report_date: dt.date,
) -> plt.Figure:
    """Each group's share of all loans by quarter (in %), the register's threshold (dashed) and the report's
    figures divided by all loans at the report's date (stars)."""
    fig, ax = plt.subplots(figsize=(8, 4))
    for i, (label_text, s) in enumerate(shares.items()):
        _line(ax, s, color=f"C{i}", label=label_text)
        if label_text in report_points:
            quarter, value = report_points[label_text]
            ax.plot(
                [quarter],
                [value],
                marker="*",
                markersize=15,
                linestyle="none",
                color=f"C{i}",
                markeredgecolor="black",
                markeredgewidth=0.6,
                label="The report's balance ÷ all loans 报告数据" if i == 0 else None,
            )
    ax.axhline(threshold, color="0.3", linestyle="--", linewidth=1, label=f"很小 read as below {threshold:g}%")
    _mark_report(ax, report_date)
    ax.set_ylabel("Share of all loans 占各项贷款 (%)")
    ax.set_ylim(0, threshold * 1.25)
    _time_axis(ax)
    _legend(ax, ncol=2)
    return fig


def access_rate_figure(
    published: dict[str, pd.Series],
    restated: dict[str, pd.DataFrame],
    at_report: dict[str, list[tuple[str, float, str]]],
    report_date: dt.date,
) -> plt.Figure:
    """Access rates by quarter, one panel per group: the rate published each quarter (line), the rate a later
    release restates for it (hollow squares) and every figure for the report's quarter (``(label, value,
    marker)``)."""
    fig, axes = plt.subplots(len(published), 1, figsize=(8, 2.9 * len(published)), sharex=True)
    axes = list(axes) if len(published) > 1 else [axes]
    for i, (ax, (label_text, s)) in enumerate(zip(axes, published.items())):
        _line(ax, s, color=f"C{i}", label="Published that quarter 当期公布")
        later = restated.get(label_text)
        if later is not None and not later.empty:
            ax.plot(
                list(later["quarter"]),
                later["restated"],
                "s",
                mfc="none",
                color=f"C{i}",
                markersize=8,
                label="Restated by the release a year later 次年报告隐含",
            )
        for text, value, marker in at_report.get(label_text, []):
            ax.plot(
                [report_date],
                [value],
                marker=marker,
                markersize=12,
                linestyle="none",
                color="C3" if marker == "*" else "0.2",
                label=text,
            )
        _mark_report(ax, report_date, label=False)
        ax.set_title(label_text, fontsize=11)
        ax.set_ylabel("获贷率 (%)")
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
        _time_axis(ax)
    return fig


def register_figure(sizes: dict[str, pd.Series], marks: dict[str, tuple], report_date: dt.date) -> plt.Figure:
    """The register size (firms with loans ÷ access rate) by quarter, with the report's points (stars)."""
    fig, ax = plt.subplots(figsize=(8, 4))
    for i, (label_text, s) in enumerate(sizes.items()):
        _line(ax, s, color=f"C{i}", label=label_text)
    for i, (quarter, value) in enumerate(marks.values()):
        ax.plot(
            [quarter],
            [value],
            marker="*",
            markersize=14,
            color=f"C{i}",
            linestyle="none",
            markeredgecolor="black",
            markeredgewidth=0.6,
            label="Implied by the report's figures 报告隐含" if i == 0 else None,
        )
    _mark_report(ax, report_date)
    ax.set_ylabel("Firms on the register 名录企业 (万家)")
    _time_axis(ax)
    _legend(ax, ncol=2)
    return fig


def implied_levels_figure(levels: dict[str, pd.DataFrame], report_date: dt.date) -> plt.Figure:
    """For each group (a panel each) and quarter: the balance published then, and the one the report a year
    later implies for it (its balance ÷ (1 + its growth))."""
    fig, axes = plt.subplots(1, len(levels), figsize=(9, 3.8), sharex=True)
    axes = list(axes) if len(levels) > 1 else [axes]
    for ax, (label_text, frame) in zip(axes, levels.items()):
        published = frame.set_index("quarter")["published"]
        _line(ax, published, color="0.3", label="Published that quarter 当期公布")
        ax.plot(
            list(frame["quarter"]),
            frame["implied"],
            "s",
            mfc="none",
            color="C1",
            markersize=7,
            label="Implied a year later 次年报告隐含",
        )
        for q, pub, imp in zip(frame["quarter"], frame["published"], frame["implied"]):
            if pub == pub:
                ax.plot([q, q], [pub, imp], color="C1", alpha=0.5)
        _mark_report(ax, report_date, label=False)
        ax.set_title(label_text, fontsize=10)
        ax.set_ylabel("万亿元 (RMB trillion)")
        _time_axis(ax)
    fig.tight_layout()
    handles, names = axes[0].get_legend_handles_labels()
    fig.legend(handles, names, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, 0.02), ncol=2, frameon=False)
    return fig


def projection_figure(
    history: pd.Series,
    anchor_quarter,
    anchor: float,
    path: pd.Series,
    title: str,
    band: tuple | None = None,
    small: bool = False,
    band_label: str = "80% prediction band",
) -> plt.Figure:
    """A balance path: published history (dots, broken where a quarter is missing), the report's anchor
    (star), a projection (dashed, with an optional band), the report's date marked; in 万亿元."""
    fig, ax = plt.subplots(figsize=(6, 3.2) if small else (8, 4.5))
    _line(ax, history, color="0.35", label="Published by the PBOC 央行公布 (registers re-based)")
    ax.plot(
        [anchor_quarter], [anchor], marker="*", markersize=14, color="C3", linestyle="none", label="The report 报告"
    )
    ax.plot([anchor_quarter, *path.index], [anchor, *path.to_numpy()], "--", color="C0", label="Projection 预测")
    if band is not None:
        quarters, low, high = band
        ax.fill_between(
            [anchor_quarter, *quarters], [anchor, *low], [anchor, *high], color="C0", alpha=0.15, label=band_label
        )
    _mark_report(ax, anchor_quarter, label=False)
    ax.set_title(title, fontsize=10 if small else 12)
    ax.set_ylabel("万亿元 (RMB trillion)")
    _time_axis(ax)
    ax.legend(fontsize=7 if small else 9, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, frameon=False)
    return fig
