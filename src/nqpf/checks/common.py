"""Evidence helpers shared by the checks of every section: official rows, events, counts, wording."""

from __future__ import annotations

import datetime as dt

from ..data import report_text, squeeze
from ..evidence import Context, Evidence, NotCheckable

REPORT = "data/report/report_zh.txt"


def official_evidence(
    ctx: Context, indicator: str, period_end: str | dt.date | None = None, as_written: str | None = None
) -> Evidence:
    """The official figure of ``indicator`` as evidence, citing its page."""
    row = ctx.official_row(indicator, period_end)
    sources = tuple(u for u in (row["source_url"], row["cross_check_url"]) if isinstance(u, str) and u)
    how = (
        f"official {indicator} at {row['period_end']}: {row['_raw_value']} {row['unit']} "
        f"({row['file']}, line {row['_line']})"
    )
    written = as_written if as_written and squeeze(as_written) in squeeze(row["quote_zh"]) else None
    return Evidence(float(row["value"]), row["unit"], how, sources, as_written=written)


def event_evidence(ctx: Context, event: str) -> Evidence:
    """The sourced date of an official event as evidence."""
    row = ctx.event(event)
    sources = tuple(u for u in (row["source_url"], row["cross_check_url"]) if isinstance(u, str) and u)
    return Evidence(
        row["date"],
        "date",
        f"{event} on {row['date'].isoformat()} (data/official/events.csv, line {row['_line']})",
        sources,
    )


def count_evidence(n: int, what: str, source: str) -> Evidence:
    return Evidence(float(n), "个", f"{n} {what} counted in {source}", (source,))


def report_section(start: str, end: str | None = None) -> str:
    """The report's text (whitespace removed) from ``start`` up to ``end``."""
    text = report_text()
    i = text.index(squeeze(start))
    j = text.index(squeeze(end), i) if end else len(text)
    return text[i:j]


_ORDINALS = "一二三四五六七八九十"


def count_ordinals(passage: str) -> int:
    """The length of the run 一是, 二是, 三是 … in a passage of the report."""
    n = 0
    while f"{_ORDINALS[n]}是" in passage:
        n += 1
    return n


_PUNCTUATION = str.maketrans(
    {"，": ",", "（": "(", "）": ")", "：": ":", "；": ";", "“": '"', "”": '"', "＋": "+", "《": "<", "》": ">"}
)


def normalise(text: str) -> str:
    """Compare wording, not typography: no whitespace, ASCII punctuation (pages mix both)."""
    return squeeze(text).translate(_PUNCTUATION)


def document_says(ctx: Context, document: str, phrases: list[str], what: str) -> Evidence:
    """A qualitative claim about an official document's wording: every phrase must be in one of
    its sourced excerpts. A phrase missing from the excerpts is no proof it is missing from the
    document (excerpts are partial), so the claim is then not checkable, not "differs"."""
    rows = ctx.excerpts(document)
    texts = [(int(r["excerpt"]), normalise(r["quote_zh"]), r["source_url"]) for _, r in rows.iterrows()]
    found = {p: [(n, url) for n, t, url in texts if normalise(p) in t] for p in phrases}
    missing = [p for p, hits in found.items() if not hits]
    if missing:
        raise NotCheckable(
            f"{len(phrases) - len(missing)} of {len(phrases)} {what} are in the sourced excerpts of "
            f"{document}; not found: {'、'.join(missing)} (the excerpts are partial: the text that would "
            f"carry them was on no public page this book could read)"
        )
    where = sorted({n for hits in found.values() for n, _ in hits})
    urls = tuple(sorted({url for hits in found.values() for _, url in hits}))
    subject = f"the phrase {phrases[0]} is" if len(phrases) == 1 else f"all {len(phrases)} {what} are"
    return Evidence(
        None,
        "text",
        f"{subject} in the official text ({document}, excerpt "
        f"{', '.join(map(str, where))} in data/official/documents.csv)",
        urls,
        holds=True,
    )


def has_event(ctx: Context, event: str) -> bool:
    """Whether ``data/official/events.csv`` has a sourced date for ``event``."""
    try:
        ctx.event(event)
        return True
    except NotCheckable:
        return False
