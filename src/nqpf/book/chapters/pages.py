"""The facts of the book's own pages (the introduction, the scorecard, the data page): counts over the whole
register, what the verdicts rest on, how authoritative their sources are, and the book's version."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pandas as pd

from ... import __version__, data, engine, provenance
from ...evidence import Context
from ...paths import root
from ..facts import Facts

#: the lock file the environment is installed from (``make lock`` writes it, the Makefile installs it)
LOCK = "requirements.lock"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def findings(card: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The claims a reader should see first, by kind: what differs (from a source or inside the report), what
    holds only under one definition, and what no public source could settle; each in the order of importance."""
    ordered = engine.by_importance(card)
    verdict = ordered["verdict"].astype(str)
    return {
        "differs": ordered[verdict.isin(["differs", "inconsistent_report_only"])],
        "definition_dependent": ordered[verdict == "definition_dependent"],
        "not_checkable": ordered[verdict == "not_checkable"],
    }


def facts(context: Context, card: pd.DataFrame, out: Facts) -> None:
    """Add the whole-book facts to ``out``."""
    good, sourced = engine.source_share(card)
    out.add("n_sourced", sourced, about="verdicts resting on a source outside the report")
    out.add("n_sourced_official", good, about="of those, verdicts citing an official page or the press of record")
    out.add(
        "pct_sourced_official",
        100 * good / sourced if sourced else float("nan"),
        "{:.0f}%",
        about="share of source-based verdicts citing an official page or the press of record",
    )
    basis = card["basis"].value_counts()
    for name in ("source", "arithmetic", "report"):
        out.add(f"n_basis_{name}", int(basis.get(name, 0)), about=f"claims whose check rests on: {name}")
    tiers = card["sources"].map(data.best_tier).value_counts()
    for tier in data.TIERS:
        out.add(f"n_best_{tier}", int(tiers.get(tier, 0)), about=f"verdicts whose best source is {tier}")
    for kind, rows in findings(card).items():
        out.add(f"n_finding_{kind}", len(rows), about=f"findings: {kind}")
    pages = context.sources
    out.add("n_pages", len(pages), about="public pages in the sources registry (data/sources.csv)")
    out.add(
        "n_pages_official",
        int(pages["tier"].isin(["official", "official_press"]).sum()),
        about="of those, official pages and the press of record",
    )
    out.add("n_chapters", int(card["notebook"].nunique()), about="chapters with claims")
    out.add("version", __version__, about="the book's version (pyproject.toml)")
    out.add("built", dt.date.today().isoformat(), about="the day these verdicts were computed")


def change_facts(context: Context, card: pd.DataFrame, out: Facts) -> None:
    """The whole-book facts, and the counts of verdict changes since the last release."""
    from .. import changes

    facts(context, card, out)
    log = changes.since_last_release(card)
    out.add("last_release", changes.last_release() or "none", about="the release this build is compared with")
    for kind in ("changed", "added", "dropped"):
        out.add(f"n_{kind}", int((log["change"] == kind).sum()), about=f"claims {kind} since the last release")


def locked_versions(path: Path | None = None) -> dict[str, str]:
    """The packages ``requirements.lock`` pins, name (normalised: lower case, ``-``) → exact version."""
    text = (path or root() / LOCK).read_text(encoding="utf-8")
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in _PIN.findall(text)}


def lock_facts(out: Facts, path: Path | None = None) -> None:
    """The reproducibility page's facts about the Python lock: its SHA-256 (first 12 hex digits) and how
    many packages it pins. The page re-executes when the lock changes (the file is one of its inputs)."""
    path = path or root() / LOCK
    provenance.note_file(path)
    out.add(
        "lock_sha256",
        hashlib.sha256(path.read_bytes()).hexdigest()[:12],
        about=f"SHA-256 of {LOCK}, first 12 hex digits",
    )
    out.add("lock_packages", len(locked_versions(path)), about=f"packages pinned to an exact version in {LOCK}")
