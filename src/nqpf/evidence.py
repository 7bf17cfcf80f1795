"""What a check returns and what it may read: :class:`Evidence`, :class:`NotCheckable`, :class:`Context`.

The types shared by the checks (:mod:`nqpf.checks`) and the engine (:mod:`nqpf.engine`), kept
apart from both so that neither has to import the other to know them. A :class:`Registry` maps
claim ids to the functions that check them; each module of :mod:`nqpf.checks` fills its own, and
:mod:`nqpf.checks` merges them in an explicit list.

Every piece of evidence says what it rests on (its ``basis``):

``source``
    the claim is compared with something outside the report: an official statistic, a document,
    a dated event. ``sources`` lists the ids of the pages (``data/sources.csv``) it rests on.
``arithmetic``
    the claim is computed from other claims' numbers (``inputs``); it counts as outside evidence
    only when each input is itself checked against a source (the engine decides that).
``report``
    the check rests only on the report's own text, lists or tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from . import data
from .quantities import Quantity, parse_quantity

BASES = ("source", "arithmetic", "report")


@dataclass(frozen=True)
class Alternative:
    """The claim's quantity under another definition the sources allow (``label``), in the evidence's unit."""

    label: str
    value: float


@dataclass(frozen=True)
class Evidence:
    """What a check found.

    ``value`` is the recomputed number in ``unit`` (a unit as written, e.g. ``亿元``; for a date, a
    :class:`datetime.date`), ``how`` a sentence saying how it was obtained. For a qualitative claim
    (``占比极低``) set ``holds`` instead of ``value``. ``as_written`` is the quantity as the source
    words it (``近7000家``): when it matches the report's wording the claim is ``reproduced`` even
    if the wording is an interval. ``alternatives`` are the same quantity under other definitions
    (the credit share with and without government bonds); ``conflicts`` say where two sources
    disagree; ``wording`` is (the report's words, the source's words) for a wording comparison, and
    ``approximate`` marks a qualitative agreement that holds only within the precision a paraphrase
    allows (minor edits).
    """

    value: float | dt.date | None
    unit: str
    how: str
    sources: tuple[str, ...] = ()
    basis: str = "source"
    inputs: tuple[str, ...] = ()
    holds: bool | None = None
    approximate: bool = False
    as_written: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    conflicts: tuple[str, ...] = ()
    wording: tuple[str, str] | None = None

    def __post_init__(self):
        if self.basis not in BASES:
            raise ValueError(f"basis must be one of {BASES}, got {self.basis!r}")
        if self.basis == "arithmetic" and not self.inputs:
            raise ValueError("arithmetic evidence must name the claims whose numbers it uses (inputs)")


class NotCheckable(Exception):
    """Raised by a check when the data needed to settle the claim is not available; the message says
    what was looked for and what was missing."""


@dataclass
class Context:
    """Lazily loaded data shared by all checks of one run (and the verdicts already given in it)."""

    _cache: dict = field(default_factory=dict)
    verdicts: dict = field(default_factory=dict)
    #: the statistics files (``data/official/<name>.csv``) this context reads; None: every one
    statistics: tuple[str, ...] | None = None

    def _get(self, key, loader):
        if key not in self._cache:
            self._cache[key] = loader()
        return self._cache[key]

    @property
    def claims(self) -> pd.DataFrame:
        return self._get("claims", data.claims)

    @property
    def official(self) -> pd.DataFrame:
        return self._get("official", lambda: data.official(only=self.statistics))

    @property
    def events(self) -> pd.DataFrame:
        return self._get("events", data.events)

    @property
    def documents(self) -> pd.DataFrame:
        return self._get("documents", data.documents)

    @property
    def lists(self) -> pd.DataFrame:
        return self._get("lists", data.official_lists)

    @property
    def sources(self) -> pd.DataFrame:
        return self._get("sources", lambda: data.sources().set_index("id"))

    def source(self, source_id: str) -> pd.Series:
        """One page of the sources registry."""
        try:
            return self.sources.loc[source_id]
        except KeyError:
            raise KeyError(f"no source {source_id!r} in data/sources.csv") from None

    def excerpts(self, document: str) -> pd.DataFrame:
        """The sourced excerpts of an official document; :class:`NotCheckable` when none was found."""
        rows = self.documents[self.documents["document"] == document]
        if rows.empty:
            raise NotCheckable(
                f"no excerpt of the document {document!r} was found on a public page (data/official/documents.csv)"
            )
        return rows

    def official_list(self, name: str) -> pd.DataFrame:
        """The items of an official list (``data/official/lists.csv``); :class:`NotCheckable` when none."""
        rows = self.lists[self.lists["list"] == name]
        if rows.empty:
            raise NotCheckable(f"no official list {name!r} was found on a public page (data/official/lists.csv)")
        return rows.sort_values(["group", "order"]).reset_index(drop=True)

    def table(self, name: str) -> pd.DataFrame:
        return self._get(("table", name), lambda: data.report_table(name))

    def claim(self, claim_id: str) -> pd.Series:
        rows = self.claims[self.claims["id"] == claim_id]
        if rows.empty:
            raise KeyError(f"no claim {claim_id!r} in data/report/claims.csv")
        return rows.iloc[0]

    def reported(self, claim_id: str) -> Quantity:
        """The quantity another claim reports (for arithmetic between the report's numbers)."""
        return parse_quantity(self.claim(claim_id)["reported"])

    def official_rows(self, indicator: str, period_end: str | dt.date | None = None) -> pd.DataFrame:
        """Every official observation of ``indicator`` (at ``period_end`` if given): one row per source,
        since two publications of the same quantity and date are both kept."""
        rows = self.official[self.official["indicator"] == indicator]
        if period_end is not None:
            when = dt.date.fromisoformat(period_end) if isinstance(period_end, str) else period_end
            rows = rows[rows["period_end"] == when]
        return rows.sort_values("period_end").reset_index(drop=True)

    def official_row(self, indicator: str, period_end: str | dt.date | None = None) -> pd.Series:
        """The official observation of ``indicator`` at ``period_end`` (the latest if None), from the most
        authoritative source when several publications carry it; :class:`NotCheckable` when there is none."""
        rows = self.official_rows(indicator, period_end)
        if rows.empty:
            at = f" at {period_end}" if period_end else ""
            raise NotCheckable(f"no official figure for {indicator}{at} was found in data/official/")
        latest = rows[rows["period_end"] == rows["period_end"].max()]
        return latest.iloc[min(range(len(latest)), key=lambda i: self.rank(latest.iloc[i]["source"]))]

    def rank(self, source_id: str) -> tuple[int, str]:
        """Sort key: the more authoritative source first (official, official press, media, republication)."""
        tier = self.source(source_id)["tier"]
        return (data.TIERS.index(tier) if tier in data.TIERS else len(data.TIERS), source_id)

    def official_series(self, indicator: str) -> pd.DataFrame:
        """All observations of ``indicator``, oldest first."""
        return self.official_rows(indicator)

    def event(self, name: str) -> pd.Series:
        """A dated official event; :class:`NotCheckable` when none was sourced."""
        rows = self.events[self.events["event"] == name]
        if rows.empty:
            raise NotCheckable(f"no sourced date for the event {name!r} in data/official/events.csv")
        return rows.iloc[0]


CheckFunction = Callable[[Context], Evidence]


class Registry(dict):
    """Claim id → check function, filled with the :meth:`check` decorator; a second check for the
    same claim is an error."""

    def check(self, *claim_ids: str) -> Callable[[CheckFunction], CheckFunction]:
        """Register a function as the check of one or more claims."""

        def register(fn: CheckFunction) -> CheckFunction:
            for claim_id in claim_ids:
                if claim_id in self:
                    raise ValueError(f"claim {claim_id!r} already has a check ({self[claim_id].__name__})")
                self[claim_id] = fn
            return fn

        return register

    @classmethod
    def merge(cls, *registries: Registry) -> Registry:
        """One registry from several; a claim checked in two of them is an error."""
        out = cls()
        for registry in registries:
            for claim_id, fn in registry.items():
                out.check(claim_id)(fn)
        return out
