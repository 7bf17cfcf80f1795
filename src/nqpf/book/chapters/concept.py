"""The facts of chapter 1-1, the concept and its timeline: the sourced days of the events the report
dates, the days between them, the central meetings after the term's first use, the Government Work
Report's tasks, the wording comparisons with the Politburo study session and the official list of the
factors of production."""

from __future__ import annotations

import pandas as pd

from ...analysis import timeline
from ...evidence import Context
from ...report import REPORT_AS_OF
from ..facts import Facts, row_ref

#: fact name → the event whose sourced day it gives (data/official/events.csv)
EVENTS = {
    "first": "term_first_proposed",
    "cewc_2022": "cewc_2022",
    "cewc": "cewc_2023",
    "politburo": "politburo_study_2024_01",
    "gwr": "gwr_2024",
    "programme": "new_industry_standard_programme_2023",
    "sei": "nbs_sei_classification_2018",
}

#: fact name → (from, to): days between two sourced events
SPANS = {
    "days_to_cewc": ("term_first_proposed", "cewc_2023"),
    "days_to_politburo": ("term_first_proposed", "politburo_study_2024_01"),
    "days_to_gwr": ("term_first_proposed", "gwr_2024"),
    "days_2022_to_first": ("cewc_2022", "term_first_proposed"),
}

#: wording comparison → the short name of its facts
WORDING = {
    "concept.politburo_wording": "politburo",
    "concept.official_definition": "definition",
    "concept.basic_content_wording": "basic_content",
    "concept.core_marker": "core_marker",
}


def _with_file(row: pd.Series, file: str) -> pd.Series:
    row = row.copy()
    row["file"] = file
    return row


def _event_facts(context: Context, out: Facts) -> None:
    events = context.events
    for key, name in EVENTS.items():
        row = _with_file(context.event(name), "data/official/events.csv")
        ref = row_ref(row, context)
        out.add(f"d_{key}", row["date"].isoformat(), about=row["description_en"], row=ref)
        out.add(
            f"pub_{key}",
            context.source(row["source"])["publisher"],
            about=f"who published the page dating {name}",
            row=ref,
        )
    first = context.source(context.event("term_first_proposed")["source"])
    out.add("d_first_page", str(first["page_date"]), about="the date of the page that dates the first use")
    for key, (start, end) in SPANS.items():
        out.add(
            key,
            timeline.days_between(events, start=start, end=end),
            "{:,} days",
            about=f"days from {start} to {end} (data/official/events.csv)",
        )
    out.add(
        "report_as_of",
        REPORT_AS_OF.isoformat(),
        about="the day the report speaks from (it cites events of 19 June 2024), marked on the timeline",
    )


def _timeline_facts(context: Context, card: pd.DataFrame, out: Facts) -> None:
    events = context.events
    table = timeline.timeline_table(events, card.to_dict("records"))
    out.add("n_events", table["event"].nunique(), about="sourced events on the timeline (data/official/events.csv)")
    dating = timeline.dating_table(card, events)
    out.add("n_dating", len(dating), about="claims of this chapter that date an event")
    out.add(
        "n_inside",
        int(dating["inside"].sum()),
        about="of them, those whose sourced day is inside the period the report's words allow",
    )
    central = timeline.central_mentions(events)
    out.add(
        "n_central",
        len(central),
        about="central meetings or reports after the term's first use, in the data",
        claim="concept.dense_mentions",
    )
    out.add(
        "central_names",
        "; ".join(timeline.EVENT_LABELS[e][0] for e in central),
        about="those meetings and reports",
        claim="concept.dense_mentions",
    )
    many = card.loc[card["id"] == "concept.dense_mentions", "low"]
    if len(many):
        out.add(
            "n_many_min",
            float(many.iloc[0]),
            "{:.0f}",
            about="the fewest items 多个 (several) allows",
            claim="concept.dense_mentions",
        )


def _document_facts(context: Context, out: Facts) -> None:
    tasks = timeline.gwr_tasks(context.documents)
    docs = context.documents
    if len(tasks):
        line = docs[docs["_line"] == tasks["_line"].iloc[0]].iloc[0]
        ref = row_ref(_with_file(line, "data/official/documents.csv"), context)
        out.add("n_gwr_tasks", len(tasks), about="tasks the Government Work Report lists for 2024", row=ref)
        out.add("gwr_task1", tasks["task_zh"].iloc[0], about="the first of them", row=ref)
        out.add(
            "pub_gwr_tasks",
            context.source(line["source"])["publisher"],
            about="who published the page listing the tasks",
            row=ref,
        )
    local = context.excerpts("local_government_priorities_2024").iloc[0]
    ref = row_ref(_with_file(local, "data/official/documents.csv"), context)
    out.add("local_sentence", local["quote"], about="the sentence on local governments' plans for 2024", row=ref)
    out.add("d_local", str(local["date"]), about="the date of that sentence's page", row=ref)
    out.add("pub_local", context.source(local["source"])["publisher"], about="who published it", row=ref)


def _wording_facts(context: Context, card: pd.DataFrame, out: Facts) -> None:
    wording = timeline.wording_table(card)
    out.add("n_wording", len(wording), about="wording comparisons with the Politburo study session's text")
    out.add(
        "n_word_for_word",
        int(wording["word_for_word"].sum()),
        about="of them, those where the report's words stand in the official sentence as they are",
    )
    out.add(
        "n_edited",
        int((~wording["word_for_word"]).sum()),
        about="of them, those where the report edits the official sentence",
    )
    for row in wording.itertuples():
        key = WORDING.get(row.claim_id, row.claim_id.split(".")[-1])
        out.add(
            f"edits_{key}",
            row.edits,
            about="the edits between the report's words and the official sentence",
            claim=row.claim_id,
        )
    session = context.excerpts("politburo_study_2024_01")
    out.add(
        "pub_politburo_text",
        context.source(session["source"].iloc[0])["publisher"],
        about="who published the page carrying the session's text",
    )


def _factor_facts(context: Context, out: Facts) -> None:
    official = context.official_list("factors_of_production")
    factors = timeline.factors_table(context.table("concept_components"), official)
    ref = row_ref(_with_file(official.iloc[0], "data/official/lists.csv"), context)
    out.add(
        "n_factors_official",
        int(factors["in_official"].sum()),
        about="factors in the official list",
        claim="concept.three_factors",
    )
    out.add("factors_official", "、".join(official["item_zh"]), about="the official list's factors", row=ref)
    out.add(
        "n_factors_both",
        int((factors["in_official"] & factors["in_report"]).sum()),
        about="factors the report names that are in the official list",
        claim="concept.three_factors",
    )
    out.add(
        "pub_factors",
        context.source(official["source"].iloc[0])["publisher"],
        about="who published the page listing the factors",
        row=ref,
    )


def facts(context: Context, card: pd.DataFrame, out: Facts) -> None:
    """Add the chapter's facts to ``out``."""
    _event_facts(context, out)
    _timeline_facts(context, card, out)
    _document_facts(context, out)
    _wording_facts(context, card, out)
    _factor_facts(context, out)
