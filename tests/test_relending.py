"""The relending arithmetic of section 二（一）: the 2024 tool, its predecessors and the calculator.

Amounts are in 亿元. Tolerances follow the report's precision: the report writes whole 亿元, so
derived amounts are checked to 0.1亿元; rates and shares are exact as announced.
"""

import datetime as dt

import pytest

from nqpf import data, engine, widgets
from nqpf.analysis import relending
from nqpf.widgets import relending as calculator


@pytest.fixture(scope="module")
def official():
    return data.official("relending")


@pytest.fixture(scope="module")
def terms(official):
    return relending.terms(official)


@pytest.fixture(scope="module")
def balances():
    return relending.report_balances(data.claims())


def test_a_5000_quota_at_a_60_percent_share_supports_8333_point_3(terms):
    # PBOC release of 2024-04-07: 额度5000亿元, 按贷款本金的60%; 5000 / 0.6 = 8333.3
    quota = relending.term_value(terms, "sti_2024", "quota")
    share = relending.term_value(terms, "sti_2024", "funding_share")
    assert (quota, share) == (5000, 60)
    assert relending.supported_credit(quota, share) == pytest.approx(8333.3, abs=0.1)


def test_the_page_and_the_engine_use_the_same_leverage_formula():
    verdict = engine.verdict_of("relending.credit_leverage")
    assert verdict.verdict == "within_precision"
    assert verdict.replicated == pytest.approx(relending.supported_credit(5000, 60), abs=1e-6)


def test_the_first_loan_earmark_stands_for_1666_point_7_of_loans(terms):
    # 1000亿元 earmark for first loans of tech SMEs, refinanced at 60%: 1000 / 0.6
    earmark = relending.term_value(terms, "sti_2024", "first_loan_quota")
    assert earmark == 1000
    assert relending.supported_credit(earmark, 60) == pytest.approx(1666.7, abs=0.1)


def test_the_2024_terms_are_the_announced_ones(terms):
    expected = {"rate": 1.75, "term": 1, "max_rollovers": 2, "rollover_term": 1, "eligible_institutions": 21}
    assert {k: relending.term_value(terms, "sti_2024", k) for k in expected} == expected


def test_the_equipment_tool_funded_all_principal_and_the_2022_tech_tool_60_percent(terms):
    assert relending.term_value(terms, "equipment_2022", "funding_share") == 100
    assert relending.term_value(terms, "tech_innovation_2022", "funding_share") == 60


def test_the_equipment_quota_is_written_as_a_floor(terms):
    # 设备更新改造专项再贷款额度为2000亿元以上
    row = terms[(terms["tool"] == "equipment_2022") & (terms["term"] == "quota")].iloc[0]
    assert (row["value"], row["at_least"]) == (2000, True)


def test_a_term_no_source_states_shows_as_not_stated(terms):
    wide = relending.terms_wide(terms).set_index("Term 条款")
    cell = wide.loc[relending.TERMS["rollover_term"], relending.TOOLS["tech_innovation_2022"]]
    assert cell == "not stated"


def test_the_old_balances_are_1548_and_1567_and_add_to_3115(balances):
    assert balances == {"tech_innovation_2022": 1548, "equipment_2022": 1567}
    assert sum(balances.values()) == 3115


def test_the_old_balances_stand_for_4147_of_loans_at_their_own_shares(balances):
    # 1548 / 0.6 + 1567 / 1.0 = 2580 + 1567 = 4147
    loans = relending.predecessor_loans(balances, {"tech_innovation_2022": 60, "equipment_2022": 100})
    assert loans.iloc[-1]["loans"] == pytest.approx(4147.0, abs=0.1)


def test_assuming_60_percent_for_both_overstates_the_old_loans_by_1044_point_7(terms, balances):
    # 3115 / 0.6 = 5191.7, against 4147 at the tools' own shares
    comparison = relending.loan_comparison(terms, balances).set_index("id")["loans"]
    assert comparison["old_balances_60"] == pytest.approx(5191.7, abs=0.1)
    assert comparison["old_balances_60"] - comparison["old_balances_own_shares"] == pytest.approx(1044.7, abs=0.1)


