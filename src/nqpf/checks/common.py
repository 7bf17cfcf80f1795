"""Evidence helpers shared by the checks of every section: official rows, events, lists, counts, wording.

Each helper returns :class:`~nqpf.evidence.Evidence` that names what it rests on: the pages of the
sources registry behind a row (basis ``source``), or the report's own text and tables (basis
``report``). Wording is compared by :func:`compare_wording`, which can return "differs": a sourced
sentence that covers the report's passage but words it differently.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

import pandas as pd
from opencc import OpenCC

from ..data import report_text, squeeze
from ..evidence import Context, Evidence, NotCheckable
from ..quantities import chinese_numeral, parse_quantity, to_base

REPORT = "data/report/report_zh.txt"

_ORDINALS = "一二三四五六七八九十"

_PUNCTUATION = str.maketrans(
    {
        "，": ",",
        "（": "(",
        "）": ")",
        "：": ":",
        "；": ";",
        "“": '"',
        "”": '"',
        "＋": "+",
        "《": "<",
        "》": ">",
        "、": ",",
        "。": ".",
        "─": "-",
        "—": "-",
        "–": "-",
        "‘": "'",
        "’": "'",
        "！": "!",
        "？": "?",
    }
)
#: characters whose addition, removal or swap leaves a paraphrase's meaning alone (its, we, of, and …)
FUNCTION_CHARACTERS = set("其它我们的了等和及与并且也都就而之以为是")


_SIMPLIFIED = OpenCC("t2s")


def normalise(text: str) -> str:
    """Compare wording, not typography: no whitespace, ASCII punctuation, simplified characters (pages mix
    full-width and ASCII punctuation, and some carry the text in traditional characters)."""
    return _SIMPLIFIED.convert(squeeze(text)).translate(_PUNCTUATION)


def _by_authority(ctx: Context, rows: pd.DataFrame) -> pd.DataFrame:
    """Rows ordered by the authority of their source (official first), so that a tie goes to the stronger page."""
    order = sorted(range(len(rows)), key=lambda i: (ctx.rank(rows.iloc[i]["source"]), i))
    return rows.iloc[order]


def row_sources(row: pd.Series) -> tuple[str, ...]:
    """The source ids of a data row: its ``source`` and any ``cross_check`` ids."""
    ids = [row["source"]]
    cross = row.get("cross_check")
    if isinstance(cross, str) and cross:
        ids += [c.strip() for c in cross.split(";") if c.strip()]
    return tuple(ids)


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


def report_count(n: int, what: str, file: str = REPORT) -> Evidence:
    """A count taken from the report's own text or tables (basis ``report``)."""
    return Evidence(float(n), "个", f"{n} {what} counted in {file} (the report's own text)", (), basis="report")


def report_section(start: str, end: str | None = None) -> str:
    """The report's text (whitespace removed) from ``start`` up to ``end``."""
    text = report_text()
    i = text.index(squeeze(start))
    j = text.index(squeeze(end), i) if end else len(text)
    return text[i:j]


def count_ordinals(passage: str) -> int:
    """The length of the run 一是, 二是, 三是 … in a passage of the report."""
    n = 0
    while f"{_ORDINALS[n]}是" in passage:
        n += 1
    return n


def is_quotation(passage: str) -> bool:
    """Whether the report sets ``passage`` in quotation marks (“…” or 《…》): then it must be word for word."""
    text = report_text()
    p = squeeze(passage)
    i = text.find(p)
    if i < 0:
        return False
    before, after = text[max(0, i - 1) : i], text[i + len(p) : i + len(p) + 1]
    return (before in "“《" and after in "”》") or (p.startswith(("“", "《")) and p.endswith(("”", "》")))


def _minor(a: str, b: str) -> bool:
    """Whether two wordings differ only by function characters (its, we, of, and …)."""
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    changed = "".join(a[i1:i2] + b[j1:j2] for tag, i1, i2, j1, j2 in ops if tag != "equal")
    return bool(changed) and set(changed) <= FUNCTION_CHARACTERS


def _align(target: str, text: str) -> tuple[bool, float, str] | None:
    """Where ``target`` sits in ``text``: (anchored, coverage, the aligned span of ``text``), or None.

    The longest common block fixes the place; the window around it, as long as the target plus a few
    characters, is compared again, so that a repeated word elsewhere in the excerpt cannot stretch the span.
    Anchored means the match starts within the target's first three characters and ends within its last three."""
    block = difflib.SequenceMatcher(None, target, text, autojunk=False).find_longest_match(0, len(target), 0, len(text))
    if block.size < 4:
        return None
    slack = 3
    lo = max(0, block.b - block.a - slack)
    hi = min(len(text), block.b + block.size + (len(target) - block.a - block.size) + slack)
    window = text[lo:hi]
    blocks = [b for b in difflib.SequenceMatcher(None, target, window, autojunk=False).get_matching_blocks() if b.size]
    covered = sum(b.size for b in blocks) / len(target)
    first, last = blocks[0], blocks[-1]
    anchored = first.a <= 2 and last.a + last.size >= len(target) - 2
    return anchored, covered, window[first.b : last.b + last.size]


