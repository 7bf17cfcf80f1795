"""The analysis layer: one module per topic of the report, pandas only (no figures, no widgets).

:mod:`~nqpf.analysis.timeline` and :mod:`~nqpf.analysis.industries` (section 一),
:mod:`~nqpf.analysis.relending` and :mod:`~nqpf.analysis.local` (section 二),
:mod:`~nqpf.analysis.lending`, :mod:`~nqpf.analysis.structure` and
:mod:`~nqpf.analysis.conclusions` (section 三). Each is a set of pure functions: frames of
:mod:`nqpf.data` in, frames and numbers out; the claim checks, the figures, the widgets and the
notebooks all call them.
"""
