"""China's financing structure from the stock of aggregate financing (社会融资规模存量).

The report says credit is "80%以上" of the financing structure. Whether that holds depends
on what counts as credit and whether government bonds count as financing of the real
economy; this module computes the share under each definition so the notebooks, the
widget and the claim engine agree. Pure pandas: data in, frames and numbers out.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from ..quantities import to_base

#: the components of the TSF stock, in the PBOC's order, with bilingual labels
COMPONENTS: dict[str, str] = {
    "rmb_loans": "RMB loans 人民币贷款",
    "fx_loans": "Foreign-currency loans 外币贷款",
    "entrusted_loans": "Entrusted loans 委托贷款",
    "trust_loans": "Trust loans 信托贷款",
    "undiscounted_bankers_acceptances": "Undiscounted bankers' acceptances 未贴现银行承兑汇票",
    "corporate_bonds": "Corporate bonds 企业债券",
    "government_bonds": "Government bonds 政府债券",
    "equity_nonfinancial": "Domestic equity of non-financial firms 非金融企业境内股票",
    "abs_deposit_institutions": "ABS of deposit-taking institutions 存款类金融机构资产支持证券",
    "loans_written_off": "Loans written off 贷款核销",
}


#: what may count as "credit" (信贷), narrowest first
CREDIT_DEFINITIONS: dict[str, tuple[str, ...]] = {
    "rmb_loans": ("rmb_loans",),
    "all_loans": ("rmb_loans", "fx_loans"),
    "loan_type": ("rmb_loans", "fx_loans", "entrusted_loans", "trust_loans", "undiscounted_bankers_acceptances"),
}


CREDIT_LABELS = {
    "rmb_loans": "RMB loans only",
    "all_loans": "RMB + foreign-currency loans",
    "loan_type": "All loan-type items (loans, entrusted, trust, undiscounted acceptances)",
}


HEADLINE_DEFINITION = ("loan_type", True)  # (credit definition, government bonds in the denominator)


@dataclass(frozen=True)
class Share:
    """A share of the TSF stock at one period end, with what went into it."""

    period_end: dt.date
    components: tuple[str, ...]
    with_government_bonds: bool
    numerator: float  # yuan
    denominator: float  # yuan

    @property
    def percent(self) -> float:
        return 100.0 * self.numerator / self.denominator


def stock_table(official: pd.DataFrame) -> pd.DataFrame:
    """TSF stock levels as a wide table: one row per period end, one column per component
    (and ``total``), in yuan. Periods missing the total are dropped."""
    rows = official[
        official["indicator"].str.match(r"^tsf_stock_[a-z_]+$")
        & ~official["indicator"].str.endswith(("_growth_yoy", "_share", "_share_change_yoy"))
    ].copy()
    if rows.empty:
        return pd.DataFrame(columns=["total", *COMPONENTS])
    rows["component"] = rows["indicator"].str.removeprefix("tsf_stock_")
    rows["yuan"] = [to_base(v, u) for v, u in zip(rows["value"], rows["unit"])]
    wide = rows.pivot_table(index="period_end", columns="component", values="yuan", aggfunc="first")
    wide = wide.reindex(columns=["total", *COMPONENTS])
    return wide.dropna(subset=["total"]).sort_index()


def share(
    table: pd.DataFrame, period_end: dt.date, components: tuple[str, ...], with_government_bonds: bool = True
) -> Share:
    """The share of ``components`` in the TSF stock at ``period_end``.

    Without government bonds the denominator is the total less government bonds (financing
    of firms and households only). Raises ``KeyError`` naming what is missing."""
    if period_end not in table.index:
        raise KeyError(f"no TSF stock total at {period_end}")
    row = table.loc[period_end]
    missing = [c for c in components if pd.isna(row.get(c))]
    if not with_government_bonds and pd.isna(row.get("government_bonds")):
        missing.append("government_bonds")
    if missing:
        raise KeyError(f"TSF stock at {period_end} lacks {', '.join(missing)}")
    numerator = float(sum(row[c] for c in components))
    denominator = float(row["total"] - (0 if with_government_bonds else row["government_bonds"]))
    return Share(period_end, tuple(components), with_government_bonds, numerator, denominator)


def credit_shares(table: pd.DataFrame) -> pd.DataFrame:
    """Credit share under every definition, with and without government bonds, at every
    period end where the components are known. Tidy: one row per (period, definition)."""
    out = []
    for period in table.index:
        for name, components in CREDIT_DEFINITIONS.items():
            for with_gov in (True, False):
                try:
                    s = share(table, period, components, with_gov)
                except KeyError:
                    continue
                out.append(
                    {
                        "period_end": period,
                        "definition": name,
                        "label": CREDIT_LABELS[name],
                        "with_government_bonds": with_gov,
                        "share_percent": s.percent,
                    }
                )
    return pd.DataFrame(out, columns=["period_end", "definition", "label", "with_government_bonds", "share_percent"])


def bracketing_periods(
    table: pd.DataFrame, target: dt.date, components: tuple[str, ...], with_government_bonds: bool
) -> list[dt.date]:
    """The last period end on or before ``target`` and the first after it at which the share
    can be computed (one of them may be missing); the exact period if it is available."""
    usable = []
    for period in table.index:
        try:
            share(table, period, components, with_government_bonds)
            usable.append(period)
        except KeyError:
            continue
    if target in usable:
        return [target]
    before = [p for p in usable if p < target]
    after = [p for p in usable if p > target]
    return ([before[-1]] if before else []) + ([after[0]] if after else [])


# --------------------------------------------------------------------------- the widget
def share_sentence(s: Share, definition: str, threshold: float = 80.0) -> str:
    """One sentence: the share, and whether the report's "80%以上" holds under this definition."""
    scope = "the whole TSF stock" if s.with_government_bonds else "the TSF stock excluding government bonds"
    verdict = "the claim holds" if s.percent >= threshold else "the claim does not hold"
    return (
        f"{CREDIT_LABELS[definition]} are {s.percent:.1f}% of {scope} at {s.period_end}: "
        f"{verdict} under this definition (80%以上 needs at least {threshold:g}%)."
    )


