"""Assumption widgets that work in Jupyter and in the static book.

:mod:`~nqpf.widgets.core` builds every widget the same way (precomputed results in linked
``Stack`` s, recomputed live when a kernel runs); one module per chapter defines its widget's
controls and computation; :data:`WIDGETS` lists them explicitly, and :func:`build` makes a fresh
one from the data as they are now.
"""

from __future__ import annotations

from collections.abc import Callable

from . import credit_share, loan_growth, relending
from .core import Control, Result, WidgetSpec, result_html, setting_key

#: every widget of the book: id → the function that builds its spec from the data
WIDGETS: dict[str, Callable[[], WidgetSpec]] = {
    "relending-calculator": relending.spec,
    "loan_growth_scenario": loan_growth.spec,
    "credit_share": credit_share.spec,
}


def build(widget_id: str) -> WidgetSpec:
    """A fresh spec of a widget of the book (reads the data as they are now)."""
    try:
        return WIDGETS[widget_id]()
    except KeyError:
        raise KeyError(f"no widget {widget_id!r}; widgets: {', '.join(WIDGETS)}") from None


find = build  # the name the browser tests and older notebooks use

__all__ = ["WIDGETS", "Control", "Result", "WidgetSpec", "build", "find", "result_html", "setting_key"]
