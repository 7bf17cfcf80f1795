"""Rules about what the numbers mean, beyond the type of each cell.

A rule takes a validated frame, its :class:`~nqpf.data.catalog.FileSpec`, the file's name and a
function that loads another file of ``data/`` (for references between files), and returns the
:class:`~nqpf.data.errors.Problem` s it finds, each naming the file, the line and the column and saying
what was expected. :data:`RULES` lists them by kind of file, explicitly.

The rules read a quote's numbers as quantities (:func:`nqpf.quantities.stated_quantities`): ``5000亿元``
is not ``5000万元``, ``1.75%`` is not "2 (rollovers)", ``100%`` is not 1, and ``下降0.5%`` is −0.5.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pandas as pd

from ..quantities import UNITS, QuantityError, parse_quantity, stated_quantities
from ..report import DATA_CUTOFF
from .catalog import FileSpec
from .errors import Problem
from .io import squeeze

Loader = Callable[[str], pd.DataFrame]
Rule = Callable[[pd.DataFrame, FileSpec, str, Loader], list[Problem]]

_CN_SMALL = "零一二三四五六七八九十"
_CN_MONTHS = dict(enumerate("一二三四五六七八九十", start=1)) | {11: "十一", 12: "十二"}
_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_QUARTER_WORDS = {
    3: ("一季度", "第一季度", "first quarter", "Q1", "1季度"),
    6: ("二季度", "上半年", "first half", "H1", "second quarter", "Q2"),
    9: ("三季度", "前三季度", "first three quarters", "Q3", "third quarter"),
    12: ("四季度", "年末", "年底", "全年", "year-end", "end of the year", "Q4", "fourth quarter"),
}


def value_spellings(raw: str) -> set[str]:
    """How a number may be written in a source sentence: ``2.70`` → {2.70, 2.7}, ``2`` → {2, 二, 两}."""
    raw = str(raw).strip()
    out = {raw}
    try:
        number = float(raw)
    except ValueError:
        return out
    out.add(f"{number:g}" if abs(number) < 1e6 else raw)
    if number < 0:  # a fall is written as 下降1.6%: the sign is in the words
        out |= value_spellings(raw.lstrip("-"))
    if number.is_integer() and abs(number) >= 1000:
        out.add(f"{int(number):,}")
    if "." in raw:
        out.add(raw.rstrip("0").rstrip("."))
    if number.is_integer() and 0 <= number <= 10:
        out.add(_CN_SMALL[int(number)])
        if number == 2:
            out.add("两")
    return out


def _lines(frame: pd.DataFrame, *columns: str):
    return zip(frame["_line"].astype(int), *(frame[c] for c in columns))


def _after_cutoff(frame: pd.DataFrame, name: str, column: str) -> list[Problem]:
    out = []
    for line, value in _lines(frame, column):
        if value is None or (isinstance(value, float) and pd.isna(value)):
            continue
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        if text > DATA_CUTOFF.isoformat():
            out.append(
                Problem(
                    name,
                    line,
                    column,
                    f"{text} is after the book's data cut-off ({DATA_CUTOFF}); a date in data/ describes the past",
                )
            )
    return out


# --------------------------------------------------------------------------- the claim register
def reported_parses(frame: pd.DataFrame, spec: FileSpec, name: str, load: Loader) -> list[Problem]:
    """A claim's ``reported`` is a quantity the parser reads (unless its unit is ``text``), in the claim's unit."""
    problems = []
    for line, unit, reported in _lines(frame, "unit", "reported"):
        if unit == "text":
            continue
        try:
            q = parse_quantity(reported)
        except QuantityError:
            problems.append(
                Problem(
                    name,
                    line,
                    "reported",
                    "must be a quantity the parser reads (e.g. 8300多亿元, "
                    f"80%以上, 八大, 2023年9月); got {reported!r}",
                )
            )
            continue
        if unit == "date" or q.dimension == "date":
            if (unit == "date") != (q.dimension == "date"):
                problems.append(
                    Problem(
                        name,
                        line,
                        "unit",
                        f"{reported!r} is {'a date' if q.dimension == 'date' else 'not a date'}"
                        f", so the unit must {'be' if q.dimension == 'date' else 'not be'} 'date'",
                    )
                )
            continue
        if unit not in UNITS or UNITS[unit][0] != q.dimension:
            problems.append(
                Problem(
                    name, line, "unit", f"{reported!r} is a {q.dimension} quantity; {unit!r} is not a unit of that kind"
                )
            )
        elif q.dimension == "money" and q.unit != unit:
            problems.append(
                Problem(
                    name,
                    line,
                    "unit",
                    f"the report writes {reported!r} ({q.unit}), so the unit must be {q.unit!r}, not {unit!r}",
                )
            )
    return problems


def reported_in_quote(frame: pd.DataFrame, spec: FileSpec, name: str, load: Loader) -> list[Problem]:
    """A claim's ``reported`` is what its quote states: the words as written are in ``quote_zh``."""
    return [
        Problem(
            name,
            line,
            "reported",
            f"{reported!r} is not in quote_zh; the reported quantity must be the one the quoted sentence states",
        )
        for line, reported, quote in _lines(frame, "reported", "quote_zh")
        if squeeze(reported) not in squeeze(quote)
    ]