# --------------------------------------------------------------------------- a year earlier, from the shares' changes
#: the eight components the PBOC's release states a share (and its change on a year earlier) for
STATED = (
    "rmb_loans",
    "fx_loans",
    "entrusted_loans",
    "trust_loans",
    "undiscounted_bankers_acceptances",
    "corporate_bonds",
    "government_bonds",
    "equity_nonfinancial",
)


@dataclass(frozen=True)
class DerivedShares:
    """Component shares of the TSF stock at ``period_end``, derived from the release a year later.

    Where that release states a component's share and its change on a year earlier (percentage points),
    the share then is the share later minus the change. Where it states only the level and its growth
    (the change was cut off on the page), the level then is the level later ÷ (1 + growth), over the total
    then (the published total if the data hold it, else the later total ÷ (1 + its growth)). ``methods``
    says which way each share was derived, ``rows`` are the data rows used, ``used`` the rows of each component
    (``"total"`` for the total's)."""

    period_end: dt.date
    later: dt.date
    shares: dict[str, float]
    methods: dict[str, str]
    rows: tuple
    used: dict = field(default_factory=dict)

    def rows_for(self, components: tuple[str, ...], with_government_bonds: bool = True) -> tuple:
        """The data rows a share of ``components`` rests on (with government bonds' when they leave the
        denominator, and the total's where a component was derived from its level)."""
        names = list(components) + ([] if with_government_bonds else ["government_bonds"])
        if any("÷" in self.methods.get(c, "") for c in names):
            names.append("total")
        return tuple(r for n in names for r in self.used.get(n, ()))

    def percent(self, components: tuple[str, ...], with_government_bonds: bool = True) -> float:
        """The share of ``components`` in the stock, in percent; without government bonds the denominator
        is the stock less government bonds (financing of firms and households only)."""
        missing = [c for c in components if c not in self.shares]
        if missing:
            raise KeyError(f"no derived share at {self.period_end} for {', '.join(missing)}")
        numerator = sum(self.shares[c] for c in components)
        denominator = 100.0 - (0.0 if with_government_bonds else self.shares["government_bonds"])
        return 100.0 * numerator / denominator

    def derivation(self, components: tuple[str, ...]) -> str:
        """How the shares were derived, in words a reader can redo."""
        parts = "; ".join(f"{c.replace('_', ' ')} {self.methods[c]}" for c in components)
        return f"derived from the PBOC's release for {self.later}: {parts}"


def _value(at: pd.DataFrame, indicator: str) -> tuple[float, pd.Series] | None:
    rows = at[at["indicator"] == indicator]
    if rows.empty:
        return None
    if "tier_rank" in rows:
        rows = rows.sort_values("tier_rank")
    return float(rows["value"].iloc[0]), rows.iloc[0]


