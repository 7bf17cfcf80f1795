"""HTML for the book's tables: the filterable scorecard and plain data tables.

The pages must work offline and from any sub-path, so the filter is a few lines of inline
JavaScript in the table's own output, with no library loaded from anywhere.
"""

from __future__ import annotations

import html
import json

import pandas as pd

VERDICT_LABELS = {
    "reproduced": "reproduced",
    "within_precision": "within precision",
    "differs": "differs",
    "not_checkable": "not checkable",
}
_VERDICT_COLOURS = {
    "reproduced": "#1a7f37",
    "within_precision": "#2f6fb0",
    "differs": "#c0392b",
    "not_checkable": "#6e7781",
}

_STYLE = """
<style>
.nqpf-card {border-collapse: collapse; width: 100%; font-size: 0.85em;}
.nqpf-card th, .nqpf-card td {border-bottom: 1px solid #ddd; padding: 4px 6px; vertical-align: top; text-align: left;}
.nqpf-card td.num {text-align: right; white-space: nowrap;}
.nqpf-badge {color: #fff; border-radius: 3px; padding: 1px 5px; white-space: nowrap; font-size: 0.9em;}
.nqpf-filters {margin: 0.5em 0 1em 0;}
.nqpf-filters label {margin-right: 1em;}
.nqpf-scroll {overflow-x: auto; max-width: 100%;}
</style>
"""


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return html.escape(str(value))


def badge(verdict: str) -> str:
    """A coloured label for a verdict."""
    colour = _VERDICT_COLOURS.get(verdict, "#333")
    return f'<span class="nqpf-badge" style="background:{colour}">{VERDICT_LABELS.get(verdict, verdict)}</span>'


def scorecard_html(card: pd.DataFrame, table_id: str = "nqpf-scorecard") -> str:
    """The scorecard as an HTML table with section and verdict filters."""
    sections = sorted(card["section"].unique(), key=lambda s: ("导一二三".find(s[0]), s))
    options = "".join(f'<option value="{html.escape(s)}">{html.escape(s)}</option>' for s in sections)
    verdicts = "".join(f'<option value="{v}">{VERDICT_LABELS[v]}</option>' for v in VERDICT_LABELS)
    head = (
        "<tr><th>id</th><th>Claim (report's words)</th><th>Reported</th><th>Range</th>"
        "<th>Replicated</th><th>Verdict</th><th>Why</th><th>Notebook</th></tr>"
    )
    rows = []
    for r in card.itertuples():
        lo, hi = _cell(r.low), _cell(r.high)
        span = "" if not lo and not hi else f"[{lo}, {hi or '∞'}]"
        rows.append(
            f'<tr data-section="{html.escape(r.section)}" data-verdict="{r.verdict}">'
            f'<td><code>{html.escape(r.id)}</code></td><td lang="zh">{html.escape(r.quote_zh)}</td>'
            f'<td lang="zh">{html.escape(r.reported)}</td><td class="num">{span} {html.escape(r.unit) if span else ""}</td>'
            f'<td class="num">{_cell(r.replicated)}</td><td>{badge(r.verdict)}</td>'
            f"<td>{html.escape(r.reason or '')}</td><td>{html.escape(r.notebook)}</td></tr>"
        )
    script = f"""
<script>
(function () {{
  var root = document.getElementById({json.dumps(table_id)});
  var sec = root.querySelector('select[name=section]'), ver = root.querySelector('select[name=verdict]');
  var count = root.querySelector('.nqpf-count');
  function apply() {{
    var shown = 0;
    root.querySelectorAll('tbody tr').forEach(function (tr) {{
      var ok = (!sec.value || tr.dataset.section === sec.value) && (!ver.value || tr.dataset.verdict === ver.value);
      tr.style.display = ok ? '' : 'none'; if (ok) shown += 1;
    }});
    count.textContent = shown + ' of ' + root.querySelectorAll('tbody tr').length + ' claims shown';
  }}
  sec.addEventListener('change', apply); ver.addEventListener('change', apply); apply();
}})();
</script>"""
    return (
        f'{_STYLE}<div id="{table_id}"><div class="nqpf-filters">'
        f'<label>Section <select name="section"><option value="">all</option>{options}</select></label>'
        f'<label>Verdict <select name="verdict"><option value="">all</option>{verdicts}</select></label>'
        f'<span class="nqpf-count"></span></div>'
        f'<div class="nqpf-scroll"><table class="nqpf-card"><thead>{head}</thead><tbody>{"".join(rows)}</tbody>'
        f"</table></div></div>{script}"
    )


def plain_table(frame: pd.DataFrame) -> str:
    """A data frame as a simple escaped HTML table (no index), in the scorecard's style."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>" for row in frame.itertuples(index=False)
    )
    return (
        f'{_STYLE}<div class="nqpf-scroll"><table class="nqpf-card"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )
