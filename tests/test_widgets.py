"""The researcher's loop with the widgets: fresh data, any number typed in, a slider over a numeric grid."""

from __future__ import annotations

import pytest

from nqpf import widgets
from nqpf.widgets import core, relending


def _leaf(box, spec: core.WidgetSpec, setting: dict):
    """The precomputed result widget of one setting."""
    stack = next(c for c in box.children if isinstance(c, core.w.Stack))
    node = stack
    for control in spec.controls:
        node = node.children[control.values.index(setting[control.name])]
    return node


def _edit_relending_rate(data, old: str = "1.75", new: str = "1.70") -> None:
    path = data / "official" / "relending.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("sti_2024_rate,2024-04-07"))
    lines[index] = lines[index].replace(old, new, 2)  # the value and the quote that states it
    path.write_text("".join(lines), encoding="utf-8")


def test_after_a_data_edit_every_precomputed_result_is_recomputed_not_only_the_one_moved_to(data_copy):
    spec = relending.spec()
    box = spec.widget()
    default = {c.name: c.default for c in spec.controls}
    assert "relending at 1.75%" in _leaf(box, spec, default).value
    _edit_relending_rate(data_copy)
    take_up = next(c for c in box.children if getattr(c, "description", "").find("Quota used") >= 0)
    take_up.index = 0  # the reader moves one control, with a kernel
    assert "relending at 1.7% " in _leaf(box, spec, {**default, "take_up": 50.0}).value  # the one moved to
    assert "relending at 1.7% " in _leaf(box, spec, default).value  # and the one left behind
    assert "1.75%" not in _leaf(box, spec, default).value


def test_rerunning_the_cell_builds_a_fresh_widget_from_the_data_as_they_are_now(data_copy):
    before = widgets.build("relending-calculator").default_result()
    _edit_relending_rate(data_copy)
    after = widgets.build("relending-calculator").default_result()
    assert "relending at 1.75%" in before.text and "relending at 1.7% " in after.text
    assert after.value == before.value  # the credit it supports does not depend on the rate


def test_a_typed_value_outside_the_grid_is_computed_by_the_same_function():
    spec = relending.spec()
    box = spec.widget()
    live = next(c for c in box.children if "nqpf-live-only" in c._dom_classes)
    boxes = {b.description: b for b in live.children if isinstance(b, core.w.FloatText)}
    share = next(b for d, b in boxes.items() if "PBOC funds" in d)
    share.value = 75.0  # not on the grid (60%, 100%): a TraitError before
    shown = live.children[-1].value
    expected = spec.compute(**{**{c.name: c.default for c in spec.controls}, "funding_share": 75.0})
    assert f'data-value="{expected.value:.6g}"' in shown
    assert expected.value == pytest.approx(5000 / 0.75)


def test_the_loan_growth_widget_takes_17_point_5_percent_with_a_kernel():
    spec = widgets.build("loan_growth_scenario")
    box = spec.widget()
    live = next(c for c in box.children if "nqpf-live-only" in c._dom_classes)
    growth = next(b for b in live.children if isinstance(b, core.w.FloatText))
    growth.value = 17.5
    expected = spec.compute(**{**{c.name: c.default for c in spec.controls}, "growth": 17.5})
    assert f'data-value="{expected.value:.6g}"' in live.children[-1].value
    assert "17.5% a year" in expected.text


def test_a_numeric_grid_is_a_slider_and_a_named_one_a_dropdown_or_toggle():
    kinds = {c.name: c.widget_kind for c in widgets.build("loan_growth_scenario").controls}
    assert kinds == {"group": "toggle", "growth": "slider", "horizon": "toggle"}
    assert widgets.build("relending-calculator").controls[0].widget_kind == "slider"  # the quota
    assert widgets.build("credit_share").controls[0].widget_kind == "dropdown"  # what credit means


def test_the_static_book_says_other_values_need_a_kernel():
    box = widgets.build("relending-calculator").widget()
    notes = [c.value for c in box.children if isinstance(c, core.w.HTML) and "nqpf-static-only" in c.value]
    assert notes and "make lab" in notes[0]
