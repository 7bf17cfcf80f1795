"""The closing pages: the verdict summary adds up to the register, the evidence behind the four
recommendations is recomputed right, and the bibliography covers every page the data cite."""

import datetime as dt
import re

import pandas as pd
import pytest
import yaml

from conftest import ROOT, notebook_markdown, read_notebook
from nqpf import data, engine
from nqpf.analysis import conclusions, relending, structure
from nqpf.book import summary
from nqpf.engine import VERDICTS
from nqpf.report import PARTS

MY_NOTEBOOKS = ["1-1_concept_and_timeline", "1-2_industry_scope", "3-3_recommendations"]


@pytest.fixture(scope="module")
def card() -> pd.DataFrame:
    return engine.scorecard()


@pytest.fixture(scope="module")
def official() -> pd.DataFrame:
    return data.official()


# --------------------------------------------------------------------------- the verdicts summed up
def test_the_verdict_counts_by_section_and_by_part_add_up_to_the_register(card):
    register = len(data.claims())
    for table in (summary.verdict_table(card), summary.verdict_by_part(card)):
        assert list(table.columns) == [*VERDICTS, "total"]
        assert table.loc["All", "total"] == register
        assert table.drop(index="All")["total"].sum() == register
        assert (table[list(VERDICTS)].sum(axis=1) == table["total"]).all()
        assert table.loc["All", list(VERDICTS)].to_dict() == engine.verdict_counts(card)


def test_the_sections_come_in_the_reports_order(card):
    first = [s[0] for s in summary.verdict_table(card).index.drop("All")]
    assert first == sorted(first, key="导一二三".index)
    assert list(summary.verdict_by_part(card).index)[:4] == list(PARTS.values())


def test_section_three_has_sixteen_claims_and_notebook_3_3_four(card):
    # the register's 三 section (data/report/claims.csv) and this page's own claims
    table = summary.verdict_table(card)
    assert table.loc["三 四方面推动金融更好服务新质生产力", "total"] == 16
    assert sorted(card.loc[card["notebook"] == "3-3_recommendations", "id"]) == [
        "recommend.count",
        "recommend.guarantee_fund",
        "recommend.heading_count",
        "recommend.vc_guide_fund",
    ]


# --------------------------------------------------------------------------- the evidence
def test_tech_sme_loans_grew_11_2_points_faster_than_all_loans_at_end_2024q1(official):
    # PBOC: tech-SME loans +20.4% y/y, all RMB+FX loans +9.2% at end-March 2024 (data/official/tech_loans.csv)
    loans = conclusions.loan_evidence(official)
    assert loans.growth_period == dt.date(2024, 3, 31)
    assert (loans.tech_sme_growth, loans.all_loans_growth) == (20.4, 9.2)
    assert loans.growth_gap == pytest.approx(11.2, abs=0.05)
    assert loans.access_rate == pytest.approx(47.9)


def test_tech_sme_loans_are_about_one_percent_of_all_loans_in_the_nearest_quarter(official):
    loans = conclusions.loan_evidence(official)
    assert abs((loans.share_period - dt.date(2024, 3, 31)).days) <= 92
    assert 0.9 < loans.share_percent < 1.3  # 2.45/242.24 at end-2023, 3.10/255.32 at mid-2024


def test_the_nearest_period_prefers_the_target_then_the_earlier_of_two_equally_near():
    a = pd.Series({dt.date(2023, 12, 31): 1.0, dt.date(2024, 6, 30): 2.0})
    assert conclusions.nearest_common([a], dt.date(2024, 3, 31)) == dt.date(2023, 12, 31)
    b = pd.Series({dt.date(2024, 3, 31): 1.0, dt.date(2024, 6, 30): 2.0})
    assert conclusions.nearest_common([b], dt.date(2024, 3, 31)) == dt.date(2024, 3, 31)
    with pytest.raises(KeyError):
        conclusions.nearest_common([a, b.drop(dt.date(2024, 6, 30))], dt.date(2024, 3, 31))


def test_credit_is_over_80_percent_only_for_loan_type_items_without_government_bonds(official):
    shares = conclusions.credit_share_evidence(structure.credit_shares(structure.stock_table(official)))
    assert shares["period_end"].nunique() == 1 and len(shares) == 6
    over = shares[shares["share_percent"] >= 80]
    assert list(zip(over["definition"], over["with_government_bonds"])) == [("loan_type", False)]


