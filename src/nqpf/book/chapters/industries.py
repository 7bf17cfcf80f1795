"""The facts of chapter 1-2, the industry scope: the report's three industry lists counted and set against
the official lists, the dates of the documents behind them, the wording of the 2024 Government Work
Report, and how far the three lists overlap (this book's crosswalk, ``data/report/industry_crosswalk.csv``)."""

from __future__ import annotations

import pandas as pd

from ...analysis import industries
from ...evidence import Context
from .. import labels
from ..facts import Facts, row_ref

#: the official lists of the chapter → (fact-name key, the claim that compares the report's copy with it)
MATCH_CLAIMS = {
    "new_industries_2023": ("new", "industries.fig2_matches_list"),
    "sei_domains_2018": ("sei", "industries.sei_domains_match"),
    "gwr_2024_task1_areas": ("areas", "gwr.area_labels"),
}

#: the dated events → (fact name, the claim that dates it)
EVENTS = {
    "new_industry_standard_programme_2023": ("d_programme", "industries.programme_issued_2023"),
    "nbs_sei_classification_2018": ("d_sei", "industries.sei_classification_2018"),
}


def _page(source_id: str, context: Context) -> str:
    """A page of the sources registry as "publisher (tier)"."""
    source = context.source(source_id)
    return f"{source['publisher']} ({labels.TIER['en'].get(source['tier'], source['tier'])})"


def facts(context: Context, card: pd.DataFrame, out: Facts) -> None:
    """Add the chapter's facts to ``out``."""
    new, sei = context.table("new_industries"), context.table("sei_domains_2018")
    items, gwr = context.table("gwr2024_items"), context.table("gwr2024_named_sectors")
    crosswalk = context.table("industry_crosswalk")
    industries.check_crosswalk(crosswalk, new, sei, gwr)

    for event, (name, claim) in EVENTS.items():
        row = context.event(event)
        out.add(
            name,
            row["date"].isoformat(),
            about=f"{row['description_en']} ({claim})",
            row=row_ref(row, context),
        )

    counts = industries.group_counts(new)
    out.add(
        "n_emerging",
        counts["emerging"],
        about="emerging industries in the report's text and 图表2",
        claim="industries.emerging_count",
    )
    out.add(
        "n_future",
        counts["future"],
        about="future industries in the report's text and 图表2",
        claim="industries.future_count",
    )
    out.add(
        "n_new", counts["total"], about="new industries in the report's 图表2", claim="industries.new_industries_count"
    )
    out.add(
        "n_sei",
        len(sei),
        about="domains of the NBS 2018 classification the report lists",
        claim="industries.sei_domains_count",
    )
    out.add("n_areas", int(items["area_zh"].nunique()), about="areas of 图表3", claim="gwr.areas_count")
    out.add("n_fig3_items", int(items["sub_no"].isna().sum()), about="numbered items of 图表3 (sub-points aside)")
    by_area = gwr["area_en"].value_counts()
    out.add("n_gwr", len(gwr), about="sub-fields the report says the Government Work Report names")
    out.add(
        "n_gwr_emerging",
        int(by_area.get("emerging_future", 0)),
        about="emerging and future sub-fields the report says the Government Work Report names",
        claim="gwr.emerging_subfields_named",
    )
    out.add(
        "n_gwr_digital",
        int(by_area.get("digital_economy", 0)),
        about="digital-economy sub-fields the report says the Government Work Report names",
        claim="gwr.digital_subfields_named",
    )

    lists = context.lists
    side = industries.against_official(lists, industries.report_copies(new, sei, items))
    for name, (key, claim) in MATCH_CLAIMS.items():
        rows = lists[lists["list"] == name].sort_values(["group", "order"])
        first = rows.iloc[0]
        ref = row_ref(first, context)
        out.add(f"official_{key}", len(rows), about=f"items of the official list {name}", row=ref)
        for group in ("emerging", "future"):
            if (rows["group"] == group).any():
                out.add(
                    f"official_{key}_{group}",
                    int((rows["group"] == group).sum()),
                    about=f"{group} items of the official list {name}",
                    row=ref,
                )
        mine = side[side["list"] == name]
        out.add(
            f"same_{key}",
            int(mine["same"].sum()),
            about="items the report's copy gives as the official list does, at the same place",
            claim=claim,
        )
        out.add(
            f"page_{key}",
            _page(first["source"], context),
            about=f"the page the official list {name} was read from",
            row=ref,
        )
        cross = [c.strip() for c in str(first.get("cross_check") or "").split(";") if c.strip()]
        out.add(
            f"cross_{key}",
            "; ".join(_page(c, context) for c in cross) or "no second page",
            about=f"other pages carrying the list {name}",
        )

    changes = industries.wording_table(card).set_index("id")
    for name, claim in (("title_added", "gwr.section_title_wording"), ("fig3_added", "gwr.fig3_item_wording")):
        if claim in changes.index:
            out.add(
                name,
                changes.loc[claim, "added"] or "nothing",
                about="what the report's words add to the source's",
                claim=claim,
            )
    out.add("n_wording", len(changes), about="claims of this chapter compared word for word with a sourced sentence")
    same = int(((changes["added"] == "") & (changes["left_out"] == "")).sum())
    out.add("n_word_for_word", same, about="of those, the report's words are the source's, typography aside")
    out.add("n_wording_changed", len(changes) - same, about="of those, the report's words add or leave out characters")

    cover = industries.coverage(crosswalk, new, sei, gwr).set_index(["list", "other"])
    for (a, b), row in cover.iterrows():
        out.add(f"cov_{a}_{b}", int(row["linked"]), about=f"items of {a} the crosswalk links to an item of {b}")
        out.add(f"pct_{a}_{b}", float(row["percent"]), "{:.0f}%", about=f"share of the items of {a} linked to {b}")
    names = dict(zip(new["id"], new["name_zh"])) | dict(zip(sei["id"], sei["name_zh"]))
    alone = {key: [names.get(i, i) for i in industries.in_no_other_list(crosswalk, key)] for key in industries.LISTS}
    out.add("n_rows", len(crosswalk), about="industry concepts in the crosswalk (data/report/industry_crosswalk.csv)")
    out.add("alone_new", "、".join(alone["new_industries"]), about="new industries in neither other list")
    out.add("alone_sei", "、".join(alone["sei_2018"]), about="SEI domains in neither other list")
    out.add("alone_gwr", "、".join(alone["gwr_2024"]), about="GWR sub-fields in neither other list")
    out.add("n_alone_gwr", len(alone["gwr_2024"]), about="GWR sub-fields in neither other list")
    sei_only = crosswalk[
        crosswalk["gwr_sector_zh"].notna() & crosswalk["new_industry_id"].isna() & crosswalk["sei_domain_id"].notna()
    ]["gwr_sector_zh"]
    out.add("gwr_sei_only", "、".join(sei_only), about="GWR sub-fields in an SEI domain but no new industry")
    out.add("n_gwr_sei_only", len(sei_only), about="GWR sub-fields in an SEI domain but no new industry")