def check_has_note(frame: pd.DataFrame, spec: FileSpec, name: str, load: Loader) -> list[Problem]:
    """A claim that is not checkable (check ``none``) says why; a threshold comes with its reason."""
    out = []
    for line, check, note, threshold, why in _lines(frame, "check", "check_note", "threshold", "threshold_why"):
        if check == "none" and not note:
            out.append(Problem(name, line, "check_note", "a claim with check 'none' must say what was searched for"))
        if bool(threshold) != bool(why):
            out.append(
                Problem(
                    name,
                    line,
                    "threshold_why" if threshold else "threshold",
                    "a threshold and the reason for it go together",
                )
            )
        if threshold and not re.fullmatch(r"[<>]=?\s*\d+(\.\d+)?%?", str(threshold)):
            out.append(Problem(name, line, "threshold", f"must read like '< 10%' or '> 50%'; got {threshold!r}"))
    return out


# --------------------------------------------------------------------------- official statistics
def value_stated(frame: pd.DataFrame, spec: FileSpec, name: str, load: Loader) -> list[Problem]:
    """An official value is stated in its quote with its unit and its sign, read as a quantity."""
    problems = []
    for line, raw, unit, quote in _lines(frame, "_raw_value", "unit", "quote"):
        stated = stated_quantities(quote or "")
        value = float(raw)
        same_unit = [s for s in stated if s.unit == unit]
        number = [s for s in same_unit if abs(s.number - abs(value)) <= 1e-9 * max(1.0, abs(value))]
        if number:
            if not any(s.negative == (value < 0) for s in number):
                words = "a fall (下降/decreasing)" if number[0].negative else "a rise"
                problems.append(
                    Problem(
                        name,
                        line,
                        "value",
                        f"the quote states {abs(value):g}{unit} as {words}, so the "
                        f"value must be {'negative' if number[0].negative else 'positive'}; got {raw!r}",
                    )
                )
            continue
        elsewhere = [s for s in stated if abs(s.number - abs(value)) <= 1e-9 * max(1.0, abs(value))]
        shown = ", ".join(f"{'-' if s.negative else ''}{s.number:g}{s.unit}" for s in stated) or "no number with a unit"
        if elsewhere and not same_unit:
            problems.append(
                Problem(name, line, "unit", f"the quote states {abs(value):g} in {elsewhere[0].unit}, not in {unit!r}")
            )
            continue
        hint = f"; {abs(value):g} appears only in {elsewhere[0].unit}" if elsewhere else ""
        problems.append(
            Problem(
                name,
                line,
                "value",
                f"{raw} {unit} is not stated in the quote (it states {shown}{hint}); "
                "the value must be the one the sentence states, as written",
            )
        )
    return problems


