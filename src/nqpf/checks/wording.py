"""The report's own text and official wording: counts and sections of the report, and passages compared with an
official text (:func:`compare_wording`, which can find that a sourced sentence covers the report's passage but
words it differently). Text is compared as :func:`normalise` leaves it: wording, not typography."""

from __future__ import annotations

import difflib

import pandas as pd
from opencc import OpenCC

from ..data import report_text, squeeze
from ..evidence import Context, Evidence, NotCheckable

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


def normalise(text: str) -> str:
    """Compare wording, not typography: no whitespace, ASCII punctuation, simplified characters (pages mix
    full-width and ASCII punctuation, and some carry the text in traditional characters)."""
    return _SIMPLIFIED.convert(squeeze(text)).translate(_PUNCTUATION)


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
