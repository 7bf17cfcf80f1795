"""What a check returns and what it may read: :class:`Evidence`, :class:`NotCheckable`, :class:`Context`.

The types shared by the checks (:mod:`nqpf.checks`) and the engine (:mod:`nqpf.engine`), kept
apart from both so that neither has to import the other to know them. A :class:`Registry` maps
claim ids to the functions that check them; each module of :mod:`nqpf.checks` fills its own, and
:mod:`nqpf.checks` merges them in an explicit list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from . import data
from .quantities import Quantity, parse_quantity


@dataclass(frozen=True)
class Evidence:
    """What a check found.

    ``value`` is the recomputed number in ``unit`` (a unit as written, e.g. ``亿元``; for a
    date, a :class:`datetime.date`), ``how`` a sentence saying how it was obtained, and
    ``sources`` the files or URLs it rests on. For a qualitative claim (``占比极低``) set
    ``holds`` instead of ``value``. ``as_written`` is the quantity as the source words it
    (``近7000家``): when it matches the report's wording the claim is ``reproduced`` even if the
    wording is an interval.
    """

    value: float | dt.date | None
    unit: str
    how: str
    sources: tuple[str, ...] = ()
    holds: bool | None = None
    as_written: str | None = None


class NotCheckable(Exception):
    """Raised by a check when the data needed to settle the claim is not available."""


@dataclass
class Context:
    """Lazily loaded data shared by all checks of one run."""

    _cache: dict = field(default_factory=dict)

    def _get(self, key, loader):
        if key not in self._cache:
            self._cache[key] = loader()
        return self._cache[key]

    @property
    def claims(self) -> pd.DataFrame:
        return self._get("claims", data.claims)

    @property
    def official(self) -> pd.DataFrame:
        return self._get("official", data.official)

    @property
    def events(self) -> pd.DataFrame:
        return self._get("events", data.events)

    @property
    def documents(self) -> pd.DataFrame:
        return self._get("documents", data.documents)

    def excerpts(self, document: str) -> pd.DataFrame:
        """The sourced excerpts of an official document; :class:`NotCheckable` when none was found."""
        rows = self.documents[self.documents["document"] == document]
        if rows.empty:
            raise NotCheckable(
                f"no excerpt of the document {document!r} was found on a public page (data/official/documents.csv)"
            )
        return rows

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

    def official_row(self, indicator: str, period_end: str | dt.date | None = None) -> pd.Series:
        """The official observation of ``indicator`` at ``period_end`` (latest if None);
        raise :class:`NotCheckable` when ``data/official/`` does not have it."""
        rows = self.official[self.official["indicator"] == indicator]
        if period_end is not None:
            when = dt.date.fromisoformat(period_end) if isinstance(period_end, str) else period_end
            rows = rows[rows["period_end"] == when]
        if rows.empty:
            at = f" at {period_end}" if period_end else ""
            raise NotCheckable(f"no official figure for {indicator}{at} was found in data/official/")
        return rows.sort_values("period_end").iloc[-1]

    def official_series(self, indicator: str) -> pd.DataFrame:
        """All observations of ``indicator``, oldest first."""
        rows = self.official[self.official["indicator"] == indicator]
        return rows.sort_values("period_end").reset_index(drop=True)

    def event(self, name: str) -> pd.Series:
        """A dated official event; :class:`NotCheckable` when none was sourced."""
        try:
            rows = self.events[self.events["event"] == name]
        except data.DataFileError:
            raise
        except FileNotFoundError:
            rows = pd.DataFrame()
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
