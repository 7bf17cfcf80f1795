"""Figures: one theme, a CJK font that is really there, bilingual labels.

Every figure of the book is drawn after :func:`set_theme`, which

* finds a CJK font on disk and registers it with matplotlib, even when matplotlib's font cache
  was written before the font was installed (its cache would otherwise hide it);
* passes the font to ``seaborn.set_theme`` (which resets rcParams, so it must be given there);
* turns matplotlib's "Glyph … missing from font" warning into an error, so a figure that would
  show empty boxes instead of Chinese fails the build instead.
"""

from __future__ import annotations

import glob
import io
import os
import warnings

import matplotlib.font_manager as fm
import matplotlib.pyplot as plt
import seaborn as sns

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Serif CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei")
FONT_GLOBS = (
    "/usr/share/fonts/**/NotoSansCJK*.tt[cf]",
    "/usr/share/fonts/**/NotoSansCJK*.otf",
    "/usr/share/fonts/**/NotoSerifCJK*.tt[cf]",
    os.path.expanduser("~/.local/share/fonts/**/*CJK*"),
)

#: the report's terms as figure labels: English first, then the report's Chinese
LABELS = {
    "tech_sme": "Tech-based SMEs 科技型中小企业",
    "hitech": "High-tech enterprises 高新技术企业",
    "all_loans": "All loans 各项贷款",
    "loan_balance": "Loan balance 贷款余额",
    "growth_yoy": "Year-on-year growth 同比增长",
    "access_rate": "Loan access rate 获贷率",
    "firms_with_loans": "Firms with loans 获贷企业",
    "tsf_stock": "Stock of aggregate financing 社会融资规模存量",
    "credit_share": "Credit share 信贷占比",
    "relending": "Relending 再贷款",
    "emerging": "Emerging industries 新兴产业",
    "future": "Future industries 未来产业",
}


class MissingFontError(RuntimeError):
    """No CJK font is installed, so Chinese labels cannot be drawn."""


def cjk_font() -> str:
    """The family name of an installed CJK font, registering it with matplotlib if needed."""
    names = {f.name for f in fm.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in names:
            return family
    for pattern in FONT_GLOBS:  # installed after matplotlib cached its font list
        for path in sorted(glob.glob(pattern, recursive=True)):
            fm.fontManager.addfont(path)
    names = {f.name for f in fm.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in names:
            return family
    raise MissingFontError("no CJK font found for the figures' Chinese labels: install Debian's fonts-noto-cjk "
                           "(`make setup` does) and run again")


def set_theme(context: str = "notebook") -> str:
    """Apply the book's figure theme; return the CJK font family in use."""
    family = cjk_font()
    # a list of families makes matplotlib fall back glyph by glyph: Latin in DejaVu, Chinese in the CJK font
    sns.set_theme(context=context, style="whitegrid", palette="deep", font="sans-serif",
                  rc={"font.family": ["DejaVu Sans", family], "axes.unicode_minus": False,
                      "figure.figsize": (8, 4.5), "figure.dpi": 100, "savefig.dpi": 100,
                      "savefig.bbox": "tight", "axes.titleweight": "bold"})
    warnings.filterwarnings("error", message=r"Glyph \d+ .*missing from")
    return family


def label(key: str) -> str:
    """The bilingual label of one of the report's terms."""
    return LABELS[key]


def png_bytes(fig: plt.Figure) -> bytes:
    """A figure as compressed PNG bytes (for widget outputs); closes the figure."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=64, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


# --------------------------------------------------------------------------- chapter 三 figures
def projection_figure(history: "pd.Series", anchor_quarter, anchor: float, path: "pd.Series", title: str,
                      band: tuple | None = None, small: bool = False) -> plt.Figure:
    """A balance path: published history (dots), the report's anchor (star), a projection
    (line, optional band) — in 万亿元."""
    fig, ax = plt.subplots(figsize=(6, 3.2) if small else (8, 4.5))
    ax.plot(list(history.index), history.to_numpy(), "o-", color="0.35",
            label="Published by the PBOC 央行公布 (registers re-based over time)")
    ax.plot([anchor_quarter], [anchor], marker="*", markersize=14, color="C3", linestyle="none",
            label="The report, end-2024Q1 报告")
    ax.plot([anchor_quarter, *path.index], [anchor, *path.to_numpy()], "--", color="C0", label="Projection 预测")
    if band is not None:
        quarters, low, high = band
        ax.fill_between(quarters, low, high, color="C0", alpha=0.15, label="80% prediction band")
    ax.set_title(title)
    ax.set_ylabel("万亿元 (RMB trillion)")
    ax.legend(fontsize=7 if small else 9, loc="lower right")
    fig.autofmt_xdate()
    return fig


def composition_figure(table: "pd.DataFrame", labels: dict[str, str]) -> plt.Figure:
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


def credit_share_figure(shares: "pd.DataFrame", threshold: float = 80.0) -> plt.Figure:
    """Credit share by definition over time, with and without government bonds, and the 80% line."""
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for (label_text, with_gov), rows in shares.groupby(["label", "with_government_bonds"], sort=False):
        style = "-" if with_gov else "--"
        tag = "whole stock 全部" if with_gov else "excl. government bonds 不含政府债券"
        ax.plot(list(rows["period_end"]), rows["share_percent"], style, marker="o",
                label=f"{label_text.split(' (')[0]} / {tag}")
    ax.axhline(threshold, color="C3", linewidth=1.5)
    ax.annotate("the report: 80%以上", xy=(1.0, threshold), xycoords=("axes fraction", "data"),
                xytext=(-4, -12), textcoords="offset points", ha="right", color="C3", fontsize=9)
    ax.set_ylabel("Credit share 信贷占比 (%)")
    ax.set_ylim(55, 100)
    ax.legend(fontsize=7, loc="upper left", ncol=2, bbox_to_anchor=(0, -0.12))
    return fig


def implied_levels_figure(levels: "pd.DataFrame", group_label: str) -> plt.Figure:
    """For each quarter, the balance published then and the one implied a year later."""
    fig, ax = plt.subplots(figsize=(8, 4.2))
    quarters = list(levels["quarter"])
    ax.plot(quarters, levels["published"], "o-", color="0.3", label="Published that quarter 当期公布")
    ax.plot(quarters, levels["implied"], "s--", color="C1",
            label="Implied by the report a year later 次年报告隐含 (balance ÷ (1 + growth))")
    for q, pub, imp in zip(quarters, levels["published"], levels["implied"]):
        if pub == pub:
            ax.plot([q, q], [pub, imp], color="C1", alpha=0.4)
    ax.set_title(group_label)
    ax.set_ylabel("万亿元 (RMB trillion)")
    ax.legend(fontsize=8, loc="upper left")
    fig.autofmt_xdate()
    return fig


def register_figure(sizes: "dict[str, pd.Series]", marks: "dict[str, tuple]") -> plt.Figure:
    """The register size (firms with loans ÷ access rate) by quarter, with the report's points."""
    fig, ax = plt.subplots(figsize=(8, 4))
    for i, (label_text, s) in enumerate(sizes.items()):
        ax.plot(list(s.index), s.to_numpy(), "o-", color=f"C{i}", label=label_text)
    for i, (label_text, (quarter, value)) in enumerate(marks.items()):
        ax.plot([quarter], [value], marker="*", markersize=14, color=f"C{i}", linestyle="none",
                label=f"{label_text}: implied by the report 报告隐含")
    ax.set_ylabel("Firms on the register 名录企业 (万家)")
    ax.legend(fontsize=8, loc="upper left")
    fig.autofmt_xdate()
    return fig
