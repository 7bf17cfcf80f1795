"""Rules about what the numbers mean, beyond the type of each cell.

A rule takes a validated frame and its :class:`~nqpf.data.catalog.FileSpec` and returns the
:class:`~nqpf.data.errors.Problem` s it finds, each naming the file, the line and the column and
saying what was expected. :data:`RULES` lists them by kind of file, explicitly.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ..quantities import QuantityError, parse_quantity
from .catalog import FileSpec
from .errors import Problem
from .io import squeeze

Rule = Callable[[pd.DataFrame, FileSpec, str], list[Problem]]

_CN_SMALL = "零一二三四五六七八九十"


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


def reported_parses(frame: pd.DataFrame, spec: FileSpec, name: str) -> list[Problem]:
    """A claim's ``reported`` is a quantity the parser reads (unless its unit is ``text``)."""
    problems = []
    for line, unit, reported in zip(frame["_line"], frame["unit"], frame["reported"]):
        if unit == "text":
            continue
        try:
            parse_quantity(reported)
        except QuantityError:
            problems.append(
                Problem(
                    name,
                    int(line),
                    "reported",
                    "must be a quantity the parser reads (e.g. "
                    f"8300多亿元, 80%以上, 八大, 2023年9月); got {reported!r}",
                )
            )
    return problems


def value_in_quote(frame: pd.DataFrame, spec: FileSpec, name: str) -> list[Problem]:
    """An official value appears, as written, in the sentence it is quoted from."""
    problems = []
    for line, raw, quote in zip(frame["_line"], frame["_raw_value"], frame["quote_zh"]):
        q = squeeze(quote or "")
        if not any(s in q for s in value_spellings(raw)):
            problems.append(
                Problem(name, int(line), "value", f"the value must appear, as written, in quote_zh; got {raw!r}")
            )
    return problems


#: the rules of each kind of file, in the order they run
RULES: dict[str, tuple[Rule, ...]] = {
    "register": (reported_parses,),
    "statistics": (value_in_quote,),
}


def check(frame: pd.DataFrame, spec: FileSpec, name: str) -> list[Problem]:
    """Every problem the rules of ``spec.kind`` find in ``frame``."""
    return [p for rule in RULES.get(spec.kind, ()) for p in rule(frame, spec, name)]
