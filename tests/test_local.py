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


def test_six_lenders_are_named_but_only_one_first_loan_before_the_report_is_sourced(first_loans):
    # the report's cases name six lenders, but 多家 (several) is checked against sources: only ICBC Shanghai's
    # first loan is sourced before 2024-06-30, and one lender is not several
    assert local.lenders(first_loans) == [
        "中信银行",
        "中国银行",
        "兴业银行厦门分行",
        "农业银行",
        "工商银行上海市分行",
        "建设银行",
    ]
    verdict = engine.verdict_of("local.first_loans_done")
    assert (verdict.verdict, verdict.replicated) == ("not_checkable", None)
    assert "only 1 lender (工商银行上海市分行)" in verdict.reason


def test_only_shanghais_first_loan_has_a_sourced_announcement():
    # the PBOC Shanghai head office's announcement (data/official/documents.csv, sti_relending_first_loans_2024)
    # gives 5000多万元 disbursed, inside 超过5000万元, and 签约金额2.4亿元; the other single loans have no page
    card = engine.scorecard().set_index("id")
    documents = data.documents()
    announcement = documents[
        (documents["document"] == "sti_relending_first_loans_2024") & (documents["subject"] == "工商银行上海市分行")
    ].iloc[0]
    assert "5000多万元" in announcement["quote"] and "签约金额2.4亿元" in announcement["quote"]
    for claim_id, replicated in (("local.shanghai.first_loan", "holds"), ("local.shanghai.signed_total", 2.4)):
        row = card.loc[claim_id]
        assert (row["verdict"], row["basis"], row["replicated"]) == ("reproduced", "source", replicated), claim_id
        assert [s["id"] for s in row["sources"]] == [announcement["source"]], claim_id
    for claim_id in (
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


def test_the_first_zone_is_jinan_in_november_2021_and_five_followed_on_one_day_in_2022(zones):
    # Jinan's approval is known to the month (新华社, 2 December 2021, and a cross-check page)
    first = zones.iloc[0]
    assert first["zone_en"].startswith("Jinan") and (first["approved"], first["precision"]) == ("2021-11", "month")
    assert (first["earliest"], first["latest"]) == (dt.date(2021, 11, 1), dt.date(2021, 11, 30))
    assert (zones["earliest"] == dt.date(2022, 11, 18)).sum() == 5


def test_the_zones_were_two_and_a_half_years_old_at_most_when_the_report_was_written(zones):
    # Jinan: from 2021-11-30 (or 2021-11-01) to 2024-06-30 is 2.58 (to 2.66) years; the five Yangtze River
    # Delta zones of 2022-11-18 were 1.62 years old; Zhongguancun (2023, year only) 0.50 to 1.49
    ages = local.zone_ages(zones).set_index("zone_en")
    jinan = ages.loc["Jinan Sci-Tech Finance Reform Pilot Zone"]
    assert (jinan["min_years"], jinan["max_years"]) == (pytest.approx(2.58, abs=0.01), pytest.approx(2.66, abs=0.01))
    assert (ages["max_years"] < 2).sum() == 6


def test_over_the_past_three_years_runs_from_mid_2021_and_holds_all_seven_zones(zones):
    # 近三年来 is 近 (recent) + 三年 + 来: "over the past three years", as 近年来 is "in recent years"; not
    # "nearly three years". The window is 2021-06-30 to 2024-06-30, and Jinan (November 2021) is inside
    window = local.three_year_window(zones)
    assert (window["start"], window["end"], window["years"]) == (dt.date(2021, 6, 30), dt.date(2024, 6, 30), 3)
    assert (window["n_inside"], window["n_zones"]) == (7, 7)
    assert window["first_zone"].startswith("Jinan") and window["first_earliest"] == dt.date(2021, 11, 1)
    assert window["margin_days"] == 124  # 2021-06-30 to 2021-11-01
    assert window["last_zone"].startswith("Beijing Zhongguancun") and window["last_approved"] == "2023"
    # a report written after 2024-11-01 would leave Jinan outside its three years
    assert window["last_report_date"] == dt.date(2024, 11, 1)
    assert local.three_year_window(zones, as_of=dt.date(2024, 11, 1))["n_inside"] == 7
    assert local.three_year_window(zones, as_of=dt.date(2024, 12, 31))["n_inside"] == 6


def test_the_page_and_the_engine_read_the_three_years_the_same_way(zones):
    verdict = engine.verdict_of("pilot.three_years")
    window = local.three_year_window(zones)
    assert (verdict.verdict, verdict.replicated) == ("reproduced", "holds")
    assert f"from {window['start']} to the report" in verdict.reason
    assert f"approved in {window['first_approved']}" in verdict.reason


def test_an_approval_known_only_to_the_year_may_fall_outside_the_window(zones, data_copy):
    # the whole approval interval must lie in the window: "2021" could be before 2021-06-30
    assert local.years_before(dt.date(2024, 2, 29), 3) == dt.date(2021, 2, 28)
    coarse = zones.assign(earliest=[dt.date(2021, 1, 1), *zones["earliest"][1:]])
    inside = local.in_window(coarse, dt.date(2021, 6, 30), dt.date(2024, 6, 30))["in_window"]
    assert list(inside) == [False] + [True] * 6
    # and then the engine finds the claim does not hold
    path = data_copy / "report" / "pilot_zones.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",山东,2021-11,", ",山东,2021,", 1), encoding="utf-8")
    verdict = engine.verdict_of("pilot.three_years")
    assert (verdict.verdict, verdict.replicated) == ("differs", "does not hold")


def test_every_region_the_section_names_is_on_the_tile_map():
    roles = local.province_roles(
        data.report_table("regional_first_loans"),
        data.report_table("regional_mechanisms"),
        data.report_table("pilot_zones"),
    ).set_index("province_zh")
    assert len(roles) == 31
    assert roles["zones"].sum() == 7 and roles.loc["浙江", "zones"] == 2
    assert roles.loc["广东", "first_loan"] and roles.loc["广东", "mechanism"]  # Shenzhen is in Guangdong
