"""Claim cards: the one component that shows a claim wherever the book shows one.

A card shows, in order: the verdict badge (with what it rests on and the best source tier), a short
English statement, the report's Chinese words, the reported value, the range its wording allows and
the replicated value with units, the reason (opening in place), the sources as links and the chapter
as a link. At desktop width the cards are the rows of a table whose first columns are the verdict and
the statement; on a phone each row becomes a card (``nqpf.css``). Nothing scrolls sideways.

Markup contract, which the tests and other tools rely on: every rendered claim carries
``data-claim-id="<id>"``, its verdict element ``data-verdict="<verdict>"``, and on the scorecard each
claim has the anchor ``id="claim-<id>"``. Every claim id links to its card on the scorecard.
"""

from __future__ import annotations

import html
import json
import math
import re

import pandas as pd

from .. import data, l10n
from . import labels

#: from any page of the book (all pages sit one folder deep) to the scorecard and the chapters
SCORECARD = "../book/scorecard.html"


def claim_link(claim_id: str, text: str | None = None) -> str:
    """A link to a claim's card on the scorecard."""
    return (
        f'<a class="nqpf-claim-id" href="{SCORECARD}#claim-{html.escape(claim_id)}" '
        f'title="{html.escape(claim_id)}: open its card on the scorecard"><code>{html.escape(text or claim_id)}</code></a>'
    )


def chapter_link(stem: str, lang: str = "en") -> str:
    return f'<a href="../notebooks/{html.escape(stem)}.html">{labels.word("chapter", lang)} {html.escape(stem.split("_")[0])}</a>'


def _decimals(text: str) -> int:
    m = re.search(r"\d+\.(\d+)", str(text))
    return len(m.group(1)) if m else 0