def _mentions_period(text: str, when: dt.date) -> bool:
    low = squeeze(text).lower()
    month, year = when.month, when.year
    candidates = [
        f"{month}月",
        f"{_CN_MONTHS[month]}月",
        _EN_MONTHS[month - 1],
        _EN_MONTHS[month - 1][:3] + ".",
        f"{year}.{month:02d}",
        f"{year}-{month:02d}",
        f"{year}.{month}",
        *(_QUARTER_WORDS.get(month, ())),
    ]
    if month == 12:
        # a year-end stock is dated by its year: 2021年末, "end of 2021", a title "2021 social financing balances"
        candidates += [
            f"{year}年末",
            f"{year}年底",
            f"{year}年",
            f"endof{year}",
            f"end-{year}",
            f"end{year}",
            f"in{year}",
            f"{year}",
        ]
    return any(squeeze(c).lower() in low for c in candidates)


def _last_month(text: str, page_date: str, when: dt.date) -> bool:
    """ "At the end of last month" (上月末) on a page dated the month after the period."""
    if not re.search(r"(end of last month|last month|上月末)", text) or len(page_date) < 7:
        return False
    year, month = int(page_date[:4]), int(page_date[5:7])
    before = (year, month - 1) if month > 1 else (year - 1, 12)
    return (when.year, when.month) == before


def statistics_dated(frame: pd.DataFrame, spec: FileSpec, name: str, load: Loader) -> list[Problem]:
    """A quote shows the date it belongs to: the quote, its ``date_context`` or the page's title names the
    period's month (or quarter, half, year-end); for an announcement (not a periodic statistic), the page's
    own date may give it."""
    pages = load("sources.csv").set_index("id")
    patterns = [re.compile(p) for p in spec.extra.get("periodic", ())]
    out = []
    for line, indicator, when, quote, context, source in _lines(
        frame, "indicator", "period_end", "quote", "date_context", "source"
    ):
        text = f"{quote} {context or ''} {pages['title'].get(source, '')}"
        page_date = str(pages["page_date"].get(source) or "")
        announced = not any(p.search(indicator) for p in patterns) and page_date[:7] == when.isoformat()[:7]
        if not (_mentions_period(text, when) or announced or _last_month(text, page_date, when)):
            out.append(
                Problem(
                    name,
                    line,
                    "period_end",
                    f"{when} is not shown by the row's page: neither the quote, its "
                    "date_context nor the page's title names that month; correct "
                    "the date, or add the page's words that date it in date_context",
                )
            )
    return out


def periodic_month_end(frame: pd.DataFrame, spec: FileSpec, name: str, load: Loader) -> list[Problem]:
    """A stock, a balance or a periodic rate is dated at the end of a month."""
    patterns = [re.compile(p) for p in spec.extra.get("periodic", ())]
    out = []
    for line, indicator, when in _lines(frame, "indicator", "period_end"):
        if any(p.search(indicator) for p in patterns):
            month_end = (when + dt.timedelta(days=1)).day == 1
            if not month_end:
                out.append(
                    Problem(
                        name,
                        line,
                        "period_end",
                        f"{indicator} is a periodic statistic, so its period end must "
                        f"be the last day of a month; got {when}",
                    )
                )
    return out


def indicator_known(frame: pd.DataFrame, spec: FileSpec, name: str, load: Loader) -> list[Problem]:
    """Every indicator is described in the data dictionary (``data/catalog.yml``)."""
    known = set(spec.indicators)
    return [
        Problem(
            name,
            line,
            "indicator",
            f"{indicator!r} is not in the data dictionary's indicators for this file "
            "(data/catalog.yml); describe it there first",
        )
        for line, indicator in _lines(frame, "indicator")
        if indicator not in known
    ]


def statistics_after_cutoff(frame, spec, name, load) -> list[Problem]:
    return _after_cutoff(frame, name, "period_end")


# --------------------------------------------------------------------------- events, documents, lists, sources
_DAY = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
#: a day written without its month ("习近平7日下午…"), as a dateline's story does
_BARE_DAY = re.compile(r"(?<![\d月年.])(\d{1,2})日(?:上午|下午|晚|电|起|至|召开|举行|发布|印发|在)")


