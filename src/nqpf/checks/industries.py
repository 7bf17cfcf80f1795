"""Checks of section 一（二）: the new-industry programme, the NBS classification, the 2024 Government Work Report."""

from __future__ import annotations

import re

import pandas as pd

from ..data import squeeze
from ..evidence import Context, Evidence, NotCheckable, Registry
from .common import (
    COUNT,
    compare_wording,
    event_evidence,
    list_evidence,
    list_words,
    normalise,
    phrases_in_document,
    row_sources,
    same_items,
    stated_count,
    stated_counts,
    tier_name,
)

CHECKS = Registry()


@CHECKS.check("industries.programme_issued_2023")
def _programme_issued(ctx: Context, claim: pd.Series) -> Evidence:
    return event_evidence(ctx, "new_industry_standard_programme_2023")


@CHECKS.check("industries.programme_period")
def _programme_period(ctx: Context, claim: pd.Series) -> Evidence:
    rows = [ctx.event("new_industry_standard_programme_2023")]
    rows += [r for _, r in ctx.excerpts("new_industry_standard_programme_2023").iterrows()]
    for row in rows:
        title = re.search(r"新产业标准化领航工程实施方案\((\d{4})[─—–-](\d{4})年\)", normalise(row["quote"]))
        if title:
            found = f"{title.group(1)}─{title.group(2)}"
            return Evidence(
                None,
                "text",
                f"the official notice's title carries the period {found} (line {row['_line']} of "
                f"data/official/{'events' if 'event' in row else 'documents'}.csv)",
                row_sources(row),
                holds=found == "2023─2035",
            )
    raise NotCheckable("no sourced sentence gives the programme's title with its period")


@CHECKS.check("industries.new_industry_definition")
def _new_industry_definition(ctx: Context, claim: pd.Series) -> Evidence:
    return compare_wording(ctx, "new_industry_standard_programme_2023", claim["quote_zh"], "the definition")


#: the programme's two groups: (group in data/official/lists.csv, the word a sentence counts them with, what they are)
_GROUPS = (("emerging", "新兴产业", "emerging industries"), ("future", "未来产业", "future industries"))


_PROGRAMME = "new_industry_standard_programme_2023"


def _group_count(ctx: Context, group: str, word: str, what: str) -> Evidence:
    """The count of one group as the most authoritative sentence states it (8大新兴产业), the full list beside it."""
    return stated_count(ctx, _PROGRAMME, rf"{COUNT}大{word}", what, list_name="new_industries_2023", group=group)


@CHECKS.check("industries.emerging_count")
def _emerging(ctx: Context, claim: pd.Series) -> Evidence:
    return _group_count(ctx, *_GROUPS[0])


@CHECKS.check("industries.future_count")
def _future(ctx: Context, claim: pd.Series) -> Evidence:
    return _group_count(ctx, *_GROUPS[1])


@CHECKS.check("industries.new_industries_count")
def _new_industries(ctx: Context, claim: pd.Series) -> Evidence:
    """17 is a sum: the sources state 8 emerging and 9 future industries; no page writes the total."""
    parts = [_group_count(ctx, *g) for g in _GROUPS]
    total = sum(p.value for p in parts)
    stated = [stated_counts(ctx, _PROGRAMME, rf"{COUNT}大{word}")[:1] for _, word, _ in _GROUPS]
    if all(stated):
        where = {
            f"{ctx.source(r['source'])['publisher']} ({tier_name(ctx, r['source'])}), data/official/documents.csv "
            f"line {r['_line']}"
            for ((_, r, _),) in stated
        }
        said = f"{' and '.join(w for ((_, _, w),) in stated)} ({'; '.join(sorted(where))})"
    else:  # a group without a stated count is counted in its list
        said = "; ".join(p.how for p in parts)
    how = f"{' + '.join(f'{p.value:g}' for p in parts)} = {total:g} new industries, a sum: {said}; no page writes the total"
    try:
        listed = list_evidence(ctx, "new_industries_2023", what="new industries")
    except NotCheckable:
        listed = None
    if listed is not None:
        how += f"; {list_words(ctx, listed)}"
    return Evidence(
        total,
        "个",
        how,
        tuple(dict.fromkeys(s for p in parts for s in p.sources)),
        conflicts=tuple(dict.fromkeys(c for p in parts for c in p.conflicts)),
    )


@CHECKS.check("industries.fig2_matches_list")
def _fig2(ctx: Context, claim: pd.Series) -> Evidence:
    table = ctx.table("new_industries").sort_values(["group", "order"])
    return same_items(ctx, "new_industries_2023", list(table["name_zh"]), what="industries of 图表2")


