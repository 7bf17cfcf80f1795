"""Section 一（二）: the three industry lists are counted right, and the crosswalk between them is
complete, names only real items, and overlaps the lists as notebook 1-2 says."""

import re

import pandas as pd
import pytest

from nqpf import data, engine
from nqpf.analysis import industries
from nqpf.data import DataFileError


@pytest.fixture(scope="module")
def lists():
    return {
        name: data.report_table(name)
        for name in ("new_industries", "sei_domains_2018", "gwr2024_named_sectors", "industry_crosswalk")
    }


def args(lists):
    return (
        lists["industry_crosswalk"],
        lists["new_industries"],
        lists["sei_domains_2018"],
        lists["gwr2024_named_sectors"],
    )


def test_the_programme_lists_8_emerging_and_9_future_industries_17_in_all(lists):
    # 图表2 and the programme: 八大新兴产业 + 九大未来产业 = 17个“新产业”
    assert industries.group_counts(lists["new_industries"]) == {"emerging": 8, "future": 9, "total": 17}


def test_the_nbs_2018_classification_has_9_domains_and_the_gwr_3_areas_and_16_named_sectors(lists):
    assert len(lists["sei_domains_2018"]) == 9
    assert data.report_table("gwr2024_items")["area_zh"].nunique() == 3
    # 9 emerging/future sub-fields + 7 digital-economy sub-fields, as the report lists them
    assert lists["gwr2024_named_sectors"]["area_en"].value_counts().to_dict() == {
        "emerging_future": 9,
        "digital_economy": 7,
    }


@pytest.mark.parametrize(
    "claim_id, count",
    [
        ("industries.emerging_count", 8),
        ("industries.future_count", 9),
        ("industries.new_industries_count", 17),
        ("industries.sei_domains_count", 9),
        ("gwr.areas_count", 3),
    ],
)
def test_the_engine_reproduces_each_count_the_report_writes(claim_id, count):
    verdict = engine.verdict_of(claim_id)
    assert (verdict.verdict, verdict.replicated) == ("reproduced", count)


def test_the_crosswalk_names_only_items_of_the_three_lists_and_leaves_none_out(lists):
    industries.check_crosswalk(*args(lists))  # raises DataFileError otherwise


def test_every_crosswalk_row_gives_a_one_line_rationale(lists):
    rationale = lists["industry_crosswalk"]["rationale"]
    assert rationale.str.len().min() > 30
    assert not rationale.str.contains("\n").any()


def test_a_crosswalk_row_naming_an_unknown_item_is_reported_with_its_line_and_column(lists):
    bad = lists["industry_crosswalk"].copy()
    bad.loc[bad.index[0], "sei_domain_id"] = "sei2018.no_such_domain"
    with pytest.raises(DataFileError) as error:
        industries.check_crosswalk(bad, *args(lists)[1:])
    message = str(error.value)
    assert "industry_crosswalk.csv, line 2, column 'sei_domain_id'" in message
    assert "sei2018.no_such_domain" in message


def test_leaving_an_industry_out_of_the_crosswalk_is_reported(lists):
    crosswalk = lists["industry_crosswalk"]
    without = crosswalk[crosswalk["new_industry_id"] != "future.metaverse"]
    with pytest.raises(DataFileError, match=re.escape("'future.metaverse' of the list new industries")):
        industries.check_crosswalk(without, *args(lists)[1:])


def test_the_crosswalk_overlap_is_the_one_notebook_1_2_reports(lists):
    cover = industries.coverage(*args(lists)).set_index(["list", "other"])
    expected = {  # (items, linked): the judgement in data/report/industry_crosswalk.csv
        ("new_industries", "sei_2018"): (17, 16),
        ("new_industries", "gwr_2024"): (17, 8),
        ("sei_2018", "new_industries"): (9, 8),
        ("sei_2018", "gwr_2024"): (9, 6),
        ("gwr_2024", "new_industries"): (16, 10),
        ("gwr_2024", "sei_2018"): (16, 13),
    }
    for pair, (items, linked) in expected.items():
        assert (cover.loc[pair, "items"], cover.loc[pair, "linked"]) == (items, linked), pair
    assert cover.loc[("new_industries", "sei_2018"), "percent"] == pytest.approx(100 * 16 / 17)


def test_only_brain_computer_interfaces_related_services_and_three_digital_applications_stand_alone(lists):
    crosswalk = lists["industry_crosswalk"]
    assert industries.in_no_other_list(crosswalk, "new_industries") == ["future.brain_computer_interface"]
    assert industries.in_no_other_list(crosswalk, "sei_2018") == ["sei2018.related_services"]
    assert industries.in_no_other_list(crosswalk, "gwr_2024") == ["数字乡村", "智慧城市", "服务业数字化"]


def test_the_heatmap_matrix_has_a_row_per_concept_and_marks_each_link(lists):
    matrix, notes = industries.presence(*args(lists))
    crosswalk = lists["industry_crosswalk"]
    assert matrix.shape == (len(crosswalk), 3)
    assert list(matrix.sum()) == [
        int(crosswalk[c].notna().sum()) for c in ("new_industry_id", "sei_domain_id", "gwr_sector_zh")
    ]
    assert matrix.index.is_unique
    # the example of the brief: 新能源汽车 ↔ 新能源汽车产业 ↔ 智能网联新能源汽车, labelled by its most specific name
    assert list(notes.loc["New energy vehicles 新能源汽车"]) == ["新能源汽车", "新能源汽车产业", "智能网联新能源汽车"]
    assert list(notes.loc["Big data 大数据"]) == ["新一代信息技术", "新一代信息技术产业", "大数据"]


def test_the_crosswalk_is_a_registered_report_table_that_validate_checks():
    assert "report/industry_crosswalk.csv" in data.catalog().files
    assert any(line.startswith("data/report/industry_crosswalk.csv:") for line in data.validate_all())


def test_a_crosswalk_row_without_a_rationale_fails_validation_naming_the_line(data_copy):
    path = data_copy / "report" / "industry_crosswalk.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[2, "rationale"] = ""
    frame.to_csv(path, index=False)
    with pytest.raises(DataFileError, match=r"industry_crosswalk.csv, line 4, column 'rationale': is empty"):
        data.report_table("industry_crosswalk")
