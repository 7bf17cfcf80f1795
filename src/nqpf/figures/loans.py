"""The figures of chapter 3-1: loan balances, their projection, the re-based registers."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd


# --------------------------------------------------------------------------- chapter 三 figures
def projection_figure(
    history: pd.Series,
    anchor_quarter,
    anchor: float,
    path: pd.Series,
    title: str,
    band: tuple | None = None,
    small: bool = False,
) -> plt.Figure:
    """A balance path: published history (dots), the report's anchor (star), a projection
    (line, optional band) — in 万亿元."""
    fig, ax = plt.subplots(figsize=(6, 3.2) if small else (8, 4.5))
    ax.plot(
        list(history.index),
        history.to_numpy(),
        "o-",
        color="0.35",
        label="Published by the PBOC 央行公布 (registers re-based over time)",
    )
    ax.plot(
        [anchor_quarter],
        [anchor],
        marker="*",
        markersize=14,
        color="C3",
        linestyle="none",
        label="The report, end-2024Q1 报告",
    )
    ax.plot([anchor_quarter, *path.index], [anchor, *path.to_numpy()], "--", color="C0", label="Projection 预测")
    if band is not None:
        quarters, low, high = band
        ax.fill_between(quarters, low, high, color="C0", alpha=0.15, label="80% prediction band")
    ax.set_title(title)
    ax.set_ylabel("万亿元 (RMB trillion)")
    ax.legend(fontsize=7 if small else 9, loc="lower right")
    fig.autofmt_xdate()
    return fig


def implied_levels_figure(levels: pd.DataFrame, group_label: str) -> plt.Figure:
    """For each quarter, the balance published then and the one implied a year later."""
    fig, ax = plt.subplots(figsize=(8, 4.2))
    quarters = list(levels["quarter"])
    ax.plot(quarters, levels["published"], "o-", color="0.3", label="Published that quarter 当期公布")
    ax.plot(
        quarters,
        levels["implied"],
        "s--",
        color="C1",
        label="Implied by the report a year later 次年报告隐含 (balance ÷ (1 + growth))",
    )
    for q, pub, imp in zip(quarters, levels["published"], levels["implied"]):
        if pub == pub:
            ax.plot([q, q], [pub, imp], color="C1", alpha=0.4)
    ax.set_title(group_label)
    ax.set_ylabel("万亿元 (RMB trillion)")
    ax.legend(fontsize=8, loc="upper left")
    fig.autofmt_xdate()
    return fig


def register_figure(sizes: dict[str, pd.Series], marks: dict[str, tuple]) -> plt.Figure:
    """The register size (firms with loans ÷ access rate) by quarter, with the report's points."""
    fig, ax = plt.subplots(figsize=(8, 4))
    for i, (label_text, s) in enumerate(sizes.items()):
        ax.plot(list(s.index), s.to_numpy(), "o-", color=f"C{i}", label=label_text)
    for i, (label_text, (quarter, value)) in enumerate(marks.items()):
        ax.plot(
            [quarter],
            [value],
            marker="*",
            markersize=14,
            color=f"C{i}",
            linestyle="none",
            label=f"{label_text}: implied by the report 报告隐含",
        )
    ax.set_ylabel("Firms on the register 名录企业 (万家)")
    ax.legend(fontsize=8, loc="upper left")
    fig.autofmt_xdate()
    return fig
