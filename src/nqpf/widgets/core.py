"""Assumption widgets that work in Jupyter and in the static book.

A plain ``interact`` in static HTML is a frozen snapshot: the control moves, the output does
not. Every widget of this book is therefore built by :class:`WidgetSpec` the same way:

* each control offers a small grid of values (a ``SelectionSlider`` where the grid is numeric, else a
  ``Dropdown`` or ``ToggleButtons``);
* the result for every combination is computed in Python when the notebook runs and put in an
  ``ipywidgets.HTML`` child of nested ``ipywidgets.Stack`` s;
* each control's ``index`` is ``jslink``-ed to the ``selected_index`` of the stacks at its
  level, so the browser switches results with no kernel (the static book, offline);
* with a kernel (Jupyter, JupyterLab) a Python observer also recomputes the selected result
  from the data when a control moves, so a reader who edits ``data/`` sees fresh numbers: when a data
  file changed since the results were computed, every precomputed result is recomputed, not only the
  visible one;
* with a kernel, each numeric assumption also takes any value typed into a box under the panel (the
  static book hides the boxes, which need a kernel, and says so), computed by the same function.

Labels and results are in both languages (:func:`nqpf.l10n.spans`); each edition of the book
shows its own, and JupyterLab shows both.

Each result is a ``<div class="nqpf-result" data-key=… data-value=…>`` so tests can check, in a
real browser, that the visible output is the one computed for the visible setting.
"""

from __future__ import annotations

import base64
import html
import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as w

from ..l10n import spans, zh
from ..paths import data_dir

STATIC_NOTE = (
    "Other values: open this chapter in JupyterLab (make lab) and type them in the boxes under the panel.",
    "其他取值：在 JupyterLab 中打开本章（make lab），在面板下方的输入框中键入。",
)


def bilingual(label: str) -> str:
    """A control's label in both languages, as plain text: ipywidgets strips the ``lang`` of HTML in a label,
    so each edition cannot hide the other's half. A label that already has its Chinese is left as it is."""
    if re.search(r"[\u4e00-\u9fff]", label) or zh(label) == label:
        return label
    return f"{label} · {zh(label)}"


def data_fingerprint() -> tuple:
    """The data files' names, sizes and modification times: a change means the results must be recomputed."""
    return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in data_dir().rglob("*") if p.is_file()))


@dataclass(frozen=True)
class Control:
    """One assumption: a name (the keyword passed to the compute function), a label, and the
    grid of ``(label, value)`` options; ``default`` is a value from the grid."""

    name: str
    description: str
    options: tuple[tuple[str, Any], ...]
    default: Any
    kind: str = "auto"  # "slider" for a numeric grid, else "dropdown"; or "toggle"
    free: bool | None = None  # whether a kernel may take any number (default: a numeric grid may)

    def __post_init__(self):
        values = [v for _, v in self.options]
        if self.default not in values:
            raise ValueError(f"default {self.default!r} of {self.name} is not one of its options {values}")
        if self.kind not in ("auto", "dropdown", "toggle", "slider"):
            raise ValueError(f"unknown control kind {self.kind!r}")

    @property
    def values(self) -> list[Any]:
        return [v for _, v in self.options]

    @property
    def numeric(self) -> bool:
        return all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in self.values)

    @property
    def takes_any_number(self) -> bool:
        return self.numeric if self.free is None else self.free

    @property
    def widget_kind(self) -> str:
        if self.kind == "auto":
            return "slider" if self.numeric and len(self.values) > 1 else "dropdown"
        return self.kind

    def make(self) -> w.ValueWidget:
        cls = {"dropdown": w.Dropdown, "toggle": w.ToggleButtons, "slider": w.SelectionSlider}[self.widget_kind]
        style = {"description_width": "initial"}
        options = list(self.options)  # a select or a button row cannot switch language per edition: as written
        extra = {"continuous_update": False} if cls is w.SelectionSlider else {}
        return cls(
            options=options,
            value=self.default,
            description=bilingual(self.description),
            style=style,
            **extra,
        )


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
        f'<p class="nqpf-result-text">{spans(result.text)}</p>{image}</div>'
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
    _data: tuple = field(default=(), repr=False)

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
        fingerprint = data_fingerprint()
        if fingerprint != self._data:  # a data file changed: nothing computed before it still holds
            self._cache.clear()
            self._data = fingerprint
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

        def leaves(node: w.Widget, level: int = 0, chosen: dict | None = None):
            chosen = chosen or {}
            if level == len(self.controls):
                yield node, chosen
                return
            control = self.controls[level]
            for child, value in zip(node.children, control.values):
                yield from leaves(child, level + 1, {**chosen, control.name: value})

        def safe_result(values: dict) -> Result:
            try:
                return self.result(**values)
            except Exception as problem:  # a reader's control must never end in a traceback
                return Result(f"Could not recompute this setting from the data: {problem}", "n/a")

        def recompute(_change=None):  # with a kernel: recompute from the data as they are now
            if any(ui.index is None for ui in controls):  # a control set to None from a kernel
                return
            values = {c.name: ui.value for c, ui in zip(self.controls, controls)}
            stale = data_fingerprint() != self._data
            self._cache.pop(setting_key(values), None)
            node = body
            for ui in controls:
                node = node.children[ui.index]
            node.value = result_html(safe_result(values), setting_key(values))
            if stale:  # the other precomputed results were computed from the old data: recompute them all
                for leaf, chosen in leaves(body):
                    if leaf is not node:
                        leaf.value = result_html(safe_result(chosen), setting_key(chosen))
            own_value()

        free = [c for c in self.controls if c.takes_any_number]
        boxes = {
            c.name: w.FloatText(
                value=float(c.default),
                description=bilingual(c.description),
                style={"description_width": "initial"},
            )
            for c in free
        }
        own = w.HTML()

        def own_value(_change=None):  # with a kernel: the typed values, through the same function
            if not boxes:
                return
            values = {c.name: ui.value for c, ui in zip(self.controls, controls)}
            values |= {name: box.value for name, box in boxes.items()}
            own.value = result_html(safe_result(values), setting_key(values))

        for ui in controls:
            ui.observe(recompute, names="index")
        for box in boxes.values():
            box.observe(own_value, names="value")
        extras: list[w.Widget] = []
        if boxes:
            note = w.HTML(f'<p class="nqpf-static-only">{spans(*STATIC_NOTE)}</p>')
            heading = w.HTML(f"<p><b>{spans('Your own values (with a kernel)', '自选取值（需运行内核）')}</b></p>")
            live = w.VBox([heading, *boxes.values(), own])
            live.add_class("nqpf-live-only")
            extras = [note, live]
            own_value()
        title = [w.HTML(f"<b>{spans(self.title)}</b>")] if self.title else []
        box = w.VBox([*title, *controls, body, *extras])
        box.add_class("nqpf-widget")
        box.add_class(f"nqpf-widget-{self.id}")
        return box
