"""Section 一: the term's timeline is in the right order, each date claim rests on its sourced
event, and the definition diagram has the parts the report names."""

import datetime as dt
import re

import pandas as pd
import pytest

from nqpf import data, engine
from nqpf.analysis import timeline


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    ctx = engine.Context()
    return timeline.timeline_table(data.events(), [engine.verdict_of(c, ctx) for c in timeline.claim_ids()])


def test_the_events_run_from_the_2018_classification_to_the_lujiazui_forum_in_this_order(table):
    order = list(table.drop_duplicates("event")["event"])
    # cewc_2022 (the conference before the term existed, against which 首次 is read) and the NFRA's five-articles
    # guidance of 2024-05-09 are events of data/official/events.csv too
    expected = [
        "nbs_sei_classification_2018",
        "cewc_2022",
        "new_industry_standard_programme_2023",
        "term_first_proposed",
        "cewc_2023",
        "politburo_study_2024_01",
        "gwr_2024",
        "sti_relending_2024",
        "nfra_five_articles_guidance_2024",
        "innovation_points_first_batch",
    ]
    assert order[: len(expected)] == expected
    assert set(order[len(expected) :]) == {"csrc_star_eight_measures_2024", "lujiazui_forum_2024"}  # same day
    assert list(table["date"]) == sorted(table["date"])


def test_the_term_was_first_used_on_7_september_2023_and_made_task_one_on_5_march_2024(table):
    dates = table.drop_duplicates("event").set_index("event")["date"]
    assert dates["term_first_proposed"] == dt.date(2023, 9, 7)
    # the conference of December 2022 came before the term: 2023's was the first that could take it up
    assert dates["cewc_2022"] == dt.date(2022, 12, 15)
    assert dates["cewc_2023"] == dt.date(2023, 12, 11)
    assert dates["politburo_study_2024_01"] == dt.date(2024, 1, 31)
    assert dates["gwr_2024"] == dt.date(2024, 3, 5)
    assert (dates["gwr_2024"] - dates["term_first_proposed"]).days == 180


@pytest.mark.parametrize(
    "claim_id, sourced",
    [
        ("concept.first_proposed", "2023-09-07"),
        ("concept.cewc_2023", "2023-12-11"),
        ("concept.politburo_study_2024", "2024-01-31"),
        ("intro.gwr_first_task", "2024-03-05"),
    ],
)
def test_a_day_inside_the_month_the_report_writes_is_within_precision(claim_id, sourced):
    verdict = engine.verdict_of(claim_id)
    assert (verdict.verdict, verdict.replicated) == ("within_precision", sourced)


def test_every_dating_claim_is_checked_against_the_event_it_is_listed_with(table):
    dating = table[table["dating"] & table["claim_id"].notna()]
    assert len(dating) == len(timeline.EVENT_CLAIMS)
    for row in dating.itertuples():
        if row.claim_id != "relending.first_batch_firms":  # a count checked on the same PBOC statement
            assert row.event in engine.verdict_of(row.claim_id).reason, row.claim_id


def test_every_event_of_the_timeline_is_in_the_data_with_a_label_and_a_kind():
    events = set(data.events()["event"])
    assert set(timeline.EVENT_CLAIMS) <= events
    assert set(timeline.EVENT_CLAIMS) == set(timeline.EVENT_LABELS) == set(timeline.EVENT_KINDS)


def test_an_event_without_claims_or_label_keeps_a_row_and_falls_back_to_its_description():
    events = pd.DataFrame(
        [
            {
                "event": "new_event",
                "date": dt.date(2024, 5, 1),
                "date_precision": "day",
                "description_en": "Something happened; more",
                "source_url": "https://example.org",
            }
        ]
    )
    row = timeline.timeline_table(events, []).iloc[0]
    assert (row["label_en"], row["claim_id"], row["kind"]) == ("Something happened", None, "finance")


def test_three_central_meetings_or_reports_followed_the_first_use(table):
    assert timeline.central_mentions(data.events()) == ["cewc_2023", "politburo_study_2024_01", "gwr_2024"]
    verdict = engine.verdict_of("concept.dense_mentions")  # 多个 = at least two; three is a lower bound
    assert (verdict.verdict, verdict.replicated) == ("within_precision", 3)


def test_labels_closer_than_the_gap_never_share_a_height():
    days = [dt.date(2024, 6, 14), dt.date(2024, 6, 19), dt.date(2024, 6, 19), dt.date(2024, 12, 31)]
    levels = timeline.label_levels(days, min_gap_days=120)
    assert len(set(levels[:3])) == 3
    assert levels[3] == 1.0  # far from the others: back to the first height


def test_the_diagram_has_the_three_factors_feeding_their_combination_which_feeds_tfp():
    boxes, arrows = timeline.concept_boxes(data.report_table("concept_components"))
    assert set(boxes["term_zh"]) == {"劳动者", "劳动资料", "劳动对象", "优化组合", "全要素生产率"}
    assert sorted(a for a, b in arrows if b == "component.combination") == [
        "component.labourers",
        "component.means_of_labour",
        "component.objects_of_labour",
    ]
    assert ("component.combination", "component.tfp") in arrows
    assert engine.verdict_of("concept.three_factors").replicated == 3


def test_a_missing_component_is_named_with_its_file():
    components = data.report_table("concept_components")
    with pytest.raises(KeyError, match=re.escape("concept_components.csv lacks component.tfp")):
        timeline.concept_boxes(components[components["id"] != "component.tfp"])