def event_date_in_quote(frame: pd.DataFrame, spec: FileSpec, name: str, load: Loader) -> list[Problem]:
    """An event's date agrees with its quote where the quote states a day (a range 11日至12日 gives its first)."""
    out = []
    for line, when, quote in _lines(frame, "date", "quote"):
        text = squeeze(quote)
        days = [(int(y) if y else None, int(m), int(d)) for y, m, d in _DAY.findall(text)]
        if not days:
            days = [(None, when.month, int(d)) for d in _BARE_DAY.findall(text)]
        if days and not any(m == when.month and d == when.day and (y is None or y == when.year) for y, m, d in days):
            shown = ", ".join(f"{y or ''}{'年' if y else ''}{m}月{d}日" for y, m, d in days)
            out.append(Problem(name, line, "date", f"{when} does not agree with the day the quote states ({shown})"))
    return out


def events_after_cutoff(frame, spec, name, load) -> list[Problem]:
    return _after_cutoff(frame, name, "date")


def documents_after_cutoff(frame, spec, name, load) -> list[Problem]:
    return _after_cutoff(frame, name, "date")


def item_in_quote(frame: pd.DataFrame, spec: FileSpec, name: str, load: Loader) -> list[Problem]:
    """An item of an official list appears in the sentence that lists it."""
    return [
        Problem(name, line, "item_zh", f"{item!r} is not in the quote that lists it")
        for line, item, quote in _lines(frame, "item_zh", "quote")
        if squeeze(item) not in squeeze(quote)
    ]


def sources_dated(frame, spec, name, load) -> list[Problem]:
    """A page's own date is not after the data cut-off, and it was not read in the future."""
    today = dt.date.today().isoformat()
    future = [
        Problem(name, line, "retrieved", f"{value} is in the future")
        for line, value in _lines(frame, "retrieved")
        if str(value) > today
    ]
    return _after_cutoff(frame, name, "page_date") + future


# --------------------------------------------------------------------------- the report's tables
def value_in_reported(frame: pd.DataFrame, spec: FileSpec, name: str, load: Loader) -> list[Problem]:
    """In a table of the report's numbers, ``value`` and ``unit`` are what ``reported`` states."""
    if not {"value", "unit", "reported"} <= set(frame.columns):
        return []
    out = []
    for line, value, unit, reported in _lines(frame, "value", "unit", "reported"):
        if value is None or pd.isna(value) or not unit:
            continue
        stated = stated_quantities(reported or "")
        if not any(s.unit == unit and abs(s.number - value) < 1e-9 for s in stated):
            shown = ", ".join(f"{s.number:g}{s.unit}" for s in stated) or "no number with a unit"
            out.append(Problem(name, line, "value", f"{value:g} {unit} is not what reported states ({shown})"))
    return out


def references_resolve(frame: pd.DataFrame, spec: FileSpec, name: str, load: Loader) -> list[Problem]:
    """A column that refers to another file's key names a row that exists there."""
    out = []
    for col in spec.columns:
        if not col.refers:
            continue
        path, key = col.refers.split("#")
        known = set(load(path)[key])
        for line, value in _lines(frame, col.name):
            if isinstance(value, str) and value not in known:
                out.append(Problem(name, line, col.name, f"{value!r} is not a {key} of data/{path}"))
    return out


#: the rules of each kind of file, in the order they run
RULES: dict[str, tuple[Rule, ...]] = {
    "register": (reported_parses, reported_in_quote, check_has_note),
    "statistics": (indicator_known, value_stated, statistics_dated, periodic_month_end, statistics_after_cutoff),
    "events": (event_date_in_quote, events_after_cutoff),
    "documents": (documents_after_cutoff,),
    "lists": (item_in_quote,),
    "sources": (sources_dated,),
    "report_table": (value_in_reported, references_resolve),
    "book_table": (references_resolve,),
}


def check(frame: pd.DataFrame, spec: FileSpec, name: str, load: Loader) -> list[Problem]:
    """Every problem the rules of ``spec.kind`` find in ``frame``."""
    return [p for rule in RULES.get(spec.kind, ()) for p in rule(frame, spec, name, load)]
