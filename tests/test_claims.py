"""The claim engine: every claim gets a verdict, and the verdicts are the right ones."""

import datetime as dt

import pandas as pd
import pytest

from nqpf import checks, data, engine
from nqpf.analysis import relending
from nqpf.checks import REGISTRY as CHECKS
from nqpf.engine import VERDICTS, judge
from nqpf.evidence import Evidence
from nqpf.quantities import parse_quantity


@pytest.fixture(scope="module")
def card() -> pd.DataFrame:
    return engine.scorecard().set_index("id")


def test_every_claim_has_a_verdict_and_every_checkable_claim_a_check(card):
    register = data.claims()
    assert list(card.index) == list(register["id"])
    assert set(card["verdict"]) <= set(VERDICTS)
    checkable = register.loc[register["check"] == "code", "id"]
    assert [c for c in checkable if c not in CHECKS] == []
    assert engine.check_register() == []


def test_every_check_belongs_to_a_claim_in_the_register():
    assert sorted(set(CHECKS) - set(data.claims()["id"])) == []


def test_not_checkable_verdicts_always_say_why(card):
    reasons = card.loc[card["verdict"] == "not_checkable", "reason"]
    assert reasons.str.len().min() > 20


def test_the_relending_leverage_8333_is_within_8300_duo(card):
    # 5000亿元 quota ÷ 60% funding share = 8333.3亿元 of loans, inside [8300, 8400)
    row = card.loc["relending.credit_leverage"]
    assert row["verdict"] == "within_precision"
    assert row["replicated"] == pytest.approx(8333.333, abs=1e-3)
    assert (row["low"], row["high"]) == (8300, 8400)


def test_the_predecessor_balances_add_up_to_3115_but_only_inside_the_report(card):
    # 2000 + 1115: both balances are the report's own figures, which no public page gives
    row = card.loc["relending.predecessor_total"]
    assert (row["verdict"], row["replicated"], row["basis"]) == ("consistent_report_only", 3115, "report")


def test_the_2024_relending_terms_match_the_pboc_announcement(card):
    expected = {
        "relending.quota": 5000,
        "relending.first_loan_quota": 1000,
        "relending.rate": 1.75,
        "relending.term": 1,
        "relending.rollovers": 2,
        "relending.rollover_term": 1,
        "relending.funding_share": 60,
        "relending.first_batch_banks": 21,
    }
    for claim_id, value in expected.items():
        assert (card.loc[claim_id, "verdict"], card.loc[claim_id, "replicated"]) == ("reproduced", value), claim_id


def test_same_wording_in_the_source_counts_as_reproduced(card):
    # the PBOC also writes 近7000家 and 32万余家: same words, same claim
    assert card.loc["relending.first_batch_firms", "verdict"] == "reproduced"
    assert card.loc["relending.second_batch_firms", "verdict"] == "reproduced"


def test_month_dated_events_fall_within_the_month(card):
    for claim_id, date in [
        ("concept.first_proposed", "2023-09-07"),
        ("concept.cewc_2023", "2023-12-11"),
        ("concept.politburo_study_2024", "2024-01-31"),
        ("relending.launch_date", "2024-04-07"),
    ]:
        assert (card.loc[claim_id, "verdict"], card.loc[claim_id, "replicated"]) == ("within_precision", date)


def test_a_day_dated_event_is_reproduced(card):
    assert (card.loc["csrc.star_measures_date", "verdict"], card.loc["csrc.star_measures_date", "replicated"]) == (
        "reproduced",
        "2024-06-19",
    )


def test_list_counts_match_the_official_lists(card):
    for claim_id, n in [
        ("industries.emerging_count", 8),
        ("industries.future_count", 9),
        ("industries.new_industries_count", 17),
        ("industries.sei_domains_count", 9),
        ("gwr.areas_count", 3),
        ("csrc.star_measures_count", 8),
        ("pilot.zones_count", 7),
    ]:
        row = card.loc[claim_id]
        assert (row["verdict"], row["replicated"], row["basis"]) == ("reproduced", n, "source"), claim_id


def test_counts_of_the_reports_own_lists_are_labelled_report_only(card):
    for claim_id, n in [("recommend.count", 4), ("csrc.wu_qing_priorities_count", 3), ("recommend.heading_count", 4)]:
        row = card.loc[claim_id]
        assert (row["verdict"], row["replicated"], row["basis"]) == ("consistent_report_only", n, "report"), claim_id


def test_over_the_past_three_years_covers_every_pilot_zone(card):
    # 近三年来 is "over the recent three years" (as 近年来 is "in recent years"), not "nearly three years":
    # the first zone, Jinan (November 2021), falls inside mid-2021 to mid-2024
    row = card.loc["pilot.three_years"]
    assert row["verdict"] == "reproduced"
    assert "2021-06-30" in row["reason"] and "Jinan" in row["reason"]


