"""The figures' theme: a CJK font that is really there, sharp output, bilingual labels.

Every figure of the book is drawn after :func:`set_theme`, which

* finds a CJK font and registers it with matplotlib, even when matplotlib's font cache was written
  before the font was installed (its cache would otherwise hide it). It accepts the fonts that
  Debian, Fedora, Arch, macOS and Windows ship, and a font file named by ``$NQPF_CJK_FONT``;
* passes the font to ``seaborn.set_theme`` (which resets rcParams, so it must be given there);
* draws figures at twice their CSS size, so they are sharp on a 2× screen;
* turns matplotlib's "Glyph … missing from font" warning into an error, so a figure that would
  show empty boxes instead of Chinese fails the build instead.
"""

from __future__ import annotations

import glob
import io
import os
import warnings
from pathlib import Path

import matplotlib.font_manager as fm
import matplotlib.pyplot as plt
import seaborn as sns

#: an environment variable naming a font file (.ttf, .otf, .ttc) to use for Chinese
FONT_ENV = "NQPF_CJK_FONT"
#: CJK font families, by the system that ships them (the first one installed wins)
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Serif CJK SC",  # Debian, Ubuntu, Fedora, Arch (fonts-noto-cjk)
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",  # Google Fonts, Adobe
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",  # older Linux distributions
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "STHeiti",
    "Songti SC",  # macOS
    "Microsoft YaHei",
    "SimHei",
    "DengXian",
    "SimSun",  # Windows
    "Sarasa Gothic SC",
    "AR PL UMing CN",
)
#: where those fonts live when matplotlib's cache predates them
FONT_GLOBS = (
    "/usr/share/fonts/**/*CJK*.tt[cf]",
    "/usr/share/fonts/**/*CJK*.otf",
    "/usr/share/fonts/**/wqy*.tt[cf]",
    "/usr/local/share/fonts/**/*.[ot]t[cf]",
    os.path.expanduser("~/.local/share/fonts/**/*.[ot]t[cf]"),
    os.path.expanduser("~/.fonts/**/*.[ot]t[cf]"),
    "/System/Library/Fonts/*.tt[cf]",
    "/Library/Fonts/*.[ot]t[cf]",
    "C:/Windows/Fonts/msyh*.tt[cf]",
    "C:/Windows/Fonts/sim*.tt[cf]",
)
#: the width at which a figure is shown in the book (CSS px) and the pixel ratio it is drawn for
DISPLAY_DPI = 100
PIXEL_RATIO = 2

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


def _installed() -> set[str]:
    return {f.name for f in fm.fontManager.ttflist}


def cjk_font() -> str:
    """The family name of an installed CJK font, registering it with matplotlib if needed."""
    override = os.environ.get(FONT_ENV)
    if override:
        path = Path(override).expanduser()
        if not path.is_file():
            raise MissingFontError(f"${FONT_ENV} names {override}, which is not a file")
        fm.fontManager.addfont(str(path))
        return fm.FontProperties(fname=str(path)).get_name()
    names = _installed()
    for family in CJK_FAMILIES:
        if family in names:
            return family
    for pattern in FONT_GLOBS:  # installed after matplotlib cached its font list
        for path in sorted(glob.glob(pattern, recursive=True)):
            try:
                fm.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue
    names = _installed()
    for family in CJK_FAMILIES:
        if family in names:
            return family
    raise MissingFontError(
        "no CJK font found for the figures' Chinese labels. Tried the families "
        f"{', '.join(CJK_FAMILIES)}, and font files matching {', '.join(FONT_GLOBS)}. Install one: "
        "Debian/Ubuntu `apt-get install fonts-noto-cjk` (`make setup` does this), Fedora "
        "`dnf install google-noto-sans-cjk-fonts`, Arch `pacman -S noto-fonts-cjk`; macOS and Windows ship "
        f"PingFang SC and Microsoft YaHei. Or set ${FONT_ENV} to the path of a .ttf/.otf/.ttc font file."
    )


def set_theme(context: str = "notebook") -> str:
    """Apply the book's figure theme; return the CJK font family in use."""
    family = cjk_font()
    # a list of families makes matplotlib fall back glyph by glyph: Latin in DejaVu, Chinese in the CJK font
    sns.set_theme(
        context=context,
        style="whitegrid",
        palette="deep",
        font="sans-serif",
        rc={
            "font.family": ["DejaVu Sans", family],
            "axes.unicode_minus": False,
            "figure.figsize": (8, 4.5),
            "figure.dpi": DISPLAY_DPI,
            "savefig.dpi": DISPLAY_DPI * PIXEL_RATIO,
            "savefig.bbox": "tight",
            "axes.titleweight": "bold",
            "svg.fonttype": "none",
        },
    )
    warnings.filterwarnings("error", message=r"Glyph \d+ .*missing from")
    _sharp_inline_figures()
    return family


def _sharp_inline_figures() -> None:
    """In a kernel, show figures as PNGs at twice their displayed size (sharp on a 2× screen; the page shows
    them at their logical size)."""
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # pragma: no cover - not in a kernel's environment
        return
    set_matplotlib_formats("retina")


def label(key: str) -> str:
    """The bilingual label of one of the report's terms."""
    return LABELS[key]


def png_bytes(fig: plt.Figure, dpi: int = 64) -> bytes:
    """A figure as compressed PNG bytes (for widget outputs); closes the figure."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def with_gaps(dates, values, max_days: int = 100) -> tuple[list, list]:
    """Dates and values with a break (NaN) wherever two observations are more than ``max_days`` apart, so a
    line joins consecutive periods only and shows a gap where the data stop."""
    out_d, out_v = [], []
    previous = None
    for d, v in zip(dates, values):
        if previous is not None and (d - previous).days > max_days:
            out_d.append(previous + (d - previous) / 2)
            out_v.append(float("nan"))
        out_d.append(d)
        out_v.append(v)
        previous = d
    return out_d, out_v