def year_earlier_shares(official: pd.DataFrame, period_end: dt.date) -> DerivedShares:
    """The component shares at ``period_end`` from the release one year later (see :class:`DerivedShares`).
    Raises ``KeyError`` naming what the data lack."""
    later = dt.date(period_end.year + 1, period_end.month, period_end.day)
    at = official[official["period_end"] == later]
    before = official[official["period_end"] == period_end]
    shares, methods, rows, used = {}, {}, [], {}
    total_then = _value(before, "tsf_stock_total")
    if total_then:
        total_text = f"the published total {total_then[0]:g}万亿元"
        rows.append(total_then[1])
        used["total"] = (total_then[1],)
    else:
        level, growth = _value(at, "tsf_stock_total"), _value(at, "tsf_stock_total_growth_yoy")
        if not (level and growth):
            raise KeyError(f"data/official/tsf_stock.csv lacks the total at {period_end} and at {later}")
        total_then = (level[0] / (1 + growth[0] / 100), None)
        total_text = f"the total {level[0]:g} ÷ (1 + {growth[0]:g}%) = {total_then[0]:.2f}万亿元"
        rows += [level[1], growth[1]]
        used["total"] = (level[1], growth[1])
    for c in STATED:
        share, change = _value(at, f"tsf_stock_{c}_share"), _value(at, f"tsf_stock_{c}_share_change_yoy")
        if share and change:
            shares[c] = round(share[0] - change[0], 6)
            methods[c] = f"{share[0]:g} − ({change[0]:+g}) = {shares[c]:.1f}%"
            rows += [share[1], change[1]]
            used[c] = (share[1], change[1])
            continue
        level, growth = _value(at, f"tsf_stock_{c}"), _value(at, f"tsf_stock_{c}_growth_yoy")
        if not (level and growth):
            raise KeyError(
                f"data/official/tsf_stock.csv lacks the share and its change, or the level and its growth, "
                f"of {c} at {later}"
            )
        then = level[0] / (1 + growth[0] / 100)
        shares[c] = 100 * then / total_then[0]
        methods[c] = (
            f"{level[0]:g} ÷ (1 + {growth[0]:g}%) = {then:.2f}万亿元 over {total_text} = {shares[c]:.1f}% (its "
            "change in percentage points was cut off on the page)"
        )
        rows += [level[1], growth[1]]
        used[c] = (level[1], growth[1])
    return DerivedShares(period_end, later, shares, methods, tuple(rows), used)


def derived_credit_shares(derived: DerivedShares) -> pd.DataFrame:
    """The credit share under every definition, with and without government bonds, from derived shares;
    tidy, in the columns of :func:`credit_shares` plus ``how`` (``derived``)."""
    rows = []
    for name, components in CREDIT_DEFINITIONS.items():
        for with_gov in (True, False):
            rows.append(
                {
                    "period_end": derived.period_end,
                    "definition": name,
                    "label": CREDIT_LABELS[name],
                    "with_government_bonds": with_gov,
                    "share_percent": derived.percent(components, with_gov),
                    "how": "derived",
                }
            )
    return pd.DataFrame(rows)


def all_credit_shares(official: pd.DataFrame, derived_at: dt.date | None = None) -> pd.DataFrame:
    """The credit shares at every period end whose components are in the data (``how`` = ``levels``), and,
    at ``derived_at``, the ones derived from the release a year later (``how`` = ``derived``), oldest first."""
    levels = credit_shares(stock_table(official)).assign(how="levels")
    frames = [levels]
    if derived_at is not None:
        with contextlib.suppress(KeyError):
            frames.append(derived_credit_shares(year_earlier_shares(official, derived_at)))
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["period_end", "definition", "with_government_bonds"], kind="stable").reset_index(drop=True)


def derivation_table(derived: DerivedShares) -> pd.DataFrame:
    """The derivation of each component's share, one row per component (for the page and its CSV)."""
    return pd.DataFrame(
        [
            {
                "component": c,
                "label": COMPONENTS[c],
                "share_percent": round(derived.shares[c], 3),
                "how": derived.methods[c],
            }
            for c in STATED
        ]
    )


def composition(official: pd.DataFrame, derived_at: dt.date | None = None) -> pd.DataFrame:
    """The share of each stated component in the TSF stock (percent), one row per period end whose components
    are all in the data (``how`` = ``levels``), and at ``derived_at`` the derived shares (``how`` = ``derived``)."""
    table = stock_table(official)
    complete = table.dropna(subset=list(STATED))
    rows = complete[list(STATED)].div(complete["total"], axis=0) * 100
    rows["how"] = "levels"
    if derived_at is not None:
        try:
            derived = year_earlier_shares(official, derived_at)
            rows.loc[derived_at] = [derived.shares[c] for c in STATED] + ["derived"]
        except KeyError:
            pass
    rows.index.name = "period_end"
    return rows.sort_index()


def definition_order(column: pd.Series) -> pd.Series:
    """Sort key for a ``definition`` column: narrowest credit first (RMB loans, all loans, loan-type); other
    columns sort as they are."""
    if column.name != "definition":
        return column
    order = {name: i for i, name in enumerate(CREDIT_DEFINITIONS)}
    return column.map(order)
