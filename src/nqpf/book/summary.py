"""The engine's verdicts summed up, for the closing chapter, the intro and the scorecard."""

from __future__ import annotations

import pandas as pd

from ..engine import VERDICTS
from ..report import PARTS, part_order
from .tables import VERDICT_LABELS


def verdict_table(card: pd.DataFrame, by: str = "section") -> pd.DataFrame:
    """Claims per verdict (columns, the four verdicts and ``total``) for each value of ``by``
    (rows, in the report's order), with a last row ``All``. Sums equal the register size."""
    counts = pd.crosstab(card[by].astype(str), card["verdict"].astype(str))
    counts = counts.reindex(columns=list(VERDICTS), fill_value=0)
    counts = counts.loc[sorted(counts.index, key=part_order)] if by == "section" else counts
    counts["total"] = counts.sum(axis=1)
    counts.loc["All"] = counts.sum(axis=0)
    counts.index.name = by
    counts.columns.name = None
    return counts.astype(int)


def verdict_by_part(card: pd.DataFrame) -> pd.DataFrame:
    """:func:`verdict_table` by part of the report (导语, 一, 二, 三) with bilingual names."""
    parts = card.assign(part=card["section"].str[0].map(PARTS))
    table = verdict_table(parts, by="part")
    order = [p for p in PARTS.values() if p in table.index] + ["All"]
    return table.loc[order]


# --------------------------------------------------------------------------- verdicts
def claim_table(card: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    """Some claims of the engine's scorecard (:func:`nqpf.claims.scorecard`) as a narrow display
    table: id, the reported and replicated values, the verdict, why (the report's full words are in
    the page's Verdicts table)."""

    rows = card.set_index("id").loc[ids, ["reported", "replicated", "verdict", "reason"]].reset_index()
    return rows.assign(verdict=rows["verdict"].astype(str).map(VERDICT_LABELS))
