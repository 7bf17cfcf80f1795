"""The term's timeline and its definition (report section 一): tables for notebook 1-1.

The report dates the rise of 新质生产力 by words ("2023年9月", "2023年底", "今年年初"); the dates
of the events behind those words are sourced in ``data/official/events.csv``. This module owns

* which claim of the register dates (or rests on) which sourced event (:data:`EVENT_CLAIMS`),
  with short bilingual labels for the figure (:data:`EVENT_LABELS`) and who acted (:data:`EVENT_KINDS`);
* :func:`timeline_table`, a pure join of the events with the engine's verdicts;
* :func:`label_levels`, which stacks labels of events close in time so they do not overlap;
* :func:`concept_boxes`, the definition's parts (``data/report/concept_components.csv``) as the
  boxes and arrows of a diagram standing in for the report's lost 图表1.

The figures that draw them are in :mod:`nqpf.figures.concept`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

#: sourced event → the claims of the register it dates or settles (the dating claim first)
EVENT_CLAIMS: dict[str, tuple[str, ...]] = {
    "nbs_sei_classification_2018": ("industries.sei_classification_2018",),
    "new_industry_standard_programme_2023": ("industries.programme_issued_2023", "industries.programme_period"),
    "term_first_proposed": ("concept.first_proposed",),
    "cewc_2023": ("concept.cewc_2023", "concept.cewc_first_inclusion"),
    "politburo_study_2024_01": ("concept.politburo_study_2024",),
    "gwr_2024": ("intro.gwr_first_task", "concept.gwr_2024_first_task"),
    "sti_relending_2024": ("relending.launch_date",),
    "innovation_points_first_batch": ("relending.first_batch_firms",),
    "csrc_star_eight_measures_2024": ("csrc.star_measures_date",),
    "lujiazui_forum_2024": ("csrc.lujiazui_2024",),
}


#: short labels for the figure: (English, the report's Chinese)
EVENT_LABELS: dict[str, tuple[str, str]] = {
    "nbs_sei_classification_2018": ("NBS SEI classes", "战略性新兴产业分类"),
    "new_industry_standard_programme_2023": ("New-industry standards plan", "新产业标准化领航工程"),
    "term_first_proposed": ("Term first proposed", "首次提出“新质生产力”"),
    "cewc_2023": ("Central Economic Work Conf.", "中央经济工作会议"),
    "politburo_study_2024_01": ("Politburo study session", "中央政治局集体学习"),
    "gwr_2024": ("Government Work Report: task 1", "政府工作报告首要任务"),
    "sti_relending_2024": ("PBOC relending facility", "科技创新和技术改造再贷款"),
    "innovation_points_first_batch": ("First batch of ~7,000 firms", "首批近7000家企业"),
    "csrc_star_eight_measures_2024": ("CSRC STAR Market 8 measures", "科创板八条"),
    "lujiazui_forum_2024": ("Lujiazui Forum", "陆家嘴论坛"),
}


#: who acted: the Party and State centre, the ministries and NBS, or the financial authorities
EVENT_KINDS: dict[str, str] = {
    "term_first_proposed": "centre",
    "cewc_2023": "centre",
    "politburo_study_2024_01": "centre",
    "gwr_2024": "centre",
    "nbs_sei_classification_2018": "ministries",
    "new_industry_standard_programme_2023": "ministries",
    "sti_relending_2024": "finance",
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
    """Every claim the timeline shows, in :data:`EVENT_CLAIMS` order."""
    return [c for ids in EVENT_CLAIMS.values() for c in ids]


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
            "source_url": ev.source_url,
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


# --------------------------------------------------------------------------- the definition (图表1)
#: where each component of concept_components.csv sits in the diagram (x, y of the box centre)
_BOX_PLACES = {
    "component.labourers": (0.16, 0.76),
    "component.means_of_labour": (0.16, 0.50),
    "component.objects_of_labour": (0.16, 0.24),
    "component.combination": (0.535, 0.50),
    "component.tfp": (0.865, 0.50),
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
    factors = ["component.labourers", "component.means_of_labour", "component.objects_of_labour"]
    arrows = [(f, "component.combination") for f in factors] + [("component.combination", "component.tfp")]
    return pd.DataFrame(rows), arrows