def test_the_tech_sme_growth_matches_and_the_access_rate_has_two_official_publications(card):
    assert card.loc["credit.tech_sme_growth", "verdict"] == "reproduced"
    # the PBOC's own article, as 证券日报 printed it, gives 46.5%; a journal abstract gives the report's 47.9%
    row = card.loc["credit.tech_sme_access_rate"]
    assert (row["verdict"], row["replicated"]) == ("differs", 46.5)
    assert row["conflicts"], "the other publication (47.9%) is named as a conflict"


def test_a_single_banks_loan_is_checked_where_its_announcement_is_sourced(card):
    # the PBOC Shanghai head office announced ICBC Shanghai's first loan: 5000多万元, 2.4亿元 signed
    assert card.loc["local.shanghai.first_loan", "verdict"] == "reproduced"
    assert (
        card.loc["local.shanghai.signed_total", "verdict"],
        card.loc["local.shanghai.signed_total", "replicated"],
    ) == ("reproduced", 2.4)
    # Tianjin's banks: no page
    row = card.loc["local.tianjin.banks"]
    assert row["verdict"] == "not_checkable" and len(row["reason"]) > 40


def test_a_value_outside_the_range_differs_with_a_signed_gap():
    claim = pd.Series({"id": "x.y", "reported": "80%以上", "unit": "%"})
    verdict, gap, reason, _shown = judge(claim, Evidence(67.5, "%", "loan-type share"))
    assert verdict == "differs" and gap == pytest.approx(-12.5) and "off by -12.5 percentage points" in reason


def test_a_value_inside_the_range_is_within_precision():
    claim = pd.Series({"id": "x.y", "reported": "2.7万亿元", "unit": "万亿元"})
    assert judge(claim, Evidence(26_900, "亿元", "balance"))[0] == "within_precision"
    assert judge(claim, Evidence(2.7, "万亿元", "balance"))[0] == "reproduced"
    assert judge(claim, Evidence(2.76, "万亿元", "balance"))[0] == "differs"


def test_a_qualitative_claim_that_fails_is_reported_as_differs():
    claim = pd.Series({"id": "x.y", "reported": "极低", "unit": "text"})
    assert judge(claim, Evidence(None, "text", "equity 12%", holds=False))[:1] == ("differs",)


def test_leverage_rejects_an_impossible_funding_share():
    assert relending.supported_credit(5000, 60) == pytest.approx(8333.33, abs=0.01)
    assert relending.supported_credit(5000, 100) == 5000
    with pytest.raises(ValueError, match="funding share"):
        relending.supported_credit(5000, 0)


def test_a_missing_official_figure_makes_the_claim_not_checkable(data_copy):
    import csv

    path = data_copy / "official/relending.csv"
    rows = [r for r in csv.DictReader(path.open(encoding="utf-8")) if r["indicator"] != "sti_2024_rate"]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    verdict = engine.verdict_of("relending.rate")
    assert verdict.verdict == "not_checkable" and "sti_2024_rate" in verdict.reason


def test_the_report_year_is_2024_for_dates_without_a_year():
    q = parse_quantity("6月19日")
    assert dt.date.fromordinal(int(q.value)) == dt.date(2024, 6, 19)


def test_claims_about_an_official_documents_wording_are_checked_against_its_excerpts(card):
    for claim_id in [
        "concept.official_definition",
        "concept.core_marker",
        "industries.new_industry_definition",
        "gwr.traditional_upgrade",
        "gwr.digital_subfields_named",
        "gwr.ai_plus",
        "csrc.hard_tech_priority",
        "concept.gwr_2024_first_task",
    ]:
        assert card.loc[claim_id, "verdict"] == "reproduced", claim_id
        assert "data/official/documents.csv" in card.loc[claim_id, "reason"], claim_id
    # the Zhongguancun plan's 力争通过5年时间
    assert (card.loc["pilot.beijing_years", "verdict"], card.loc["pilot.beijing_years", "replicated"]) == (
        "reproduced",
        5,
    )


def test_a_phrase_missing_from_partial_excerpts_is_not_checkable_not_differs(card):
    # the Hubei measures are sourced, but no excerpt carries the four policy types the report names
    row = card.loc["local.hubei.policy_types"]
    assert row["verdict"] == "not_checkable"
    assert "财政奖补" in row["reason"]


def test_document_wording_ignores_typography():
    assert checks.common.normalise(
        "推动传统产业高端化、智能化、绿色化转型。（一）“人工智能＋”"
    ) == checks.common.normalise('推动传统产业高端化、智能化、绿色化转型。(一)"人工智能+"')
