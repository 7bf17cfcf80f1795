"""Evidence helpers shared by the checks of every section: official rows, events, lists, counts, wording.

Each helper returns :class:`~nqpf.evidence.Evidence` that names what it rests on: the pages of the
sources registry behind a row (basis ``source``), or the report's own text and tables (basis
``report``). The report's own text and official wording are :mod:`nqpf.checks.wording`'s (re-exported here).
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from ..data import squeeze
from ..evidence import Context, Evidence, NotCheckable
from ..quantities import chinese_numeral, parse_quantity, to_base
from .wording import (  # noqa: F401 - the wording helpers, re-exported for the section checks
    FUNCTION_CHARACTERS,
    REPORT,
    _by_authority,
    compare_wording,
    count_ordinals,
    is_quotation,
    normalise,
    phrases_in_document,
    report_count,
    report_section,
    row_sources,
)


def _matches(claim: pd.Series, value: float, unit: str) -> bool:
    try:
        return parse_quantity(claim["reported"]).contains(to_base(value, unit))
    except (KeyError, ValueError):
        return False


def official_evidence(
    ctx: Context,
    claim: pd.Series,
    indicator: str,
    period_end: str | dt.date | None = None,
    as_written: str | None = None,
) -> Evidence:
    """The official figure of ``indicator`` as evidence. When several publications carry it, the most
    authoritative decides, and a publication that gives another number is named as a conflict."""
    rows = ctx.official_rows(indicator, period_end)
    if rows.empty:
        at = f" at {period_end}" if period_end else ""
        raise NotCheckable(f"no official figure for {indicator}{at} was found in data/official/")
    rows = rows[rows["period_end"] == rows["period_end"].max()]
    ranked = sorted(range(len(rows)), key=lambda i: ctx.rank(rows.iloc[i]["source"]))
    row = rows.iloc[ranked[0]]
    conflicts = []
    for i in ranked[1:]:
        other = rows.iloc[i]
        if not (other["value"] == row["value"] and other["unit"] == row["unit"]):
            s = ctx.source(other["source"])
            conflicts.append(
                f"{s['publisher']} ({s['tier'].replace('_', ' ')}, data/official line {other['_line']}) "
                f"gives {other['_raw_value']} {other['unit']}"
            )
    how = (
        f"official {indicator} at {row['period_end']}: {row['_raw_value']} {row['unit']} "
        f"({row['file']}, line {row['_line']})"
    )
    written = as_written if as_written and squeeze(as_written) in squeeze(row["quote"]) else None
    sources = tuple(dict.fromkeys(s for i in ranked for s in row_sources(rows.iloc[i])))
    return Evidence(float(row["value"]), row["unit"], how, sources, as_written=written, conflicts=tuple(conflicts))


def event_evidence(ctx: Context, event: str) -> Evidence:
    """The sourced date of an official event as evidence."""
    row = ctx.event(event)
    return Evidence(
        row["date"],
        "date",
        f"{event} on {row['date'].isoformat()} (data/official/events.csv, line {row['_line']})",
        row_sources(row),
    )


def list_evidence(ctx: Context, name: str, group: str | None = None, what: str = "items") -> Evidence:
    """The length of an official list (``data/official/lists.csv``), optionally of one of its groups."""
    items = ctx.official_list(name)
    if group is not None:
        items = items[items["group"] == group]
        if items.empty:
            raise NotCheckable(f"the official list {name!r} has no group {group!r} in data/official/lists.csv")
    names = "、".join(items["item_zh"])
    return Evidence(
        float(len(items)),
        "个",
        f"{len(items)} {what} in the official list ({names}; data/official/lists.csv)",
        tuple(dict.fromkeys(s for _, r in items.iterrows() for s in row_sources(r))),
    )


#: a count as a sentence writes it, in digits or in Chinese numerals (8, 八, 十二): the group of a count pattern
COUNT = r"([0-9]+|[一二两三四五六七八九十百]+)"


def tier_name(ctx: Context, source_id: str) -> str:
    """A page's tier, in words (official press)."""
    return str(ctx.source(source_id)["tier"]).replace("_", " ")


def stated_counts(ctx: Context, document: str, pattern: str) -> list[tuple[int, pd.Series, str]]:
    """The counts the sourced excerpts of ``document`` state in words (``8大新兴产业``, ``八条措施``), most
    authoritative page first: (the count, the excerpt's row, the words that state it). ``pattern`` is a regular
    expression whose first group is the number (see :data:`COUNT`); it is matched against the normalised quote
    (ASCII punctuation, simplified characters). Empty when no excerpt states the count, or the document has none."""
    try:
        rows = _by_authority(ctx, ctx.excerpts(document))
    except NotCheckable:
        return []
    found = []
    for _, row in rows.iterrows():
        m = re.search(pattern, normalise(row["quote"]))
        if m:
            found.append((chinese_numeral(m.group(1)), row, m.group(0)))
    return found