def fmt_number(x, like: str = "") -> str:
    """A number at the precision the report writes its own, with one more digit (up to three) wherever that
    precision would make a different number look equal to the written one (47.85 is not "47.9")."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    if isinstance(x, str):
        return html.escape(x)
    places = _decimals(like)
    try:
        written = float(re.search(r"\d+(?:\.\d+)?", str(like)).group(0))
    except (AttributeError, ValueError):
        written = None
    if written is not None:
        extra = 0
        while extra < 3 and abs(float(x) - written) > 1e-9 and round(float(x), places) == round(written, places):
            places, extra = places + 1, extra + 1
    return f"{float(x):,.{places}f}"


def fmt_bound(x: float, like: str = "") -> str:
    """A bound of the range a wording allows, with the digits it needs to be exact (47.85, 47.95)."""
    if isinstance(x, str):  # a date
        return html.escape(x)
    places = _decimals(like)
    while places < _decimals(like) + 3 and abs(round(float(x), places) - float(x)) > 1e-9:
        places += 1
    return f"{float(x):,.{places}f}"


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _range(row, lang: str) -> str:
    lo, hi = row.get("low"), row.get("high")
    if row["unit"] == "text" or (_missing(lo) and _missing(hi)):
        return ""
    open_left = "[" if row.get("low_closed", True) else "("
    unit = "" if row["unit"] in ("date", "text") else html.escape(row["unit"])
    hi_text = "∞" if _missing(hi) or hi == math.inf else fmt_bound(hi, row["reported"])
    close = "]" if row.get("high_closed", False) and hi_text != "∞" else ")"
    return f"{open_left}{fmt_bound(lo, row['reported'])}, {hi_text}{close} {unit}".strip()


def _gap(row, lang: str) -> str:
    gap = row.get("gap")
    if gap is None or (isinstance(gap, float) and (math.isnan(gap) or gap == 0)):
        return ""
    unit = row["unit"]
    if unit == "%":
        unit = labels.word("pp", lang)
    elif unit == "date":
        unit = labels.word("days", lang)
    return f"{labels.word('gap', lang)} {gap:+,.{max(1, _decimals(row['reported']))}f} {html.escape(unit)}"


def badge(row, lang: str = "en") -> str:
    """The verdict badge: the verdict, then what it rests on and the best source tier."""
    verdict = str(row["verdict"])
    tier = data.best_tier(row.get("sources") or [])
    basis = labels.BASIS[lang].get(row.get("basis", ""), "")
    meta = basis if verdict == "not_checkable" or not tier else f"{basis} · {labels.TIER[lang][tier]}"
    return (
        f'<span class="nqpf-verdict nqpf-v-{verdict}" data-verdict="{verdict}">{labels.verdict(verdict, lang)}</span>'
        f'<span class="nqpf-basis" data-basis="{html.escape(row.get("basis", ""))}" data-tier="{tier}">{meta}</span>'
    )


def _sources(row, lang: str) -> str:
    items = []
    for s in row.get("sources") or []:
        title = html.escape(f"{s.get('title', '')} — {s.get('attribution', '')}".strip(" —"))
        items.append(
            f'<li><a href="{html.escape(s["url"])}" title="{title}" rel="noopener">{html.escape(l10n.text(s["publisher"], lang))}</a>'
            f' <span class="nqpf-tier">({labels.TIER[lang].get(s["tier"], s["tier"])})</span></li>'
        )
    if not items:
        return ""
    return f'<div class="nqpf-sources"><b>{labels.word("sources", lang)}</b><ul>{"".join(items)}</ul></div>'


def _details(row, lang: str) -> str:
    parts = [f"<p>{html.escape(l10n.text(str(row.get('reason') or ''), lang))}</p>"]
    if row.get("threshold"):
        parts.append(
            f"<p><b>{labels.word('threshold', lang)}:</b> {html.escape(l10n.text(row['threshold'], lang))}</p>"
        )
    wording = row.get("wording")
    if wording:
        parts.append(
            f'<p><b>{labels.word("report_words", lang)}:</b> <span lang="zh">{html.escape(wording[0])}</span><br>'
            f'<b>{labels.word("source_words", lang)}:</b> <span lang="zh">{html.escape(wording[1])}</span></p>'
        )
    alternatives = row.get("alternatives") or []
    if alternatives:
        items = "".join(
            f"<li>{html.escape(l10n.text(a['label'], lang))}: {fmt_number(a['value'], row['reported'])} "
            f"({labels.word('holds' if a['holds'] else 'fails', lang)})</li>"
            for a in alternatives
        )
        parts.append(f"<p><b>{labels.word('alternatives', lang)}:</b></p><ul>{items}</ul>")
    inputs = row.get("inputs") or []
    if inputs:
        parts.append(f"<p><b>{labels.word('inputs', lang)}:</b> {' '.join(claim_link(i) for i in inputs)}</p>")
    return "".join(parts) + _sources(row, lang)


def _numbers(row, lang: str) -> str:
    rows = [(labels.word("reported", lang), f'<span lang="zh">{html.escape(row["reported"])}</span>')]
    span = _range(row, lang)
    if span:
        rows.append((labels.word("range", lang), span))
    replicated = row.get("replicated")
    if replicated is not None and not (isinstance(replicated, float) and math.isnan(replicated)):
        unit = "" if row["unit"] in ("date", "text") or isinstance(replicated, str) else " " + html.escape(row["unit"])
        shown = (
            fmt_number(replicated, row["reported"])
            if not isinstance(replicated, str)
            else html.escape(
                {"holds": labels.word("holds", lang), "does not hold": labels.word("fails", lang)}.get(
                    replicated, replicated
                )
            )
        )
        rows.append((labels.word("replicated", lang), f"{shown}{unit}"))
    gap = _gap(row, lang)
    if gap:
        rows.append(("", gap))
    return "".join(f'<div><span class="nqpf-k">{k}</span> {v}</div>' for k, v in rows)


def claim_row(row, lang: str = "en", anchor: bool = False) -> str:
    """One claim as a row of the claim table (a card on a phone)."""
    cid = html.escape(row["id"])
    anchor_attr = f' id="claim-{cid}"' if anchor else ""
    statement = html.escape(l10n.text(row.get("statement_en") or "", lang))
    return (
        f'<tr class="nqpf-claim" data-claim-id="{cid}" data-section="{html.escape(row["section"])}"'
        f' data-verdict="{row["verdict"]}"{anchor_attr}>'
        f'<td class="nqpf-c-verdict">{badge(row, lang)}</td>'
        f'<td class="nqpf-c-claim"><p class="nqpf-statement">{statement}</p>'
        f'<p class="nqpf-quote" lang="zh">{html.escape(row["quote_zh"])}</p>'
        f"<details><summary>{labels.word('why', lang)}</summary>{_details(row, lang)}</details>"
        f'<p class="nqpf-meta">{claim_link(row["id"])} · {chapter_link(row["notebook"], lang)}</p></td>'
        f'<td class="nqpf-c-numbers">{_numbers(row, lang)}</td></tr>'
    )


def claim_table(
    card: pd.DataFrame, lang: str = "en", anchors: bool = False, caption: str = "", table_id: str = ""
) -> str:
    """Claims as the claim table: verdict, claim, numbers; each row a card on a phone."""
    head = (
        f'<thead><tr><th scope="col">{labels.word("verdict", lang)}</th><th scope="col">{labels.word("claim", lang)}'
        f'</th><th scope="col">{labels.word("numbers", lang)}</th></tr></thead>'
    )
    body = "".join(claim_row(r, lang, anchors) for r in card.to_dict("records"))
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    tid = f' id="{html.escape(table_id)}"' if table_id else ""
    return f'<table class="nqpf-claims"{tid}>{cap}{head}<tbody>{body}</tbody></table>'


def summary_bar(counts: dict[str, int], lang: str = "en", caption: str = "") -> str:
    """The verdicts as one stacked bar, each segment labelled with its count (no script, no image)."""
    total = sum(counts.values()) or 1
    segments = "".join(
        f'<span class="nqpf-seg nqpf-v-{v}" style="flex:{n}" title="{labels.verdict(v, lang)}: {n}">{n}</span>'
        for v, n in counts.items()
        if n
    )
    legend = "".join(
        f'<li><span class="nqpf-swatch nqpf-v-{v}"></span>{labels.verdict(v, lang)}: {n}</li>'
        for v, n in counts.items()
        if n
    )
    cap = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return (
        f'<figure class="nqpf-summary" role="img" aria-label="{html.escape(caption or "verdicts")}: '
        f'{", ".join(f"{labels.verdict(v, lang)} {n}" for v, n in counts.items() if n)} of {total}">'
        f'<div class="nqpf-bar">{segments}</div><ul class="nqpf-legend">{legend}</ul>{cap}</figure>'
    )


def scorecard(card: pd.DataFrame, lang: str = "en", table_id: str = "nqpf-scorecard") -> str:
    """The whole register as claim cards with filters by section and verdict (a few lines of inline
    script; the page works offline and from any sub-path)."""
    sections = list(dict.fromkeys(card["section"]))
    options = "".join(f'<option value="{html.escape(s)}">{html.escape(s)}</option>' for s in sections)
    verdicts = "".join(
        f'<option value="{v}">{labels.verdict(v, lang)}</option>'
        for v in labels.VERDICT[lang]
        if v in set(card["verdict"].astype(str))
    )
    shown = json.dumps(labels.word("shown", lang))
    script = f"""<script>
