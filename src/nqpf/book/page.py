"""What every executable page of the book calls: its first cell's set-up and its last cell's record.

* :func:`record` emits the page's inputs (the data files it read and the ``nqpf`` modules it
  imported, with their hashes; :func:`nqpf.provenance.inputs`) as a hidden output, so that the
  data-aware cache (:mod:`nqpf.book.sphinx.cache`) re-executes the page exactly when one changes.
"""

from __future__ import annotations

from .. import provenance


def record():
    """Emit the page's inputs as a hidden output (the last cell of every executable page)."""
    from IPython.display import display

    display({provenance.MIME: provenance.inputs(), "text/plain": "nqpf provenance record"}, raw=True)
