"""The changelog of verdicts: this build's scorecard against the scorecard of the last release.

Each release keeps its scorecard as ``releases/<version>/scorecard.json`` (what ``nqpf scorecard --format json``
wrote when it was cut); :func:`since_last_release` diffs against the newest one that is not this version.
"""

from __future__ import annotations

import json

import pandas as pd

from .. import __version__, engine, paths, provenance
from . import labels


def _key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in version.split("."))


def last_release() -> str:
    """The newest release kept under ``releases/`` other than this version ('' when there is none)."""
    folder = paths.root() / "releases"
    versions = [p.name for p in folder.iterdir() if (p / "scorecard.json").is_file()] if folder.is_dir() else []
    older = sorted((v for v in versions if v != __version__), key=_key)
    return older[-1] if older else ""


def since_last_release(card: pd.DataFrame) -> pd.DataFrame:
    """The claims whose verdict changed since the last release, and those added or dropped."""
    version = last_release()
    if not version:
        return engine.changes([], card).iloc[0:0]
    path = paths.root() / "releases" / version / "scorecard.json"
    provenance.note_file(path)
    return engine.changes(json.loads(path.read_text(encoding="utf-8")), card)


def table(log: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The changes as a table for a reader: claim, change, verdict before and after, reason."""

    def label(v: str) -> str:
        return labels.verdict(v, lang) if v in labels.VERDICT[lang] else (v or "—")

    order = {"changed": 0, "added": 1, "dropped": 2}
    shown = log.assign(_o=log["change"].map(order)).sort_values(["_o", "section", "id"], kind="stable")
    return pd.DataFrame(
        {
            "Claim": shown["id"],
            "Change": shown["change"],
            "Verdict before": [label(v) for v in shown["before"]],
            "Verdict now": [label(v) for v in shown["after"]],
            "Statement": shown["statement_en"],
            "Reason now": shown["reason"],
        }
    )