(function () {{
  var root = document.getElementById({json.dumps(table_id)}).parentNode;
  var sec = root.querySelector('select[name=section]'), ver = root.querySelector('select[name=verdict]');
  var count = root.querySelector('.nqpf-count'), rows = root.querySelectorAll('tr.nqpf-claim');
  function apply() {{
    var n = 0;
    rows.forEach(function (tr) {{
      var ok = (!sec.value || tr.dataset.section === sec.value) && (!ver.value || tr.dataset.verdict === ver.value);
      tr.hidden = !ok; if (ok) n += 1;
    }});
    count.textContent = {shown}.replace('{{shown}}', n).replace('{{total}}', rows.length);
  }}
  sec.addEventListener('change', apply); ver.addEventListener('change', apply); apply();
}})();
</script>"""
    return (
        f'<div class="nqpf-scorecard"><div class="nqpf-filters">'
        f'<label>{labels.word("section", lang)} <select name="section"><option value="">{labels.word("all", lang)}'
        f'</option>{options}</select></label> <label>{labels.word("verdict", lang)} <select name="verdict">'
        f'<option value="">{labels.word("all", lang)}</option>{verdicts}</select></label> '
        f'<span class="nqpf-count" aria-live="polite"></span></div>'
        f"{claim_table(card, lang, anchors=True, table_id=table_id)}</div>{script}"
    )


def source_list(card: pd.DataFrame, lang: str = "en") -> str:
    """Every page the verdicts of ``card`` rest on, once, most authoritative first, with publisher, tier and the
    page's attribution line (a list of links)."""
    tiers = data.TIERS
    seen: dict[str, dict] = {}
    for sources in card["sources"]:
        for s in sources:
            seen.setdefault(s["url"], s)
    ordered = sorted(seen.values(), key=lambda s: (tiers.index(s["tier"]) if s["tier"] in tiers else 9, s["publisher"]))
    items = "".join(
        f'<li><a href="{html.escape(s["url"])}" rel="noopener">{html.escape(s["title"] or s["url"])}</a> — '
        f"{html.escape(l10n.text(s['publisher'], lang))} ({labels.TIER[lang].get(s['tier'], s['tier'])})"
        + (f'; <span lang="zh">{html.escape(s["attribution"])}</span>' if s.get("attribution") else "")
        + "</li>"
        for s in ordered
    )
    return f'<ul class="nqpf-source-list">{items}</ul>' if items else ""


def claim_list(card: pd.DataFrame, lang: str = "en") -> str:
    """Claims as a compact list: the verdict badge, the statement and the claim's link (for long lists, such as
    the claims no source could settle; each item opens its card on the scorecard)."""
    items = "".join(
        f'<li class="nqpf-claim" data-claim-id="{html.escape(r["id"])}" data-verdict="{r["verdict"]}">'
        f"{badge(r, lang)} {html.escape(l10n.text(r.get('statement_en') or '', lang))} {claim_link(r['id'])}</li>"
        for r in card.to_dict("records")
    )
    return f'<ul class="nqpf-claim-list">{items}</ul>' if items else ""


def legend(lang: str = "en", verdicts: list[str] | None = None) -> str:
    """What each verdict means, as a definition list (the scorecard's legend)."""
    shown = verdicts or list(labels.VERDICT[lang])
    items = "".join(
        f'<dt><span class="nqpf-verdict nqpf-v-{v}" data-verdict-label="{v}">{labels.verdict(v, lang)}'
        f"</span></dt><dd>{html.escape(labels.VERDICT_MEANING[lang][v])}</dd>"
        for v in shown
    )
    return f'<dl class="nqpf-legend-list">{items}</dl>'
