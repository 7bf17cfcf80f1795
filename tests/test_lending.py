"""Credit to tech firms: implied quantities, re-based registers and the growth projection (data/official/tech_loans.csv)."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from nqpf import data, engine, widgets
from nqpf.analysis import lending

Q1_2024 = dt.date(2024, 3, 31)


@pytest.fixture(scope="module")
def official():
    return data.official()


def test_the_report_implies_year_earlier_balances():
    assert lending.year_earlier_balance(2.7, 20.4) == pytest.approx(2.2425, abs=1e-4)  # 2.7 / 1.204
    assert lending.year_earlier_balance(14.84, 13.6) == pytest.approx(13.0634, abs=1e-4)  # 14.84 / 1.136


def test_the_report_implies_register_sizes():
    assert lending.register_size(21.73, 47.9) == pytest.approx(45.365, abs=1e-3)  # 万家 tech-SMEs on the list
    assert lending.register_size(22.24, 55.4) == pytest.approx(40.144, abs=1e-3)
    with pytest.raises(ValueError, match="access rate"):
        lending.register_size(21.73, 0)


def test_firm_counts_in_jia_and_wanjia_are_put_on_one_scale(official):
    firms = lending.panel(official, "tech_sme")["firms_with_loans"].dropna()
    # the 2025-06-30 row written as 274,000家 (a reportify.ai summary) was dropped from tech_loans.csv
    assert dt.date(2025, 6, 30) not in firms.index
    assert firms.max() < 100 and firms[dt.date(2025, 9, 30)] == pytest.approx(27.54)  # 万家
    # a row written in 家 is still shown in 万家 beside the others
    row = official[
        (official["indicator"] == "tech_sme_firms_with_loans") & (official["period_end"] == dt.date(2025, 9, 30))
    ].assign(period_end=dt.date(2025, 6, 30), value=274_000.0, unit="家")
    mixed = lending.panel(pd.concat([official, row], ignore_index=True), "tech_sme")["firms_with_loans"]
    assert mixed[dt.date(2025, 6, 30)] == pytest.approx(27.4) and mixed[dt.date(2025, 9, 30)] == pytest.approx(27.54)


def test_of_two_publications_of_one_quarter_the_more_authoritative_is_used(official):
    # 2024Q1 access rate: 证券日报 quoting the PBOC gives 46.5% (tier_rank 1); a journal abstract on qikan.com.cn
    # (a republication, tier_rank 3) gives the report's 47.9%
    rows = official[
        (official["indicator"] == "tech_sme_loan_access_rate") & (official["period_end"] == Q1_2024)
    ].set_index("value")["tier_rank"]
    assert rows.to_dict() == {47.9: 3, 46.5: 1}
    assert lending.series(official, "tech_sme_loan_access_rate")[Q1_2024] == pytest.approx(46.5)
    assert lending.panel(official, "tech_sme").loc[Q1_2024, "access_rate"] == pytest.approx(46.5)


def test_tech_sme_loans_are_about_one_percent_of_all_loans(official):
    total = lending.all_loans(official)["fc_balance"]
    assert lending.loan_share_pct(2.7, total[Q1_2024]) == pytest.approx(1.07, abs=0.01)  # 2.7 / 251.81


def test_a_later_report_implies_a_different_level_for_the_same_quarter(official):
    levels = lending.implied_levels(official, "tech_sme").set_index("quarter")
    # the 2025Q1 report: 3.33 / 1.24 = 2.685万亿元 for 2024Q1 (the report says 2.7)
    assert levels.loc[Q1_2024, "implied"] == pytest.approx(2.6855, abs=1e-3)
    # the 2024Q2 report implies 3.10 / 1.219 = 2.543 for 2023Q2, against 2.40 published then
    q2 = levels.loc[dt.date(2023, 6, 30)]
    assert q2["published"] == pytest.approx(2.40) and q2["revision_pct"] == pytest.approx(5.96, abs=0.05)


def test_the_growth_trend_projection_uses_growth_known_at_the_report_date(official):
    growth = lending.panel(official, "tech_sme")["growth_yoy"]
    projection = lending.growth_trend_projection(growth, 2.7, Q1_2024, dt.date(2025, 12, 31))
    assert len(projection.quarters) == 7 and projection.quarters[-1] == dt.date(2025, 12, 31)
    # OLS on 25.2, 25.1, 22.6, 21.9, 20.4 (t = 0..4): slope -1.28 a quarter, so 23.04 - 1.28 * 3 = 19.2 at t = 5
    assert np.all(np.diff(projection.growth) < 0)
    assert projection.growth[0] == pytest.approx(19.2, abs=1e-6)
    assert np.all(projection.low < projection.central) and np.all(projection.central < projection.high)


def test_a_constant_growth_path_compounds_quarterly():
    path = lending.constant_growth_path(2.7, Q1_2024, 20.0, dt.date(2025, 3, 31))
    assert path.iloc[-1] == pytest.approx(2.7 * 1.2)


def test_the_growth_scenario_widget_matches_the_arithmetic():
    spec = widgets.build("loan_growth_scenario")
    r = spec.result(group="tech_sme", growth=20.0, horizon="2024-12-31")
    assert r.value == pytest.approx(round(2.7 * 1.2**0.75, 2))
    assert r.png.startswith(b"\x89PNG") and len(r.png) < 60_000


def test_fast_growth_holds_against_all_loans():
    verdict = engine.verdict_of("credit.fast_growth")
    assert verdict.verdict == "reproduced" and "+20.4%" in verdict.reason and "+9.2%" in verdict.reason
