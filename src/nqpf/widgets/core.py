"""Assumption widgets that work in Jupyter and in the static book.

A plain ``interact`` in static HTML is a frozen snapshot: the control moves, the output does
not. Every widget of this book is therefore built by :class:`WidgetSpec` the same way:

* each control offers a small grid of values (a ``Dropdown`` or ``ToggleButtons``);
* the result for every combination is computed in Python when the notebook runs and put in an
  ``ipywidgets.HTML`` child of nested ``ipywidgets.Stack`` s;
* each control's ``index`` is ``jslink``-ed to the ``selected_index`` of the stacks at its
  level, so the browser switches results with no kernel (the static book, offline);
* with a kernel (Jupyter, JupyterLab) a Python observer also recomputes the selected result
  from the data when a control moves, so a reader who edits ``data/`` sees fresh numbers.

Each result is a ``<div class="nqpf-result" data-key=… data-value=…>`` so tests can check, in a
real browser, that the visible output is the one computed for the visible setting.
"""

from __future__ import annotations

import base64
import html
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as w


@dataclass(frozen=True)
class Control:
    """One assumption: a name (the keyword passed to the compute function), a label, and the
    grid of ``(label, value)`` options; ``default`` is a value from the grid."""

    name: str
    description: str
    options: tuple[tuple[str, Any], ...]
    default: Any
    kind: str = "dropdown"  # or "toggle"

    def __post_init__(self):
        values = [v for _, v in self.options]
        if self.default not in values:
            raise ValueError(f"default {self.default!r} of {self.name} is not one of its options {values}")
        if self.kind not in ("dropdown", "toggle"):
            raise ValueError(f"unknown control kind {self.kind!r}")

    @property
    def values(self) -> list[Any]:
        return [v for _, v in self.options]

    def make(self) -> w.ValueWidget:
        cls = w.Dropdown if self.kind == "dropdown" else w.ToggleButtons
        style = {"description_width": "initial"}
        return cls(options=list(self.options), value=self.default, description=self.description, style=style)


@dataclass(frozen=True)
class Result:
    """What a widget shows for one setting: a sentence, the headline value, an optional figure."""

    text: str
    value: float | str
    png: bytes | None = None


def result_html(result: Result, key: str) -> str:
    """The HTML of one result; ``data-key`` names the setting, ``data-value`` the headline value."""
    value = f"{result.value:.6g}" if isinstance(result.value, float) else str(result.value)
    image = ""
    if result.png:
        encoded = base64.b64encode(result.png).decode("ascii")
        image = f'<img alt="{html.escape(result.text)}" src="data:image/png;base64,{encoded}" style="max-width:100%">'
    return (
        f'<div class="nqpf-result" data-key="{html.escape(key)}" data-value="{html.escape(value)}">'
        f'<p class="nqpf-result-text">{html.escape(result.text)}</p>{image}</div>'
    )


def setting_key(values: dict[str, Any]) -> str:
    """A stable text key for a combination of control values."""
    return "|".join(f"{k}={v}" for k, v in values.items())


@dataclass
class WidgetSpec:
    """A widget: its id (unique in the book), its controls, and ``compute(**values) -> Result``."""

    id: str
    controls: list[Control]
    compute: Callable[..., Result]
    title: str = ""
    _cache: dict = field(default_factory=dict, repr=False)

    def settings(self):
        """Every combination of control values, in grid order."""
        for combo in itertools.product(*(c.values for c in self.controls)):
            yield dict(zip((c.name for c in self.controls), combo))

    def result(self, **values) -> Result:
        """The result for one setting; falls back to a message instead of raising."""
        key = setting_key(values)
        bad = [n for n, v in values.items() if v is None or (isinstance(v, float) and not math.isfinite(v))]
        if bad:  # None, NaN or ∞ from a kernel: a message, never "nan万亿元" or a traceback
            return Result(f"Not available: {', '.join(bad)} must be one of the offered settings.", "n/a")
        if key not in self._cache:
            try:
                self._cache[key] = self.compute(**values)
            except (ValueError, KeyError, ZeroDivisionError) as problem:
                reason = problem.args[0] if problem.args else type(problem).__name__
                self._cache[key] = Result(f"Not available for this setting: {reason}.", "n/a")
        return self._cache[key]

    def default_result(self) -> Result:
        return self.result(**{c.name: c.default for c in self.controls})

    def widget(self) -> w.VBox:
        """The control panel and its precomputed, linked results."""
        controls = [c.make() for c in self.controls]

        def build(level: int, chosen: dict[str, Any]) -> w.Widget:
            if level == len(self.controls):
                return w.HTML(result_html(self.result(**chosen), setting_key(chosen)))
            control = self.controls[level]
            children = [build(level + 1, {**chosen, control.name: v}) for v in control.values]
            stack = w.Stack(children, selected_index=control.values.index(control.default))
            w.jslink((controls[level], "index"), (stack, "selected_index"))
            stacks[level].append(stack)
            return stack

        stacks: list[list[w.Stack]] = [[] for _ in self.controls]
        body = build(0, {})

        def recompute(_change=None):  # with a kernel: recompute the visible result from the data
            if any(ui.index is None for ui in controls):  # a control set to None from a kernel
                return
            values = {c.name: ui.value for c, ui in zip(self.controls, controls)}
            self._cache.pop(setting_key(values), None)
            node = body
            for _level, ui in enumerate(controls):
                node = node.children[ui.index]
            try:
                result = self.result(**values)
            except Exception as problem:  # a reader's control must never end in a traceback
                result = Result(f"Could not recompute this setting from the data: {problem}", "n/a")
            node.value = result_html(result, setting_key(values))

        for ui in controls:
            ui.observe(recompute, names="index")
        title = [w.HTML(f"<b>{html.escape(self.title)}</b>")] if self.title else []
        box = w.VBox([*title, *controls, body])
        box.add_class("nqpf-widget")
        box.add_class(f"nqpf-widget-{self.id}")
        return box
