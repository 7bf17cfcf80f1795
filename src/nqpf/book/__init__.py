"""Book glue: what the pages of the book show, and the Sphinx extension that builds them.

:mod:`~nqpf.book.tables` renders tables and verdicts as HTML; :mod:`~nqpf.book.summary` sums
the engine's verdicts up; :mod:`nqpf.book.sphinx` is the Sphinx extension listed in
``_config.yml``.
"""