def test_the_old_quotas_could_support_5333_point_3_against_the_new_8333_point_3(terms, balances):
    # 2000 / 0.6 + 2000 / 1.0 = 5333.3; the new tool 5000 / 0.6 = 8333.3
    comparison = relending.loan_comparison(terms, balances).set_index("id")["loans"]
    assert comparison["old_quotas_own_shares"] == pytest.approx(5333.3, abs=0.1)
    assert comparison["new_quota"] == pytest.approx(8333.3, abs=0.1)
    assert comparison["new_first_loan_earmark"] == pytest.approx(1666.7, abs=0.1)


def test_the_rebuilt_figure_4_has_only_the_reports_unconfirmed_points(official):
    points = relending.balance_points(official, data.claims())
    assert list(points["source"]) == ["report", "report"]
    assert not points["confirmed"].any()
    assert set(points["period_end"]) == {dt.date(2024, 3, 31)}


def test_the_later_quotas_are_8000_in_2025_and_12000_in_2026(official):
    history = relending.later_history(official)
    quota = history[history["indicator"] == "sti_2024_quota"].set_index("date")["value"]
    assert quota.to_dict() == {dt.date(2024, 4, 7): 5000, dt.date(2025, 5, 7): 8000, dt.date(2026, 1, 15): 12000}
    rate = history[history["indicator"] == "sti_2024_rate"]["value"].tolist()
    assert rate == [1.75, 1.5, 1.25]


def test_the_later_history_keeps_the_sources_qualifiers(official):
    history = relending.later_history(official).set_index(["indicator", "date"])
    assert history.loc[("sti_2024_signed_loans", dt.date(2024, 11, 15)), "qualifier"] == "近"
    assert history.loc[("sti_2024_signed_loans", dt.date(2025, 12, 31)), "qualifier"] == "超过"
    assert bool(history.loc[("sti_2024_loan_balance", dt.date(2025, 6, 30)), "date_assumed"])


def test_the_calculator_options_are_the_quotas_and_shares_in_the_data(official, terms):
    history = relending.later_history(official)
    quotas = sorted(history.loc[history["indicator"] == "sti_2024_quota", "value"])
    assert [v for _, v in calculator.QUOTA_OPTIONS] == quotas
    shares = {relending.term_value(terms, t, "funding_share") for t in relending.TOOLS}
    assert {v for _, v in calculator.SHARE_OPTIONS} == shares
    # the 1.45 pp spread is the 2022 equipment tool's 3.2% lending-rate cap minus its 1.75% relending rate
    cap = official[official["indicator"] == "equipment_2022_max_loan_rate"]["value"].iloc[0]
    assert cap - relending.term_value(terms, "equipment_2022", "rate") == pytest.approx(1.45, abs=1e-9)
    assert 1.45 in [v for _, v in calculator.SPREAD_OPTIONS]


def test_the_calculator_grid_is_small_and_its_defaults_are_the_reports_terms():
    spec = widgets.build("relending-calculator")
    assert len(list(spec.settings())) <= 60
    defaults = {c.name: c.default for c in spec.controls}
    assert (defaults["quota"], defaults["funding_share"], defaults["take_up"]) == (5000, 60, 100)
    assert spec.default_result().value == pytest.approx(8333.3, abs=0.1)
    assert spec.default_result().png is None


def test_the_calculator_at_default_saves_37_point_5_a_year_at_an_illustrative_2_5_percent():
    # 5000 relending × (2.5% − 1.75%) = 37.5亿元 a year; margin 5000 × 1.45% = 72.5亿元
    result = widgets.build("relending-calculator").result(
        quota=5000.0, funding_share=60.0, take_up=100.0, spread=1.45, market_rate=2.5
    )
    assert "saves them 37.5亿元 a year" in result.text
    assert "earn 72.5亿元 a year" in result.text


def test_the_calculator_at_12000_half_used_and_100_percent_funding_supports_6000():
    # 12000 × 50% = 6000 of relending, refinancing 6000 of loans at a 100% share; saving 6000 × 0.25% = 15
    result = widgets.build("relending-calculator").result(
        quota=12000.0, funding_share=100.0, take_up=50.0, spread=0.75, market_rate=2.0
    )
    assert result.value == pytest.approx(6000.0, abs=0.1)
    assert "saves them 15.0亿元 a year" in result.text


def test_the_calculator_rejects_an_impossible_take_up():
    with pytest.raises(ValueError, match="take-up"):
        relending.calculate(5000, 60, 0, 1.45, 2.5, 1.75)
