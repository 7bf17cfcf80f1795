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
    sns.set_theme(context=context, style="whitegrid", palette="deep", font="sans-serif",
                  rc={"font.sans-serif": ["DejaVu Sans", family], "axes.unicode_minus": False,
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
    fig.savefig(buffer, format="png", dpi=80, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()
