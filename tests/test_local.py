"""Local practice in section 二（二）: first relending loans and the sci-tech finance pilot zones.

Amounts are in 万元 as the report writes them; ratios are checked to 0.1 percentage point,
elapsed times to 0.01 year.
"""

import datetime as dt

import pytest

from nqpf import data, engine
from nqpf.analysis import local


@pytest.fixture(scope="module")
def first_loans():
    return data.report_table("regional_first_loans")


@pytest.fixture(scope="module")
def zones():
    return local.zones(data.report_table("pilot_zones"))


def test_shanghais_signed_total_of_2_4_yi_is_24000_wan(first_loans):
    assert local.amount(first_loans, "Shanghai", "signed_total") == pytest.approx(24000, abs=1e-6)


def test_tianjin_drew_44_5_percent_of_its_credit_lines(first_loans):
    # 186万元 disbursed of 418万元 granted: 186 / 418 = 44.5%
    checks = local.consistency_checks(first_loans).set_index("check")
    row = checks.iloc[0]
    assert row["ratio_percent"] == pytest.approx(44.5, abs=0.1)
    assert row["bound"] == "exact" and row["consistent"]


def test_shanghais_first_loan_is_at_least_20_8_percent_of_the_signed_total(first_loans):
    # 超过5000万元 of 2.4亿元: 5000 / 24000 = 20.8%, a lower bound
    row = local.consistency_checks(first_loans).iloc[1]
    assert row["ratio_percent"] == pytest.approx(20.8, abs=0.1)
    assert row["bound"].startswith("lower bound") and row["consistent"]


def test_tianjins_average_credit_line_per_firm_is_139_point_3_wan(first_loans):
    # 418万元 over 3家 firms; 186万元 over 3 = 62万元
    avg = local.per_firm(first_loans)
    assert avg["credit_line"] == pytest.approx(139.3, abs=0.1)
    assert avg["loan_disbursed"] == pytest.approx(62.0, abs=0.1)


def test_six_lenders_are_named_as_the_engine_counts_them(first_loans):
    assert len(local.lenders(first_loans)) == 6
    assert engine.verdict_of("local.first_loans_done").replicated == 6


def test_the_single_loans_are_not_checkable_on_the_scorecard():
    card = engine.scorecard().set_index("id")
    for claim_id in (
        "local.shanghai.first_loan",
        "local.shanghai.signed_total",
        "local.shenzhen.loan",
        "local.tianjin.credit_line",
        "local.tianjin.disbursed",
        "local.fujian.loan",
    ):
        assert card.loc[claim_id, "verdict"] == "not_checkable", claim_id


def test_there_are_7_pilot_zones_and_the_engine_agrees(zones):
    assert len(zones) == 7
    verdict = engine.verdict_of("pilot.zones_count")
    assert (verdict.verdict, verdict.replicated) == ("reproduced", 7)


def test_the_first_zone_is_jinan_in_2021_and_five_followed_on_one_day_in_2022(zones):
    assert zones.iloc[0]["zone_en"].startswith("Jinan") and zones.iloc[0]["precision"] == "year"
    assert (zones["earliest"] == dt.date(2022, 11, 18)).sum() == 5


def test_only_two_and_a_half_years_had_passed_since_the_first_approval(zones):
    # from 2021-12-31 (latest possible day for Jinan) to 2024-06-30: 912 days = 2.50 years
    readings = local.three_year_readings(zones)
    assert readings["engine_years"] == pytest.approx(2.50, abs=0.01)
    assert readings["max_years"] == pytest.approx(3.49, abs=0.01)
    assert readings["calendar_years"] == 3
    assert readings["zones_under_two_years"] == 6


def test_the_page_and_the_engine_measure_the_three_years_the_same_way(zones):
    verdict = engine.verdict_of("pilot.three_years")
    assert verdict.verdict == "differs"
    assert verdict.replicated == pytest.approx(local.three_year_readings(zones)["engine_years"], abs=1e-5)


def test_near_three_years_needs_a_first_approval_by_mid_october_2021(zones):
    # 近三年 = [2.7, 3] years before 2024-06-30: the first approval by 2021-10-18 at the latest
    assert local.three_year_readings(zones)["latest_first_approval"] == dt.date(2021, 10, 18)


def test_every_region_the_section_names_is_on_the_tile_map():
    roles = local.province_roles(
        data.report_table("regional_first_loans"),
        data.report_table("regional_mechanisms"),
        data.report_table("pilot_zones"),
    ).set_index("province_zh")
    assert len(roles) == 31
    assert roles["zones"].sum() == 7 and roles.loc["浙江", "zones"] == 2
    assert roles.loc["广东", "first_loan"] and roles.loc["广东", "mechanism"]  # Shenzhen is in Guangdong
