"""The closing pages: the verdict summary adds up to the register, the evidence behind the four
recommendations is recomputed right, and the bibliography covers every page the data cite."""

import datetime as dt
import re

import pandas as pd
import pytest
import yaml

from conftest import ROOT, read_notebook
from nqpf import data, engine
from nqpf.analysis import conclusions, relending, structure
from nqpf.book import bibliography, cards, summary
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
    # two pages give the 2024Q1 access rate: 证券日报 quoting the PBOC (46.5%, tier_rank 1) and a journal
    # abstract on qikan.com.cn (47.9%, the report's figure, a republication); the more authoritative is used
    assert loans.access_rate_period == dt.date(2024, 3, 31)
    assert loans.access_rate == pytest.approx(46.5)


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
    # counted in the report's own text (一是…四是); no outside source can confirm the report's structure
    assert (verdict.verdict, verdict.basis, verdict.replicated) == ("consistent_report_only", "report", 4)
    assert verdict.sources == ()


def test_an_observation_missing_from_the_data_is_named(official):
    with pytest.raises(KeyError, match="no official tech_sme_loan_growth_yoy at 1999-12-31"):
        conclusions.evidence_rows(official, [("tech_sme_loan_growth_yoy", dt.date(1999, 12, 31))])
    rows = conclusions.evidence_rows(official, [("all_loans_fc_growth_yoy", dt.date(2024, 3, 31))])
    assert rows.iloc[0]["where"].startswith("data/official/tech_loans.csv, line ")


# --------------------------------------------------------------------------- bibliography and pages
# The bibliography is generated from the sources registry, data/sources.csv (nqpf.book.bibliography): the
# hand-kept references.bib and sphinxcontrib-bibtex were removed on purpose.
def cited_source_ids() -> set[str]:
    """Every page id a data row cites, in a ``source`` or ``cross_check`` column (``;`` between ids)."""
    cited = set()
    for path in (ROOT / "data").rglob("*.csv"):
        if path.name == "sources.csv":
            continue
        frame = pd.read_csv(path, dtype=str)
        for column in ("source", "cross_check"):
            if column in frame:
                cited |= {i for cell in frame[column].dropna() for i in cell.split(";") if i}
    return cited


def bibliography_entries(card: pd.DataFrame) -> dict[str, str]:
    """The entries of the bibliography page's generated list: page id → the entry's HTML."""
    page = bibliography.html_list(card)
    entries = re.findall(r'<li id="source-([^"]+)"[^>]*>(.*?)</li>', page, flags=re.S)
    assert len(entries) == len({i for i, _ in entries}), "a page is listed twice"
    return dict(entries)


def test_every_page_the_data_cite_is_in_the_registry_and_on_the_bibliography_page(card):
    registry = set(data.sources()["id"])
    cited = cited_source_ids()
    assert len(cited) > 100 and sorted(cited - registry) == []
    # the page lists every row of the registry (cited by a data row or not), each once, with its anchor
    assert sorted(bibliography_entries(card)) == sorted(registry)


def test_every_entry_is_filed_under_the_section_of_its_tier(card):
    sources = data.sources()
    assert set(sources["tier"]) <= set(bibliography.TIERS)
    sections = re.findall(r"<h3>[^<]*\((\d+)\)</h3>.*?<ol>(.*?)</ol>", bibliography.html_list(card), flags=re.S)
    tiers = [t for t in bibliography.TIERS if (sources["tier"] == t).any()]
    assert len(sections) == len(tiers)  # most authoritative first, as bibliography.TIERS orders them
    for tier, (count, items) in zip(tiers, sections):
        ids = re.findall(r'<li id="source-([^"]+)"', items)
        assert sorted(ids) == sorted(sources.loc[sources["tier"] == tier, "id"]) and int(count) == len(ids), tier


def test_every_entry_links_the_claims_whose_verdicts_cite_it(card):
    entries = bibliography_entries(card)
    pairs = [(cid, s["id"]) for cid, sources in zip(card["id"], card["sources"]) for s in sources]
    assert pairs
    for cid, source_id in pairs:
        assert cards.claim_link(cid) in entries[source_id], (cid, source_id)


def test_the_bibtex_download_has_one_entry_per_page_of_the_registry():
    keys = re.findall(r"^@misc\{([^,]+),$", bibliography.bibtex(), flags=re.M)
    assert sorted(keys) == sorted(data.sources()["id"])


def test_no_page_uses_a_citation_role_now_that_the_bibtex_extension_is_gone():
    # without sphinxcontrib-bibtex a {cite} role or {bibliography} directive would break the strict build
    pages = [p.read_text(encoding="utf-8") for p in [*ROOT.glob("notebooks/*.md"), *ROOT.glob("book/*.md")]]
    assert len(pages) > 10 and [m for page in pages for m in re.findall(r"\{(?:cite[pt]?|bibliography)\}", page)] == []


def test_the_config_loads_the_books_extension_and_no_bib_file():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["sphinx"]["extra_extensions"] == ["nqpf.book.sphinx"]
    assert "bibtex_bibfiles" not in config["sphinx"]["config"]
    assert not (ROOT / "references.bib").exists()
    assert "bibliography.html_list(" in (ROOT / "book" / "bibliography.md").read_text(encoding="utf-8")


# The quotations of 1-1, 1-2 and 3-3 (`> 中文` lines, glosses on `> *...*` lines or after ` — `) are checked
# against the report's text for every chapter by tests/test_prose.py::test_every_quotation_of_the_report_is_its_exact_words.


@pytest.mark.parametrize("name", MY_NOTEBOOKS)
def test_the_notebook_is_text_and_opens_with_a_hidden_setup_cell(name):
    nb = read_notebook(ROOT / "notebooks" / f"{name}.md")
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].metadata.get("tags") == ["remove-cell"]


def test_the_reproducibility_page_keeps_the_benchmark_section_for_the_readme():
    page = (ROOT / "book" / "reproducibility.md").read_text(encoding="utf-8")
    assert "## Build and rerun speed\n\nBenchmark figures are recorded in the README." in page
    assert "```{nb-exec-table}" in page
