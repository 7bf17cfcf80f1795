"""The book's Sphinx extension (listed in ``_config.yml`` as ``nqpf.book.sphinx``).

One module per concern, each saying which upstream issue it works around:

* :mod:`~nqpf.book.sphinx.cache` — a jupyter-cache that knows about data;
* :mod:`~nqpf.book.sphinx.assets` — offline MathJax 3 for the widgets, de-duplicated scripts.
"""

from __future__ import annotations

from . import assets, cache


def setup(app):
    cache.setup(app)
    assets.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "2"}
