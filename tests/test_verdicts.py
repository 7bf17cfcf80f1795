"""Verdicts say what they rest on: a basis, the pages with their publisher and tier, and rules that keep a
check of the report against itself from passing for confirmation."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from nqpf import cli, engine
from nqpf.checks import common
from nqpf.engine import REPORT_VERDICTS, SOURCE_VERDICTS
from nqpf.evidence import Context

TIERS = {"official", "official_press", "media", "republication"}


@pytest.fixture(scope="module")
def card() -> pd.DataFrame:
    return engine.scorecard()


def test_the_json_scorecard_carries_basis_and_sources_for_every_claim(capsys, card):
    assert cli.main(["scorecard", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == len(card)
    for r in records:
        assert r["basis"] in {"source", "arithmetic", "report"}, r["id"]
        for s in r["sources"]:
            assert set(s) >= {"url", "publisher", "tier", "attribution"}, r["id"]
            assert s["url"].startswith(("http://", "https://")) and s["tier"] in TIERS and s["publisher"], r["id"]


def test_no_claim_checked_only_against_the_report_is_reproduced_or_within_precision(card):
    report_only = card[card["basis"] == "report"]
    assert len(report_only) >= 5
    assert set(report_only["verdict"].astype(str)) <= set(REPORT_VERDICTS) | {"not_checkable"}
    assert all(not s for s in report_only["sources"])


def test_every_verdict_that_rests_on_a_source_cites_a_url(card):
    judged = card[card["verdict"].astype(str).isin(SOURCE_VERDICTS)]
    assert len(judged) > 60
    assert [cid for cid, sources in zip(judged["id"], judged["sources"]) if not sources] == []


def test_arithmetic_rests_on_inputs_that_are_each_checked_against_a_source(card):
    by_id = card.set_index("id")
    arithmetic = card[card["basis"] == "arithmetic"]
    assert len(arithmetic) >= 1
    for _, row in arithmetic.iterrows():
        assert row["inputs"], row["id"]
        for claim in row["inputs"]:
            assert by_id.loc[claim, "basis"] == "source", (row["id"], claim)
            assert str(by_id.loc[claim, "verdict"]) in SOURCE_VERDICTS, (row["id"], claim)


def test_a_sum_of_unsourced_numbers_is_not_counted_as_confirmed(card):
    row = card.set_index("id").loc["relending.predecessor_total"]
    assert row["basis"] == "report" and str(row["verdict"]) == "consistent_report_only"


def test_at_least_four_in_five_source_verdicts_cite_an_official_page_or_the_press_of_record(card):
    good, total = engine.source_share(card)
    assert total >= 70
    assert good / total >= 0.80, f"{good} of {total}"


def test_the_credit_share_holds_only_when_government_bonds_are_left_out(card):
    row = card.set_index("id").loc["structure.credit_share"]
    assert str(row["verdict"]) == "definition_dependent"
    assert row["replicated"] == pytest.approx(68.0, abs=0.05)  # loan-type credit, share of the whole stock
    holding = [a for a in row["alternatives"] if a["holds"]]
    assert holding and all("government bonds" in a["label"] for a in holding)
    assert any(a["value"] == pytest.approx(83.1, abs=0.05) for a in holding)


def test_a_reworded_official_heading_differs_and_shows_both_wordings(card):
    row = card.set_index("id").loc["gwr.section_title_wording"]
    assert str(row["verdict"]) == "differs"
    report, source = row["wording"]
    assert "加大力推进" in report and "大力推进现代化产业体系建设" in source and "加大力推进" not in source


def test_a_wording_check_can_fail_and_can_pass():
    context = Context()
    document = "hefei_pilot_zone"
    same = "打造具有国际影响力的科技创新策源地和新兴产业聚集地"
    assert common.compare_wording(context, document, same, "Hefei's goal").holds is not False
    changed = common.compare_wording(
        context, document, "打造具有重要影响力的科技创新策源地和新兴产业聚集地", "Hefei's goal"
    )
    assert changed.holds is False and changed.wording


def test_two_official_figures_that_disagree_are_both_named(card):
    row = card.set_index("id").loc["credit.tech_sme_access_rate"]
    assert row["conflicts"] and any("47.9" in c for c in row["conflicts"])


def test_not_checkable_reasons_say_what_was_searched_for(card):
    reasons = card.loc[card["verdict"].astype(str) == "not_checkable", "reason"]
    assert len(reasons) >= 20
    assert reasons.str.len().min() > 30


def test_the_verdicts_are_sorted_findings_first(card):
    ordered = engine.by_importance(card)["verdict"].astype(str).tolist()
    first_other = next(
        i for i, v in enumerate(ordered) if v not in ("differs", "definition_dependent", "inconsistent_report_only")
    )
    assert set(ordered[first_other:]).isdisjoint({"differs", "definition_dependent", "inconsistent_report_only"})
    assert ordered[0] == "differs"
