"""The financing structure: credit shares of the TSF stock under each definition (data/official/tsf_stock.csv)."""

import datetime as dt

import pytest

from nqpf import data, engine, widgets
from nqpf.analysis import structure

MARCH_2025 = dt.date(2025, 3, 31)


@pytest.fixture(scope="module")
def table():
    return structure.stock_table(data.official())


def test_the_stock_table_is_in_yuan(table):
    # PBOC: 社会融资规模存量 422.96万亿元 at end-March 2025
    assert table.loc[MARCH_2025, "total"] == pytest.approx(422.96e12)


def test_loan_type_credit_is_two_thirds_of_the_whole_stock(table):
    # (262.18 + 1.19 + 11.24 + 4.35 + 2.67) / 422.96 = 66.59%
    share = structure.share(table, MARCH_2025, structure.CREDIT_DEFINITIONS["loan_type"], True)
    assert share.percent == pytest.approx(66.59, abs=0.01)


def test_credit_share_exceeds_80_only_without_government_bonds(table):
    shares = structure.credit_shares(table)
    at = shares[shares["period_end"] == MARCH_2025].set_index(["definition", "with_government_bonds"])["share_percent"]
    assert at[("loan_type", False)] == pytest.approx(281.63 / (422.96 - 84.96) * 100, abs=0.01)  # 83.32%
    assert at[("loan_type", False)] > 80
    assert all(at[(d, True)] < 80 for d in structure.CREDIT_DEFINITIONS)
    assert at[("rmb_loans", False)] < 80  # RMB loans alone fall short even without government bonds


def test_a_share_with_a_missing_component_names_it(table):
    with pytest.raises(KeyError, match="government_bonds"):
        structure.share(table, dt.date(2022, 9, 30), ("rmb_loans",), False)


def test_the_nearest_periods_around_the_report_bracket_it(table):
    periods = structure.bracketing_periods(table, dt.date(2024, 3, 31), structure.CREDIT_DEFINITIONS["loan_type"], True)
    assert periods == [dt.date(2022, 12, 31), MARCH_2025]


def test_the_scorecard_verdict_on_80_percent_is_differs_and_names_the_other_definitions():
    verdict = engine.verdict_of("structure.credit_share")
    assert verdict.verdict == "differs"
    assert verdict.replicated == pytest.approx(66.59, abs=0.01)
    assert "excluding government bonds: 83.3%" in verdict.reason


def test_equity_is_under_five_percent_and_loans_a_majority():
    assert engine.verdict_of("structure.equity_share_low").verdict == "reproduced"
    assert engine.verdict_of("structure.indirect_dominant").verdict == "reproduced"


def test_the_credit_share_widget_gives_the_share_for_each_setting_and_never_raises():
    spec = widgets.build("credit_share")
    r = spec.result(definition="loan_type", with_government_bonds=False, period="2025-03-31")
    assert r.value == pytest.approx(83.3) and "the claim holds" in r.text
    missing = spec.result(definition="loan_type", with_government_bonds=False, period="2022-09-30")
    assert missing.value == "n/a" and "lacks government_bonds" in missing.text
    assert all(spec.result(**s).text for s in spec.settings())


def test_a_widget_recomputes_live_and_a_failing_recomputation_shows_a_message_not_a_traceback():
    from nqpf.widgets.core import Control, Result, WidgetSpec

    calls = []

    def compute(x):
        calls.append(x)
        if x == 2 and len(calls) > 2:
            raise RuntimeError("data file vanished")
        return Result(f"x is {x}", float(x))

    spec = WidgetSpec("test_live", [Control("x", "x", (("one", 1), ("two", 2)), 1)], compute)
    box = spec.widget()
    control, stack = box.children[0], box.children[1]
    control.value = 2  # the observer recomputes the visible result through Python
    assert "data file vanished" in stack.children[1].value and 'data-value="n/a"' in stack.children[1].value
