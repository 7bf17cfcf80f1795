"""The verdicts' names and what is done with a scorecard once :mod:`nqpf.engine` has made it.

:data:`VERDICTS` (in the order the scorecard sorts them), :data:`SOURCE_VERDICTS` and
:data:`REPORT_VERDICTS`; then functions of a scorecard frame (:func:`nqpf.engine.scorecard`): sorted for a
reader (:func:`by_importance`), counted (:func:`verdict_counts`, :func:`source_share`), exported
(:data:`EXPORT_COLUMNS`, :func:`records`, :func:`flat`) and compared with a previous release
(:func:`changes`). None of them runs a check; all are re-exported by :mod:`nqpf.engine`.
"""

from __future__ import annotations

import pandas as pd

from . import data
from .report import part_order

#: the verdicts, in the order the scorecard sorts them (findings first)
VERDICTS = (
    "differs",
    "definition_dependent",
    "inconsistent_report_only",
    "within_precision",
    "reproduced",
    "consistent_report_only",
    "not_checkable",
)
#: verdicts that say a source outside the report was compared
SOURCE_VERDICTS = ("reproduced", "within_precision", "definition_dependent", "differs")
REPORT_VERDICTS = ("consistent_report_only", "inconsistent_report_only")


def by_importance(card: pd.DataFrame) -> pd.DataFrame:
    """The scorecard sorted for a reader: what differs first, then what depends on a definition or is
    inconsistent, then everything else by section of the report (register order within a section)."""
    rank = {v: i for i, v in enumerate(VERDICTS)}
    key = card.assign(
        _finding=[min(rank[str(v)], 3) for v in card["verdict"]],
        _section=[part_order(s) for s in card["section"]],
        _order=range(len(card)),
    )
    return key.sort_values(["_finding", "_section", "_order"]).drop(columns=["_finding", "_section", "_order"])


def verdict_counts(card: pd.DataFrame) -> dict[str, int]:
    """How many claims got each verdict (every key always present)."""
    counts = card["verdict"].astype(str).value_counts()
    return {v: int(counts.get(v, 0)) for v in VERDICTS}


def source_share(card: pd.DataFrame) -> tuple[int, int]:
    """(verdicts resting on a source that cite an official or official-press original, verdicts resting on a source)."""
    sourced = card[card["verdict"].astype(str).isin(SOURCE_VERDICTS)]
    good = sum(any(s["tier"] in data.AUTHORITATIVE for s in sources) for sources in sourced["sources"])
    return int(good), len(sourced)


#: the scorecard's columns in its exports (``nqpf scorecard --format json|csv`` and the scorecard page's downloads)
EXPORT_COLUMNS = [
    "id",
    "section",
    "quote_zh",
    "statement_en",
    "reported",
    "low",
    "high",
    "unit",
    "replicated",
    "verdict",
    "basis",
    "gap",
    "reason",
    "threshold",
    "sources",
    "inputs",
    "alternatives",
    "conflicts",
    "wording",
    "notebook",
]


def records(card: pd.DataFrame) -> list[dict]:
    """The scorecard as JSON-ready records, one per claim (sources as objects with url, publisher and tier)."""
    frame = card[EXPORT_COLUMNS].astype(object)
    out = frame.where(frame.notna(), None).to_dict(orient="records")
    for r in out:
        r["verdict"] = str(r["verdict"])
        r["sources"] = [
            {k: s.get(k) for k in ("id", "url", "title", "publisher", "tier", "language", "attribution")}
            for s in r["sources"]
        ]
    return out


def flat(card: pd.DataFrame) -> pd.DataFrame:
    """The scorecard as one flat table, one row per claim (lists joined, sources as URLs and their tiers)."""
    out = card[EXPORT_COLUMNS].copy()
    out["verdict"] = out["verdict"].astype(str)
    out["sources"] = [" ".join(s["url"] for s in sources) for sources in card["sources"]]
    out.insert(
        out.columns.get_loc("sources") + 1,
        "source_publishers",
        [" | ".join(s["publisher"] for s in sources) for sources in card["sources"]],
    )
    out.insert(
        out.columns.get_loc("source_publishers") + 1,
        "source_tiers",
        [" ".join(s["tier"] for s in sources) for sources in card["sources"]],
    )
    for column in ("inputs", "conflicts"):
        out[column] = ["; ".join(v) for v in out[column]]
    out["alternatives"] = ["; ".join(f"{a['label']}: {a['value']:g}" for a in v) for v in out["alternatives"]]
    out["wording"] = [" | ".join(v) if v else "" for v in out["wording"]]
    return out


def changes(previous: list[dict], card: pd.DataFrame) -> pd.DataFrame:
    """Verdict changes since a previous release: one row per claim whose verdict changed, was added or was
    dropped (``previous`` is that release's scorecard JSON, as :func:`records` writes it)."""
    before = {r["id"]: r for r in previous}
    now = {r["id"]: r for r in card.to_dict("records")}
    rows = []
    for cid in list(before) + [c for c in now if c not in before]:
        old, new = before.get(cid), now.get(cid)
        old_verdict = old["verdict"] if old else ""
        new_verdict = str(new["verdict"]) if new else ""
        if old_verdict != new_verdict:
            rows.append(
                {
                    "id": cid,
                    "before": old_verdict,
                    "after": new_verdict,
                    "change": "added" if not old else "dropped" if not new else "changed",
                    "statement_en": (new or {}).get("statement_en", ""),
                    "reason": (new or {}).get("reason", ""),
                    "section": (new or old)["section"],
                }
            )
    return pd.DataFrame(rows, columns=["id", "change", "before", "after", "statement_en", "reason", "section"])