def compare_wording(ctx: Context, document: str, passage: str, what: str = "the passage") -> Evidence:
    """Compare the report's ``passage`` with the sourced excerpts of ``document``.

    * The passage is in an excerpt word for word (punctuation aside): the claim holds.
    * An excerpt covers the same sentence (it carries the passage's opening and closing words, and
      most of the passage between them) but words it differently: the claim does not hold, and both
      wordings are shown; except that a paraphrase (the passage is not in quotation marks) whose only
      changes are function characters (其/它/我们/的 …) is within the precision a paraphrase allows.
    * No excerpt covers it, or the excerpt that would is cut off: :class:`NotCheckable` (excerpts are
      partial; a missing sentence is no proof the document lacks it).
    """
    rows = _by_authority(ctx, ctx.excerpts(document))
    target = normalise(passage)
    for _, row in rows.iterrows():
        if target in normalise(row["quote"]):
            return Evidence(
                None,
                "text",
                f"{what} is in the official text word for word ({document}, excerpt "
                f"{row['excerpt']}, data/official/documents.csv line {row['_line']})",
                row_sources(row),
                holds=True,
                wording=(passage, row["quote"]),
            )
    best = None
    for _, row in rows.iterrows():
        aligned = _align(target, normalise(row["quote"]))
        if aligned and (best is None or aligned[:2] > best[:2]):
            best = (*aligned, row)
    if best is None or not best[0] or best[1] < 0.6:
        full = int((rows["extent"] == "sentence").sum()) if "extent" in rows else 0
        if not len(rows):
            raise NotCheckable(
                f"no excerpt of {document} is sourced (data/official/documents.csv), so {what} cannot "
                "be compared with the official text"
            )
        held = (
            f"the {len(rows)} sourced excerpt(s) of {document} ({full} whole sentence(s), {len(rows) - full} cut "
            f"off; data/official/documents.csv)"
        )
        raise NotCheckable(
            f"{held} do not carry {what} in any wording: the report's words may come from a part of "
            "the text no public page this book could read carries, and a sentence missing from a few "
            "excerpts is no proof the document lacks it"
        )
    _, _, span, row = best
    if row.get("extent") != "sentence" and normalise(row["quote"]).rstrip(".").endswith(span[-3:]):
        raise NotCheckable(
            f"the excerpt of {document} that would carry {what} is cut off there (data/official/"
            f"documents.csv line {row['_line']})"
        )
    where = f"{document}, excerpt {row['excerpt']}, data/official/documents.csv line {row['_line']}"
    if not is_quotation(passage) and _minor(target, span):
        return Evidence(
            None,
            "text",
            f"{what} paraphrases the official sentence with minor edits only ({where})",
            row_sources(row),
            holds=True,
            wording=(passage, row["quote"]),
            approximate=True,
        )
    quoted = "quotes" if is_quotation(passage) else "words"
    return Evidence(
        None,
        "text",
        f"the report {quoted} {what} differently from the official sentence ({where})",
        row_sources(row),
        holds=False,
        wording=(passage, row["quote"]),
    )


def phrases_in_document(ctx: Context, document: str, phrases: list[str], what: str) -> Evidence:
    """Whether every phrase (a sub-field the report says a document names) is in the document's sourced
    excerpts. A phrase missing from them is not checkable, never "differs": the excerpts are a few sentences
    of the document, so a missing phrase is no proof the document lacks it."""
    rows = _by_authority(ctx, ctx.excerpts(document))
    texts = [(row, normalise(row["quote"])) for _, row in rows.iterrows()]
    found = {p: [r for r, t in texts if normalise(p) in t] for p in phrases}
    missing = [p for p, hits in found.items() if not hits]
    used = list(dict.fromkeys(s for hits in found.values() for r in hits for s in row_sources(r)))
    if missing:
        raise NotCheckable(
            f"{len(phrases) - len(missing)} of {len(phrases)} {what} are in the sourced excerpts of "
            f"{document}; not found: {'、'.join(missing)} (the excerpts are partial: the text that would "
            "carry them was on no public page this book could read)"
        )
    lines = sorted({int(r["_line"]) for hits in found.values() for r in hits})
    subject = f"the phrase {phrases[0]} is" if len(phrases) == 1 else f"all {len(phrases)} {what} are"
    return Evidence(
        None,
        "text",
        f"{subject} in the official text ({document}; data/official/documents.csv line"
        f"{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))})",
        tuple(used),
        holds=True,
    )


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