def _listed(ctx: Context, name: str | None, group: str | None, what: str) -> Evidence | None:
    if name is None:
        return None
    try:
        return list_evidence(ctx, name, group, what)
    except NotCheckable:
        return None


def list_words(ctx: Context, listed: Evidence) -> str:
    """How a list's length is reported beside a stated count: its length, its items and its best page's tier."""
    best = min(listed.sources, key=ctx.rank)
    return (
        f"{listed.how.replace(' in the official list (', ' in the full list (', 1)}, whose best page is "
        f"{tier_name(ctx, best)}"
    )


def stated_count(
    ctx: Context, document: str, pattern: str, what: str, list_name: str | None = None, group: str | None = None
) -> Evidence:
    """A count as the most authoritative sourced sentence states it (``8大新兴产业``, ``8条措施``).

    The length of the official list of the items (``data/official/lists.csv``, ``list_name`` and ``group``),
    when there is one, is reported alongside; when it, or another sentence, gives another number, that is a
    conflict. A sentence that states the count outranks a list that has to be counted: the list is often on
    weaker pages than the sentence (a press wire names the count and the first few items; the full list is on
    a trade site). Without a stated count, the list's length is the evidence (:func:`list_evidence`)."""
    stated = stated_counts(ctx, document, pattern)
    listed = _listed(ctx, list_name, group, what)
    if not stated:
        if listed is None:
            raise NotCheckable(
                f"no sourced sentence of {document} states the number of {what}, and no official list "
                "of them is in data/official/lists.csv"
            )
        return listed
    n, row, words = stated[0]
    source = ctx.source(row["source"])
    conflicts = []
    for m, other, w in stated[1:]:
        if m != n:
            conflicts.append(
                f"{ctx.source(other['source'])['publisher']} ({tier_name(ctx, other['source'])}, "
                f"data/official/documents.csv line {other['_line']}) writes {w}"
            )
    how = (
        f"{n} {what}, as {source['publisher']} ({tier_name(ctx, row['source'])}) states it: {words} ({document}, "
        f"excerpt {row['excerpt']}, data/official/documents.csv line {row['_line']})"
    )
    others = [
        f"{ctx.source(other['source'])['publisher']}, line {other['_line']}: {w}"
        for m, other, w in stated[1:]
        if m == n
    ]
    if others:
        how += f"; the same count in data/official/documents.csv ({'; '.join(others)})"
    if listed is not None:
        how += f"; {list_words(ctx, listed)}"
        if listed.value != n:
            conflicts.append(f"the full list in data/official/lists.csv has {int(listed.value)} {what}")
    ids = [s for _, r, _ in stated for s in row_sources(r)] + list(listed.sources if listed is not None else ())
    return Evidence(float(n), "个", how, tuple(dict.fromkeys(ids)), conflicts=tuple(conflicts))


def same_items(
    ctx: Context, name: str, report_items: list[str], group: str | None = None, what: str = "items"
) -> Evidence:
    """Whether the report's items are the official list's, item for item and in order."""
    items = ctx.official_list(name)
    if group is not None:
        items = items[items["group"] == group]
    official = [normalise(i) for i in items["item_zh"]]
    mine = [normalise(i) for i in report_items]
    sources = tuple(dict.fromkeys(s for _, r in items.iterrows() for s in row_sources(r)))
    if mine == official:
        return Evidence(
            None,
            "text",
            f"the report's {len(mine)} {what} are the official list's, item for item and "
            "in order (data/official/lists.csv)",
            sources,
            holds=True,
        )
    missing = [i for i in official if i not in mine]
    extra = [i for i in mine if i not in official]
    order = "" if missing or extra else "the same items in another order"
    detail = "; ".join(
        x
        for x in (
            f"the official list also has {'、'.join(missing)}" if missing else "",
            f"the report adds {'、'.join(extra)}" if extra else "",
            order,
        )
        if x
    )
    return Evidence(None, "text", f"the report's {what} differ from the official list: {detail}", sources, holds=False)


def has_event(ctx: Context, event: str) -> bool:
    """Whether ``data/official/events.csv`` has a sourced date for ``event``."""
    try:
        ctx.event(event)
        return True
    except NotCheckable:
        return False


def passage_matching(claim: pd.Series, pattern: str) -> str:
    """The part of a claim's quote that matches ``pattern`` (a regular expression), for checks that
    need one clause of it."""
    m = re.search(pattern, squeeze(claim["quote_zh"]))
    if not m:
        raise KeyError(f"the quote of {claim['id']} has no part matching {pattern!r}")
    return m.group(0)
