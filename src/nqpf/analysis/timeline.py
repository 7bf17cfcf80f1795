"""The term's timeline and its definition (report section 一): tables for notebook 1-1.

The report dates the rise of 新质生产力 by words ("2023年9月", "2023年底", "今年年初"); the dates
of the events behind those words are sourced in ``data/official/events.csv``. This module owns

* which claim of the register dates (or rests on) which sourced event (:data:`EVENT_CLAIMS`),
  with short bilingual labels for the figure (:data:`EVENT_LABELS`) and who acted (:data:`EVENT_KINDS`);
* :func:`timeline_table`, a pure join of the events with the engine's verdicts;
* :func:`axis_panels`, which splits the events where years pass without one, so a broken time axis
  can give each cluster its own panel, and :func:`label_levels`, which stacks labels of events close
  in time so they do not overlap;
* :func:`dating_table`, each claim that dates an event beside the period its words allow and the
  sourced day, and :func:`days_between`, the days from one sourced event to another;
* :func:`wording_table` and :func:`wording_edits`, the report's words beside the official sentence
  for each wording comparison of the engine, with the edits between them;
* :func:`factors_table`, the factors of production the report names beside the official list;
* :func:`gwr_tasks`, the 2024 Government Work Report's tasks as a sourced excerpt lists them;
* :func:`concept_boxes`, the definition's parts (``data/report/concept_components.csv``) as the
  boxes and arrows of a diagram standing in for the report's lost 图表1.

The figures that draw them are in :mod:`nqpf.figures.concept`.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable

import pandas as pd

#: sourced event → the claims of the register it dates or settles (the dating claim first)
EVENT_CLAIMS: dict[str, tuple[str, ...]] = {
    "nbs_sei_classification_2018": ("industries.sei_classification_2018",),
    "new_industry_standard_programme_2023": ("industries.programme_issued_2023", "industries.programme_period"),
    "term_first_proposed": ("concept.first_proposed",),
    "cewc_2022": ("concept.cewc_first_inclusion",),
    "cewc_2023": ("concept.cewc_2023", "concept.cewc_first_inclusion"),
    "politburo_study_2024_01": ("concept.politburo_study_2024", "concept.politburo_wording"),
    "gwr_2024": ("intro.gwr_first_task", "concept.gwr_2024_first_task"),
    "sti_relending_2024": ("relending.launch_date",),
    "nfra_five_articles_guidance_2024": ("nfra.guidance_2024_05",),
    "innovation_points_first_batch": ("relending.first_batch_firms",),
    "csrc_star_eight_measures_2024": ("csrc.star_measures_date",),
    "lujiazui_forum_2024": ("csrc.lujiazui_2024",),
}


#: short labels for the figure: (English, the report's Chinese)
EVENT_LABELS: dict[str, tuple[str, str]] = {
    "nbs_sei_classification_2018": ("NBS SEI classes", "战略性新兴产业分类"),
    "new_industry_standard_programme_2023": ("New-industry standards plan", "新产业标准化领航工程"),
    "term_first_proposed": ("Term first proposed", "首次提出“新质生产力”"),
    "cewc_2022": ("Previous Central Economic Work Conf.", "上一届中央经济工作会议"),
    "cewc_2023": ("Central Economic Work Conf.", "中央经济工作会议"),
    "politburo_study_2024_01": ("Politburo study session", "中央政治局集体学习"),
    "gwr_2024": ("Government Work Report: task 1", "政府工作报告首要任务"),
    "sti_relending_2024": ("PBOC relending facility", "科技创新和技术改造再贷款"),
    "nfra_five_articles_guidance_2024": ("NFRA five-articles guidance", "金融“五篇大文章”指导意见"),
    "innovation_points_first_batch": ("First batch of ~7,000 firms", "首批近7000家企业"),
    "csrc_star_eight_measures_2024": ("CSRC STAR Market 8 measures", "科创板八条"),
    "lujiazui_forum_2024": ("Lujiazui Forum", "陆家嘴论坛"),
}


#: who acted: the Party and State centre, the ministries and NBS, or the financial authorities
EVENT_KINDS: dict[str, str] = {
    "term_first_proposed": "centre",
    "cewc_2022": "centre",
    "cewc_2023": "centre",
    "politburo_study_2024_01": "centre",
    "gwr_2024": "centre",
    "nbs_sei_classification_2018": "ministries",
    "new_industry_standard_programme_2023": "ministries",
    "sti_relending_2024": "finance",
    "nfra_five_articles_guidance_2024": "finance",
    "innovation_points_first_batch": "finance",
    "csrc_star_eight_measures_2024": "finance",
    "lujiazui_forum_2024": "finance",
}


KIND_LABELS = {
    "centre": "Party and State centre 党中央、国务院",
    "ministries": "Ministries and NBS 部委、国家统计局",
    "finance": "Financial authorities 金融管理部门",
}


KIND_COLOURS = {"centre": "#c0392b", "ministries": "#2f6fb0", "finance": "#1a7f37"}


def claim_ids() -> list[str]:
    """Every claim the timeline shows, in :data:`EVENT_CLAIMS` order, each once."""
    return list(dict.fromkeys(c for ids in EVENT_CLAIMS.values() for c in ids))


def _field(verdict, name: str):
    return verdict[name] if isinstance(verdict, (dict, pd.Series)) else getattr(verdict, name)


def timeline_table(events: pd.DataFrame, verdicts: Iterable) -> pd.DataFrame:
    """The sourced events joined with the claims that date them, oldest first.

    ``events`` is :func:`nqpf.data.events`; ``verdicts`` are :class:`nqpf.claims.Verdict` objects
    (or scorecard rows) for the claims in :data:`EVENT_CLAIMS`. One row per (event, claim): the
    sourced date, the report's quote and wording, and the engine's verdict. An event in the data
    without claims keeps one row with empty claim columns; a claim without a verdict is skipped.
    """
    by_id = {_field(v, "id"): v for v in verdicts}
    rows = []
    for ev in events.itertuples():
        label_en, label_zh = EVENT_LABELS.get(ev.event, (ev.description_en.split(";")[0][:40], ""))
        base = {
            "event": ev.event,
            "date": ev.date,
            "date_precision": ev.date_precision,
            "label_en": label_en,
            "label_zh": label_zh,
            "kind": EVENT_KINDS.get(ev.event, "finance"),
            "source": getattr(ev, "source", None),
        }
        linked = [c for c in EVENT_CLAIMS.get(ev.event, ()) if c in by_id]
        if not linked:
            rows.append(
                {**base, "claim_id": None, "quote_zh": None, "reported": None, "verdict": None, "dating": False}
            )
        for i, claim_id in enumerate(linked):
            v = by_id[claim_id]
            rows.append(
                {
                    **base,
                    "claim_id": claim_id,
                    "quote_zh": _field(v, "quote_zh"),
                    "reported": _field(v, "reported"),
                    "verdict": str(_field(v, "verdict")),
                    "dating": i == 0,
                }
            )
    table = pd.DataFrame(rows)
    return table.sort_values(["date", "event"], kind="stable").reset_index(drop=True)


def label_levels(
    dates: Iterable[dt.date], min_gap_days: float = 120, levels: tuple[float, ...] = (1.0, -1.0, 2.0, -2.0, 3.0, -3.0)
) -> list[float]:
    """A stem height for each date (in order) so that labels closer than ``min_gap_days`` never
    share a height: the first of ``levels`` not taken by a near neighbour already placed."""
    placed: list[tuple[dt.date, float]] = []
    out = []
    for day in dates:
        taken = {lvl for other, lvl in placed if abs((day - other).days) < min_gap_days}
        level = next((lvl for lvl in levels if lvl not in taken), levels[len(placed) % len(levels)])
        placed.append((day, level))
        out.append(level)
    return out


def central_mentions(events: pd.DataFrame, after: dt.date | None = None) -> list[str]:
    """The central meetings and reports (kind ``centre``) after ``after``, by default the term's
    first use (the sourced date of ``term_first_proposed``)."""
    if after is None:
        first = events.loc[events["event"] == "term_first_proposed", "date"]
        after = first.iloc[0] if len(first) else dt.date.min
    return [e for e, d in zip(events["event"], events["date"]) if EVENT_KINDS.get(e) == "centre" and d > after]


def axis_panels(dates: Iterable[dt.date], max_gap_days: int = 180) -> list[list[dt.date]]:
    """The dates, sorted, in runs: a new run starts wherever more than ``max_gap_days`` pass without a
    date, so that a broken time axis can give each run a panel of its own (the 2018 classification and
    the 2022 conference sit far from the rest)."""
    runs: list[list[dt.date]] = []
    for day in sorted(dates):
        if runs and (day - runs[-1][-1]).days <= max_gap_days:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _event_date(events: pd.DataFrame, name: str) -> dt.date:
    rows = events.loc[events["event"] == name, "date"]
    if rows.empty:
        raise KeyError(f"no event {name!r} in data/official/events.csv")
    return rows.iloc[0]


def days_between(events: pd.DataFrame, start: str, end: str) -> int:
    """Days from the sourced date of the event ``start`` to that of ``end`` (``data/official/events.csv``);
    ``KeyError`` naming the event when one is missing."""
    return (_event_date(events, end) - _event_date(events, start)).days


#: claim → the event it dates (the first claim listed for each event in :data:`EVENT_CLAIMS`)
DATED_BY = {ids[0]: event for event, ids in EVENT_CLAIMS.items() if ids}


def dating_table(card: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Each date claim of ``card`` (scorecard rows) that dates an event, oldest event first: the report's
    words, the first and last day they allow (``low`` to the day before ``high``), the sourced day, how many
    days into that period it falls, whether it is inside, and the page the day was read from."""
    rows = []
    for claim in card[(card["unit"] == "date") & card["id"].isin(list(DATED_BY))].itertuples():
        event = events[events["event"] == DATED_BY[claim.id]].iloc[0]
        low, high = dt.date.fromisoformat(str(claim.low)), dt.date.fromisoformat(str(claim.high))
        rows.append(
            {
                "claim_id": claim.id,
                "event": event["event"],
                "label_en": EVENT_LABELS.get(event["event"], (event["event"], ""))[0],
                "reported": claim.reported,
                "allowed_from": low,
                "allowed_to": high - dt.timedelta(days=1),
                "sourced": event["date"],
                "days_into": (event["date"] - low).days,
                "inside": low <= event["date"] < high,
                "source": event["source"],
                "_line": event["_line"],
            }
        )
    columns = [
        "claim_id",
        "event",
        "label_en",
        "reported",
        "allowed_from",
        "allowed_to",
        "sourced",
        "days_into",
        "inside",
        "source",
        "_line",
    ]
    return pd.DataFrame(rows, columns=columns).sort_values("sourced", kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- the official wording
#: punctuation, full-width and ASCII, all read as one mark: pages differ in typography, not in wording
_MARKS = "，。、；：？！“”‘’（）《》,.;:?!\"'()"
_PUNCTUATION = str.maketrans(_MARKS, "·" * len(_MARKS))


def _squeeze(text: str) -> str:
    return "".join(str(text).split())


#: the wording comparisons of the chapter: claim → what the report takes from the official text
WORDING_LABELS: dict[str, str] = {
    "concept.politburo_wording": "What the study session stressed",
    "concept.official_definition": "The definition",
    "concept.basic_content_wording": "Its origin, basic content and core mark",
    "concept.core_marker": "The core mark",
}


def wording_edits(report: str, source: str) -> list[str]:
    """The edits that turn the official ``source`` sentence into the ``report``'s words, punctuation aside:
    ``"其 for 它 (其由技术…)"`` (a swap), ``"其 added (…，其特点是…)"``, ``"我们 left out (…需要从理论…)"``. The
    official sentence's words before and after the passage the report takes from it are not edits. An
    empty list: the report's words are in the sentence as they stand."""
    mine, theirs = _squeeze(report), _squeeze(source)
    a, b = mine.translate(_PUNCTUATION), theirs.translate(_PUNCTUATION)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    while ops and ops[0][0] == "insert":  # the official sentence begins before the passage
        ops.pop(0)
    while ops and ops[-1][0] == "insert":  # ... or goes on after it
        ops.pop()
    edits = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal" or set(a[i1:i2] + b[j1:j2]) <= {"·"}:
            continue
        context = f"{'…' if i1 > 3 else ''}{mine[max(0, i1 - 3) : i2 + 3]}{'…' if i2 + 3 < len(mine) else ''}"
        if tag == "replace":
            edits.append(f"{mine[i1:i2]} for {theirs[j1:j2]} ({context})")
        elif tag == "delete":
            edits.append(f"{mine[i1:i2]} added ({context})")
        else:
            edits.append(f"{theirs[j1:j2]} left out ({context})")
    return edits


def wording_table(card: pd.DataFrame) -> pd.DataFrame:
    """The wording comparisons of ``card`` (scorecard rows whose ``wording`` is (the report's words, the
    source's words)): both wordings, whether the report's words stand in the official sentence as they are
    (punctuation aside), and the edits between them (:func:`wording_edits`), in the report's order."""
    rows = []
    for claim in card.itertuples():
        wording = getattr(claim, "wording", None)
        if not isinstance(wording, (tuple, list)) or len(wording) != 2:
            continue
        report, source = wording
        edits = wording_edits(report, source)
        inside = _squeeze(report).translate(_PUNCTUATION) in _squeeze(source).translate(_PUNCTUATION)
        rows.append(
            {
                "claim_id": claim.id,
                "label": WORDING_LABELS.get(claim.id, claim.id),
                "report_words": report,
                "source_words": source,
                "word_for_word": inside,
                "edits": "; ".join(edits) if edits else "none",
                "n_edits": len(edits),
            }
        )
    columns = ["claim_id", "label", "report_words", "source_words", "word_for_word", "edits", "n_edits"]
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- the factors and the tasks
#: the parts of concept_components.csv that are factors of production (the rest: their combination, TFP)
_FACTORS = ("component.labourers", "component.means_of_labour", "component.objects_of_labour")


def factors_table(components: pd.DataFrame, official: pd.DataFrame) -> pd.DataFrame:
    """The factors of production of the official list (``data/official/lists.csv``, list
    ``factors_of_production``) beside the report's parts of the definition that name them
    (``data/report/concept_components.csv``), matched by their Chinese name; a factor on one side only
    keeps its row, with ``in_report`` or ``in_official`` false."""
    listed = official[["order", "item_zh", "item_en", "source"]].rename(columns={"item_zh": "term_zh"})
    named = components[["id", "term_zh", "role_zh", "role_en"]]
    named = named[named["term_zh"].isin(set(listed["term_zh"])) | named["id"].isin(_FACTORS)]
    out = listed.merge(named, on="term_zh", how="outer", indicator=True)
    out["in_official"] = out["_merge"] != "right_only"
    out["in_report"] = out["_merge"] != "left_only"
    return out.drop(columns="_merge").sort_values("order", na_position="last").reset_index(drop=True)


def gwr_tasks(documents: pd.DataFrame) -> pd.DataFrame:
    """The 2024 Government Work Report's tasks, in order, as the sourced excerpt that lists them after
    扎实做好各项工作 gives them (``data/official/documents.csv``); empty when no excerpt lists them."""
    rows = documents[(documents["document"] == "gwr_2024") & documents["quote"].str.contains("扎实做好各项工作")]
    if rows.empty:
        return pd.DataFrame(columns=["order", "task_zh", "source", "_line"])
    row = rows.iloc[0]
    listing = row["quote"].split("扎实做好各项工作", 1)[1].lstrip("：:").rstrip("。.")
    tasks = [t.strip() for t in listing.replace(";", "；").split("；") if t.strip()]
    return pd.DataFrame(
        {"order": range(1, len(tasks) + 1), "task_zh": tasks, "source": row["source"], "_line": row["_line"]}
    )


# --------------------------------------------------------------------------- the definition (图表1)
#: where each component of concept_components.csv sits in the diagram (x, y of the box centre)
_BOX_PLACES = {
    "component.labourers": (0.16, 0.76),
    "component.means_of_labour": (0.16, 0.50),
    "component.objects_of_labour": (0.16, 0.24),
    "component.combination": (0.52, 0.50),
    "component.tfp": (0.85, 0.50),
}


def concept_boxes(components: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """The diagram of the definition: one box per component (id, position, bilingual text) and
    the arrows between them (each factor → their combination → TFP). Raises ``KeyError`` naming
    a component of the diagram missing from ``data/report/concept_components.csv``."""
    missing = [c for c in _BOX_PLACES if c not in set(components["id"])]
    if missing:
        raise KeyError(f"data/report/concept_components.csv lacks {', '.join(missing)}")
    rows = []
    for r in components.itertuples():
        if r.id not in _BOX_PLACES:
            continue
        x, y = _BOX_PLACES[r.id]
        rows.append(
            {
                "id": r.id,
                "x": x,
                "y": y,
                "term_zh": r.term_zh,
                "term_en": r.term_en,
                "role_zh": r.role_zh,
                "role_en": r.role_en,
            }
        )
    arrows = [(f, "component.combination") for f in _FACTORS] + [("component.combination", "component.tfp")]
    return pd.DataFrame(rows), arrows
