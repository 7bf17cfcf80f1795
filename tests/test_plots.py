"""Chinese in figures: the CJK font is found even after matplotlib cached its font list, and a
glyph no font has fails loudly instead of drawing an empty box."""

import io
import warnings

import matplotlib.font_manager as fm
import matplotlib.pyplot as plt
import pytest

from nqpf.figures import theme


def draw(text: str) -> bytes:
    fig, ax = plt.subplots(figsize=(3, 1))
    ax.set_title(text)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def test_the_theme_uses_an_installed_cjk_font():
    family = theme.set_theme()
    assert "CJK" in family
    path = fm.findfont(fm.FontProperties(family=family), fallback_to_default=False)
    assert "CJK" in path


def test_a_font_installed_after_matplotlib_cached_its_list_is_still_found(monkeypatch):
    without = [f for f in fm.fontManager.ttflist if "CJK" not in f.name]
    monkeypatch.setattr(fm.fontManager, "ttflist", without)
    assert "CJK" in theme.cjk_font()
    assert any("CJK" in f.name for f in fm.fontManager.ttflist)


def test_chinese_labels_draw_without_missing_glyphs():
    theme.set_theme()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        png = draw(theme.label("tech_sme") + " 社会融资规模存量 获贷率")
    assert png.startswith(b"\x89PNG")


def test_a_glyph_no_font_has_is_an_error_not_a_box():
    theme.set_theme()
    with pytest.raises(UserWarning, match="missing from font"):
        draw("private use \ue000")