def test_the_relending_quota_levers_8333_yi_of_credit_within_8300_duo(official):
    terms = official[
        (official["indicator"].isin(["sti_2024_quota", "sti_2024_funding_share"]))
        & (official["period_end"] == dt.date(2024, 4, 7))
    ].set_index("indicator")["value"]
    assert relending.supported_credit(terms["sti_2024_quota"], terms["sti_2024_funding_share"]) == pytest.approx(
        8333.333, abs=1e-3
    )
    assert engine.verdict_of("relending.credit_leverage").verdict == "within_precision"


def test_the_report_makes_four_recommendations_and_the_engine_counts_four():
    assert list(data.report_table("recommendations")["order"]) == [1, 2, 3, 4]
    verdict = engine.verdict_of("recommend.count")
    assert (verdict.verdict, verdict.replicated) == ("reproduced", 4)


def test_an_observation_missing_from_the_data_is_named(official):
    with pytest.raises(KeyError, match="no official tech_sme_loan_growth_yoy at 1999-12-31"):
        conclusions.evidence_rows(official, [("tech_sme_loan_growth_yoy", dt.date(1999, 12, 31))])
    rows = conclusions.evidence_rows(official, [("all_loans_fc_growth_yoy", dt.date(2024, 3, 31))])
    assert rows.iloc[0]["where"].startswith("data/official/tech_loans.csv, line ")


# --------------------------------------------------------------------------- bibliography and pages
def bib_entries() -> dict[str, str]:
    text = (ROOT / "references.bib").read_text(encoding="utf-8")
    return dict(re.findall(r"@misc\{([^,]+),(.*?)\n\}", text, flags=re.S))


def test_every_page_the_official_data_cite_has_a_bibliography_entry():
    urls = {re.search(r"url = \{(.*)\},", body).group(1) for body in bib_entries().values() if "url = {" in body}
    cited = set()
    for path in (ROOT / "data" / "official").glob("*.csv"):
        cited |= set(pd.read_csv(path, dtype=str)["source_url"].dropna())
    assert sorted(cited - urls) == []


def test_every_entry_is_filed_under_one_section_of_the_bibliography_page():
    sections = set(re.findall(r':filter: keywords % "(\w+)"', (ROOT / "book" / "bibliography.md").read_text()))
    for key, body in bib_entries().items():
        assert re.search(r"keywords = \{(\w+)\}", body).group(1) in sections, key


def test_every_citation_in_the_pages_names_an_entry_of_references_bib():
    keys = set(bib_entries())
    pages = [notebook_markdown(n) for n in MY_NOTEBOOKS]
    pages += [p.read_text(encoding="utf-8") for p in (ROOT / "book").glob("*.md")]
    cited = {
        k.strip() for page in pages for group in re.findall(r"\{cite[pt]?\}`([^`]+)`", page) for k in group.split(",")
    }
    assert cited and sorted(cited - keys) == []


def test_the_config_loads_the_citation_extension_and_the_bib_file():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert "sphinxcontrib.bibtex" in config["sphinx"]["extra_extensions"]
    assert config["sphinx"]["config"]["bibtex_bibfiles"] == ["references.bib"]


@pytest.mark.parametrize("name", MY_NOTEBOOKS)
def test_every_quotation_on_the_page_is_the_reports_own_words(name):
    quotes = re.findall(r"^> (.+?) — ", notebook_markdown(name), flags=re.M)
    assert quotes
    assert [q for q in quotes if not data.in_report(q)] == []


@pytest.mark.parametrize("name", MY_NOTEBOOKS)
def test_the_notebook_is_text_and_opens_with_a_hidden_setup_cell(name):
    nb = read_notebook(ROOT / "notebooks" / f"{name}.md")
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].metadata.get("tags") == ["remove-cell"]


def test_the_reproducibility_page_keeps_the_benchmark_section_for_the_readme():
    page = (ROOT / "book" / "reproducibility.md").read_text(encoding="utf-8")
    assert "## Build and rerun speed\n\nBenchmark figures are recorded in the README." in page
    assert "```{nb-exec-table}" in page
