"""Figures: one theme (:mod:`~nqpf.figures.theme`) and one module per chapter of the book.

Every function takes frames from :mod:`nqpf.analysis` and returns a matplotlib figure; call
:func:`nqpf.figures.theme.set_theme` first so the Chinese labels render.
"""