@CHECKS.check("industries.sei_classification_2018")
def _sei_2018(ctx: Context, claim: pd.Series) -> Evidence:
    return event_evidence(ctx, "nbs_sei_classification_2018")


@CHECKS.check("industries.sei_domains_count")
def _sei_domains(ctx: Context, claim: pd.Series) -> Evidence:
    return list_evidence(ctx, "sei_domains_2018", what="domains")


@CHECKS.check("industries.sei_domains_match")
def _sei_match(ctx: Context, claim: pd.Series) -> Evidence:
    table = ctx.table("sei_domains_2018").sort_values("order")
    return same_items(ctx, "sei_domains_2018", list(table["name_zh"]), what="domains")


@CHECKS.check("gwr.areas_count")
def _gwr_areas(ctx: Context, claim: pd.Series) -> Evidence:
    return list_evidence(ctx, "gwr_2024_task1_areas", what="areas of task (一)")


@CHECKS.check("gwr.area_labels")
def _gwr_area_labels(ctx: Context, claim: pd.Series) -> Evidence:
    areas = list(dict.fromkeys(ctx.table("gwr2024_items").sort_values("_line")["area_zh"]))
    return same_items(ctx, "gwr_2024_task1_areas", areas, what="area labels of 图表3")


def _named_sectors(ctx: Context, area: str) -> list[str]:
    table = ctx.table("gwr2024_named_sectors")
    return list(table.loc[table["area_en"] == area, "sector_zh"])


@CHECKS.check("gwr.traditional_upgrade")
def _gwr_traditional(ctx: Context, claim: pd.Series) -> Evidence:
    return compare_wording(ctx, "gwr_2024", claim["quote_zh"], "the phrase")


@CHECKS.check("gwr.emerging_subfields_named")
def _gwr_emerging(ctx: Context, claim: pd.Series) -> Evidence:
    return phrases_in_document(
        ctx, "gwr_2024", _named_sectors(ctx, "emerging_future"), "emerging and future sub-fields"
    )


@CHECKS.check("gwr.digital_subfields_named")
def _gwr_digital(ctx: Context, claim: pd.Series) -> Evidence:
    return phrases_in_document(ctx, "gwr_2024", _named_sectors(ctx, "digital_economy"), "digital-economy sub-fields")


@CHECKS.check("gwr.ai_plus")
def _gwr_ai_plus(ctx: Context, claim: pd.Series) -> Evidence:
    return compare_wording(ctx, "gwr_2024", claim["quote_zh"], "the phrase")


@CHECKS.check("gwr.section_title_wording")
def _gwr_title(ctx: Context, claim: pd.Series) -> Evidence:
    return compare_wording(ctx, "gwr_2024", claim["reported"], "the heading of task (一)")


@CHECKS.check("gwr.fig3_item_wording")
def _gwr_fig3_item(ctx: Context, claim: pd.Series) -> Evidence:
    label = re.sub(r"^\d+\.", "", claim["quote_zh"]).rstrip("：:")  # the figure's numbering is not the document's
    return compare_wording(ctx, "gwr_2024", label, "图表3's label of the item")


@CHECKS.check("gwr.fig3_matches_text_emerging")
def _fig3_emerging(ctx: Context, claim: pd.Series) -> Evidence:
    return _figure_against_text(ctx, "emerging_future", "积极培育新兴产业和未来产业")


@CHECKS.check("gwr.fig3_matches_text_digital")
def _fig3_digital(ctx: Context, claim: pd.Series) -> Evidence:
    return _figure_against_text(ctx, "digital_economy", "深入推进数字经济创新发展")


def _figure_against_text(ctx: Context, area_en: str, area_zh: str) -> Evidence:
    """Whether every sub-field the text names is an item of 图表3 in the same area (both the report's)."""
    items = ctx.table("gwr2024_items")
    figure = "".join(items.loc[items["area_zh"].map(squeeze) == squeeze(area_zh), "item_zh"].map(squeeze))
    named = _named_sectors(ctx, area_en)
    missing = [s for s in named if squeeze(s) not in figure]
    return Evidence(
        None,
        "text",
        f"{len(named) - len(missing)} of the {len(named)} sub-fields the text names are in "
        f"图表3's area {area_zh}" + (f"; not there: {'、'.join(missing)}" if missing else ""),
        (),
        basis="report",
        holds=not missing,
    )
